"""Agreement between two hand codings of the same articles, scored as ``whodid eval news`` scores whodid.

    python scripts/gold_agreement.py A.jsonl B.jsonl [--shared DIR] [--names A B] [--show] [--json]
                                     [--common-out FILE]

A and B are gold files in either format ``whodid eval news`` reads (the shared ``dev.jsonl``
format, or the packed format of ``scripts/news_gold.py pack``). Only the articles in both
are compared. Each coding is scored against the other with the scorer of
``whodid.eval.news`` (its ``Scorer``: same sentence rule, same type and party matching,
same one-to-one matching): the other coding's events are turned into emitted events that
lie at their trigger (the first character of the trigger in the coded sentence, else the
sentence's start). The matching is not symmetric (a gold recipient left empty sets no
condition, ``---`` is a wildcard in the gold only, mentions widen the gold's sentences
only), so both directions are given: "B against A" treats A as the gold, so its precision
is the share of B's events that A has and its recall the share of A's events that B has.

Printed: type+actor+recipient and type-only P/R/F1 in both directions, per-type figures,
and with ``--show`` every disagreement in each direction (an event of one coding the other
does not match, with the reason the scorer gives and the other coding's events in the same
sentences).
The listing quotes the articles' sentences: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from whodid.eval.news import (LEVELS, Emitted, GoldArticle, GoldError, GoldEvent, load_gold,  # noqa: E402
                              score, shared_root)


def as_emitted(article: GoldArticle, event: GoldEvent) -> Emitted:
    """A coded event as the scorer's emitted event: placed at its trigger in its coded sentence."""
    start, end = event.spans[0]
    at = article.text.find(event.trigger, start, end) if event.trigger else -1
    return Emitted(type=event.type, start=at if at >= 0 else start, sentence=(start, end),
                   actor=list(event.actor), recipient=list(event.recipient), modality=event.modality,
                   date=event.date, place=event.place, confidence=1.0, trigger=event.trigger or "")


def paired(a: list[GoldArticle], b: list[GoldArticle]) -> list[tuple[GoldArticle, GoldArticle]]:
    """The articles coded in both, in A's order; the texts must be the same."""
    others = {(x.corpus, x.id): x for x in b}
    pairs = []
    for article in a:
        other = others.get((article.corpus, article.id))
        if other is None:
            continue
        if other.text != article.text:
            raise GoldError(f"{article.id}: the two codings were read against different texts")
        pairs.append((article, other))
    return pairs


def direction(gold: list[GoldArticle], coder: list[GoldArticle], listing: bool = False) -> dict[str, Any]:
    """``coder``'s events scored against ``gold`` by whodid's news scorer (articles paired by position)."""
    return score(((g, [as_emitted(c, e) for e in c.events]) for g, c in zip(gold, coder)), listing=listing)


def agreement(a: list[GoldArticle], b: list[GoldArticle], names: tuple[str, str] = ("A", "B"),
              listing: bool = False) -> dict[str, Any]:
    """Both directions over the articles coded in both: ``"<B> against <A>"`` takes A as the gold."""
    pairs = paired(a, b)
    if not pairs:
        raise GoldError("the two codings have no article in common")
    golds, coders = [p[0] for p in pairs], [p[1] for p in pairs]
    out: dict[str, Any] = {"articles": [g.id for g in golds],
                           "events": {names[0]: sum(len(g.events) for g in golds),
                                      names[1]: sum(len(c.events) for c in coders)}}
    out[f"{names[1]} against {names[0]}"] = direction(golds, coders, listing)
    out[f"{names[0]} against {names[1]}"] = direction(coders, golds, listing)
    return out


def _row(name: str, t: dict) -> str:
    return (f"  {name:24} {t['gold']:5d} {t['emitted']:5d} {t['matched']:5d} "
            f"{t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}")


