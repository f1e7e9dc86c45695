"""The overlap matrix of a set of roles, clustered for a heatmap (CSV too)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import GraphDep
from api.models import ERRORS
from api.routers.tabular import CSV, FormatQuery, overlap_table, respond
from graph.queries import overlap_matrix
from graph.queries.overlap import OverlapMatrix

router = APIRouter(tags=["competencies"], responses=ERRORS)


@router.get(
    "/overlap", response_model=OverlapMatrix, summary="Pairwise weighted skill overlap, clustered", responses=CSV
)
def get_overlap(
    request: Request,
    og: GraphDep,
    roles: Annotated[list[str], Query(description="Repeat for each role; all roles when absent.")] = [],  # noqa: B006
    family: str | None = None,
    function: str | None = None,
    level: str | None = None,
    format: FormatQuery = None,
):
    matrix = overlap_matrix(og, roles or None, family=family, function=function, level=level)
    return respond(request, format, matrix, overlap_table, "overlap")
