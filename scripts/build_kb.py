#!/usr/bin/env python
"""Build whodid's actor knowledge base from the raw sources in data/kb-sources/.

    python scripts/build_kb.py [--sources data/kb-sources] [--out src/whodid/data/kb]

Reads the Wikidata-derived officeholder lists (world-leaders-2021.csv,
cabinets/*.csv), countries.json (ODbL) and the hand-curated curated.yaml, and
writes one compact JSON file, ``kb.json``, that ``whodid.knowledge.kb`` loads:

- people with dated roles (position label, office key, country, sector, start,
  end, Wikidata QID, gender when known);
- countries with names, adjectives, plural demonyms, capitals and the office
  that "the <country> leader" means;
- organisations (IGOs, NGOs, armed groups) with CAMEO-style codes;
- metonyms (the Kremlin, the White House, capitals) and role nouns.

Every name is stored with its spaCy tokenisation (``spacy.blank("en")``, the same
tokenizer rules as the English model), so the runtime matcher needs no spaCy
pattern compilation and the file loads in well under a second.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from whodid.knowledge import petrarch_actors as pa
from whodid.knowledge.institutions import body_sector
from whodid.knowledge.kb import surname_keys

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = ROOT / "data" / "kb-sources"
DEFAULT_OUT = ROOT / "src" / "whodid" / "data" / "kb"

# file name of a cabinet list -> ISO3 (the file names are English country names)
CABINET_ISO3 = {
    "united-states": "USA", "russia": "RUS", "ukraine": "UKR", "france": "FRA", "united-kingdom": "GBR",
    "china": "CHN", "israel": "ISR", "iran": "IRN", "turkey": "TUR", "india": "IND", "japan": "JPN",
    "poland": "POL", "belarus": "BLR", "italy": "ITA", "canada": "CAN", "saudi-arabia": "SAU", "syria": "SYR",
    "north-korea": "PRK", "south-korea": "KOR", "brazil": "BRA", "spain": "ESP", "netherlands": "NLD",
    "australia": "AUS", "egypt": "EGY", "pakistan": "PAK", "hungary": "HUN", "finland": "FIN", "sweden": "SWE",
    "lithuania": "LTU", "latvia": "LVA", "estonia": "EST", "georgia": "GEO", "moldova": "MDA",
    "kazakhstan": "KAZ", "venezuela": "VEN", "mexico": "MEX", "south-africa": "ZAF", "nigeria": "NGA",
}

# Office keys from position labels, first match wins. (key, sector, pattern)
OFFICE_RULES: list[tuple[str | None, str, re.Pattern]] = [(k, s, re.compile(p, re.I)) for k, s, p in [
    ("vice_president", "GOV", r"^(first )?vice[- ]president( of (the )?(republic|united states|[A-Z].*))?$"),
    ("deputy_head_of_government", "GOV", r"^(first )?(deputy prime minister|vice[- ]premier|deputy premier)\b"),
    ("head_of_government", "GOV", r"^(prime minister|premier|federal chancellor|chancellor of (germany|austria)|taoiseach"
                                  r"|chairman of the council of ministers|head of government|premier of the state council)\b"),
    ("foreign_ministry_spokesperson", "GOV", r"(foreign|state department|ministry of foreign affairs).*spoke"),
    ("spokesperson", "GOV", r"spokes|press secretary"),
    ("foreign_minister", "GOV", r"foreign (affairs|minister|secretary|and commonwealth)|external affairs|^secretary of state$"
                                r"|europe and foreign|foreign and european"),
    ("defence_minister", "GOV", r"defen[cs]e|secretary of war|minister of the armed forces"),
    ("interior_minister", "GOV", r"interior|internal affairs|home (affairs|department|secretary)|homeland security|public security"),
    ("finance_minister", "GOV", r"finance|secretary of the treasury|chancellor of the exchequer|minister of (the )?economy and finance"),
    ("justice_minister", "GOV", r"minister (of|for) justice|secretary of state for justice|^attorney[- ]general$|lord chancellor|justice minister"),
    ("health_minister", "GOV", r"^minister (of|for) (public )?health|secretary of (state for )?health|health minister"),
    ("energy_minister", "GOV", r"^minister (of|for) energy|secretary of energy|energy minister"),
    (None, "MIL", r"supreme commander"),
    ("chief_of_general_staff", "MIL", r"chief of (the )?(general|defen[cs]e) staff|commander[- ]in[- ]chief of the armed forces"
                                      r"|chairman of the joint chiefs"),
    ("commander", "MIL", r"^(commander|chief of staff of the (army|navy|air force)|chief of (the )?(naval|air) staff)"),
    ("chief_of_staff", "GOV", r"chief of staff|head of the (presidential )?administration|head of the office of the president"),
    ("ambassador", "GOV", r"ambassador|permanent representative|high commissioner to"),
    ("judge", "JUD", r"justice of|judge|chief justice|president of the (supreme|constitutional) court"),
    ("prosecutor", "JUD", r"prosecutor"),
    ("speaker", "LEG", r"speaker|president of the (senate|chamber|national assembly|sejm|bundestag|council of states)"
                       r"|chairman of the (state duma|federation council|verkhovna rada)|chair(man)? of the (parliament|national assembly)"),
    ("supreme_leader", "GOV", r"supreme leader"),
    ("governor_general", "GOV", r"governor[- ]general"),
    ("head_of_state", "GOV", r"^(president|king|queen|monarch|emperor|emir|sultan|grand duke|captain regent|co-prince|pope"
                             r"|yang di-pertuan agong|druk gyalpo|ngwenyama|o le ao o le malo|french co-prince"
                             r"|episcopal co-prince|president of the (republic|french republic|united states|russian federation"
                             r"|people's republic of china))( of .*)?$"),
    ("minister", "GOV", r"^(minister|secretary of state for|secretary of|cabinet secretary|minister of state)"),
]]

# junior posts are not "the defence minister": "Minister of State for ...", "Deputy Minister of ..."
JUNIOR_RE = re.compile(r"\b(deputy|state minister|minister of state|parliamentary|under[- ]secretary|assistant|junior"
                       r"|vice[- ]minister|first deputy|minister for defence equipment|veterans|procurement)\b", re.I)
DEFENCE_RE = re.compile(r"(of|for) (national )?defen[cs]e( and [a-z ]+)?$|^defen[cs]e minister|secretary of defen[cs]e$"
                        r"|of the armed forces$|secretary of war$", re.I)
CABINET_OFFICES = {"foreign_minister", "defence_minister", "interior_minister", "finance_minister", "justice_minister",
                   "health_minister", "energy_minister"}
MONARCH_RE = re.compile(r"^(king|queen|monarch|emperor|emir|sultan|grand duke|prince|co-prince|captain regent"
                        r"|yang di-pertuan agong|druk gyalpo|ngwenyama|governor-general|o le ao)", re.I)


def classify_office(position: str, country: str | None, country_names: tuple[str, ...] = ()) -> tuple[str | None, str]:
    pos = position.strip()
    junior = JUNIOR_RE.search(pos) is not None
    for key, sector, pattern in OFFICE_RULES:
        if pattern.search(pos):
            if junior and key in CABINET_OFFICES:
                return "minister", "GOV"
            if key == "defence_minister" and not DEFENCE_RE.search(pos):
                return "minister", "GOV"
            if key == "head_of_government" and " of " in pos.lower() and "state council" not in pos.lower():
                # "Prime Minister of Russia", not "Premier of British Columbia"
                where = pos.lower().split(" of ", 1)[1].removeprefix("the ")
                if not (where in country_names or where.startswith(("republic", "united states", "government"))):
                    return None, "GOV"
            if key == "head_of_state" and " of " in pos.lower():
                # "President of Russia" / "King of Spain", not "President of the Senate" / "of Bashkortostan"
                where = pos.lower().split(" of ", 1)[1].removeprefix("the ")
                if not (where in country_names or where.startswith(("republic", "united states"))):
                    return None, "GOV"
            if key == "foreign_minister" and pos.lower() == "secretary of state" and country != "USA":
                return "minister", "GOV"
            return key, sector
    return None, "GOV"


def norm_date(value: str | None, *, end: bool) -> str | None:
    """``YYYY[-MM[-DD]]`` padded to a full date: starts to the first day, ends to the last."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31" if end else f"{value}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        if end:
            y, m = int(value[:4]), int(value[5:7])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return (nxt - dt.timedelta(days=1)).isoformat()
        return f"{value}-01"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None


