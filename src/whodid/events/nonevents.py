"""Trigger words told in a construction that reports no act (news-events guidelines: "Do not
code it at all when it is a metaphor, a word in another sense, ..."), dropped before an event
is built:

- a habit, not an act: a frequency adverb on the trigger ("Iran often accuses its enemies of
  trying to destabilize the country", "the ministry regularly criticises", "Muslims generally
  agree on them", "at times the government does not adequately consult unions"), a clause
  under "tend to" ("the opposition bloc tends to be easily sidelined, even if the parties want
  to weigh in to help Okinawa"), or a
  present-tense "when" clause ("it does that when it consults schools' communities"): what a
  party tends to do, no one event with a time (not "repeatedly called for": repeated acts,
  each told; not "never approves": a denial, coded negated);
- an ability or a need, not an act: the infinitive of a noun of capacity ("the People's
  Liberation Army's readiness to fight", "would remove the need to detain terror suspects");
  not an intention or an attempt ("his intention to stand down", "Netanyahu's attempt to call
  off his trial"), which tell a planned act;
- an act the sentence judges, not tells: an event noun that is the subject of a clause saying
  what it is ("The raid at my farmhouse is a desperate attempt to malign my image", "Israel's
  support for Ukraine has been lukewarm", "Mr Straw's China trip is part of regular meetings"):
  the act is told elsewhere if at all, the sentence is a view of it;
- a kind of act to be ended or prevented, named with no determiner of its own ("working to end
  terror attacks", "seeks to prevent unjustified police persecution"): a class of acts, none
  told as done (not "to end the fighting", "to stop the attacks": acts the text points at);
- a standing stance, not an act: an adverb of duration on the verb ("the chancellor, who has
  long rejected the label", "have traditionally opposed"), or a span of years ("a fact the
  Cuban regime sought to deny for a long time"): a view held, no act with a time;
- what a people holds as a rule, told in a present-tense relative clause ("the majority of
  Nicaraguans, who demand a democratic republic", "the clan that most Sri Lankans blame for the
  crisis"): a description of the people, no one act (a group that acts as one is kept,
  "protesters, who demand the president's resignation", and so is a present "who refuses",
  "which complains" of one party: it often reports the party's statement);
- an act that is the condition of another clause ("unless ministers backed down over ..., the
  government would have great difficulty"): what a party warns about, not told as done (the
  warning is the speaker's act; an act held out for, "would remain in the street until Morales
  stepped down", is coded by the coder as the demand it is, ``awaited``);
- an electoral choice: voters rejecting, backing or rallying ("Voters narrowly rejected Morales'
  proposal", "rejected by the voters", "voters rallied behind him"): PLOVER has no type for a
  vote, and the development gold codes none of the voters' (3 emitted, all false).

- an illustration: an act told "for example" or "for instance" ("Ryutaro Hashimoto, for example,
  pushed for the return of the land", "Labour MPs, for example, will now engage in a debate",
  "For instance, he would invite the engineer to festive parties"): a case the writer gives of a
  general point, in commentary and background, not the news told as such;
- a campaign, not fighting: a noun of fighting with the infinitive of its aim ("Okinawa's
  battle to reduce the U.S. military presence", "the fight to keep the hospital open"): a
  figure for a political effort (the guidelines: a metaphor is not coded; "the battle for
  Kyiv", "fighting in the east" stay);
- a need denied: the infinitive of a negated verb of necessity ("the government did not need to
  consult the unions", "does not have to ask parliament"): no act, done or refused, is told;
- a plan that fell through: the infinitive of a schedule told in the past perfect ("Michael
  Howard, who had been due to welcome delegates on Friday, will address them"): what was to
  happen and, the tense says, did not (not "is due to welcome": a plan, coded future).

On the development gold these are 13 emitted events, none right (ev-precision8); the last four
classes 6 more, none right (ev-precision9); illustrations 5 false and 1 right, plans that fell
through 2 false, "tend to", a campaign and a stance held for years 1 false each (ev-precision10).
"""

from __future__ import annotations

from spacy.tokens import Token

from whodid.events.modality import has_negation
from whodid.events.senses import describes, role_words
from whodid.knowledge.lexicon import Lexicon

# adverbs of frequency: the verb tells a habit ("often accuses", "regularly criticises"); not
# "repeatedly" (repeated acts, told), nor "never", "rarely" (a denial: coded negated)
FREQUENCY = {"often", "regularly", "frequently", "usually", "routinely", "always", "generally", "typically",
             "habitually", "normally", "customarily", "commonly", "sometimes", "occasionally"}
