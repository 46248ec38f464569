"""People coded by an office the text ties them to.

A person the knowledge base has no office for at the article's date (a union leader, a
bishop, an MP, a shadow minister, or a minister it does not list) is still what the text
says he is. Run last, when organisations and people have their countries, this pass reads
the words around each of the person's mentions that the parse attaches to the name:

- the noun phrase the name ends ("IHRC chairman Massoud Shadjareh", "current Lord Chancellor
  Lord Falconer"), an apposition either way ("Sir Digby Jones, CBI director general";
  "the president of the Assembly, Crispiano Adames") and an of-phrase ("Simon Hart of the
  Countryside Alliance");
- a shadow post or an office "opposition" qualifies is OPP;
- a religious title is the religion's code (CHR, CTH, MUS, JEW: the agents dictionary's
  and ``knowledge.offices.RELIGIOUS_TITLES``);
- an office in an organisation the text names ("chairman", "director", "head of") is the
  organisation's sector, and its country when the person has none;
- a legislator's title ("MP", "Speaker", "senator") is LEG;
- else an office of state the role nouns or the agents dictionary know ("minister of
  state", "Lord Chancellor") gives their sector.

An office held before ("former chairman") says nothing of now. The result is marked as
inferred (``"sector"``) and its evidence kept in the actor's ``role``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from whodid.knowledge.institutions import MEDIA_WORDS, body_sector
from whodid.knowledge.kb import code_for
from whodid.knowledge.offices import (BODY_PEOPLE, LEGISLATOR_TITLES, LEGISLATURE_WORDS, OPPOSITION_WORDS, ORG_OFFICE_NOUNS,
                                      PAST_WORDS, POLITICAL_PEOPLE, PRESIDING_OFFICES, RELIGIOUS_TITLES, STAFF_LINKS,
                                      STAFF_NOUNS, STATE_TITLES)
from whodid.nlp.extensions import positions_of

if TYPE_CHECKING:
    from whodid.actors.records import ActorInfo
    from whodid.actors.resolve import Resolver, _State

RELIGION_SECTORS = frozenset({"REL", "CHR", "CTH", "PRO", "ORT", "MUS", "SHI", "SUN", "JEW", "HIN", "BUD", "SIK"})
LINKS = ("of", "from", "at")  # "Simon Hart of the Countryside Alliance", "a lawyer from Liberty"
MAX_TITLE_TOKENS = 8
MAX_PHRASE_TOKENS = 12
# ranks that are part of a name's address, not offices ("Prince Charles", "Lord Falconer")
NOBLE_TITLES = frozenset({"prince", "princess", "king", "queen", "lord", "lady", "sir", "dame", "duke", "duchess",
                          "baron", "baroness", "earl", "count", "countess", "sheikh", "emir"})
SKIP = {"the", "a", "an", ",", "'s", "’s", "(", ")", "-", "and"}
MAX_FORMER_GAP = 4  # "former deputy foreign minister": the office within four words of "former"


def code_by_office(resolver: Resolver, st: _State) -> None:
    """Give a sector to the organisations and people with none: organisations by what their
    acronym stands for, people by the offices the text ties them to."""
    doc = st.doc
    _short_names(st)
    _unplaced_acronyms(st)
    _acronyms(resolver, st)
    _foreign_namesakes(resolver, st)
    _bodies_named_as_people(st)
    _people_named_as_bodies(resolver, st)
    _opposition_groups(st)
    _people_of_bodies(resolver, st)
    _qualified_groups(resolver, st)
    _described_organisations(resolver, st)
    for f in sorted(st.res.found, key=lambda f: f.start):
        actor = st.res.actors.get(f.actor)
        if actor is None or actor.kind != "person":
            continue
        if actor.sector in ("GOV", "ELI") and _opposition_title(resolver, st, f):
            continue  # "Kenyan opposition leader Raila Odinga": the text's title at the date wins
        # (an opposition party's title read by the parties pass is kept: "The Liberal Democrat
        # parliamentary chairman Matthew Taylor" is the opposition's, as the guidelines code it)
        if actor.sector != "LEG" and not (actor.sector == "OPP" and "sector" in actor.inferred) \
                and _legislature_title(resolver, st, f):
            continue  # "Parliament Speaker X": the text's title at the date wins over a dictionary's post
        if actor.office:
            continue
        if (not actor.sector or actor.sector == "ELI") and _staff_of(st, f, actor):
            continue
        # a former officeholder (ELI by the knowledge base's earlier post) is what the text
        # says he is now ("Former welfare minister Frank Field MP")
        # a sector a bare title gave ("PCS leader Mark Serwotka" taken for a party's leader)
        # yields to the organisation the text names the office in
        generic = bool(actor.sector) and actor.role in ORG_OFFICE_NOUNS
        if actor.sector and actor.sector != "ELI" and not generic:
            continue
        head = doc[f.start:f.end].root
        former = None
        for words, via_link in _chunks(resolver.kb, head, f.start, f.end):
            found = _office(resolver, st, words, actor, via_link)
            if found is None:
                former = former or _former_office(resolver.kb, st, words)
                continue
            if generic and "(an office in " not in found[2]:
                continue
            sector, country, evidence = found
            actor.country = actor.country or country
            _infer_sector(actor, sector, evidence)
            _international_office(st, words, actor)
            break
        else:
            if former is not None and actor.sector != "ELI":
                # "Former comptroller José Chen Barría", "the late president X": CAMEO's elites
                # (ELI) are former officeholders; the text's word beats a bare title's guess
                _infer_sector(actor, "ELI", former)
    _lead_office(resolver, st)
    _private_people(st)
    # a stacked agent code ("GOVHRI") stays in the code; the sector is its first one, as the
    # exports' single sector fields (PLOVER's, GDELT's Type1Code) read it
    for actor in st.res.actors.values():
        if actor.sector and len(actor.sector) > 3 and actor.sector.isalpha() and actor.sector.isupper():
            actor.sector = actor.sector[:3]


def _international_office(st: _State, words: list[Token], actor: ActorInfo) -> None:
    """An office in an intergovernmental organisation ("EU foreign policy coordinator
    Catherine Ashton") is coded as that organisation (IGOEUREEC), not as the holder's country
    with an IGO sector: CAMEO codes such officials by the organisation they serve."""
    if actor.sector != "IGO":
        return
    for t in words:
        g = st.at(t.i)
        org = st.res.actors.get(g.actor) if g is not None and g.actor != actor.id else None
        if org is not None and org.kind == "organization" and (org.code or "").startswith("IGO"):
            actor.country, actor.code = None, org.code
            return


def _staff_of(st: _State, f, actor: ActorInfo) -> bool:
    """"Myron Ebell, an adviser on climate change to President Bush", "Nabil Abu Rudeina, a
    spokesman for Palestinian president Mahmoud Abbas": a post held for a person the text
    names, in an apposition either way, makes its holder of that person's country and sector
    (a spokesman speaks for his principal; CAMEO codes him as the actor he speaks for)."""
    doc = st.doc
    head = doc[f.start:f.end].root
    nouns = [c for c in head.children if c.dep_ == "appos" and c.i >= f.end]
    if head.dep_ == "appos" and head.head.i < f.start:
        nouns.append(head.head)
    for noun in nouns:
        if noun.lower_ not in STAFF_NOUNS or noun.pos_ != "NOUN":
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in STAFF_LINKS:
                continue
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                g = st.at(obj.i)
                principal = st.res.actors.get(g.actor) if g is not None and g.actor != actor.id else None
                if principal is None or principal.kind != "person" or not principal.country \
                        or principal.sector in (None, "ELI", "CVL"):
                    continue
                actor.country = principal.country
                _infer_sector(actor, principal.sector,
                              f"{noun.text} {prep.text} {principal.name} (of the person he serves)")
                return True
    return False


def _place_country(resolver: Resolver, st: _State, t: Token) -> str | None:
    """The country a capitalised word names: a country, its adjective, or a place the
    gazetteer puts in one ("Scotland")."""
    g = st.at(t.i)
    if g is not None and st.res.actors[g.actor].kind == "country":
        return g.actor
    found = resolver.adjective_country(t.text) or next((r[2:] for r in resolver.kb.lookup(t.text) if r[:2] == "C:"), None)
    if found is None and t.ent_type_ in ("GPE", "LOC"):
        gaz = st.gazetteer()
        found = gaz.country_of_place(t.text) if gaz is not None else None
    return found if found in resolver.kb.countries else None


LEAD_SENTENCES = 3  # the lead and the two sentences after it


def _lead_office(resolver: Resolver, st: _State) -> None:
    """A news story's lead often names an office and the next sentences the person who holds
    it: "Scotland's justice minister has warned ... . Cathy Jamieson said ...", "..., a Home
    Office minister has said. ... Hazel Blears told ...". When the lead names no person and
    its subject is one office, the first person named in the next two sentences, if nothing
    else gives him a sector, holds that office."""
    doc, kb = st.doc, resolver.kb
    sents = list(doc.sents)[:LEAD_SENTENCES]
    if len(sents) < 2:
        return
    lead = sents[0]
    named = sorted((f for f in st.res.found if f.how == "name" and st.res.actors[f.actor].kind == "person"),
                   key=lambda f: f.start)
    if not named or named[0].start < lead.end or named[0].start >= sents[-1].end:
        return
    actor = st.res.actors[named[0].actor]
    if actor.sector or actor.office:
        return
    subjects = [t for t in lead if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.tag_ == "NN"
                and _person_office(kb, t.lower_)]
    if len(subjects) != 1:
        return
    words = _noun_phrase(subjects[0])
    found = _office(resolver, st, words, actor, False)
    if found is None:
        return
    sector, country, evidence = found
    # "Scotland's justice minister": the country the office's words name
    country = country or next((c for t in words if t.text[:1].isupper() for c in [_place_country(resolver, st, t)]
                               if c), None)
    actor.country = actor.country or country
    _infer_sector(actor, sector, f"{evidence}, in the lead")


PRIVATE_PERSON = "a private person: no source and no words of the text give an office (ICEWS's Citizen)"


def _private_people(st: _State) -> None:
    """A person no source knows, whom the text gives no office, title, party or body, is a
    private person: CAMEO's civilians (CVL), as ICEWS codes a named individual its
    dictionaries lack ("Citizen (Country)") and the news guidelines code "civilians as
    victims or protesters". Only people the text alone introduced (not a knowledge-base
    person between offices) and whose country is known; marked inferred."""
    for actor in st.res.actors.values():
        if actor.kind == "person" and actor.id.startswith("person:") and actor.country \
                and not actor.sector and not actor.role and not actor.office:
            _infer_sector(actor, "CVL", PRIVATE_PERSON)


def _infer_sector(actor, sector: str, role: str | None = None) -> None:
    """Give ``actor`` the sector the text's words imply (and its code, when it has a
    country), with the words as its role, marked inferred."""
    actor.sector = sector
    actor.code = code_for(actor.country, sector) if actor.country else None
    if role is not None:
        actor.role = role
    if "sector" not in actor.inferred:
        actor.inferred = [*actor.inferred, "sector"]


def _opposition_title(resolver: Resolver, st: _State, f) -> bool:
    """A person the knowledge base gives a government post at the date whom the text titles
    as the opposition's ("opposition leader Raila Odinga", "shadow chancellor X") is in
    opposition: a dictionary's open-ended role ("[KENGOV >080417]") is older news than the
    article's own words. Only the title the mention opens with counts, and not a former one."""
    doc = st.doc
    actor = st.res.actors[f.actor]
    words, _ = next(_chunks(resolver.kb, doc[f.start:f.end].root, f.start, f.end))
    lowers = [t.lower_ for t in words]
    if not lowers or any(w in PAST_WORDS for w in lowers) or not any(w in OPPOSITION_WORDS for w in lowers) \
            or not any(_is_office(resolver.kb, w) for w in lowers):
        return False
    actor.office = None
    _infer_sector(actor, "OPP", f"{' '.join(t.text for t in words)} (an opposition post)")
    return True


