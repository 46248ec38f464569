"""Reading PETRARCH/TABARI/Phoenix actor dictionaries as PETRARCH2 reads them.

One reader for both uses: ``scripts/build_kb.py`` compiles the Phoenix dictionaries
into the built-in knowledge base, and ``whodid.knowledge.user_kb.import_petrarch``
reads a user's dictionary given to ``--kb``.

The format (PETRARCH2's ``read_actor_dictionary``)::

    TONY_BLAIR_  # CountryInfo.txt          a primary phrase, words joined by _ or spaces
    +PRIME_MINISTER_TONY_BLAIR_             a synonym of the phrase above
    \t[GBRGOV 970502-070627]                a code valid between two dates
    \t[GBRELI]                              the default code (outside the dated ones)
    UN_ [IGOUNO]                            a phrase with its code on the same line
    JEAN_MARIE_GUEHENNO_ [IGOUNO 000101-080801] [---]   several codes; [---]: no code
    HUMAN_RIGHTS_OBSERVER_ [HRI/NGO]        a code with alternatives (the first is used)
    \t[HOB < 950601]                        until a date ([X > d]: from), spaces allowed

Dates are ``YYYYMMDD`` or TABARI's ``YYMMDD`` (00-30 are 20YY, else 19YY); as in
PETRARCH a string longer than seven characters is read by its first eight, a shorter
one by its first six. A phrase with no code of its own takes the codes of the next
phrase that has some (PETRARCH stores both under one code list). ``#`` starts a
comment, ``<!-- -->`` blocks are skipped, ``---STOP---`` ends the file.

What PETRARCH skips with a warning (an impossible calendar date, an interval that ends
before it starts: a handful of lines in the Phoenix files) is skipped here too and
listed in ``ActorDictionary.warnings``. What PETRARCH cannot read at all is refused
with ``DictionaryError`` naming the file, the line and the problem.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path

from whodid.nlp.vocab import NAME_PARTICLES

NULL_CODE = "---"
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"^~?([A-Z0-9]{3,}(?:/~?[A-Z0-9]{3,})*|---)$")
_INTERVAL = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_BOUND = re.compile(r"^([<>])\s*(\d+)$")


class DictionaryError(ValueError):
    """A dictionary line PETRARCH could not read either: ``path:line: problem``."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


class Code(tuple):
    """``(code, start, end)``: ISO dates or None; ``code`` is ``---`` for the null code."""

    __slots__ = ()

    def __new__(cls, code: str, start: str | None = None, end: str | None = None):
        return tuple.__new__(cls, (code, start, end))

    @property
    def code(self) -> str:
        return self[0]

    @property
    def start(self) -> str | None:
        return self[1]

    @property
    def end(self) -> str | None:
        return self[2]

    @property
    def dated(self) -> bool:
        return self[1] is not None or self[2] is not None


@dataclass
class Entry:
    name: str  # as written, words joined by spaces ("TONY BLAIR")
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comment: str = ""

    @property
    def null(self) -> bool:
        """Only the null code: a phrase the dictionary knows is *not* an actor."""
        return bool(self.codes) and all(c.code == NULL_CODE for c in self.codes)


@dataclass
class ActorDictionary:
    path: str
    entries: list[Entry]
    warnings: list[str]


