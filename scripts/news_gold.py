"""Prepare, pack and check whodid's own whole-article event gold.

The gold is coded by hand under ``../shared/eval/news-events/GUIDELINES.md``, on
articles of ``../shared/corpora`` whose id's SHA-1 is even (the odd half is kept for
held-out measurement and is never printed here). Publishers' text is never stored:
the packed gold keeps ids, offsets, a SHA-1 of each sentence and the labels.

    python scripts/news_gold.py pick --out DIR [--per-corpus N] [--min-chars N] [--max-chars N]
                                     [--min-political N] [--corpus bbc|newswire]
        choose political articles (even SHA-1, of a length and with political words enough,
        the defaults in ``pick --help``; not in the shared dev.jsonl nor already in the packed
        gold) and write each one's text, split into numbered sentences with their character
        offsets, to DIR/<id>.txt for the annotators
    python scripts/news_gold.py pack RAW.jsonl [RAW.jsonl ...] --out GOLD_DIR
        turn annotations written in the shared dev.jsonl format (sentence text +
        start) into the packed format, after checking every offset against the
        corpus text; articles go to tune.jsonl or heldaside.jsonl by a fixed hash
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = {"bbc": "bbc.jsonl.gz", "newswire": "en-worldwide-newswire.jsonl"}

# words that mark an article as political enough to hold events (a pick filter only)
POLITICAL = re.compile(
    r"\b(government|minister|president|parliament|police|army|military|troops|rebels?|"
    r"protest\w*|talks|sanctions?|court|election|opposition|party|senate|congress|"
    r"ministry|officials?|militants?|attack\w*|accus\w*|demand\w*|agreement|treaty|"
    r"arrest\w*|killed|UN|NATO|EU)\b")


def is_development(article_id: str) -> bool:
    """The development half: SHA-1 of the id is even. The odd half is held out."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0


