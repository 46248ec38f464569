"""Closed-class vocabularies every stage shares, one home each, with the reason for each list.

Open-class word lists that users may extend (speech cues, event triggers, role
nouns) are knowledge and live in ``whodid/data``; these are the small fixed sets of
function words and place nouns the parse rules test against.
"""

from __future__ import annotations

# --- prepositions of place -------------------------------------------------------
# where something is: "in Kenya", "near the border", "across the region"
STATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"})
# where something goes or comes from: "sent to Kyiv", "fled from Mosul", "via Turkey"
MOTION_PREPOSITIONS = frozenset({"to", "into", "from", "through", "toward", "towards", "via"})
# on a surface or over an area: "on the border", "over Gaza"
SURFACE_PREPOSITIONS = frozenset({"on", "over"})

# the object of these is likely a place when the name is unknown: "came to Bukit Bintang"
# ("from" and "via" name where one passed, often a person's origin: left out)
PLACE_OBJECT_PREPOSITIONS = (STATIVE_PREPOSITIONS | MOTION_PREPOSITIONS) - {"from", "via"}
# before a name, these make it a place rather than a person: "in Jordan", "the king of Jordan"
NAME_AS_PLACE_PREPOSITIONS = STATIVE_PREPOSITIONS | MOTION_PREPOSITIONS | {"of", "over"}
# the phrases that say where an event happened ("attacked a convoy near Gao"); "within"
# is a limit more than a place ("within days")
EVENT_PLACE_PREPOSITIONS = STATIVE_PREPOSITIONS - {"within"}
# the phrases an event's place is read from on the parse, motion and surfaces included
# ("troops moved into Kherson", "strikes on Gaza")
EVENT_LOCATION_PREPOSITIONS = (STATIVE_PREPOSITIONS - {"within", "throughout"}) | SURFACE_PREPOSITIONS \
    | {"into", "from", "to"}
# a proper noun after these is a toponym even when the model tags no place
TOPONYM_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "from", "into"})
# an action spread over an area, whose people are its target: "a curfew across Montenegro"
AREA_PREPOSITIONS = frozenset({"in", "across", "inside", "throughout", "into"})

# --- place nouns ------------------------------------------------------------------
# kinds of populated or administrative place: "the town of Samarra", "Kogi state"
# ("capital", "port" and "state" left out: "the capital of France" names a country, and LGL's
# "state of Ohio" is read by the region rules)
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "district", "region", "province", "oblast", "county",
                              "settlement"})
# what an adjective of place can modify and still name a place ("the Iraqi city of", "on the
# Russian border"); elsewhere it names no place ("talks on the Ukrainian conflict", "the Russian army")
PLACE_NOUNS = SETTLEMENT_NOUNS | {"capital", "port", "state", "area", "border", "territory", "enclave", "camp", "countryside", "north", "south",
                                  "east", "west", "part", "side", "coast", "island", "desert", "valley", "highland",
                                  "frontier", "zone"}
# the people, officials and institutions local news names after their town: "a Gainesville man",
# "Roselle police", "the Rochester area" (the town's name before them is a toponym)
LOCAL_NOUNS = frozenset({"man", "men", "woman", "women", "boy", "girl", "teen", "teenager", "youth", "resident",
                         "residents", "native", "homeowners", "voters", "police", "officers",
                         "firefighters", "mayor", "council", "councilman", "councilwoman", "councillor",
                         "councilors", "officials", "schools", "students", "teachers", "educator", "hospital",
                         "hospitals", "area", "community", "neighborhood", "businesses", "native", "ward",
                         "township", "suburb", "suburbs", "downtown", "detectives", "deputies", "jury"})
# the words after a town's name in the names of its own bodies: "the Canaan Board of Finance",
# "Corsicana Police Department" (a company named after a town, "Peabody Energy", is not the town)
LOCAL_BODIES = frozenset({"police", "fire", "city", "town", "village", "county", "board", "council", "public",
                          "schools", "school", "library", "department", "area", "township", "municipal",
                          "chamber", "planning", "zoning", "housing", "parks", "sheriff", "mayor"})
# an office or institution of a place named after "of": "the University of Rochester", "the Village of
# Glen Carbon", "the Governor of Krasnodar"
OF_PLACE_HEADS = frozenset({"university", "college", "village", "city", "town", "township", "borough", "bank",
                            "mayor", "governor", "diocese", "port", "county", "state", "province"})

# --- modifiers of a title ---------------------------------------------------------
# an office no longer held: "former President Trump", "the erstwhile Russian president"
FORMER = frozenset({"former", "ex", "ex-", "erstwhile"})
# words between a designator and a role noun that say the role is not the present one:
# "the late president", "the then prime minister", "the would-be leader"
NOT_CURRENT = FORMER | {"late", "then", "previous", "future", "next", "would-be"}

