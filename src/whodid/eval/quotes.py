"""Quote extraction scored against PolNeAR's hand-annotated attributions.

PolNeAR (Newell, Margolin, Ruths, LREC 2018) marks, in US political news, every
attribution: the Source (who), the Cue ("said") and the Content (what). The
corpus is read at run time from a folder (default ``../shared/eval/polnear``
beside the repository); its texts belong to their publishers and never ship here.

    python -m whodid.eval.quotes --split dev

How it scores, per article (the first ``.ann`` file in sorted order when an
article has several):

* Gold items are the Content spans of the attribution relations (``Content`` and
  ``Content2``). A discontinuous span ("“A,” he said, “B”") is cut into its
  pieces, pieces separated only by whitespace or punctuation joined again: each
  piece is one gold item, as whodid gives one quote per pair of marks. An item is
  *direct* when it contains a quotation mark (``"“”``, or ``''`` as the New York
  Times texts write them) or is enclosed by marks in the text around it, else
  *indirect*. Discard and Discuss spans are not items.
* whodid reads the text as stored (it reads ``''`` as quotation marks itself);
  ``--restore-marks`` turns ``''`` into curly marks of the same length first.
* Predictions are whodid's quotes of kind direct and partial (class direct) and
  indirect (class indirect); kind ``term`` is ignored, and so is a prediction
  lying wholly inside a Discard span (boilerplate the annotators skipped).
* Predictions are classed by their span with the rule that classes gold items
  (``--class-by-kind``: by whodid's kind), and one lying wholly inside a larger
  prediction is part of it (PolNeAR is univocal); see ``whodid_items``.
* Spans are compared after trimming whitespace and punctuation (quotation marks
  included) and a leading "that" at both edges. *Exact*: the trimmed spans are equal. *Overlap*: they
  share a character; pairs are made one-to-one, greedily by overlap size.
  Matching is within a class; the ``all`` row matches every gold item against
  every prediction whatever their class.
* Speaker accuracy is over the overlap-matched pairs whose gold item has a Source
  span: correct when the predicted speaker mention overlaps the Source span, or
  the predicted speaker actor has a mention (``Analysis.actors``) that does.
  A prediction without a speaker counts as wrong (and is counted as missing).

The baseline is textacy's ``extract.triples.direct_quotations`` on the same spaCy
Doc as whodid's, made from the same input text (it only finds direct quotes with a speaker, so it is scored on the direct
class). It refuses a Doc with an odd number of quotation-mark tokens; such an
article is then run paragraph by paragraph, skipping the paragraphs it refuses
too. Without textacy installed the baseline is skipped with a note.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.eval import shared_eval
from whodid.nlp.extensions import char_tokens

QUOTE_MARKS = '"“”'
OPENING = '"“'
CLOSING = '"”'
CLASSES = ("direct", "indirect")
PRED_CLASS = {"direct": "direct", "partial": "direct", "indirect": "indirect"}  # "term" is no quote
TARGETS = {"direct_f1": 0.90, "speaker_accuracy": 0.85, "indirect_f1": 0.60}
_T_LINE = re.compile(r"^(T\d+)\t([^\t ]+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_TWO_APOSTROPHES = re.compile(r"(?<!')''(?!')")

Pieces = tuple[tuple[int, int], ...]


# --------------------------------------------------------------------------- brat


@dataclass
class TextSpan:
    """A text-bound brat annotation: ``T<n>  Type start end[;start end...]``."""

    id: str
    type: str
    pieces: Pieces

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass
class Attribution:
    """One attribution relation (an ``E`` line) with its spans resolved."""

    id: str
    anchor: str  # "Attribution" or "Attribution-no-source"
    source: TextSpan | None = None
    cue: TextSpan | None = None
    content: list[TextSpan] = field(default_factory=list)  # Content, then Content2 ...


@dataclass
class Annotations:
    spans: dict[str, TextSpan]
    attributions: list[Attribution]

    def of_type(self, *types: str) -> list[TextSpan]:
        return [s for s in self.spans.values() if s.type in types]


def parse_ann(data: str) -> Annotations:
    """Read a PolNeAR ``.ann`` file's text.

    Only ``T`` (text-bound) and ``E`` (event, here: attribution) lines carry what
    is scored; notes (``#``), and the continuation of a covered text that held a
    line break, are skipped. Offsets are read from the offsets field, never from
    the covered text.
    """
    spans: dict[str, TextSpan] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in data.splitlines():
        if m := _T_LINE.match(line):
            pieces = tuple(sorted((int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))))
            spans[m.group(1)] = TextSpan(m.group(1), m.group(2), pieces)
        elif m := _E_LINE.match(line):
            args = [tuple(a.split(":", 1)) for a in m.group(2).split() if ":" in a]
            if args:
                events.append((m.group(1), args))  # type: ignore[arg-type]
    attributions = []
    for eid, args in events:
        (anchor, _), roles = args[0], args[1:]
        attribution = Attribution(eid, anchor)
        for role, ref in roles:
            span = spans.get(ref)
            if span is None:
                continue
            kind = role.rstrip("0123456789")
            if kind == "Content":
                attribution.content.append(span)
            elif kind == "Source" and attribution.source is None:
                attribution.source = span
            elif kind == "Cue" and attribution.cue is None:
                attribution.cue = span
        attributions.append(attribution)
    return Annotations(spans, attributions)


def read_ann(path: str | Path) -> Annotations:
    return parse_ann(Path(path).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- spans


def _edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


_LEADING_THAT = re.compile(r"that\b", re.I)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` less whitespace and punctuation (quotation marks too) at both edges,
    and a leading complementiser "that" ("said that X" reports X, the same content
    whether or not an annotator or a system took the "that" in)."""
    while True:
        while start < end and _edge(text[start]):
            start += 1
        while end > start and _edge(text[end - 1]):
            end -= 1
        m = _LEADING_THAT.match(text, start, end)
        if m is None or m.end() == end:
            return start, end
        start = m.end()


def restore_quote_marks(text: str) -> str:
    """PolNeAR's New York Times texts write quotation marks as two apostrophes
    (``''Yes,'' he said``). The same text with each such pair turned into a curly
    mark plus a space (`` “`` opening, ``” `` closing): same length, so every
    offset still holds."""

    def mark(m: re.Match[str]) -> str:
        i, j = m.start(), m.end()
        before_space = i == 0 or text[i - 1].isspace()
        after = text[j:j + 1]
        opening = after.isalnum() or (before_space and after != "" and not after.isspace())
        return " \u201c" if opening else "\u201d "

    return _TWO_APOSTROPHES.sub(mark, text)


def is_direct(text: str, start: int, end: int) -> bool:
    """A quotation mark inside, or marks right around it (“..., ” allowing closing punctuation).
    Two apostrophes used as a quotation mark count as one."""
    if "''" in text[max(start - 2, 0):end + 2]:
        text = restore_quote_marks(text)
    if any(ch in QUOTE_MARKS for ch in text[start:end]):
        return True
    i = start
    while i > 0 and start - i < 3 and text[i - 1].isspace():
        i -= 1
    j = end
    while j < len(text) and j - end < 3 and (text[j].isspace() or text[j] in ".,;:!?"):
        j += 1
    return i > 0 and text[i - 1] in OPENING and j < len(text) and text[j] in CLOSING


@dataclass
class Item:
    """A span to match: a gold content piece or a predicted quote."""

    start: int  # trimmed
    end: int
    cls: str  # "direct" | "indirect"
    speakers: Pieces = ()  # gold: the Source span's pieces; prediction: the speaker's mentions
    has_source: bool = False  # gold only: the attribution names a source
    kind: str = ""  # prediction: whodid's kind; gold: the relation id
    speaker_missing: bool = False  # prediction: no speaker at all


def gold_items(text: str, annotations: Annotations) -> list[Item]:
    """One item per content piece of every attribution (see the module doc)."""
    items = []
    for attribution in annotations.attributions:
        pieces = sorted(p for span in attribution.content for p in span.pieces)
        merged: list[list[int]] = []
        for start, end in pieces:
            if merged and all(_edge(ch) for ch in text[merged[-1][1]:start]):
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        source = attribution.source.pieces if attribution.source else ()
        for start, end in merged:
            t_start, t_end = trim(text, start, end)
            if t_start >= t_end:
                continue
            items.append(Item(t_start, t_end, "direct" if is_direct(text, start, end) else "indirect",
                              speakers=source, has_source=bool(source), kind=attribution.id))
    return sorted(items, key=lambda i: (i.start, i.end))


def _inside(start: int, end: int, regions: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in regions)


def whodid_items(analysis: Any, discard: Iterable[tuple[int, int]] = (), class_by: str = "span") -> list[Item]:
    """whodid's quotes as items; never terms.

    ``class_by="span"`` (the default) puts a prediction in a class by the rule that
    classes gold items (``is_direct``: a quotation mark in or around the span), so a
    reported clause with a quoted phrase in it ("said Trump was “very involved”")
    is compared with the gold items written the same way. A quote lying wholly inside
    another (a partial quote inside a reported clause, a nested quote) is part of
    that one, as PolNeAR is univocal (a token has one role in one relation), and is
    not an item of its own. ``class_by="kind"``: by whodid's kind (direct and
    partial: direct; indirect: indirect), every quote an item."""
    text = analysis.article.text
    discard = list(discard)
    mentions = {a.id: tuple((m.start, m.end) for m in a.mentions) for a in analysis.actors}
    quotes = [q for q in analysis.quotes if q.kind in PRED_CLASS]
    if class_by == "span":
        # PolNeAR is univocal (a token has one role in one relation): what lies inside a larger
        # quote is part of it, not a relation of its own
        ranked = sorted(quotes, key=lambda q: (q.start, -(q.end - q.start)))
        kept, reach = [], -1
        for q in ranked:
            if q.end <= reach:
                continue
            kept.append(q)
            reach = max(reach, q.end)
        quotes = kept
    items = []
    for quote in quotes:
        start, end = trim(text, quote.start, quote.end)
        if start >= end or _inside(start, end, discard):
            continue
        if class_by == "span":  # a quote found from its marks is direct even when one mark is missing
            cls = "direct" if PRED_CLASS[quote.kind] == "direct" or is_direct(text, quote.start, quote.end) else "indirect"
        else:
            cls = PRED_CLASS[quote.kind]
        speakers: list[tuple[int, int]] = []
        if quote.speaker_mention is not None:
            speakers.append((quote.speaker_mention.start, quote.speaker_mention.end))
        if quote.speaker is not None:
            speakers.extend(mentions.get(quote.speaker, ()))
        items.append(Item(start, end, cls, tuple(speakers), kind=quote.kind,
                          speaker_missing=quote.speaker_mention is None and quote.speaker is None))
    return items


# --------------------------------------------------------------------------- baseline


def textacy_spans(doc: Any) -> tuple[list[tuple[int, int, int, int]], str]:
    """textacy's direct quotations in ``doc`` as ``(start, end, speaker_start, speaker_end)``,
    and how they were found: "doc", or "paragraphs" when the whole Doc was refused."""
    from textacy.extract.triples import direct_quotations

    from whodid.quotes.extract import paragraphs

    def run(d: Any, offset: int) -> list[tuple[int, int, int, int]]:
        out = []
        for triple in direct_quotations(d):
            speaker = sorted(triple.speaker, key=lambda t: t.i)
            out.append((triple.content.start_char + offset, triple.content.end_char + offset,
                        speaker[0].idx + offset, speaker[-1].idx + len(speaker[-1].text) + offset))
        return out

    try:
        return run(doc, 0), "doc"
    except ValueError:  # an odd number of quotation marks in the whole text
        pass
    found = []
    for p_start, p_end in paragraphs(doc.text):
        span = char_tokens(doc, p_start, p_end)
        if span is None:
            continue
        try:
            found.extend(run(span.as_doc(), span.start_char))
        except ValueError:
            continue
    return found, "paragraphs"


def textacy_items(text: str, spans: list[tuple[int, int, int, int]], discard: Iterable[tuple[int, int]] = ()) -> list[Item]:
    discard = list(discard)
    items = []
    for start, end, s_start, s_end in spans:
        start, end = trim(text, start, end)
        if start < end and not _inside(start, end, discard):
            items.append(Item(start, end, "direct", ((s_start, s_end),), kind="direct"))
    return items


class _TextacyStage:
    """Runs textacy on the Doc the pipeline already parsed (so the text is parsed once)."""

    name = "textacy_baseline"

    def __init__(self) -> None:
        self.found: dict[str, tuple[list[tuple[int, int, int, int]], str]] = {}

    def __call__(self, doc: Any, analysis: Any) -> None:
        self.found[analysis.article.id] = textacy_spans(doc)


def textacy_available() -> str | None:
    """None when the baseline can run, else why not."""
    try:
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except Exception as exc:  # ImportError, or textacy failing against this spaCy
        return f"textacy baseline skipped: cannot import textacy ({type(exc).__name__}: {exc}); `pip install textacy`"
    return None


# --------------------------------------------------------------------------- matching


def _overlap(a: Item, b: Item) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_exact(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, prediction index)`` with equal trimmed spans."""
    free: dict[tuple[int, int], list[int]] = {}
    for gi, g in enumerate(gold):
        free.setdefault((g.start, g.end), []).append(gi)
    pairs = []
    for pi, p in enumerate(pred):
        waiting = free.get((p.start, p.end))
        if waiting:
            pairs.append((waiting.pop(0), pi))
    return pairs


def match_overlap(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs sharing at least one character, the largest overlaps first."""
    candidates = sorted(((-_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                         if _overlap(g, p) > 0))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def speaker_correct(gold: Item, pred: Item) -> bool:
    return any(s < ge and gs < e for s, e in pred.speakers for gs, ge in gold.speakers)


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    speaker_pairs: int = 0  # overlap pairs whose gold names a source
    speaker_correct: int = 0
    speaker_missing: int = 0  # ... of which the prediction had no speaker

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ClassResult:
    """One class in one article, with the pairs (for looking at errors)."""

    gold: list[Item]
    pred: list[Item]
    exact: list[tuple[int, int]]
    overlap: list[tuple[int, int]]

    def counts(self) -> Counts:
        pairs = [(self.gold[g], self.pred[p]) for g, p in self.overlap if self.gold[g].has_source]
        return Counts(
            gold=len(self.gold), pred=len(self.pred), exact=len(self.exact), overlap=len(self.overlap),
            speaker_pairs=len(pairs), speaker_correct=sum(speaker_correct(g, p) for g, p in pairs),
            speaker_missing=sum(p.speaker_missing for _, p in pairs),
        )


def score(gold: list[Item], pred: list[Item], classes: Iterable[str] = CLASSES) -> dict[str, ClassResult]:
    """Match per class, and once over everything ("all")."""
    out = {}
    for cls in classes:
        g = [i for i in gold if i.cls == cls]
        p = [i for i in pred if i.cls == cls]
        out[cls] = ClassResult(g, p, match_exact(g, p), match_overlap(g, p))
    if len(tuple(classes)) > 1:
        out["all"] = ClassResult(gold, pred, match_exact(gold, pred), match_overlap(gold, pred))
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def metrics(c: Counts) -> dict[str, Any]:
    out: dict[str, Any] = {"gold": c.gold, "pred": c.pred}
    for mode in ("exact", "overlap"):
        tp = getattr(c, mode)
        p, r = _ratio(tp, c.pred), _ratio(tp, c.gold)
        out[mode] = {"tp": tp, "precision": p, "recall": r, "f1": _f1(p, r)}
    out["speaker"] = {"pairs": c.speaker_pairs, "correct": c.speaker_correct, "missing": c.speaker_missing,
                      "accuracy": _ratio(c.speaker_correct, c.speaker_pairs)}
    return out


# --------------------------------------------------------------------------- corpus


@dataclass
class GoldArticle:
    stem: str
    text: str
    published: str | None
    ann: Path
    annotations: Annotations
    gold: list[Item]

    @property
    def discard(self) -> list[tuple[int, int]]:
        return [p for s in self.annotations.of_type("Discard") for p in s.pieces]


def default_root() -> Path:
    """``$WHODID_POLNEAR``, else ``../shared/eval/polnear`` from the repository root (or the working directory)."""
    if env := os.environ.get("WHODID_POLNEAR"):
        return Path(env)
    return shared_eval("polnear")


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    path = root / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def ann_files(split_dir: Path) -> dict[str, Path]:
    """stem -> its first ``.ann`` file in sorted order (``<stem>_<annotator>.ann``)."""
    chosen: dict[str, Path] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, path)
    return chosen


def load_split(split: str = "dev", root: str | Path | None = None, limit: int | None = None) -> list[GoldArticle]:
    root = Path(root) if root is not None else default_root()
    split_dir = root / split
    if not (split_dir / "text").is_dir():
        raise FileNotFoundError(f"no PolNeAR split {split!r} under {root} (expected {split_dir}/text and /attributions)")
    meta = read_metadata(root)
    anns = ann_files(split_dir)
    articles = []
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        stem = text_path.stem
        if stem not in anns:
            continue
        with text_path.open(encoding="utf-8", newline="") as f:  # offsets count every character, \r too
            text = f.read()
        annotations = read_ann(anns[stem])
        published = meta.get(stem, {}).get("publication_date") or None
        articles.append(GoldArticle(stem, text, published, anns[stem], annotations, gold_items(text, annotations)))
        if limit is not None and len(articles) >= limit:
            break
    return articles


@dataclass
class ArticleResult:
    article: GoldArticle
    analysis: Any
    whodid: dict[str, ClassResult]
    textacy: dict[str, ClassResult] | None = None
    textacy_mode: str | None = None


def evaluate(articles: list[GoldArticle], baseline: bool = True,
             progress: Callable[[int, int, str], None] | None = None,
             restore_marks: bool = False, class_by: str = "span") -> Iterator[ArticleResult]:
    """Run whodid (and textacy) on the articles, yielding each article's matches in order."""
    from whodid.model import Article
    from whodid.pipeline import STAGE_NAMES, Pipeline, PipelineConfig

    names = list(STAGE_NAMES)
    # the stages the quotes stage builds on (actors, when there), and quotes itself
    stages = Pipeline(PipelineConfig(stages=tuple(names[: names.index("quotes") + 1]))).stages
    capture = _TextacyStage() if baseline else None
    if capture is not None:
        stages.append(capture)
    pipeline = Pipeline(stages=stages)
    by_id = {a.stem: a for a in articles}
    inputs = (Article(text=restore_quote_marks(a.text) if restore_marks else a.text, id=a.stem,
                      published=a.published, source=a.stem.split("_", 1)[0]) for a in articles)
    for done, analysis in enumerate(pipeline.analyze_many(inputs), 1):
        gold_article = by_id[analysis.article.id]
        discard = gold_article.discard
        result = ArticleResult(gold_article, analysis,
                               score(gold_article.gold, whodid_items(analysis, discard, class_by)))
        if capture is not None:
            spans, mode = capture.found.pop(analysis.article.id)
            result.textacy = score(gold_article.gold, textacy_items(gold_article.text, spans, discard), ("direct",))
            result.textacy_mode = mode
        if progress is not None:
            progress(done, len(articles), gold_article.stem)
        yield result


def run(split: str = "dev", root: str | Path | None = None, limit: int | None = None,
        progress: Callable[[int, int, str], None] | None = None, *, baseline: bool = True,
        restore_marks: bool = False, class_by: str = "span") -> dict[str, Any]:
    """Score whodid (and the textacy baseline) on a PolNeAR split; the figures as a dict."""
    began = time.monotonic()
    root_path = Path(root) if root is not None else default_root()
    articles = load_split(split, root_path, limit)
    note = textacy_available() if baseline else "textacy baseline not requested"
    totals = {cls: Counts() for cls in (*CLASSES, "all")}
    baseline_totals = Counts()
    refused = 0
    if class_by not in ("span", "kind"):
        raise ValueError(f"class_by {class_by!r}: choose span or kind")
    for result in evaluate(articles, baseline=note is None, progress=progress, restore_marks=restore_marks,
                           class_by=class_by):
        for cls, res in result.whodid.items():
            totals[cls].add(res.counts())
        if result.textacy is not None:
            baseline_totals.add(result.textacy["direct"].counts())
            refused += result.textacy_mode == "paragraphs"
    relations = [r for a in articles for r in a.annotations.attributions]
    figures: dict[str, Any] = {
        "split": split,
        "root": str(root_path),
        "articles": len(articles),
        "attributions": len(relations),
        "attributions_without_content": sum(not r.content for r in relations),
        "attributions_without_source": sum(r.source is None for r in relations),
        "restore_marks": restore_marks,
        "class_by": class_by,
        "whodid": {cls: metrics(c) for cls, c in totals.items()},
        "textacy": {"direct": metrics(baseline_totals)} if note is None else None,
        "textacy_note": note if note is not None else (
            f"textacy refused {refused} of {len(articles)} whole articles (odd number of quotation marks); "
            "those were run paragraph by paragraph"),
        "targets": dict(TARGETS),
        "seconds": round(time.monotonic() - began, 1),
    }
    return figures


# --------------------------------------------------------------------------- report


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _check(value: float | None, target: float) -> str:
    if value is None:
        return f"n/a (target >= {target:.2f})"
    return f"{value:.3f} {'meets' if value >= target else 'below'} >= {target:.2f}"


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table, with the issue's targets beside them."""
    lines = [
        f"PolNeAR {figures['split']}: {figures['articles']} articles, {figures['attributions']} attributions "
        f"({figures['attributions_without_source']} without a source, "
        f"{figures['attributions_without_content']} without content); {figures['seconds']} s",
        ("input: '' read as quotation marks" if figures.get("restore_marks", False) else "input: text as stored ('' left as is)")
        + "; gold items = content spans (a discontinuous span counts once per piece); "
        "exact = same span after trimming whitespace/punctuation/leading 'that'; overlap = any shared character, "
        "one-to-one; predictions classed by "
        + ("their span, as gold is" if figures.get("class_by", "span") == "span" else "whodid's kind"),
        "",
        f"{'system':8} {'class':9} {'gold':>5} {'pred':>5} | {'exact P':>7} {'R':>5} {'F1':>5} | "
        f"{'ovl P':>5} {'R':>5} {'F1':>5} | {'speaker acc':>11} {'(n)':>6} {'no spk':>6}",
    ]
    rows = [("whodid", cls, m) for cls, m in figures["whodid"].items()]
    if figures.get("textacy"):
        rows += [("textacy", cls, m) for cls, m in figures["textacy"].items()]
    for system, cls, m in rows:
        e, o, s = m["exact"], m["overlap"], m["speaker"]
        lines.append(
            f"{system:8} {cls:9} {m['gold']:5d} {m['pred']:5d} | {_fmt(e['precision']):>7} {_fmt(e['recall'])} "
            f"{_fmt(e['f1'])} | {_fmt(o['precision'])} {_fmt(o['recall'])} {_fmt(o['f1'])} | "
            f"{_fmt(s['accuracy']):>11} {s['pairs']:6d} {s['missing']:6d}"
        )
    w = figures["whodid"]
    t = figures["targets"]
    lines += [
        "",
        "targets (issue 5), whodid:",
        f"  direct content F1      exact {_check(w['direct']['exact']['f1'], t['direct_f1'])}; "
        f"overlap {_check(w['direct']['overlap']['f1'], t['direct_f1'])}",
        f"  speaker accuracy       direct {_check(w['direct']['speaker']['accuracy'], t['speaker_accuracy'])}; "
        f"all {_check(w['all']['speaker']['accuracy'], t['speaker_accuracy'])}",
        f"  indirect content F1    exact {_check(w['indirect']['exact']['f1'], t['indirect_f1'])}; "
        f"overlap {_check(w['indirect']['overlap']['f1'], t['indirect_f1'])}",
    ]
    if figures.get("textacy_note"):
        lines += ["", figures["textacy_note"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m whodid.eval.quotes",
                                     description="Score whodid's quotes against PolNeAR (and textacy as a baseline).")
    parser.add_argument("--split", default="dev", choices=["dev", "train"], help="dev for reporting, train for development")
    parser.add_argument("--root", default=None, help="PolNeAR folder (default ../shared/eval/polnear or $WHODID_POLNEAR)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--no-baseline", action="store_true", help="skip the textacy baseline")
    parser.add_argument("--restore-marks", action="store_true",
                        help="turn '' into curly quotation marks before whodid reads the text")
    parser.add_argument("--class-by-kind", action="store_true",
                        help="class predictions by whodid's kind, not by their span as gold items are")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)

    def progress(done: int, total: int, stem: str) -> None:
        print(f"\r{done}/{total} {stem[:60]:60}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    try:
        figures = run(args.split, args.root, args.limit, None if args.quiet else progress,
                      baseline=not args.no_baseline, restore_marks=args.restore_marks,
                      class_by="kind" if args.class_by_kind else "span")
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(figures, indent=2) if args.json else format_report(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