def is_held_aside(article_id: str) -> bool:
    """About a third of whodid's own gold that no rule or model is tuned on."""
    return int(hashlib.sha1(("held-aside:" + article_id).encode()).hexdigest(), 16) % 3 == 0


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_corpus(corpus: str, shared: Path = SHARED):
    """Yield the development articles of one corpus; odd-SHA-1 ones are never parsed."""
    path = shared / "corpora" / CORPORA[corpus]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            head = line[:200]
            found = re.search(r'"id":\s*"([^"]+)"', head)
            if found and not is_development(found.group(1)):
                continue
            article = json.loads(line)
            if is_development(article["id"]):
                yield article


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans for the annotators' listing (the gold keeps its own)."""
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for end in re.finditer(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|$", paragraph.group()):
            stop = paragraph.start() + end.start()
            if stop > start:
                spans.append((start, stop))
            start = paragraph.start() + end.end()
    return spans


GOLD = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "eval" / "news_events"
PARTS = ("tune", "heldaside")


def packed_records(gold_dir: Path) -> dict[str, list[dict]]:
    """The records already packed in ``gold_dir``, by part (empty when a file is missing)."""
    found: dict[str, list[dict]] = {}
    for part in PARTS:
        path = gold_dir / f"{part}.jsonl"
        found[part] = ([json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
                       if path.exists() else [])
    return found


def taken_ids(gold_dir: Path, shared_dev: Path = SHARED / "eval/news-events/dev.jsonl") -> set[str]:
    """Articles not to pick again: the shared dev gold's and those already packed in ``gold_dir``."""
    taken = {json.loads(line)["id"] for line in open(shared_dev, encoding="utf-8") if line.strip()}
    return taken | {r["id"] for records in packed_records(gold_dir).values() for r in records}


def pick(args: argparse.Namespace) -> None:
    taken = taken_ids(Path(args.gold))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    chosen = []
    for corpus in args.corpus or CORPORA:
        pool = []
        for article in read_corpus(corpus):
            text = article["text"]
            if article["id"] in taken or not args.min_chars <= len(text) <= args.max_chars:
                continue
            if corpus == "bbc" and article.get("category") != "politics":
                continue
            if len(POLITICAL.findall(text)) < args.min_political:
                continue
            pool.append(article)
        random.Random(20261204).shuffle(pool)
        chosen += [(corpus, a) for a in pool[: args.per_corpus]]
    for corpus, article in chosen:
        text = article["text"]
        lines = [f"# corpus={corpus} id={article['id']} chars={len(text)}"
                 + (f" title={article['title']!r}" if article.get("title") else "")
                 + (f" url={article['url']}" if article.get("url") else "")]
        for number, (start, end) in enumerate(sentences(text), 1):
            lines.append(f"[{number}] start={start} end={end}\n{text[start:end]}")
        (out / f"{article['id']}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "INDEX.txt").write_text("\n".join(f"{c}\t{a['id']}" for c, a in chosen) + "\n")
    print(f"{len(chosen)} articles written to {out}")


def texts(shared: Path = SHARED) -> dict[str, str]:
    return {a["id"]: a["text"] for corpus in CORPORA for a in read_corpus(corpus, shared)}


def pack(args: argparse.Namespace) -> None:
    problems = pack_files(args.raw, texts(), Path(args.out))
    if problems:
        sys.exit(f"{problems} problem(s); nothing written; fix the raw annotations and pack again")


def pack_files(raws: list, corpus_text: dict[str, str], gold_dir: Path) -> int:
    """Pack the raw annotation files into ``gold_dir``, keeping the articles packed there before.

    An article annotated again replaces its packed record (with a notice). Returns the number of
    problems; when there is any, nothing is written.
    """
    packed: dict[str, list[dict]] = {part: [] for part in PARTS}
    kept = packed_records(gold_dir)
    problems = 0
    seen = set()
    for raw in raws:
        for number, line in enumerate(open(raw, encoding="utf-8"), 1):
            if not line.strip():
                continue
            where = f"{raw}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{where}: not JSON ({exc})", file=sys.stderr)
                problems += 1
                continue
            article_id = record.get("id")
            if article_id not in corpus_text:
                print(f"{where}: {article_id!r} is not a development article of the corpora", file=sys.stderr)
                problems += 1
                continue
            if article_id in seen:
                print(f"{where}: {article_id} annotated twice; the first is kept", file=sys.stderr)
                continue
            seen.add(article_id)
            text = corpus_text[article_id]
            events = []
            for index, event in enumerate(record.get("events", [])):
                try:
                    events.append(pack_event(event, text))
                except ValueError as exc:
                    print(f"{where} event {index}: {exc}", file=sys.stderr)
                    problems += 1
            part = "heldaside" if is_held_aside(article_id) else "tune"
            packed[part].append({"corpus": record["corpus"], "id": article_id,
                                 "text_sha1": sha1(text), "annotator": record.get("annotator"),
                                 "events": events})
    if problems:
        return problems
    gold_dir.mkdir(parents=True, exist_ok=True)
    for part, records in packed.items():
        for record in kept[part]:
            if record["id"] in seen:
                print(f"{record['id']}: annotated again; its packed record in {part}.jsonl is replaced",
                      file=sys.stderr)
            else:
                records.append(record)
        records.sort(key=lambda r: (r["corpus"], r["id"]))
        with open(gold_dir / f"{part}.jsonl", "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{part}: {len(records)} articles, {sum(len(r['events']) for r in records)} events")
    return 0


def locate(text: str, fragment: str, near: int) -> int:
    """Offset of ``fragment`` in ``text`` closest to ``near`` (annotators' offsets drift)."""
    hits = [m.start() for m in re.finditer(re.escape(fragment), text)]
    if not hits:
        raise ValueError(f"{fragment[:60]!r} is not in the article text")
    return min(hits, key=lambda h: abs(h - near))


def pack_event(event: dict, text: str) -> dict:
    sentence = event["sentence"].strip()
    start = locate(text, sentence, int(event.get("start", 0)))
    end = start + len(sentence)
    trigger = event.get("trigger") or ""
    local = text.find(trigger, start, end) if trigger else -1
    if trigger and local < 0:
        raise ValueError(f"trigger {trigger!r} is not in its sentence")
    mentions = []
    for mention in event.get("mentions", []):
        if isinstance(mention, str):
            mention = locate(text, mention.strip(), start)
        if not 0 <= int(mention) < len(text):
            raise ValueError(f"mention offset {mention} is outside the article ({len(text)} characters)")
        mentions.append(int(mention))
    for field in ("type", "modality"):
        if not event.get(field):
            raise ValueError(f"no {field}")
    return {
        "start": start, "end": end, "sentence_sha1": sha1(sentence),
        "mentions": mentions,
        "trigger": {"start": local, "end": local + len(trigger)} if trigger else None,
        "type": event["type"], "mode": event.get("mode"),
        "actor": event.get("actor", []), "recipient": event.get("recipient", []),
        "modality": event["modality"], "reported_by": event.get("reported_by"),
        "date": event.get("date"), "place": event.get("place"), "note": event.get("note"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("pick")
    p.add_argument("--out", required=True)
    p.add_argument("--per-corpus", type=int, default=34, help="articles to pick from each corpus (default %(default)s)")
    p.add_argument("--min-chars", type=int, default=1200, help="shortest article to pick (default %(default)s)")
    p.add_argument("--max-chars", type=int, default=3500, help="longest article to pick (default %(default)s)")
    p.add_argument("--min-political", type=int, default=8,
                   help="fewest words of the political vocabulary (government, minister, talks, ...: POLITICAL) "
                        "an article must hold (default %(default)s; the BBC politics pool at the default is "
                        "spent above 1,200 characters: give a lower one to pick more)")
    p.add_argument("--corpus", action="append", choices=sorted(CORPORA),
                   help="pick from this corpus only (repeatable; default all)")
    p.add_argument("--gold", default=str(GOLD), help="packed gold whose articles are not picked again")
    p.set_defaults(run=pick)
    p = commands.add_parser("pack")
    p.add_argument("raw", nargs="+")
    p.add_argument("--out", required=True)
    p.set_defaults(run=pack)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
