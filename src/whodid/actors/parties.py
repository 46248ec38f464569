"""Political parties in one article: one actor per party, governing or in opposition at the
article's date as the text tells it, and the people and groups the text ties to a party.

The sources whodid ships know offices, not party membership; the curated ``party_members``
table adds the party of a few officeholders (UK prime ministers, deputies, Leaders of the
Opposition), whose dated offices then tell a party's standing at the date. Otherwise it is
read from the article (``whodid.knowledge.parties`` holds the words):

- the party governs when the text says so ("the ruling BJP", "the Labour government",
  "the Labour-led coalition") or when a person the text ties to it holds an office of
  state at the date ("Labour leader Tony Blair", prime minister in 2005);
- it is in opposition when the text says so ("opposition Congress"), when its leader holds
  no office of state at the date ("Conservative leader Michael Howard" in 2005), or when
  another party of the same country governs and nothing says this one does too.

A party is then coded GOV or OPP (no sector when nothing tells); a person the text names
with a party title ("Lib Dem leader Charles Kennedy", "Tory co-chairman Liam Fox",
"Labour MP Roger Godsiff") who holds no office the knowledge base knows at the date takes
the party's standing: OPP in opposition; LEG for a governing party's MPs (its backbench),
GOV for its other office holders. Both are marked ``inferred`` (``"sector"``) and the
evidence is kept in the actor's ``role``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whodid.actors.records import ActorInfo
from whodid.knowledge.kb import code_for
from whodid.knowledge.offices import OPPOSITION_WORDS
from whodid.knowledge.parties import (GOVERNING_AFTER, GOVERNING_BEFORE, LEGISLATOR_ROLES, OPPOSITION_BEFORE,
                                      PARLIAMENTARY_GROUP, PARTY_ROLES, PORTFOLIO_NOUNS, party_key)
from whodid.nlp.vocab import POSSESSIVE_MARKS

if TYPE_CHECKING:
    from whodid.actors.resolve import Resolver, _State

MAX_ROLE_MODIFIERS = 3  # "Lib Dems' home affairs spokesman": words between the party and its role
NOT_THIS_ONE = {"next", "future", "third", "fourth", "fifth", "new", "possible", "potential"}  # a government to come
# ranks and forms of address that may stand between a party title and its holder's name
ADDRESS_WORDS = {"lord", "lady", "sir", "dame", "baroness", "baron", "mr", "mrs", "ms", "miss", "dr"}


@dataclass
class _Party:
    key: str
    name: str
    country: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the party itself is named
    governs: list[str] = field(default_factory=list)  # evidence
    opposes: list[str] = field(default_factory=list)
    members: list[tuple[str, str, int, int]] = field(default_factory=list)  # (actor id, role words, start, end)
    groups: list[tuple[int, int, str]] = field(default_factory=list)  # ("Labour MPs": start, end, role)


def resolve_parties(resolver: Resolver, st: _State) -> None:
    """Find the parties the text names and code them and their people (see the module doc)."""
    doc = st.doc
    home = st.article_country()
    parties: dict[tuple[str | None, str], _Party] = {}
    i = 0
    n = len(doc)
    while i < n:
        found = _party_at(st, i)
        if found is None:
            i += 1
            continue
        a, b, key = found
        country = _country_of(st, a, b) or _party_home(st, key, home) or home
        party = parties.setdefault((country, key), _Party(key, doc[a:b].text, country))
        if doc[a].lower_ in PARLIAMENTARY_GROUP:
            # "the Parliamentary Labour Party": the party's MPs (LEG when it governs, else OPP)
            party.groups.append((a, b, "mps"))
            i = b
            continue
        if len(doc[a:b].text) > len(party.name) and not doc[a:b].text.lower().startswith("the "):
            party.name = doc[a:b].text
        before = doc[a - 1].lower_ if a > 0 else ""
        if before in GOVERNING_BEFORE:
            party.governs.append(f"“{before} {doc[a:b].text}”")
        elif before in OPPOSITION_BEFORE:
            party.opposes.append(f"“{before} {doc[a:b].text}”")
        after = doc[b].lower_ if b < n else ""
        # "the Labour government", "Labour's government", "the Labour-led coalition"; not "a Tory
        # government" (one that may come)
        k = a - 1
        while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].lower_ not in NOT_THIS_ONE:
            k -= 1  # "the successful Labour government"; not "the next Labour government"
        definite = (k >= 0 and doc[k].lower_ in ("the", "this")) or (b < n and doc[b].text in POSSESSIVE_MARKS)
        if (after in GOVERNING_AFTER and definite) or (after == "-" and b + 1 < n and doc[b + 1].lower_ == "led"):
            party.governs.append(f"“{doc[max(0, a - 1):min(n, b + 2)].text}”")
        # "since Labour came to power": in power from then to the article's date
        if before == "since" and b + 2 < n and doc[b].lemma_ == "come" and doc[b + 1].lower_ == "to" \
                and doc[b + 2].lower_ in ("power", "office"):
            party.governs.append(f"“{doc[a - 1:b + 3].text}”")
        role = _role_after(st, b)
        if role is None and b + 1 < n and doc[b].text in POSSESSIVE_MARKS:
            named = st.at(b + 1)
            if named is not None and named.start == b + 1 and st.res.actors[named.actor].kind == "person":
                role = (b, b + 1, "member")  # "Labour's Yvette Cooper": one of the party's people
        if role is None:
            party.spans.append((a, b))
            i = b
            continue
        r_start, r_end, words = role
        if any(t.lower_ == "shadow" for t in doc[b:r_end]):
            party.opposes.append(f"“{doc[a:r_end].text}”: a shadow post is the opposition's")
        elif words.split()[-1] in ("minister", "ministers") and not any(
                t.lower_ in ("former", "ex", "then") for t in doc[max(0, a - 2):r_end]):
            party.governs.append(f"“{doc[a:r_end].text}”: a party with ministers governs")
        # the person the title is of: named right after it, or already holding the title in its
        # mention ("leader Charles Kennedy", extended by the walk)
        # ("Labour peer Lord Haskins", "Tory MP Sir Peter Tapsell": a rank or a form of address
        # may stand between the title and the name)
        named_at = r_end
        while named_at < n and named_at - r_end < 2 and doc[named_at].lower_.rstrip(".") in ADDRESS_WORDS:
            named_at += 1
        person = st.at(named_at) or st.at(r_end) or st.at(r_end - 1)
        if not (person is not None and st.res.actors[person.actor].kind == "person" and a <= person.start <= named_at):
            person = _apposed_person(st, a, words)
        if person is not None and st.res.actors[person.actor].kind == "person" and (
                a <= person.start <= named_at or person.end < a):
            party.members.append((person.actor, words, a, r_end))
            _drop_inside(st, a, r_end)
            _evidence_from_member(resolver, st, party, person.actor, words, doc[a:r_end].text)
            i = max(person.end, r_end)  # (an apposed name ends before the title)
            continue
        if words.split()[-1].endswith("s") or words in ("association",):
            party.groups.append((a, r_end, words))
            i = r_end
        else:
            party.spans.append((a, b))  # "the Lib Dems' Treasury spokesman": the party is named
            earlier = _described_person(st, a, r_end)
            if earlier is not None:
                party.members.append((earlier, words, a, r_end))
                _evidence_from_member(resolver, st, party, earlier, words, doc[a:r_end].text)
            i = b
    if not parties:
        return
    _party_leaders(resolver, st, parties)
    _offices_at_date(resolver, st, parties)
    _decide(parties)
    for party in parties.values():
        _apply(st, party)
    _the_party(st, parties)
    if home is None and any(country for country, _ in parties):
        st.recount_home()  # the parties' country now counts for the article's


def _bare_the_party(st: _State) -> Iterator[int]:
    """The positions of "party" in each "the party" nothing covers yet and no "of" follows (not
    "the party of Lenin": a name)."""
    doc = st.doc
    for k in range(1, len(doc)):
        if doc[k].lower_ == "party" and doc[k - 1].lower_ == "the" and not st.covered(k - 1, k + 1) \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in doc[k].children):
            yield k


def _the_party(st: _State, parties: dict[tuple[str | None, str], _Party]) -> None:
    """"Mr Blair derided Tory claims ... saying the party had got its sums wrong": "the party"
    that nothing else resolved is the party the text named last before it."""
    # where each party is named: by its name, or by the title of one of its people or groups
    # ("party leader Michael Howard": the Tories, though "Labour's record" came in between)
    named = sorted([(a, id(p), p) for p in parties.values() for a, _b in p.spans]
                   + [(m[2], id(p), p) for p in parties.values() for m in p.members]
                   + [(g[0], id(p), p) for p in parties.values() for g in p.groups], key=lambda x: x[0])
    for k in _bare_the_party(st):
        before = [p for a, _, p in named if a < k - 1]
        if not before:
            continue
        party = before[-1]  # (one named only by its people's titles has no actor: nothing said)
        actor = st.res.actors.get(f"party:{party.country or ''}:{party.key.replace(' ', '-')}")
        if actor is not None:
            st.add(actor, k - 1, k + 1, "nominal", 0.6)


PARTY_SECTORS = frozenset({"OPP", "PTY"})
PARTY_WINDOW = 2  # sentences before the one with "the party"


def party_organisation(st: _State) -> None:
    """"The Popular Union (UP) opposition party ... The party had asked permission": "the
    party" that no party name the parties pass knows resolved is the party-like actor (an
    opposition or party organisation or group, or a party the pass coded) the text named in
    that sentence or the two before, when all such actors there have one code; otherwise it
    stays unresolved (no guess between two parties). Run once the actors' countries are
    decided (after the context pass)."""
    sents = st.sentences()
    for k in _bare_the_party(st):
        here = next((n for n, x in enumerate(sents) if x.start <= k < x.end), 0)
        lo = sents[max(0, here - PARTY_WINDOW)].start
        found = [f for f in st.res.found if lo <= f.start < k - 1 and f.how != "pronoun"
                 and _party_like(st.res.actors[f.actor])]
        codes = {st.res.actors[f.actor].code for f in found}
        if found and len(codes) == 1 and None not in codes:
            # the party, not one of its organs named after it ("the PTI Core Committee")
            actor = st.res.actors[found[-1].actor]
            first = actor.name.split(" ")[0]
            whole = st.res.actors.get(st.org_aliases.get(first) or "org:" + first.lower()) \
                if " " in actor.name and first.isupper() else None
            st.add(whole if whole is not None and whole.code == actor.code else actor, k - 1, k + 1, "nominal", 0.5)


def _party_like(actor: ActorInfo) -> bool:
    return actor.kind in ("organization", "group") and (
        actor.id.startswith("party:") or (actor.sector in PARTY_SECTORS and bool(actor.country)))


def _apposed_person(st: _State, a: int, words: str):
    """"Liam Fox, Tory co-chairman, said ...": a party title in apposition after a person's
    name (the mention of the name), not a group's title ("Labour MPs")."""
    doc = st.doc
    first = a - (a > 0 and doc[a - 1].lower_ == "the")
    if words.split()[-1].endswith("s") or first < 2 or doc[first - 1].text != ",":
        return None
    f = st.at(first - 2)
    if f is None or f.end != first - 1 or f.how not in ("name", "surname") \
            or st.res.actors[f.actor].kind != "person":
        return None
    return f


