"""The Cypher console as a Neo4j Browser user drives it (issue 13): a real editor with highlighting and
completion from the live schema, warnings for names the graph lacks, a history, and one result as a
table, a graph or JSON — relationships counted once, arrowheads, paths drawn as paths, nodes that open.

Expectations come from ``GET /cypher/schema`` and ``POST /cypher``.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

EDITOR = ".CodeMirror"
# the completion list offers exactly these names (it follows the typing a moment later)
OFFERED_JS = """want => JSON.stringify([...document.querySelectorAll('.CodeMirror-hints .hint-text')]
  .map(e => e.textContent)) === JSON.stringify(want)"""


def _open(page, open_view, query: str | None = None):
    open_view(page, "#/cypher" + (f"?q={quote(query)}" if query else ""), "cypher")
    page.wait_for_function("window.__orgkg.cypherEditor")


def _type_fresh(page, text: str) -> None:
    page.click(f"{EDITOR} .CodeMirror-lines")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text, delay=20)


def test_editor_highlights_cypher_and_completes_labels_types_and_properties(page, api, open_view):
    schema = api.get("/cypher/schema").json()
    labels = [entry["name"] for entry in schema["labels"]]
    _open(page, open_view)
    assert page.locator(f"{EDITOR} .cm-keyword", has_text="MATCH").count() >= 1  # the default query, highlighted

    _type_fresh(page, "MATCH (r:R")
    expected = sorted(label for label in labels if label.startswith("R"))
    assert "Role" in expected
    page.wait_for_function(OFFERED_JS, arg=expected)
    page.keyboard.press("Enter")
    assert page.evaluate("window.__orgkg.cypherEditor.get()") == "MATCH (r:Role"

    page.keyboard.type(")-[:PROM", delay=20)
    page.locator(".CodeMirror-hints .hint-text", has_text="PROMOTES_TO").wait_for()
    page.keyboard.press("Escape")
    page.keyboard.type("OTES_TO]->(b) RETURN r.ti", delay=20)
    role_props = next(e["properties"] for e in schema["labels"] if e["name"] == "Role")
    page.wait_for_function(OFFERED_JS, arg=sorted(p for p in role_props if p.startswith("ti")))


def test_a_label_the_graph_lacks_is_named_with_the_nearest_one(page, open_view):
    _open(page, open_view)
    _type_fresh(page, "MATCH (r:Rol)-[:PROMOTES_TOO]->(b:Role) RETURN b.titel")
    warnings = page.locator("#cypher-warnings")
    # the check runs a moment after the last key: wait for the finished query's warnings
    page.wait_for_function("document.querySelectorAll('#cypher-warnings li').length === 3")
    text = warnings.inner_text()
    assert "no label Rol; did you mean Role?" in text
    assert "no relationship type PROMOTES_TOO; did you mean PROMOTES_TO?" in text
    assert "no property titel on Role; did you mean title?" in text
    assert page.locator(f"{EDITOR} .cm-schema-problem").count() == 3
    _type_fresh(page, "MATCH (r:Role) RETURN r.title")
    page.wait_for_function("document.querySelectorAll('#cypher-warnings li').length === 0")


def test_history_keeps_the_queries_run_across_reloads(page, open_view):
    first = "MATCH (r:Role) RETURN count(r) AS roles"
    second = "MATCH (s:Skill) RETURN count(s) AS skills"
    for query in (first, second):
        _open(page, open_view, query)
        page.wait_for_selector("#cypher-out[data-state='done']")
    page.goto(page.url.split("#")[0] + "#/cypher")
    page.wait_for_selector('.view[data-view="cypher"][data-ready="true"]')
    items = page.locator("#cypher-history .history-item")
    assert items.nth(0).get_attribute("title") == second and items.nth(1).get_attribute("title") == first
    items.nth(1).click()
    assert page.evaluate("window.__orgkg.cypherEditor.get()") == first


def test_one_result_as_table_graph_and_json_counts_each_relationship_once(page, api, open_view):
    # undirected: every relationship comes back twice, once from each end
    query = "MATCH (a:Role)-[r]-(b:Role) WHERE a.function = 'SRE' AND b.function = 'SRE' RETURN a, r, b"
    answer = api.post("/cypher", json={"query": query, "params": {}}).json()
    distinct = {(r["start"], r["type"], r["end"]) for _, r, _ in answer["rows"]}
    nodes = {n["id"] for a, _, b in answer["rows"] for n in (a, b)}
    assert len(answer["rows"]) > len(distinct), "the query no longer meets a relationship twice"
    _open(page, open_view, query)
    page.wait_for_selector("#cypher-out[data-state='done']")
    assert page.inner_text("#cypher-elements") == f"{len(nodes)} nodes, {len(distinct)} relationships"
    page.click("#cypher-tab-graph")
    graph = page.locator("#cypher-view-graph .graph-svg")
    assert graph.is_visible()
    assert int(graph.get_attribute("data-edges")) == len(distinct)
    drawn = graph.locator("path.gedge").evaluate_all(
        "els => els.map(e => [e.dataset.source, e.dataset.type, e.dataset.target, e.getAttribute('marker-end')])"
    )
    assert {tuple(d[:3]) for d in drawn} == distinct and all(d[3] for d in drawn)
    page.click("#cypher-tab-json")
    assert json.loads(page.inner_text("#cypher-json"))["rows"] == answer["rows"]
    assert not graph.is_visible()


def test_a_path_is_drawn_as_a_path_and_its_nodes_open_or_expand(page, api, open_view):
    query = "MATCH p = (:Role {id: 'role:sre-manager'})-[:PROMOTES_TO*2]->(:Role) RETURN p"
    answer = api.post("/cypher", json={"query": query, "params": {}}).json()
    path = answer["rows"][0][0]
    _open(page, open_view, query)
    page.wait_for_selector("#cypher-out[data-state='done']")
    first = page.locator("#cypher-table .cell-path").first
    assert first.locator(".path-node").all_inner_texts() == [n["properties"]["title"] for n in path["nodes"]]
    assert [t.strip() for t in first.locator(".path-rel").all_inner_texts()] == ["-[PROMOTES_TO]->"] * 2
    page.click("#cypher-tab-graph")
    steps = page.locator("#cypher-view-graph path.gedge").evaluate_all(
        "els => els.map(e => [e.dataset.source, e.dataset.target])"
    )
    assert sorted(map(tuple, steps)) == sorted((r["start"], r["end"]) for r in path["relationships"])
    end = path["nodes"][-1]["id"]
    page.click(f'#cypher-view-graph .gnode[data-id="{end}"]')
    assert page.get_attribute("#cypher-node-open", "href") == f"#/role/{end}"
    before = int(page.get_attribute("#cypher-view-graph .graph-svg", "data-nodes"))
    page.click("#cypher-node-expand")
    page.wait_for_function(f"+document.querySelector('#cypher-view-graph .graph-svg').dataset.nodes > {before}")
