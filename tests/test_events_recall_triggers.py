"""Triggers the coder never found or found and dropped (issue 15, recall, fifth pass): verb
forms the lemmatizer mangles, hyphenated event nouns, charges, dares and instructions, and
investigations told with no investigator. Actors are built by hand, so only the events stage
is tested (the lemmas come from whodid's spaCy pipeline)."""

from __future__ import annotations

# the same stage runner and summary as the first recall tests
from test_events_recall import brief


def test_verb_forms_the_rule_lemmatizer_cuts_short_keep_their_lemma(nlp):
    doc = nlp("The miners staged a strike, the rebels waged war, the court fined the union and he hoped to win.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["staged"], lemmas["waged"], lemmas["fined"], lemmas["hoped"]) == ("stage", "wage", "fine", "hope")
    assert nlp("Their wages were cut.")[1].lemma_ == "wage"  # the noun is left alone


def test_a_staged_strike_is_a_protest(hand_code):
    events = hand_code("The miners' union staged a strike against the government.",
                       {"union": ("U", "GBRLAB"), "government": ("G", "GBRGOV")})
    assert [(e.type, e.mode, e.actor) for e in events] == [("PROTEST", "strike", ["U"])]


def test_a_hyphenated_event_noun_is_found(hand_code):
    events = hand_code("Opposition MPs continued an open-ended sit-in at parliament.", {"MPs": ("O", "KWTOPP")})
    assert [(e.type, e.actor) for e in events] == [("PROTEST", ["O"])]


def test_charges_against_someone_are_an_accusation(hand_code):
    events = hand_code("The prosecutor filed charges against the mayor.",
                       {"prosecutor": ("P", "KENJUD"), "mayor": ("M", "KENGOV")})
    assert [(e.type, e.mode, e.actor, e.recipient) for e in events] == [("ACCUSE", "allege", ["P"], ["M"])]


def test_being_in_charge_is_no_accusation(hand_code):
    assert hand_code("The minister is in charge of the police.", {"minister": ("M", "KENGOV"), "police": ("P", "KENPOL")}) == []


def test_a_party_challenged_to_act_is_asked_to(hand_code):
    events = hand_code("Labour challenged the Tories to publish the report.",
                       {"Labour": ("L", "GBRGOV"), "Tories": ("T", "GBROPP")})
    assert brief(events) == [("REQUEST", ["L"], ["T"])]


def test_challenging_a_ruling_is_no_request(hand_code):
    events = hand_code("The opposition challenged the ruling in court.", {"opposition": ("O", "KENOPP")})
    assert all(e.type != "REQUEST" for e in events)


def test_informed_to_act_is_an_instruction(hand_code):
    events = hand_code("The ministry informed the hospitals to admit more patients.",
                       {"ministry": ("M", "JPNGOV"), "hospitals": ("H", "JPNHLH")})
    assert brief(events) == [("REQUEST", ["M"], ["H"])]


def test_an_investigation_with_no_investigator_named_is_kept_for_the_one_investigated(hand_code):
    events = hand_code("Zhao is being investigated in a separate case.", {"Zhao": ("Z", "CHNGOV")})
    assert [(e.type, e.mode, e.actor, e.recipient) for e in events] == [("ACCUSE", "investigate", [], ["Z"])]


def test_criticism_with_no_critic_named_is_still_dropped(hand_code):
    assert hand_code("Zhao was criticised in a separate case.", {"Zhao": ("Z", "CHNGOV")}) == []


# ---------------------------------------------------------------- aid told by its nouns (sixth pass)


def test_a_loan_to_a_government_is_economic_aid(hand_code):
    events = hand_code("Japan announced a loan to Sri Lanka.", {"Japan": ("J", "JPNGOV"), "Sri Lanka": ("S", "LKAGOV")})
    assert [(e.type, e.cameo, e.actor, e.recipient) for e in events] == [("AID", "071", ["J"], ["S"])]


def test_financial_support_of_a_donor_is_aid_from_it(hand_code):
    events = hand_code("The project is implemented with financial support of the Solidarity Centre for the unions.",
                       {"Solidarity Centre": ("S", "FINNGO"), "unions": ("U", "NAMLAB")})
    assert [(e.type, e.actor, e.recipient) for e in events] == [("AID", ["S"], ["U"])]


def test_a_gift_for_a_skill_or_support_among_voters_is_no_aid(hand_code):
    assert hand_code("The minister's gift for oratory impressed the party.",
                     {"minister": ("M", "GBRGOV"), "party": ("P", "GBROPP")}) == []
    assert hand_code("The party lost financial support among voters.", {"party": ("P", "GBROPP")}) == []


# ---------------------------------------------------------------- allegations told as a clause


def test_an_allegation_told_as_a_clause_accuses_its_subject(hand_code):
    events = hand_code("Khan alleged that the government bought votes from MPs.",
                       {"Khan": ("K", "PAKOPP"), "government": ("G", "PAKGOV"), "MPs": ("M", "PAKLEG")})
    assert [(e.type, e.mode, e.actor, e.recipient) for e in events] == [("ACCUSE", "allege", ["K"], ["G"])]


def test_an_allegation_about_no_party_is_no_event(hand_code):
    assert hand_code("Khan alleged that money was spent to buy votes.", {"Khan": ("K", "PAKOPP")}) == []


# ---------------------------------------------------------------- background references with their doer


def test_a_background_reference_naming_its_doer_is_coded(hand_code):
    events = hand_code("The US will act on global warming despite George Bush's refusal to sign up to the Kyoto protocol.",
                       {"US": ("U", "USAGOV"), "George Bush": ("B", "USAGOV")})
    assert [(e.type, e.actor) for e in events] == [("REJECT", ["B"])]
    events = hand_code("Mr Clarke took over following David Blunkett's resignation.",
                       {"Clarke": ("C", "GBRGOV"), "David Blunkett": ("B", "GBRGOV")})
    assert [(e.type, e.actor) for e in events] == [("RETREAT", ["B"])]


def test_a_background_reference_with_no_doer_stays_uncoded(hand_code):
    assert hand_code("Mr Clarke took over following the resignation.", {"Clarke": ("C", "GBRGOV")}) == []


# ---------------------------------------------------------------- joint news conferences


def test_a_joint_news_conference_is_a_meeting_of_its_holders(hand_code):
    events = hand_code("Mr Straw, speaking at a joint news conference with Chinese Foreign Minister Li Zhaoxing, stressed this point.",
                       {"Straw": ("S", "GBRGOV"), "Li Zhaoxing": ("L", "CHNGOV")})
    assert [(e.type, sorted(e.actor + e.recipient)) for e in events] == [("CONSULT", ["L", "S"])]


def test_a_joint_news_conference_they_are_to_hold_is_a_future_meeting(hand_code):
    (e,) = hand_code("You and Vystrcil are to hold a joint news conference on Thursday.",
                     {"You": ("Y", "TWNLEG"), "Vystrcil": ("V", "CZELEG")})
    assert (e.type, e.modality, sorted(e.actor)) == ("AGREE", "future", ["V", "Y"])


def test_a_news_conference_of_ones_own_is_no_meeting(hand_code):
    assert hand_code("Mr Straw told a news conference in Beijing that the embargo would stay.",
                     {"Straw": ("S", "GBRGOV"), "Beijing": ("B", "CHNGOV")}) == []


# ---------------------------------------------------------------- congratulations, thanks, condolences


def test_congratulations_sent_and_condolences_expressed_are_support(hand_code):
    events = hand_code("Tory leader Michael Howard sent Mr Bush his warmest congratulations.",
                       {"Michael Howard": ("H", "GBROPP"), "Mr Bush": ("B", "USAGOV")})
    assert [(e.type, e.actor, e.recipient) for e in events] == [("SUPPORT", ["H"], ["B"])]
    events = hand_code("The Irish prime minister expressed his condolences to Kishida.",
                       {"Irish prime minister": ("I", "IRLGOV"), "Kishida": ("K", "JPNGOV")})
    assert [(e.type, e.actor, e.recipient) for e in events] == [("SUPPORT", ["I"], ["K"])]
    events = hand_code("Mr Blair also paid tribute to Democrat John Kerry's campaign.",
                       {"Mr Blair": ("B", "GBRGOV"), "John Kerry": ("K", "USAOPP")})
    assert [(e.type, e.actor, e.recipient) for e in events] == [("SUPPORT", ["B"], ["K"])]


def test_condolences_or_a_tribute_to_no_party_are_no_event(hand_code):
    assert hand_code("The minister expressed his condolences.", {"minister": ("M", "GBRGOV")}) == []
    assert hand_code("The company paid tribute to its founder's vision.", {"company": ("C", "GBRBUS")}) == []


# ---------------------------------------------------------------- embargoes imposed and lifted


def test_an_arms_ban_on_a_state_is_an_embargo(hand_code):
    events = hand_code("The EU imposed its arms ban on China in 1989.", {"EU": ("E", "IGOEUREEC"), "China": ("C", "CHNGOV")})
    assert [(e.type, e.cameo, e.actor, e.recipient) for e in events] == [("SANCTION", "163", ["E"], ["C"])]


def test_a_smoking_ban_stays_a_restriction(hand_code):
    events = hand_code("The council imposed a smoking ban on pubs.", {"council": ("C", "GBRGOV")})
    assert all(e.type != "SANCTION" for e in events)


def test_sanctions_lifted_with_no_subject_are_lifted_by_who_imposed_them(hand_code):
    events = hand_code("Lifting the US sanctions on Iran would take years.", {"US": ("U", "USAGOV"), "Iran": ("I", "IRNGOV")})
    assert [(e.type, e.actor, e.recipient) for e in events] == [("CONCEDE", ["U"], ["I"])]


def test_ending_a_war_is_no_concession(hand_code):
    assert hand_code("The government ended the war in 2003.", {"government": ("G", "USAGOV")}) == []


# ---------------------------------------------------------------- demands answered


def test_a_refused_request_whose_maker_is_named_is_coded_too(hand_code):
    events = hand_code("Israel has refused all Ukrainian requests for weapons.", {"Israel": ("I", "ISRGOV"), "Ukrainian": ("U", "UKRGOV")})
    assert sorted((e.type, e.actor, e.recipient) for e in events) == [("REJECT", ["I"], ["U"]), ("REQUEST", ["U"], ["I"])]
    events = hand_code("The government agreed to the opposition's demand for a discussion.",
                       {"government": ("G", "INDGOV"), "opposition": ("O", "INDOPP")})
    assert ("REQUEST", ["O"], ["G"]) in [(e.type, e.actor, e.recipient) for e in events]


def test_a_refused_request_of_no_one_named_is_only_the_refusal(hand_code):
    assert [e.type for e in hand_code("The minister rejected the demand.", {"minister": ("M", "INDGOV")})] == ["REJECT"]
