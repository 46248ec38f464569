"""The OpenAPI schema fuzzed with schemathesis: whatever the parameters, no 5xx.

Each operation's cases come from schemathesis's Hypothesis strategy and are
sent to the app in process (schemathesis's pytest plugin does not run under
pytest 9, so the loop over operations is written out here)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES = 20


def test_no_server_errors(web_db):
    from whodid.web.app import create_app

    # an app of its own: schemathesis runs the app's lifespan, whose end closes the database
    app = create_app(web_db, read_only=True)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    tried = {}
    for operation in operations:
        label = f"{operation.method.upper()} {operation.path}"

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def fuzz(case):
            if case.method.upper() == "POST":
                case.query = {**(case.query or {}), "store": "false"}  # the fuzz reads; writing is tested apart
            case.call_and_validate(checks=[not_a_server_error])
            tried[label] = tried.get(label, 0) + 1

        fuzz()
    assert set(tried) == {f"{o.method.upper()} {o.path}" for o in operations}
