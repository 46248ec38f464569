"""A readable terminal report of one Analysis (``whodid analyze --report``)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from whodid.model import Analysis

# Which stage fills which section: an empty section says whether the stage ran.
SECTIONS = [("actors", "actors"), ("quotes", "quotes"), ("events", "events"),
            ("dates", "time"), ("places", "places"), ("checks", "checks")]


def render(analysis: Analysis, console: Console) -> None:
    a, meta = analysis.article, analysis.meta
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    published = a.published or "unknown"
    if a.published and a.published_inferred:
        published += " (inferred from the text)"
    for label, value in (("id", a.id), ("title", a.title), ("byline", a.byline), ("url", a.url),
                         ("source", a.source), ("published", published), ("language", a.language or "uncertain"),
                         ("sha1", a.text_sha1)):
        if value:
            head.add_row(label, str(value))
    head.add_row("parsed", f"{len(a.text):,} characters, {meta.sentences} sentences, {meta.tokens} tokens"
                 + (f", in {meta.chunks} pieces" if meta.chunks > 1 else ""))
    head.add_row("stages", " -> ".join(meta.stages) + f"   ({meta.model}, whodid {meta.whodid_version})")
    console.print(Panel(head, title="[bold]article", expand=False))

    for field_name, stage in SECTIONS:
        items = getattr(analysis, field_name)
        if items:
            console.print(_table(field_name, items, analysis))
        elif stage in meta.stages or field_name == "checks":
            console.print(Text(f"{field_name}: none found", style="dim"))
        else:
            console.print(Text(f"{field_name}: not computed (the {stage} stage is not in this pipeline yet)",
                               style="dim italic"))


def _table(name: str, items: list, analysis: Analysis) -> Table | Group:
    table = Table(title=f"{name} ({len(items)})", title_justify="left", show_lines=False)
    if name == "actors":
        for col in ("name", "code", "kind", "role", "mentions"):
            table.add_column(col)
        for x in items:
            # an actor with no mention was added by an event coding convention
            mentions = ", ".join(sorted({m.text for m in x.mentions})) or "(inferred, not named in the text)"
            # an attribute guessed from the article's context, not read from the text or the KB
            guessed = f" ({', '.join(x.inferred)} from context)" if getattr(x, "inferred", None) else ""
            table.add_row(x.name, (x.code or "") + guessed, x.kind, x.role or "", mentions)
    elif name == "quotes":
        for col in ("speaker", "kind", "cue", "text"):
            table.add_column(col)
        names = {a.id: a.name for a in analysis.actors}
        for q in items:
            speaker = names.get(q.speaker) or q.speaker_text or "?"
            table.add_row(speaker + (" (carried over)" if q.carried_over else ""), q.kind, q.cue or "", q.text)
    elif name == "events":
        for col in ("type", "cameo", "actor -> recipient", "modality", "date", "place", "trigger"):
            table.add_column(col)
        code = {a.id: a.code or a.name for a in analysis.actors}
        name = {a.id: a.name for a in analysis.actors}
        for e in items:
            actors = ", ".join(code.get(i, i) for i in e.actor) or "?"
            recipients = ", ".join(code.get(i, i) for i in e.recipient) or "-"
            # a role filled by a coding convention, not read from the text
            actors += " (inferred)" if "actor" in e.inferred else ""
            recipients += " (inferred)" if "recipient" in e.inferred else ""
            reported = f" (per {name.get(e.reported_by, e.reported_by)})" if e.reported_by else ""
            table.add_row(e.type, e.cameo or "", f"{actors} -> {recipients}{reported}",
                          e.modality, e.date or "", (e.place or "") + (" (inferred)" if e.place and "place" in e.inferred else ""),
                          e.trigger.text)
    elif name == "dates":
        for col in ("text", "value", "precision"):
            table.add_column(col)
        for d in items:
            table.add_row(d.text, d.value or "", d.precision)
    elif name == "places":
        for col in ("name", "geonames", "country", "lat, lon"):
            table.add_column(col)
        for p in items:
            coords = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None else ""
            table.add_row(p.name, str(p.geonames_id or ""), p.country or "", coords)
    elif name == "checks":
        for col in ("severity", "kind", "message", "evidence"):
            table.add_column(col)
        for c in items:
            evidence = analysis.article.text[c.start:c.end] if c.start is not None and c.end is not None else ""
            table.add_row(c.severity, c.kind, c.message, evidence)
    return table