def _described_person(st: _State, a: int, end: int) -> str | None:
    """"Vincent Cable says ... The Lib Dems' Treasury spokesman is unveiling a policy": a party
    title opening a sentence as its subject, with no name, describes the person the sentence
    named last in the sentence before, when nothing gives that person a post yet (its id)."""
    doc = st.doc
    first = a - (a > 0 and doc[a - 1].lower_ == "the")
    head = doc[end - 1]
    if first != doc[a].sent.start or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = doc[a].sent
    sents = st.sentences()
    k = next(n for n, x in enumerate(sents) if x.start == sent.start)
    window = sents[max(0, k - 1)].start  # the sentence before
    before = [f for f in st.res.found if window <= f.start < sent.start and f.how in ("name", "surname")
              and st.res.actors[f.actor].kind == "person"]
    if not before:
        return None
    actor = st.res.actors[before[-1].actor]
    return None if actor.office or actor.role else actor.id  # not one the text or the KB gives a post


def _party_at(st: _State, i: int) -> tuple[int, int, str] | None:
    """The longest party name starting at token ``i`` among capitalised words: (start, end, key)."""
    doc, texts = st.doc, st.texts  # (the State's words: no Token made for each word of the article)
    if not texts[i][:1].isupper():
        return None
    j = i
    while j < len(doc) and j - i < 6 and texts[j][:1].isupper() and not doc[j].is_punct:
        j += 1
    start = i + (st.lowers[i] == "the")
    for end in range(j, start, -1):
        key = party_key(texts[start:end])
        if key is not None and end < len(doc) and doc[end].lower_ in PORTFOLIO_NOUNS.get(key, ()):
            return None  # "Labour Minister Suchart Chomklin": a ministry's field, not a party
        if key is not None:
            if end < len(doc) and doc[end].text[:1].isupper() and doc[end].ent_type_ == "ORG" \
                    and doc[end].ent_iob_ == "I":
                return None  # a party word inside an organisation's name ("Labour Research Department")
            return start, end, key
    return None


