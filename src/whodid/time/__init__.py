"""time: date expressions found and normalised against the publication date (or an inferred one).

- ``expressions``: finding (patterns + spaCy DATE/TIME) and resolving (dateparser) date expressions;
- ``inference``: publication-date inference from weekday-date agreement, stated years and outside constraints;
- ``stage``: ``TimeStage`` (name "time"), the pipeline stage.
"""

from whodid.time.expressions import TimeExpr, find_and_resolve, find_expressions, resolve
from whodid.time.inference import DateConstraint, Inference, infer_publication
from whodid.time.stage import CONSTRAINTS_KEY, TEXT_DATES_KEY, TimeStage, date_checks, parse_published

__all__ = ["TimeStage", "TimeExpr", "DateConstraint", "Inference", "find_expressions", "find_and_resolve",
           "resolve", "infer_publication", "date_checks", "parse_published", "CONSTRAINTS_KEY",
           "TEXT_DATES_KEY"]
