"""whodid's stages as spaCy pipeline components.

Each stage is registered with ``Language.factory`` (and advertised under the
``spacy_factories`` entry point), so a spaCy user can add it to a pipeline of their
own and ``nlp.analyze_pipes()`` shows what it needs and what it writes::

    import spacy
    nlp = spacy.load("en_core_web_sm")
    for name in ("whodid_actors", "whodid_quotes", "whodid_events"):
        nlp.add_pipe(name, config={"kb_files": ["my-actors.yaml"]})
    doc = nlp("Russian forces shelled Kharkiv on Monday, Ukraine's army said.")
    doc._.whodid_analysis.events

The Analysis travels on ``doc._.whodid_analysis`` (see ``whodid.nlp.extensions``).
whodid's own ``Pipeline`` runs the same ``StageComponent`` objects on each parsed
article.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whodid.version import __version__
from whodid.actors import ActorsStage
from whodid.checks import ChecksStage
from whodid.events import EventsStage
from whodid.knowledge import Resources
from whodid.model import Analysis, Article, Meta
from whodid.nlp.extensions import text_of
from whodid.places import PlacesStage
from whodid.places.source_home import SourceHomes
from whodid.quotes import QuotesStage
from whodid.time import TimeStage

_ANALYSIS = "doc._.whodid_analysis"
_PARSE = ["token.dep", "token.tag", "token.lemma", "token.ent_type", "doc.sents"]


class StageComponent:
    """A whodid stage as a spaCy component: reads and extends ``doc._.whodid_analysis``."""

    def __init__(self, stage) -> None:
        self.stage = stage
        self.name = stage.name

    def __call__(self, doc: Doc) -> Doc:
        analysis = doc._.whodid_analysis
        if analysis is None:  # the first whodid component of a spaCy user's own pipeline
            analysis = Analysis(article=Article(text=text_of(doc)),
                                meta=Meta(whodid_version=__version__, stages=["nlp"],
                                          sentences=sum(1 for _ in doc.sents), tokens=len(doc)))
            doc._.whodid_analysis = analysis
        self.stage(doc, analysis)
        analysis.meta.stages.append(self.stage.name)  # spaCy renames the component, not the stage
        return doc


def _resources(kb_files: list[str], lexicon_files: list[str]) -> Resources:
    return Resources.build(kb_files=kb_files, lexicon_files=lexicon_files)


KNOWLEDGE = {"kb_files": [], "lexicon_files": []}


@Language.factory("whodid_actors", default_config=KNOWLEDGE, requires=_PARSE,
                  assigns=[_ANALYSIS, "doc._.whodid_text_dates", "doc._.whodid_date_constraints"])
def make_actors(nlp: Language, name: str, kb_files: list[str], lexicon_files: list[str]) -> StageComponent:
    return StageComponent(ActorsStage(_resources(kb_files, lexicon_files)))


@Language.factory("whodid_quotes", default_config={**KNOWLEDGE, "unnamed_speakers": True},
                  requires=_PARSE, assigns=[_ANALYSIS])
def make_quotes(nlp: Language, name: str, kb_files: list[str], lexicon_files: list[str],
                unnamed_speakers: bool) -> StageComponent:
    return StageComponent(QuotesStage(_resources(kb_files, lexicon_files), unnamed_speakers=unnamed_speakers))


@Language.factory("whodid_events", default_config=KNOWLEDGE, requires=[*_PARSE, _ANALYSIS], assigns=[_ANALYSIS])
def make_events(nlp: Language, name: str, kb_files: list[str], lexicon_files: list[str]) -> StageComponent:
    return StageComponent(EventsStage(_resources(kb_files, lexicon_files)))


@Language.factory("whodid_time", requires=[*_PARSE, _ANALYSIS],
                  assigns=[_ANALYSIS, "doc._.whodid_dates"])
def make_time(nlp: Language, name: str) -> StageComponent:
    return StageComponent(TimeStage())


@Language.factory("whodid_places", default_config=KNOWLEDGE, requires=[*_PARSE, _ANALYSIS], assigns=[_ANALYSIS])
def make_places(nlp: Language, name: str, kb_files: list[str], lexicon_files: list[str]) -> StageComponent:
    return StageComponent(PlacesStage(_resources(kb_files, lexicon_files)))


@Language.factory("whodid_checks", default_config=KNOWLEDGE, requires=[*_PARSE, _ANALYSIS, "doc._.whodid_dates"],
                  assigns=[_ANALYSIS])
def make_checks(nlp: Language, name: str, kb_files: list[str], lexicon_files: list[str]) -> StageComponent:
    return StageComponent(ChecksStage(_resources(kb_files, lexicon_files)))


def build(stages: tuple[str, ...], resources: Resources, fuzzy_cutoff: float = 85.0,
          homes: SourceHomes | None = None) -> list[StageComponent]:
    """The components for whodid's own pipeline, in pipeline order, sharing ``resources``;
    ``homes``: the papers' homes learnt beforehand (``whodid.pipeline.learn_homes``), read by places."""
    made = {
        "actors": lambda: ActorsStage(resources, fuzzy_cutoff=fuzzy_cutoff),
        "quotes": lambda: QuotesStage(resources, unnamed_speakers="actors" in stages),
        "events": lambda: EventsStage(resources),
        "time": lambda: TimeStage(),
        "places": lambda: PlacesStage(resources, homes=homes),
        "checks": lambda: ChecksStage(resources),
    }
    return [StageComponent(made[name]()) for name in stages]