def _role_after(st: _State, b: int) -> tuple[int, int, str] | None:
    """A party role after a party's name ("leader", "home affairs spokesman", "MPs"): its span
    and words, within a few modifier words, the possessive mark skipped."""
    doc = st.doc
    k = b
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3  # "Bharatiya Janata Party (BJP) vice-president": its acronym in brackets
    if k < len(doc) and doc[k].text in POSSESSIVE_MARKS:
        k += 1
    best = None
    m = k
    while m < min(len(doc), k + MAX_ROLE_MODIFIERS + 2):
        hit = next(((m, m + w, " ".join(t.lower_ for t in doc[m:m + w])) for w in (2, 1)
                    if m + w <= len(doc) and " ".join(t.lower_ for t in doc[m:m + w]) in PARTY_ROLES), None)
        if hit is not None:
            best = hit  # the last of a run ("association chairman": the chairman)
            m = hit[1]
            continue
        t = doc[m]
        f = st.at(m)
        if f is not None and st.res.actors[f.actor].kind == "person":
            # the person the title is of; the walk may have taken the title into his mention
            # ("vice-president Bernard Marak")
            inside = [w for w in range(m, f.end) if doc[w].lower_ in PARTY_ROLES and doc[w].pos_ != "PROPN"]
            if best is None and inside:
                best = (inside[-1], inside[-1] + 1, doc[inside[-1]].lower_)
            break
        # "shadow" is a title word however the parse tags it ("Tory shadow local government
        # secretary": a verb)
        if best is not None or (t.is_punct and t.text != "-") or (
                t.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM")
                and t.lower_ not in OPPOSITION_WORDS):
            break
        m += 1
    return best


