"""Score whodid's events on whole news articles coded by hand (``../shared/eval/news-events``).

The PLOVER gold records are one textbook sentence each and flatter any coder; this
scorer runs the whole pipeline on real articles and compares every event it emits
with what an analyst coded under ``GUIDELINES.md``, scoring as its "Scoring"
section says.

    whodid eval news [--gold FILE ...] [--part tune|heldaside|shared|all]
                     [--shared DIR] [--limit N] [--show misses|false|all] [--json]

Gold. Two formats, told apart line by line, both read against the article texts
of ``../shared/corpora`` (publishers' text is never bundled):

- the shared ``dev.jsonl``: each event has its ``sentence`` text and ``start``;
  the sentence must be at that offset of the corpus text;
- whodid's packed gold (``scripts/news_gold.py pack``, shipped as
  ``whodid/data/eval/news_events/tune.jsonl`` and ``heldaside.jsonl``): ``text_sha1``
  per article, ``start``/``end``/``sentence_sha1`` per event. A hash that does not
  match the corpus text is an error naming the article: the labels were coded on
  another text and their offsets mean nothing.

Default gold: the shared ``dev.jsonl`` plus the packed ``tune.jsonl`` when it
exists; ``--part`` picks one part (``all``: shared, tune and held-aside).

Sentences. A gold event lies in its ``sentence`` and in every sentence listed in
``mentions``, which gives starts only. A mention's span runs from its start to the
end of the sentence it opens under the same rule ``scripts/news_gold.py`` used to
list numbered sentences for the annotators (a paragraph break, or ``.!?`` with an
optional closing quote followed by whitespace and a capital, digit or opening
quote). That rule, not whodid's parse, is used on purpose: the span must not depend
on the system being scored, and on the shared gold it starts a sentence at every
one of the 270 mention offsets and reproduces 337 of the 346 annotated sentence
ends (the others differ by trailing spaces or a missed split); spaCy's sentences
start at 268 of the 270.

Matching (per article). An emitted event lies in a gold event's sentences when the
first character of its trigger is inside one of them (whodid's own sentence span is
not used: a parse that joins two sentences would otherwise let an event of one
match a gold event of the other). It matches the gold event when it also has the
same type and the parties agree on the country, the first three letters of the
code: at least one emitted actor agrees with a gold actor and,
when the gold names a recipient, at least one emitted recipient with a gold
recipient. For CONSULT, which has no direction, actors and recipients of each side
are pooled and one party in common is enough. A gold side left empty (no such party
in the text) sets no condition. A gold ``---`` (the annotator could not tell the
country) agrees with any emitted party, coded or not; the wildcard is the gold's
only: an emitted party whose code names no country (none at all, or a bare sector
such as ``GOV`` for "the government") agrees with a gold ``---`` alone, since
finding the country is part of what is scored. Matching is one to one: a maximum matching between
emitted and gold events, emitted events taken in text order. An emitted event that
matches only gold events already matched is a **duplicate** (an extra emission of
a matched event). Precision is matched emitted events over all emitted events, as
the guidelines define it, so a duplicate counts against precision like any other
unmatched emission; duplicates are also reported as their own share of emissions.
Recall is matched gold events over all gold events. Type-only figures use the same
rule without the party condition (their own one-to-one matching and duplicates).
Between equally valid matchings the scorer pairs each emitted event with the gold event
it agrees with best (whole codes, modality, date, place, then the sentence the event is
coded in), so that two gold events of one sentence, type and country are not crossed.

On the matched events (type + actor + recipient):

- modality: the same label;
- sector: the parties agree again with the whole code (country as above, and the
  gold's sector, e.g. ``GOV`` in ``GBRGOV``, among the emitted code's three-letter
  sector parts: ``USAGOVLEG`` has LEG; the guidelines' POL is CAMEO's COP and their REL
  any CAMEO religion code, their GOV for a state named by its name CAMEO's bare country
  code, ``sector_agrees``);
- date: both empty, or the emitted date agrees with the gold date at the gold's
  precision (gold ``2005-02`` accepts ``2005-02-15``; gold ``2005-02-15`` does
  not accept ``2005-02``); also given over the matched events whose gold has a date;
- place: both empty, or one place name contains the other word for word after
  folding case, accents and punctuation, comparing comma-separated parts (gold
  ``Bromsgrove, Worcestershire`` accepts ``Bromsgrove``); also given over the
  matched events whose gold has a place.

Also: figures per corpus and per type; a confusion table (for each gold event the
types emitted in its sentences, ``-`` for none; emitted events outside every gold
sentence under gold ``-``); a reliability table (share of emitted events matched,
by ``confidence`` band, beside the band's mean confidence) and the expected
calibration error (the emitted-weighted mean of their difference); and, with
``--show``, the misses and false events with the reason each one failed
(``--show actors``: every gold party of the type-matched events beside the parties
whodid emitted on that side, with the outcome, to study actor coding; ``--show attributes``:
the matched events whose date or place is wrong, gold beside whodid's, to study dates and places).

Running whodid. The whole pipeline (all stages), one spaCy model, articles in
batches. The corpora carry no publication dates: BBC articles are known to be from
2004-2005, so they get that period as an outside bound on the date whodid infers
(a ``DateConstraint``: it only narrows what the text's weekday and date evidence
allow), for the time stage and for the actors stage, which resolves roles inside it
("Mr Blair" is the prime minister of 2005, not a former one); newswire articles are given
their corpus record's URL, whose path often carries the publisher's date (218 of the 1,095:
``.../archives/2022/07/16/...``), which whodid takes as any input's (``whodid.ingest``), and
are otherwise dated by whodid's inference alone, as for any undated input.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gzip
import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from whodid.eval import shared_eval

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CORPUS_FILES = {"bbc": "bbc.jsonl.gz", "newswire": "en-worldwide-newswire.jsonl"}
# periods the corpora's undated articles are known to come from (SOURCES.md)
CORPUS_PERIODS = {"bbc": (dt.date(2004, 1, 1), dt.date(2005, 12, 31))}
PARTS = ("tune", "heldaside", "shared", "all")
SHOW = ("misses", "false", "all", "actors", "attributes")
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))
WILDCARD = "---"
# CAMEO sector codes: an emitted code that starts with one names no country ("GOV": "the government")
SECTOR_ONLY = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "BUS", "CVL", "MED", "EDU", "ELI", "HLH", "HRI",
               "LAB", "PTY", "REF", "REL", "SPY", "UAF", "INS", "CRM", "AGR", "DEV", "ENV", "RAD", "MOD", "---"}


class GoldError(ValueError):
    """A gold file that cannot be scored; the message names the file, line and article."""


@dataclass
class Party:
    name: str
    code: str  # CAMEO-style, e.g. GBRGOV; "" for an uncoded emitted actor
    kind: str = ""  # an emitted actor's kind (person, organization, country, group)
    guessed: bool = False  # an emitted actor whose country whodid guessed (its ``inferred`` holds "country")


@dataclass
class GoldEvent:
    type: str
    spans: list[tuple[int, int]]  # the coded sentence first, then the mentions
    actor: list[Party] = field(default_factory=list)
    recipient: list[Party] = field(default_factory=list)
    modality: str = "asserted"
    date: str | None = None
    place: str | None = None
    trigger: str | None = None
    mode: str | None = None
    note: str | None = None


@dataclass
class GoldArticle:
    corpus: str
    id: str
    text: str
    events: list[GoldEvent]
    where: str = ""  # file:line, for messages
    title: str | None = None
    url: str | None = None  # the corpus record's URL (newswire): its path often carries the date


@dataclass
class Emitted:
    """One of whodid's events, reduced to what the scorer compares."""

    type: str
    start: int  # the trigger's first character
    sentence: tuple[int, int]
    actor: list[Party] = field(default_factory=list)
    recipient: list[Party] = field(default_factory=list)
    modality: str = "asserted"
    date: str | None = None
    place: str | None = None
    confidence: float = 0.0
    trigger: str = ""
    inferred: tuple[str, ...] = ()  # the roles a coding convention filled (the event's ``inferred``)


