"""Career paths between two roles.

No path is not an error: the answer is 200 with ``paths: []``, a ``message`` and the ``closest``
reachable role (see ``graph.queries.paths``).
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import GraphDep
from api.models import CONFLICT_ERRORS
from api.params import FromRoleQuery, KQuery, MaxStepsQuery, ToRoleQuery
from api.routers.tabular import CSV, FormatQuery, paths_table, respond
from graph.queries import career_paths
from graph.queries.corrections import with_corrections
from graph.queries.paths import CareerPaths

router = APIRouter(tags=["paths"], responses=CONFLICT_ERRORS)


@router.get(
    "/paths",
    response_model=CareerPaths,
    summary="The k cheapest career paths from one role to another (CSV: one row per step)",
    responses=CSV,
)
def get_paths(
    request: Request,
    og: GraphDep,
    from_role: FromRoleQuery,
    to_role: ToRoleQuery,
    k: KQuery = 3,
    max_steps: MaxStepsQuery = 8,
    promotions_only: bool = False,
    format: FormatQuery = None,
):
    found = with_corrections(
        career_paths, og, from_role, to_role, k=k, max_steps=max_steps, promotions_only=promotions_only
    )
    return respond(request, format, found, paths_table, f"paths-{found.from_role.title}-to-{found.to_role.title}")
