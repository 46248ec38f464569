"""Words of offices the text ties a person to, for people the knowledge base has no office
for at the article's date (``whodid.actors.offices`` reads them).

The agents dictionary (PETRARCH2's ``Phoenix.agents.txt``) and the knowledge base's role
nouns give most sectors ("minister" GOV, "MP" LEG, "archbishop" CHR, "imam" MUS). What
they lack, and why it is here:

- ``ORG_OFFICE_NOUNS``: offices any organisation has ("chairman", "director", "head").
  They say nothing by themselves: the person takes the sector of the organisation the
  office is in ("IHRC chairman Massoud Shadjareh": the commission's NGO, "the president
  of the Assembly": LEG). The dictionary codes some of them alone ("PRESIDENT" GOV,
  "SPOKESPERSON" MED), which is wrong for the officers of a union, a firm or a party;
- ``RELIGIOUS_TITLES``: clergy titles the dictionary does not list ("cardinal",
  "reverend"), coded as CAMEO codes the religion (CTH Catholic, CHR Christian, MUS Muslim);
- ``LEGISLATOR_TITLES``: "Speaker", and the post-nominal letters of members of
  legislatures ("Frank Field MP", "an MSP"); the dictionary has "MP" and "lawmaker" only;
- ``STATE_TITLES``: offices of state neither the role nouns nor the dictionary list
  ("Comptroller Gerado Solís", "First Minister Jack McConnell", the ombudsman): GOV;
- ``PRESIDING_OFFICES`` with ``LEGISLATURE_WORDS`` (or a body word such as "Senate"): the
  presiding officer of a legislature ("Senate President", "Parliament Speaker") is LEG;
- ``STAFF_NOUNS``: a post held for one person ("an adviser on climate change to President
  Bush", "a spokesman for Palestinian president Mahmoud Abbas"): the holder speaks and acts
  for his principal, so he is of the principal's country and sector, as CAMEO codes a
  spokesman by the actor he speaks for;
- ``OPPOSITION_WORDS``: a shadow post is the opposition's ("shadow home secretary"), as
  is any office "opposition" qualifies ("the opposition leader"), and ``POLITICAL_PEOPLE``
  it qualifies ("the opposition figure", "Oppositionist X").
"""

from __future__ import annotations

ORG_OFFICE_NOUNS = frozenset({
    "chairman", "chairwoman", "chairperson", "chair", "director", "head", "chief", "president", "vice-president",
    "leader", "spokesman", "spokeswoman", "spokesperson", "secretary", "founder", "co-founder", "executive",
    "boss", "officer", "manager", "editor", "rector", "governor", "treasurer", "coordinator", "convenor",
    "general", "commissioner", "co-chairman", "deputy", "member", "members", "representative", "campaigner",
    "organiser", "organizer", "official", "officials", "chancellor", "principal", "presenter", "correspondent",
    "rapporteur",
})
RELIGIOUS_TITLES = {
    "cardinal": "CTH", "pope": "CTH", "archbishop": "CHR", "bishop": "CHR", "reverend": "CHR", "rev": "CHR",
    "vicar": "CHR", "pastor": "CHR", "priest": "CHR", "patriarch": "CHR",
    "imam": "MUS", "ayatollah": "MUS", "mufti": "MUS", "mullah": "MUS", "rabbi": "JEW", "lama": "BUD",
}
LEGISLATOR_TITLES = frozenset({"speaker", "mp", "mps", "mep", "meps", "msp", "msps", "mla", "mlas", "td", "tds",
                               "lawmaker", "lawmakers", "legislator", "legislators", "senator", "congressman",
                               "congresswoman", "parliamentarian", "councillor", "councilor", "alderman"})
STATE_TITLES = {"comptroller": "GOV", "comptroller general": "GOV", "ombudsman": "GOV", "first minister": "GOV",
                "inspector general": "GOV", "controller general": "GOV", "auditor-general": "GOV",
                # a commissioner of a state function (Phoenix: DISTRICT_COMMISSIONER GOV,
                # POLICE_COMMISSIONER COP): "Chief Election Commissioner X", "the information commissioner"
                "election commissioner": "GOV", "information commissioner": "GOV"}
STAFF_NOUNS = frozenset({"adviser", "advisor", "aide", "spokesman", "spokeswoman", "spokesperson",
                         "secretary", "assistant", "deputy", "envoy", "chief of staff"})
STAFF_LINKS = frozenset({"to", "for"})
OPPOSITION_WORDS = frozenset({"shadow", "opposition", "oppositionist"})
# people of politics who hold no office: with an opposition word ("opposition figure X",
# "Oppositionist X", "X was the opposition candidate") they are the opposition's (OPP)
POLITICAL_PEOPLE = frozenset({"figure", "politician", "candidate", "activist", "oppositionist", "dissident",
                              "challenger", "contender", "hopeful"})
# offices that preside over a body: with a legislature's name ("Senate President X",
# "Parliament Speaker X", "Rajya Sabha deputy chairman X") they are the legislature's (LEG),
# whatever office of state a dictionary gives the person from another year
PRESIDING_OFFICES = frozenset({"speaker", "president", "chairman", "chairwoman", "chairperson", "chair"})
# plural nouns of people who speak or act for a body: "representatives from a number of
# Muslim organisations" are the organisations' people, not legislators (the agents dictionary
# reads "representatives" and "delegates" as the United States' House)
BODY_PEOPLE = frozenset({"representatives", "delegates", "delegations", "envoys", "members"})
# words that name a legislature besides the body words of ``whodid.knowledge.institutions``
LEGISLATURE_WORDS = frozenset({"parliament", "parliamentary", "legislative", "legislature"})
# words that make an office one held before, not now ("former chairman", "ex-minister")
PAST_WORDS = frozenset({"former", "ex", "ex-", "then", "late", "onetime", "one-time", "erstwhile",
                        "previous", "retired"})
