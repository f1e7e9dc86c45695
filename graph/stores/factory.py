"""``open_store``: the store the settings name (embedded FalkorDB, external FalkorDB or Neo4j)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from graph.errors import StoreUnavailable
from graph.stores.base import Store

__all__ = ["StoreSettings", "open_store"]


class StoreSettings(Protocol):
    """The settings ``open_store`` reads (``api.settings.Settings`` has them all)."""

    store: str
    graph_name: str
    falkordb_url: str | None
    neo4j_uri: str | None
    neo4j_user: str
    neo4j_password: str | None
    neo4j_database: str
    cypher_time_limit_ms: int
    cypher_max_rows: int
    cypher_max_param_bytes: int
    cypher_max_param_depth: int
    falkordb_memory_mb: int
    falkordb_query_memory_mb: int
    falkordb_max_queued: int
    falkordb_write_timeout_s: float

    @property
    def falkordb_dir(self) -> Path: ...


def open_store(settings: StoreSettings, *, engine: str | None = None) -> Store:
    """Open the store of ``settings`` (or of ``engine``: "falkordb" / "neo4j").

    FalkorDB is embedded (a server under ``settings.falkordb_dir``) unless ``falkordb_url`` is set.

    Raises
    ------
    StoreUnavailable
        The store cannot be started or reached, or Neo4j is asked for without a URI.
    """
    engine = engine or settings.store
    limits = _query_limits(settings)
    if engine == "neo4j":
        if not settings.neo4j_uri:
            raise StoreUnavailable("set ORGKG_NEO4J_URI (and ORGKG_NEO4J_USER/PASSWORD) or pass --neo4j-uri")
        from graph.stores.neo4j_store import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
            **limits,
        )
    if engine != "falkordb":
        raise StoreUnavailable(f"unknown store {engine!r}: use falkordb or neo4j")
    from graph.stores.falkordb_store import FalkorDBStore

    return FalkorDBStore(
        data_dir=None if settings.falkordb_url else settings.falkordb_dir,
        url=settings.falkordb_url,
        graph_name=settings.graph_name,
        memory_limit_mb=settings.falkordb_memory_mb,
        query_memory_mb=settings.falkordb_query_memory_mb,
        max_queued=settings.falkordb_max_queued,
        write_timeout_s=settings.falkordb_write_timeout_s,
        **limits,
    )


def _query_limits(settings: StoreSettings) -> dict[str, int]:
    """The analyst-query limits both stores take, by their keyword names."""
    return {
        "time_limit_ms": settings.cypher_time_limit_ms,
        "max_rows": settings.cypher_max_rows,
        "max_param_bytes": settings.cypher_max_param_bytes,
        "max_param_depth": settings.cypher_max_param_depth,
    }
