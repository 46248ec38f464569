"""The checks stage: what a careful editor would flag, after every other stage.

Other stages raise their own checks as they go (name_mismatch from actors,
date_mismatch and published_inferred from time, ...); this stage adds the ones
that need the whole analysis (one module each), then orders all checks by
severity and position.
"""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.knowledge import Resources
from whodid.checks.headline import check_headline
from whodid.checks.names import relabel_variants
from whodid.checks.relative import check_relative_dates
from whodid.checks.roles import check_roles
from whodid.checks.stance import check_stances
from whodid.model import Analysis

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class ChecksStage:
    name = "checks"

    def __init__(self, resources: Resources | None = None) -> None:
        self.kb = (resources or Resources.build()).kb

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        relabel_variants(analysis)
        analysis.checks.extend(check_headline(analysis))
        analysis.checks.extend(check_roles(doc, analysis, self.kb))
        analysis.checks.extend(check_stances(doc, analysis))
        analysis.checks.extend(check_relative_dates(doc, analysis))
        analysis.checks.sort(key=lambda c: (SEVERITY_ORDER.get(c.severity, 3),
                                            c.start if c.start is not None else -1))