def read_text(path: str | Path) -> str:
    """A dictionary file's text: UTF-8, else Latin-1 (the field's dictionaries are mostly
    ASCII; a Latin-1 one is still read)."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return path.read_bytes().decode("latin-1")
    except OSError as exc:
        raise DictionaryError(path, None, f"cannot read the file ({exc.strerror or exc})") from exc


def read(path: str | Path) -> ActorDictionary:
    return parse(read_text(path), str(path))


def parse(text: str, path: str = "<dictionary>") -> ActorDictionary:
    entries: list[Entry] = []
    warnings: list[str] = []
    current: Entry | None = None
    in_comment = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if "---STOP---" in raw:
            break
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_comment = before, True
        body, _, comment = line.partition("#")
        indented = body[:1] == "\t"
        body = body.strip()
        if not body:
            continue
        codes = [_code(path, lineno, m.group(1), warnings) for m in _BRACKET.finditer(body)]
        rest = _BRACKET.sub(" ", body).strip()
        if "[" in rest:
            raise DictionaryError(path, lineno, f"'[' with no closing ']' in {raw.strip()!r}")
        if "]" in rest:
            # a stray ']' in a phrase (one in the Phoenix files): PETRARCH keeps it in the phrase
            warnings.append(f"{path}:{lineno}: stray ']' in {raw.strip()!r} dropped")
            rest = rest.replace("]", "")
        codes = [c for c in codes if c is not None]
        if rest.startswith("+"):
            if current is None:
                raise DictionaryError(path, lineno, "synonym line (+...) before any actor phrase")
            alias = rest[1:].strip("_ ")
            if alias.isdigit():
                # a number is no name (one in the Phoenix files); PETRARCH would code every such number
                warnings.append(f"{path}:{lineno}: synonym {rest!r} is a number; skipped")
            else:
                current.aliases.append(_phrase(path, lineno, rest[1:]))
            if codes:
                current.codes += codes
            continue
        if rest and not indented:
            if rest.strip("_ ").isdigit():
                warnings.append(f"{path}:{lineno}: phrase {rest!r} is a number; kept for its synonyms only")
                current = Entry("", lineno, comment=comment.strip())
            else:
                current = Entry(_phrase(path, lineno, rest), lineno, comment=comment.strip())
            entries.append(current)
            current.codes += codes
            continue
        if rest:
            # an indented line is a code line to PETRARCH, which ignores text beside the code
            warnings.append(f"{path}:{lineno}: text {rest!r} on an indented code line ignored, as PETRARCH does"
                            if codes else f"{path}:{lineno}: indented line {rest!r} has no code; skipped, as PETRARCH does")
        if current is None:
            raise DictionaryError(path, lineno, "code line ([...]) before any actor phrase")
        current.codes += codes
    # codeless phrases: each joins the next phrase that has codes
    pending: list[Entry] = []
    for e in entries:
        if not e.codes:
            pending.append(e)
            continue
        for p in pending:
            p.codes = list(e.codes)
        pending = []
    for p in pending:
        warnings.append(f"{path}:{p.line}: actor {p.name!r} has no code; skipped")
    for e in entries:
        if not e.name and e.aliases:
            e.name = e.aliases.pop(0)
    return ActorDictionary(path, [e for e in entries if e.codes and e.name], warnings)


def _phrase(path: str, lineno: int, text: str) -> str:
    name = " ".join(text.replace("_", " ").split())
    if not name or not re.search(r"[^\W\d_]", name):
        raise DictionaryError(path, lineno, f"empty or unreadable actor phrase {text.strip()!r}")
    return name


def _code(path: str, lineno: int, text: str, warnings: list[str]) -> Code | None:
    code, _, rest = text.strip().partition(" ")
    if not code:
        raise DictionaryError(path, lineno, "empty code []")
    m = _CODE.match(code.upper())
    if not m:
        raise DictionaryError(path, lineno, f"{code!r} is not an actor code (letters and digits, three or more; "
                                            "alternatives joined by /; --- for none)")
    code = m.group(1).replace("~", "")
    rest = rest.strip()
    if not rest:
        return Code(code)
    where = f"{path}:{lineno}"
    bound, interval = _BOUND.match(rest), _INTERVAL.match(rest)
    try:
        if bound:
            day = _date(bound.group(2))
            return Code(code, day, None) if bound.group(1) == ">" else Code(code, None, day)
        if interval:
            start, end = _date(interval.group(1)), _date(interval.group(2))
            if end < start:
                warnings.append(f"{where}: [{text}] ends ({end}) before it starts ({start}); skipped, as PETRARCH does")
                return None
            return Code(code, start, end)
    except _Unreadable as exc:
        raise DictionaryError(path, lineno, f"[{text}]: {exc}") from exc
    except ValueError as exc:
        # a real format with an impossible day (a few in the Phoenix files): PETRARCH skips it
        warnings.append(f"{where}: [{text}]: {exc}; skipped, as PETRARCH does")
        return None
    if rest.isdigit():
        # no < > or -: PETRARCH takes the code as the default and ignores the date
        warnings.append(f"{where}: [{text}] has a date but no < > or -; read as the default code, as PETRARCH does")
        return Code(code)
    raise DictionaryError(path, lineno, f"date restriction {rest!r} in [{text}] is not >DATE, <DATE or DATE-DATE "
                                        "(DATE: YYYYMMDD or YYMMDD)")


class _Unreadable(ValueError):
    """A date no PETRARCH rule reads (not an impossible day of a readable form)."""


def _date(s: str) -> str:
    """PETRARCH's reading of a date string (``dstr_to_ordate``) as an ISO date."""
    if len(s) > 7:
        year, month, day = int(s[:4]), int(s[4:6]), int(s[6:8])
    elif len(s) >= 6:
        yy = int(s[:2])
        year, month, day = (2000 + yy if yy <= 30 else 1900 + yy), int(s[2:4]), int(s[4:6])
    else:
        raise _Unreadable(f"date {s!r} is too short: YYYYMMDD or YYMMDD")
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(max(year, 1), month)[1]:
        raise ValueError(f"date {s!r} is not a calendar date")
    return f"{year:04d}-{month:02d}-{day:02d}"


def primary(code: str) -> str:
    """The code used for coding: the first of alternatives (``HRI/NGO`` -> ``HRI``)."""
    return code.split("/", 1)[0]


# ---------------------------------------------------------------- entries as actors
ORG_WORDS = {"MINISTRY", "PARTY", "ARMY", "FORCES", "COUNCIL", "GOVERNMENT", "UNION", "ORGANIZATION", "ORGANISATION",
             "COMMITTEE", "FRONT", "MOVEMENT", "BANK", "AGENCY", "COURT", "PARLIAMENT", "ASSEMBLY", "CONGRESS",
             "LEAGUE", "ALLIANCE", "BRIGADE", "BRIGADES", "GROUP", "POLICE", "NAVY", "COMMISSION", "OFFICE",
             "DEPARTMENT", "SERVICE", "FEDERATION", "ASSOCIATION", "INSTITUTE", "NATIONS", "MILITARY", "FUND",
             "FOUNDATION", "CORPORATION", "COMPANY", "SOCIETY", "CENTER", "CENTRE", "NETWORK", "COALITION",
             "REPRESENTATIVE", "ARMED", "GUARD", "GUARDS", "MILITIA", "BOARD", "AUTHORITY", "PROGRAMME", "PROGRAM"}
