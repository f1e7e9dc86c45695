"""``GET /cypher/schema`` over real HTTP through the ASGI app and a real FalkorDB holding the sample graph."""

from __future__ import annotations

import pytest

from api.app import create_app
from graph.model import RelType
from graph.snapshot import save_snapshot
from tests.stores.test_api import Http, _settings


@pytest.fixture(scope="module")
def http(tmp_path_factory, falkordb_url, sample_snapshot):
    settings = _settings(tmp_path_factory.mktemp("schema-api"), falkordb_url)
    save_snapshot(sample_snapshot, settings.snapshot_path)
    app = create_app(settings)
    yield Http(app)
    app.state.stores.close()


def test_schema_lists_the_stored_labels_types_and_properties(http, sample_snapshot):
    body = http.get("/cypher/schema").json()
    labels = {entry["name"]: entry["properties"] for entry in body["labels"]}
    stored = http.post("/cypher", {"query": "MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l"}).json()["rows"]
    assert set(labels) == {row[0] for row in stored} >= {"Role", "Skill", "KPI"}
    assert {"id", "title", "level"} <= set(labels["Role"])
    types = {entry["name"]: entry["properties"] for entry in body["relationship_types"]}
    assert set(types) == {rel.type.value for rel in sample_snapshot.relationships}
    assert "method" in types[RelType.PROMOTES_TO.value]
    # the writer's bookkeeping is not part of the schema an analyst queries
    assert not {"sync_id", "sync_hash"} & set(body["property_keys"])
    assert set(body["property_keys"]) >= set(labels["Role"]) | set(types[RelType.PROMOTES_TO.value])
    assert body["engine"] == "falkordb"
