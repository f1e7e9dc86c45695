"""The app's one Cypher store: opened on first use, synced from the current snapshot, closed on shutdown.

``install_store(app)`` is all ``create_app`` calls: it adds the ``/cypher`` and ``/queries`` routers,
keeps a :class:`StoreHolder` in ``app.state.stores`` and closes it when the app shuts down.
:func:`run_analyst` is how both routers run a query: at most ``cypher_max_in_flight`` at once (more
are a 503 with ``Retry-After`` at once, so they hold no worker thread), within the guard's bounds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request

from api.settings import Settings
from graph.errors import StoreBusy, StoreError, StoreUnavailable
from graph.orggraph import OrgGraph
from graph.stores import CypherResult, Store, SyncResult, open_store, sync_snapshot
from graph.stores.guard import QueryBounds
from graph.stores.writer import is_synced

__all__ = ["CypherGate", "StoreHolder", "install_store", "query_bounds", "run_analyst", "store_for"]


class StoreHolder:
    """One store for the app, synced whenever the snapshot's ``built_at`` changes.

    Only a store the app keeps in step (``Store.kept_in_step``: FalkorDB, embedded or external) is synced by
    the app. A Neo4j store is loaded with ``orgkg sync --neo4j`` by an editor account: the app's analyst
    account should only read.
    """

    def __init__(self, settings: Settings, opener: Callable[[Settings], Store] = open_store) -> None:
        self.settings = settings
        self._opener = opener
        self._store: Store | None = None
        self._synced: datetime | None = None
        self._lock = threading.Lock()
        self._restarts = 0
        self.last_sync: SyncResult | None = None

    def get(self, graph: OrgGraph) -> Store:
        """The open store, holding ``graph``'s snapshot (opened and synced under a lock when needed).

        The whole pydantic ``Snapshot`` of an ``OrgGraph`` is built only when the store must be
        checked or synced, and not kept: the server answers from the columns, and a request on a
        synced store needs nothing but the snapshot's ``built_at``.

        After the engine was restarted (a killed overrunning query) the store is checked again, since
        the last second of a sync may not have reached its disk. A failed sync (a full disk ...) is a
        :class:`StoreUnavailable` that says why; the next request tries again.
        """
        built_at = graph.head.built_at
        store = self._store
        if store is not None and (
            not store.kept_in_step or (self._synced == built_at and self._restarts == _restarts(store))
        ):
            return store
        with self._lock:
            first = self._store is None
            if self._store is None:
                self._store = self._opener(self.settings)
            store = self._store
            restarted = self._restarts != _restarts(store)
            if store.kept_in_step and (self._synced != built_at or restarted):
                self._restarts = _restarts(store)
                snapshot = graph.whole_snapshot()
                try:
                    if not ((first or restarted) and is_synced(store, snapshot)):  # a persisted store may hold it
                        self.last_sync = sync_snapshot(store, snapshot, batch_size=self.settings.sync_batch_size)
                except StoreError as err:  # tried again by the next request
                    self._synced = None
                    raise StoreUnavailable(f"cannot write the graph into the Cypher store: {err}") from err
                self._synced = built_at
            return store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
            self._store = None
            self._synced = None


def _restarts(store: Store) -> int:
    return int(getattr(store, "restarts", 0))


class CypherGate:
    """At most ``limit`` analyst queries at once; one more is refused at once with :class:`StoreBusy`.

    The queries run on threads of their own (``limiter``), not on the pool the REST routes share, so
    however many analysts wait on the engine, ``/roles`` finds a free thread. The guard's checks run
    on one more thread of their own (``checker``): a query of ``cypher_max_query_bytes`` takes the guard
    tens of milliseconds of pure Python, which on the event loop would stall every other request, and
    on the shared pool could take all of its threads.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._slots = threading.BoundedSemaphore(limit)
        self._limiter: anyio.CapacityLimiter | None = None
        self._checker: anyio.CapacityLimiter | None = None

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        if self._limiter is None:  # created on first use, inside the server's event loop
            self._limiter = anyio.CapacityLimiter(self.limit)
        return self._limiter

    @property
    def checker(self) -> anyio.CapacityLimiter:
        if self._checker is None:  # one thread: the checks hold the interpreter lock, more would not help
            self._checker = anyio.CapacityLimiter(1)
        return self._checker

    def __enter__(self) -> CypherGate:
        if not self._slots.acquire(blocking=False):
            raise StoreBusy(
                f"{self.limit} analyst queries are running already (cypher_max_in_flight); try again shortly",
                retry_after=1,
            )
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._slots.release()


def query_bounds(settings: Settings) -> QueryBounds:
    """The guard's bounds from the settings (``cypher_max_query_bytes``, ``cypher_max_nesting`` ...)."""
    return QueryBounds(
        max_bytes=settings.cypher_max_query_bytes,
        max_nesting=settings.cypher_max_nesting,
        max_range=settings.cypher_max_range,
    )


async def run_analyst(
    request: Request,
    query: str,
    params: Mapping[str, Any] | None,
    *,
    time_limit_ms: int | None = None,
    max_rows: int | None = None,
) -> CypherResult:
    """Run an analyst's (or a catalog) query for ``request``: guard first, then a slot, then the store."""
    from graph.stores.base import check_params
    from graph.stores.guard import check_read_only

    settings = request.app.state.settings
    bounds = query_bounds(settings)
    gate: CypherGate = request.app.state.cypher_gate

    def check() -> str:  # refused queries cost no slot (bounded work: at most max_bytes)
        check_params(params, max_bytes=settings.cypher_max_param_bytes, max_depth=settings.cypher_max_param_depth)
        return check_read_only(query, bounds)

    runnable = await anyio.to_thread.run_sync(check, limiter=gate.checker)

    def run() -> CypherResult:  # what run_analyst_query does, the check done above
        return store_for(request).run_read(runnable, params, time_limit_ms=time_limit_ms, max_rows=max_rows)

    with gate:
        return await anyio.to_thread.run_sync(run, limiter=gate.limiter)


def store_for(request: Request) -> Store:
    """The request's store, holding the snapshot the server currently answers from."""
    return request.app.state.stores.get(request.app.state.graphs.current())


def install_store(app: FastAPI) -> None:
    """Add ``/cypher`` and ``/queries`` to ``app`` and own the store's lifecycle."""
    from api.routers import catalog, cypher

    app.state.stores = StoreHolder(app.state.settings)
    app.state.cypher_gate = CypherGate(app.state.settings.cypher_max_in_flight)
    app.include_router(cypher.router)
    app.include_router(catalog.router)
    app.router.on_shutdown.append(app.state.stores.close)
