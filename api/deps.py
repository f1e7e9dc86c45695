"""Dependency aliases the routers share.

They are ``async``: a dependency that only looks something up costs a trip to the thread pool when it
is a plain function. Reading a changed snapshot does go to the thread pool, so the event loop keeps
serving while a new graph is read.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from api.settings import Settings
from graph.orggraph import OrgGraph

__all__ = ["GraphDep", "SettingsDep", "get_graph", "get_app_settings"]


async def get_graph(request: Request) -> OrgGraph:
    graphs = request.app.state.graphs
    return graphs.unchanged() or await run_in_threadpool(graphs.current)


async def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


GraphDep = Annotated[OrgGraph, Depends(get_graph)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
