"""checks: what a careful editor would flag in a story (and, in ``corpus``, across stories)."""

__all__ = ["ChecksStage"]


def __getattr__(name: str):
    # lazy, so ``whodid.store.corpus_checks`` (used by ``whodid query``) does not load the stage's spaCy imports
    if name == "ChecksStage":
        from whodid.checks.stage import ChecksStage

        return ChecksStage
    raise AttributeError(name)
