"""Speech cues: the verbs and phrases that introduce who said what.

Lemmas, so "said", "says" and "saying" all match. Verbs of belief ("believe",
"think") are left out on purpose: they report a state of mind, not speech.
"""

SPEECH_VERBS = frozenset("""
say tell add claim state argue warn insist declare announce note explain write ask reply respond
stress deny predict suggest reiterate acknowledge admit confirm allege assert contend maintain
urge repeat remark comment vow pledge promise threaten accuse describe call report testify
complain concede boast recall quip answer emphasise emphasize observe indicate caution
blame lament criticise criticize condemn praise dismiss brand label dub term refer mock decry hail
""".split())

# "according to X"
ACCORDING = "according"

# Nouns a quote can be attributed through when no verb is there ("in a statement").
SPEECH_NOUNS = frozenset("statement remarks comments interview speech briefing post tweet".split())

# Subject nouns that name an unnamed speaker and the sector they give.
UNNAMED_SPEAKERS = {
    "official": "GOV", "officials": "GOV", "diplomat": "GOV", "diplomats": "GOV", "minister": "GOV",
    "ministry": "GOV", "government": "GOV", "spokesperson": "GOV", "spokesman": "GOV", "spokeswoman": "GOV",
    "police": "COP", "army": "MIL", "military": "MIL", "commander": "MIL", "soldiers": "MIL",
    "protesters": "CVL", "residents": "CVL", "witnesses": "CVL", "activists": "CVL", "analysts": "CVL",
    "rebels": "REB", "militants": "REB", "sources": None, "source": None,
}