def _legislature_title(resolver: Resolver, st: _State, f) -> bool:
    """A person the text titles as a legislature's presiding officer ("Czech Senate President
    Milos Vystrcil", "Parliament Speaker X", "Speaker X") is the legislature's (LEG): the title
    the mention opens with, not a former one, naming the office and the legislature, takes
    precedence over a dictionary's post of another year and over the country of a namesake
    body ("Senate" alone is the United States'); a country word in the title gives his country."""
    doc = st.doc
    actor = st.res.actors[f.actor]
    words, _ = next(_chunks(resolver.kb, doc[f.start:f.end].root, f.start, f.end))
    # the title may be inside the mention ("Senate president Jaroslav Kubera"): up to the name
    name = set(actor.name.split())
    inside = []
    for t in doc[f.start:f.end]:
        if t.text in name:
            break
        inside.append(t)
    words = [t for t in words if t.i < f.start] + inside
    lowers = [t.lower_ for t in words]
    if not words or words[-1].lower_ not in PRESIDING_OFFICES \
            or any(w in PAST_WORDS or w in OPPOSITION_WORDS for w in lowers):
        return False
    presiding = [t for t in words if t.lower_ in PRESIDING_OFFICES]
    body = [t for t in words if t.i < presiding[-1].i and (t.lower_ in LEGISLATURE_WORDS or (
        t.text[:1].isupper() and body_sector([t.text]) == "LEG"))]
    alone = len(presiding) == 1 and presiding[0].text == "Speaker" and presiding[0].i == words[-1].i
    if not body and not alone:
        return False
    for t in body:
        g = st.at(t.i)
        if g is not None and g.actor != actor.id and st.res.actors[g.actor].sector not in (None, "LEG"):
            return False  # "General Assembly President": an IGO's, not a legislature's
    country = next((r[2:] for t in words if t.text[:1].isupper() for r in resolver.kb.lookup(t.text)
                    if r[:2] in ("C:", "A:")), None)
    actor.country = country or actor.country
    actor.office = None
    _infer_sector(actor, "LEG", f"{' '.join(t.text for t in words)} (a legislature's presiding officer)")
    return True