def report(result: dict[str, Any], show: bool = False) -> str:
    lines = [f"{len(result['articles'])} articles coded in both; events: "
             + ", ".join(f"{k} {v}" for k, v in result["events"].items()), ""]
    directions = [k for k in result if " against " in k]
    head = f"  {'':24} {'gold':>5} {'emit':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6}"
    for key in directions:
        fig = result[key]
        a = fig["matched_attributes"]
        coder, gold = key.split(" against ")
        lines += [f"{key} (gold {gold}: P = share of {coder}'s events {gold} has, R = share of {gold}'s events {coder} has):",
                  head,
                  _row("type+actor+recipient", fig["full"]), _row("type only", fig["type"]),
                  f"  on the {a['matched']} matched events: modality {a['modality']:.3f}, sector {a['sector']:.3f}, "
                  f"date {a['date']:.3f}, place {a['place']:.3f}", ""]
    first = result[directions[0]]
    lines += [f"per type, {directions[0]} (type+A+R F1 | type-only F1; gold = events of {directions[0].split(' against ')[1]}):",
              f"  {'':12} {'gold':>5} {'emit':>5} {'F1':>6} | {'F1':>6}"]
    for name, t in first["types"].items():
        lines.append(f"  {name:12} {t['full']['gold']:5d} {t['full']['emitted']:5d} {t['full']['f1']:6.3f} | "
                     f"{t['type']['f1']:6.3f}")
    coder, gold = directions[0].split(" against ")
    lines += ["", f"confusion (type {gold} coded -> types {coder} coded in its sentences; '-' none):"]
    for g, row in first["confusion"].items():
        lines.append(f"  {g:10} " + ", ".join(f"{t} {n}" for t, n in row.items()))
    for key in directions:
        fig = result[key]
        coder, gold = key.split(" against ")
        lines += ["", f"{key}: events of {gold} that {coder} does not match: "
                  + "; ".join(f"{k} {v}" for k, v in fig["misses_by_cause"].items()),
                  f"{key}: events of {coder} that {gold} does not match: "
                  + "; ".join(f"{k} {v}" for k, v in fig["false_by_cause"].items())]
    if show:
        for key in directions:
            fig = result[key]
            coder, gold = key.split(" against ")
            lines += ["", f"== {key} ==",
                      f"ONLY IN {gold} (unmatched when {gold} is the gold), with {coder}'s events in its sentences:"]
            for m in fig.get("misses", []):
                lines += [f"- {m['article']} [{m['start']}] {_event(m['gold'])}  <{m['why']}>",
                          f"    {_squash(m['sentence'])}"]
                lines += [f"    {coder}: {_event(o)}" for o in m["emitted_here"]]
            lines += ["", f"ONLY IN {coder} (unmatched when {gold} is the gold), with {gold}'s events in its sentences:"]
            for f in fig.get("false_events", []):
                lines += [f"- {f['article']} [{f['start']}] {_event(f['emitted'])}  <{f['why']}>",
                          f"    {_squash(f['sentence'])}"]
                lines += [f"    {gold}: {_event(g)}" for g in f["gold_here"]]
    return "\n".join(lines)


def _event(e: dict) -> str:
    return (f"{e['type']} '{e.get('trigger') or ''}' {'; '.join(e['actor']) or '-'} -> "
            f"{'; '.join(e['recipient']) or '-'} ({e['modality']})")


def _squash(text: str) -> str:
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", type=Path, help="first coding (a gold file, shared or packed format)")
    parser.add_argument("b", type=Path, help="second coding")
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder with corpora/ (default ../shared)")
    parser.add_argument("--names", nargs=2, default=("A", "B"), metavar=("A", "B"), help="names for the two codings")
    parser.add_argument("--show", action="store_true", help="list the disagreements (quotes the articles)")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    parser.add_argument("--common-out", type=Path, default=None,
                        help="write A's records of the articles coded in both to this file (as stored), "
                             "to run `whodid eval news --gold` on the same articles")
    args = parser.parse_args(argv)
    corpora = shared_root(args.shared) / "corpora"
    try:
        b = load_gold([args.b], corpora)
        wanted = {(x.corpus, x.id) for x in b}
        a = [x for x in load_gold([args.a], corpora) if (x.corpus, x.id) in wanted]
        result = agreement(a, b, tuple(args.names), listing=args.show)
    except GoldError as exc:
        print(f"gold_agreement: {exc}", file=sys.stderr)
        return 2
    if args.common_out:
        common = set(result["articles"])
        kept = [line for line in args.a.read_text(encoding="utf-8").splitlines()
                if line.strip() and json.loads(line).get("id") in common]
        args.common_out.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
        print(f"{len(kept)} articles of {args.a} written to {args.common_out}", file=sys.stderr)
    if args.json:
        keep = {k: v for k, v in result.items() if " against " not in k}
        for key in (k for k in result if " against " in k):
            fig = result[key]
            keep[key] = {**{level: fig[level] for level in LEVELS}, "types": fig["types"],
                         "matched_attributes": fig["matched_attributes"],
                         "misses_by_cause": fig["misses_by_cause"], "false_by_cause": fig["false_by_cause"]}
        print(json.dumps(keep, indent=1, ensure_ascii=False))
    else:
        print(report(result, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