# ---------------------------------------------------------------- sentences


_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans by the rule of ``scripts/news_gold.py`` (the annotators' numbered listing)."""
    spans = []
    for paragraph in _PARAGRAPH.finditer(text):
        start = paragraph.start()
        for end in _SENTENCE_BREAK.finditer(paragraph.group()):
            stop = paragraph.start() + end.start()
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            if stop > start:
                spans.append((start, stop))
            start = paragraph.start() + end.end()
    return spans


def mention_span(text: str, start: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """From a mention's start to the end of the sentence it is in (else the end of its line)."""
    i = bisect.bisect_right([s for s, _ in spans], start) - 1
    if i >= 0 and spans[i][0] <= start < spans[i][1]:
        return start, spans[i][1]
    line_end = text.find("\n", start)
    return start, len(text) if line_end < 0 else line_end


# ---------------------------------------------------------------- gold


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def packed_dir() -> Path:
    return Path(str(resources.files("whodid") / "data" / "eval" / "news_events"))


def shared_root(shared: Path | None = None) -> Path:
    """The ``../shared`` folder: given, else beside the repository or the working folder."""
    return Path(shared) if shared else shared_eval("news-events").parent.parent


def gold_files(part: str | None = None, shared: Path | None = None, packed: Path | None = None) -> list[Path]:
    """The gold files of ``part`` (None: the shared dev gold plus the packed tune part when present)."""
    if part is not None and part not in PARTS:
        raise GoldError(f"--part {part!r}: choose {', '.join(PARTS)}")
    packed = packed or packed_dir()
    shared_dev = shared_root(shared) / "eval" / "news-events" / "dev.jsonl"
    if part is None:
        return [shared_dev] + [p for p in [packed / "tune.jsonl"] if p.exists()]
    chosen = {"shared": [shared_dev], "tune": [packed / "tune.jsonl"], "heldaside": [packed / "heldaside.jsonl"],
              "all": [shared_dev, packed / "tune.jsonl", packed / "heldaside.jsonl"]}[part]
    return chosen


def read_texts(corpora: Path, wanted: dict[str, set[str]]) -> dict[tuple[str, str], dict]:
    """The corpus records of the wanted ``{corpus: {id, ...}}``; other lines are not parsed."""
    found: dict[tuple[str, str], dict] = {}
    for corpus, ids in wanted.items():
        path = corpora / CORPUS_FILES[corpus]
        if not path.exists():
            raise GoldError(f"{path}: no such corpus file (the texts of the {corpus} gold articles are read from it; "
                            "the shared folder is ../shared beside the repository or the working folder, or --shared)")
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                head = re.search(r'"id":\s*"([^"]+)"', line[:300])
                if head and head.group(1) not in ids:
                    continue
                record = json.loads(line)
                if record.get("id") in ids:
                    found[(corpus, record["id"])] = record
    return found


def _parties(value: Any, where: str, side: str) -> list[Party]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise GoldError(f"{where}: {side} is not a list")
    out = []
    for party in value:
        if not isinstance(party, dict) or not isinstance(party.get("code"), str) or not party["code"].strip():
            raise GoldError(f"{where}: {side} {party!r} has no code")
        out.append(Party(str(party.get("name") or ""), party["code"].strip().upper()))
    return out


def _gold_event(raw: dict, text: str, spans: list[tuple[int, int]], where: str) -> GoldEvent:
    if raw.get("type") not in PLOVER_TYPES:
        raise GoldError(f"{where}: type {raw.get('type')!r} is not a PLOVER 2.0 type")
    start = raw.get("start")
    if not isinstance(start, int) or not 0 <= start < len(text):
        raise GoldError(f"{where}: start {start!r} is not an offset into the article text")
    if "sentence_sha1" in raw:  # packed: offsets and a hash of the sentence
        end = raw.get("end")
        if not isinstance(end, int) or not start < end <= len(text):
            raise GoldError(f"{where}: end {end!r} is not an offset after start {start}")
        if sha1(text[start:end]) != raw["sentence_sha1"]:
            raise GoldError(f"{where}: the text at {start}:{end} does not match the gold's sentence_sha1 "
                            "(the labels were coded on another version of the text)")
        trig = raw.get("trigger")
        trigger = text[trig["start"]:trig["end"]] if isinstance(trig, dict) else None
    else:  # the shared format: the sentence's text at its start
        sentence = str(raw.get("sentence") or "").strip()
        end = start + len(sentence)
        if not sentence or text[start:end] != sentence:
            raise GoldError(f"{where}: the sentence {sentence[:60]!r} is not at offset {start} of the article text")
        trigger = raw.get("trigger")
    mentions = []
    for m in raw.get("mentions") or []:
        if not isinstance(m, int) or not 0 <= m < len(text):
            raise GoldError(f"{where}: mention {m!r} is not an offset into the article text")
        mentions.append(mention_span(text, m, spans))
    if not raw.get("modality"):
        raise GoldError(f"{where}: no modality")
    return GoldEvent(
        type=raw["type"], spans=[(start, end)] + mentions,
        actor=_parties(raw.get("actor"), where, "actor"), recipient=_parties(raw.get("recipient"), where, "recipient"),
        modality=raw["modality"], date=raw.get("date"), place=raw.get("place"), trigger=trigger,
        mode=raw.get("mode"), note=raw.get("note"))


def load_gold(paths: Iterable[Path], corpora: Path, limit: int | None = None) -> list[GoldArticle]:
    """Gold articles from the files in order (first ``limit``), with their texts read from ``corpora``."""
    raw: list[tuple[str, dict]] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise GoldError(f"{path}: no such gold file")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{where}: not JSON ({exc})") from None
            if not isinstance(record, dict) or not record.get("id") or record.get("corpus") not in CORPUS_FILES:
                raise GoldError(f"{where}: needs an 'id' and a 'corpus' ({' or '.join(CORPUS_FILES)})")
            raw.append((where, record))
    seen: set[tuple[str, str]] = set()
    unique = []
    for where, record in raw:
        key = (record["corpus"], record["id"])
        if key not in seen:  # the same article in two gold files is scored once, as first given
            seen.add(key)
            unique.append((where, record))
    unique = unique[:limit] if limit else unique
    wanted: dict[str, set[str]] = defaultdict(set)
    for _, record in unique:
        wanted[record["corpus"]].add(record["id"])
    texts = read_texts(corpora, wanted)
    articles = []
    for where, record in unique:
        corpus, article_id = record["corpus"], record["id"]
        found = texts.get((corpus, article_id))
        if found is None:
            raise GoldError(f"{where}: article {article_id} is not in {corpora / CORPUS_FILES[corpus]}")
        text = found["text"]
        if "text_sha1" in record and sha1(text) != record["text_sha1"]:
            raise GoldError(f"{where}: article {article_id} ({corpus}): the corpus text's SHA-1 {sha1(text)} is not "
                            f"the gold's {record['text_sha1']} (the labels were coded on another version of the text)")
        spans = sentence_spans(text)
        events = [_gold_event(e, text, spans, f"{where} (article {article_id}, event {i})")
                  for i, e in enumerate(record.get("events") or [])]
        articles.append(GoldArticle(corpus, article_id, text, events, where, found.get("title"), found.get("url")))
    return articles


# ---------------------------------------------------------------- matching


def _country(code: str) -> str:
    return code[:3].upper()


# The guidelines' sector vocabulary is CAMEO's with two differences, read here as they are
# meant: POL (police) is CAMEO's COP, and REL (religious) stands for all of CAMEO's religion
# codes (CHR Christian, CTH Catholic, MUS Muslim, ...), which the guidelines do not list.
GOLD_SECTOR_ALIASES = {"POL": {"COP"}}
RELIGION_CODES = {"REL", "CHR", "CTH", "PRO", "ORT", "CPT", "MRN", "MUS", "SHI", "SUN", "ALE", "SFI", "DRZ", "JEW",
                  "HIN", "BUD", "JAN", "SIK", "ZRO", "BAH", "CON", "SHN", "TAO", "ATH"}
GOLD_SECTOR_ALIASES["REL"] = RELIGION_CODES
# CAMEO codes a human rights group HRI (``GBRHRI`` Liberty, ``NGOHRIAMN`` Amnesty), a kind of
# non-governmental organisation the guidelines code NGO; PETRARCH's own dictionaries give the
# two as alternatives of one code (``[HRI/NGO]``)
GOLD_SECTOR_ALIASES["NGO"] = {"NGO", "HRI"}
# codes that open with a non-state actor's type instead of a country: "NGO" alone in the gold
# is any non-governmental organisation (``NGOHRIAMN`` is one), "IGO" any intergovernmental one
NON_STATE_PRIMARIES = {"NGO", "IGO", "MNC"}


def sector_agrees(gold: str, ours: str, state: bool = False) -> bool:
    """Does an emitted code's sector say what the gold code's says? The gold gives one
    sector (``GBRGOV``); a CAMEO code may stack several (``USAGOVLEG`` Congress, ``INDGOVCOP``
    a police bureau, ``GBRGOVAGR`` an agriculture ministry): the gold's sector is right when
    it is one of them. No sector in the gold (a country alone) wants none emitted; a bare
    non-state type (``NGO``) any code of that type. A state
    named by its name ("Turkey arrested eight people") is the guidelines' GOV and CAMEO's bare
    country code (``state``: the emitted party is a country)."""
    g, o = gold[3:].upper(), ours[3:].upper()
    if not g and gold[:3].upper() in NON_STATE_PRIMARIES:
        return ours[:3].upper() == gold[:3].upper()
    if state and not o:
        return g in ("", "GOV")
    if not g or not o or g == o:
        return g == o
    parts = {o[k:k + 3] for k in range(0, len(o), 3)}
    return bool(parts & GOLD_SECTOR_ALIASES.get(g[:3], {g[:3]}))


def _agree(gold: Party, ours: Party, sector: bool = False) -> bool:
    g, o = _country(gold.code), _country(ours.code)
    country = g == WILDCARD or (o not in ("", WILDCARD) and g == o)
    return country and (not sector or sector_agrees(gold.code, ours.code, ours.kind == "country"))


def _common(gold: list[Party], ours: list[Party], sector: bool = False) -> bool:
    return any(_agree(g, o, sector) for g in gold for o in ours)


def party_problem(gold: GoldEvent, ours: Emitted, sector: bool = False) -> str | None:
    """None when the parties agree as the guidelines say, else what disagrees."""
    if gold.type == "CONSULT":
        parties = gold.actor + gold.recipient
        if not parties or _common(parties, ours.actor + ours.recipient, sector):
            return None
        return "no party in common" if ours.actor or ours.recipient else "no parties"
    if gold.actor and not _common(gold.actor, ours.actor, sector):
        return "actor differs" if ours.actor else "actor missing"
    if gold.recipient and not _common(gold.recipient, ours.recipient, sector):
        return "recipient differs" if ours.recipient else "recipient missing"
    return None


PARTY_SOURCES = ("read", "convention", "guessed country")


def _party_source(roles: tuple[str, ...], ours: Emitted, coded: list[Party]) -> str:
    """Where whodid's party on a side came from: a coding convention filled the role
    (``convention``), every coded party there has a guessed country (``guessed country``), or
    the text named it (``read``, also when the side has no coded party)."""
    if any(r in ours.inferred for r in roles):
        return "convention"
    if coded and all(o.guessed for o in coded):
        return "guessed country"
    return "read"


def party_rows(gold: GoldEvent, ours: Emitted) -> list[dict]:
    """How whodid coded each gold party of a type-matched event whose country the annotator knew
    (not ``---``): one row per such party, with the emitted parties of its side (either side for
    CONSULT), the outcome (``right``: an emitted party has its whole code; ``sector``: its country
    only; ``unknown``: the side has no party with a country, whodid left it uncoded or did not find
    it; ``country``: another country) and where whodid's party came from (``_party_source``, since
    a convention's guess and a party read from the text fail for different reasons)."""
    rows = []
    sides = ([("either", gold.actor + gold.recipient, ours.actor + ours.recipient)] if gold.type == "CONSULT"
             else [("actor", gold.actor, ours.actor), ("recipient", gold.recipient, ours.recipient)])
    for side, golds, emitted in sides:
        coded = [o for o in emitted if len(_country(o.code)) == 3 and _country(o.code) not in SECTOR_ONLY]
        source = _party_source(("actor", "recipient") if side == "either" else (side,), ours, coded)
        for g in golds:
            if _country(g.code) == WILDCARD or not g.code:
                continue
            outcome = ("right" if any(_agree(g, o, sector=True) for o in coded)
                       else "sector" if any(_agree(g, o) for o in coded)
                       else "unknown" if not coded else "country")
            rows.append({"side": side, "outcome": outcome, "source": source, "gold": f"{g.name} {g.code}",
                         "emitted": _show_parties(emitted)})
    return rows


def party_counts(rows: list[dict]) -> Counter:
    """``party_rows`` counted: ``n`` and how many had the country right (``country``), the whole
    code (``sector``) or no coded party (``unknown``); the same again under ``(source, key)``."""
    out: Counter = Counter()
    for row in rows:
        found = {"n": True, "country": row["outcome"] in ("right", "sector"), "sector": row["outcome"] == "right",
                 "unknown": row["outcome"] == "unknown"}
        for key, hit in found.items():
            out[key] += hit
            out[(row["source"], key)] += hit
    return out


def _inside(gold: GoldEvent, ours: Emitted) -> bool:
    return any(s <= ours.start < e for s, e in gold.spans)


def _preference(gold: GoldEvent, ours: Emitted) -> tuple:
    """Order in which an emitted event tries the gold events it could match: the one it agrees
    with best (whole codes, then modality, date and place), then the one coded in the sentence
    that holds its trigger (not only mentioned there). It decides only between equally valid
    matches, so that the attributes are compared with the right gold event."""
    agree = [party_problem(gold, ours, sector=True) is None, gold.modality == ours.modality,
             _same_date(gold.date, ours.date), same_place(gold.place, ours.place),
             gold.spans[0][0] <= ours.start < gold.spans[0][1]]
    return tuple(not a for a in agree)


def _max_matching(candidates: list[list[int]]) -> dict[int, int]:
    """Emitted index -> gold index, a maximum one-to-one matching (Kuhn), emitted taken in order."""
    owner: dict[int, int] = {}

    def augment(j: int, seen: set[int]) -> bool:
        for i in candidates[j]:
            if i not in seen:
                seen.add(i)
                if i not in owner or augment(owner[i], seen):
                    owner[i] = j
                    return True
        return False

    for j in range(len(candidates)):
        augment(j, set())
    return {j: i for i, j in owner.items()}


def _same_date(gold: str | None, ours: str | None) -> bool:
    if not gold or not ours:
        return not gold and not ours
    g, o = str(gold).split("-"), str(ours)[:10].split("-")
    return len(o) >= len(g) and o[:len(g)] == g


def _fold(name: str) -> str:
    # a curly apostrophe is a word break as a straight one is ("Jammu’s Hira Nagar" holds
    # "Jammu"), not a character the ascii fold drops ("jammus")
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(w for w in re.sub(r"[^a-z0-9]+", " ", name).split() if w != "the")


def same_place(gold: str | None, ours: str | None) -> bool:
    """Loose: one name's comma-separated part contains the other's word for word."""
    if not gold or not ours:
        return not gold and not ours
    gp = [p for p in (_fold(x) for x in gold.split(",")) if p]
    op = [p for p in (_fold(x) for x in ours.split(",")) if p]
    return any(f" {a} " in f" {b} " or f" {b} " in f" {a} " for a in gp for b in op)


@dataclass
class Tally:
    gold: int = 0
    emitted: int = 0
    matched: int = 0
    duplicates: int = 0

    def figures(self) -> dict[str, Any]:
        p = self.matched / self.emitted if self.emitted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {"gold": self.gold, "emitted": self.emitted, "matched": self.matched,
                "duplicates": self.duplicates, "false": self.emitted - self.matched - self.duplicates,
                "missed": self.gold - self.matched,
                "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "duplicate_share": self.duplicates / self.emitted if self.emitted else 0.0}


LEVELS = ("full", "type")


@dataclass
class Scorer:
    """Accumulates the figures article by article (``add``), then ``figures()``."""

    articles: int = 0
    levels: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in LEVELS})
    corpora: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(lambda: {k: Tally() for k in LEVELS}))
    types: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(lambda: {k: Tally() for k in LEVELS}))
    corpus_articles: Counter = field(default_factory=Counter)
    attributes: Counter = field(default_factory=Counter)
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    bands: list[Counter] = field(default_factory=lambda: [Counter() for _ in BANDS])
    misses: list[dict] = field(default_factory=list)
    false: list[dict] = field(default_factory=list)
    parties: Counter = field(default_factory=Counter)
    party_listing: list[dict] = field(default_factory=list)
    attribute_listing: list[dict] = field(default_factory=list)

    def add(self, article: GoldArticle, emitted: list[Emitted]) -> None:
        self.articles += 1
        self.corpus_articles[article.corpus] += 1
        gold = article.events
        ours = sorted(emitted, key=lambda e: (e.start, e.type))
        inside = [sorted((i for i, g in enumerate(gold) if _inside(g, o)), key=lambda i: _preference(gold[i], o))
                  for o in ours]
        typed = [[i for i in inside[j] if gold[i].type == o.type] for j, o in enumerate(ours)]
        full = [[i for i in typed[j] if party_problem(gold[i], o) is None] for j, o in enumerate(ours)]
        result = {}
        for level, candidates in (("full", full), ("type", typed)):
            match = _max_matching(candidates)
            dupes = {j for j in range(len(ours)) if j not in match and candidates[j]}
            result[level] = (match, dupes)
            for tallies in (self.levels[level], self.corpora[article.corpus][level]):
                tallies.gold += len(gold)
                tallies.emitted += len(ours)
                tallies.matched += len(match)
                tallies.duplicates += len(dupes)
            for g in gold:
                self.types[g.type][level].gold += 1
            for j, o in enumerate(ours):
                self.types[o.type][level].emitted += 1
                self.types[o.type][level].matched += j in match
                self.types[o.type][level].duplicates += j in dupes
        match, dupes = result["full"]
        type_match, _ = result["type"]
        for j, i in type_match.items():
            rows = party_rows(gold[i], ours[j])
            self.parties.update(party_counts(rows))
            start, end = gold[i].spans[0]
            for row in rows:
                self.party_listing.append({"corpus": article.corpus, "article": article.id, "start": start,
                                           "type": gold[i].type, "sentence": article.text[start:end], **row})
        for j, i in match.items():
            g, o = gold[i], ours[j]
            self.attributes["n"] += 1
            self.attributes["modality"] += g.modality == o.modality
            self.attributes["sector"] += party_problem(g, o, sector=True) is None
            self.attributes["date"] += _same_date(g.date, o.date)
            self.attributes["place"] += same_place(g.place, o.place)
            if g.date:
                self.attributes["date_stated_n"] += 1
                self.attributes["date_stated"] += _same_date(g.date, o.date)
            if g.place:
                self.attributes["place_stated_n"] += 1
                self.attributes["place_stated"] += same_place(g.place, o.place)
            wrong = [name for name, ok in (("date", _same_date(g.date, o.date)), ("place", same_place(g.place, o.place)))
                     if not ok]
            if wrong:
                start, end = g.spans[0]
                self.attribute_listing.append({
                    "corpus": article.corpus, "article": article.id, "start": start, "type": g.type,
                    "trigger": o.trigger, "wrong": wrong, "gold_date": g.date, "date": o.date,
                    "gold_place": g.place, "place": o.place, "sentence": article.text[start:end]})
        for j, o in enumerate(ours):
            band = self.bands[min(int(max(0.0, min(1.0, o.confidence)) * len(BANDS)), len(BANDS) - 1)]
            band["emitted"] += 1
            band["confidence"] += o.confidence
            band["right"] += j in match
            band["type_right"] += j in type_match
        for i, g in enumerate(gold):
            here = [o.type for j, o in enumerate(ours) if i in inside[j]]
            self.confusion[g.type].update(here or ["-"])
        outside = [o.type for j, o in enumerate(ours) if not inside[j]]
        if outside:
            self.confusion["-"].update(outside)
        self._listing(article, gold, ours, inside, typed, full, match, dupes)

    def _listing(self, article: GoldArticle, gold: list[GoldEvent], ours: list[Emitted], inside: list[list[int]],
                 typed: list[list[int]], full: list[list[int]], match: dict[int, int], dupes: set[int]) -> None:
        matched_gold = set(match.values())
        for i, g in enumerate(gold):
            if i in matched_gold:
                continue
            here = [j for j in range(len(ours)) if i in inside[j]]
            same_type = [j for j in here if i in typed[j]]
            if not here:
                why = "nothing emitted in its sentences"
            elif not same_type:
                why = "other type emitted"
            elif any(i in full[j] for j in same_type):
                why = "its emission matched another gold event"
            else:
                why = party_problem(g, ours[same_type[0]]) or "parties differ"
            start, end = g.spans[0]
            self.misses.append({
                "corpus": article.corpus, "article": article.id, "start": start, "end": end,
                "sentence": article.text[start:end], "why": why, "gold": _show_gold(g),
                "emitted_here": [_show_ours(ours[j]) for j in here]})
        for j, o in enumerate(ours):
            if j in match:
                continue
            if j in dupes:
                why = "duplicate of a matched event"
            elif not inside[j]:
                why = "outside every gold sentence"
            elif not typed[j]:
                why = "type not coded in its sentence"
            else:
                why = party_problem(gold[typed[j][0]], o) or "parties differ"
            start, end = o.sentence
            self.false.append({
                "corpus": article.corpus, "article": article.id, "start": start, "end": end,
                "sentence": article.text[start:end], "why": why, "emitted": _show_ours(o),
                "gold_here": [_show_gold(gold[i]) for i in inside[j]]})

    def figures(self, listing: bool = False) -> dict[str, Any]:
        a = self.attributes
        n = a["n"]
        out: dict[str, Any] = {
            "articles": self.articles,
            **{level: self.levels[level].figures() for level in LEVELS},
            "matched_attributes": {
                "matched": n,
                "modality": a["modality"] / n if n else 0.0,
                "sector": a["sector"] / n if n else 0.0,
                "date": a["date"] / n if n else 0.0,
                "date_where_gold_has_one": {"n": a["date_stated_n"],
                                            "accuracy": a["date_stated"] / a["date_stated_n"] if a["date_stated_n"] else 0.0},
                "place": a["place"] / n if n else 0.0,
                "place_where_gold_has_one": {"n": a["place_stated_n"],
                                             "accuracy": a["place_stated"] / a["place_stated_n"] if a["place_stated_n"] else 0.0},
            },
            "corpora": {c: {"articles": self.corpus_articles[c], **{lv: t[lv].figures() for lv in LEVELS}}
                        for c, t in sorted(self.corpora.items())},
            "types": {k: {lv: t[lv].figures() for lv in LEVELS} for k, t in sorted(self.types.items())},
            "confusion": {g: dict(c.most_common()) for g, c in sorted(self.confusion.items())},
            "reliability": [{"band": f"{lo:.1f}-{hi:.1f}", "emitted": b["emitted"], "right": b["right"],
                             "share_right": b["right"] / b["emitted"] if b["emitted"] else None,
                             "mean_confidence": b["confidence"] / b["emitted"] if b["emitted"] else None,
                             "type_right": b["type_right"],
                             "share_type_right": b["type_right"] / b["emitted"] if b["emitted"] else None}
                            for (lo, hi), b in zip(BANDS, self.bands)],
            "actors": {"parties": self.parties["n"],
                       "country": self.parties["country"] / self.parties["n"] if self.parties["n"] else 0.0,
                       "sector": self.parties["sector"] / self.parties["n"] if self.parties["n"] else 0.0,
                       "unknown": self.parties["unknown"] / self.parties["n"] if self.parties["n"] else 0.0,
                       "by_source": {src: {"parties": self.parties[(src, "n")],
                                           **{k: self.parties[(src, k)] / self.parties[(src, "n")]
                                              if self.parties[(src, "n")] else 0.0
                                              for k in ("country", "sector", "unknown")}}
                                     for src in PARTY_SOURCES}},
            "misses_by_cause": dict(Counter(m["why"] for m in self.misses).most_common()),
            "false_by_cause": dict(Counter(f["why"] for f in self.false).most_common()),
        }
        out["calibration_error"] = calibration_error(out["reliability"])
        if listing:
            out["misses"] = self.misses
            out["false_events"] = self.false
            out["parties"] = self.party_listing
            out["attributes"] = self.attribute_listing
        return out


