"""The pipeline: Articles in, Analyses out, one spaCy pass per article.

    ingest -> nlp -> actors -> quotes -> events -> time -> places -> checks -> store

A stage is any object with a ``name`` and a ``__call__(doc, analysis)`` that adds
its part to the Analysis (see ``Stage``); each runs as a spaCy component
(``whodid.components``) on the parsed article. Stages run in order on every article;
``Analysis.meta.stages`` lists the ones that ran, so a reader can tell an empty
list ("nothing found") from a stage that is not there.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Protocol

from spacy.tokens import Doc

from whodid import components, nlp
from whodid.version import __version__
from whodid.components import StageComponent
from whodid.config import STAGE_NAMES, PipelineConfig
from whodid.ingest import Record, Rejected, article_from_text, check_language
from whodid.knowledge import Resources, kept
from whodid.model import ARTICLE_META, Analysis, Article, Check, Meta
from whodid.places.source_home import SourceHomes

__all__ = ["Pipeline", "PipelineConfig", "STAGE_NAMES", "Stage", "check_stage_names", "default_pipeline",
           "learn_homes"]


def checked(article: Article) -> Record:
    """``article`` with the checks ``whodid ingest`` makes on its input; ``ValueError`` when ingest would
    reject it (empty, not English)."""
    origin = article.id or "<article>"
    meta = {k: getattr(article, k) for k in ARTICLE_META}
    record = article_from_text(article.text, origin, **meta)
    if not isinstance(record, Rejected):
        record.article.published_inferred = article.published_inferred or record.article.published_inferred
        record = check_language(record)
    if isinstance(record, Rejected):
        raise ValueError(str(record))
    return record


class Stage(Protocol):
    name: str

    def __call__(self, doc: Doc, analysis: Analysis) -> None: ...


def check_stage_names(names: Iterable[str]) -> list[str]:
    """``names`` as a list, or ConfigError naming the unknown ones and the choices."""
    return list(PipelineConfig(stages=tuple(names)).stages)


class Pipeline:
    """Articles in, Analyses out.

    ``config``: which stages run and with what knowledge (default: all stages, the
    built-in knowledge plus the plugins'). ``resources``: knowledge already built
    (default: built from ``config``, once per process). ``stages``: stage objects to
    run instead of the configured ones (tests and evaluations that run one stage). ``homes``:
    the papers' homes learnt beforehand from the whole input (``learn_homes``), which the
    places stage reads and never changes (default: none, so no story uses a home).
    """

    def __init__(self, config: PipelineConfig | None = None, *, resources: Resources | None = None,
                 stages: list[Stage] | None = None, homes: SourceHomes | None = None):
        self.config = config or PipelineConfig()
        self.nlp = nlp.load(self.config.model)
        if stages is not None:
            self.components = [StageComponent(s) for s in stages]
        else:
            # the knowledge and the stages last as long as the process; the first Pipeline of a
            # process freezes them in the collector (``knowledge.kept``)
            with kept(once=True):
                self.resources = resources or Resources.build(self.config.kb_files, self.config.lexicon_files)
                self.components = components.build(self.config.stages, self.resources, self.config.fuzzy_cutoff,
                                                   homes=homes)
        self.batch_size = self.config.batch_size
        self._model = nlp.model_name(self.nlp)

    @property
    def stages(self) -> list[Stage]:
        return [c.stage for c in self.components]

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article], check_input: bool = True) -> Iterator[Analysis]:
        """Analyses in input order, streaming: memory stays flat however many articles.

        Each article first gets the checks ``whodid ingest`` makes (``check_input``): its
        ``published`` read as ISO 8601 or RFC 2822 (anything else is dropped, with a
        ``bad_published_date`` check), its language identified; an empty or non-English article
        raises ``ValueError`` naming it."""
        records = (checked(a) if check_input else Record(a, a.id or "<article>") for a in articles)
        for _, analysis in self.analyze_records(records):
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

    def analyze_isolated(self, records: Iterable[Record]) -> Iterator[tuple[Record, Analysis | Rejected]]:
        """Like ``analyze_records``, but an article whose parse or stage raises comes back as a
        ``Rejected`` naming the stage and the error, and the others go on (ingest, watch, analyze)."""
        records = iter(records)
        pending: deque[Record] = deque()

        def texts() -> Iterator[str]:
            for record in records:
                pending.append(record)
                yield record.article.text

        while True:
            stream = nlp.parse(texts(), self.nlp, self.batch_size)
            try:
                for doc, chunks in stream:
                    record = pending.popleft()
                    yield record, self._stages_isolated(record, doc, chunks)
                return
            except Exception:  # the parser failed on one of the texts in its batch: find which, alone
                failed, pending = list(pending), deque()
                for record in failed:
                    try:
                        doc, chunks = next(nlp.parse([record.article.text], self.nlp, 1))
                    except Exception as exc:
                        yield record, _failure(record, "parse", exc)
                        continue
                    yield record, self._stages_isolated(record, doc, chunks)
                # then the texts not read yet, in a new parse stream

    def _stages_isolated(self, record: Record, doc: Doc, chunks: int) -> Analysis | Rejected:
        try:
            analysis = self._run_stages(record.article, doc, chunks)
        except _StageFailed as failed:
            return _failure(record, failed.stage, failed.__cause__)
        analysis.checks[:0] = record.notes
        return analysis

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
        doc._.whodid_analysis = analysis
        try:
            for component in self.components:
                try:
                    component(doc)
                except Exception as exc:
                    raise _StageFailed(component.name) from exc
        finally:
            doc._.whodid_analysis = None  # the Doc may outlive this call; the Analysis is returned
        return analysis


def learn_homes(records: Iterable[Record], config: PipelineConfig | None = None,
                resources: Resources | None = None) -> SourceHomes:
    """The papers' homes learnt from all of ``records`` (the first pass of ``--homes-first``):
    each article is parsed and read by the actors and places stages only (quotes, events, time
    and checks do not change what a story votes for), with no home. The table is small and
    picklable, for workers to share; empty when the configuration has no places stage."""
    config = config or PipelineConfig()
    homes = SourceHomes()
    if "places" not in config.stages:
        return homes
    from whodid.actors import ActorsStage
    from whodid.places import PlacesStage

    resources = resources or Resources.build(config.kb_files, config.lexicon_files)
    learner = Pipeline(config, stages=[ActorsStage(resources, fuzzy_cutoff=config.fuzzy_cutoff),
                                       PlacesStage(resources, homes=homes, learn=True)])
    for _ in learner.analyze_isolated(records):  # an article that fails here fails again, and is reported, later
        pass
    return homes


class _StageFailed(Exception):
    """A stage raised on one article (the cause is the stage's own exception)."""

    def __init__(self, stage: str):
        super().__init__(stage)
        self.stage = stage


def _failure(record: Record, stage: str, exc: BaseException | None) -> Rejected:
    what = "nested too deeply (recursion limit)" if isinstance(exc, RecursionError) else \
        f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    return Rejected(record.origin, f"{stage} failed: {what}", stage=stage)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process's Pipeline of the default configuration (every stage, the built-in knowledge
    and the plugins'), built on first use and then reused (``whodid.analyze``, the frames)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
