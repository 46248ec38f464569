"""Documents as speakers and doers: "the statement said", "the report says", "the letter accuses".

The news-events guidelines code the issuer of a document as the one who speaks or acts
through it: "the ministry issued a statement ... The statement said ..." is the ministry's
statement, "a report by the National Audit Office ... The report said" the Office's. A
document noun (``documents`` in ``data/quotes/cues.yaml``) that is the subject of a clause
or the source of "according to" becomes a mention of its issuer's actor (``how`` "document"),
so that the quote it says has the issuer as speaker and the act it does the issuer as actor,
when the text names the issuer:

- in the document's own noun phrase: its possessor ("Amnesty's report", "its statement"),
  a modifier that names an actor other than a country ("a PTI report", "the court notice";
  "the Iraq dossier" is about Iraq), "by X" or "from X" ("a report by the Electoral
  Commission", "a letter from the ministry", "a study by the local chapter of Transparency
  International"), "issued by X", or the same in an apposition;
- as the subject of the verb that issues it ("the ministry issued a statement", "the council
  adopted a resolution": ``issuing_verbs``), or of the verb it is said "in" ("the body said
  in a statement");
- for a definite document that names none of these ("The statement said"), its antecedent:
  the last document of the same noun told before, when that one's issuer is known; with no
  such noun before, a report, study, document or dossier is the last of those told before ("a
  study by Transparency International ... says the report").

A document whose issuer the text does not name stays no one's: its quote keeps no speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.symbols import NOUN
from spacy.tokens import Token

from whodid.knowledge.cues import load as load_cues
from whodid.nlp.vocab import DEFINITE_DETERMINERS

if TYPE_CHECKING:
    from whodid.actors.resolve import _State

ISSUER_PREPS = frozenset({"by", "from"})
# what a document does besides saying: it rules ("the ruling orders", "the resolution requires")
RULING_VERBS = frozenset({"order", "require", "recommend", "approve", "endorse", "ban", "authorize", "authorise",
                          "impose", "oblige", "prohibit", "allow", "permit"})
# documents of research, which a story may call by any of these names
STUDIES = frozenset({"report", "study", "document", "dossier"})


def issued_documents(st: _State) -> None:
    """Give each document noun that speaks or acts its issuer's actor (see the module doc)."""
    cues = load_cues()
    nouns, issuing = cues.documents, cues.issuing_verbs
    # (noun, plural) -> the issuer of the last document of that noun, the latest told last
    last: dict[tuple[str, bool], str | None] = {}
    for i, pos in enumerate(st.pos):  # the POS array, not the Doc: a Token object per word costs
        if pos != NOUN:
            continue
        t = st.doc[i]
        noun = t.lemma_.lower()
        if noun not in nouns or st.at(t.i) is not None:
            continue
        # the issuing clause's subject first: "In his report, the inspector says" (the
        # possessor may be a pronoun read wrongly)
        issuer = _issuing_subject(st, t, issuing) or _own_issuer(st, t, issuing)
        plural = t.tag_ in ("NNS", "NNPS")  # "DEA reports" are not "the report" told after them
        key = (noun, plural)
        if issuer is None and _definite(t):
            if key in last:
                issuer = last[key]
            elif noun in STUDIES and not plural:  # "a study by Transparency ... says the report": one study
                issuer = next((last[k] for k in reversed(last) if k[0] in STUDIES and not k[1]), None)
        last.pop(key, None)
        last[key] = issuer
        if issuer is not None and _speaks(t):
            start = t.left_edge.i
            for k in range(t.left_edge.i, t.i):
                if st.at(k) is not None or st.doc[k].dep_ == "case":
                    start = k + 1  # "Amnesty's report": the possessor stays its own mention
            st.add(st.res.actors[issuer], start, t.i + 1, "document", 0.6)


def _speaks(t: Token) -> bool:
    """The document is the subject of a verb of saying, judging, asking or finding (the quote
    cues: "the report said", "says the report", "the letter accuses", "the resolution calls on")
    or of one that rules (``RULING_VERBS``: "the ruling orders"), or the source of "according
    to"; not of a deed no document does ("The report also consulted internal sources")."""
    if t.dep_ == "nsubj":
        lemma = t.head.lemma_.lower()
        return t.head.pos_ == "VERB" and (load_cues().of(lemma, t.head.text) is not None or lemma in RULING_VERBS)
    return t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according"


def _definite(t: Token) -> bool:
    """"the report", "this statement", "the prosecutors' document" (a possessor the actors stage
    left unresolved: the document is still one told before)."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS or c.dep_ == "poss" for c in t.children)


def _actor(st: _State, t: Token, countries: bool = True) -> str | None:
    f = st.at(t.i)
    if f is None:
        return None
    if not countries and st.res.actors[f.actor].kind == "country":
        return None
    return f.actor


def _of_actor(st: _State, t: Token) -> str | None:
    """"the local chapter of Transparency International": the actor the part belongs to."""
    for p in t.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            return next((_actor(st, o, countries=False) for o in p.children if o.dep_ == "pobj"), None)
    return None


def _own_issuer(st: _State, t: Token, issuing: frozenset[str], depth: int = 0) -> str | None:
    """The issuer the document's own noun phrase names (in an apposition, only by "by" or
    "from": "The report, Britain's Future, said" names its title, not its author)."""
    for c in t.children if depth == 0 else ():
        if c.dep_ == "poss":
            if t.dep_ == "pobj" and c.pos_ == "PRON":
                continue  # "In his report, the inspector says": "his" may point ahead, to the subject
            found = _actor(st, c)
            if found:
                return found
    for c in t.lefts if depth == 0 else ():
        if c.dep_ in ("compound", "nmod", "amod"):
            found = _actor(st, c, countries=False)  # "the Iraq dossier", "the Gaza resolution": a topic
            if found:
                return found
    for c in t.rights:
        if c.dep_ == "prep" and c.lower_ in ISSUER_PREPS:
            found = next((_actor(st, o) or _of_actor(st, o) for o in c.children if o.dep_ == "pobj"), None)
            if found:
                return found
        if c.dep_ == "acl" and c.lemma_.lower() in issuing:  # "a statement issued by the ministry"
            for a in c.children:
                if a.dep_ == "agent":
                    found = next((_actor(st, o) for o in a.children if o.dep_ == "pobj"), None)
                    if found:
                        return found
        if c.dep_ == "appos" and depth == 0:  # "A second document, an affidavit from an agent"
            found = _own_issuer(st, c, issuing, depth + 1)
            if found:
                return found
    return None


def _issuing_subject(st: _State, t: Token, issuing: frozenset[str]) -> str | None:
    """The subject of the verb that issues the document ("the ministry issued a statement", "a
    resolution was adopted by the council") or that it is said in ("the body said in a
    statement")."""
    head = t.head
    verb = None
    if t.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in issuing:
        verb = head
    elif t.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    if verb is None:
        return None
    if t.dep_ == "nsubjpass":
        for a in verb.children:
            if a.dep_ == "agent":
                return next((_actor(st, o) for o in a.children if o.dep_ == "pobj"), None)
        return None
    for v in (verb, verb.head if verb.dep_ in ("conj", "xcomp", "advcl") else None):
        if v is None:
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return _actor(st, subj)
    return None
