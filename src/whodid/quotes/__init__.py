"""quotes: direct, partial, nested and reported speech with cue and speaker."""

from whodid.quotes.stage import QuotesStage

__all__ = ["QuotesStage"]
