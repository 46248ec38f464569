"""Score the events stage on PLOVER gold-standard records (``plover-gsr-dev.json`` format).

Each gold record is one sentence with one coded event: ``event`` (PLOVER 0.5 label),
``source`` / ``target`` actor lists with ISO-3166 ``code`` and optional ``sector``.
The 0.5 labels are mapped to PLOVER 2.0 as the 2.0 manual's "CAMEO to PLOVER
translation" says: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE,
FIGHT -> ASSAULT; the others are unchanged.

Scoring, per record (micro-averaged over records and per type):

- type: the distinct event types whodid emits for the sentence; the gold type among
  them is a true positive, each other type a false positive; a gold type not emitted
  a false negative.
- type + actor + recipient: an emitted event matches when its type is the gold type,
  its actors' country codes (first three letters of the CAMEO-style code) cover the
  gold source codes and its recipients' cover the gold target codes (an empty gold
  target matches any recipient). Counted the same way.

Code vocabulary. The gold file is coded in PLOVER 0.5's vocabulary, which differs
from the 2.0 one whodid writes in two ways, both normalised before comparing:

- ``IGO`` stands for every international non-state entity (the UN, the EU, the Red
  Cross, Amnesty International...), where PLOVER 2.0 (manual, "Non-state
  international actors") and CAMEO split them into IGO, NGO, ISM, IMG and MNC. A gold
  ``IGO`` therefore matches any of those five (and a gold record that already writes
  one of the finer codes, e.g. ``IMG`` for al-Qaeda, is keyed as IGO too).
- a few pre-ISO country codes: ``JAP`` (Japan, ISO ``JPN``), ``ITL`` (Italy,
  ``ITA``), ``VTN`` (Viet Nam, ``VNM``).

``--strict`` turns both off (exact three-letter comparison, as before 2026-11-24).

Usage (the CLI wires ``whodid eval plover FILE`` to ``main``):

    whodid eval events [GOLD.json] [--strict]   (default ../shared/eval/plover-gsr-dev.json)
    whodid eval plover [GOLD.json] [--strict]   (the same)
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.eval import shared_eval
from whodid.model import Analysis

PLOVER_05_TO_20 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def gold_type(label: str) -> str:
    return PLOVER_05_TO_20.get(label, label)


# PLOVER 0.5 gold codes -> the ISO 3166 code whodid writes
GOLD_CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# codes the gold file's IGO covers (PLOVER 2.0 / CAMEO international non-state codes)
INTERNATIONAL = {"IGO", "NGO", "ISM", "IMG", "MNC", "UNO"}


def _codes(actors: Any, strict: bool = False) -> set[str]:
    if not actors or not isinstance(actors, list):
        return set()
    codes = {str(a.get("code", ""))[:3].upper() for a in actors if isinstance(a, dict) and a.get("code")}
    # the few gold records that already use a finer international code (IMG for
    # al-Qaeda, NGO) are keyed like whodid's: every international code as IGO
    return codes if strict else {"IGO" if c in INTERNATIONAL else GOLD_CODE_ALIASES.get(c, c) for c in codes}


def _ours(code: str, strict: bool = False) -> str:
    """The comparison key of one of whodid's codes: its country part; an international one as IGO."""
    c = code[:3].upper()
    return "IGO" if not strict and c in INTERNATIONAL else c


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def prf(self, key: str | None = None) -> tuple[float, float, float]:
        tp = self.tp[key] if key else sum(self.tp.values())
        fp = self.fp[key] if key else sum(self.fp.values())
        fn = self.fn[key] if key else sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    records: int = 0
    types: Scores = field(default_factory=Scores)
    full: Scores = field(default_factory=Scores)
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def table(self) -> str:
        lines = [f"PLOVER gold records: {self.records}", "",
                 f"{'type':10} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}   {'P+A+R':>6} {'R+A+R':>6} {'F1+A+R':>6}"]
        keys = sorted(set(self.types.tp) | set(self.types.fn) | set(self.types.fp))
        for k in keys:
            p, r, f = self.types.prf(k)
            p2, r2, f2 = self.full.prf(k)
            gold = self.types.tp[k] + self.types.fn[k]
            lines.append(f"{k:10} {gold:5d} {p:6.2f} {r:6.2f} {f:6.2f}   {p2:6.2f} {r2:6.2f} {f2:6.2f}")
        p, r, f = self.types.prf()
        p2, r2, f2 = self.full.prf()
        lines += ["", f"{'micro':10} {self.records:5d} {p:6.2f} {r:6.2f} {f:6.2f}   {p2:6.2f} {r2:6.2f} {f2:6.2f}", "",
                  "confusion (gold -> emitted types; '-' = none):"]
        for g in sorted(self.confusion):
            # most frequent first, ties by name: set order would vary with PYTHONHASHSEED
            row = ", ".join(f"{t} {n}" for t, n in sorted(self.confusion[g].items(), key=lambda tn: (-tn[1], tn[0])))
            lines.append(f"  {g:10} {row}")
        return "\n".join(lines)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [r for r in data if r.get("event") and r["event"] != "DOCUMENT" and r.get("text")]


def score(records: Iterable[dict[str, Any]], analyses: Iterable[Analysis], strict: bool = False) -> Report:
    rep = Report()
    for rec, a in zip(records, analyses, strict=True):
        rep.records += 1
        g = gold_type(rec["event"])
        code = {x.id: _ours(x.code or "", strict) for x in a.actors}
        emitted = {e.type for e in a.events}
        rep.confusion[g].update(emitted or {"-"})
        for t in emitted:
            if t == g:
                rep.types.tp[t] += 1
            else:
                rep.types.fp[t] += 1
        if g not in emitted:
            rep.types.fn[g] += 1
        src, tar = _codes(rec.get("source"), strict), _codes(rec.get("target"), strict)
        full = set()
        for e in a.events:
            acts = {code.get(i, "") for i in e.actor}
            recs = {code.get(i, "") for i in e.recipient}
            ok = e.type == g and src <= acts and (not tar or tar <= recs)
            full.add((e.type, ok))
        matched = any(ok for _, ok in full)
        if matched:
            rep.full.tp[g] += 1
        else:
            rep.full.fn[g] += 1
        for t in {t for t, ok in full if not ok and not (t == g and matched)}:
            rep.full.fp[t] += 1
    return rep


def run(path: str | Path, analyze: Callable[[str], Analysis] | None = None, strict: bool = False) -> Report:
    """Analyse every gold sentence (actors -> quotes -> events) and score it."""
    records = load_gold(path)
    if analyze is None:
        analyze = default_analyzer()
    return score(records, (analyze(r["text"]) for r in records), strict)


def default_analyzer() -> Callable[[str], Analysis]:
    from whodid.actors import ActorsStage
    from whodid.events import EventsStage
    from whodid.model import Article
    from whodid.pipeline import Pipeline
    from whodid.quotes import QuotesStage

    pipe = Pipeline(stages=[ActorsStage(), QuotesStage(), EventsStage()])
    return lambda text: pipe.analyze(Article(text=text))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    strict = "--strict" in args
    args = [a for a in args if a != "--strict"]
    if len(args) > 1:
        print("usage: whodid eval events [GOLD.json] [--strict]", file=sys.stderr)
        return 2
    path = Path(args[0]) if args else shared_eval("plover-gsr-dev.json")
    if not path.exists():
        print(f"error: {path}: no such gold file", file=sys.stderr)
        return 2
    print(run(path, strict=strict).table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