def _party_leaders(resolver: Resolver, st: _State, parties: dict[tuple[str | None, str], _Party]) -> None:
    """"Tory co-chairman Liam Fox opened the forum with an attack on Labour's record, and party
    leader Michael Howard is due to speak": "party leader" with no party's name leads the party
    whose person the text named last before it."""
    doc = st.doc
    # the parties whose people the text names ("Tory co-chairman Liam Fox"), not a party merely
    # named ("an attack on Labour's record")
    spans = sorted(((m[2], p) for p in parties.values() for m in p.members), key=lambda x: x[0])
    for k in range(len(doc) - 2):
        if doc[k].lower_ != "party" or doc[k + 1].lower_ != "leader" or (k > 0 and doc[k - 1].text[:1].isupper()):
            continue
        f = st.at(k + 2) or st.at(k + 1)
        if f is None or st.res.actors[f.actor].kind != "person" or f.start > k + 2:
            continue
        before = [p for a, p in spans if a < k]
        if not before:
            continue
        party = before[-1]
        party.members.append((f.actor, "leader", k, k + 2))
        _evidence_from_member(resolver, st, party, f.actor, "leader", doc[k:k + 2].text)


def _country_of(st: _State, a: int, b: int) -> str | None:
    for k in range(a, b):
        f = st.at(k)
        if f is not None:
            actor = st.res.actors[f.actor]
            if actor.kind == "country" or (actor.country and actor.kind != "person"):
                return actor.country
    return None


