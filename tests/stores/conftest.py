"""Store fixtures: ONE embedded FalkorDB for the whole session, a graph per test, Neo4j when configured.

Every test that takes ``store`` runs on the embedded FalkorDB and, when ``ORGKG_NEO4J_URI`` is set, on
that Neo4j too (its database is wiped before each test: point it at a throw-away database).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

from graph.model import Snapshot
from graph.stores.base import Store
from graph.stores.falkordb_store import FalkorDBStore
from graph.stores.writer import sync_snapshot
from tests.stores.sample import build_sample_snapshot

NEO4J_SKIP = "set ORGKG_NEO4J_URI (and ORGKG_NEO4J_USER/PASSWORD) to run the Neo4j store tests"
TIME_LIMIT_MS = 5000
MAX_ROWS = 1000


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory) -> Iterator[FalkorDBStore]:
    """The embedded FalkorDB all store tests share (started once, stopped at the end)."""
    store = FalkorDBStore(
        data_dir=tmp_path_factory.mktemp("falkordb"),
        graph_name="session",
        time_limit_ms=TIME_LIMIT_MS,
        max_rows=MAX_ROWS,
    )
    yield store
    store.close()


@pytest.fixture(scope="session")
def falkordb_url(falkordb_server) -> str:
    assert falkordb_server.server is not None
    return f"unix://{falkordb_server.server.socket_path}"


def _graph_name(request: pytest.FixtureRequest) -> str:
    return "t_" + re.sub(r"\W+", "_", request.node.name)[:80]


def record_writes(store: Store) -> list[str]:
    """The statements ``store`` is given to write from now on (both ways of writing), in order."""
    sent: list[str] = []

    def recording(write):
        def record(query, params=None):
            sent.append(query)
            return write(query, params)

        return record

    store.execute_write = recording(store.execute_write)  # type: ignore[method-assign]
    store.start_write = recording(store.start_write)  # type: ignore[method-assign]
    return sent


def falkordb_graph(url: str, name: str, **limits: int) -> FalkorDBStore:
    return FalkorDBStore(
        url=url,
        graph_name=name,
        time_limit_ms=limits.get("time_limit_ms", TIME_LIMIT_MS),
        max_rows=limits.get("max_rows", MAX_ROWS),
    )


def neo4j_store() -> Store:
    uri = os.environ.get("ORGKG_NEO4J_URI")
    if not uri:
        pytest.skip(NEO4J_SKIP)
    from graph.stores.neo4j_store import Neo4jStore

    store = Neo4jStore(
        uri,
        user=os.environ.get("ORGKG_NEO4J_USER", "neo4j"),
        password=os.environ.get("ORGKG_NEO4J_PASSWORD"),
        database=os.environ.get("ORGKG_NEO4J_DATABASE", "neo4j"),
        time_limit_ms=TIME_LIMIT_MS,
        max_rows=MAX_ROWS,
    )
    store.delete_graph()
    return store


@pytest.fixture(params=["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, falkordb_url) -> Iterator[Store]:
    """An empty graph on each engine."""
    if request.param == "neo4j":
        opened = neo4j_store()
    else:
        opened = falkordb_graph(falkordb_url, _graph_name(request))
        opened.delete_graph()
    yield opened
    opened.delete_graph()  # type: ignore[attr-defined]
    opened.close()


@pytest.fixture(scope="session")
def sample_snapshot() -> Snapshot:
    return build_sample_snapshot()


@pytest.fixture
def sample_store(store, sample_snapshot) -> Store:
    """``store`` holding the sample snapshot."""
    sync_snapshot(store, sample_snapshot)
    return store


@pytest.fixture(scope="session", params=["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def engine_sample_store(request, sample_snapshot) -> Iterator[Store]:
    """The sample snapshot, synced once per session, on each engine (read-only tests only)."""
    if request.param == "falkordb":
        yield request.getfixturevalue("shared_sample_store")
        return
    opened = neo4j_store()
    sync_snapshot(opened, sample_snapshot)
    yield opened
    opened.delete_graph()  # type: ignore[attr-defined]
    opened.close()


@pytest.fixture(scope="session")
def shared_sample_store(falkordb_url, sample_snapshot) -> Iterator[FalkorDBStore]:
    """One FalkorDB graph holding the sample for read-only tests of the whole session (never written)."""
    opened = falkordb_graph(falkordb_url, "sample")
    opened.delete_graph()
    sync_snapshot(opened, sample_snapshot)
    yield opened
    opened.delete_graph()
    opened.close()
