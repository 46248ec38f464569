"""Agent nouns: the common nouns that name a kind of political actor, with their sector.

"police" is COP, "lawmakers" LEG, "the tribunal" JUD, "trade unions" LAB, "farmers"
AGR: the field's vocabulary for this is PETRARCH2's agents dictionary
(``whodid/data/kb/Phoenix.agents.txt``, copied unchanged from openeventdata/petrarch2,
MIT; see ``data/kb/SOURCES.md``). The actors stage makes a group actor of such a noun,
with the country its designator names ("Iranian police") or, failing one, the
country the article is about, marked as a guess.

The file's format (PETRARCH2's): one agent a line, ``WORDS [~CODE]``, words joined by
``_`` or spaces, optional ``{PLURAL}`` (``{}``: no plural) before the code, ``#``
comments, and substitution sets (``!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON``) used
inside words (``POLICE!PERSON!`` is "policeman", "policewomen", ...). Regular plurals
are made here, as PETRARCH makes them. The code's first three letters are the sector
(``~GOVMIL`` is GOV); the whole code is kept beside it (``AgentNouns.code``) for the
organisations whose names hold the noun ("Islamic Human Rights Commission": GOVHRI, which
says it is a human rights body as well as what the dictionary takes it for); PETRARCH's ``PPL`` ("man", "people") is CAMEO's civilians,
CVL. Lines with no readable code are skipped: the bundled file has a few typos
(``[~ENV}`` is read, a line with no code at all is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

_CODE = re.compile(r"\[~([A-Z]{3})([A-Z]*)[\]}]")
_PLURAL = re.compile(r"\{([^}]*)\}")
_SUBST = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
SECTOR_ALIASES = {"PPL": "CVL"}  # PETRARCH's generic "people": civilians in CAMEO
# names of the sectors agent nouns give that the knowledge base's own table lacks (CAMEO
# manual, actor codes), as group names read them: "British labour", "Iraqi Christians"
SECTOR_NAMES = {
    "AGR": "farmers", "CRM": "criminals", "DEV": "development groups", "EDU": "education",
    "ELI": "elites", "ENV": "environmental groups", "HLH": "health sector", "HRI": "human rights groups",
    "INS": "insurgents", "LAB": "labour", "PTY": "parties", "REF": "refugees", "REL": "religious groups",
    "SPY": "intelligence services", "UAF": "armed groups", "RAD": "radicals", "MOD": "moderates",
    "CHR": "Christians", "MUS": "Muslims", "JEW": "Jews", "HIN": "Hindus", "BUD": "Buddhists",
}


@dataclass
class AgentNouns:
    """Lower-case token keys ("police", "trade unions", "member of parliament") -> sector."""

    nouns: dict[str, str] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    max_tokens: int = 1
    # the dictionary's whole code where it stacks sectors ("human rights commission" GOVHRI,
    # "military police" MILCOP, "prosecutor general" GOVJUD); ``nouns`` keeps the first
    stacked: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, sector: str, code: str | None = None) -> None:
        if not key or key in self.nouns:
            return
        self.nouns[key] = sector
        if code and code != sector:
            self.stacked[key] = code
        words = key.split(" ")
        self.first_words.add(words[0])
        self.max_tokens = max(self.max_tokens, len(words))

    def get(self, key: str) -> str | None:
        return self.nouns.get(key)

    def code(self, key: str) -> str | None:
        """The whole code of ``key`` (``GOVHRI``), its sector when it stacks none."""
        return self.stacked.get(key) or self.nouns.get(key)

    def __len__(self) -> int:
        return len(self.nouns)


def default_path() -> Path:
    return Path(str(resources.files("whodid") / "data" / "kb" / "Phoenix.agents.txt"))


def _tokens(words: str) -> str:
    """PETRARCH words as whodid's lookup key: spaCy-like tokens, lower case, one space."""
    text = words.replace("_", " ").lower()
    text = re.sub(r"\s*-\s*", " - ", text)
    text = re.sub(r"'s\b", " 's", text)
    return " ".join(text.split())


def plural(word: str) -> str:
    """The regular English plural of the last word of ``word``."""
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def parse(text: str) -> AgentNouns:
    agents = AgentNouns()
    subst: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = _SUBST.match(line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        code = _CODE.search(line)
        if code is None:
            continue
        sector = SECTOR_ALIASES.get(code.group(1), code.group(1))
        rest = code.group(2)
        whole = sector + rest if rest and len(rest) % 3 == 0 else sector
        head = line[:code.start()]
        plurals = _PLURAL.search(head)
        words = (head[:plurals.start()] if plurals else head).strip()
        if not words:
            continue
        forms = [words]
        for name, values in subst.items():
            if name in words:
                forms = [f.replace(name, v) for f in forms for v in values]
        explicit = [p.strip() for p in plurals.group(1).split(",") if p.strip()] if plurals else None
        for form in forms:
            key = _tokens(form)
            agents.add(key, sector, whole)
            if explicit is None and "!" not in form:
                agents.add(plural(key), sector, whole)
        for p in explicit or ():
            agents.add(_tokens(p), sector, whole)
    return agents


def load(path: str | Path | None = None) -> AgentNouns:
    return parse(Path(path or default_path()).read_text(encoding="utf-8", errors="replace"))
