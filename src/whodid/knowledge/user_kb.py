"""User extensions to the knowledge base: YAML/CSV actor files and PETRARCH dictionaries.

    kb = load_user_kb("my-actors.yaml")            # built-in KB + the file
    kb = import_petrarch("Phoenix.Countries.actors.txt", kb)
    stage = ActorsStage(kb=kb)

Each returns a new KnowledgeBase (the built-in one is never modified), so a bad
file leaves the built-in knowledge base working. Malformed input raises
``KBFormatError`` naming the file, the line and the problem.

YAML layout (any of the three lists may be absent)::

    people:
      - name: Jane Doe
        wikidata: Q123          # optional
        gender: female          # optional: male | female
        aliases: [J. Doe]
        roles:
          - {position: Mayor of Kharkiv, role: mayor, country: UKR, sector: GOV, start: 2020-11-01, end: ""}
    organizations:
      - {id: AZOV, name: Azov Brigade, code: UKRMIL, country: UKR, sector: MIL, aliases: [Azov]}
    metonyms:
      - {name: Bankova, country: UKR, sector: GOV}

CSV layout: a header row with ``name`` and any of ``kind`` (person, the
default, or organization), ``aliases`` (separated by ``;``), ``country``,
``sector``, ``code``, ``position``, ``role``, ``start``, ``end``, ``wikidata``,
``gender``, ``id``; one row per person and role (rows with the same name merge).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from whodid.knowledge import petrarch_actors as pa
from whodid.knowledge.agents import AgentNouns
from whodid.knowledge.agents import parse as parse_agents
from whodid.knowledge.kb import KnowledgeBase, Metonym, Org, Person, Role, code_for, load_kb, tokenize

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SECTOR = re.compile(r"^[A-Z]{3}$")
CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
KINDS = {"person", "organization", "group"}


class KBFormatError(ValueError):
    """A user knowledge-base file is malformed: ``path:line: problem``."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


USER_KB_SUFFIXES = (".yaml", ".yml", ".csv", ".tsv")


def extend_kb(path: str | Path, kb: KnowledgeBase | None = None) -> KnowledgeBase:
    """A copy of ``kb`` extended by ``path``: a user YAML/CSV/TSV file by its suffix,
    anything else read as a PETRARCH actor dictionary."""
    if str(path).lower().endswith(USER_KB_SUFFIXES):
        return load_user_kb(path, kb)
    return import_petrarch(path, kb)