# "at times", "from time to time": a frequency phrase
_FREQUENCY_PHRASES = {("at", "times"), ("from", "time")}
# subordinators of a clause that, in the present tense, tells when something is done as a rule
_WHENEVER = {"when", "whenever"}
# nouns whose infinitive is what a party can do or must do, not what it does or plans
CAPACITY_NOUNS = {"readiness", "ability", "capacity", "capability", "preparedness", "need"}
# verbs whose object is what is to be ended or kept from happening
ENDING_VERBS = {"end", "stop", "prevent", "combat", "curb", "tackle", "halt", "deter", "counter", "eradicate",
                "eliminate", "fight"}
# words that point an event noun at acts the text tells ("the attacks", "their raids")
_POINTING = {"det", "poss", "nummod"}
# adverbs of duration: "has long rejected" tells a stance held, not an act
DURATION = {"long", "traditionally", "historically", "perennially"}
# spans of years: "for decades" on a verb of stance tells the stance held (not weeks or months:
# "for weeks, protesters have demanded" tells acts of a campaign)
LONG_SPANS = {"years", "decades", "generations", "centuries", "ages"}
# the types of a stance one holds (opposing, backing, demanding, refusing)
STANCE_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "REQUEST"}
# subordinators of a clause that tells the condition of another: what is warned of
CONDITION_MARKS = {"unless"}
# ... or what is waited for ("until" only under a clause of what will or would be: "Spain was the
# colonial power until it was annexed" tells when the annexation came)
WAITING_MARKS = {"until", "till"}
# a people or the public, whose present-tense "who demand", "who blame" describes it
POPULATION = {"people", "public", "citizen", "resident", "population", "majority", "inhabitant", "national", "voter"}
# the electorate: what it chooses at the polls is no act toward a party
ELECTORATE = {"voter", "electorate", "elector"}
# verbs whose infinitive is what a party does as a rule ("tends to be sidelined")
TENDENCY_VERBS = {"tend"}
# nouns of fighting that, with the infinitive of an aim, name a political effort ("battle to reduce")
CAMPAIGN_NOUNS = {"battle", "fight", "war", "struggle", "combat", "crusade"}
# nouns of "for example", "for instance": what the clause tells is a case of a general point
EXAMPLE_NOUNS = {"example", "instance"}


def habitual(t: Token) -> bool:
    """``t`` tells a habit: a frequency adverb on it ("often accuses")."""
    if any(c.dep_ == "advmod" and c.lower_ in FREQUENCY for c in t.children):
        return True
    if any(w.pos_ in ("VERB", "AUX") and w.lemma_.lower() in TENDENCY_VERBS for w in t.ancestors):
        return True  # "the bloc tends to be sidelined, even if the parties want to help"
    if any(c.dep_ == "prep" and (c.lower_, p.lower_) in _FREQUENCY_PHRASES
           for c in t.children for p in c.children if p.dep_ == "pobj"):
        return True
    # "it does that when it consults schools' communities"
    return t.dep_ == "advcl" and t.tag_ in ("VBZ", "VBP") \
        and any(c.dep_ in ("advmod", "mark") and c.lower_ in _WHENEVER for c in t.children)


def standing(t: Token, type_: str | None = None) -> bool:
    """``t`` tells a stance held over time: an adverb of duration on it ("has long rejected"), or,
    for a verb coded as a stance (``type_`` in ``STANCE_TYPES``), a span of years on it or on the
    verb it is the infinitive of ("a fact the regime sought to deny for a long time", "have
    opposed the base for decades"; not "have detained activists for years": acts, each done)."""
    if any(c.dep_ == "advmod" and c.lower_ in DURATION for c in t.children):
        return True
    if t.pos_ not in ("VERB", "AUX") or type_ not in STANCE_TYPES:
        return False  # "have detained activists for years": acts, each done
    verbs = [t, t.head] if t.dep_ == "xcomp" else [t]
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(_long_span(p) for p in c.children if p.dep_ == "pobj")
               for v in verbs for c in v.children)


def _long_span(p: Token) -> bool:
    """``p`` is a span of years ("decades", "years", "a long time")."""
    if p.lower_ in LONG_SPANS:
        return True
    return p.lemma_.lower() == "time" and any(c.lower_ == "long" for c in p.children)


def group_habit(t: Token) -> bool:
    """``t`` is a plural present-tense verb of a relative clause, with no auxiliary, whose subject is
    a people ("Nicaraguans, who demand a democratic republic", "the clan that most Sri Lankans
    blame"); not a group that acts as one ("protesters, who demand the president's resignation")."""
    if t.dep_ != "relcl" or t.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass") for c in t.children):
        return False
    return any(_population(w) or any(_population(p) for c in w.children if c.dep_ == "prep" and c.lower_ == "of"
                                     for p in c.children if p.dep_ == "pobj")
               for w in role_words("subject", t, [t.i], False))


