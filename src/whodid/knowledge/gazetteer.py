"""The gazetteer: GeoNames places (down to population 500), countries, first-level
admin names (with the AP abbreviations of US states) and US counties, looked up by
any of their names.

The places ship as a compact table (``data/gazetteer/places.tsv.xz``, 5.8 MB, built by
``scripts/build_places_index.py`` from GeoNames cities500). The first use builds a
SQLite name index from it under ``$XDG_CACHE_HOME/whodid`` (or ``~/.cache/whodid``);
later processes open it instantly and look names up on disk. Nothing is downloaded.
"""

from __future__ import annotations

import json
import lzma
import os
import sqlite3
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

MIN_POPULATION = 500
INDEX_VERSION = 3  # bump when the index's content changes, so old caches are rebuilt
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


@dataclass(frozen=True)
class Entry:
    geonames_id: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str  # ISO 3166 alpha-2
    admin1: str | None  # name of the first-level division
    feature: str  # "country", "city" (a populated place), "adm1" (state, province) or "adm2" (US county)
    population: int


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lookup key: lower case, no accents, one space."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("’", "'").split())


class Gazetteer:
    def __init__(self, countries: list[dict], admin1: dict[str, list], places: sqlite3.Connection,
                 counties: list[list] = (), populations: dict[str, int] | None = None):
        self.countries = {c["iso2"]: c for c in countries}
        self.by_iso3 = {c["iso3"]: c for c in countries}
        self.db = places
        self._candidates: dict[str, tuple[Entry, ...]] = {}
        self._capitals: dict[str, Entry | None] = {}
        self.country_entries: dict[str, Entry] = {}
        self.country_names: dict[str, str] = {}  # folded name -> iso2
        self.adjectives: dict[str, str] = {}  # folded demonym/adjective -> iso2
        # a demonym two countries share ("American": US, Northern Mariana Islands) is the bigger one's
        by_size = sorted(countries, key=lambda c: -(populations or {}).get(c["iso2"], 0))
        for c in by_size:
            # a place resolved to a country goes by GeoNames' name for it ("Turkey"; mledoze: "Türkiye")
            self.country_entries[c["iso2"]] = Entry(c["geonames_id"], c.get("geonames_name") or c["name"],
                                                    c["lat"], c["lon"], c["iso2"], None, "country", 0)
            for name in c["names"]:
                self.country_names.setdefault(fold(name), c["iso2"])
            for adjective in c["adjectives"]:
                self.adjectives.setdefault(fold(adjective), c["iso2"])
        for alias, iso2 in COUNTRY_ALIASES.items():
            self.country_names.setdefault(fold(alias), iso2)
        self.admin1: dict[str, list[Entry]] = {}  # folded name -> states/provinces of that name
        for code, (name, lat, lon, *gid) in admin1.items():
            entry = Entry(gid[0] if gid else None, name, lat, lon, code.split(".")[0], name, "adm1", 0)
            self.admin1.setdefault(fold(name), []).append(entry)
        # "Zhejiang" is GeoNames' "Zhejiang Sheng": a division goes by its name without its designator too
        for key, entries in list(self.admin1.items()):
            short = next((key[:-len(d) - 1] for d in ADMIN_DESIGNATORS if key.endswith(" " + d)), None)
            if short and short not in COMPASS_WORDS and short not in ADMIN_DESIGNATOR_LEFTOVERS:
                known = self.admin1.setdefault(short, [])
                known.extend(e for e in entries if e not in known)
        # "Darfur": the divisions named by a compass word before it ("North Darfur", "Western Darfur")
        self._parted: dict[str, list[Entry]] = {}
        for entries in self.admin1.values():
            for e in entries:
                first, _, rest = e.name.partition(" ")
                if rest and fold(first) in COMPASS_WORDS:
                    self._parted.setdefault(fold(rest), []).append(e)
        by_name = {(e.country, e.name): e for entries in self.admin1.values() for e in entries}
        for country, table in (("US", US_STATE_ABBREVIATIONS), ("CA", CANADIAN_PROVINCE_ABBREVIATIONS)):
            for abbreviation, region in table.items():
                if (country, region) in by_name:
                    self.admin1.setdefault(fold(abbreviation), []).append(by_name[(country, region)])
        self.counties: dict[str, list[Entry]] = {}  # folded "tarrant county" -> US counties of that name
        for name, state, lat, lon, _ in counties:
            self.counties.setdefault(fold(name), []).append(Entry(None, name, lat, lon, "US", state, "adm2", 0))

    def country(self, name: str) -> Entry | None:
        iso2 = self.country_names.get(fold(name))
        return self.country_entries[iso2] if iso2 else None

    def country_of_adjective(self, word: str) -> Entry | None:
        iso2 = self.adjectives.get(fold(word))
        return self.country_entries[iso2] if iso2 else None

    def regions(self, name: str) -> list[Entry]:
        """States and provinces called ``name`` ("Minnesota", "Ky.", "N.Y" before a full stop)."""
        key = fold(name)
        return self.admin1.get(key) or (self.admin1.get(key + ".", []) if "." in key else [])

    def country_of_town_in(self, town: str, region: str) -> str | None:
        """The ISO3 country of ``town`` in the state or province ``region`` ("San Francisco",
        "Veraguas" -> PAN), when a place so called lies in a region so called of one country
        ("Washington, Moscow" names two capitals, not a town of the Moscow region)."""
        found = {r.country for r in self.regions(region)
                 if any(c.country == r.country and fold(c.admin1 or "") == fold(r.admin1 or "")
                        for c in self.candidates(town))}
        country = self.countries.get(found.pop()) if len(found) == 1 else None
        return country["iso3"] if country else None

    def country_of_domain(self, source: str | None) -> str | None:
        """The country (ISO2) a source's country-code top-level domain names ("lancastercitizen.co.uk":
        GB, "cbc.ca": CA); None for generic domains (.com, .org) and for country codes sold as
        generic names (.tv, .io, .co)."""
        if not source or "." not in source:
            return None
        tld = source.strip().lower().rstrip("/").rsplit(".", 1)[-1]
        iso2 = "GB" if tld == "uk" else tld.upper()
        return iso2 if len(tld) == 2 and tld not in VANITY_TLDS and iso2 in self.countries else None

    def divided_region(self, name: str) -> Entry | None:
        """A region that two or more first-level divisions of one country split among themselves by
        compass words ("Darfur": North, South, East, West and Central Darfur; "Sumatra"), at the mean
        of their points; None when there are fewer, or they lie in more than one country."""
        parts = self._parted.get(fold(name), [])
        if len({e.name for e in parts}) < 2 or len({e.country for e in parts}) > 1:
            return None
        return Entry(None, name, sum(e.lat for e in parts) / len(parts), sum(e.lon for e in parts) / len(parts),
                     parts[0].country, None, "region", 0)

    def us_counties(self, name: str) -> list[Entry]:
        """US counties and parishes called ``name`` ("Tarrant County")."""
        return self.counties.get(fold(name), [])

    def capital(self, iso2: str) -> Entry | None:
        """The town that is ``iso2``'s capital (countries.json's ``capital``: "Washington D.C." is
        GeoNames' "Washington"), the biggest of that name in the country; None when unknown."""
        if iso2 not in self._capitals:
            name = (self.countries.get(iso2) or {}).get("capital") or ""
            towns = [e for e in self.candidates(name) if e.country == iso2] if name else []
            self._capitals[iso2] = max(towns, key=lambda e: e.population, default=None)
        return self._capitals[iso2]

    def country_of_place(self, name: str, min_population: int = 100_000) -> str | None:
        """The ISO3 country a place name means without other context, or None: a state or
        province of one country ("Meghalaya", "Scotland"), else a town of ``min_population``
        people or more that dwarfs (10x) any namesake in another country ("Srinagar")."""
        regions = self.regions(name)
        if regions:
            found = {e.country for e in regions}
            iso2 = found.pop() if len(found) == 1 else None
        else:
            cands = sorted(self.candidates(name), key=lambda e: -e.population)
            if not cands or cands[0].population < min_population:
                return None
            top = cands[0]
            if any(e.country != top.country and e.population * 10 > top.population for e in cands[1:]):
                return None
            iso2 = top.country
        country = self.countries.get(iso2) if iso2 else None
        return country["iso3"] if country else None

    def candidates(self, name: str) -> list[Entry]:
        """Populated places called ``name`` (any of their Latin-script names); remembered, as
        an article and a batch name the same places again and again."""
        key = fold(name)
        found = self._candidates.get(key)
        if found is None:
            if len(self._candidates) > 50_000:
                self._candidates.clear()
            found = self._candidates[key] = tuple(self._query(key))
        return list(found)

    def _query(self, key: str) -> list[Entry]:
        rows = self.db.execute(
            "SELECT p.geonames_id, p.name, p.lat, p.lon, p.country, p.admin1, p.population "
            "FROM names n JOIN places p USING (geonames_id) WHERE n.key = ?", (key,)).fetchall()
        return [Entry(r[0], r[1], r[2], r[3], r[4], r[5], "city", r[6]) for r in rows]