def _show_parties(parties: list[Party]) -> list[str]:
    return [f"{p.name} {p.code or '(no code)'}".strip() for p in parties]


def _show_gold(g: GoldEvent) -> dict:
    return {"type": g.type, "trigger": g.trigger, "actor": _show_parties(g.actor),
            "recipient": _show_parties(g.recipient), "modality": g.modality}


def _show_ours(o: Emitted) -> dict:
    return {"type": o.type, "trigger": o.trigger, "actor": _show_parties(o.actor),
            "recipient": _show_parties(o.recipient), "modality": o.modality, "confidence": o.confidence}


def right(article: GoldArticle, emitted: list[Emitted]) -> list[bool]:
    """For each emitted event, in the order given: is it matched at type + actor + recipient
    (one to one, as ``Scorer`` matches; a duplicate is not)."""
    order = sorted(range(len(emitted)), key=lambda j: (emitted[j].start, emitted[j].type))
    ours = [emitted[j] for j in order]
    gold = article.events
    full = [sorted((i for i, g in enumerate(gold) if _inside(g, o) and g.type == o.type
                    and party_problem(g, o) is None), key=lambda i: _preference(gold[i], o)) for o in ours]
    match = _max_matching(full)
    flags = [False] * len(emitted)
    for k, j in enumerate(order):
        flags[j] = k in match
    return flags