# international codes: the first three letters are no country (CAMEO's IGO, NGO, IMG, MNC, ...)
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC", "UIS", "INT", "MEA", "AFR", "ASA", "EUR", "LAM", "NAF", "SAS", "SEA",
                 "WAF", "CAS", "EAF", "SAF", "CAF", "BLK", "CRB", "NMR", "WST", "SCN", "BFO", "DEV", "PKO")
# a phrase that opens with a title names an office holder, not a name ("PRIME MINISTER GORDON BROWN")
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "KING", "QUEEN", "GENERAL", "GEN", "GEN.", "COL", "COL.",
               "SECRETARY", "SECRETARY-GENERAL", "CHANCELLOR", "SENATOR", "SEN.", "GOVERNOR", "SHEIKH", "SHEIK",
               "DR", "DR.", "MR", "MR.", "MRS", "MRS.", "MS", "PRINCE", "PRINCESS", "EMIR", "AMIR", "SULTAN", "AYATOLLAH",
               "CHAIRMAN", "LEADER", "SOVIET", "FORMER", "FOREIGN", "DEFENSE", "DEFENCE", "VICE", "DEPUTY", "PREMIER",
               "UN", "U.N.", "US", "U.S.", "PRES.", "PRES", "AMBASSADOR", "CARDINAL", "POPE", "BISHOP", "ARCHBISHOP",
               "REP.", "REPRESENTATIVE", "SPEAKER", "JUDGE", "JUSTICE", "COMMANDER", "LT", "LT.", "MAJOR", "CAPTAIN",
               "ADMIRAL", "MARSHAL", "CROWN", "LORD", "SIR", "DAME", "HIS", "HER", "THE"}


def display(name: str) -> str:
    """``TONY BLAIR`` -> ``Tony Blair``, ``MCCAIN`` -> ``McCain``, ``KI-MOON`` -> ``Ki-moon``."""
    words = []
    for w in name.split(" "):
        if not w.isupper() and not w.isdigit():
            words.append(w)
            continue
        t = w.capitalize()
        if len(t) > 3 and t.startswith("Mc"):
            t = "Mc" + t[2:].capitalize()
        if "'" in t:  # O'NEILL -> O'Neill
            head, _, tail = t.partition("'")
            t = head + "'" + tail.capitalize()
        words.append(t)
    return " ".join(words)


def particle_variant(name: str) -> str | None:
    """``Bashar Al Assad`` -> ``Bashar al Assad`` (how the text writes the particles), if it differs."""
    words = name.split(" ")
    out = [w.lower() if i and w.lower() in NAME_PARTICLES and i < len(words) - 1 else w for i, w in enumerate(words)]
    variant = " ".join(out)
    return variant if variant != name else None


def titled(phrase: str) -> bool:
    """Opens with a title ("VICE PRESIDENT JOE BIDEN", "VICE-PRESIDENT JOE BIDEN")."""
    first = phrase.split(" ")[0].upper()
    return first in TITLE_WORDS or first.split("-")[0] in TITLE_WORDS


def classify(entry: Entry, countries: set[str] | frozenset[str]) -> str:
    """``null`` (not an actor), ``country`` (another name of a country), ``org`` or ``person``.

    PETRARCH does not say which its phrases are; whodid needs to know (a person has
    dated roles and a surname, an organisation has members). A person: a dated code, a
    default elite code (``[IGOUNO >070101] [ELI]``: an official of the UN), or a country
    code with no organisation word in the phrase; the rest are organisations."""
    if entry.null:
        return "null"
    codes = [primary(c.code) for c in entry.codes if c.code != NULL_CODE]
    if any(len(primary(c.code)) == 3 and not c.dated and primary(c.code) in countries for c in entry.codes):
        return "country"
    words = set(entry.name.upper().replace("(", " ").replace(")", " ").split())
    if words & ORG_WORDS or codes[0].startswith("MNC") or len(words) == 1:
        return "org"
    if any(c.dated for c in entry.codes) or any(c.endswith("ELI") for c in codes):
        return "person"
    if codes[0][:3] in countries and not codes[0][3:6] in ("REB", "INS", "UAF", "PTY", "MED", "NGO", "IGO"):
        return "person"
    return "org"


def code_parts(code: str, countries: set[str] | frozenset[str]) -> tuple[str | None, str | None]:
    """``GBRGOV`` -> (GBR, GOV); ``IGOUNO`` -> (None, None): the whole code carries it."""
    code = primary(code)
    if code[:3] in countries:
        return code[:3], (code[3:6] or None)
    return None, None