# Names in common use that the country table's spellings miss.
COUNTRY_ALIASES = {
    "US": "US", "U.S.": "US", "U.S.A.": "US", "USA": "US", "America": "US", "the United States": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB",
    "Russian Federation": "RU", "the Russian Federation": "RU", "Holland": "NL", "Burma": "MM",
    "Ivory Coast": "CI", "Czech Republic": "CZ", "South Korea": "KR", "North Korea": "KP",
    "DRC": "CD", "the DRC": "CD", "DR Congo": "CD", "Democratic Republic of Congo": "CD",
    "the Democratic Republic of Congo": "CD", "Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG",
    "Gaza": "PS", "West Bank": "PS", "Palestine": "PS", "Taiwan": "TW", "Vatican": "VA",
}

# Parts of a country known by their own name, which the country's aliases above send to it: an
# event "in the occupied West Bank" is told there, not in "Palestine" at large. They keep their
# name, with the country and its point (no GeoNames entry of their own in the tables).
COUNTRY_PARTS = frozenset({"gaza", "west bank", "gaza strip", "the west bank"})


# Regions of several countries, named in world news; no single point stands for them, so they are
# named without coordinates rather than matched to a namesake town (Middle East, Maryland).
REGIONS = frozenset("""
middle east|near east|far east|balkans|the balkans|caucasus|the caucasus|south caucasus|north caucasus|sahel|
horn of africa|persian gulf|gulf region|levant|maghreb|scandinavia|nordic countries|baltics|baltic states|
latin america|central america|southeast asia|south asia|east asia|central asia|west africa|east africa|
north africa|southern africa|central africa|sub-saharan africa|western europe|eastern europe|central europe|
caribbean|the caribbean|indo-pacific|asia-pacific|asia pacific|middle east and north africa|arctic|the arctic
""".replace("\n", "").split("|"))

