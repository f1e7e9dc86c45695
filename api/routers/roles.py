"""Roles: the filtered list, the role card and its parts (chain, reports, next, similar, neighbourhood).

``{role}`` is an id, bare slug, title or alias (URL-encoded); an unknown one answers 404 with suggestions.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic_core import to_json

from api.deps import GraphDep, answer, get_graph
from api.models import ERRORS
from api.params import (
    DepthQuery,
    FilterQuery,
    MaxDepthQuery,
    NamePath,
    OffsetQuery,
    PageLimitQuery,
    SimilarLimitQuery,
    TrackQuery,
)
from api.routers.tabular import (
    CSV,
    FormatQuery,
    chain_table,
    json_response,
    next_table,
    reports_table,
    respond,
    roles_table,
    similar_table,
)
from graph.orggraph import OrgGraph
from graph.queries import list_roles, neighbourhood, next_roles, reporting_chain, reports, similar_roles
from graph.queries.cards import RoleCard, card_fields
from graph.queries.corrections import noting_corrections, with_corrections
from graph.queries.listings import Page
from graph.queries.models import RoleSummary
from graph.queries.neighbourhood import Neighbourhood
from graph.queries.paths import NextRoles
from graph.queries.reporting import MAX_DEPTH, ReportingChain, Reports
from graph.queries.similar import SimilarRoles

router = APIRouter(prefix="/roles", tags=["roles"], responses=ERRORS)


@router.get("", response_model=Page[RoleSummary], summary="Roles, filtered and paginated (CSV too)", responses=CSV)
def get_roles(
    request: Request,
    og: GraphDep,
    q: str | None = None,
    family: FilterQuery = None,
    level: str | None = None,
    track: TrackQuery = None,
    function: str | None = None,
    skill: FilterQuery = None,
    kpi: FilterQuery = None,
    limit: PageLimitQuery = 50,
    offset: OffsetQuery = 0,
    format: FormatQuery = None,
):
    page = with_corrections(
        list_roles,
        og,
        q=q,
        family=family,
        level=level,
        track=track,
        function=function,
        skill=skill,
        kpi=kpi,
        limit=limit,
        offset=offset,
    )
    return respond(request, format, page, roles_table, "roles")


@router.get("/{role:path}/chain", response_model=ReportingChain, summary="The managers above a role", responses=CSV)
def get_chain(request: Request, og: GraphDep, role: NamePath, format: FormatQuery = None):
    found = with_corrections(reporting_chain, og, role)
    return respond(request, format, found, chain_table, f"chain-of-{found.role.title}")


@router.get(
    "/{role:path}/reports", response_model=Reports, summary="Direct and indirect reports of a role", responses=CSV
)
def get_reports(
    request: Request, og: GraphDep, role: NamePath, max_depth: MaxDepthQuery = MAX_DEPTH, format: FormatQuery = None
):
    found = with_corrections(reports, og, role, max_depth=max_depth)
    return respond(request, format, found, reports_table, f"reports-of-{found.role.title}")


@router.get(
    "/{role:path}/next", response_model=NextRoles, summary="Promotions and moves open from a role", responses=CSV
)
def get_next(request: Request, og: GraphDep, role: NamePath, format: FormatQuery = None):
    found = with_corrections(next_roles, og, role)
    return respond(request, format, found, next_table, f"next-from-{found.role.title}")


@router.get(
    "/{role:path}/similar", response_model=SimilarRoles, summary="Roles with the most similar skills", responses=CSV
)
def get_similar(
    request: Request, og: GraphDep, role: NamePath, limit: SimilarLimitQuery = 10, format: FormatQuery = None
):
    found = with_corrections(similar_roles, og, role, limit=limit)
    return respond(request, format, found, similar_table, f"similar-to-{found.role.title}")


@router.get("/{role:path}/neighbourhood", response_model=Neighbourhood, summary="Nodes and edges around a role")
def get_neighbourhood(og: GraphDep, role: NamePath, depth: DepthQuery = 1):
    return json_response(with_corrections(neighbourhood, og, role, depth=depth))


@router.get("/{role:path}", response_model=RoleCard, summary="The role card")
async def get_role(request: Request, role: NamePath):
    # The busiest route takes its graph from get_graph itself: FastAPI resolving it as a dependency
    # costs 10-20 us a request, a tenth of the framework's share of this route (~0.15 ms CPU).
    og = await get_graph(request)
    return await answer(og, card_response, og, role)


def card_response(og: OrgGraph, role: str) -> Response:
    """The role card's JSON, written from :func:`graph.queries.cards.card_fields` as ``RoleCard`` would
    write it (the same bytes; the route's ``response_model`` documents it), without building the card's
    models only to serialise them."""
    with noting_corrections() as found:
        fields = card_fields(og, role)
    fields["corrections"] = found
    return Response(to_json(fields), media_type="application/json")
