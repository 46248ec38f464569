// Small DOM helpers shared by the pages. Text always goes in through textContent,
// never innerHTML, so nothing from the database can become markup.
"use strict";
const SVGNS = "http://www.w3.org/2000/svg";

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

async function getJSON(url, statusNode) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body.detail || response.statusText;
    if (statusNode) statusNode.textContent = "Error: " + message;
    throw new Error(message);
  }
  if (statusNode) statusNode.textContent = "";
  return body;
}

// Red for conflict, grey for neutral, green for cooperation (score -10 .. +10).
function scoreColour(score) {
  if (score === null || score === undefined) return "#999";
  const t = Math.max(-1, Math.min(1, score / 10));
  if (t < 0) return `rgb(${Math.round(150 + 70 * -t)}, ${Math.round(150 - 110 * -t)}, ${Math.round(150 - 110 * -t)})`;
  return `rgb(${Math.round(150 - 120 * t)}, ${Math.round(150 + 40 * t)}, ${Math.round(150 - 90 * t)})`;
}

function formParams(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

function names(list) {
  return (list || []).map((a) => a.name || a.id).join(", ") || "–";
}