# Unions of countries named like a place ("an EU-Israel summit"): placed at their seat, a town of the
# table (name, seat, the seat's country), never at a namesake town ("EU" is not Eu, France).
UNIONS = {
    "eu": ("European Union", "Brussels", "BE"), "european union": ("European Union", "Brussels", "BE"),
    "the european union": ("European Union", "Brussels", "BE"),
    "african union": ("African Union", "Addis Ababa", "ET"), "the african union": ("African Union", "Addis Ababa", "ET"),
}


# Regions inside one country that whodid's tables lack (no division, no town of the name):
# named with their country and no point ("fighting in Darfur" is in Sudan).
COUNTRY_REGIONS = {
    "darfur": "SD", "donbas": "UA", "donbass": "UA", "siberia": "RU", "sinai": "EG", "sinai peninsula": "EG",
    "galilee": "IL", "negev": "IL", "patagonia": "AR", "anatolia": "TR", "kurdistan region": "IQ",
    "iraqi kurdistan": "IQ", "south ossetia": "GE", "abkhazia": "GE", "transnistria": "MD",
    "nagorno-karabakh": "AZ", "golan heights": "SY", "gaza strip": "PS",
}


# Words GeoNames' first-level division names end with that say what kind of division it is
# ("Zhejiang Sheng", "Guangxi Zhuangzu Zizhiqu", "Masovian Voivodeship"); the name goes without them too.
# Longer ones first: "Xinjiang Uygur Zizhiqu" is Xinjiang.
ADMIN_DESIGNATORS = ("zhuangzu zizhiqu", "huizu zizhiqu", "uygur zizhiqu", "zizhiqu", "sheng", "shi",
                     "autonomous region", "autonomous province", "province", "voivodeship", "oblast",
                     "governorate", "prefecture")
# what is left of some such names is no name ("Capital Province", "Autonomous Province")
ADMIN_DESIGNATOR_LEFTOVERS = frozenset({"capital", "autonomous", "national capital"})

# Country-code top-level domains sold and used as generic names: they say nothing of where a paper is
VANITY_TLDS = frozenset("tv io co me fm ly ai ws cc to am gg la nu tk ag sh ac vc gl so im gd bz".split())

