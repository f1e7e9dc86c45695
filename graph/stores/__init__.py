"""Cypher stores: the embedded FalkorDB (default) and Neo4j 5, one writer, the analyst guard, the catalog.

* :func:`open_store` opens the store the settings name; :class:`Store` is what every store offers.
* :func:`sync_snapshot` writes a snapshot so that the store holds exactly it.
* :func:`run_analyst_query` runs an analyst's query after the read-only check (:func:`check_read_only`).
* :mod:`graph.stores.catalog` holds the named questions in ``queries/*.cypher``.
"""

from __future__ import annotations

from graph.stores.analyst import run_analyst_query
from graph.stores.base import CypherResult, Store
from graph.stores.factory import open_store
from graph.stores.guard import check_read_only
from graph.stores.writer import SyncResult, sync_snapshot

__all__ = [
    "CypherResult",
    "Store",
    "SyncResult",
    "check_read_only",
    "open_store",
    "run_analyst_query",
    "sync_snapshot",
]
