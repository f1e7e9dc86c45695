"""``POST /cypher`` and the ``/queries`` catalog over real HTTP through the ASGI app and a real FalkorDB."""

from __future__ import annotations

import time
from pathlib import Path

import anyio
import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from graph.model import Role
from graph.snapshot import save_snapshot

MAX_ROWS = 100


class Http:
    """Synchronous calls through ``httpx.AsyncClient(transport=ASGITransport(app))``."""

    def __init__(self, app) -> None:
        self.app = app

    async def _send(self, method: str, url: str, **kwargs) -> httpx.Response:
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(method, url, **kwargs)

    def get(self, url: str) -> httpx.Response:
        return anyio.run(lambda: self._send("GET", url))

    def post(self, url: str, body: dict) -> httpx.Response:
        return anyio.run(lambda: self._send("POST", url, json=body))


def _settings(data_dir: Path, falkordb_url: str) -> Settings:
    return Settings(
        data_dir=data_dir,
        falkordb_url=falkordb_url,
        graph_name="api",
        cypher_time_limit_ms=5000,
        cypher_max_rows=MAX_ROWS,
    )


@pytest.fixture(scope="module")
def http(tmp_path_factory, falkordb_url, sample_snapshot):
    data_dir = tmp_path_factory.mktemp("api-store")
    settings = _settings(data_dir, falkordb_url)
    save_snapshot(sample_snapshot, settings.snapshot_path)
    app = create_app(settings)
    yield Http(app)
    app.state.stores.close()


def test_cypher_answers_columns_rows_and_timing(http):
    response = http.post("/cypher", {"query": "MATCH (r:Role) RETURN r.title AS title ORDER BY title LIMIT 2"})

    assert response.status_code == 200
    body = response.json()
    assert body["columns"] == ["title"]
    assert body["rows"] == [["Director, Infrastructure"], ["Head of SRE"]]
    assert body["truncated"] is False
    assert body["elapsed_ms"] >= 0


def test_cypher_takes_parameters(http):
    query = {"query": "MATCH (r:Role {id: $id}) RETURN r", "params": {"id": "role:sre-manager"}}
    response = http.post("/cypher", query)

    node = response.json()["rows"][0][0]
    assert node["id"] == "role:sre-manager"
    assert node["labels"] == ["Role"]
    assert node["properties"]["title"] == "SRE Manager"


def test_cypher_returns_relationships_and_paths_as_json(http):
    query = "MATCH p = (a:Role {id: $id})-[r:PROMOTES_TO]->(b) RETURN r, p"

    rel, path = http.post("/cypher", {"query": query, "params": {"id": "role:sre-manager"}}).json()["rows"][0]

    assert rel == {
        "type": "PROMOTES_TO",
        "start": "role:sre-manager",
        "end": "role:sre-director",
        "properties": {"method": "stated", "confidence": 1.0},
    }
    assert [n["id"] for n in path["nodes"]] == ["role:sre-manager", "role:sre-director"]
    assert path["relationships"] == [rel]


def test_cypher_refuses_a_write_with_400_naming_the_clause(http):
    response = http.post("/cypher", {"query": "MATCH (r:Role) DETACH DELETE r"})

    assert response.status_code == 400
    assert response.json()["error"] == "QueryRefused"
    assert "write clause DETACH DELETE is not allowed" in response.json()["detail"]
    assert http.post("/cypher", {"query": "MATCH (r:Role) RETURN count(r)"}).json()["rows"] == [[10]]


def test_cypher_syntax_error_is_400_with_line_and_column(http):
    response = http.post("/cypher", {"query": "MATCH (r:Role)\nRETURN r.title LIMIT"})

    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "QueryFailed"
    assert (body["line"], body["column"]) == (2, 21)


def test_cypher_timeout_is_400_within_the_limit(http):
    started = time.perf_counter()
    response = http.post(
        "/cypher",
        {"query": "UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b RETURN count(*)", "time_limit_ms": 300},
    )

    assert response.status_code == 400
    assert response.json()["error"] == "QueryTimeout"
    assert time.perf_counter() - started < 0.3 + 2.0


def test_cypher_row_limit_truncates(http):
    body = http.post("/cypher", {"query": "UNWIND range(1, 500) AS x RETURN x"}).json()

    assert body["truncated"] is True
    assert len(body["rows"]) == MAX_ROWS


