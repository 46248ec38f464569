"""Checks against a test set written for whodid: clean articles and controlled edits of them.

The dev set (``whodid/data/checks/eval.yaml``; the checks were tuned on it) and
a held-out set written afterwards (``heldout.yaml``, scored without changes) hold short newswire-style articles
about real events and edits that each plant one problem an editor would flag (a
near-miss name, a role that does not fit the date, a negated headline, a changed
weekday, a contradictory stance, an event after publication). Run

    whodid eval checks [--set heldout]     (or python -m whodid.eval.checks)

to print, per check kind, true and false positives, misses, precision and
recall, and whether any clean article raised a check above severity info.

Scoring: only checks of severity warning or error count. A raised check is a
true positive when the item expects its kind and its span, or one of the spans
it cites, overlaps the edited text (headline checks: the headline); every other
raised check is a false positive, every expected kind not found a miss.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from whodid.model import Analysis, Article, Check

COUNTED = ("warning", "error")


@dataclass
class Item:
    id: str
    text: str
    published: str
    expect: list[str]
    what: str = "clean"
    base: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the edit put its new text


SETS = {"dev": "eval.yaml", "heldout": "heldout.yaml"}  # dev: the checks were tuned on it; heldout: scored once


def default_path(name: str = "dev") -> Path:
    return Path(str(resources.files("whodid") / "data" / "checks" / SETS[name]))


def load_items(path: str | Path | None = None) -> list[Item]:
    """The clean articles, then each edit applied to its article (ValueError on a broken edit)."""
    path = Path(path or default_path())
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [Item(a["id"], a["text"], str(a["published"]), []) for a in data["articles"]]
    by_id = {i.id: i for i in items}
    for e in data.get("edits") or []:
        base = by_id.get(e["base"])
        if base is None:
            raise ValueError(f"{path}: edit {e['id']}: no article {e['base']!r}")
        text = base.text
        for old, new in e["replace"]:
            if text.count(old) != 1:
                raise ValueError(f"{path}: edit {e['id']}: {old!r} occurs {text.count(old)} times in {base.id}")
            text = text.replace(old, new)
        spans = []
        for _old, new in e["replace"]:
            at = text.find(new)
            spans.append((at, at + len(new)))
        items.append(Item(e["id"], text, base.published, list(e["expect"]), e.get("what", "edit"), base.id, spans))
    return items


def _spans(check: Check) -> list[tuple[int, int]]:
    out = [(s.start, s.end) for s in check.spans]
    if check.start is not None and check.end is not None:
        out.append((check.start, check.end))
    return out


def _headline(text: str) -> tuple[int, int]:
    end = text.find("\n")
    return 0, end if end >= 0 else len(text)


def _hits(check: Check, item: Item) -> bool:
    targets = list(item.spans)
    if check.kind == "headline_unsupported":
        targets.append(_headline(item.text))
    spans = _spans(check)
    if not spans:
        return True  # a check of the whole article
    return any(s < te and ts < e for s, e in spans for ts, te in targets)


@dataclass
class Result:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str]] = field(default_factory=list)  # (item, kind)
    false: list[tuple[str, str, str]] = field(default_factory=list)  # (item, kind, message)
    clean: int = 0
    clean_flagged: list[str] = field(default_factory=list)
    items: int = 0


def score_analyses(items: list[Item], analyses: list[Analysis]) -> Result:
    r = Result(items=len(items))
    for item, a in zip(items, analyses):
        raised = [c for c in a.checks if c.severity in COUNTED]
        found: set[str] = set()
        for c in raised:
            if c.kind in item.expect and _hits(c, item):
                if c.kind not in found:
                    r.tp[c.kind] += 1
                    found.add(c.kind)
            elif c.kind not in found:
                r.fp[c.kind] += 1
                r.false.append((item.id, c.kind, c.message))
        for kind in item.expect:
            if kind not in found:
                r.fn[kind] += 1
                r.misses.append((item.id, kind))
        if item.base is None:
            r.clean += 1
            if raised:
                r.clean_flagged.append(item.id)
    return r


def score(pipeline=None, path: str | Path | None = None, name: str = "dev") -> Result:
    from whodid.pipeline import Pipeline

    items = load_items(path or default_path(name))
    pipeline = pipeline or Pipeline()
    analyses = list(pipeline.analyze_many(Article(text=i.text, published=i.published, id=i.id) for i in items))
    return score_analyses(items, analyses)


def format_result(r: Result) -> str:
    kinds = sorted(set(r.tp) | set(r.fp) | set(r.fn))
    lines = [f"checks test set: {r.items} articles ({r.clean} clean, {r.items - r.clean} edited); "
             "checks of severity warning or above",
             f"{'kind':<24}{'TP':>4}{'FP':>4}{'FN':>4}{'precision':>11}{'recall':>8}"]
    for k in kinds:
        tp, fp, fn = r.tp[k], r.fp[k], r.fn[k]
        p = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        rec = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        lines.append(f"{k:<24}{tp:>4}{fp:>4}{fn:>4}{p:>11}{rec:>8}")
    tp, fp, fn = sum(r.tp.values()), sum(r.fp.values()), sum(r.fn.values())
    lines.append(f"{'all':<24}{tp:>4}{fp:>4}{fn:>4}{tp / max(tp + fp, 1):>11.2f}{tp / max(tp + fn, 1):>8.2f}")
    lines.append(f"clean articles with a check above info: {len(r.clean_flagged)}/{r.clean}"
                 + (f" ({', '.join(r.clean_flagged)})" if r.clean_flagged else ""))
    if r.false:
        lines.append("false positives:")
        lines += [f"  {i}: {k}: {m[:150]}" for i, k, m in r.false]
    if r.misses:
        lines.append("misses:")
        lines += [f"  {i}: {k}" for i, k in r.misses]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(format_result(score()) + "\n")
