"""Attribution cues, read from ``data/quotes/cues.yaml``: the verbs and phrases that
introduce who said (or thinks, wants, found) what, each with the complements that
carry the content, and the nouns that name an unnamed speaker.

Lemmas, so "said", "says" and "saying" all match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# "according to X"
ACCORDING = "according"


@dataclass(frozen=True)
class CueClass:
    name: str
    complements: frozenset[str]  # clause, infinitive, object, prep
    preps: frozenset[str] = frozenset()
    source_optional: bool = False
    content_object: bool = False  # the object counts only when it names content (an idea, not a thing given)


@dataclass(frozen=True)
class Cues:
    verbs: dict[str, CueClass]  # lemma -> its class
    speech_nouns: frozenset[str]
    unnamed_speakers: dict[str, str | None]  # noun -> CAMEO sector (None: the noun gives none)
    source_nouns: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] | None = None
    stance_holders: frozenset[str] = frozenset()
    inanimate_agent_lookalikes: frozenset[str] = frozenset()
    content_objects: frozenset[str] = frozenset()
    connectives: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()  # documents that speak for their issuer ("the statement said")
    issuing_verbs: frozenset[str] = frozenset()  # "issued a statement": the subject is the issuer

    def of(self, lemma: str, text: str = "") -> CueClass | None:
        fixed = (self.lemma_fixes or {}).get(text.lower())
        return self.verbs.get(fixed or lemma.lower())


@lru_cache(maxsize=1)
def load() -> Cues:
    data = yaml.safe_load((resources.files("whodid") / "data" / "quotes" / "cues.yaml").read_text(encoding="utf-8"))
    verbs: dict[str, CueClass] = {}
    for name, entry in data.items():
        if not isinstance(entry, dict) or "lemmas" not in entry:
            continue
        cls = CueClass(name, frozenset(entry["complements"]), frozenset(entry.get("preps", ())),
                       entry.get("source") == "optional", entry.get("object") == "content")
        for lemma in entry["lemmas"].split():
            if lemma in verbs:
                raise ValueError(f"cues.yaml: {lemma!r} is in both {verbs[lemma].name} and {name}")
            verbs[lemma] = cls
    return Cues(verbs, frozenset(data["speech_nouns"].split()), dict(data["unnamed_speakers"]),
                frozenset(data["source_nouns"].split()), dict(data["lemma_fixes"]),
                frozenset(data["stance_holders"].split()), frozenset(data["inanimate_agent_lookalikes"].split()),
                frozenset(data["content_objects"].split()),
                frozenset(c.strip() for c in data["connectives"].split(",")),
                frozenset(data["documents"].split()), frozenset(data["issuing_verbs"].split()))


# the cues a direct quote is attributed through (not belief, evidence or "it appears")
SPEECH_VERBS = frozenset(lemma for lemma, cls in load().verbs.items()
                         if cls.name in ("speech", "assessment", "request", "intent", "offering", "naming", "talk"))
SPEECH_NOUNS = load().speech_nouns
# verbs of saying alone (the "speech" class): what other stages mean by "X said ..."
SAYING_VERBS = frozenset(lemma for lemma, cls in load().verbs.items() if cls.name == "speech")
