"""Modality of a trigger from the parse: negation, condition, hypothesis, intent.

All word lists come from the lexicon's ``markers`` section. The rules:

- negated: "not"/"never"/"n't" on the trigger or on the words that carry its
  predicate ("would not leave", "is not open to talks", "no talks"), or a neither/nor
  before its auxiliary ("Nor did Israel join the sanctions"). A negation is its own
  verb's: a conjoined verb shares it only when it shares the auxiliary too ("would not
  arrest or charge them"), not in a tense of its own ("would not respond ... and
  promised to ..."); "not just/only" adds; an act its owner made ("their threat") is
  not undone by a denied verb ("decided not to carry out their threat").
- conditional: the trigger is inside an if/unless/until clause, or a clause on
  its way up to the sentence root has one ("if Putin were interested ..., Biden
  would be willing to meet"); after/before/when + a present-tense verb too
  ("only possible after Putin leaves Ukraine").
- hypothetical: could/might/may/can on the predicate; a bare purpose infinitive
  ("troops were sent to attack ...") that no intent or implicative word governs; an
  act weighed ("mulled over resigning", "is considering a boycott").
- future (grammatical): will/would/shall, "is to meet", "plans to", "is due to leave".
- intent also: an act aimed at ("work towards lifting the ban").
- intent (lexical): willing/open/ready ... to, intent nouns ("determination to
  fight"): the coder turns intended cooperation into AGREE, per PLOVER.
- obligation: must/should, "the only way ... is for X to withdraw": a demand by
  whoever says it; "should have acted" (reproach), a criticism by whoever says it. A
  must/should before its subject is inversion, no obligation: "should police fail to
  act" is a condition, "should we wait?" a question.
- belief: the trigger is in the complement of believe/think/predict ...: the
  sentence is an opinion or a forecast, not an event.

``historical`` is never set here: it needs the event's date, which the time
stage resolves after this one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whodid.knowledge.lexicon import Lexicon

_NEG = {"not", "n't", "never", "no", "neither", "nor"}


@dataclass
class Modal:
    negated: bool = False
    conditional: bool = False
    hypothetical: bool = False
    future: bool = False  # will/would/shall, "is to", "plans to"
    intent: bool = False  # willing/open/ready to, determination to
    obligation: bool = False  # must/should, "the only way is for X to"
    reproach: bool = False  # should/ought + have + participle: "should have acted sooner"
    belief: bool = False  # in the complement of believe/think/predict
    purpose: bool = False  # a bare infinitive of purpose
    inverted: bool = False  # "should police fail to ...", "should we go?": a condition or a question
    unable: bool = False  # can/could + not on the act: "could not sincerely say sorry", "couldn't help her"


def predicate_chain(t: Token, lex: Lexicon) -> list[Token]:
    """The trigger and the words that carry its predicate up to its clause head:
    "open" and "is" for "talks" in "is open to talks"; "willing", "be" for
    "meet" in "would be willing to meet"; "continue" in "will continue to be"."""
    willing = lex.marker("willing_adjs")
    chain = [t]
    cur = t
    for _ in range(8):
        dep = cur.dep_
        head = cur.head
        if head.i == cur.i:
            break
        if dep in ("xcomp", "acomp", "oprd"):
            cur = head
        elif dep == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in willing:
            cur = head.head
        elif dep == "acl" and cur.tag_ == "VB" and head.lemma_.lower() in lex.marker("intent_nouns"):
            cur = head
        elif dep == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) \
                and head.pos_ in ("VERB", "AUX"):
            cur = head
        else:
            break
        chain.append(cur)
    return chain


# "not just", "not only", "not merely": adding, not denying ("not just profiteering off the invasion")
_FOCUS = {"just", "only", "merely", "simply", "least"}


# auxiliaries of ability: negated, the act is one its actor says it cannot do ("could not say sorry";
# "ca" is the tokeniser's "can" of "can't")
_ABILITY_AUX = {"can", "could", "ca"}


def has_negation(t: Token) -> bool:
    """``t`` is negated: "not", "n't", "never", "no" on it (not "not just", "not only": adding), or
    a neither/nor before its auxiliary."""
    return any((c.dep_ == "neg" or (c.lower_ in _NEG and c.dep_ in ("advmod", "det", "neg")))
               and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in _FOCUS) for c in t.children) \
        or _inverted_negation(t)


def _inverted_negation(t: Token) -> bool:
    """Negative inversion: "Neither has Israel joined the sanctions", "Nor did he resign": a
    neither/nor before the verb's auxiliary, on the verb or on the auxiliary."""
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxes) and any(g.lower_ in ("neither", "nor") and g.i < auxes[0].i
                               for w in (t, *auxes) for g in w.children)


