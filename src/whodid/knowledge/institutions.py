"""The sector an organisation's name gives by the kind of body its last word names, for
organisations neither the knowledge base nor the agents dictionary knows: "the Office of
Fair Trading", "the Qualifications and Curriculum Authority", "the Presidential Archives"
are state bodies (GOV); "the Countryside Alliance", "the Muslim Association of Britain"
associations (NGO); "Ernst & Young", "Acme plc" companies (BUS).

A fallback: an agent noun in the name says more ("Lebanese-Egyptian Business
Association": BUS, "Uttar Pradesh Police": COP) and is read first.
"""

from __future__ import annotations

# the last word of the name (or the word before "of": "the Office of Fair Trading")
BODY_SECTORS = {
    # bodies of the state
    "office": "GOV", "agency": "GOV", "archives": "GOV", "bureau": "GOV", "department": "GOV", "ministry": "GOV",
    "directorate": "GOV", "inspectorate": "GOV", "secretariat": "GOV", "treasury": "GOV", "commission": "GOV",
    "executive": "GOV", "regulator": "GOV", "ombudsman": "GOV",
    # legislatures (also by their own names: "the Lok Sabha", "the Knesset", "the Duma") and courts
    "assembly": "LEG", "lords": "LEG", "commons": "LEG", "senate": "LEG", "sabha": "LEG", "knesset": "LEG",
    "duma": "LEG", "bundestag": "LEG", "bundesrat": "LEG", "sejm": "LEG", "majlis": "LEG", "storting": "LEG",
    "riksdag": "LEG", "folketing": "LEG", "eduskunta": "LEG", "althing": "LEG", "oireachtas": "LEG",
    "verkhovna": "LEG", "rada": "LEG", "khural": "LEG", "jirga": "LEG", "shura": "LEG",
    "court": "JUD", "tribunal": "JUD",
    # associations of citizens
    "alliance": "NGO", "association": "NGO", "foundation": "NGO", "society": "NGO", "campaign": "NGO",
    "charity": "NGO", "league": "NGO", "trust": "NGO",
    # an organisation no source knows, named or described as one ("a number of Muslim
    # organisations"): the intergovernmental ones (the WHO) are known by their names first
    "organisation": "NGO", "organization": "NGO", "organisations": "NGO", "organizations": "NGO",
    "charities": "NGO", "associations": "NGO",
    # trade unions ("the Public and Commercial Services Union"; "the European Union", a name the
    # knowledge base knows, is found by its name first)
    "union": "LAB", "unions": "LAB",
    # companies
    "plc": "BUS", "ltd": "BUS", "inc": "BUS", "llc": "BUS", "gmbh": "BUS", "corp": "BUS",
}
# two-word bodies whose last word alone says otherwise ("the Law Lords" sit as a court)
BODY_PHRASES = {"law lords": "JUD", "human rights commission": "NGO", "rights commission": "NGO",
                # intelligence services are SPY (the news-events guidelines, CAMEO's SPY sector)
                "security agency": "SPY", "intelligence agency": "SPY", "intelligence service": "SPY",
                "intelligence services": "SPY", "security service": "SPY", "intelligence bureau": "SPY",
                "intelligence directorate": "SPY"}


# a body named by the branch of the state it is, before a word that names no kind of body
# of its own ("the Executive Yuan", "the Legislative Council", "the Judicial Yuan")
BRANCH_WORDS = {"executive": "GOV", "legislative": "LEG", "judicial": "JUD"}


# a company whose name says it broadcasts or publishes news is the media (CAMEO MED):
# "Broadcasting Corp of China", "Acme Television Ltd"
MEDIA_WORDS = frozenset({"broadcasting", "broadcaster", "broadcasters", "television", "tv", "radio", "newspaper",
                         "newspapers"})


def body_sector(words: list[str]) -> str | None:
    """The sector of an organisation named by ``words`` by the kind of body it is, or None."""
    low = [w.lower().strip(".") for w in words if w.strip(".")]
    if not low:
        return None
    sector = _body_sector(low)
    if sector == "BUS" and MEDIA_WORDS.intersection(low):
        return "MED"
    return sector


def _body_sector(low: list[str]) -> str | None:
    for n in (3, 2):
        phrase = " ".join(low[-n:])
        if phrase in BODY_PHRASES:
            return BODY_PHRASES[phrase]
    if "&" in low[1:-1]:
        return "BUS"  # "Ernst & Young", "Marks & Spencer": a firm's name
    if "of" in low[1:]:
        head = low[low.index("of") - 1]  # "Office of Fair Trading", "Muslim Association of Britain"
        if head in BODY_SECTORS:
            return BODY_SECTORS[head]
    if low[-1] in BODY_SECTORS:
        return BODY_SECTORS[low[-1]]
    if len(low) == 2 and low[0] in BRANCH_WORDS:
        return BRANCH_WORDS[low[0]]
    return None