# --- forms of address before a name -------------------------------------------------
# "Mr Blair", "Ms Jamieson", "Dr Fox", "Lord Goldsmith": not part of the name, but they
# say the name is a person's, and most say the person's gender (None: they do not)
ENGLISH_HONORIFICS: dict[str, str | None] = {
    "mr": "male", "mr.": "male", "mister": "male", "sir": "male", "lord": "male", "baron": "male",
    "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female", "dame": "female",
    "lady": "female", "baroness": "female",
    "dr": None, "dr.": None, "rev": None, "rev.": None, "reverend": None, "prof": None, "prof.": None,
    # a rank used as a form of address ("Gen Prawit" after "Prawit Wongsuwon"; "Gen." with its
    # stop is a title the role nouns read)
    "gen": None,
}

# --- nouns that refer back --------------------------------------------------------
# "the group", "the party", "the organisation" with nothing after them name the body the text
# last named as a doer (a subject): "The CPDS called a march ... the party said"; "party" only a
# political party's ("the party" after "the Tories")
BODY_ANAPHORS = frozenset({"group", "party", "organisation", "organization", "movement", "coalition", "alliance",
                           "union", "association", "body"})

# --- quotation marks -------------------------------------------------------------
# a straight quotation mark ('"') opens a quotation after a space, a paragraph start or one of
# these ("(\"Labour", "said:\"We", "—\"never"); glued to a word or a stop it closes one, and
# with none open it is a stray closing mark, not the start of a quotation (a copy-edit slip:
# 'the plan was wrong." Mr Howard said' must not put the rest of the paragraph in quotes)
QUOTE_OPENS_AFTER = frozenset("([{—–-:/\n\t ")

# --- calendar ---------------------------------------------------------------------
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# --- quantifiers used as nouns ------------------------------------------------------
# a part of a group named after it: "many in his own party", "some within Labour", "many on
# the Tory benches", "others among the rebels": who they are is the group in the phrase
PARTITIVE_QUANTIFIERS = frozenset({"some", "many", "most", "several", "few", "others", "all", "both", "half"})
# the prepositions that name that group (beside "of": "members of NATO")
PARTITIVE_PREPOSITIONS = frozenset({"in", "within", "among", "amongst", "inside", "on"})

# --- relational nouns ----------------------------------------------------------------
# another party named by its relation to the possessor: "its neighbour", "his rivals", "their
# allies" are not the one "its", "his", "their" stand for
RELATIONAL_NOUNS = frozenset({"neighbor", "neighbour", "ally", "rival", "enemy", "foe", "adversary", "opponent",
                              "counterpart", "partner", "critic", "opposite"})

# lower-case particles inside a person's name ("José Eduardo dos Santos", "Ursula von der Leyen",
# "Zine El Abidine Ben Ali"): a surname may start at one, and a name runs on across one
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "ben", "de", "da", "das", "do", "dos", "du", "del", "della", "di",
                            "von", "van", "der", "den", "ter", "le", "la", "y", "ul", "ud"})

# the possessive marks as the tokenizer splits them: "Putin's", and the bare apostrophe of a
# plural's ("the Lib Dems' spokesman")
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})

# first-person pronouns: in a quotation they are its speaker ("they will work with us", said
# the minister: the minister, or what the minister speaks for)
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})

# the determiners that point back at something the text has told ("the protests", "that meeting"):
# an event noun with one is a re-mention, not a new event
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
DEFINITE_DETERMINERS = DEMONSTRATIVES | {"the"}

# --- copulas ----------------------------------------------------------------------
# verbs that say what something is or seems, with a predicate ("these are serious problems",
# "the plans are not racist", "it remained unclear"): a view or a description, not an act
COPULAS = frozenset({"be", "seem", "appear", "remain", "become", "look", "sound", "prove"})


# --- words the tokenizer keeps whole -----------------------------------------------
# British "co-" spellings of one word ("co-ordinate", "co-operation"): spaCy's rules split them at
# the hyphen into "co", "-", "ordinate", which the parser reads as three verbs and the lexicon's
# "coordinate" and "cooperate" never see. Kept whole, by the model's tokenizer and by the one the
# knowledge base tokenises names with (so "Organization for Security and Co-operation in Europe"
# still matches), and lemmatised as the unhyphenated word: lemma -> forms.
CO_WORDS = {
    "cooperate": ("co-operate", "co-operates", "co-operated", "co-operating"),
    "cooperation": ("co-operation",),
    "coordinate": ("co-ordinate", "co-ordinates", "co-ordinated", "co-ordinating"),
    "coordination": ("co-ordination",),
}


def keep_whole(tokenizer) -> None:
    """Add the ``CO_WORDS`` forms (lower case and capitalised) to a spaCy tokenizer as special cases."""
    from spacy.symbols import ORTH

    for forms in CO_WORDS.values():
        for form in forms:
            for variant in (form, form.capitalize()):
                tokenizer.add_special_case(variant, [{ORTH: variant}])
