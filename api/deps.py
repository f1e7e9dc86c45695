"""Dependency aliases the routers share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.settings import Settings
from graph.orggraph import OrgGraph

__all__ = ["GraphDep", "SettingsDep", "get_graph", "get_app_settings"]


def get_graph(request: Request) -> OrgGraph:
    return request.app.state.graphs.current()


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


GraphDep = Annotated[OrgGraph, Depends(get_graph)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