def _party_home(st: _State, key: str, home: str | None) -> str | None:
    """The country a party of this name belongs to when the article's own country has none
    the knowledge base knows: the one country the text also names whose known parties include
    it ("Conservative shadow foreign secretary Michael Ancram" in a story about China that
    names Britain too is a British Tory, not a Chinese one)."""
    members = st.kb.party_members
    if home is not None and key in members.get(home, {}):
        return None
    named = {actor.country for actor in st.res.actors.values() if actor.country}
    found = [c for c in sorted(named) if key in members.get(c, {})]
    if not found and home is None:
        # a story that never says where it is ("Labour" and "the Lib Dems" in a BBC story that
        # names no country): the one country whose parties the knowledge base knows by that name
        found = [c for c in sorted(members) if key in members[c]]
    return found[0] if len(found) == 1 else None


def _drop_inside(st: _State, a: int, b: int) -> set[str]:
    """Mentions inside a party title ("Lib Dem" taken for a person) are not actors of their own;
    the ids of the actors dropped."""
    dropped = set()
    for k in range(a, b):
        f = st.at(k)
        if f is not None and f.start >= a and f.end <= b:
            st.drop(f)
            dropped.add(f.actor)
    return dropped


def _evidence_from_member(resolver: Resolver, st: _State, party: _Party, aid: str, words: str, title: str) -> None:
    """A party's person who holds an office of state at the date makes it a governing party;
    its leader with none, an opposition party."""
    kb = resolver.kb
    i = kb.person_by_id.get(aid)
    person = kb.people[i] if i is not None else None
    role = person.role_at(st.date) if person is not None and st.date else None
    actor = st.res.actors[aid]
    if role is not None and role.sector == "GOV" and (role.country or person.country) == party.country:
        party.governs.append(f"“{title} {actor.name}” holds an office of state at the date ({role.position})")
    elif st.date and role is None and words.split()[-1] == "leader" and not actor.office:
        # the knowledge base has the heads of government of every country: a party leader who
        # is none of them at the date leads a party out of government
        party.opposes.append(f"its leader {actor.name} holds no office of state at the date")


def _offices_at_date(resolver: Resolver, st: _State, parties: dict[tuple[str | None, str], _Party]) -> None:
    """What the knowledge base knows of a party's people at the article's date, though the
    text names none of them: a party one of whose members holds an office of state then
    governs (Labour in 2005, Tony Blair prime minister), one whose member holds an office of
    the opposition is in opposition (the Conservatives, Michael Howard Leader of the
    Opposition), and, where some party is known to govern, the others do not."""
    if not st.date:
        return
    for country in {c for c, _ in parties if c}:
        held = resolver.kb.party_offices(country, st.date)
        if not held:
            continue
        # the party's most senior officeholder is its evidence (the prime minister first)
        governing = {k: max((x for x in v if x[1].sector == "GOV"), key=lambda x: x[1].weight) for k, v in held.items()
                     if any(r.sector == "GOV" for _, r in v)}
        for (c, key), p in parties.items():
            if c != country:
                continue
            if key in governing:
                person, role = governing[key]
                p.governs.append(f"its member {person.name} holds an office of state at the date ({role.position})")
                continue
            person, role = next(((x, r) for x, r in held.get(key, []) if r.sector == "OPP"), (None, None))
            if person is not None:
                p.opposes.append(f"its member {person.name} is {role.position} at the date")
            elif governing:
                names = ", ".join(f"{governing[k][0].name}'s party" for k in sorted(governing))
                p.opposes.append(f"{names} governs at the date")


