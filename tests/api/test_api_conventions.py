"""The API's conventions, as a Datasette user expects them: ``format=csv`` on every tabular answer (or a
400 naming the routes that have it), list parameters repeated or comma-separated, "did you mean" lists
as lists."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest

from graph.queries.sample import sample_snapshot
from tests.api.conftest import serve_snapshot

# Every GET route with a CSV answer, with parameters that give it rows, and a column it must have.
CSV_ROUTES = [
    ("/roles", {}, "title"),
    ("/roles/role:sre-manager/chain", {}, "title"),
    ("/roles/role:manager/reports", {}, "manager_id"),
    ("/roles/role:manager/next", {}, "method"),
    ("/roles/role:manager/similar", {}, "score"),
    ("/skills", {}, "category"),
    ("/kpis", {}, "name"),
    ("/families", {}, "roles"),
    ("/search", {"q": "eng"}, "kind"),
    ("/paths", {"from": "Software Engineer", "to": "VP of Engineering"}, "skills_to_gain"),
    ("/shared", {"roles": ["SRE Manager", "Platform Engineering Manager"]}, "held_by"),
    ("/overlap", {"roles": ["SRE Manager", "Engineering Manager"]}, "role"),
    ("/gap", {"from": "Engineering Manager", "to": "SRE Manager"}, "status"),
]


def _rows(response) -> list[dict]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize(("url", "params", "column"), CSV_ROUTES)
def test_every_tabular_get_route_answers_csv_with_rows(api, url, params, column):
    rows = _rows(api.get(url, params={**params, "format": "csv"}))
    assert rows and column in rows[0]
    assert _rows(api.get(url, params=params, headers={"Accept": "text/csv"})) == rows


def test_the_documented_csv_routes_are_exactly_the_tested_ones(api):
    spec = api.get("/openapi.json").json()
    with_csv = {
        (method, path)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if "text/csv" in operation["responses"].get("200", {}).get("content", {})
    }
    tested = {
        ("get", url.replace("role:sre-manager", "{role}").replace("role:manager", "{role}")) for url, _, _ in CSV_ROUTES
    }
    assert with_csv == tested | {("post", "/cypher"), ("post", "/queries/{name}")}
    for method, path in with_csv:
        names = {p["name"] for p in spec["paths"][path][method].get("parameters", [])}
        assert "format" in names, (method, path)


def test_paths_csv_has_one_row_per_step_with_how_it_is_known(api):
    json_paths = api.get("/paths", params={"from": "Software Engineer", "to": "VP of Engineering"}).json()["paths"]
    rows = _rows(api.get("/paths", params={"from": "Software Engineer", "to": "VP of Engineering", "format": "csv"}))
    assert len(rows) == sum(len(p["steps"]) for p in json_paths)
    first = rows[0]
    assert (first["path"], first["step"], first["from"], first["to"]) == (
        "1",
        "1",
        "Software Engineer",
        "Engineering Manager",
    )
    assert first["method"] == "stated" and first["cost_explained"] == "cost 1: a promotion costs 1"
    assert first["skills_to_gain"] == "People Leadership; Hiring"
    assert first["source"] == "sample/roles.md" and first["line"] == "48"


def test_skills_and_kpis_csv_follow_the_page(api):
    page = api.get("/skills", params={"limit": 3}).json()
    rows = _rows(api.get("/skills", params={"limit": 3, "format": "csv"}))
    assert [r["id"] for r in rows] == [s["id"] for s in page["items"]]
    kpis = _rows(api.get("/kpis", params={"q": "team", "format": "csv"}))
    assert [r["name"] for r in kpis] == ["Team Health"]


@pytest.mark.parametrize(
    "url", ["/roles/role:vp", "/roles/role:vp/neighbourhood", "/org-tree", "/functions", "/skills/skill:hiring"]
)
def test_format_csv_where_there_is_no_csv_is_a_400_naming_the_routes_that_have_it(api, url):
    response = api.get(url, params={"format": "csv"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "InvalidParameter" and body["detail"].startswith("format: 'csv' is not available on GET")
    for route in ("GET /paths", "GET /skills", "GET /kpis", "POST /cypher", "GET /roles/{role}/similar"):
        assert route in body["detail"]
    assert api.get(url, params={"format": "json"}).status_code == 200


def test_an_unknown_format_on_a_csv_route_is_a_422_naming_the_choices(api):
    response = api.get("/skills", params={"format": "xlsx"})
    assert response.status_code == 422 and "format" in response.json()["detail"]


@pytest.fixture(scope="module")
def cypher_api(tmp_path_factory):
    served = serve_snapshot(tmp_path_factory.mktemp("cypher-csv"), sample_snapshot())
    yield served
    served.app.state.stores.close()


def test_cypher_answers_csv_with_nodes_as_json(cypher_api):
    query = {"query": "MATCH (r:Role {id: 'role:vp'}) RETURN r.title AS title, r.aliases AS aliases"}
    rows = _rows(cypher_api.post("/cypher", params={"format": "csv"}, json=query))
    assert rows == [{"title": "VP of Engineering", "aliases": '["VPE"]'}]
    assert cypher_api.post("/cypher", json=query).json()["rows"] == [["VP of Engineering", ["VPE"]]]
    catalog = cypher_api.post("/queries/roles-without-kpi", params={"format": "csv"}, json={"params": {}})
    assert catalog.status_code == 200 and catalog.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(
    "params",
    [
        [("roles", "SRE Manager,Engineering Manager,VP of Engineering")],
        [("roles", "SRE Manager|Engineering Manager|VP of Engineering")],
        [("roles", "SRE Manager"), ("roles", "Engineering Manager, VP of Engineering")],
    ],
)
def test_list_parameters_take_commas_bars_and_repeats_alike(api, params):
    repeated = [("roles", "SRE Manager"), ("roles", "Engineering Manager"), ("roles", "VP of Engineering")]
    for url in ("/overlap", "/shared"):
        expected = api.get(url, params=repeated).json()
        response = api.get(url, params=params)
        assert response.status_code == 200, response.text
        assert response.json() == expected


def test_seed_comma_list_keeps_a_title_with_a_comma_whole(seed_api):
    value = "Manager, Infrastructure,SRE Manager,Manager, Infrastructure (Delivery)"
    body = seed_api.get("/overlap", params={"roles": value}).json()
    assert sorted(r["title"] for r in body["roles"]) == [
        "Manager, Infrastructure",
        "Manager, Infrastructure (Delivery)",
        "SRE Manager",
    ]
    alone = seed_api.get("/shared", params={"roles": ["Manager, Infrastructure", "SRE Manager"]}).json()
    assert [r["title"] for r in alone["roles"]] == ["Manager, Infrastructure", "SRE Manager"]


def test_a_one_role_list_is_a_400_asking_for_two(api):
    response = api.get("/overlap", params={"roles": "SRE Manager"})
    assert response.status_code == 400 and "at least two" in response.json()["detail"]


def test_did_you_mean_is_a_json_list_and_quoted_in_the_detail(seed_api):
    response = seed_api.get("/roles/" + quote("Infrastructure", safe=""))
    assert response.status_code == 404
    body = response.json()
    assert isinstance(body["suggestions"], list) and body["suggestions"]
    with_comma = [s for s in body["suggestions"] if "," in s]
    assert with_comma, body["suggestions"]  # the case a comma-joined list could not tell apart
    for name in body["suggestions"]:
        assert f"'{name}'" in body["detail"]
