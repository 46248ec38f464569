"""time: the time stage. Dates found and normalised against the publication date (or an
inferred one), each event's date, date checks.

Finding and resolving date expressions and inferring a publication date are text
helpers every stage may use; they live in ``whodid.nlp.dates`` and
``whodid.nlp.publication``.
"""

from whodid.time.stage import TimeStage, date_checks, parse_published

__all__ = ["TimeStage", "date_checks", "parse_published"]