def _population(w: Token) -> bool:
    """``w`` names a people or the public ("Nicaraguans", "most Sri Lankans", "citizens")."""
    return w.ent_type_ == "NORP" or w.lemma_.lower() in POPULATION


def condition(t: Token) -> bool:
    """``t`` heads an unless-clause ("unless ministers backed down over ...")."""
    return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children)


def awaited(t: Token, lex: Lexicon) -> bool:
    """``t`` heads an until-clause under a clause of what will or would be ("would remain in the
    street until Morales stepped down", "will fast until the police guarantee ..."): the act one
    party holds out for, which the coder codes as that party's demand (CAMEO 10); the lexicon's
    ``future_aux``."""
    return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in WAITING_MARKS for c in t.children) \
        and any(c.dep_ == "aux" and c.lower_ in lex.marker("future_aux") for c in t.head.children)


def electoral(t: Token) -> bool:
    """``t``'s subject or agent is the voters ("Voters narrowly rejected", "rejected by the voters")."""
    return t.pos_ in ("VERB", "AUX") and any(s.lemma_.lower() in ELECTORATE for s in role_words("subject", t, [t.i], False))


def capacity(t: Token) -> bool:
    """``t`` is the infinitive of a noun of capacity or need ("readiness to fight", "the need to
    detain")."""
    return t.dep_ in ("acl", "xcomp") and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in CAPACITY_NOUNS


def judged(t: Token) -> bool:
    """``t`` is an event noun whose clause says what it is ("the raid ... is a desperate attempt")."""
    return t.pos_ == "NOUN" and t.dep_ == "nsubj" and describes(t.head)


def kind_to_end(t: Token) -> bool:
    """``t`` is an event noun, with no determiner or possessor, that a verb of ending takes as its
    object ("to end terror attacks", "prevent unjustified police persecution")."""
    return t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() in ENDING_VERBS \
        and not any(c.dep_ in _POINTING for c in t.children)


def illustration(t: Token) -> bool:
    """``t``'s clause, or a clause it is part of, is given "for example" / "for instance"."""
    for w in [t, *t.ancestors]:
        if any(c.dep_ == "prep" and c.lower_ == "for" and any(p.dep_ == "pobj" and p.lower_ in EXAMPLE_NOUNS
                                                              for p in c.children)
               for c in w.children):
            return True
    return False


def campaign(t: Token) -> bool:
    """``t`` is a noun of fighting with the infinitive of its aim ("battle to reduce the U.S.
    military presence")."""
    return t.pos_ == "NOUN" and t.lemma_.lower() in CAMPAIGN_NOUNS \
        and any(c.dep_ == "acl" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children) for c in t.children)


def need_denied(t: Token, lex: Lexicon) -> bool:
    """``t`` is the infinitive of a negated verb of necessity ("did not need to consult"; the
    lexicon's ``necessity_verbs``)."""
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in lex.marker("necessity_verbs") \
        and has_negation(t.head)


def plan_fell_through(t: Token, lex: Lexicon) -> bool:
    """``t`` is the infinitive of a schedule told in the past perfect ("had been due to welcome"; the
    lexicon's ``schedule_words``)."""
    if t.dep_ != "xcomp" or t.head.lower_ not in lex.marker("schedule_words"):
        return False
    w = t.head
    verbs = [w, w.head] if w.dep_ in ("acomp", "attr", "oprd") else [w]
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for v in verbs for c in v.children) \
        and any(c.lower_ == "been" for v in verbs for c in [v, *v.children])


def reason(t: Token, lex: Lexicon, type_: str | None = None) -> str:
    """Why the trigger ``t`` (coded ``type_``, when known) reports no act (empty: it may); ``lex``
    gives the marker words."""
    if habitual(t):
        return "a habit, no one act (often, regularly ...)"
    if capacity(t):
        return "an ability or a need, no act (readiness to fight, the need to detain)"
    if judged(t):
        return "an act the sentence judges, not tells (the raid is a desperate attempt)"
    if kind_to_end(t):
        return "a kind of act to be ended (to end terror attacks)"
    if standing(t, type_):
        return "a stance held, no act (has long rejected)"
    if group_habit(t):
        return "what a people holds as a rule (Nicaraguans, who demand ...)"
    if condition(t):
        return "the condition of a warning, not told as done (unless ministers backed down)"
    if electoral(t):
        return "an electoral choice (voters rejected the proposal)"
    if illustration(t):
        return "an illustration of a general point (for example)"
    if campaign(t):
        return "a campaign, not fighting (battle to reduce the base)"
    if need_denied(t, lex):
        return "a need denied, no act (did not need to consult)"
    if plan_fell_through(t, lex):
        return "a plan that fell through (had been due to welcome)"
    return ""
