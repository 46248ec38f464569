"""The checks stage: what a careful editor would flag, after every other stage.

Other stages raise their own checks as they go (name_mismatch from actors,
date_mismatch and published_inferred from time, ...); this stage adds the ones
that need the whole analysis, then orders all checks by severity and position.
"""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.checks.headline import check_headline
from whodid.model import Analysis

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class ChecksStage:
    name = "checks"

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        analysis.checks.extend(check_headline(analysis))
        analysis.checks.sort(key=lambda c: (SEVERITY_ORDER.get(c.severity, 3),
                                            c.start if c.start is not None else -1))
