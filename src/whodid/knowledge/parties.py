"""Political parties as the text names them: the words that make a name a party's, the
nouns that tie a person or a group to a party ("Lib Dem leader", "Labour MPs"), and the
words that say whether a party governs.

No source at hand lists, for every country and year, which parties governed (the
Wikidata-derived lists and the PETRARCH dictionaries carry offices, not party
membership), so the actors stage tells governing from opposition parties by what the
article says (``whodid.actors.parties``); this module holds the vocabulary it reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whodid.nlp.vocab import POSSESSIVE_MARKS

# words that make a capitalised name a party's ("the Liberal Democrats", "Labour", "the
# Socialist Party"), in their singular lower-case form
PARTY_WORDS = frozenset({
    "party", "labour", "labor", "conservative", "tory", "liberal", "democrat", "republican", "socialist",
    "communist", "nationalist", "unionist", "lib dem", "ukip", "sinn fein", "plaid cymru", "snp",
    "christian democrat", "social democrat", "free democrat",
})
# words that make a name a party's only together with another party word ("Democratic
# Unionist", "Liberal Democratic Party"), never alone ("the Democratic Republic of Congo")
PARTY_MODIFIERS = frozenset({"democratic", "popular", "national", "people's", "peoples", "workers", "social",
                             "christian", "new", "united", "progressive", "radical", "free", "lib", "dem", "green"})
# a word before a party's name that makes it the party's group in a legislature, of the
# party's standing ("the Parliamentary Labour Party" is Labour's MPs, governing in 2005)
PARLIAMENTARY_GROUP = frozenset({"parliamentary"})
# common short forms and nicknames of party names, read as the name they stand for
NICKNAMES = {"tory": "conservative", "tories": "conservative", "lib dems": "liberal democrat",
             "lib dem": "liberal democrat", "libdems": "liberal democrat", "libdem": "liberal democrat"}
# nouns after a party's name that say who in the party is meant: an office in the party or a
# role for it ("Lib Dem leader Charles Kennedy", "Tory co-chairman Liam Fox", "Labour MP X")
PARTY_ROLES = frozenset({
    "leader", "leaders", "deputy leader", "chairman", "co-chairman", "chairwoman", "chair", "president",
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "secretary", "general secretary", "whip",
    "chief whip", "mp", "mps", "member", "members", "peer", "peers", "backbencher", "backbenchers", "candidate",
    "candidates", "councillor", "councillors", "activist", "activists", "figure", "figures", "official",
    "officials", "politician", "politicians", "lawmaker", "lawmakers", "legislator", "legislators", "senator",
    "senators", "campaigner", "campaigners", "supremo", "strategist", "minister", "ministers", "frontbencher",
    "frontbenchers", "association", "chief", "head", "treasurer", "founder", "rebel", "rebels", "chancellor",
})
# of those, the ones that sit in a legislature: a governing party's are LEG (its backbench),
# an opposition party's OPP, as the field codes them
LEGISLATOR_ROLES = frozenset({"mp", "mps", "peer", "peers", "backbencher", "backbenchers", "lawmaker", "lawmakers",
                              "legislator", "legislators", "senator", "senators", "member", "members", "rebel",
                              "rebels"})
# a word right before a party's name that says it governs or not ("the ruling BJP",
# "opposition Congress")
GOVERNING_BEFORE = frozenset({"ruling", "governing"})
OPPOSITION_BEFORE = frozenset({"opposition"})
# a word right after the name that says the party governs ("the Labour government")
GOVERNING_AFTER = frozenset({"government", "administration", "cabinet", "-led", "led"})

# a party word that is also a field of policy, before a noun that makes it the field's: "Labour
# Minister", "the Labour Court", "Labour Day" are no party's
_FIELD = ("minister", "ministry", "secretary", "department", "office", "court", "courts", "day", "code", "law",
          "laws", "market", "force", "inspector", "inspectors", "commissioner")
PORTFOLIO_NOUNS = {"labour": _FIELD, "labor": _FIELD}

_PLURAL = re.compile(r"(?<=[a-z])s$")


def party_key(words: list[str]) -> str | None:
    """The party a capitalised name means, as a key that its other forms share ("Lib Dems",
    "Liberal Democrats" and "the Liberal Democrat Party": ``liberal democrat``; "Tories" and
    "Conservatives": ``conservative``), or None when the name is no party's. The name is a
    party's when its last word is a party word or "Party" ("Labour", "the Socialist Party"),
    not when a party word only opens it ("the Republican Guard")."""
    return _party_key(tuple(words))


# the nicknames' patterns, compiled once (party_key runs on every capitalised run of words)
_NICKNAME_RES = [(re.compile(rf"\b{re.escape(short)}\b"), full) for short, full in NICKNAMES.items()]


@lru_cache(maxsize=4096)
def _party_key(words: tuple[str, ...]) -> str | None:
    """``party_key``'s work, remembered: the same capitalised runs come back on every article."""
    low = [w.lower().strip(".") for w in words if w.lower() != "the" and w.lower() not in POSSESSIVE_MARKS]
    if len(low) > 2 and low[0] in PARLIAMENTARY_GROUP:
        low = low[1:]  # "the Parliamentary Labour Party": the party's MPs, who stand as the party stands
    if not low:
        return None
    if low[-1] == "greens":
        return "green"  # "the Greens"; "Green" alone is as often a name or a colour
    text = " ".join(low)
    for regex, full in _NICKNAME_RES:
        text = regex.sub(full, text)
    parts = [_singular(w) for w in text.split()]
    if parts and parts[-1] == "party":
        parts = parts[:-1]
        if not parts:
            return None
        if not any(p in PARTY_WORDS or p in PARTY_MODIFIERS for p in parts) and len(parts) > 4:
            return None
        return " ".join(parts)
    if not parts:
        return None
    last = parts[-1]
    two = " ".join(parts[-2:])
    if last in PARTY_WORDS or two in PARTY_WORDS:
        if all(p in PARTY_WORDS or p in PARTY_MODIFIERS for p in parts):
            return " ".join(parts)
    return None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return _PLURAL.sub("", word) if word not in ("ukip", "snp", "plaid", "cymru", "sinn", "fein") else word