def date_precision(value: str | None) -> int:
    return 0 if not value else len(value.strip())


class Tokenizer:
    def __init__(self) -> None:
        import spacy

        self._tok = spacy.blank("en").tokenizer
        self._cache: dict[str, str] = {}

    def key(self, text: str) -> str:
        """Space-joined token texts: the form the runtime matcher looks names up by."""
        if text not in self._cache:
            self._cache[text] = " ".join(t.text for t in self._tok(text.strip()))
        return self._cache[text]


def load_countries(path: Path, curated: dict) -> tuple[dict, dict]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    countries: dict[str, dict] = {}
    label_to_iso: dict[str, str] = {}
    for c in raw:
        iso = c["cca3"]
        names = [c["name"]["common"], c["name"]["official"]]
        for alt in c.get("altSpellings", []):
            # keep English-looking alternatives; two-letter codes ("IN", "TO") would match words
            if len(alt) >= 3 and alt.isascii() and alt[0].isupper() and "," not in alt:
                names.append(alt)
        dem = (c.get("demonyms") or {}).get("eng") or {}
        adjectives = sorted({d for d in (dem.get("m"), dem.get("f")) if d})
        countries[iso] = {
            "iso3": iso, "iso2": c["cca2"], "name": c["name"]["common"],
            "names": names, "adjectives": adjectives, "plural": [],
            "capitals": list(c.get("capital") or []), "independent": bool(c.get("independent")),
        }
    for iso, extra in (curated.get("countries") or {}).items():
        entry = countries.setdefault(iso, {"iso3": iso, "iso2": None, "name": (extra.get("names") or [iso])[0],
                                           "names": [], "adjectives": [], "plural": [], "capitals": [],
                                           "independent": False})
        for field in ("names", "adjectives", "plural"):
            entry[field] += [x for x in extra.get(field, []) if x not in entry[field]]
        if extra.get("historical"):
            entry["historical"] = True
    for iso, entry in countries.items():
        # plural demonyms: "Russian" -> "Russians"; "French", "Swiss", "Chinese" take no -s
        if not entry["plural"]:
            for adj in entry["adjectives"]:
                if not re.search(r"(sh|ch|ss|ese|ese)$", adj):
                    entry["plural"].append(adj + "s")
        for n in entry["names"]:
            label_to_iso[n.lower()] = iso
    return countries, label_to_iso


