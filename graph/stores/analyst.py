"""Analyst queries: the read-only check first, then the engine in read-only mode with limits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.stores.base import CypherResult, Store
from graph.stores.guard import QueryBounds, check_read_only

__all__ = ["run_analyst_query"]


def run_analyst_query(
    store: Store,
    query: str,
    params: Mapping[str, Any] | None = None,
    *,
    time_limit_ms: int | None = None,
    max_rows: int | None = None,
    bounds: QueryBounds | None = None,
) -> CypherResult:
    """Check ``query`` with :func:`check_read_only`, then run it with the store's read-only mode.

    ``time_limit_ms`` and ``max_rows`` may lower the store's limits, never raise them; ``bounds``
    (size, nesting, literal ranges) are the guard's, its defaults when None.

    Raises
    ------
    QueryRefused, QueryFailed, QueryTimeout
        From the check or the engine; nothing is swallowed.
    """
    runnable = check_read_only(query, bounds)
    return store.run_read(runnable, params, time_limit_ms=time_limit_ms, max_rows=max_rows)