def load_user_kb(path: str | Path, kb: KnowledgeBase | None = None) -> KnowledgeBase:
    """A copy of ``kb`` (default: the built-in KB) extended with a YAML or CSV actor file."""
    path = Path(path)
    base = (kb or load_kb()).copy()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KBFormatError(path, None, f"cannot read the file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise KBFormatError(path, None, "the file is not UTF-8 text") from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        _load_yaml(path, text, base)
    elif path.suffix.lower() in (".csv", ".tsv"):
        _load_csv(path, text, base, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    else:
        raise KBFormatError(path, None, "unknown file type: use .yaml/.yml or .csv/.tsv")
    return base


# ------------------------------------------------------------------ YAML
def _yaml_loader():
    import yaml

    class LineLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader, node, deep=False):
        mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    # dates stay strings: "2020-11-01" must not become datetime.date
    LineLoader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return LineLoader


def _load_yaml(path: Path, text: str, kb: KnowledgeBase) -> None:
    import yaml

    try:
        data = yaml.load(text, Loader=_yaml_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KBFormatError(path, mark.line + 1 if mark else None,
                            f"not valid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    if data is None:
        return
    if not isinstance(data, dict):
        raise KBFormatError(path, 1, "expected a mapping with people:, organizations: and/or metonyms:")
    unknown = set(data) - {"people", "organizations", "metonyms", "__line__"}
    if unknown:
        raise KBFormatError(path, data.get("__line__"), f"unknown section(s) {sorted(unknown)}; "
                                                        "expected people, organizations, metonyms")
    for entry in _list(path, data, "people"):
        line = entry.get("__line__")
        name = _text(path, line, entry, "name", required=True)
        roles = []
        raw_roles = entry.get("roles") or []
        if not isinstance(raw_roles, list):
            raise KBFormatError(path, line, f"{name}: roles must be a list")
        for r in raw_roles:
            if not isinstance(r, dict):
                raise KBFormatError(path, line, f"{name}: each role must be a mapping")
            roles.append(_role(path, r.get("__line__", line), kb, r))
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise KBFormatError(path, line, f"{name}: aliases must be a list of names")
        gender = _gender(path, line, entry.get("gender"))
        qid = _qid(path, line, entry.get("wikidata"))
        kb.add_person(Person(entry.get("id") or qid or _slug(name), name, qid, gender,
                             next((r.country for r in roles if r.country), None), list(aliases), roles))
    for entry in _list(path, data, "organizations"):
        kb.add_org(_org(path, entry.get("__line__"), kb, entry))
    for entry in _list(path, data, "metonyms"):
        line = entry.get("__line__")
        name = _text(path, line, entry, "name", required=True)
        country = _country(path, line, kb, entry.get("country"), required=True)
        sector = _sector(path, line, entry.get("sector") or "GOV")
        kb.metonyms.append(Metonym(name, country, sector, bool(entry.get("capital"))))
        kb.add_name(name, f"M:{len(kb.metonyms) - 1}")


def _list(path: Path, data: dict, key: str) -> list[dict]:
    items = data.get(key) or []
    if not isinstance(items, list):
        raise KBFormatError(path, data.get("__line__"), f"{key}: expected a list")
    for item in items:
        if not isinstance(item, dict):
            raise KBFormatError(path, data.get("__line__"), f"{key}: each entry must be a mapping, got {item!r}")
    return items


# ------------------------------------------------------------------ CSV
def _load_csv(path: Path, text: str, kb: KnowledgeBase, delimiter: str = ",") -> None:
    rows = csv.reader(text.splitlines(), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(rows)]
    except StopIteration:
        return
    allowed = {"name", "kind", "aliases", "country", "sector", "code", "position", "role", "start", "end",
               "wikidata", "gender", "id"}
    if "name" not in header:
        raise KBFormatError(path, 1, "the header has no 'name' column")
    bad = [h for h in header if h not in allowed]
    if bad:
        raise KBFormatError(path, 1, f"unknown column(s) {bad}; allowed: {sorted(allowed)}")
    for line, values in enumerate(rows, start=2):
        if not values or all(not v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise KBFormatError(path, line, f"{len(values)} fields, the header has {len(header)}")
        row = {h: v.strip() for h, v in zip(header, values)}
        kind = (row.get("kind") or "person").lower()
        if kind not in KINDS:
            raise KBFormatError(path, line, f"kind {row.get('kind')!r} is not one of {sorted(KINDS)}")
        if not row["name"]:
            raise KBFormatError(path, line, "empty name")
        aliases = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        if kind == "person":
            roles = []
            if row.get("position") or row.get("country") or row.get("sector") or row.get("role"):
                roles.append(_role(path, line, kb, row))
            qid = _qid(path, line, row.get("wikidata"))
            kb.add_person(Person(row.get("id") or qid or _slug(row["name"]), row["name"], qid,
                                 _gender(path, line, row.get("gender")),
                                 roles[0].country if roles else None, aliases, roles))
        else:
            kb.add_org(_org(path, line, kb, {**row, "aliases": aliases, "kind": kind}))


# ------------------------------------------------------------------ field checks
def _role(path: Path, line: int | None, kb: KnowledgeBase, r: dict) -> Role:
    country = _country(path, line, kb, r.get("country"))
    org = str(r["org"]) if r.get("org") else None
    sector = _sector(path, line, r.get("sector") or "GOV")
    start, end = _date(path, line, r.get("start")), _date(path, line, r.get("end"), end=True)
    if start and end and start > end:
        raise KBFormatError(path, line, f"role starts ({start}) after it ends ({end})")
    code = r.get("code") or None
    if code is not None and not CODE.match(str(code)):
        raise KBFormatError(path, line, f"code {code!r} is not a CAMEO-style code (3-letter blocks, e.g. RUSGOV)")
    position = str(r.get("position") or r.get("role") or (country or "") + " " + sector).strip()
    return Role(position, (str(r["role"]) if r.get("role") else None), country, org, sector, start, end, code)


def _org(path: Path, line: int | None, kb: KnowledgeBase, o: dict) -> Org:
    name = _text(path, line, o, "name", required=True)
    code = o.get("code") or None
    if code is not None and not CODE.match(str(code)):
        raise KBFormatError(path, line, f"code {code!r} is not a CAMEO-style code (3-letter blocks, e.g. IGOWSTNAT)")
    aliases = o.get("aliases") or []
    if not isinstance(aliases, list):
        raise KBFormatError(path, line, f"{name}: aliases must be a list")
    kind = o.get("kind") or "organization"
    if kind not in ("organization", "group"):
        raise KBFormatError(path, line, f"{name}: kind must be organization or group")
    country = _country(path, line, kb, o.get("country"))
    sector = _sector(path, line, o.get("sector")) if o.get("sector") else None
    return Org(str(o.get("id") or _slug(name)), name, code or code_for(country, sector), country, sector, kind,
               _qid(path, line, o.get("wikidata")), [str(a) for a in aliases])


def _text(path, line, entry, key, required=False) -> str:
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise KBFormatError(path, line, f"missing {key!r}")
        return ""
    if not isinstance(value, str):
        raise KBFormatError(path, line, f"{key!r} must be text, got {value!r}")
    return value.strip()


def _country(path, line, kb: KnowledgeBase, value, required=False) -> str | None:
    if not value:
        if required:
            raise KBFormatError(path, line, "missing 'country' (an ISO 3166 alpha-3 code such as UKR)")
        return None
    code = str(value).strip().upper()
    if code not in kb.countries:
        raise KBFormatError(path, line, f"country {value!r} is not an ISO 3166 alpha-3 code the KB knows")
    return code


def _sector(path, line, value) -> str:
    value = str(value).strip().upper()
    if not SECTOR.match(value):
        raise KBFormatError(path, line, f"sector {value!r} is not a three-letter CAMEO sector (GOV, MIL, ...)")
    return value


def _date(path, line, value, end=False) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    value = str(value).strip()
    if not DATE.match(value):
        raise KBFormatError(path, line, f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-28" if end else "-01")
    return value


def _gender(path, line, value) -> str | None:
    if not value:
        return None
    if value not in ("male", "female"):
        raise KBFormatError(path, line, f"gender {value!r} is not male or female")
    return value


def _qid(path, line, value) -> str | None:
    if not value:
        return None
    if not re.match(r"^Q\d+$", str(value)):
        raise KBFormatError(path, line, f"wikidata {value!r} is not a QID like Q7747")
    return str(value)


def _slug(name: str) -> str:
    return "user:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# ------------------------------------------------------------------ PETRARCH
def import_petrarch(path: str | Path, kb: KnowledgeBase | None = None) -> KnowledgeBase:
    """A copy of ``kb`` extended with a PETRARCH/TABARI/Phoenix actor or agents dictionary,
    read unchanged as PETRARCH2 reads it (``whodid.knowledge.petrarch_actors``; an agents
    dictionary, told by its ``[~CODE]`` codes, goes to ``whodid.knowledge.agents``).

    The user's entries take precedence: a phrase the file gives replaces what the
    built-in knowledge base had under that name (a country's name coded otherwise, a
    person the file codes its own way), and a phrase coded ``[---]`` stops the name from
    being an actor at all. Names match case-insensitively (the dictionaries are upper
    case). What PETRARCH would skip with a warning is skipped and kept in
    ``kb.import_warnings``; what it cannot read raises ``KBFormatError``.
    """
    path = Path(path)
    base = (kb or load_kb()).copy()
    try:
        text = pa.read_text(path)
    except pa.DictionaryError as exc:
        raise KBFormatError(exc.path, exc.line, exc.problem) from exc
    if _is_agents(text):
        agents = AgentNouns()
        users = parse_agents(text)
        for key, sector in users.nouns.items():
            agents.add(key, sector, users.code(key))
        for key, sector in base.agents.nouns.items():  # the user's first: add() keeps the first
            agents.add(key, sector, base.agents.code(key))
        base.agents = agents
        return base
    try:
        d = pa.parse(text, str(path))
    except pa.DictionaryError as exc:
        raise KBFormatError(exc.path, exc.line, exc.problem) from exc
    base.import_warnings = [*getattr(base, "import_warnings", []), *d.warnings]
    countries = frozenset(base.countries)
    lower_keys: dict[str, list[str]] = {}
    for key in base.names:
        lower_keys.setdefault(key.lower(), []).append(key)
    claimed: set[str] = set()  # keys this file has taken over (later entries add beside earlier ones)
    for e in d.entries:
        kind = pa.classify(e, countries)
        forms = [pa.display(x) for x in [e.name, *e.aliases]]
        same = None
        if kind == "country":
            iso = next(pa.primary(c.code) for c in e.codes if not c.dated and pa.primary(c.code) in countries)
            same = {f"C:{iso}", f"A:{iso}", f"D:{iso}"}
        for form in forms:
            key = " ".join(tokenize(form)).lower()
            if same and all(set(base.names.get(k, ())) <= same for k in lower_keys.get(key, [])) \
                    and lower_keys.get(key):
                continue  # the built-in knowledge base already knows this name of that country
            if key and key not in claimed:
                claimed.add(key)
                _release(base, key, lower_keys)
        if kind == "null":
            continue
        _pet_add(base, e, kind, forms, countries)
    return base


def _is_agents(text: str) -> bool:
    """An agents dictionary: its codes start with ~ (``SOLDIER [~MIL]``); actor codes do not."""
    codes = re.findall(r"\[\s*(~?)[A-Z0-9-]", text[:200_000])
    return bool(codes) and sum(1 for c in codes if c) > len(codes) / 2


def _release(kb: KnowledgeBase, key: str, lower_keys: dict[str, list[str]]) -> None:
    """The built-in entries under ``key`` (any case) give way to the user's: the name no
    longer refers to them, and a person it named no longer answers to that surname."""
    dropped: list[str] = []
    for k in lower_keys.get(key, []):
        dropped += kb.names.pop(k, [])
    dropped += kb.names_ci.pop(key, [])
    people = {int(r[2:]) for r in dropped if r.startswith("P:")}
    if people:
        last = key.rsplit(" ", 1)[-1]
        for s in (last, last.capitalize(), last.upper()):
            if s in kb.surnames:
                kb.surnames[s] = [i for i in kb.surnames[s] if i not in people]


def _pet_add(kb: KnowledgeBase, e: pa.Entry, kind: str, forms: list[str], countries: frozenset[str]) -> None:
    codes = [c for c in e.codes if c.code != pa.NULL_CODE]
    name, aliases = forms[0], forms[1:]
    if kind == "country":
        iso = next(pa.primary(c.code) for c in codes if not c.dated and pa.primary(c.code) in countries)
        for n in forms:
            kb.add_name(n, f"C:{iso}", ignore_case=True)
        return
    if kind == "org":
        default = next((c for c in codes if not c.dated), codes[-1])
        code = pa.primary(default.code)
        country, sector = pa.code_parts(code, countries)
        kb.add_org(Org("petrarch:" + code + ":" + _slug(name)[5:], name, code, country, sector, "organization",
                       None, aliases), ignore_case=True)
        return
    roles = []
    for c in codes:
        code = pa.primary(c.code)
        country, sector = pa.code_parts(code, countries)
        roles.append(Role(code, None, country, None, sector or code[:3], c.start, c.end, code))
    main = next((r.country for r in roles if r.country), None)
    kb.add_person(Person("petrarch:" + _slug(name)[5:], name, None, None, main, aliases, roles), ignore_case=True)
