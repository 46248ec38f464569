"""checks: what a careful editor would flag in a story."""

from whodid.checks.stage import ChecksStage

__all__ = ["ChecksStage"]
