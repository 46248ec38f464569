"""Finding date and time expressions in a parsed article, and normalising them.

Two steps, kept apart so publication-date inference can look at what the text
says before anything is resolved:

1. ``find_expressions(doc)`` finds every date/time expression with exact
   character offsets into the article text and classifies it (``TimeExpr.kind``):

   ============  =====================================================
   kind          examples
   ============  =====================================================
   date          "February 24th, 2022", "Tuesday, December 2nd, 2022", "2022-03-04"
   partial       "December 2nd", "Friday, December 2nd" (no year)
   month_year    "March 2022", "late March 2022"
   month         "in March" (span "March"), "early March"
   year          "in 1991", "1962", "the 2022 invasion"
   decade        "the 1990s"                      (value none)
   weekday       "on Friday" (span "Friday"), "Tuesday morning"
   deictic       "yesterday", "today", "last week", "this year", "last March"
   offset        "eight months later", "two days after the invasion",
                 "three years ago", "the next day"
   duration      "in the space of 8 months", "for two weeks", "decades"
   time          "1:33 pm PST", "noon"                (a clock time, value none)
   other         a spaCy DATE we pass to dateparser as is ("the end of the month")
   vague         anything spaCy calls a date that we cannot place ("the years")
   ============  =====================================================

   Patterns of our own find what the small spaCy model misses or splits
   ("February 24th" + "2022"); spaCy DATE/TIME entities not covered by a
   pattern are added and classified, and four-digit years spaCy calls CARDINAL
   ("2022 Russian invasion") are added when the parse says they are not counts.

2. ``resolve_dates(exprs, base, doc)`` fills ``value``/``precision``. dateparser does
   the parsing; whodid decides the base date:

   - absolute dates need no base;
   - deictic expressions, weekdays, year-less dates and bare months resolve
     against the publication date (``base``); weekday-only and year-less
     references go to the most recent occurrence on or before the base (news
     convention), or the next one on or after it when their clause is in the
     future tense ("will meet on Friday", "is to meet", "is due", or the
     scheduling present of a few verbs: "the truce expires on Sunday");
   - a year-less date or bare month in a paragraph that has stated a year takes
     the story's year ("The war began on February 24th, 2022. On March 3rd, ..."
     is 2022-03-03 even in a story published in 2023), when that is not after
     the base and agrees with a stated weekday;
   - "N units ago / from now" resolve against the base;
   - "N units later / earlier", "the next day", "after two days" chain on the
     closest preceding resolved date in the text, else the base; a forward
     offset with nothing before it ("Two years on, the city lies in ruins") is
     left empty rather than put in the story's future;
   - "N units after/before <something>" look for a date the text ties to that
     something (a date attached in the parse to a word of the same stem:
     "invasion" ~ "invaded"); with none found the value stays empty rather than
     guessing.

Precision: dateparser's ``period`` maps day->day, month->month, year->year.
Week-level references ("last week", "two weeks later") get **month** precision:
the value is the month that holds the middle (Thursday) of that week. The model
has no week precision, and a single day would claim more than the text says.
Offsets are no more precise than their anchor. Durations, clock times, decades
and vague expressions have value ``None`` and precision ``"none"``; their kind
is kept in ``kind`` (on ``TimeExpr`` and ``DateExpr``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from whodid.model import DateExpr
from whodid.nlp import token_at
from whodid.nlp.extensions import char_tokens, span_at, text_of
from whodid.nlp.vocab import MONTHS, WEEKDAYS

# ---------------------------------------------------------------------------
# vocabulary

_WD_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_MON_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
             "sept": 9, "oct": 10, "nov": 11, "dec": 12}

WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
WD_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MON = rf"(?:{MON_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# a modern year in the text of a date entity ("In 2010", "March 2014"): the story's own years
# (``stated_dates``), group 1 the year
MODERN_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# a date spelled out in full ("February 24th, 2022"): month, day, year
_MONTH_NUMBERS = {m: i for i, m in enumerate(MONTHS, start=1)}
_FULL_DATE = re.compile(r"\b(" + "|".join(_MONTH_NUMBERS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)


def stated_dates(doc: Doc) -> tuple[list[int], list[dt.date]]:
    """The years the article names in its dates, and the full dates it spells out ("February 24th,
    2022"): what tells the story's own time (``actors.stage.reference_date``,
    ``events.remention``). Not a year that names a thing of that year ("the 2015 nuclear deal",
    "the 2008 election"), nor one after this year."""
    this_year = dt.date.today().year
    years, full = [], []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        root = ent.root
        if root.dep_ in ("compound", "nummod", "amod", "nmod") and root.head.pos_ == "NOUN" \
                and not ent.start <= root.head.i < ent.end:
            continue  # "the 2015 nuclear deal", "the 2008 election": the name of a thing of that year
        for m in MODERN_YEAR.finditer(ent.text):
            if int(m.group(1)) <= this_year:
                years.append(int(m.group(1)))
    for m in _FULL_DATE.finditer(text_of(doc)):
        y, mo, d = int(m.group(3)), _MONTH_NUMBERS[m.group(1).lower()], int(m.group(2))
        try:
            full.append(dt.date(y, mo, d))
        except ValueError:
            pass
    return years, full


def latest_stated_year(doc: Doc) -> int | None:
    """The latest year of ``stated_dates`` (the story's own year, or close to it); None when the
    article names none."""
    years, full = stated_dates(doc)
    return max(years + [f.year for f in full], default=None)

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "a couple of": 2, "couple of": 2,
}
_VAGUE_NUM = {"a few", "few", "several", "some", "many", "a number of"}
NUM = (r"(?:\d+|a\s+couple\s+of|couple\s+of|a\s+few|a\s+number\s+of|few|several|some|many|an?|one|two|three|"
       r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
       r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred)")
UNIT = r"(?:minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))s?"
PART = r"(?:morning|afternoon|evening|night)"
TZ = r"(?:[ECMPA][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT)"

# ---------------------------------------------------------------------------
# patterns, in priority order: a later pattern never takes text an earlier one took

_P = []


def _pat(kind: str, regex: str, flags: int = 0) -> None:
    _P.append((kind, re.compile(regex, flags)))


# "Friday, December 2nd(, 2022)", "24 February 2022", "the 2nd of December"
_pat("full", rf"(?<![\w-])(?:(?P<wd>{WD}),?\s+(?:the\s+)?)?(?:"
             rf"(?P<mon1>{MON})\s+(?P<day1>{DAY})(?![\d:])(?:(?:,\s*|\s+)(?P<year1>{YEAR})\b)?"
             rf"|(?:(?<=\s)the\s+)?(?P<day2>{DAY})(?:\s+of)?\s+(?P<mon2>{MON})(?:,?\s+(?P<year2>{YEAR})\b)?)"
             rf"(?![\w-])")
_pat("iso", r"(?<![\w-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])")
# clock times: "1:33 pm PST", "10 a.m.", "14:00 GMT", "noon"
_pat("time", rf"(?<![\w:.])(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)|(?:[01]?\d|2[0-3]):[0-5]\d\b)"
             rf"(?:\s+(?:\({TZ}\)|{TZ}\b))?")
_pat("time", r"\b(?i:noon|midday|midnight)\b")
_pat("time", rf"(?<![\w:.])(?:[01]\d|2[0-3])[0-5]\d\s+{TZ}\b")
# "March 2022", "late March 2022"
_pat("month_year", rf"(?<![\w-])(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<mon>{MON})\.?,?\s+(?P<year>{YEAR})\b")
# deictic words
_pat("deictic", rf"\b(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow)"
                rf"(?:\s+(?i:{PART}))?\b")
_pat("deictic", rf"(?<![Tt]he\s)\b(?:(?i:earlier|later)\s+)?(?i:last|this|next)\s+(?:(?i:week(?:end)?|month|year|{PART})|{WD_FULL}|{MON_FULL})\b")
# offsets: "eight months later", "two days after the invasion", "three years ago"
_pat("offset", rf"\b(?P<num>(?i:{NUM}))\s+(?:(?i:more|full|long)\s+)?(?P<unit>(?i:{UNIT}))\s+"
               rf"(?P<rel>(?i:ago|later|earlier|before|after|afterwards?|previously|prior|on(?=\s*[,.;:!?)]|\s*$)|from\s+now|hence))\b")
_pat("offset", r"\b(?i:the)\s+(?P<rel>(?i:next|following|previous|preceding|prior|same))\s+(?P<unit>(?i:day|week|month|year|morning|evening|night))\b")
_pat("offset", r"\b(?i:the)\s+(?P<unit>(?i:day|week|month|year))\s+(?P<rel>(?i:before|after))\b(?!\s+(?i:yesterday|tomorrow))")
# durations: "in the space of 8 months", "for two weeks", "over the past year", "for decades"
_pat("duration", rf"\b(?P<cue>(?i:in\s+the\s+space\s+of|for|over|during|within|throughout|spanning|lasting|in|after))\s+"
                 rf"(?:(?P<the>(?i:the\s+(?:past|last|next|previous|coming|first|final|following)))\s+)?"
                 rf"(?:(?i:more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|roughly|some|over|under|just|at\s+least)\s+)?"
                 rf"(?:(?P<num>(?i:{NUM}))\s+)?(?:(?i:more|long|whole|full|straight|consecutive)\s+)?(?P<unit>(?i:{UNIT}))\b")
# bare month after a preposition: "in March" (span "March"), "by early May"
_pat("month", rf"\b(?i:in|since|until|till|by|during|from|through|before|after|of|around|to)\s+"
              rf"(?P<span>(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<mon>{MON_FULL}))\b(?!\s+\d)")
_pat("month", rf"\b(?P<span>(?P<mod>(?i:early|mid|late))[\s-]+(?P<mon>{MON_FULL}))\b(?!\s+\d)")
# decades and years after a preposition
_pat("decade", r"(?<![\w-])(?:the\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0)'?s\b")
_pat("year", rf"\b(?i:in|since|until|till|by|during|from|through|before|after|of|around|circa|early|mid|late|year)[\s-]+"
             rf"(?P<span>(?P<year>{YEAR}))\b(?![\w%,.-]\d)(?!\s*(?i:percent|per\s+cent|%))")
# weekday-only: "on Friday" (span "Friday"), "Tuesday night"
_pat("weekday", rf"(?<![\w-])(?P<wd>{WD_FULL})(?:\s+(?:{PART}))?\b")


@dataclass
class TimeExpr:
    """A date/time expression with what whodid knows about it (richer than DateExpr)."""

    text: str
    start: int
    end: int
    kind: str
    source: str = "pattern"  # pattern | spacy | year
    weekday: int | None = None  # 0 = Monday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    num: float | None = None  # offsets and durations
    num_vague: bool = False
    unit: str | None = None  # day | week | month | year | decade | hour | ...
    direction: int = 0  # offsets: +1 later, -1 earlier, 0 same
    anchor: str = "base"  # offsets: base | chain | event
    anchor_span: tuple[int, int] | None = None  # offsets anchored on an event phrase
    tense: str = "present"  # past | present | future (of the clause that holds it)
    value: str | None = None
    precision: str = "none"
    resolved_from: str = ""  # how the value was obtained, for checks and reports
    notes: list[str] = field(default_factory=list)

    def as_date(self) -> dt.date | None:
        """First day the value covers (for ordering and comparisons)."""
        if not self.value:
            return None
        parts = [int(p) for p in self.value.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.date(*parts)

    def to_date_expr(self) -> DateExpr:
        return DateExpr(text=self.text, start=self.start, end=self.end, value=self.value,
                        precision=self.precision, kind=self.kind)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# helpers


def _month_num(name: str) -> int | None:
    n = name.lower().rstrip(".")
    if n in MONTHS:
        return MONTHS.index(n) + 1
    return _MON_ABBR.get(n)


def _weekday_num(name: str) -> int | None:
    n = name.lower().rstrip(".")
    if n in WEEKDAYS:
        return WEEKDAYS.index(n)
    return _WD_ABBR.get(n)


def _day_num(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _num(text: str) -> tuple[float | None, bool]:
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t.isdigit():
        return float(t), False
    if t in _VAGUE_NUM:
        return 3.0, True
    if t in _NUM_WORDS:
        return float(_NUM_WORDS[t]), False
    return None, True


def _unit(text: str) -> str:
    u = text.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


_REL = {"ago": (-1, "base"), "from now": (1, "base"), "hence": (1, "base"),
        "later": (1, "chain"), "after": (1, "chain"), "afterward": (1, "chain"), "afterwards": (1, "chain"),
        "on": (1, "chain"), "following": (1, "chain"), "next": (1, "chain"),
        "earlier": (-1, "chain"), "before": (-1, "chain"), "previously": (-1, "chain"), "prior": (-1, "chain"),
        "previous": (-1, "chain"), "preceding": (-1, "chain"), "same": (0, "chain")}

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def _tense(span: Span | None) -> str:
    """Tense of the clause governing ``span``: past | present | future (cheap, from the parse)."""
    if span is None or len(span) == 0:
        return "present"
    tok: Token = span.root
    seen = 0
    while seen < 12:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
        seen += 1
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
        return "future"
    # "are to meet", "is set to", "plans to": an infinitive governed by a present be/plan
    if any(a.lower_ == "to" for a in auxes) and tok.head.i != tok.i:
        h = tok.head
        if h.lemma_ in ("be", "plan", "expect", "set", "schedule", "intend") and h.tag_ in ("VBZ", "VBP", "VBN"):
            return "future"
    # "On Wednesday, the delegation is to meet ...": the date on the present be, "to" on its verb
    if tok.lemma_ == "be" and tok.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and lowers & {"has", "have", "had", "'ve", "was", "were"}:
        return "past"
    # the scheduling present: "the truce expires on Sunday", "the vote is scheduled for April 14"
    if tok.lemma_ in _SCHEDULE and (
            tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBN" and lowers & {"is", "are", "'s", "'re"})):
        return "future"
    if tok.tag_ in ("JJ",) and tok.lemma_ == "due":
        return "future"
    return "present"


_SCHEDULE = {"expire", "begin", "start", "open", "close", "resume", "end", "run", "schedule", "set", "due", "plan",
             "expect", "launch", "kick", "hold", "convene", "reconvene", "take", "meet", "arrive", "leave", "depart",
             "travel", "visit", "face", "play", "host"}


# ---------------------------------------------------------------------------
# finding


def _from_match(kind: str, m: re.Match, text: str) -> TimeExpr | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if "span" in g and g["span"] is not None:
        start, end = m.start("span"), m.end("span")
    e = TimeExpr(text=text[start:end], start=start, end=end, kind=kind)
    if kind == "full":
        mon = g.get("mon1") or g.get("mon2")
        day = g.get("day1") or g.get("day2")
        year = g.get("year1") or g.get("year2")
        e.month, e.day = _month_num(mon), _day_num(day)
        if not (1 <= e.day <= 31) or e.month is None:
            return None
        if g.get("wd"):
            e.weekday = _weekday_num(g["wd"])
        if year:
            e.year, e.kind = int(year), "date"
        else:
            e.kind = "partial"
        # "May 5" is a date, but "may 5" is not: month names must be capitalised (the regex is)
    elif kind == "iso":
        e.kind, e.year, e.month, e.day = "date", int(g["y"]), int(g["m"]), int(g["d"])
    elif kind == "month_year":
        e.month, e.year = _month_num(g["mon"]), int(g["year"])
    elif kind == "month":
        e.month = _month_num(g["mon"])
        prep = text[m.start():m.start("span")].strip().lower()
        if g["mon"] == "May" and not g.get("mod") and prep not in ("in", "since", "until", "till", "during"):
            return None  # "a speech by May", "said to May": more likely Theresa May than the month
    elif kind == "year":
        e.year = int(g["year"])
    elif kind == "weekday":
        e.weekday = _weekday_num(g["wd"])
    elif kind == "offset":
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        e.direction, e.anchor = _REL[rel]
        e.unit = _unit(g["unit"])
        if e.unit in ("morning", "evening", "night"):
            e.unit = "day"
        if g.get("num"):
            e.num, e.num_vague = _num(g["num"])
        else:
            e.num = 0.0 if rel == "same" else 1.0
    elif kind == "duration":
        cue = re.sub(r"\s+", " ", g["cue"].lower())
        unit_text = g["unit"]
        plural = unit_text.lower().endswith("s")
        if not g.get("num") and not g.get("the") and not plural:
            return None  # "in day", "for year": not a duration we trust
        e.unit = _unit(unit_text)
        if g.get("num"):
            e.num, e.num_vague = _num(g["num"])
        if cue == "after" and not g.get("num"):
            start = m.start("the") if g.get("the") else m.start("cue") + len(g["cue"]) + 1
            while text[start].isspace():
                start += 1
            e.start, e.text = start, text[start:end]  # "after decades of ...": the duration is "decades"
        clause_initial = (m.start() == 0 or re.search(r"(?:^|[.!?;:\n\"“”]\s*)$", text[max(0, m.start() - 3):m.start()])
                          is not None) and text[end:end + 1] == ","
        if cue == "after" and g.get("num") and not g.get("the") and clause_initial:
            # "After two days, talks resumed": a forward offset on the preceding date
            e.kind, e.direction, e.anchor = "offset", 1, "chain"
        elif cue == "in" and g.get("num") and not g.get("the"):
            e.kind = "in_n"  # duration, or a forward offset if the clause is future ("in two weeks")
    return e


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def _event_anchor(doc: Doc, text: str, e: TimeExpr) -> None:
    """For "N units after/before X": record the span of X from the parse (pobj or clause of the
    preposition); ``text`` is ``doc.text``, built once by the caller."""
    m = re.search(r"(?i)\b(after|before)\s*$", e.text)
    if not m:
        return
    prep_start = e.start + m.start(1)
    after = text[e.end:e.end + 2]
    if not after.strip() or after.lstrip()[:1] in ",.;:!?)–—-\"”":
        return  # "two days after," -> chains on the preceding date
    span = char_tokens(doc, prep_start, prep_start + len(m.group(1)))
    if span is None:
        return
    prep = span[0]
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if prep.dep_ == "mark" and prep.head.i > prep.i:
        # "a day after the general was arrested": the clause "after" introduces
        sub = [t for t in prep.head.subtree if t.i > prep.i]
    elif objs:
        sub = list(objs[0].subtree)
    else:
        # the parser may hang the object elsewhere; take the next noun phrase
        for nc in doc.noun_chunks:
            if nc.start_char >= e.end:
                if nc.start_char - e.end <= 2:
                    sub = list(nc)
                    break
                return
        else:
            return
    if not sub:
        return
    start = sub[0].idx
    end = sub[-1].idx + len(sub[-1].text)
    # keep the anchor phrase short: up to the end of the clause's first noun phrase or 8 tokens
    if len(sub) > 8:
        end = sub[7].idx + len(sub[7].text)
    e.anchor, e.anchor_span = "event", (start, end)
    e.end = end
    e.text = text[e.start:e.end]


_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _is_year_token(tok: Token, today_year: int) -> bool:
    if not re.fullmatch(YEAR, tok.text):
        return False
    if not 1800 <= int(tok.text) <= today_year + 10:
        return False
    if tok.ent_type_ and tok.ent_type_ not in ("DATE", "CARDINAL", "EVENT"):
        return False  # "1600 Pennsylvania Avenue"
    if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS"):
        return False  # "2000 soldiers"
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prv = tok.nbor(-1) if tok.i > 0 else None
    if nxt is not None and nxt.text in ("%", "percent", "km", "kilometres", "kilometers", "miles", "people"):
        return False
    if prv is not None and (prv.text in ("$", "€", "£", "#", "No.", "no.") or prv.is_currency):
        return False
    return True


_DURATION_TEXT = re.compile(rf"(?i)^(?:the\s+)?(?:(?:past|last|next|recent|coming|first|final)\s+)?(?:(?P<num>{NUM})\s+)?"
                            rf"(?:more\s+|long\s+|full\s+)?(?P<unit>{UNIT})$")


def _classify_spacy(ent: Span, text: str, today_year: int) -> TimeExpr | None:
    t = ent.text
    e = TimeExpr(text=t, start=ent.start_char, end=ent.end_char, kind="vague", source="spacy")
    if ent.label_ == "TIME":
        if _DURATION_TEXT.match(t):
            e.kind = "duration"  # "two minutes"
            return e
        if re.search(r"(?i)\b(today|tonight|yesterday|tomorrow|this|last|next)\b", t) or re.search(WD_FULL, t):
            e.kind = "deictic"
        else:
            e.kind = "time"
        return e
    if re.search(r"(?i)-old\b", t):
        return None  # an age, not a time expression
    if re.search(rf"(?i)\w-(?:{UNIT})\b", t):
        e.kind = "duration"  # "a six-year high", "the 28-year-old": lengths and ages, not dates
        return e
    if re.fullmatch(YEAR, t):
        if 1800 <= int(t) <= today_year + 10:
            e.kind, e.year = "year", int(t)
        return e
    m = _DURATION_TEXT.match(t)
    if m:
        e.kind, e.unit = "duration", _unit(m.group("unit"))
        if m.group("num"):
            e.num, e.num_vague = _num(m.group("num"))
        return e
    m = re.fullmatch(rf"(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<mon>{MON_FULL})", t)
    if m:  # a bare month: same rules as the pattern (past/future by tense); "May" only after in/since/...
        prev = text[max(0, ent.start_char - 8):ent.start_char].split()
        if m.group("mon") == "May" and not m.group("mod") and (not prev or prev[-1].lower() not in (
                "in", "since", "until", "till", "during", "early", "late", "mid")):
            return None
        e.kind, e.month = "month", _month_num(m.group("mon"))
        return e
    if re.search(rf"{MON_FULL}|{WD_FULL}|\b{YEAR}\b|(?i:\b(?:today|yesterday|tomorrow|tonight|week|month|year)\b)", t):
        e.kind = "other"  # let dateparser try it against the base
    return e


def find_expressions(doc: Doc, today: dt.date | None = None) -> list[TimeExpr]:
    """Every date/time expression in ``doc``, in text order, not yet resolved."""
    text = text_of(doc)
    today_year = (today or dt.date.today()).year
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for kind, regex in _P:
        for m in regex.finditer(text):
            e = _from_match(kind, m, text)
            if e is None or _overlaps(taken, e.start, e.end):
                continue
            if e.kind == "weekday" and _preceded_by(text, e.start, ("last", "next", "this")):
                continue
            found.append(e)
            taken.append((e.start, e.end))
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or _overlaps(taken, ent.start_char, ent.end_char):
            continue
        e = _classify_spacy(ent, text, today_year)
        if e is not None:
            found.append(e)
            taken.append((e.start, e.end))
    for m in _FOUR_DIGITS.finditer(text):  # a year is a four-digit token; the rest of the doc is not visited
        tok = token_at(doc, m.start())
        if tok is None or tok.idx != m.start() or len(tok.text) != 4:
            continue
        if _is_year_token(tok, today_year) and not _overlaps(taken, tok.idx, tok.idx + len(tok.text)):
            found.append(TimeExpr(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), kind="year",
                                  source="year", year=int(tok.text)))
            taken.append((tok.idx, tok.idx + len(tok.text)))
    found.sort(key=lambda e: e.start)
    for e in found:
        if e.kind == "offset" and e.anchor == "chain":
            _event_anchor(doc, text, e)
        span = span_at(doc, e)
        e.tense = _tense(span)
        if e.kind == "in_n":
            if e.tense == "future":
                e.kind, e.direction, e.anchor = "offset", 1, "base"
            else:
                e.kind = "duration"
    return found


def _preceded_by(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = text[max(0, start - 12):start].lower().split()
    return bool(before) and before[-1] in words


# ---------------------------------------------------------------------------
# resolving with dateparser


@lru_cache(maxsize=256)
def _parser(base: dt.date, prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12, 0),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    })


def parse_date(text: str, base: dt.date, prefer: str = "past") -> tuple[dt.date | None, str]:
    """dateparser on ``text`` relative to ``base``: (date or None, period: day|week|month|year)."""
    data = _parser(base, prefer).get_date_data(text)
    if data is None or data.date_obj is None:
        return None, "none"
    return data.date_obj.date(), data.period or "day"


def _fmt(d: dt.date, period: str) -> tuple[str, str]:
    if period == "year":
        return f"{d.year:04d}", "year"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    if period == "week":
        mid = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=3)
        return f"{mid.year:04d}-{mid.month:02d}", "month"
    return d.isoformat(), "day"


_PREC_RANK = {"none": 0, "year": 1, "month": 2, "day": 3}


def _coarser(a: str, b: str) -> str:
    return a if _PREC_RANK[a] <= _PREC_RANK[b] else b


def _set(e: TimeExpr, d: dt.date | None, period: str, how: str) -> None:
    if d is None:
        return
    e.value, e.precision = _fmt(d, period)
    e.resolved_from = how


def _date_text(e: TimeExpr) -> str:
    """The expression's date words without a weekday, for dateparser."""
    return f"{MONTHS[e.month - 1].title()} {e.day}" + (f", {e.year}" if e.year else "")


def _plain_year(year: int) -> bool:
    """A date the text spells out in full in a year the patterns read (``YEAR``, 1600-2099) is read
    without dateparser: "March 5, 2022" and "March 2022" are what they say (dateparser gives the
    same day, and the month's first day, for every day of these years:
    tests/test_dates_absolute.py); a year outside them (an ISO date's "0999") still goes to
    dateparser."""
    return re.fullmatch(YEAR, str(year)) is not None


def resolve_absolute(e: TimeExpr) -> None:
    """Expressions that carry their own year: no base needed."""
    some_base = dt.date(2000, 1, 1)
    if e.kind == "date":
        try:
            dt.date(e.year, e.month, e.day)  # type: ignore[arg-type]
        except ValueError:
            e.notes.append("no such day")
            return
        if _plain_year(e.year):  # type: ignore[arg-type]
            d, period = dt.date(e.year, e.month, e.day), "day"  # type: ignore[arg-type]
        else:
            d, period = parse_date(_date_text(e), some_base)
        _set(e, d, "day" if d else period, "text")
    elif e.kind == "month_year":
        if _plain_year(e.year):  # type: ignore[arg-type]
            d = dt.date(e.year, e.month, 1)  # type: ignore[arg-type]
        else:
            d, _ = parse_date(f"{MONTHS[e.month - 1].title()} {e.year}", some_base)  # type: ignore[index]
        _set(e, d, "month", "text")
    elif e.kind == "year":
        e.value, e.precision, e.resolved_from = f"{e.year:04d}", "year", "text"
    elif e.kind == "other" and not re.search(rf"{MON_FULL}|{WD_FULL}|(?i:today|yesterday|tomorrow|tonight)", e.text):
        years = re.findall(rf"\b{YEAR}\b", e.text)
        if len(years) == 1 and not re.search(r"(?i)\b(?:ago|later|earlier|before|after)\b", e.text):
            e.year = int(years[0])  # "the 2022 season", "fiscal 2021": the year is what we know
            e.value, e.precision, e.resolved_from = years[0], "year", "text"


def _resolve_on_base(e: TimeExpr, base: dt.date) -> None:
    future = e.tense == "future"
    if e.kind == "partial":
        if future:
            d, _ = parse_date(_date_text(e), base - dt.timedelta(days=1), "future")
        else:
            d, _ = parse_date(_date_text(e), base, "past")
        _set(e, d, "day", "publication")
    elif e.kind == "month":
        name = MONTHS[e.month - 1].title()  # type: ignore[index]
        if future:
            d, _ = parse_date(name, base.replace(day=1) - dt.timedelta(days=1), "future")
        else:
            d, _ = parse_date(name, base, "past")
        _set(e, d, "month", "publication")
    elif e.kind == "weekday":
        name = WEEKDAYS[e.weekday].title()  # type: ignore[index]
        if future:
            d, _ = parse_date(name, base - dt.timedelta(days=1), "future")
        else:  # the most recent such day on or before the base
            d, _ = parse_date(name, base + dt.timedelta(days=1), "past")
        _set(e, d, "day", "publication")
    elif e.kind in ("deictic", "other"):
        t = re.sub(r"(?i)^(earlier|later)\s+", "", e.text)
        # "the end of the month", "the beginning of next year": the period is what we can date
        t = re.sub(r"(?i)^(?:the\s+)?(?:end|beginning|start|middle|close|rest|remainder)\s+of\s+", "", t)
        t = re.sub(r"(?i)^the\s+(week|month|year)$", r"this \1", t)
        t = re.sub(r"(?i)\bweekend\b", "Saturday", t)
        m = re.fullmatch(rf"(?i)(last|this|next)\s+({MON_FULL})", t)
        if m:  # dateparser does not read "last March"
            which, name = m.group(1).lower(), m.group(2).title()
            first = base.replace(day=1)
            if which == "last":
                d, _ = parse_date(name, first - dt.timedelta(days=1), "past")
            elif which == "next":
                d, _ = parse_date(name, (first + dt.timedelta(days=32)).replace(day=1), "future")
            else:
                d, _ = parse_date(f"{name} {base.year}", base)
            _set(e, d, "month", "publication")
            return
        d, period = parse_date(t, base, "future" if future else "past")
        if d is None and e.kind == "deictic":
            # "Tuesday morning" as TIME: keep the day
            wd = re.search(WD_FULL, t)
            if wd:
                d, period = parse_date(wd.group(), base + dt.timedelta(days=1), "past")
        if re.search(r"(?i)\bweekend\b", e.text):
            period = "week"
        _set(e, d, period, "publication")
    elif e.kind == "offset" and e.anchor == "base":
        _offset(e, base, "day", "publication")


_UNIT_PREC = {"minute": "day", "hour": "day", "day": "day", "week": "month", "fortnight": "month",
              "month": "month", "year": "year", "decade": "year", "century": "year"}


def _offset(e: TimeExpr, anchor: dt.date, anchor_prec: str, how: str) -> None:
    if e.num is None or e.unit is None:
        return
    n, unit = e.num, e.unit
    if unit == "fortnight":
        n, unit = n * 2, "week"
    if unit == "decade":
        n, unit = n * 10, "year"
    if unit == "century":
        n, unit = n * 100, "year"
    if unit in ("minute", "hour"):
        n, unit = 0, "day"
    n_int = int(round(n))
    if e.direction == 0 or n_int == 0:
        d, period = anchor, "day"
    elif e.direction > 0:
        d, period = parse_date(f"in {n_int} {unit}s", anchor, "future")
    else:
        d, period = parse_date(f"{n_int} {unit}s ago", anchor, "past")
    if d is None:
        return
    if e.direction != 0 and unit in ("month", "year") and anchor_prec == "day":
        # dateparser snaps "in 8 months" to the first of the month; keep the anchor's day where it exists
        try:
            d = d.replace(day=anchor.day)
        except ValueError:
            pass
    prec = _UNIT_PREC.get(unit, "day")
    if e.num_vague:  # "a few days later": an order of magnitude, not a count
        prec = {"day": "month", "month": "year"}.get(prec, "none")
    prec = _coarser(prec, anchor_prec)
    if prec == "none":
        return
    _set(e, d, {"day": "day", "month": "month", "year": "year"}[prec], how)


_NOMINAL_SUFFIXES = ("ations", "ation", "ments", "ment", "sions", "sion", "tions", "tion", "ings", "ing",
                     "als", "al", "ures", "ure", "ances", "ance", "ences", "ence", "ed", "es", "e", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude derivational stem so "invasion", "invaded" and "invade" meet ("inva")."""
    w = word.lower()
    for suf in _NOMINAL_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _same_stem(a: str, b: str) -> bool:
    sa, sb = stem(a), stem(b)
    short, long_ = sorted((sa, sb), key=len)
    return len(short) >= 4 and long_.startswith(short)


def _event_date(doc: Doc, e: TimeExpr, exprs: list[TimeExpr]) -> TimeExpr | None:
    """A resolved date the parse ties to a word of the same stem as the head of ``e``'s anchor phrase."""
    span = char_tokens(doc, *e.anchor_span)  # type: ignore[misc]
    if span is None:
        return None
    heads = [t for t in span if t.pos_ in ("NOUN", "VERB", "PROPN") and not t.is_stop] or [span.root]
    keys = [t.lemma_ or t.text for t in heads if t.pos_ in ("NOUN", "VERB")] or [span.root.lemma_]
    best: tuple[int, TimeExpr] | None = None
    for other in exprs:  # a date inside the anchor phrase itself: "two years after the 2014 annexation"
        if other is not e and other.value and other.kind not in ("offset", "duration", "time", "vague", "decade") \
                and e.anchor_span[0] <= other.start < e.anchor_span[1]:  # type: ignore[index]
            return other
    for other in exprs:
        if other is e or other.value is None or other.kind in ("offset", "duration", "time", "vague", "decade"):
            continue
        if e.anchor_span[0] <= other.start < e.anchor_span[1]:  # type: ignore[index]
            continue
        ospan = char_tokens(doc, other.start, other.end)
        if ospan is None:
            continue
        tok = ospan.root
        linked = False
        for _ in range(10):
            near = [tok]
            if tok.pos_ in ("VERB", "AUX"):  # "the election was held on 2 April": the verb's subject or object
                near += [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
            if any((_same_stem(t.lemma_, k) or _same_stem(t.text, k)) and t not in ospan for t in near for k in keys):
                linked = True
                break
            if tok.head.i == tok.i:
                break
            tok = tok.head
        if not linked:
            continue
        distance = e.start - other.start if other.start < e.start else 10 * (other.start - e.start)
        if best is None or distance < best[0]:
            best = (distance, other)
    return best[1] if best else None


_NARRATIVE = ("date", "partial", "month_year", "month", "year", "weekday", "deictic", "other", "offset")


def resolve_dates(exprs: list[TimeExpr], base: dt.date | None, doc: Doc) -> None:
    """Fill value/precision of every expression (in place). ``base`` is the publication date, if any."""
    for e in exprs:
        resolve_absolute(e)
    if base is not None:
        for e in exprs:
            if e.value is None and e.kind in ("partial", "month", "weekday", "deictic", "other") or (
                    e.kind == "offset" and e.anchor == "base"):
                _resolve_on_base(e, base)
    # anaphoric offsets: in text order, on the closest preceding resolved date, or the event they name
    text = text_of(doc)
    last: TimeExpr | None = None
    last_explicit: TimeExpr | None = None
    for e in exprs:
        if e.kind == "offset" and e.anchor == "chain":
            if last is not None and last.as_date() is not None:
                _offset(e, last.as_date(), last.precision, f"chain:{last.start}")  # type: ignore[arg-type]
            elif base is not None and (e.direction <= 0 or e.tense == "future"):
                _offset(e, base, "day", "publication")  # "two days earlier" with nothing before: publication
            else:
                # "two years on, the city lies in ruins" with no date before it: after what is unknown,
                # and publication + 2 years would be a date in the story's future
                e.notes.append("forward offset with no preceding date")
        elif e.kind == "offset" and e.anchor == "event":
            target = _event_date(doc, e, exprs)
            if target is not None:
                _offset(e, target.as_date(), target.precision, f"event:{target.start}")  # type: ignore[arg-type]
            else:
                e.notes.append("no date found in the text for the event this is relative to")
        elif base is not None and e.kind in ("partial", "month") and e.value and e.tense != "future":
            _narrative_year(e, last_explicit, base, text)
        if e.value is not None and e.kind in _NARRATIVE:
            last = e
            if e.kind in ("date", "month_year", "year") and e.resolved_from == "text":
                last_explicit = e


def _narrative_year(e: TimeExpr, anchor: TimeExpr | None, base: dt.date, text: str) -> None:
    """A year-less date takes its year from the story's last stated year in the same paragraph.

    "The war began on February 24th, 2022. On March 3rd, troops took Kherson." published 2023-05-10:
    March 3rd is 2022-03-03 (the first March 3rd on or after the stated date), not 2023-03-03.
    Only when that date is not after the publication date and agrees with a stated weekday.
    """
    if anchor is None or "\n" in text[anchor.end:e.start]:
        return
    anchor_d = anchor.as_date()
    current = e.as_date()
    if anchor_d is None or current is None or e.month is None:
        return
    for y in (anchor_d.year, anchor_d.year + 1):
        try:
            cand = dt.date(y, e.month, e.day or 1)
        except ValueError:
            continue
        if (cand.year, cand.month, cand.day if e.day else 1) < (anchor_d.year, anchor_d.month,
                                                                anchor_d.day if e.day else 1):
            continue
        if cand > base or cand.year == current.year:
            return
        if e.weekday is not None and cand.weekday() != e.weekday:
            return
        _set(e, cand, "day" if e.day else "month", f"narrative:{anchor.start}")
        return


def find_and_resolve(doc: Doc, base: dt.date | None, today: dt.date | None = None) -> list[TimeExpr]:
    exprs = find_expressions(doc, today)
    resolve_dates(exprs, base, doc)
    return exprs
