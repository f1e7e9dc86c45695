"""Shared competencies of two or more roles (CSV too)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import GraphDep
from api.models import CONFLICT_ERRORS
from api.params import ROLE_LIST_HELP, Name
from api.routers.tabular import CSV, FormatQuery, respond, shared_table
from graph.queries import shared_competencies
from graph.queries.corrections import with_corrections
from graph.queries.lookup import split_role_list
from graph.queries.shared import MAX_ROLES, SharedCompetencies

router = APIRouter(tags=["competencies"], responses=CONFLICT_ERRORS)


@router.get(
    "/shared", response_model=SharedCompetencies, summary="Skills and KPIs roles share, and their own", responses=CSV
)
def get_shared(
    request: Request,
    og: GraphDep,
    roles: Annotated[
        list[Name],
        Query(min_length=1, max_length=MAX_ROLES, description=ROLE_LIST_HELP + " Two or more."),
    ],
    min_roles: Annotated[
        int | None, Query(ge=2, le=MAX_ROLES, description="Held by at least this many of the roles (2 to n).")
    ] = None,
    format: FormatQuery = None,
):
    found = with_corrections(shared_competencies, og, split_role_list(og, roles), min_roles=min_roles)
    return respond(request, format, found, shared_table, "shared-" + "-".join(r.title for r in found.roles))