def test_cypher_request_may_lower_but_not_raise_the_row_limit(http):
    lower = http.post("/cypher", {"query": "UNWIND range(1, 500) AS x RETURN x", "max_rows": 7}).json()
    higher = http.post("/cypher", {"query": "UNWIND range(1, 500) AS x RETURN x", "max_rows": 10_000}).json()

    assert (len(lower["rows"]), lower["truncated"]) == (7, True)
    assert (len(higher["rows"]), higher["truncated"]) == (MAX_ROWS, True)


def test_cypher_empty_query_is_400(http):
    response = http.post("/cypher", {"query": "  "})

    assert response.status_code == 400
    assert "the query is empty" in response.json()["detail"]


def test_cypher_without_a_query_is_422(http):
    assert http.post("/cypher", {"params": {}}).status_code == 422


def test_queries_lists_names_descriptions_and_parameter_examples(http):
    listed = http.get("/queries").json()

    names = [q["name"] for q in listed]
    assert len(names) >= 12 and "career-ladder" in names
    ladder = next(q for q in listed if q["name"] == "career-ladder")
    assert ladder["params"] == [
        {
            "name": "family",
            "description": "the job family, by name or id",
            "required": True,
            "example": "Engineering Management - Infrastructure",
        }
    ]


def test_queries_get_includes_the_cypher_text(http):
    body = http.get("/queries/shared-skills").json()

    assert "MATCH (r:Role)" in body["cypher"]
    assert [p["name"] for p in body["params"]] == ["role", "min_shared"]


def test_queries_run_answers_with_parameters(http):
    params = {"from_role": "Site Reliability Engineer", "to_role": "Head of SRE"}
    response = http.post("/queries/promotion-path", {"params": params})

    assert response.status_code == 200
    assert response.json()["rows"][0][0] == ["Site Reliability Engineer", "SRE Manager", "SRE Director", "Head of SRE"]


def test_queries_unknown_name_is_404_with_suggestions(http):
    for response in (http.get("/queries/carer-ladder"), http.post("/queries/carer-ladder", {"params": {}})):
        assert response.status_code == 404
        assert response.json()["suggestions"][0] == "career-ladder"


def test_queries_missing_parameter_is_400_naming_it(http):
    response = http.post("/queries/shared-skills", {"params": {}})

    assert response.status_code == 400
    assert response.json()["error"] == "InvalidParameter"
    assert response.json()["detail"].startswith("role: required")


def test_queries_unknown_parameter_is_400(http):
    response = http.post("/queries/shared-skills", {"params": {"role": "SRE Manager", "who": 1}})

    assert response.status_code == 400
    assert "who" in response.json()["detail"]


def test_the_store_follows_a_new_snapshot(tmp_path, falkordb_url, sample_snapshot):
    settings = _settings(tmp_path, falkordb_url).model_copy(update={"graph_name": "api_follow"})
    save_snapshot(sample_snapshot, settings.snapshot_path)
    app = create_app(settings)
    http = Http(app)
    try:
        count = "MATCH (r:Role) RETURN count(r)"
        assert http.post("/cypher", {"query": count}).json()["rows"] == [[10]]
        newer = sample_snapshot.model_copy(
            update={
                "roles": [*sample_snapshot.roles, Role(id="role:new", title="New Role")],
                "built_at": sample_snapshot.built_at.replace(year=2030),
            }
        )
        save_snapshot(newer, settings.snapshot_path)

        assert http.post("/cypher", {"query": count}).json()["rows"] == [[11]]
        assert app.state.stores.last_sync.nodes["Role"].created == 1
    finally:
        app.state.stores.get(app.state.graphs.current()).delete_graph()
        app.state.stores.close()


def test_store_is_opened_on_first_use_and_closed_on_shutdown(tmp_path, falkordb_url, sample_snapshot):
    settings = _settings(tmp_path, falkordb_url).model_copy(update={"graph_name": "api_lifecycle"})
    save_snapshot(sample_snapshot, settings.snapshot_path)
    app = create_app(settings)
    holder = app.state.stores

    async def serve_one_request() -> None:
        async with app.router.lifespan_context(app):  # startup ... shutdown, as a server runs them
            assert holder._store is None
            response = await Http(app)._send("POST", "/cypher", json={"query": "MATCH (k:KPI) RETURN count(k)"})
            assert response.json()["rows"] == [[6]]
            assert holder._store is not None
            holder._store.delete_graph()

    anyio.run(serve_one_request)

    assert holder._store is None
