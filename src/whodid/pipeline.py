"""The pipeline: Articles in, Analyses out, one spaCy pass per article.

    ingest -> nlp -> actors -> quotes -> events -> time -> places -> checks -> store

A stage is any object with a ``name`` and a ``__call__(doc, analysis)`` that adds
its part to the Analysis (see ``Stage``). Stages run in order on every article;
``Analysis.meta.stages`` lists the ones that ran, so a reader can tell an empty
list ("nothing found") from a stage that is not there.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Protocol

from spacy.tokens import Doc

from whodid import __version__, nlp
from whodid.ingest import Record
from whodid.model import Analysis, Article, Check, Meta

class Stage(Protocol):
    name: str

    def __call__(self, doc: Doc, analysis: Analysis) -> None: ...


# The stages after nlp, in pipeline order: name -> "module:class".
STAGES = {
    "actors": "whodid.actors:ActorsStage",
    "quotes": "whodid.quotes:QuotesStage",
    "events": "whodid.events:EventsStage",
    "time": "whodid.time:TimeStage",
    "places": "whodid.places:PlacesStage",
    "checks": "whodid.checks:ChecksStage",
}


def check_stage_names(names: Iterable[str]) -> list[str]:
    """``names`` as a list, or ValueError naming the unknown ones and the choices."""
    names = list(names)
    unknown = [n for n in names if n not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(unknown)}; available: {', '.join(STAGES)}")
    return names


def build_stages(names: Iterable[str] | None = None, options: dict[str, dict] | None = None) -> list[Stage]:
    """Instances of the named stages (all when None), always in pipeline order;
    ``options`` gives keyword arguments per stage name, e.g. ``{"actors": {"extra": [path]}}``."""
    wanted = list(STAGES) if names is None else check_stage_names(names)
    stages = []
    for name in STAGES:
        if name in wanted:
            module, cls = STAGES[name].split(":")
            stages.append(getattr(importlib.import_module(module), cls)(**(options or {}).get(name, {})))
    return stages


class Pipeline:
    def __init__(self, stages: list[Stage] | None = None, batch_size: int = nlp.BATCH_SIZE):
        self.nlp = nlp.load()
        self.stages = build_stages() if stages is None else stages
        self.batch_size = batch_size
        self._model = nlp.model_name(self.nlp)

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order, streaming: memory stays flat however many articles."""
        for _, analysis in self.analyze_records(Record(a, a.id or "<article>") for a in articles):
            yield analysis

    def analyze_records(self, records: Iterable[Record]) -> Iterator[tuple[Record, Analysis]]:
        """``(record, analysis)`` pairs in input order; the record's ingest notes become checks."""
        pending: deque[Record] = deque()

        def texts() -> Iterator[str]:
            for record in records:
                pending.append(record)
                yield record.article.text

        for doc, chunks in nlp.parse(texts(), self.nlp, self.batch_size):
            record = pending.popleft()
            analysis = self._run_stages(record.article, doc, chunks)
            analysis.checks[:0] = record.notes
            yield record, analysis

    def _run_stages(self, article: Article, doc: Doc, chunks: int) -> Analysis:
        analysis = Analysis(
            article=article,
            meta=Meta(
                whodid_version=__version__,
                model=self._model,
                stages=["ingest", "nlp"],
                sentences=sum(1 for _ in doc.sents),
                tokens=len(doc),
                chunks=chunks,
            ),
        )
        if chunks > 1:
            analysis.checks.append(Check(
                kind="long_article", severity="info",
                message=(f"article of {len(doc.text):,} characters was parsed in {chunks} pieces of at most "
                         f"{nlp.MAX_CHUNK_CHARS:,}; no sentence spans two pieces"),
            ))
        for stage in self.stages:
            stage(doc, analysis)
            analysis.meta.stages.append(stage.name)
        return analysis