def _shares_auxiliary(conj: Token, head: Token) -> bool:
    """A conjoined verb with no auxiliary of its own shares its head's ("would not respond or
    comment", "was not arrested and charged"): the head has one, and the conjunct is in the form
    it governs. One in a tense of its own has its own modality: "would not respond ... and
    promised to ...", "never met Bush and visited Texas" (the "never" is the first verb's)."""
    while head.dep_ == "conj" and head.head.i != head.i and not any(c.dep_ in ("aux", "auxpass")
                                                                      for c in head.children):
        head = head.head  # "should bring ..., make ... and support ...": the first verb's
    return any(c.dep_ in ("aux", "auxpass") for c in head.children) \
        and not any(c.dep_ in ("aux", "auxpass", "neg") for c in conj.children) and conj.tag_ == head.tag_


def _own_clause(chain: list[Token]) -> list[Token]:
    """``chain`` cut where it climbs from a conjoined verb to one whose auxiliary (and negation)
    it does not share: the words that may negate the trigger."""
    for i, w in enumerate(chain[:-1]):
        if w.dep_ == "conj" and chain[i + 1].i == w.head.i and not _shares_auxiliary(w, w.head):
            return chain[:i + 1]
    return chain


def analyse(t: Token, lex: Lexicon, noun: bool) -> Modal:
    m = Modal()
    chain = predicate_chain(t, lex)
    own = {w.i for w in _own_clause(chain)}
    if noun and len(chain) == 1:
        # the verb that makes a noun an event carries its modality:
        # "demonstrations could arise", "Russia will not hold talks"
        head = t.head
        if t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in ("VERB", "AUX"):
            above = predicate_chain(head, lex)
            chain = chain + above
            if not any(c.dep_ == "poss" for c in t.children):
                # (an act the noun's owner has made is no less made when the verb is denied: "not to
                # carry out their threat", "our demands haven't been replied to")
                own |= {w.i for w in _own_clause(above)}
        elif t.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "aux" and c.lower_ in lex.marker("future_aux") for c in head.head.children):
            # "the drive would come at a London conference in March": the time of the verb
            # it is told with is the noun's (only its future: "spoke at the conference")
            m.future = True
        elif t.dep_ == "pobj" and head.dep_ == "prep" and _scheduled(head.head, lex):
            # "is due to take part in talks with ...", "plans to take part in the summit": the
            # noun's act is the scheduled one (only the future: a denied "take part" is no denied
            # meeting of the others)
            m.future = True
        elif t.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in lex.marker("intent_nouns"):
            # "the plan for Biden's visit", "plans for talks": a planned act (PLOVER: a future
            # meeting is AGREE)
            m.future = True
    willing = lex.marker("willing_adjs")
    unwilling = lex.marker("unwilling_adjs")
    intent_verbs = lex.marker("intent_verbs")
    intent_nouns = lex.marker("intent_nouns")
    schedule = lex.marker("schedule_words")
    implicative = lex.marker("implicative_verbs")
    fut = lex.marker("future_aux")
    hyp = lex.marker("hypothetical_aux")
    obl = lex.marker("obligation_aux")

    for i, w in enumerate(chain):
        if noun and w is t:
            if any(c.lower_ in ("no",) and c.dep_ == "det" for c in t.children):
                m.negated = True
        elif has_negation(w) and w.i in own:
            # (a negation is its own verb's and its auxiliary's: "would not respond ... and promised
            # to hail Labour's record" promises)
            m.negated = True
        auxes = [c.lower_ for c in w.children if c.dep_ in ("aux", "auxpass")]
        if any(a in fut for a in auxes):
            m.future = True
        if any(a in hyp for a in auxes):
            m.hypothetical = True
            if has_negation(w) and w.i in own and any(a in _ABILITY_AUX for a in auxes):
                m.unable = True
        if any(a in obl for a in auxes) and w.tag_ == "VBN" and "have" in [c.lemma_ for c in w.children
                                                                          if c.dep_ == "aux"]:
            m.reproach = True
        if _inverted(w, obl):
            # "should police fail to arrest her": the modal before its subject is a condition
            # (a question in a main clause), no obligation of anyone
            m.inverted = True
            if w.dep_ in ("advcl", "ccomp", "xcomp", "conj", "relcl"):
                m.conditional = True
            else:
                m.hypothetical = True
        elif any(a in obl for a in auxes) or ("have" in [c.lemma_ for c in w.children if c.dep_ == "aux"]
                                            and any(c.lower_ == "to" for c in w.children if c.dep_ == "aux")
                                            and w is not t):
            m.obligation = True
        lemma = w.lemma_.lower()
        if w is not t:
            if lemma in willing:
                m.intent = True
            elif lemma in unwilling:
                m.intent = True
                m.negated = not has_negation(w)  # "not reluctant to meet" is willing
            elif (lemma in intent_verbs and chain[i - 1].dep_ != "conj") or \
                    (lemma in schedule and i > 0 and chain[i - 1].dep_ == "xcomp"):
                # "plans to ...", "is due to stand down", "is set to push for ..." (an intent verb's
                # complement, not a verb conjoined to it: "was not expected to win ..., but was
                # disappointed to lose ..., and stepped down" tells a resignation done)
                m.future = True
            elif lemma in intent_nouns:
                m.intent = True
            # "the ministry needed to consult iwi", "Russia needs to withdraw": what someone needs to
            # do is an obligation, as with "must" or "has to" (said by another, that one's demand)
            if lemma == "need" and w.pos_ == "VERB" and i > 0 and chain[i - 1].dep_ == "xcomp" and \
                    any(c.lower_ == "to" for c in chain[i - 1].children if c.dep_ == "aux") and not has_negation(w):
                m.obligation = True
            # "are to meet": be + to-infinitive; "are to hold a joint news conference": the verb
            # that makes the noun an event
            if lemma == "be" and i > 0 and chain[i - 1].dep_ == "xcomp" and \
                    any(c.lower_ == "to" for c in chain[i - 1].children if c.dep_ == "aux") and \
                    chain[i - 1].i in ((t.i, t.head.i) if noun else (t.i,)):
                m.future = True
            # "are not going to accept": be going + to-infinitive is the future
            if lemma == "go" and w.tag_ == "VBG" and i > 0 and chain[i - 1].dep_ == "xcomp" and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[i - 1].children) and \
                    any(c.dep_ == "aux" and c.lemma_ == "be" for c in w.children):
                m.future = True

    # an act aimed at: "work towards lifting the ban", "steps toward normalising ties"
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ in ("towards", "toward"):
        m.intent = True
    # an act looked forward to: "looks forward to meeting Bush", "to continuing his relationship
    # with Bush and working with him" (PLOVER 2.0 manual, AGREE: "indicate willingness")
    first = t
    while first.dep_ == "conj" and first.head.i != first.i and first.head.tag_ == "VBG":
        first = first.head
    if first.dep_ in ("pcomp", "pobj") and first.head.lower_ == "to" and first.head.head.lemma_.lower() == "look" \
            and any(c.lower_ == "forward" for c in first.head.head.children):
        m.intent = True

    # an act weighed: "mulled over resigning", "is considering a boycott", "weighs sending troops"
    node = t
    for _ in range(2):
        if node.dep_ not in ("pcomp", "xcomp", "dobj", "pobj", "prep", "prt") or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in lex.marker("deliberation_verbs") and node.pos_ == "VERB":
            m.hypothetical = True
            break

    # a bare to-infinitive that nothing above turns into intent: a purpose or an
    # unrealised complement ("ships sent to attack", "to kill people")
    to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and t.tag_ == "VB"
    if to_inf and not noun:
        gov = t.head
        governed_by_intent = m.intent or m.future or m.obligation
        if t.dep_ == "xcomp" and gov.lemma_.lower() in implicative:
            pass
        elif t.dep_ == "xcomp" and gov.lemma_.lower() in lex.marker("negative_implicative_verbs"):
            m.negated = True  # "police failed to arrest her": the arrest did not happen
        elif t.dep_ in ("advcl", "xcomp") and gov.lemma_.lower() in lex.marker("enacting_verbs"):
            pass
        elif any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children):
            # "the only way is for Putin to withdraw"
            if gov.lemma_.lower() == "be" and any(
                    c.dep_ in ("nsubj", "attr") and c.lemma_.lower() in lex.marker("necessity_nouns")
                    for c in gov.children):
                m.obligation = True
            else:
                m.hypothetical = True
        elif not governed_by_intent and t.dep_ in ("advcl", "acl", "relcl", "xcomp", "ccomp"):
            m.purpose = True

    # conditions: the trigger's own clause, or a clause above it, has an if-clause;
    # or the trigger sits inside one
    cond = lex.marker("condition_marks")
    temporal = lex.marker("temporal_marks")
    cur = t
    seen = 0
    while seen < 12:
        for c in cur.children:
            if c.dep_ == "advcl" and not _inside(t, c):
                marks = {m_.lower_ for m_ in c.children if m_.dep_ == "mark"}
                if marks & cond:
                    m.conditional = True
        marks = {c.lower_ for c in cur.children if c.dep_ == "mark"}
        if cur.dep_ == "advcl" and marks & cond:
            m.conditional = True
        if cur.dep_ == "ccomp" and marks & {"if", "whether"}:
            m.hypothetical = True  # an indirect question: "asked if talks were possible"
        if cur.dep_ == "advcl" and marks & temporal and cur.tag_ in ("VBZ", "VBP", "VB"):
            m.conditional = True
        if cur.head.i == cur.i:
            break
        # a belief or forecast above the trigger: "believes that Putin was wrong in
        # invading", "predicted that ...", "what they perceive as an occupation"
        via = cur.dep_ == "ccomp" or (cur.dep_ == "prep" and cur.lower_ == "as")
        cur = cur.head
        seen += 1
        if via and cur.lemma_.lower() in lex.marker("belief_verbs") and cur.pos_ == "VERB":
            m.belief = True
        if via and cur.lemma_.lower() in lex.marker("denial_verbs") and cur.pos_ == "VERB":
            m.negated = True  # "denied that Russia had attacked civilians"
    return m


def _inverted(w: Token, modals: list[str] | set[str]) -> bool:
    """A must/should on ``w`` stands before ``w``'s subject ("should police fail", "must we
    wait?"): inversion, a condition or a question, not an obligation."""
    subj = [c.i for c in w.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subj) and any(c.dep_ == "aux" and c.lower_ in modals and c.i < min(subj) for c in w.children)


def _scheduled(verb: Token, lex: Lexicon) -> bool:
    """``verb`` is the complement of a schedule or intent word ("is due to take part", "plans to
    attend"), as ``analyse`` reads a verb trigger's own chain."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "xcomp" or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    gov = verb.head.lemma_.lower()
    return gov in lex.marker("schedule_words") or gov in lex.marker("intent_verbs")


def _inside(t: Token, clause: Token) -> bool:
    return clause.left_edge.i <= t.i <= clause.right_edge.i


def modality(m: Modal) -> str:
    """One value for Event.modality, from the flags left after recoding."""
    if m.negated:
        return "negated"
    if m.conditional:
        return "conditional"
    if m.hypothetical or m.purpose:
        return "hypothetical"
    if m.future:
        return "future"
    return "asserted"
