"""Roles: the filtered list, the role card and its parts (chain, reports, next, similar, neighbourhood).

``{role}`` is an id, bare slug, title or alias (URL-encoded); an unknown one answers 404 with suggestions.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.routing import Match, Route
from starlette.types import Scope

from api.deps import GraphDep, answer, get_graph
from api.models import ERRORS
from api.params import (
    NAME_PATTERN,
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
    fields_response,
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
from graph.queries.text import MAX_NAME_LENGTH

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
    return await _card(request, role)


async def _card(request: Request, role: str) -> Response:
    # The busiest route takes its graph from get_graph itself: FastAPI resolving it as a dependency
    # costs 10-20 us a request.
    og = await get_graph(request)
    return await answer(og, card_response, og, role)


class CardFastPath(Route):
    """The role card as a plain Starlette route, tried before FastAPI's: FastAPI's routing and parameter
    handling cost ~0.15 ms CPU of the card's ~0.75 ms at 10,000 roles.

    It takes only the requests :func:`get_role` answers with no more than a valid name: ``GET``, no query
    string, a ``{role}`` that passes ``NamePath``'s checks and is not one of the card's sub-resources
    (``…/chain``, ``…/reports``: the paths of ``router``). Every other request (a name FastAPI refuses
    with a 422, ``?format=csv``) goes on to the documented route, which answers it as before.
    """

    def __init__(self, router: APIRouter) -> None:
        card_path = router.prefix + "/{role:path}"
        super().__init__(card_path, self._endpoint, methods=["GET"], include_in_schema=False)
        self._sub_resources = tuple(
            route.path.removeprefix(card_path)
            for route in router.routes
            if isinstance(route, APIRoute) and route.path.startswith(card_path + "/")
        )

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or scope["method"] != "GET" or scope.get("query_string"):
            return Match.NONE, {}
        match, child_scope = super().matches(scope)
        if match is not Match.FULL:
            return Match.NONE, {}
        role = child_scope["path_params"]["role"]
        if role.endswith(self._sub_resources) or len(role) > MAX_NAME_LENGTH or not _NAME_CHARACTER(role):
            return Match.NONE, {}
        return match, child_scope

    @staticmethod
    async def _endpoint(request: Request) -> Response:
        return await _card(request, request.path_params["role"])


_NAME_CHARACTER = re.compile(NAME_PATTERN).search  # NamePath's pattern, searched as pydantic does


def card_response(og: OrgGraph, role: str) -> Response:
    """The role card's JSON, written from :func:`graph.queries.cards.card_fields` as ``RoleCard`` would
    write it (the same bytes; the route's ``response_model`` documents it), without building the card's
    models only to serialise them."""
    with noting_corrections() as found:
        fields = card_fields(og, role)
    fields["corrections"] = found
    return fields_response(fields)


card_fast_path = CardFastPath(router)