def _short_names(st: _State) -> None:
    """A one-word name in brackets right after an organisation's full name is that
    organisation's short name, whether or not it is its initials ("the Nicaraguan Institute
    of Telecommunications and Post Office (Telcor)": Telcor is the institute, and so are its
    later mentions). Only a name coded by nothing else."""
    doc = st.doc
    # the words standing alone in brackets (the parse may not have taken them for names)
    bracketed: dict[str, list[int]] = {}
    for s in range(2, len(doc) - 1):
        if doc[s - 1].text == "(" and doc[s + 1].text == ")":
            bracketed.setdefault(doc[s].text, []).append(s)
    if not bracketed:
        return
    for aid, actor in list(st.res.actors.items()):
        if actor.kind != "organization" or actor.sector or actor.name not in bracketed \
                or not actor.name[:1].isupper():
            continue
        mine = [f for f in st.res.found if f.actor == aid]
        for s in bracketed[actor.name]:
            full = st.at(s - 2)
            if full is None or full.end != s - 1 or full.actor == aid:
                continue
            named = st.res.actors[full.actor]
            if named.kind != "organization" or not named.sector:
                continue
            for g in mine:
                g.actor = named.id
            break


# armed groups act outside their country and are known by their initials there ("the PKK"
# in a story about Syria): their initials keep them
ARMED_ABROAD = frozenset({"REB", "INS", "MIL", "UAF", "SPY"})


def _unplaced_acronyms(st: _State) -> None:
    """A national body the knowledge base knows, named only by its initials in a story about
    another country that never names its own, is not that body: initials are shared across
    countries ("CBI" is Britain's Confederation of British Industry and India's Central Bureau
    of Investigation). Such a mention becomes an organisation of its own, of the story's
    country as a guess and of no sector, rather than another country's body."""
    home = st.article_country()
    if not home:
        return
    for aid, actor in list(st.res.actors.items()):
        if actor.kind != "organization" or not actor.country or actor.country == home \
                or aid.startswith(("org:", "party:")) or aid == actor.code or actor.sector in ARMED_ABROAD:
            continue
        mine = [f for f in st.res.found if f.actor == aid]
        texts = {st.doc[f.start:f.end].text.removeprefix("the ").removeprefix("The ") for f in mine}
        if not mine or not all(_is_initials(t) for t in texts):
            continue
        if any(other.country == actor.country for oid, other in st.res.actors.items() if oid != aid):
            continue  # the text names the body's country: it may well be that body
        name = sorted(texts)[0]
        # the story's country, as a guess, as for any organisation no source knows
        local = type(actor)(f"org:{name.lower()}", name, "organization", home, None, home, inferred=["country"])
        st.res.actors.setdefault(local.id, local)
        for f in mine:
            f.actor = local.id


def _is_initials(text: str) -> bool:
    """``text`` is a body's initials as news writes them: 2 to 6 capital letters ("CBI", "PCS")."""
    return text.isalpha() and text.isupper() and 2 <= len(text) <= 6


