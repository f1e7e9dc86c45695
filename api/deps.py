"""Dependency aliases the routers share, and :func:`answer`, which runs a query where it is cheapest.

The dependencies are ``async``: a dependency that only looks something up costs a trip to the thread
pool when it is a plain function. Reading a changed snapshot does go to the thread pool, so the event
loop keeps serving while a new graph is read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from api.settings import Settings
from api.state import WARM_INDEXES
from graph.orggraph import OrgGraph

__all__ = ["GraphDep", "SettingsDep", "answer", "get_app_settings", "get_graph", "is_warm"]

P = ParamSpec("P")
R = TypeVar("R")


async def get_graph(request: Request) -> OrgGraph:
    graphs = request.app.state.graphs
    return graphs.unchanged() or await run_in_threadpool(graphs.current)


async def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


GraphDep = Annotated[OrgGraph, Depends(get_graph)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def is_warm(og: OrgGraph) -> bool:
    """Every index of :data:`api.state.WARM_INDEXES` is built on ``og``: a query then only reads them."""
    built = vars(og)
    return all(name in built for name in WARM_INDEXES)


async def answer(og: OrgGraph, query: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``query(*args, **kwargs)`` on the event loop once ``og`` is warm, in the thread pool before.

    For a query of a millisecond the trip to the thread pool costs more CPU than the query (a thread
    switch each way, and the worker threads contend for the GIL with the event loop, so nothing runs
    in parallel anyway). A graph still building its indexes could make a query wait seconds for one:
    that waits in the thread pool, and the event loop keeps serving.
    """
    if is_warm(og):
        return query(*args, **kwargs)
    return await run_in_threadpool(query, *args, **kwargs)
