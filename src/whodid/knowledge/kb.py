"""The actor knowledge base: people with dated roles, countries, organisations,
metonyms and role nouns, loaded from ``whodid/data/kb/kb.json`` (built by
``scripts/build_kb.py``) and extensible by users (YAML/CSV files, PETRARCH
dictionaries; see ``whodid.knowledge.user_kb``).

Names are looked up by their spaCy token texts joined with single spaces
("Vladimir Putin", "the Kremlin", "U.S."), so a match costs one dict lookup per
candidate token window and no pattern compilation happens at load time.

Dates are ISO strings ``YYYY-MM-DD`` (compared as strings). A role with no end
is held "still" (as far as the sources know; see ``Country.as_of``).
"""

from __future__ import annotations

import copy
import gc
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from whodid.knowledge.agents import SECTOR_NAMES as AGENT_SECTOR_NAMES
from whodid.knowledge.agents import AgentNouns
from whodid.knowledge.agents import load as load_agents
from whodid.knowledge.gazetteer import fold
from whodid.nlp.vocab import CO_WORDS, NAME_PARTICLES, keep_whole

# how much a role makes a person the likely referent of a bare surname
ROLE_WEIGHT = {
    "head_of_state": 10, "head_of_government": 9, "supreme_leader": 10, "leader": 8, "secretary_general": 7,
    "commission_president": 7, "council_president": 6, "vice_president": 6, "foreign_minister": 6,
    "defence_minister": 6, "spokesperson": 5, "foreign_ministry_spokesperson": 4, "managing_director": 6,
    "director_general": 6, "chief_of_general_staff": 5, "deputy_head_of_government": 4, "opposition_leader": 5,
    "finance_minister": 4, "interior_minister": 4, "justice_minister": 3, "health_minister": 3,
    "energy_minister": 3, "chief_of_staff": 3, "commander": 3, "minister": 2, "speaker": 3, "adviser": 2,
}
# a given name tells a gender when this many of the knowledge base's people share it, this share of
# them of one gender, and fewer people (as a share of those) bear it as a surname
GIVEN_NAME_PEOPLE = 3
GIVEN_NAME_SHARE = 0.95
GIVEN_NAME_SURNAMES = 0.1
ORG_LEADER_ROLES = ("secretary_general", "leader", "commission_president", "managing_director", "director_general")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Role(NamedTuple):
    position: str
    role: str | None  # office key: head_of_state, foreign_minister, ... (None: other office)
    country: str | None
    org: str | None
    sector: str
    start: str | None
    end: str | None
    code: str | None = None  # an explicit actor code (PETRARCH imports); else country + sector

    def active(self, date: str | None) -> bool:
        """Held on ``date``; with no date: held still (no end known)."""
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    @property
    def weight(self) -> int:
        return ROLE_WEIGHT.get(self.role or "", 1)


_make_role = Role._make


@dataclass
class Person:
    id: str
    name: str
    wikidata: str | None
    gender: str | None
    country: str | None
    aliases: list[str]
    roles: list[Role]

    def role_at(self, date: str | None) -> Role | None:
        """The most important role held at ``date``; with no date, of those still held."""
        active = [r for r in self.roles if r.active(date)]
        if not active:
            return None
        return max(active, key=lambda r: (r.weight, r.start or ""))

    def last_role(self) -> Role | None:
        return max(self.roles, key=lambda r: (r.end or "9999", r.weight), default=None)

    def prominence(self, date: str | None) -> float:
        """How likely a bare surname means this person at ``date``."""
        best = 0.0
        for r in self.roles:
            w = float(r.weight)
            if not r.active(date):
                w *= 0.4 if (date is None or r.start is None or r.start <= date) else 0.1
            best = max(best, w)
        return best


@dataclass
class Org:
    id: str
    name: str
    code: str | None
    country: str | None
    sector: str | None
    kind: str = "organization"
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Country:
    iso3: str
    name: str
    names: list[str]
    adjectives: list[str]
    plural: list[str]
    leader_office: str = "head_of_state"
    as_of: str | None = None
    historical: bool = False
    iso2: str | None = None  # ISO 3166 two-letter code (its country-code domain, mostly)

    @property
    def adjective(self) -> str:
        return self.adjectives[0] if self.adjectives else self.name


@dataclass
class Metonym:
    name: str
    country: str
    sector: str
    capital: bool = False


