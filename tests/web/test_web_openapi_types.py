"""The API's OpenAPI schema types the Analysis it returns, and what it returns conforms."""

import jsonschema
import pytest
from fastapi.testclient import TestClient


def _validator(openapi: dict, path: str, method: str) -> jsonschema.Draft202012Validator:
    schema = openapi["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
    # resolve #/components/... against the whole OpenAPI document
    return jsonschema.Draft202012Validator({**schema, "components": openapi["components"]})


@pytest.fixture
def client(web_db):
    """An app of its own over the session's database (other tests end the shared app's lifespan)."""
    from whodid.web.app import create_app

    with TestClient(create_app(web_db, read_only=True)) as client:
        yield client


def test_an_articles_analysis_conforms_to_the_typed_response(client):
    openapi = client.get("/openapi.json").json()
    assert openapi["paths"]["/api/articles/{key}"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"]["$ref"] == "#/components/schemas/AnalysisDocument"
    event = openapi["components"]["schemas"]["Event"]["properties"]
    assert set(event["modality"]["enum"]) == {"asserted", "negated", "hypothetical", "conditional", "future",
                                             "historical"}
    validator = _validator(openapi, "/api/articles/{key}", "get")
    items = client.get("/api/articles", params={"limit": 3}).json()["items"]
    assert items
    for item in items:
        body = client.get(f"/api/articles/{item['id']}").json()
        validator.validate(body)
        broken = {**body, "events": [{**e, "modality": "maybe"} for e in body["events"]]}
        if body["events"]:
            assert not validator.is_valid(broken)
    analyze = openapi["paths"]["/api/analyze"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert analyze["$ref"] == "#/components/schemas/Analyzed"
