"""The sector an organisation's name gives by the kind of body its last word names, for
organisations neither the knowledge base nor the agents dictionary knows: "the Office of
Fair Trading", "the Qualifications and Curriculum Authority", "the Presidential Archives"
are state bodies (GOV); "the Countryside Alliance", "the Muslim Association of Britain"
associations (NGO); "Ernst & Young", "Acme plc" companies (BUS).

Names of firms, schools, newspapers and hospitals by the word a capitalised name ends in
("Baotou Bank" BUS, "Tsinghua University" EDU, "the Jakarta Post" MED: CAMEO's sectors), and
Spanish, Portuguese and French names by the word they open with ("Fundación ...": NGO).

A fallback: an agent noun in the name says more ("Lebanese-Egyptian Business
Association": BUS, "Uttar Pradesh Police": COP) and is read first.
"""

from __future__ import annotations

from whodid.knowledge.parties import PARTY_MODIFIERS, PARTY_WORDS

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
# the other kinds of body CAMEO's actor codebook gives a sector of their own (BUS, EDU, MED,
# HLH, NGO), by the word a NAME of one ends in ("Baotou Bank", "Huawei Technologies Co",
# "Anbang Group", "Tsinghua University", "the Jakarta Post", "the Movement for Freedom of
# Information"); capitalised only: "the group", "a post", "the bank" in lower case are no name
NAMED_BODY_SECTORS = {
    "co": "BUS", "company": "BUS", "corporation": "BUS", "bank": "BUS", "insurance": "BUS", "holdings": "BUS",
    "group": "BUS", "industries": "BUS", "technologies": "BUS", "enterprises": "BUS", "airlines": "BUS",
    "airways": "BUS", "motors": "BUS", "limited": "BUS",
    "university": "EDU", "college": "EDU", "academy": "EDU", "school": "EDU",
    "times": "MED", "post": "MED", "herald": "MED", "gazette": "MED", "tribune": "MED", "journal": "MED",
    "telegraph": "MED", "chronicle": "MED", "prensa": "MED",
    "hospital": "HLH", "clinic": "HLH",
    "movement": "NGO", "network": "NGO", "coalition": "NGO", "federation": "NGO",
    "institute": "NGO", "institution": "NGO",
}
# of those, the words parties name themselves by too, with a party word ("socialist",
# "democratic", "national") beside them: then a party (CAMEO PTY)
PARTY_HEADS = frozenset({"movement", "coalition", "network", "federation"})
# Spanish, Portuguese and French names put the kind of body first ("Fundación Violeta Barrios
# de Chamorro", "Universidad Centroamericana", "Banco Central de Reserva", "Ministerio de Salud")
HEAD_FIRST_BODIES = {
    "fundación": "NGO", "fundacion": "NGO", "fundação": "NGO", "fondation": "NGO", "asociación": "NGO",
    "asociacion": "NGO", "associação": "NGO", "universidad": "EDU", "universidade": "EDU", "université": "EDU",
    "banco": "BUS", "banque": "BUS", "empresa": "BUS", "ministerio": "GOV", "ministério": "GOV",
    "ministère": "GOV", "corte": "JUD", "asamblea": "LEG", "assemblée": "LEG", "congreso": "LEG",
    "senado": "LEG", "policía": "COP", "policia": "COP", "ejército": "MIL", "ejercito": "MIL",
    "sindicato": "LAB", "diario": "MED", "periódico": "MED",
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
    sector = _body_sector(low, [w for w in words if w.strip(".")])
    if sector == "BUS" and MEDIA_WORDS.intersection(low):
        return "MED"
    return sector


def _body_sector(low: list[str], named: list[str]) -> str | None:
    for n in (3, 2):
        phrase = " ".join(low[-n:])
        if phrase in BODY_PHRASES:
            return BODY_PHRASES[phrase]
    if "&" in low[1:-1]:
        return "BUS"  # "Ernst & Young", "Marks & Spencer": a firm's name
    heads = [low.index(link) - 1 for link in ("for", "of") if link in low[1:]]
    # "Office of Fair Trading", "Muslim Association of Britain": the word before the link
    for at in [*heads, len(low) - 1]:
        if low[at] in BODY_SECTORS:
            return BODY_SECTORS[low[at]]
    for at in [*heads, len(low) - 1]:
        if low[at] in NAMED_BODY_SECTORS and named[at][:1].isupper():
            if low[at] in PARTY_HEADS and (PARTY_WORDS | PARTY_MODIFIERS).intersection(low):
                return "PTY"  # "the Mauritian Socialist Movement", "Movement for Democratic Change": a party
            return NAMED_BODY_SECTORS[low[at]]
    if low[0] in HEAD_FIRST_BODIES and named[0][:1].isupper() and len(low) > 1:
        return HEAD_FIRST_BODIES[low[0]]
    if len(low) == 2 and low[0] in BRANCH_WORDS:
        return BRANCH_WORDS[low[0]]
    return None