@dataclass
class RoleNoun:
    noun: str
    role: str | None
    sector: str
    kind: str  # person | group
    title: bool = False
    after_designator: bool = False


class KnowledgeBase:
    """All lookups the actors stage needs. Build with ``load_kb()``."""

    def __init__(self, data: dict, source: str = "kb.json") -> None:
        self.source = source
        self.built = data.get("built")
        self.countries: dict[str, Country] = {
            iso: Country(iso, c["name"], c["names"], c["adjectives"], c["plural"], c.get("leader_office", "head_of_state"),
                         c.get("as_of"), bool(c.get("historical")), c.get("iso2"))
            for iso, c in data["countries"].items()
        }
        self.people: list[Person] = [
            Person(pid, name, qid, gender, country, aliases, [_make_role(r) if len(r) == 8 else Role(*r) for r in roles])
            for pid, name, qid, gender, country, aliases, roles in data["people"]
        ]
        self.orgs: list[Org] = [Org(**o) for o in data["orgs"]]
        _media_homes(self.orgs, self.countries)
        self.metonyms: list[Metonym] = [Metonym(**m) for m in data["metonyms"]]
        self.role_nouns: dict[str, RoleNoun] = {k: RoleNoun(**v) for k, v in data["role_nouns"].items()}
        self.sector_names: dict[str, str] = dict(data.get("sector_names") or {})
        # party membership of officeholders (curated): country -> party key -> people's indices
        self.party_members: dict[str, dict[str, list[int]]] = data.get("party_members") or {}
        # the parsed JSON is ours alone: its dicts and lists are used as they are
        self.names: dict[str, list[str]] = data["names"]
        # names from case-insensitive sources (PETRARCH dictionaries), keyed by lowercased tokens
        self.names_ci: dict[str, list[str]] = {}
        self.surnames: dict[str, list[int]] = data["surnames"]
        # the field's agent nouns ("police" COP, "lawmakers" LEG: PETRARCH2's agents dictionary),
        # loaded by ``load_kb`` beside the role nouns, which take precedence
        self.agents: AgentNouns = AgentNouns()
        # peoples with no state of their own -> their country of origin ("Rohingya": MMR; load_kb)
        self.peoples: dict[str, str] = {}
        # names two states share, written bare -> (form C/A/D, the states, the one meant first):
        # "Korea" -> ("C", ("KOR", "PRK")) (``shared_names.tsv``; load_kb; actors.shared_names)
        self.shared_names: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._index()

    # -- indexes -------------------------------------------------------------------
    def _index(self) -> None:
        _join_kept_words(self.names)
        self.person_by_id = {p.id: i for i, p in enumerate(self.people)}
        self.org_by_id = {o.id: i for i, o in enumerate(self.orgs)}
        self.holders_index: dict[tuple[str, str], list[tuple[int, Role]]] = defaultdict(list)
        for i, p in enumerate(self.people):
            for r in p.roles:
                if r.role:
                    self.holders_index[(r.org or r.country or "", r.role)].append((i, r))
        self.max_name_tokens = max((k.count(" ") + 1 for k in self.names), default=1)
        self.role_first_words = {k.split(" ")[0] for k in self.role_nouns}
        self.max_role_tokens = max((k.count(" ") + 1 for k in self.role_nouns), default=1)
        self.prefixes = _prefixes(self.names)
        self.prefixes_ci = _prefixes(self.names_ci)
        self._org_spellings: dict[str, set[int]] | None = None  # built on first use

    # -- lookups -------------------------------------------------------------------
    def party_offices(self, country: str, date: str) -> dict[str, list[tuple[Person, Role]]]:
        """The offices of state (GOV) and of the opposition (OPP) of ``country`` that the
        known members of each of its parties hold at ``date``: party key -> (person, role).
        A party with members but none in such an office at the date is left out."""
        held: dict[str, list[tuple[Person, Role]]] = {}
        for key, members in self.party_members.get(country, {}).items():
            for i in members:
                person = self.people[i]
                for r in person.roles:
                    if r.sector in ("GOV", "OPP") and (r.country or person.country) == country and r.start \
                            and r.active(date):
                        held.setdefault(key, []).append((person, r))
        return held

    def lookup(self, key: str) -> list[str]:
        """References ("P:12", "O:3", "C:RUS", "A:RUS", "D:RUS", "M:4") for a token key."""
        return self.names.get(key, [])

    def org_spelled(self, name: str) -> Org | None:
        """The known organisation a name of two words or more spells, case, hyphens,
        apostrophes, accents and a leading "the" aside: the PETRARCH dictionaries write
        "Inter American Development Bank", "Save The Children Fund", the news
        "Inter-American Development Bank", "Save the Children Fund". None when no
        organisation, or organisations of different codes, are spelled so."""
        if self._org_spellings is None:
            index: dict[str, set[int]] = defaultdict(set)
            for key, refs in self.names.items():
                orgs = [int(r[2:]) for r in refs if r[:2] == "O:"]
                spelled = org_spelling(key)
                if orgs and " " in spelled:
                    index[spelled].update(orgs)
            self._org_spellings = dict(index)
        spelled = org_spelling(name)
        found = self._org_spellings.get(spelled, ()) if " " in spelled else ()
        codes = {self.orgs[i].code for i in found}
        return self.orgs[min(found)] if len(codes) == 1 else None

    def holders(self, where: str, role: str, date: str | None) -> list[tuple[Person, Role]]:
        """Who held ``role`` in ``where`` (ISO3 country or org id) at ``date``, latest start first.

        ``role="leader"`` means the country's leading office (head of state, or
        of government where the head of state is ceremonial) or an org's head.
        """
        if role == "leader":
            if where in self.countries:
                role = self.countries[where].leader_office
            else:
                out = []
                for key in ORG_LEADER_ROLES:
                    out += self._holders(where, key, date)
                return out
        return self._holders(where, role, date)

    def _holders(self, where: str, role: str, date: str | None) -> list[tuple[Person, Role]]:
        found = [(self.people[i], r) for i, r in self.holders_index.get((where, role), []) if r.active(date)]
        if date is None and not found:
            # nobody marked as still in office: the most recent holder
            past = self.holders_index.get((where, role), [])
            if past:
                i, r = max(past, key=lambda x: x[1].end or "")
                found = [(self.people[i], r)]
        found.sort(key=lambda pr: pr[1].start or "", reverse=True)
        seen, out = set(), []
        for p, r in found:
            if p.id not in seen:
                seen.add(p.id)
                out.append((p, r))
        return out

    def given_name_gender(self, word: str) -> str | None:
        """The gender a given name tells ("Claudia" female, "Edward" male): see ``given_names``."""
        return self.given_names.get(word)

    @cached_property
    def given_names(self) -> dict[str, str]:
        """Given name -> gender, from the people of the knowledge base whose Wikidata gender is
        known and whose name it opens: when at least ``GIVEN_NAME_PEOPLE`` of them share it and
        nearly all are of one gender, and the word is rarely a surname ("Kim", "Lee" and "Huang"
        open Korean and Chinese names as surnames). Made on first use (a copy makes its own)."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for p in self.people:
            words = p.name.split()
            if p.gender in ("male", "female") and len(words) >= 2:
                counts[words[0]][p.gender] += 1
        table = {}
        for name, by in counts.items():
            total = sum(by.values())
            gender, n = max(by.items(), key=lambda kv: kv[1])
            if total >= GIVEN_NAME_PEOPLE and n >= GIVEN_NAME_SHARE * total \
                    and len(self.surnames.get(name, ())) < GIVEN_NAME_SURNAMES * total:
                table[name] = gender
        return table

    def surname_candidates(self, surname: str) -> list[Person]:
        return [self.people[i] for i in self.surnames.get(surname, [])]

    def country(self, iso3: str | None) -> Country | None:
        return self.countries.get(iso3 or "")

    def show(self, name: str, date: str | None = None) -> list[dict]:
        """What the knowledge base knows about ``name`` at ``date`` (for ``whodid kb show``)."""
        key = " ".join(_simple_tokens(name))
        refs = list(self.lookup(key))
        refs += [f"P:{i}" for i in self.surnames.get(key, []) if f"P:{i}" not in refs]
        out = []
        for ref in refs:
            kind, _, val = ref.partition(":")
            if kind == "P":
                p = self.people[int(val)]
                role = p.role_at(date)
                out.append({"type": "person", "id": p.id, "name": p.name, "wikidata": p.wikidata, "gender": p.gender,
                            "role_at_date": role.position if role else None,
                            "code": code_for(role.country or p.country, role.sector) if role else None,
                            "roles": [r._asdict() for r in p.roles]})
            elif kind == "O":
                o = self.orgs[int(val)]
                out.append({"type": "organization", "id": o.id, "name": o.name, "code": o.code})
            elif kind in ("C", "A", "D"):
                c = self.countries[val]
                entry = {"type": "country", "iso3": c.iso3, "name": c.name, "as": {"C": "name", "A": "adjective",
                                                                                  "D": "people"}[kind]}
                hos = self.holders(c.iso3, c.leader_office, date)
                entry["leader_at_date"] = hos[0][0].name if hos else None
                out.append(entry)
            elif kind == "M":
                m = self.metonyms[int(val)]
                out.append({"type": "metonym", "name": m.name, "code": code_for(m.country, m.sector)})
        return out

    # -- extension -----------------------------------------------------------------
    def copy(self) -> KnowledgeBase:
        new = copy.copy(self)
        new.people = list(self.people)
        new.orgs = list(self.orgs)
        new.metonyms = list(self.metonyms)
        new.countries = dict(self.countries)
        new.role_nouns = dict(self.role_nouns)
        new.names = {k: list(v) for k, v in self.names.items()}
        new.surnames = {k: list(v) for k, v in self.surnames.items()}
        new.names_ci = {k: list(v) for k, v in self.names_ci.items()}
        new.__dict__.pop("given_names", None)  # (made anew from the copy's people)
        new._index()
        return new

    def add_name(self, text: str, ref: str, tokens: list[str] | None = None, ignore_case: bool = False) -> None:
        key = " ".join(tokens) if tokens is not None else " ".join(tokenize(text))
        if not key:
            return
        if ignore_case:
            key = key.lower()
        table, prefixes = (self.names_ci, self.prefixes_ci) if ignore_case else (self.names, self.prefixes)
        refs = table.setdefault(key, [])
        if ref not in refs:
            refs.append(ref)
        self._org_spellings = None  # rebuilt with the new name when next asked
        n = key.count(" ") + 1
        self.max_name_tokens = max(self.max_name_tokens, n)
        parts = key.split(" ")
        for k in range(1, n):
            prefixes.add(" ".join(parts[:k]))

    def add_person(self, person: Person, ignore_case: bool = False) -> int:
        """Add (or merge into an existing person with the same id) and index names."""
        if person.id in self.person_by_id:
            i = self.person_by_id[person.id]
            old = self.people[i]
            old.roles = old.roles + [r for r in person.roles if r not in old.roles]
            old.aliases = old.aliases + [a for a in person.aliases if a not in old.aliases]
            old.gender = old.gender or person.gender
            old.wikidata = old.wikidata or person.wikidata
            person = old
        else:
            i = len(self.people)
            self.people.append(person)
            self.person_by_id[person.id] = i
        for r in person.roles:
            if r.role and (i, r) not in self.holders_index[(r.org or r.country or "", r.role)]:
                self.holders_index[(r.org or r.country or "", r.role)].append((i, r))
        for n in [person.name, *person.aliases]:
            toks = tokenize(n)
            self.add_name(n, f"P:{i}", toks, ignore_case=ignore_case)
            for s in surname_keys(toks, person.country):
                lst = self.surnames.setdefault(s, [])
                if i not in lst:
                    lst.append(i)
        return i

    def add_org(self, org: Org, ignore_case: bool = False) -> int:
        if org.id in self.org_by_id:
            i = self.org_by_id[org.id]
            self.orgs[i] = org
        else:
            i = len(self.orgs)
            self.orgs.append(org)
            self.org_by_id[org.id] = i
        for n in [org.name, *org.aliases]:
            self.add_name(n, f"O:{i}", ignore_case=ignore_case)
        return i


def _prefixes(keys) -> set[str]:
    """Every proper word prefix of the keys ("Vladimir" for "Vladimir Putin"): where a
    longer name may still match."""
    out: set[str] = set()
    add = out.add
    for k in keys:
        while " " in k:
            k = k.rpartition(" ")[0]
            add(k)
    return out


class GroupIdentity(NamedTuple):
    """Who an actor is that the text names only by kind: "Russian officials", "police"."""
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None


# sectors whose generic actor is an institution rather than a group of people
INSTITUTION_SECTORS = ("GOV", "LEG", "JUD")


def group_identity(kb: KnowledgeBase, country: str | None, sector: str | None,
                   plural_name: bool = False) -> GroupIdentity:
    """The one identity of the generic actor ``country`` + ``sector`` (``RUSGOV``: "Russian
    government"), whichever stage builds it: the actors stage ("the police"), quotes'
    unnamed speakers ("officials said") or the events conventions (a protest's target).
    Without a sector it is the country itself; without a country, the sector alone."""
    c = kb.countries.get(country) if country else None
    code = code_for(country, sector)
    if not sector:
        return GroupIdentity(country or "", c.name if c else (country or ""), "country", country, None, code)
    sector_name = kb.sector_names.get(sector, sector.lower())
    if plural_name and c and c.plural:
        name = c.plural[0]
    elif c:
        name = f"{c.adjective} {sector_name}"
    else:
        name = f"{sector_name} (unnamed)" if not country else f"{country} {sector_name}"
    kind = "organization" if sector in INSTITUTION_SECTORS else "group"
    return GroupIdentity(code or sector, name, kind, country, sector, code)


# codes Phoenix gives news organisations it lists without a country (BBC, AFP, Al Jazeera)
MEDIA_CODES = frozenset({"MED"})


def _media_homes(orgs: list[Org], countries: dict[str, Country]) -> None:
    """Phoenix lists international news organisations with no country ("BBC [MED]"), though
    their other names say whose they are ("British Broadcasting Service", "Agence France
    Presse", "Qatar-based Al-jazeera"): such a one takes the one country its names name (a
    country's name or adjective), so "the BBC" in a story is GBRMED as the field codes it."""
    words: dict[str, set[str]] = {}
    for iso, c in countries.items():
        for w in [*c.names, *c.adjectives]:
            words.setdefault(w.lower(), set()).add(iso)
    for o in orgs:
        if o.country or o.code not in MEDIA_CODES:
            continue
        found: set[str] = set()
        for name in (o.name, *o.aliases):
            toks = name.lower().replace("-", " ").split()
            for k in range(len(toks)):
                for n in (1, 2, 3):
                    found |= words.get(" ".join(toks[k:k + n]), set())
        if len(found) == 1:
            o.country = found.pop()
            o.sector = o.sector or o.code
            o.code = o.country + o.code


def code_for(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: country ISO3 + sector (``RUSGOV``); the country alone without a sector."""
    if not country:
        return sector
    return country + (sector or "")


def state_country(actor, country: str) -> None:
    """The text states ``actor``'s country (an actor with ``country``, ``sector``, ``code`` and
    ``inferred``): it is ``country``, no longer a guess. A code that began with the old country
    keeps what followed it (``CHNJUD`` -> ``TWNJUD``); any other is built anew."""
    old = actor.country
    actor.country = country
    if old and actor.code and actor.code.startswith(old):
        actor.code = country + actor.code[len(old):]
    else:
        actor.code = code_for(country, actor.sector)
    actor.inferred = [x for x in actor.inferred if x != "country"]


# names tokenised when the knowledge base was built, with words the tokenizer now keeps whole
# split at the hyphen ("Organization for Security and Co - operation in Europe")
_SPLIT_KEPT = re.compile(r"\b(co) - (" + "|".join(sorted({f[3:] for forms in CO_WORDS.values() for f in forms},
                                                        key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _join_kept_words(names: dict[str, list[str]]) -> None:
    """Also key each such name as the tokenizer now reads it ("Co-operation" one token)."""
    for key in [k for k in names if " - " in k]:
        joined = _SPLIT_KEPT.sub(r"\1-\2", key)
        if joined != key:
            names.setdefault(joined, names[key])


# -- tokenisation for names added at run time ---------------------------------------
_TOKENIZER = None


def tokenize(text: str) -> list[str]:
    """spaCy English tokenisation (the same rules the model's tokenizer uses)."""
    return list(_tokens(text.strip()))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """Remembered: the same names (a person's aliases, read for every mention's title) come again
    and again, and each call builds a Doc."""
    global _TOKENIZER
    if _TOKENIZER is None:
        import spacy

        _TOKENIZER = spacy.blank("en").tokenizer
        keep_whole(_TOKENIZER)  # as the model's tokenizer does (whodid.nlp)
    return tuple(t.text for t in _TOKENIZER(text))


def _simple_tokens(text: str) -> list[str]:
    return tokenize(text)


NAME_SUFFIXES = {"Jr.", "Jr", "Sr.", "II", "III", "IV"}
FAMILY_NAME_FIRST = {"CHN", "PRK", "KOR", "TWN", "VNM"}


def surname_keys(tokens: list[str], country: str | None = None) -> list[str]:
    """The keys a bare surname mention of this name is looked up by ("Putin",
    "von der Leyen", "Ki - moon"; the first name in countries that write it first)."""
    toks = [t for t in tokens if t not in NAME_SUFFIXES and t != ","]
    if len(toks) < 2:
        return []
    if country in FAMILY_NAME_FIRST and len(toks) in (2, 3) and "-" not in toks[0]:
        return [toks[0]]
    keys = [toks[-1]]
    for i, t in enumerate(toks[1:], start=1):
        if t.lower() in NAME_PARTICLES:
            keys.append(" ".join(toks[i:]))
            break
    if len(toks) >= 3 and toks[-2] == "-":
        keys = [" ".join(toks[-3:])]
    return [k for k in dict.fromkeys(keys) if k[:1].isupper() or " " in k]


def org_spelling(name: str) -> str:
    """A name as ``KnowledgeBase.org_spelled`` compares it: lower case, no accents, words of
    letters and digits only, no leading "the"."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(name)).split()
    words = [_AMERICAN.get(w) or _ISATION.sub(r"iz\1", w) for w in (words[1:] if words[:1] == ["the"] else words)]
    return " ".join(words)


# British and American spellings of the words in bodies' names, folded to one
# ("International Labour Organisation" is the dictionary's "International Labor Organization")
_ISATION = re.compile(r"(?<=[a-z]{3})is(ation|ations|ed|ing)$")
_AMERICAN = {"labour": "labor", "centre": "center", "centres": "centers", "programme": "program",
             "defence": "defense", "organisation": "organization", "organisations": "organizations"}


def default_path() -> Path:
    return Path(str(resources.files("whodid") / "data" / "kb" / "kb.json"))


def _add_peoples(data: dict) -> dict[str, str]:
    """Index the names of peoples with no state of their own (``peoples.tsv`` beside kb.json:
    "Rohingya" -> Myanmar) as a nationality's adjective ("A:") and plural noun ("D:") are;
    returns name -> country of origin."""
    names = data["names"]
    peoples: dict[str, str] = {}
    table = resources.files("whodid") / "data" / "kb" / "peoples.tsv"
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, iso, forms = line.split("\t")[:3]
        if iso not in data["countries"]:
            continue
        peoples[name] = iso
        for form in forms:
            ref = f"{form}:{iso}"
            if ref not in names.setdefault(name, []):
                names[name].append(ref)
    return peoples


def _shared_names(data: dict) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The names two states share, written bare (``shared_names.tsv`` beside kb.json: "Korea" ->
    ("C", ("KOR", "PRK"))): name -> its form (C name, A adjective, D plural noun) and the states,
    the one a bare form means first. A row naming a state the knowledge base lacks is left out."""
    shared: dict[str, tuple[str, tuple[str, ...]]] = {}
    table = resources.files("whodid") / "data" / "kb" / "shared_names.tsv"
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, form, states = line.split("\t")[:3]
        isos = tuple(states.split(","))
        if all(iso in data["countries"] for iso in isos):
            shared[name] = (form, isos)
    return shared


@lru_cache(maxsize=4)
def _load_cached(path: str) -> KnowledgeBase:
    # some 700,000 objects are made and all kept: the cyclic collector would walk them again
    # and again while they are made (half the load time) and cannot free any
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read())
        peoples = _add_peoples(data)
        kb = KnowledgeBase(data, source=path)
        kb.peoples = peoples
        kb.shared_names = _shared_names(data)
    finally:
        if enabled:
            gc.enable()
    kb.agents = load_agents()
    kb.sector_names = {**AGENT_SECTOR_NAMES, **kb.sector_names}
    return kb


def load_kb(path: str | Path | None = None) -> KnowledgeBase:
    """The built-in knowledge base (cached per process), or one from ``path``.

    The cached object is shared: extend a ``.copy()`` (``load_user_kb`` does).
    """
    return _load_cached(str(path or default_path()))


def normalize_date(published: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or datetime string; None if absent or unreadable."""
    if not published:
        return None
    head = published.strip()[:10]
    return head if DATE_RE.match(head) else None