def _decide(parties: dict[tuple[str | None, str], _Party]) -> None:
    """A party no evidence places is in opposition when another party of its country governs."""
    governing = {country for (country, _), p in parties.items() if p.governs and len(p.governs) >= len(p.opposes)}
    for (country, _), p in parties.items():
        if not p.governs and not p.opposes and country in governing:
            others = [q.name for (c, _), q in parties.items() if c == country and q.governs]
            p.opposes.append(f"{', '.join(others)} governs")


def _standing(p: _Party) -> str | None:
    if p.governs and len(p.governs) >= len(p.opposes):
        return "GOV"
    if p.opposes:
        return "OPP"
    return None


def _apply(st: _State, p: _Party) -> None:
    doc = st.doc
    standing = _standing(p)
    why = "; ".join(p.governs if standing == "GOV" else p.opposes)
    label = {"GOV": "governing party", "OPP": "opposition party"}.get(standing or "", "party")
    if p.spans:
        aid = f"party:{p.country or ''}:{p.key.replace(' ', '-')}"
        actor = st.res.actors.get(aid) or ActorInfo(aid, p.name, "organization", p.country, standing,
                                                     code_for(p.country, standing) if p.country else None)
        actor.role = f"{label} ({why})" if why else label
        if standing:
            actor.inferred = [*actor.inferred, "sector"]
        if p.country is None:
            st.pending_country.append((actor, None))
        replaced = set()
        for a, b in p.spans:
            if _kept(st, a, b):
                continue
            replaced |= _drop_inside(st, a, b)
            st.add(actor, a, b, "name", 0.6)
        # what referred to an actor the party's name replaced ("Democrats" ... "them", the
        # acronym "BJP" given in brackets) is the party; a country named inside it stays itself
        for f in st.res.found:
            if f.actor in replaced and st.res.actors[f.actor].kind != "country":
                f.actor = actor.id
    for aid, words, a, end in p.members:
        actor = st.res.actors[aid]
        if actor.office:
            continue  # an office of state at the date says more than a party title
        if not standing:
            title = (actor.role or "").replace("-", " ").split()
            # "Deputy Prime Minister and PPRP leader Prawit": a state office beside the party's
            also_state = a > 1 and doc[a - 1].lower_ == "and" and doc[a - 2].lower_ in st.kb.role_nouns
            if actor.sector == "GOV" and words not in LEGISLATOR_ROLES and title and title[-1] in PARTY_ROLES \
                    and title[-1] not in ("minister", "chancellor", "secretary") and not also_state:
                # "BJP vice-president Bernard Marak": the title is the party's, not the state's;
                # the party's standing untold, he is a party's man (CAMEO PTY)
                actor.sector = "PTY"
                actor.code = code_for(actor.country, "PTY") if actor.country else None
                actor.role = f"{doc[a:end].text} (a party office)"
            continue
        sector = standing if standing == "OPP" else ("LEG" if words in LEGISLATOR_ROLES else "GOV")
        actor.country = actor.country or p.country
        actor.sector = sector
        actor.code = code_for(actor.country, sector) if actor.country else None
        actor.role = f"{doc[a:end].text} ({label}: {why})"
        actor.inferred = [*actor.inferred, "sector"] if "sector" not in actor.inferred else actor.inferred
    for a, end, words in p.groups:
        if not standing or not p.country:
            continue
        sector = standing if standing == "OPP" else ("LEG" if words in LEGISLATOR_ROLES else "GOV")
        gid = f"party:{p.country}:{p.key.replace(' ', '-')}:{words.replace(' ', '-')}"
        group = st.res.actors.get(gid) or ActorInfo(gid, doc[a:end].text, "group", p.country, sector,
                                                     code_for(p.country, sector), f"{label} ({why})",
                                                     inferred=["sector"])
        _drop_inside(st, a, end)
        st.add(group, a, end, "nominal", 0.6)


def _kept(st: _State, a: int, b: int) -> bool:
    """A knowledge-base organisation with a code already named there is kept as it is."""
    for k in range(a, b):
        f = st.at(k)
        if f is not None:
            actor = st.res.actors[f.actor]
            if not actor.id.startswith(("org:", "person:", "party:", "unnamed:")) and actor.kind == "organization" \
                    and actor.code and len(actor.code) > 3:
                return True
    return False