# Compass words that split a region among first-level divisions ("North Darfur", "Western Equatoria")
COMPASS_WORDS = frozenset("""
north south east west central northern southern eastern western
""".split())


# Words before a place's name that describe part of it ("Historic Dublin", "Greater London").
NAME_HEAD_WORDS = frozenset("""
historic downtown greater old metro suburban uptown midtown inner outer rural urban
n s e w ne nw se sw n.e s.e n.w s.w
""".split())

# Words that end a place's own name: without them the words before name another place, often
# far away ("Tennessee Colony" is not Tennessee, "Meadow Grove" not Grove, "Farallon Islands" not
# Farallón). Rivers, lakes, valleys and townships are left out: the town whose name they carry is
# most often on them ("Sacramento River", "Hamilton Township"), and "City" mostly names a town's
# government ("Dublin City Council"; "Kansas City", a town of that name, is read whole first).
NAME_END_WORDS = frozenset("""
colony grove heights woods island islands plaine estates square
""".split())
# Generic words that open a feature's name and are no place alone ("Lake" of "Lake Lanier",
# "Gulf" of "Gulf of Mexico", "Mount" of "Mount Hood").
NAME_GENERIC_WORDS = frozenset("""
lake lakes river mount mountain gulf bay sea ocean cape port fort point new north south east west
""".split())

# The Associated Press abbreviations of US state names ("Louisville, Ky."), and D.C.'s long name:
# dotted forms only, as the two-letter postal codes collide with ordinary words ("IN", "OR", "ME").
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "Washington, D.C.",
    "District of Columbia": "Washington, D.C.",
}


# The Canadian Press abbreviations of the provinces and territories.
CANADIAN_PROVINCE_ABBREVIATIONS = {
    "Alta.": "Alberta", "B.C.": "British Columbia", "Man.": "Manitoba", "N.B.": "New Brunswick",
    "N.L.": "Newfoundland and Labrador", "Nfld.": "Newfoundland and Labrador", "N.S.": "Nova Scotia",
    "Ont.": "Ontario", "P.E.I.": "Prince Edward Island", "Que.": "Quebec", "Sask.": "Saskatchewan",
    "Y.T.": "Yukon", "N.W.T.": "Northwest Territories",
}


def _places_file():
    return resources.files("whodid") / "data" / "gazetteer" / "places.tsv.xz"


def _cache_path() -> Path:
    """The SQLite index for the shipped place table, keyed by the table's size (a rebuilt table
    gets a new index) and the index layout's version."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "whodid"
    with resources.as_file(_places_file()) as table:
        size = table.stat().st_size
    return base / f"gazetteer-{size}-{MIN_POPULATION}-{INDEX_VERSION}.sqlite"


def _build_places(path: Path, admin1: dict[str, list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    con = sqlite3.connect(tmp)
    con.executescript("""
        CREATE TABLE places (geonames_id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
                             admin1 TEXT, population INTEGER);
        CREATE TABLE names (key TEXT, geonames_id INTEGER);
    """)
    places, names = [], []
    text = lzma.decompress(_places_file().read_bytes()).decode("utf-8")
    for line in text.splitlines():
        gid, name, lat, lon, country, code, population, alternates = line.split("\t")
        region = admin1.get(f"{country}.{code}")
        places.append((int(gid), name, float(lat), float(lon), country, region[0] if region else None,
                       int(population)))
        keys = {fold(name)}
        keys.update(fold(n) for n in alternates.split("|") if n)
        names.extend((key, int(gid)) for key in keys)
    con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", places)
    con.executemany("INSERT INTO names VALUES (?, ?)", names)
    con.execute("CREATE INDEX names_key ON names (key)")
    con.commit()
    con.close()
    os.replace(tmp, path)  # atomic: two processes building at once both end well


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    data = resources.files("whodid") / "data" / "gazetteer"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    admin1 = json.loads((data / "admin1.json").read_text(encoding="utf-8"))
    counties = json.loads((data / "us_counties.json").read_text(encoding="utf-8"))
    path = _cache_path()
    if not path.exists():
        _build_places(path, admin1)
    # check_same_thread off: read-only lookups from a worker thread are safe
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return Gazetteer(countries, admin1, con, counties, populations={c["iso2"]: c.get("population", 0)
                                                                     for c in countries})
