"""Trigger words told in a construction that reports no act (news-events guidelines: "Do not
code it at all when it is a metaphor, a word in another sense, ..."), dropped before an event
is built:

- a habit, not an act: a frequency adverb on the trigger ("Iran often accuses its enemies of
  trying to destabilize the country", "the ministry regularly criticises", "Muslims generally
  agree on them", "at times the government does not adequately consult unions"), or a
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
  long rejected the label", "have traditionally opposed"): a view held, no act with a time;
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

On the development gold these are 13 emitted events, none right (ev-precision8); the last four
classes 6 more, none right (ev-precision9).
"""

from __future__ import annotations

from spacy.tokens import Token

from whodid.events.senses import describes, role_words

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
# subordinators of a clause that tells the condition of another: what is warned of
CONDITION_MARKS = {"unless"}
# ... or what is waited for ("until" only under a clause of what will or would be: "Spain was the
# colonial power until it was annexed" tells when the annexation came)
WAITING_MARKS = {"until", "till"}
_FUTURE = {"will", "would", "shall", "'ll", "wo"}
# a people or the public, whose present-tense "who demand", "who blame" describes it
POPULATION = {"people", "public", "citizen", "resident", "population", "majority", "inhabitant", "national", "voter"}
# the electorate: what it chooses at the polls is no act toward a party
ELECTORATE = {"voter", "electorate", "elector"}


def habitual(t: Token) -> bool:
    """``t`` tells a habit: a frequency adverb on it ("often accuses")."""
    if any(c.dep_ == "advmod" and c.lower_ in FREQUENCY for c in t.children):
        return True
    if any(c.dep_ == "prep" and (c.lower_, p.lower_) in _FREQUENCY_PHRASES
           for c in t.children for p in c.children if p.dep_ == "pobj"):
        return True
    # "it does that when it consults schools' communities"
    return t.dep_ == "advcl" and t.tag_ in ("VBZ", "VBP") \
        and any(c.dep_ in ("advmod", "mark") and c.lower_ in _WHENEVER for c in t.children)


def standing(t: Token) -> bool:
    """``t`` tells a stance held over time: an adverb of duration on it ("has long rejected")."""
    return any(c.dep_ == "advmod" and c.lower_ in DURATION for c in t.children)


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


def awaited(t: Token) -> bool:
    """``t`` heads an until-clause under a clause of what will or would be ("would remain in the
    street until Morales stepped down", "will fast until the police guarantee ..."): the act one
    party holds out for, which the coder codes as that party's demand (CAMEO 10)."""
    return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in WAITING_MARKS for c in t.children) \
        and any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in t.head.children)


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


def reason(t: Token) -> str:
    """Why the trigger ``t`` reports no act (empty: it may)."""
    if habitual(t):
        return "a habit, no one act (often, regularly ...)"
    if capacity(t):
        return "an ability or a need, no act (readiness to fight, the need to detain)"
    if judged(t):
        return "an act the sentence judges, not tells (the raid is a desperate attempt)"
    if kind_to_end(t):
        return "a kind of act to be ended (to end terror attacks)"
    if standing(t):
        return "a stance held, no act (has long rejected)"
    if group_habit(t):
        return "what a people holds as a rule (Nicaraguans, who demand ...)"
    if condition(t):
        return "the condition of a warning, not told as done (unless ministers backed down)"
    if electoral(t):
        return "an electoral choice (voters rejected the proposal)"
    return ""