def world_leader_country(label: str, label_to_iso: dict) -> str | None:
    fixes = {"people's republic of china": "CHN", "kingdom of the netherlands": "NLD", "the bahamas": "BHS",
             "the gambia": "GMB", "state of palestine": "PSE", "east timor": "TLS", "ivory coast": "CIV",
             "democratic republic of the congo": "COD", "republic of the congo": "COG", "federated states of micronesia": "FSM",
             "vatican city": "VAT", "czech republic": "CZE", "north macedonia": "MKD", "eswatini": "SWZ",
             "cape verde": "CPV", "são tomé and príncipe": "STP", "sahrawi arab democratic republic": "ESH",
             "taiwan": "TWN", "kosovo": "UNK", "abkhazia": None, "south ossetia": None, "transnistria": None,
             "artsakh": None, "northern cyprus": None, "somaliland": None}
    key = label.lower()
    if key in fixes:
        return fixes[key]
    return label_to_iso.get(key) or label_to_iso.get(strip_accents(key))


def strip_accents(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def build(sources: Path, out: Path) -> dict:
    curated = yaml.safe_load((sources / "curated.yaml").read_text(encoding="utf-8"))
    countries, label_to_iso = load_countries(sources / "countries.json", curated)
    tok = Tokenizer()

    people: dict[str, dict] = {}  # id -> person
    by_name: dict[str, str] = {}

    def person(qid: str | None, name: str) -> dict:
        pid = qid or by_name.get(name) or "kb:" + re.sub(r"[^a-z0-9]+", "-", strip_accents(name).lower()).strip("-")
        p = people.get(pid)
        if p is None:
            p = people[pid] = {"id": pid, "name": name, "wikidata": qid, "gender": None, "aliases": [], "roles": []}
            by_name.setdefault(name, pid)
        return p

    # 1. world leaders (years only)
    with open(sources / "world-leaders-2021.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            iso = world_leader_country(row["country"], label_to_iso)
            if not iso:
                continue
            label = row["positionLabel"]
            key, sector = classify_office(label, iso, _lower_names(countries.get(iso)))
            if key not in ("head_of_government", "supreme_leader", "governor_general"):
                key = "head_of_state"
            p = person(row["officeholder"], row["officeholderLabel"])
            p["roles"].append({"position": label[:1].upper() + label[1:], "role": key, "country": iso, "org": None,
                               "sector": sector, "start": norm_date(row["start_year"], end=False),
                               "end": norm_date(row["end_year"], end=True),
                               "precision": 4, "source": "world-leaders"})

    # 2. cabinets (full dates mostly)
    as_of: dict[str, str] = {}
    for path in sorted((sources / "cabinets").glob("*.csv")):
        iso = CABINET_ISO3[path.stem]
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if not row.get("personID") or not row.get("person"):
                    continue
                label = row["position"].strip()
                key, sector = classify_office(label, iso, _lower_names(countries.get(iso)))
                p = person(row["personID"], row["person"])
                if row.get("gender") in ("male", "female"):
                    p["gender"] = row["gender"]
                p["roles"].append({"position": label, "role": key, "country": iso, "org": None, "sector": sector,
                                   "start": norm_date(row["start"], end=False), "end": norm_date(row["end"], end=True),
                                   "precision": min(date_precision(row["start"]), date_precision(row["end"]) or 10),
                                   "source": "cabinet"})
    # the SOURCES.md table: snapshot dates per cabinet file
    sources_md = (sources / "SOURCES.md").read_text(encoding="utf-8")
    for m in re.finditer(r"\| cabinets/([a-z-]+)\.csv \| `[^`]+` \| `[^`]+` \| (\d{4}-\d{2}-\d{2}) \|", sources_md):
        as_of[CABINET_ISO3[m.group(1)]] = m.group(2)

    # 3. curated people: their roles replace overlapping source roles of the same office
    for entry in curated.get("people") or []:
        p = person(entry.get("wikidata"), entry["name"])
        if entry.get("wikidata") and not p["wikidata"]:
            p["wikidata"] = entry["wikidata"]
        p["gender"] = entry.get("gender") or p["gender"]
        p["aliases"] += [a for a in entry.get("aliases") or [] if a not in p["aliases"]]
        for r in entry.get("roles") or []:
            new = {"position": r["position"], "role": r.get("role"), "country": r.get("country"), "org": r.get("org"),
                   "sector": r.get("sector", "GOV"), "start": norm_date(str(r.get("start") or ""), end=False),
                   "end": norm_date(str(r.get("end") or ""), end=True), "precision": 10, "source": "curated"}
            p["roles"] = [old for old in p["roles"] if not (
                old["role"] == new["role"] and old["country"] == new["country"] and old["org"] == new["org"]
                and _overlap(old, new))]
            p["roles"].append(new)
    for gender, names in (curated.get("genders") or {}).items():
        for name in names:
            if name in by_name and not people[by_name[name]]["gender"]:
                people[by_name[name]]["gender"] = gender

    # 3b. the field's dictionaries (PETRARCH2/Phoenix): people of every country with dated roles,
    # IGOs, NGOs, companies and armed groups; merged into the people above
    phoenix_orgs = add_phoenix(sources / "petrarch2", people, countries, curated)

    # 4. dedupe: a year-only world-leaders role that a dated cabinet role covers goes, lending its label
    for p in people.values():
        roles = p["roles"]
        keep = []
        for r in roles:
            if r["source"] == "world-leaders":
                twins = [o for o in roles if o is not r and o["source"] != "world-leaders" and o["role"] == r["role"]
                         and o["country"] == r["country"] and _overlap(o, r)]
                if twins:
                    for o in twins:
                        if o["source"] == "cabinet" and " of " not in o["position"]:
                            o["position"] = r["position"]
                    continue
            keep.append(r)
        seen = set()
        p["roles"] = []
        for r in sorted(keep, key=lambda r: (r["start"] or "", r["position"])):
            sig = (r["position"], r["country"], r["org"], r["start"], r["end"])
            if sig not in seen:
                seen.add(sig)
                p["roles"].append(r)
        # readable position labels: "Minister of Defence" -> "Minister of Defence (Ukraine)"
        for r in p["roles"]:
            c = countries.get(r["country"] or "")
            if c and r["source"] == "cabinet" and not _mentions_country(r["position"], c):
                r["position"] = f"{r['position']} ({c['name']})"

    # nicer labels for heads of state and government: "President (United States)" -> "President of the United States"
    wl_label: dict[tuple[str, str], str] = {}
    for p in people.values():
        for r in p["roles"]:
            if r["country"] and r["role"] in ("head_of_state", "head_of_government") and " of " in r["position"] \
                    and "(" not in r["position"]:
                wl_label.setdefault((r["country"], r["role"]), r["position"])
    for p in people.values():
        for r in p["roles"]:
            c = countries.get(r["country"] or "")
            if c and r["role"] in ("head_of_state", "head_of_government") and (r["country"], r["role"]) in wl_label:
                bare = r["position"].split(" (")[0].lower()
                if bare in ("president", "prime minister", "monarch", "king", "queen", "emperor", "chancellor",
                            "federal chancellor", "premier"):
                    r["position"] = wl_label[(r["country"], r["role"])]

    # 5. leader office per country
    hos_labels: dict[str, set] = defaultdict(set)
    for p in people.values():
        for r in p["roles"]:
            if r["role"] == "head_of_state" and r["country"]:
                hos_labels[r["country"]].add(r["position"])
    lo = curated.get("leader_office") or {}
    for iso, c in countries.items():
        office = "head_of_state"
        if iso in set(lo.get("supreme_leader") or []):
            office = "supreme_leader"
        elif iso in set(lo.get("head_of_government") or []):
            office = "head_of_government"
        elif hos_labels.get(iso) and all(MONARCH_RE.search(lbl) for lbl in hos_labels[iso]):
            office = "head_of_government"
        c["leader_office"] = office
        if iso in as_of:
            c["as_of"] = as_of[iso]

    # 6. organisations and metonyms
    orgs = []
    for o in curated.get("organizations") or []:
        orgs.append({"id": o["id"], "name": o["name"], "code": o.get("code"), "country": o.get("country"),
                     "sector": o.get("sector"), "kind": o.get("kind", "organization"),
                     "wikidata": o.get("wikidata"), "aliases": list(o.get("aliases") or [])})
    have_orgs = {_norm(n) for o in orgs for n in [o["name"], *o["aliases"]]}
    for o in phoenix_orgs:
        if not {_norm(n) for n in [o["name"], *o["aliases"]]} & have_orgs:
            orgs.append(o)
    metonyms = [dict(m) for m in curated.get("metonyms") or []]
    skip = set(curated.get("capital_skip") or [])
    have = {m["name"] for m in metonyms}
    seats = phoenix_capitals(sources / "petrarch2", countries)
    for iso, c in countries.items():
        if not c["independent"] and iso not in seats:
            continue
        for cap in c["capitals"]:
            if cap not in skip and cap not in have:
                metonyms.append({"name": cap, "country": iso, "sector": "GOV", "capital": True})
                have.add(cap)
    for m in metonyms:
        m.setdefault("capital", False)

    # 7. the name index: token key -> refs. P:person, O:org, C:country name, A:adjective, D:plural demonym, M:metonym
    for p in people.values():
        p["aliases"] += [a for a in peer_names(p["name"]) if a not in p["aliases"] and a != p["name"]]
    people_list = sorted(people.values(), key=lambda p: p["id"])
    names: dict[str, list[str]] = defaultdict(list)
    surnames: dict[str, list[int]] = defaultdict(list)

    def add(text: str, ref: str) -> None:
        k = tok.key(text)
        if k and ref not in names[k]:
            names[k].append(ref)

    for i, p in enumerate(people_list):
        main_country = next((r["country"] for r in p["roles"] if r["country"]), None)
        for n in [p["name"], *p["aliases"]]:
            add(n, f"P:{i}")
            for s in surname_keys(tok.key(n).split(" "), main_country):
                if i not in surnames[s]:
                    surnames[s].append(i)
        p["country"] = main_country
        for r in p["roles"]:
            del r["source"]
            del r["precision"]
            r.setdefault("code", None)
    for i, o in enumerate(orgs):
        for n in [o["name"], *o["aliases"]]:
            add(n, f"O:{i}")
    for iso, c in countries.items():
        for n in c["names"]:
            add(n, f"C:{iso}")
        for a in c["adjectives"]:
            add(a, f"A:{iso}")
        for d in c["plural"]:
            add(d, f"D:{iso}")
    for i, m in enumerate(metonyms):
        add(m["name"], f"M:{i}")

    # party membership of officeholders (curated): country -> party key -> people's indices
    party_members: dict[str, dict[str, list[int]]] = {}
    index_of = {(p["name"], p["country"]): i for i, p in enumerate(people_list)}
    for p_i, p in enumerate(people_list):
        for a in p["aliases"]:
            index_of.setdefault((a, p["country"]), p_i)
    for iso, parties in (curated.get("party_members") or {}).items():
        for key, members in parties.items():
            for name in members:
                if (name, iso) not in index_of:
                    raise SystemExit(f"curated.yaml: party_members: {name!r} ({iso}, {key}) is no person of that "
                                     "country in the knowledge base")
                party_members.setdefault(iso, {}).setdefault(key, []).append(index_of[(name, iso)])

    role_nouns = {}
    for noun, spec in (curated.get("role_nouns") or {}).items():
        role_nouns[tok.key(noun).lower()] = {"role": spec.get("role"), "sector": spec.get("sector", "GOV"),
                                             "kind": spec.get("kind", "person"), "title": bool(spec.get("title")),
                                             "after_designator": bool(spec.get("after_designator")), "noun": noun}

    kb = {
        "version": 1,
        "built": dt.date.today().isoformat(),
        "sources": "data/kb-sources (see SOURCES.md beside kb.json)",
        "countries": countries,
        "people": [[p["id"], p["name"], p["wikidata"], p["gender"], p["country"], p["aliases"],
                    [[r["position"], r["role"], r["country"], r["org"], r["sector"], r["start"], r["end"]]
                     + ([r["code"]] if r["code"] else []) for r in p["roles"]]] for p in people_list],
        "orgs": orgs,
        "metonyms": metonyms,
        "role_nouns": role_nouns,
        "party_members": party_members,
        "sector_names": curated.get("sector_names") or {},
        "names": names,
        "surnames": surnames,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "kb.json").write_text(json.dumps(kb, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return kb


PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
GROUP_SECTORS = {"REB", "INS", "UAF", "OPP", "CRM"}


PEERAGE = re.compile(r"^(?P<name>[^,]+), (?P<rank>Baron|Baroness|Viscount|Earl) (?P<title>.+?)(?: of .+)?$")


def peer_names(label: str) -> list[str]:
    """The names a British peer goes by in the news, from a Wikidata label that carries the
    peerage ("Peter Goldsmith, Baron Goldsmith": "Peter Goldsmith", "Lord Goldsmith";
    "Charles Falconer, Baron Falconer of Thoroton": "Charles Falconer", "Lord Falconer")."""
    m = PEERAGE.match(label)
    if m is None:
        return []
    address = {"Baron": "Lord", "Viscount": "Lord", "Earl": "Lord", "Baroness": "Baroness"}[m["rank"]]
    return [m["name"], f"{address} {m['title']}"]


def _norm(name: str) -> str:
    """A name as compared across sources: no accents, case, punctuation or hyphens."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", strip_accents(name).lower()).split())


def _forms(name: str) -> list[str]:
    """The written forms a dictionary phrase is matched by: title case, with lower-case
    particles; an acronym (one short upper-case word) also as written."""
    shown = pa.display(name)
    forms = [shown]
    variant = pa.particle_variant(shown)
    if variant:
        forms.append(variant)
    if " " not in name and name.isupper() and len(name) <= 6:
        forms.insert(0, name)
    return forms


def phoenix_capitals(folder: Path, countries: dict) -> set[str]:
    """The countries that are no independent state in countries.json but whose capital the field's
    country dictionary names them by ("TAIWAN_ [TWN] ... +TAIPEI_", "PALESTINE_ [PSE] ...
    +RAMALLAH"): their capital stands for their government as an independent state's does
    ("Taipei said", "Ramallah rejected"); a dependency's capital (Hamilton, Douglas) is not
    listed there and stays a place."""
    path = folder / "Phoenix.Countries.actors.txt"
    if not path.exists():
        return set()
    iso = frozenset(countries)
    named: dict[str, set[str]] = defaultdict(set)  # a country's names in the dictionary -> its codes
    for e in pa.read(path).entries:
        if pa.classify(e, iso) == "country":
            for n in [e.name, *e.aliases]:
                named[_norm(n)] |= {c.code[:3] for c in e.codes}
    return {i for i, c in countries.items() if not c["independent"]
            and any(i in named.get(_norm(cap), ()) for cap in c["capitals"])}


def add_phoenix(folder: Path, people: dict[str, dict], countries: dict, curated: dict) -> list[dict]:
    """Merge the Phoenix actor dictionaries into ``people`` (in place); return their organisations.

    A dictionary person with the name (accents, case and punctuation aside) and a country of
    someone already known is that person: the dictionary's dated roles are added where no
    known role of the same country and sector overlaps them (the Wikidata dates, which carry
    the office, win where both cover a period), and its undated default code (``[GBRELI]``:
    what Tony Blair is outside his dated offices) is left out, since whodid already makes a
    former officeholder an elite. Anyone else becomes a new person with all the dictionary's
    codes. Country entries (``AFGHANISTAN_ [AFG]`` and its cities) are not used: countries
    come from countries.json and places from the gazetteer."""
    iso = frozenset(countries)
    # a name of a country, its people or its capital is never another actor's name
    # (a party listed with "+UKRAINE_" among its synonyms)
    geo = {_norm(n) for c in countries.values() for n in [*c["names"], *c["adjectives"], *c["plural"],
                                                           *c["capitals"]]}
    known: dict[str, list[dict]] = defaultdict(list)
    for p in people.values():
        for n in [p["name"], *p["aliases"]]:
            known[_norm(n)].append(p)
    orgs: list[dict] = []
    seen_org: set[str] = set()
    merged = added = 0
    for fname in PHOENIX_FILES:
        path = folder / fname
        if not path.exists():
            print(f"build_kb: {path} missing; the Phoenix dictionaries are left out", file=sys.stderr)
            continue
        d = pa.read(path)
        for w in d.warnings:
            print(f"build_kb: {w}", file=sys.stderr)
        for e in d.entries:
            kind = pa.classify(e, iso)
            if fname.startswith("Phoenix.MilNonState") and kind == "person":
                kind = "org"  # the TOPS list holds armed groups (a few leaders' names among their aliases)
            if kind in ("null", "country"):
                continue
            if fname.startswith("Phoenix.Countries") and "CountryInfo" not in e.comment and kind == "person" \
                    and _state_body(e, iso, known):
                # a body of the state under a name that is no organisation word ("SCOTLAND_YARD
                # +METROPOLITAN_POLICE_SERVICE [GBRCOP]", "LOK_SABHA [INDGOVLEG]", "SHIN_BET
                # +ISRAEL_SECURITY_AGENCY [ISRSPY]"), which classify() takes for a person
                kind = "org"
            elif fname.startswith("Phoenix.Countries") and "CountryInfo" not in e.comment and not (
                    kind == "org" and set(e.name.split()) & pa.ORG_WORDS):
                # outside CountryInfo's people, the country file lists spellings and places of a
                # country (UKRANINIAN_, +CRIMEA_ under dated codes): not actors of their own
                continue
            phrases = [x for x in [e.name, *e.aliases] if not pa.titled(x) and _norm(x) not in geo]
            if not phrases:
                continue
            codes = [c for c in e.codes if c.code != pa.NULL_CODE]
            if kind == "org":
                default = next((c for c in codes if not c.dated), codes[-1])
                code = pa.primary(default.code)
                country, sector = pa.code_parts(code, iso)
                slug = re.sub(r"[^a-z0-9]+", "-", _norm(phrases[0])).strip("-")
                oid = "phoenix:" + slug
                if oid in seen_org or not slug:
                    continue
                seen_org.add(oid)
                names = [f for x in phrases for f in _forms(x)]
                orgs.append({"id": oid, "name": names[0], "code": code, "country": country, "sector": sector,
                             "kind": "group" if (sector in GROUP_SECTORS or code.startswith("IMG")) else "organization",
                             "wikidata": None, "aliases": list(dict.fromkeys(names[1:]))})
                continue
            roles = []
            for c in codes:
                code = pa.primary(c.code)
                country, sector = pa.code_parts(code, iso)
                roles.append({"position": code, "role": None, "country": country, "org": None,
                              "sector": sector or code[:3], "start": c.start, "end": c.end,
                              "code": None if country and len(code) <= 6 else code,
                              "precision": 6, "source": "phoenix", "default": not c.dated})
            main = Counter(r["country"] for r in roles if r["country"]).most_common(1)
            main_country = main[0][0] if main else None
            match = None
            for x in phrases:
                for p in known.get(_norm(x), []):
                    if main_country in {r["country"] for r in p["roles"]}:
                        match = p
                        break
                if match:
                    break
            if match is not None:
                merged += 1
                for r in roles:
                    if r["default"] or any(o["country"] == r["country"] and o["sector"] == r["sector"]
                                           and o["source"] != "phoenix" and _overlap(o, r) for o in match["roles"]):
                        continue
                    del r["default"]
                    match["roles"].append(r)
                for f in (f for x in phrases for f in _forms(x)):
                    if f != match["name"] and f not in match["aliases"]:
                        match["aliases"].append(f)
                continue
            added += 1
            for r in roles:
                del r["default"]
            forms = list(dict.fromkeys(f for x in phrases for f in _forms(x)))
            pid = "phoenix:" + re.sub(r"[^a-z0-9]+", "-", _norm(phrases[0])).strip("-") + (
                ":" + main_country.lower() if main_country else "")
            if pid in people:
                people[pid]["roles"] += [r for r in roles if r not in people[pid]["roles"]]
                continue
            people[pid] = {"id": pid, "name": forms[0], "wikidata": None, "gender": None, "aliases": forms[1:],
                           "roles": roles}
    print(f"build_kb: Phoenix dictionaries: {merged} people merged into known ones, {added} added, "
          f"{len(orgs)} organisations", file=sys.stderr)
    return orgs


STATE_BODY_SECTORS = {"GOV", "LEG", "JUD", "COP", "MIL", "SPY"}


def _state_body(e, iso: frozenset[str], known: dict) -> bool:
    """A country-file entry that names a body of a state: one undated code of a state sector,
    and a name or alias that is a body's ("... AGENCY", "... BUREAU", "... SABHA"), none of
    them a known person's name ("BASHAR AL-ASSAD +ASSAD GOVERNMENT [SYRGOV]" is a person)."""
    codes = [c for c in e.codes if c.code != pa.NULL_CODE]
    if len(codes) != 1 or codes[0].dated:
        return False
    country, sector = pa.code_parts(pa.primary(codes[0].code), iso)
    if country is None or sector not in STATE_BODY_SECTORS:
        return False
    phrases = [e.name, *e.aliases]
    if any(_norm(x) in known for x in phrases) or any(pa.titled(x) for x in phrases):
        return False
    return any(set(x.split()) & pa.ORG_WORDS or body_sector(x.split()) is not None for x in phrases)


def _lower_names(c: dict | None) -> tuple[str, ...]:
    if not c:
        return ()
    return tuple(n.lower().removeprefix("the ") for n in c["names"])


def _overlap(a: dict, b: dict) -> bool:
    a0, a1 = a["start"] or "0000", a["end"] or "9999"
    b0, b1 = b["start"] or "0000", b["end"] or "9999"
    return a0 <= b1 and b0 <= a1


def _mentions_country(position: str, c: dict) -> bool:
    low = position.lower()
    return any(n.lower() in low for n in c["names"] + c["adjectives"]) or "united states" in low


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    kb = build(args.sources, args.out)
    size = (args.out / "kb.json").stat().st_size
    print(f"kb.json: {len(kb['people'])} people, {sum(len(p[6]) for p in kb['people'])} roles, "
          f"{len(kb['countries'])} countries, {len(kb['orgs'])} organisations, {len(kb['metonyms'])} metonyms, "
          f"{len(kb['names'])} names; {size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
