"""Events as pandas DataFrames: one line from a database or a list of texts.

    >>> import whodid
    >>> events = whodid.read_events("whodid.duckdb")             # a stored corpus
    >>> events = whodid.analyze_frame(["Putin met Macron in Moscow on Friday."], published="2022-02-07")

Both return the same columns with the same dtypes (``EVENT_DTYPES``): one row per
event, with its article's id, title, source and publication date, the actor and
recipient codes (``actor_code``, ``recipient_code``: the first coded party, as
GDELT's Actor1Code), ``date`` as a datetime read with ``date_precision`` (a
month-precise date is the first of its month), and the offsets of the sentence
and trigger into the article's text. Like every export, events below
``min_confidence`` are left out (0 keeps them all). ``analyze_frame`` makes the
checks ``whodid ingest`` makes on each text (language, publication date).

Needs pandas (``pip install "whodid[pandas]"``). R users: ``whodid export out/``
writes Parquet that ``arrow::read_parquet`` reads with the same typed columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whodid.export import DEFAULT_MIN_CONFIDENCE
from whodid.model import ARTICLE_META, Article

if TYPE_CHECKING:
    import pandas as pd

# column -> pandas dtype; the frame both functions return
EVENT_DTYPES: dict[str, str] = {
    "article_id": "string", "article_sha1": "string", "title": "string", "source": "string",
    "url": "string", "published": "datetime64[ns]", "idx": "Int64", "type": "category", "mode": "string",
    "cameo": "string", "actor_code": "string", "recipient_code": "string", "actor": "object",
    "recipient": "object", "context": "object", "modality": "category", "reported_by": "string",
    "date": "datetime64[ns]", "date_precision": "category", "date_text": "string", "place": "string",
    "confidence": "Float64", "score": "Float64", "quad_class": "Int64", "trigger_text": "string",
    "trigger_start": "Int64", "trigger_end": "Int64", "sentence_start": "Int64", "sentence_end": "Int64",
    "inferred": "object",
}

_SQL = """
SELECT a.id AS article_id, e.article_sha1, a.title, a.source, a.url, a.published_date AS published, e.idx,
       e.type, e.mode, e.cameo, e.actor, e.recipient, e.context, e.modality, e.reported_by,
       e.event_date AS date, e.date_precision, e.date AS date_text, e.place, e.confidence, e.score, e.quad_class,
       e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, e.inferred
FROM events e JOIN articles a ON a.sha1 = e.article_sha1
ORDER BY a.published_date NULLS LAST, a.id, e.idx
"""


def read_events(db: str | Path = "whodid.duckdb", min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> pd.DataFrame:
    """Every stored event of a whodid database (DuckDB file or ``postgresql://`` URL) as a DataFrame."""
    from whodid.export import trusted
    from whodid.store import connect_read_only
    from whodid.store.to_duckdb import DuckDBTables

    source = connect_read_only(db)
    local = DuckDBTables(source)
    try:
        con = local.holding({"events", "articles", "actors"} | (trusted.needs({"events"}) if min_confidence > 0
                                                                 else set()))
        trusted.restrict(con, min_confidence, {"events"})
        return _frame(con)
    finally:
        local.close()
        source.close()


def analyze_frame(texts: Iterable[str | Mapping[str, Any]] | pd.Series | pd.DataFrame, *,
                  published: str | None = None, min_confidence: float = DEFAULT_MIN_CONFIDENCE, errors: str = "raise",
                  pipeline=None) -> pd.DataFrame:
    """The events of ``texts`` as a DataFrame, without a database.

    ``texts``: strings; or mappings (a DataFrame's rows) with ``text`` and optionally ``id``, ``title``,
    ``byline``, ``url``, ``source``, ``published``. ``published`` dates the strings. Each text gets
    ``whodid ingest``'s checks; ``errors="raise"`` (default) raises ``ValueError`` naming a text that is
    empty or not English, ``errors="skip"`` leaves it out."""
    from whodid.pipeline import checked, default_pipeline
    from whodid.store import Store

    if errors not in ("raise", "skip"):
        raise ValueError(f"errors={errors!r}: choose 'raise' or 'skip'")
    pipeline = pipeline or default_pipeline()

    def articles():
        for n, item in enumerate(_items(texts)):
            fields = {"text": item} if isinstance(item, str) else dict(item)
            if "text" not in fields or not isinstance(fields["text"], str):
                raise ValueError(f"text {n}: no 'text' string")
            fields.setdefault("published", published)
            fields.setdefault("id", f"text-{n}")
            known = {k: fields.get(k) for k in ARTICLE_META}
            try:
                yield checked(Article(text=fields["text"], **{k: None if v is None else str(v)
                                                               for k, v in known.items()}))
            except ValueError:
                if errors == "raise":
                    raise

    store = Store(":memory:")
    try:
        done = [(analysis, record.origin) for record, analysis in pipeline.analyze_records(articles())]
        store.write(done)
        if min_confidence > 0:
            store.con.execute("DELETE FROM events WHERE coalesce(confidence, 0) < ?", [min_confidence])
        return _frame(store.con)
    finally:
        store.close()


def _items(texts) -> Iterable[str | Mapping[str, Any]]:
    if isinstance(texts, str):
        return [texts]
    if hasattr(texts, "to_dict") and hasattr(texts, "columns"):  # a DataFrame: its rows
        return texts.to_dict("records")
    return texts


def _frame(con) -> pd.DataFrame:
    import pandas as pd

    frame = con.execute(_SQL).df()
    codes = {(sha, actor): code for sha, actor, code in con.execute(
        "SELECT article_sha1, actor_id, code FROM actors WHERE code IS NOT NULL").fetchall()}

    def first_code(sha: str, ids) -> str | None:
        found = sorted(codes[(sha, i)] for i in (ids if ids is not None else []) if (sha, i) in codes)
        return found[0] if found else None

    frame["actor_code"] = [first_code(s, ids) for s, ids in zip(frame["article_sha1"], frame["actor"])]
    frame["recipient_code"] = [first_code(s, ids) for s, ids in zip(frame["article_sha1"], frame["recipient"])]
    for column in ("actor", "recipient", "context", "inferred"):
        frame[column] = [list(v) if v is not None else [] for v in frame[column]]
    frame = frame[list(EVENT_DTYPES)]
    typed = {c: t for c, t in EVENT_DTYPES.items() if t != "object"}
    frame = frame.astype(typed)
    for column in ("date", "published"):  # DuckDB hands DATE over as datetime64[us]
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return frame.reset_index(drop=True)
