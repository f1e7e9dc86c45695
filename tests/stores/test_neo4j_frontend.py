"""Every statement orgkg sends to Neo4j passes Neo4j's own parser and semantic analysis.

No Neo4j server runs here, so this test runs Neo4j's Cypher front end itself: the npm package
``@neo4j-cypher/language-support`` (``lintCypherQuery``: the ANTLR parser and the semantic analysis
compiled from Neo4j's Scala front end), offline under Node, pinned by ``neo4j_lint/package-lock.json``
and installed by ``make test`` into ``.tools/node``. The statements are collected from the real code:

* the writer's DDL and batches: a store that records what the real writer sends while it syncs the
  seed snapshot into the embedded FalkorDB (first sync, unchanged re-sync, a re-sync after an edit and
  a removal), with the parameters it sent;
* the Neo4j store's own statements (constraints, id resolution, deletes) and the shared reads of
  :class:`graph.stores.base.Store`;
* the named catalog in ``queries/`` with each query's example parameters;
* the analyst queries the guard lets through (its tests' legitimate reads).

Without node the test is skipped, except in CI (``CI`` set), where it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from graph.model import NodeLabel
from graph.stores import neo4j_store
from graph.stores.base import CypherResult, Store
from graph.stores.catalog import bind_params, list_queries
from graph.stores.writer import sync_snapshot
from tests.stores.conftest import falkordb_graph
from tests.stores.test_guard import LEGITIMATE_READS

REPO = Path(__file__).resolve().parents[2]
LINT_SCRIPT = Path(__file__).with_name("neo4j_lint") / "lint.cjs"
NODE_MODULES = REPO / ".tools" / "node" / "node_modules"
PACKAGE = NODE_MODULES / "@neo4j-cypher" / "language-support"


class RecordingStore(Store):
    """A real FalkorDB store that also notes every statement (and its parameters) sent through it."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.engine = inner.engine
        self.sent: dict[str, dict[str, Any]] = {}

    def _note(self, query: str, params: Mapping[str, Any] | None) -> None:
        self.sent.setdefault(query, _sample(dict(params or {})))

    def run_read(self, query, params=None, *, time_limit_ms=None, max_rows=None) -> CypherResult:
        self._note(query, params)
        return self.inner.run_read(query, params, time_limit_ms=time_limit_ms, max_rows=max_rows)

    def execute_write(self, query, params=None) -> CypherResult:
        self._note(query, params)
        return self.inner.execute_write(query, params)

    def fetch_all(self, query, params=None) -> list[list[Any]]:
        self._note(query, params)
        return self.inner.fetch_all(query, params)

    def ensure_schema(self, labels: Iterable[NodeLabel]) -> None:
        self.inner.ensure_schema(labels)  # engine-specific DDL: Neo4j's is neo4j_store.STATEMENTS

    def close(self) -> None:
        self.inner.close()


def _sample(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters with long lists cut to two items: their names and shapes are what the linter needs."""
    return {name: value[:2] if isinstance(value, list) else value for name, value in params.items()}


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        message = "node is not installed (apt-get install nodejs npm; .ci/run does it in CI)"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must run the Neo4j front-end check", pytrace=False)
        pytest.skip(message)
    if not PACKAGE.is_dir():
        pytest.fail(f"{PACKAGE} is missing: run `make neo4j-lint-tools` (make test does it)", pytrace=False)
    return node


def _lint(node: str, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    env = {**os.environ, "NODE_PATH": str(NODE_MODULES)}
    done = subprocess.run(
        [node, str(LINT_SCRIPT)],
        input=json.dumps(statements),
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def writer_statements(falkordb_url, seed_snapshot) -> dict[str, dict[str, Any]]:
    """What the writer sends while it syncs the seeds: first, unchanged, and after an edit and a removal."""
    store = RecordingStore(falkordb_graph(falkordb_url, "neo4j_frontend"))
    try:
        store.inner.delete_graph()  # type: ignore[attr-defined]
        sync_snapshot(store, seed_snapshot, batch_size=50)
        sync_snapshot(store, seed_snapshot, batch_size=50)
        later = seed_snapshot.built_at + timedelta(days=1)  # same content, new sync id: the restamp
        sync_snapshot(store, seed_snapshot.model_copy(update={"built_at": later}), batch_size=50)
        edited = seed_snapshot.model_copy(deep=True)
        edited.roles[0].summary = (edited.roles[0].summary or "") + " (edited)"
        removed = edited.roles.pop()
        edited.relationships = [rel for rel in edited.relationships if removed.id not in (rel.start, rel.end)]
        sync_snapshot(store, edited, batch_size=50)
        store.count_elements()
    finally:
        store.inner.delete_graph()  # type: ignore[attr-defined]
        store.close()
    return store.sent


def _statements(writer_statements) -> list[dict[str, Any]]:
    statements = [{"id": f"writer #{i}", "query": q, "params": p} for i, (q, p) in enumerate(writer_statements.items())]
    statements += [
        {"id": f"neo4j store #{i}", "query": q, "params": {"ids": ["4:x:1"]}}
        for i, q in enumerate(neo4j_store.STATEMENTS)
    ]
    for query in list_queries():
        params = bind_params(query, {p.name: p.example for p in query.params})
        statements.append({"id": f"queries/{query.name}.cypher", "query": query.cypher, "params": params})
    statements += [{"id": f"guard example #{i}", "query": q, "params": p} for i, (q, p) in enumerate(LEGITIMATE_READS)]
    return statements


def test_every_statement_sent_to_neo4j_passes_neo4js_parser_and_semantic_analysis(writer_statements):
    node = _node()
    statements = _statements(writer_statements)
    report = _lint(node, statements)

    by_id = {s["id"]: s for s in statements}
    errors = [
        f"{item['id']}: {d['message']} (line {d['line']}, column {d['column']})\n    {by_id[item['id']]['query']!r}"
        for item in report
        for d in item["diagnostics"]
        if d["severity"] == "error"
    ]
    kinds = {
        kind: sum(s["id"].startswith(kind) for s in statements)
        for kind in ("writer", "neo4j store", "queries/", "guard example")
    }
    print(f"Neo4j front end: {len(statements)} statements {kinds}, {len(errors)} errors")
    assert kinds["writer"] >= 10 and kinds["queries/"] == len(list_queries())
    assert not errors, "\n".join(errors)


def test_the_front_end_rejects_what_neo4j_rejects():
    """The check can fail: a syntax error, an undefined variable and a write in a read are caught."""
    node = _node()
    bad = [
        {"id": "syntax", "query": "MATCH (r:Role) RETRN r", "params": {}},
        {"id": "variable", "query": "MATCH (r:Role) RETURN x", "params": {}},
        {"id": "parameter", "query": "MATCH (r:Role {id: $missing}) RETURN r", "params": {}},
    ]
    report = {item["id"]: item["diagnostics"] for item in _lint(node, bad)}
    assert report["syntax"][0]["message"].startswith("Invalid input 'RETRN'")
    assert (report["syntax"][0]["line"], report["syntax"][0]["column"]) == (1, 16)
    assert "Variable `x` not defined" in report["variable"][0]["message"]
    assert "$missing" in report["parameter"][0]["message"]
