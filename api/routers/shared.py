"""Shared competencies of two or more roles (CSV too)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import GraphDep
from api.models import ERRORS
from api.routers.tabular import CSV, FormatQuery, respond, shared_table
from graph.queries import shared_competencies
from graph.queries.shared import SharedCompetencies

router = APIRouter(tags=["competencies"], responses=ERRORS)


@router.get(
    "/shared", response_model=SharedCompetencies, summary="Skills and KPIs roles share, and their own", responses=CSV
)
def get_shared(
    request: Request,
    og: GraphDep,
    roles: Annotated[list[str], Query(description="Repeat for each role: ?roles=a&roles=b.")] = [],  # noqa: B006
    min_roles: int | None = None,
    format: FormatQuery = None,
):
    found = shared_competencies(og, roles, min_roles=min_roles)
    return respond(request, format, found, shared_table, "shared-" + "-".join(r.title for r in found.roles))