def calibration_error(bands: list[dict[str, Any]]) -> float:
    """Expected calibration error over the reliability bands: the emitted-weighted mean of
    |mean confidence - share right| (0 is perfectly calibrated)."""
    total = sum(b["emitted"] for b in bands)
    if not total:
        return 0.0
    return sum(b["emitted"] * abs(b["mean_confidence"] - b["share_right"]) for b in bands if b["emitted"]) / total


def score(pairs: Iterable[tuple[GoldArticle, list[Emitted]]], listing: bool = False,
          min_confidence: float | None = None,
          progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Figures for gold articles paired with whodid's events on them (no parse needed).

    Every emitted event is scored; with ``min_confidence``, the events at or above it (what
    exports and the web app give by default) are scored again, under ``"trusted"``."""
    scorer, trusted = Scorer(), Scorer()
    for n, (article, emitted) in enumerate(pairs, 1):
        scorer.add(article, emitted)
        if min_confidence is not None:
            trusted.add(article, [e for e in emitted if e.confidence >= min_confidence])
        if progress:
            progress(n)
    figures = scorer.figures(listing)
    if min_confidence is not None:
        kept = trusted.figures()
        figures["trusted"] = {"min_confidence": min_confidence, **{level: kept[level] for level in LEVELS}}
    return figures


# ---------------------------------------------------------------- running whodid


def emitted_events(analysis: Any) -> list[Emitted]:
    """whodid's events with their actor ids replaced by the actors' names and codes
    (an actor with a country but no code is keyed by its country and sector)."""
    actors = {a.id: Party(a.name, a.code or (a.country + (a.sector or "") if a.country else ""), a.kind,
                          guessed=bool(a.country) and "country" in a.inferred)
              for a in analysis.actors}
    return [Emitted(
        type=e.type, start=e.trigger.start, sentence=(e.sentence.start, e.sentence.end),
        actor=[actors[i] for i in e.actor if i in actors], recipient=[actors[i] for i in e.recipient if i in actors],
        modality=e.modality, date=e.date, place=e.place, confidence=e.confidence, trigger=e.trigger.text,
        inferred=tuple(e.inferred))
        for e in analysis.events]


def analyses(articles: list[GoldArticle]) -> Iterator[list[Emitted]]:
    """whodid's events on each gold article, in order: the whole pipeline, one model, batched."""
    for analysis in run_pipeline(articles):
        yield emitted_events(analysis)


def run_pipeline(articles: list[GoldArticle], events: Any = None) -> Iterator[Any]:
    """whodid's Analysis of each gold article, in order (``events``: the events stage to use)."""
    from whodid.actors import ActorsStage
    from whodid.checks import ChecksStage
    from whodid.events import EventsStage
    from whodid.knowledge import Resources
    from whodid.model import Article
    from whodid.nlp.publication import DateConstraint
    from whodid.pipeline import Pipeline
    from whodid.places import PlacesStage
    from whodid.quotes import QuotesStage
    from whodid.time import TimeStage

    periods = {a.id: CORPUS_PERIODS[a.corpus] for a in articles if a.corpus in CORPUS_PERIODS}

    def period(doc: Any, analysis: Any) -> list[DateConstraint]:
        known = periods.get(analysis.article.id)
        return [DateConstraint(known[0], known[1], "the corpus's articles are from this period")] if known else []

    knowledge = Resources.build()
    pipeline = Pipeline(stages=[ActorsStage(knowledge, constraints=[period]), QuotesStage(knowledge),
                                events or EventsStage(knowledge),
                                TimeStage(constraints=[period]), PlacesStage(knowledge), ChecksStage(knowledge)])
    yield from pipeline.analyze_many(Article(text=a.text, id=a.id, title=a.title, url=a.url) for a in articles)


def run(gold: list[Path] | None = None, part: str | None = None, shared: Path | None = None,
        limit: int | None = None, progress: Callable[[int, int], None] | None = None,
        listing: bool = False, min_confidence: float | None = None) -> dict[str, Any]:
    """Load the gold (``gold`` files, else those of ``part``), run whodid on its articles and
    ``score`` them."""
    if gold and part:
        raise GoldError("give --gold files or --part, not both")
    paths = list(gold) if gold else gold_files(part, shared)
    articles = load_gold(paths, shared_root(shared) / "corpora", limit)
    figures = score(zip(articles, analyses(articles)), listing, min_confidence,
                    progress and (lambda n: progress(n, len(articles))))
    figures["gold_files"] = [str(p) for p in paths]
    return figures


# ---------------------------------------------------------------- report


def _row(name: str, t: dict, extra: str = "") -> str:
    return (f"{name:12} {t['gold']:5d} {t['emitted']:5d} {t['matched']:5d} {t['duplicates']:5d} "
            f"{t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}{extra}")


def format_report(fig: dict[str, Any], show: str | None = None) -> str:
    head = f"{'':12} {'gold':>5} {'emit':>5} {'match':>5} {'dupl':>5} {'P':>6} {'R':>6} {'F1':>6}"
    full, typ = fig["full"], fig["type"]
    lines = [f"Whole-article events: {fig['articles']} articles"
             + (f" ({', '.join(fig['gold_files'])})" if fig.get("gold_files") else ""), "",
             head, _row("type+A+R", full), _row("type only", typ)]
    trusted = fig.get("trusted")
    if trusted:
        lines += ["", f"events at confidence >= {trusted['min_confidence']:g} (what export and the web app give by default):",
                  head, _row("type+A+R", trusted["full"]), _row("type only", trusted["type"])]
    lines += ["",
             f"duplicates: {full['duplicates']} of {full['emitted']} emissions ({full['duplicate_share']:.1%}) "
             f"at type+actor+recipient, {typ['duplicates']} ({typ['duplicate_share']:.1%}) at type only; "
             "precision counts them as unmatched (all emitted events)"]
    a = fig["matched_attributes"]
    d, p = a["date_where_gold_has_one"], a["place_where_gold_has_one"]
    lines += ["", f"on the {a['matched']} matched events: modality {a['modality']:.3f}, sector {a['sector']:.3f}, "
                  f"date {a['date']:.3f} ({d['accuracy']:.3f} of {d['n']} gold-dated), "
                  f"place {a['place']:.3f} ({p['accuracy']:.3f} of {p['n']} gold-placed)"]
    ac = fig.get("actors")
    if ac:
        lines += [f"actors: of the {ac['parties']} gold actors and recipients of type-matched events "
                  f"(gold '---' left out), country right {ac['country']:.3f}, sector right {ac['sector']:.3f}, "
                  f"unknown (no emitted party with a country on that side) {ac['unknown']:.3f}"]
        lines += ["  by where whodid's party came from: " + "; ".join(
            f"{src} {b['parties']} (country right {b['country']:.3f})"
            for src, b in ac["by_source"].items() if b["parties"])]
    lines += ["", "per corpus (type+A+R, then type only):", head]
    for name, c in fig["corpora"].items():
        lines += [_row(f"{name}", c["full"], f"   articles {c['articles']}"), _row("  type only", c["type"])]
    lines += ["", "per type (type+A+R | type only P R F1):", head]
    for name, t in fig["types"].items():
        ty = t["type"]
        lines.append(_row(name, t["full"], f"   | {ty['precision']:6.3f} {ty['recall']:6.3f} {ty['f1']:6.3f}"))
    lines += ["", "confusion (gold type -> types emitted in its sentences; '-' = none / outside gold sentences):"]
    for g, row in fig["confusion"].items():
        lines.append(f"  {g:10} " + ", ".join(f"{t} {n}" for t, n in row.items()))
    lines += ["", "reliability (share of emitted events matched at type+A+R, by confidence):",
              f"  {'band':8} {'emitted':>7} {'right':>6} {'share':>6} {'mean conf':>9} {'type ok':>8}"]
    for b in fig["reliability"]:
        share = "-" if b["share_right"] is None else f"{b['share_right']:.3f}"
        mean = "-" if b.get("mean_confidence") is None else f"{b['mean_confidence']:.3f}"
        tshare = "-" if b["share_type_right"] is None else f"{b['share_type_right']:.3f}"
        lines.append(f"  {b['band']:8} {b['emitted']:7d} {b['right']:6d} {share:>6} {mean:>9} {tshare:>8}")
    if "calibration_error" in fig:
        lines.append(f"  expected calibration error {fig['calibration_error']:.3f} (emitted-weighted mean of "
                     "|mean conf - share| over the bands)")
    lines += ["", "misses by cause: " + "; ".join(f"{k} {v}" for k, v in fig["misses_by_cause"].items()),
              "false events by cause: " + "; ".join(f"{k} {v}" for k, v in fig["false_by_cause"].items())]
    if show in ("misses", "all"):
        lines += ["", f"MISSES ({len(fig.get('misses', []))}):"]
        for m in fig.get("misses", []):
            lines += [f"- {m['article']} [{m['start']}:{m['end']}] {_event_line(m['gold'])}  <{m['why']}>",
                      f"    {_squash(m['sentence'])}"]
            lines += [f"    emitted: {_event_line(o)}" for o in m["emitted_here"]]
    if show in ("false", "all"):
        lines += ["", f"FALSE EVENTS ({len(fig.get('false_events', []))}):"]
        for f in fig.get("false_events", []):
            lines += [f"- {f['article']} [{f['start']}:{f['end']}] {_event_line(f['emitted'])}  <{f['why']}>",
                      f"    {_squash(f['sentence'])}"]
            lines += [f"    gold: {_event_line(g)}" for g in f["gold_here"]]
    if show == "actors":
        rows = fig.get("parties", [])
        lines += ["", f"GOLD PARTIES OF TYPE-MATCHED EVENTS ({len(rows)}; outcome: right, sector = country right "
                      "but sector wrong, country = wrong country, unknown = no emitted party with a country):"]
        for r in rows:
            lines += [f"- {r['article']} [{r['start']}] {r['type']} {r['side']}: gold {r['gold']} | emitted "
                      f"{'; '.join(r['emitted']) or '-'}  <{r['outcome']}>", f"    {_squash(r['sentence'])}"]
    if show == "attributes":
        rows = fig.get("attributes", [])
        lines += ["", f"MATCHED EVENTS WITH A WRONG DATE OR PLACE ({len(rows)}; gold | whodid):"]
        for r in rows:
            lines += [f"- {r['article']} [{r['start']}] {r['type']} '{r['trigger']}' ({', '.join(r['wrong'])}): "
                      f"date {r['gold_date'] or '-'} | {r['date'] or '-'}; place {r['gold_place'] or '-'} | "
                      f"{r['place'] or '-'}", f"    {_squash(r['sentence'])}"]
    return "\n".join(lines)


def _event_line(e: dict) -> str:
    conf = f" conf {e['confidence']:.2f}" if "confidence" in e else ""
    return (f"{e['type']} '{e.get('trigger') or ''}' {'; '.join(e['actor']) or '-'} -> "
            f"{'; '.join(e['recipient']) or '-'} ({e['modality']}{conf})")


def _squash(text: str) -> str:
    return " ".join(text.split())
