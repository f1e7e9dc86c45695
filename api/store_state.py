"""The app's one Cypher store: opened on first use, synced from the current snapshot, closed on shutdown.

``install_store(app)`` is all ``create_app`` calls: it adds the ``/cypher`` and ``/queries`` routers,
keeps a :class:`StoreHolder` in ``app.state.stores`` and closes it when the app shuts down.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from fastapi import FastAPI, Request

from api.settings import Settings
from graph.model import Snapshot
from graph.stores import Store, SyncResult, open_store, sync_snapshot
from graph.stores.writer import is_synced

__all__ = ["StoreHolder", "install_store", "store_for"]


class StoreHolder:
    """One store for the app, synced whenever the snapshot's ``built_at`` changes.

    Only FalkorDB (embedded or external) is synced by the app. A Neo4j store is loaded with
    ``orgkg sync --neo4j`` by an editor account: the app's analyst account should only read.
    """

    def __init__(self, settings: Settings, opener: Callable[[Settings], Store] = open_store) -> None:
        self.settings = settings
        self._opener = opener
        self._store: Store | None = None
        self._synced: datetime | None = None
        self._lock = threading.Lock()
        self.last_sync: SyncResult | None = None

    def get(self, snapshot: Snapshot) -> Store:
        """The open store, holding ``snapshot`` (opened and synced under a lock when needed)."""
        store = self._store
        if store is not None and (self._synced == snapshot.built_at or store.engine != "falkordb"):
            return store
        with self._lock:
            first = self._store is None
            if self._store is None:
                self._store = self._opener(self.settings)
            if self._store.engine == "falkordb" and self._synced != snapshot.built_at:
                if not (first and is_synced(self._store, snapshot)):  # a persisted store may hold it already
                    self.last_sync = sync_snapshot(self._store, snapshot, batch_size=self.settings.sync_batch_size)
                self._synced = snapshot.built_at
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
            self._store = None
            self._synced = None


def store_for(request: Request) -> Store:
    """The request's store, holding the snapshot the server currently answers from."""
    snapshot = request.app.state.graphs.current().snapshot
    return request.app.state.stores.get(snapshot)


def install_store(app: FastAPI) -> None:
    """Add ``/cypher`` and ``/queries`` to ``app`` and own the store's lifecycle."""
    from api.routers import catalog, cypher

    app.state.stores = StoreHolder(app.state.settings)
    app.include_router(cypher.router)
    app.include_router(catalog.router)
    app.router.on_shutdown.append(app.state.stores.close)