def _acronyms(resolver: Resolver, st: _State) -> None:
    """An organisation named by an acronym alone ("the NAO", "MAB") and coded by nothing is
    the organisation the article named in full before, whose initials it is ("the National
    Audit Office"); or, defined in brackets after words whose initials it is ("the Muslim
    Association of Britain (MAB)"), the kind of body those words name."""
    doc = st.doc
    for aid, actor in list(st.res.actors.items()):
        name = actor.name
        if actor.kind != "organization" or actor.sector or not (2 <= len(name) <= 6 and name.isalpha()
                                                                 and name.isupper()):
            continue
        mine = sorted((f for f in st.res.found if f.actor == aid), key=lambda f: f.start)
        if not mine:
            continue
        first = mine[0].start
        # the organisation named in full before
        full = _named_before(st, name, first, aid)
        if full is not None:
            for f in mine:
                f.actor = full.id
            continue
        # the words its bracketed definition follows
        for f in mine:
            s, e = f.start, f.end
            if not (s > 0 and e < len(doc) and doc[s - 1].text == "(" and doc[e].text == ")"):
                continue
            words = _expansion([t.text for t in doc[max(0, s - 12):s - 1]], name)
            if words is None:
                continue
            sector = _words_sector(resolver.kb, words)
            if sector is None:
                continue
            country = next((r[2:] for w in words for r in resolver.kb.lookup(w) if r[:2] == "C:"), None)
            actor.name = f"{' '.join(words)} ({name})"
            actor.country = actor.country or country
            _infer_sector(actor, sector)
            break


def _foreign_namesakes(resolver: Resolver, st: _State) -> None:
    """"the Czech Senate" is not the knowledge base's Senate (the United States'): a body of
    the state named with another country's adjective or name right before it is that
    country's body of that kind."""
    doc = st.doc
    for f in list(st.res.found):
        actor = st.res.actors[f.actor]
        if f not in st.res.found or actor.kind != "organization" or not actor.country or f.start == 0 or actor.id.startswith(("org:", "party:")):
            continue
        prev = doc[f.start - 1]
        if not prev.text[:1].isupper():
            continue
        iso = resolver.adjective_country(prev.text)
        if iso is None:
            other = st.at(prev.i)
            iso = other.actor if other is not None and st.res.actors[other.actor].kind == "country" else None
        if iso is None or iso == actor.country:
            continue
        sector = body_sector([t.text for t in doc[f.start:f.end]])
        if sector not in ("GOV", "LEG", "JUD", "MIL", "COP"):
            continue
        group = st.group_actor(iso, sector)
        st.res.actors.setdefault(group.id, group)
        f.actor = group.id
        f.start = prev.i
        st.reindex(f)


def _described_organisations(resolver: Resolver, st: _State) -> None:
    """An organisation coded by nothing is what the words the text describes it with say, by
    the agents dictionary: "the employers' organisation, the CBI" (BUS), "the farmers'
    union X" (AGR): a noun phrase in apposition or the words right before the name."""
    kb, doc = resolver.kb, st.doc
    for f in sorted(st.res.found, key=lambda f: f.start):
        actor = st.res.actors[f.actor]
        if actor.kind != "organization" or actor.sector or f.how != "name":
            continue
        head = doc[f.start:f.end].root
        chunks = [[t for t in next(_chunks(kb, head, f.start, f.end))[0] if t.i < f.start]]
        if head.dep_ == "appos" and head.head.i < f.start:
            chunks.append([t for t in head.head.subtree if t.i < head.left_edge.i])
        chunks += [list(c.subtree) for c in head.children if c.dep_ == "appos" and c.i >= f.end]
        if head.dep_ in ("compound", "nmod") and f.end <= head.head.i <= f.end + 5:
            # "The Popular Union (UP) opposition party": the noun the name modifies
            chunks.append([t for t in doc[f.end:head.head.i + 1] if not t.is_punct])
        # the same name written elsewhere, inside a mention of something else ("A spokesman
        # for Unison, Britain's biggest union"): its apposition describes it too
        size = f.end - f.start
        for k in positions_of(doc, doc[f.start].text, "orth"):
            if k != f.start and k <= len(doc) - size and doc[k:k + size].text == doc[f.start:f.end].text:
                other = doc[k:k + size].root
                chunks += [list(c.subtree) for c in other.children if c.dep_ == "appos" and c.i >= k + size]
                if other.dep_ in ("compound", "nmod") and k + size <= other.head.i <= k + size + 5:
                    chunks.append([t for t in doc[k + size:other.head.i + 1] if not t.is_punct])
        for words in chunks:
            lowers = [t.lower_ for t in words if t.lower_ not in ("'", "’")]
            if not lowers or any(w in PAST_WORDS for w in lowers):
                continue
            sector = None
            for n in range(min(4, len(lowers)), 0, -1):
                for a in range(len(lowers) - n + 1):
                    found = kb.agents.get(" ".join(lowers[a:a + n]))
                    if found and found not in ("CVL",):
                        sector = found
                        break
                if sector:
                    break
            if sector is None:
                sector = _kind_sector(resolver, st, words)
            if sector:
                _infer_sector(actor, sector, actor.role or " ".join(t.text for t in words if not t.is_punct))
                break


def _kind_sector(resolver: Resolver, st: _State, words: list[Token]) -> str | None:
    """The sector of the kind of body a description's head noun names, when the agents
    dictionary lacks it: "Unison, Britain's biggest union" (LAB), "X, a charity" (NGO); "his
    new party, Veritas" is a party, in opposition where the knowledge base knows another party
    governs the country at the date, else CAMEO's political party (PTY)."""
    nouns = [t for t in words if t.pos_ == "NOUN" and t.text.islower()]
    if not nouns:
        return None
    head = nouns[-1].lower_
    if head == "party":
        if any(t.lower_ in OPPOSITION_WORDS for t in words):
            return "OPP"  # "the X opposition party"
        home = st.article_country()
        if st.date and home and any(r.sector == "GOV" for held in resolver.kb.party_offices(home, st.date).values()
                                    for _, r in held):
            return "OPP"
        return "PTY"
    return body_sector([head])


def _people_of_bodies(resolver: Resolver, st: _State) -> None:
    """"Representatives from a number of Muslim organisations", "delegates of the MCB": a group
    named as the people of a body is that body's: the organisation the text names (its
    mention moves to it), or a group of the sector the body's noun names."""
    kb, doc = resolver.kb, st.doc
    for f in list(st.res.found):
        actor = st.res.actors.get(f.actor)
        if actor is None or f.how != "nominal" or actor.kind not in ("group", "organization"):
            continue
        head = doc[f.end - 1]
        if head.lower_ not in BODY_PEOPLE:
            continue
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            # "a number of Muslim organisations", "a range of groups": the body is the noun after
            while obj is not None and obj.lower_ in ("number", "range", "host", "handful", "dozen", "dozens", "couple"):
                obj = next((o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"), None)
            if obj is None:
                continue
            g = st.at(obj.i)
            body = st.res.actors.get(g.actor) if g is not None else None
            if body is not None and body.kind in ("organization", "group") and body.sector and body.id != actor.id:
                f.actor = body.id  # "delegates of the MCB": the MCB
                break
            if body is not None:
                break
            sector = kb.agents.get(obj.lower_) or body_sector([obj.lower_])
            noun = kb.role_nouns.get(obj.lower_)
            if sector is None and noun is not None and noun.kind == "group":
                sector = noun.sector
            if sector is None or sector == actor.sector or not actor.country:
                break
            group = st.group_actor(actor.country, sector)
            st.res.actors.setdefault(group.id, group)
            f.actor = group.id
            break


def _qualified_groups(resolver: Resolver, st: _State) -> None:
    """"Muslim groups", "business leaders", "student organisations": a group named by a noun
    that gives no sector is of the sector of the agent noun that qualifies it (the word right
    before, as an adjective or a noun modifier), or of the group that word names ("Muslim",
    already British Muslims)."""
    kb, doc = resolver.kb, st.doc
    for f in list(st.res.found):
        actor = st.res.actors.get(f.actor)
        if actor is None or f.how != "nominal" or actor.kind not in ("group", "organization") or actor.sector \
                or not actor.country or f.start == 0:
            continue
        mod = doc[f.start - 1]
        if mod.head.i != f.end - 1 or mod.dep_ not in ("amod", "compound", "nmod"):
            continue
        g = st.at(mod.i)
        other = st.res.actors.get(g.actor) if g is not None else None
        if other is not None:
            sector = other.sector if other.kind == "group" and other.country == actor.country else None
        else:
            sector = kb.agents.get(mod.lower_)
        if sector in (None, "CVL"):
            continue
        group = st.group_actor(actor.country, sector)
        st.res.actors.setdefault(group.id, group)
        f.actor = group.id
        f.start = mod.i
        st.reindex(f)


def _opposition_groups(st: _State) -> None:
    """"an opposition delegation", "opposition lawmakers": a group of the state's sectors
    (a delegation is GOV, lawmakers LEG) that "opposition" qualifies is the opposition's."""
    for f in st.res.found:
        actor = st.res.actors[f.actor]
        if f.how != "nominal" or actor.kind not in ("group", "organization") or actor.sector not in ("GOV", "LEG") \
                or not actor.country:
            continue
        words = st.lowers[max(0, f.start - 1):f.end]
        if "opposition" not in words or words[-1] == "opposition":
            continue
        group = st.group_actor(actor.country, "OPP")
        st.res.actors.setdefault(group.id, group)
        f.actor = group.id
        if not any(g.actor == actor.id and g.how != "pronoun" for g in st.res.found):
            for g in st.res.found:  # what referred to it ("its demands") refers to the opposition
                if g.actor == actor.id:
                    g.actor = group.id


def _bodies_named_as_people(st: _State) -> None:
    """A "person" the parse found whose name ends in the word of a body ("Lok Sabha",
    "Supreme Court") or of a broadcaster ("Catalunya Radio") is that body."""
    for actor in st.res.actors.values():
        if actor.kind != "person" or not actor.id.startswith("person:"):
            continue
        # the last word, or the last two where they name a body of their own ("Law Lords": a court)
        words = actor.name.split()
        sector = body_sector(words[-2:])
        if sector is None and len(words) > 1 and words[-1].lower() in MEDIA_WORDS:
            sector = "MED"  # "Catalunya Radio", "Czech Television": a broadcaster
        if sector is None:
            continue
        actor.kind = "organization"
        actor.sector = sector
        actor.code = code_for(actor.country, sector) if actor.country else None


def _people_named_as_bodies(resolver: Resolver, st: _State) -> None:
    """An "organisation" the parse found whose name is an office's title before a person's
    name ("Comptroller Gerado Solís", "Senator Ana Ruiz"), or whose name follows such a
    title and a given name ("Cardinal Cormac Murphy-O'Connor", of which the parse made an
    organisation of the surname), is that person, of the office's sector: the title is one
    of a person (the role nouns, the offices of state, a legislator's or a religious title),
    and what follows it is a name, not a body's words."""
    kb, doc = resolver.kb, st.doc
    for f in sorted(st.res.found, key=lambda f: f.start):
        # the parse's name left the title and a given name out ("Cardinal Cormac [Murphy-O'Connor]")
        actor = st.res.actors[f.actor]
        if actor.kind != "organization" or not actor.id.startswith("org:") or actor.sector or f.how != "name":
            continue
        k = f.start - 1
        while k >= max(0, f.start - 3) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and st.at(k) is None:
            sector = _title_sector(kb, doc[k].lower_) if k < f.start - 1 else None
            if sector is not None:
                actor.kind = "person"
                _infer_sector(actor, sector, f"{doc[k].text} (an office: {doc[k].lower_})")
                break
            k -= 1
    for actor in st.res.actors.values():
        if actor.kind != "organization" or not actor.id.startswith("org:") or actor.sector:
            continue
        words = actor.name.split()
        for n in range(min(3, len(words) - 1), 0, -1):
            title, rest = " ".join(words[:n]).lower(), words[n:]
            sector = _title_sector(kb, title)
            if sector is None:
                continue
            # a name: two or more capitalised words, none a body's, an agent's or an office's
            if len(rest) < 2 or not all(w[:1].isupper() for w in rest) or body_sector(rest) is not None \
                    or any(_is_title_word(kb, w.lower()) or kb.agents.get(w.lower()) for w in rest):
                break
            actor.kind = "person"
            _infer_sector(actor, sector, f"{' '.join(words[:n])} (an office: {title})")
            break


def _title_sector(kb, title: str) -> str | None:
    """The sector of an office a title before a person's name gives ("comptroller" GOV,
    "senator" LEG, "cardinal" CTH), or None (a rank in the name: "Lord", "Sir")."""
    if title in NOBLE_TITLES:
        return None
    noun = kb.role_nouns.get(title)
    if noun is not None and noun.kind == "person" and noun.title:
        return noun.sector
    if title in STATE_TITLES:
        return STATE_TITLES[title]
    if title in LEGISLATOR_TITLES:
        return "LEG"
    if title in RELIGIOUS_TITLES:
        return RELIGIOUS_TITLES[title]
    agent = kb.agents.get(title)
    return agent if agent in ("GOV", "LEG", "JUD", "MIL", "COP") else None


ACRONYM_SKIP = {"of", "and", "the", "for", "&", "de", "la", "on", "in"}


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in ACRONYM_SKIP and w[0].isalpha()).upper()


def _named_before(st: _State, acronym: str, before: int, not_this: str = "") -> ActorInfo | None:
    """The organisation with a sector named before token ``before`` whose acronym ``acronym``
    is, by its name or by the words its mention ends ("the Public and Commercial Services
    Union", of which the parse's name may keep only "Commercial Services Union")."""
    doc = st.doc
    for f in sorted(st.res.found, key=lambda f: f.start):
        if f.start >= before:
            break
        other = st.res.actors[f.actor]
        if other.kind not in ("organization", "group") or not other.sector or other.id == not_this:
            continue
        if acronym in _acronyms_of(other.name.split()):
            return other
        for k in range(max(doc[f.start].sent.start, f.start - 4), f.start):
            words = [t.text for t in doc[k:f.end]]
            if words[0][:1].isupper() and acronym in _acronyms_of(words):
                return other
    return None


def _acronyms_of(words: list[str]) -> set[str]:
    """The acronyms a name goes by: its initials, and without the kind of body it ends in
    ("the Public and Commercial Services Union": PCSU and PCS)."""
    out = {_initials(words)}
    if len(words) > 2 and body_sector(words[-1:]) is not None:
        out.add(_initials(words[:-1]))
    return out


def _expansion(before: list[str], acronym: str) -> list[str] | None:
    """The words just before a bracket whose initials spell ``acronym``, or None."""
    for k in range(len(before) - 1, -1, -1):
        words = before[k:]
        if not words[0][:1].isupper() or words[0].lower() in ACRONYM_SKIP:
            continue
        got = _initials(words)
        if got == acronym:
            return words
        if len(got) > len(acronym):
            return None
    return None


def _words_sector(kb, words: list[str]) -> str | None:
    """The sector an organisation's name gives: an agent noun it ends in, else the kind of body."""
    low = [w.lower() for w in words]
    for a in range(len(low)):
        for b in range(len(low), a, -1):
            found = kb.agents.get(" ".join(low[a:b]))
            if found and b == len(low):
                return found
    return body_sector(words)


def _chunks(kb, head: Token, start: int, end: int):
    """Groups of tokens that may name the person's office, nearest first, each with whether
    it is an of-phrase (the office is then the link itself: "X of ORG"). The person's own
    name is left out: a title the mention opens with is kept ("Comptroller Gerado Solís"),
    no word after the first word of the name ("Howard Dean" is no dean)."""
    doc = head.doc
    # the words before the name, as far as a title goes ("IHRC chairman Massoud Shadjareh",
    # "Minister of state for parliamentary affairs V Muraleedharan"): the parse often
    # misplaces such titles, so they are read in order
    left = start
    sent_start = head.sent.start
    bracketed = start - 3 >= sent_start and doc[start - 1].text == ")" and doc[start - 3].text == "(" \
        and doc[start - 2].text.isupper()
    if bracketed:
        left = start - 3  # "Chief Election Commissioner (CEC) Sikandar Sultan Raja": past the title's acronym
    edge = left
    while left > sent_start and edge - left < MAX_TITLE_TOKENS:
        t = doc[left - 1]
        if t.is_space or "\n" in t.text_with_ws:
            break  # a title does not run over a line break
        if t.text == ")" and left - 3 >= sent_start and doc[left - 3].text == "(" and doc[left - 2].text.isupper():
            left -= 3  # "Pakistan Tehreek-e-Insaf (PTI) Chairman Imran Khan": the body's acronym is in the title
            continue
        if t.pos_ in ("VERB", "AUX", "CCONJ", "DET", "PRON", "SCONJ", "NUM") or (
                t.is_punct and t.text not in ("-", ".", "&", "'s", "’s")) or (
                t.pos_ == "ADP" and t.lower_ not in ("of", "for")) or t.lower_ in ("'s", "’s"):
            break
        left -= 1
    if left < start and doc[start - 1].pos_ == "ADP":
        left = start  # "the delegates of Callejas": his delegates, not his title
    k = start
    while k < end and (_is_title_word(kb, doc[k].lower_) or any(r[0] in "ACO" for r in kb.lookup(doc[k].text))):
        k += 1
    yield [doc[j] for j in range(left, k) if not (bracketed and edge <= j < start)], False
    last = doc[end - 1] if doc[end - 1].text in ("MP", "MEP", "MSP", "MLA", "TD") else \
        doc[end] if end < len(doc) and doc[end].text in ("MP", "MEP", "MSP", "MLA", "TD") else None
    if last is not None:
        yield [last], False  # "Frank Field MP"
    for c in head.children:
        if c.dep_ == "appos" and c.i >= end:  # "Sir Digby Jones, CBI director general"
            yield _noun_phrase(c), False
    if head.dep_ == "appos" and head.head.i < start:
        h = head.head
        yield [t for t in _noun_phrase(h) if t.i < head.left_edge.i], False  # "the president of the Assembly, X"
        for c in h.children:
            # "the first lady and vice-president, Rosario Murillo": each title of a coordinated pair
            if c.dep_ in ("conj", "appos") and c.pos_ == "NOUN" and h.i < c.i < head.left_edge.i:
                yield [t for t in _noun_phrase(c) if t.i < head.left_edge.i], False
    elif start >= 3 and doc[start - 1].text == "," and end < len(doc) and doc[end].text == "," \
            and doc[sent_start].lower_ in ("the", "a", "an") and start - 1 - sent_start <= MAX_PHRASE_TOKENS:
        # "The UN Special Rapporteur on arbitrary executions, Christof Heyns, protested": a
        # sentence opening with a title set off before the name (the parse rarely makes it an
        # apposition)
        yield [doc[j] for j in range(sent_start, start - 1)], False
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in LINKS and c.i >= end:
            yield [o for p in c.children if p.dep_ == "pobj" for o in p.subtree], True
    for rel in head.children:
        # "Letu Hamhola, who is also a chief sports officer in the Ministry of Sport": what a
        # relative clause with "be" says he is now, as the apposition would ("who was": a past post)
        if rel.dep_ == "relcl" and rel.lemma_ == "be" and rel.tag_ in ("VBZ", "VBP") and rel.i >= end \
                and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in rel.children):
            for attr in (c for c in rel.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
                yield (_noun_phrase(attr) + [t for p in attr.children if p.dep_ == "prep" and p.lower_ == "in"
                                             for t in p.subtree])[:MAX_PHRASE_TOKENS], False
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == "be":
        # "Chamorro was the opposition figure most likely to win": what the sentence says he is,
        # the attribute's noun and the words before it (not "the son of the president")
        for attr in (c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
            yield [t for t in attr.subtree if attr.left_edge.i <= t.i <= attr.i], False


def _office(resolver: Resolver, st: _State, words: list[Token], actor: ActorInfo,
            via_link: bool) -> tuple[str, str | None, str] | None:
    kb, doc = resolver.kb, st.doc
    lowers = [t.lower_ for t in words]
    if not words or any(w in PAST_WORDS for w in lowers):
        return None
    evidence = " ".join(t.text for t in words)
    if any(w in OPPOSITION_WORDS for w in lowers) and any(_is_office(kb, w) or w in POLITICAL_PEOPLE for w in lowers):
        return "OPP", None, f"{evidence} (an opposition post)"
    for w in lowers:
        sector = RELIGIOUS_TITLES.get(w.strip("."))
        agent = kb.agents.get(w)
        if sector is None and agent in RELIGION_SECTORS:
            sector = agent
        if sector is not None:
            return sector, None, f"{evidence} (a religious title)"
    office = via_link or any(w in ORG_OFFICE_NOUNS for w in lowers)
    if office:
        for t in words:
            f = st.at(t.i)
            if (f is None or f.actor == actor.id) and _is_initials(t.text):
                # "PCS leader": the union named before (the walk may have taken the acronym into
                # the person's mention)
                org = _named_before(st, t.text, t.i)
                if org is not None and org.sector and not org.id.startswith("party:"):
                    return org.sector, org.country, f"{evidence} (an office in {org.name})"
            if f is not None and f.actor == actor.id:
                # a body the knowledge base knows, taken into the person's mention ("GMB leader X")
                body = next((kb.orgs[int(r[2:])] for r in kb.lookup(t.text) if r[:2] == "O:"), None)
                if body is not None and body.sector and body.sector not in ("OPP", "PTY"):
                    return body.sector, body.country, f"{evidence} (an office in {body.name})"
            if f is None or f.actor == actor.id or f.how != "name":
                continue  # a nominal ("Commons officials") or a place standing for a government is no employer
            org = st.res.actors[f.actor]
            if org.kind in ("organization", "group") and org.sector and not org.id.startswith("party:") \
                    and org.id != org.code and doc[f.start].ent_type_ not in ("GPE", "LOC"):
                return org.sector, org.country, f"{evidence} (an office in {org.name})"
        # an office in a body named by its kind alone ("Commission Chairman Badru Kiggundu")
        for t in words:
            if t.text[:1].isupper() and st.at(t.i) is None and t.lower_ not in ORG_OFFICE_NOUNS:
                sector = body_sector([t.text])
                if sector == "BUS" and MEDIA_WORDS.intersection(lowers):
                    sector = "MED"  # "Broadcasting Corp of China chairman X": a broadcaster's
                if sector is not None:
                    return sector, None, f"{evidence} (an office in the {t.text})"
    if any(w in LEGISLATOR_TITLES for w in lowers):
        return "LEG", None, f"{evidence} (a legislator)"
    if via_link:
        return None
    if office and any((st.at(t.i) is not None and st.at(t.i).actor != actor.id
                       and st.res.actors[st.at(t.i).actor].kind == "organization")
                      or (t.text.isupper() and len(t.text) > 1 and t.text.isalpha()) for t in words):
        return None  # "CBI director general": an office of that body, whatever its sector, not the state's
    # an office of state by its name: the longest known phrase ("minister of state")
    title = [t for t in words if t.lower_ not in SKIP]
    tl = [t.lower_ for t in title]
    for n in range(min(5, len(tl)), 0, -1):
        for a in range(len(tl) - n + 1):
            key = " ".join(tl[a:a + n])
            if n == 1 and key in ORG_OFFICE_NOUNS and key not in ("chancellor",):
                continue  # "president", "leader" alone: of what?
            if n == 1 and key in NOBLE_TITLES:
                continue  # "Prince Charles", "Lord Falconer": a rank in the name, not an office
            noun = kb.role_nouns.get(key)
            sector = noun.sector if noun is not None and noun.kind == "person" else None
            sector = sector or STATE_TITLES.get(key)
            if sector is None and kb.agents.get(key) in ("GOV", "LEG", "JUD", "MIL", "COP"):
                sector = kb.agents.get(key)
                if sector == "MIL" and not title[a].text[:1].isupper():
                    sector = None  # "a key Blair lieutenant": a figure of speech; "Lieutenant X" is a rank
            if sector:
                return sector, None, f"{evidence} (an office: {key})"
    return None


def _former_office(kb, st: _State, words: list[Token]) -> str | None:
    """The evidence that ``words`` title a person by a public office he held before ("Former
    comptroller", "the late president", "Former PRD president", "ex-minister"), or None. An
    office in an association or a firm ("former Ramblers Association chairman") makes no
    elite."""
    past = [k for k, t in enumerate(words) if t.lower_ in PAST_WORDS]
    if not past:
        return None
    # the past word qualifies the office: within a few words, not across a possessive ("the
    # former Soviet republic's foreign minister" is a minister now); the office is one
    # person's: a plural ("former soldiers") names a group
    after = words[past[0] + 1:past[0] + 1 + MAX_FORMER_GAP]
    cut = next((k for k, t in enumerate(after) if t.lower_ in ("'s", "’s")), len(after))
    if not any(_state_office(kb, t.lower_.strip(".")) and t.tag_ not in ("NNS", "NNPS") for t in after[:cut]):
        return None
    for t in words:
        g = st.at(t.i)
        org = st.res.actors.get(g.actor) if g is not None else None
        if org is not None and org.kind in ("organization", "group") and not org.id.startswith("party:") \
                and org.sector not in (None, "GOV", "LEG", "JUD", "MIL", "COP", "OPP", "PTY"):
            return None
        if org is None and t.text[:1].isupper() and body_sector([t.text]) not in (None, "GOV", "LEG", "JUD"):
            return None  # "former Ramblers Association chairman": a body named by its kind
    return f"{' '.join(t.text for t in words)} (a former officeholder)"


def _person_office(kb, word: str) -> bool:
    """Is ``word`` an office one person holds by the role nouns and the titles here (the
    agents dictionary mixes people and bodies: "government")?"""
    noun = kb.role_nouns.get(word)
    return word in ORG_OFFICE_NOUNS or word in STATE_TITLES or word in RELIGIOUS_TITLES or word in LEGISLATOR_TITLES \
        or (noun is not None and noun.kind == "person")


def _state_office(kb, word: str) -> bool:
    """Is ``word`` an office a person holds (not a group's noun: "former soldiers")?"""
    noun = kb.role_nouns.get(word)
    return word in ORG_OFFICE_NOUNS or word in STATE_TITLES or word in RELIGIOUS_TITLES or word in LEGISLATOR_TITLES \
        or (noun is not None and noun.kind == "person") or kb.agents.get(word) in ("GOV", "LEG", "JUD")


def _noun_phrase(noun: Token) -> list[Token]:
    """A noun with its modifiers before it and its of-phrase ("the chief inspector of
    schools"), not the clauses and lists an apposition may run on with."""
    words = [t for t in noun.subtree if noun.left_edge.i <= t.i <= noun.i]
    # "vice-president", "secretary-general": spaCy splits a hyphened word at its hyphens and
    # the parse often hangs the pieces elsewhere; the word is one, so its pieces are taken in
    doc, k = noun.doc, words[0].i
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_ \
            and doc[k - 2].is_alpha:
        words = [doc[k - 2], doc[k - 1]] + words
        k -= 2
    # a post held for a body is of it: "spokesman for the Medical Foundation", "director for Oxfam"
    links = LINKS + ("for",) if noun.lower_ in ORG_OFFICE_NOUNS or noun.lower_ in STAFF_NOUNS else LINKS
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in links and p.i > noun.i:
            words += [p] + [t for o in p.children if o.dep_ == "pobj" for t in o.subtree]
    words = words[:MAX_PHRASE_TOKENS]
    return words


def _is_title_word(kb, word: str) -> bool:
    return word in ("of", "for", "state", "the", "and", "lord", "general") or _is_office(kb, word) \
        or word in RELIGIOUS_TITLES or word in LEGISLATOR_TITLES


def _is_office(kb, word: str) -> bool:
    return word in ORG_OFFICE_NOUNS or word in kb.role_nouns or word in kb.agents.nouns
