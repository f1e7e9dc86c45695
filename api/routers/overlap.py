"""The overlap matrix of a set of roles, clustered for a heatmap (CSV too)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import GraphDep
from api.models import CONFLICT_ERRORS
from api.params import ROLE_LIST_HELP, FilterQuery, Name
from api.routers.tabular import CSV, FormatQuery, overlap_table, respond
from graph.queries import overlap_matrix
from graph.queries.corrections import with_corrections
from graph.queries.lookup import split_role_list
from graph.queries.overlap import MAX_MATRIX_ROLES, OverlapMatrix

router = APIRouter(tags=["competencies"], responses=CONFLICT_ERRORS)


@router.get(
    "/overlap", response_model=OverlapMatrix, summary="Pairwise weighted skill overlap, clustered", responses=CSV
)
def get_overlap(
    request: Request,
    og: GraphDep,
    roles: Annotated[
        list[Name] | None,
        Query(min_length=1, max_length=MAX_MATRIX_ROLES, description=ROLE_LIST_HELP + " All roles when absent."),
    ] = None,
    family: FilterQuery = None,
    function: str | None = None,
    level: str | None = None,
    format: FormatQuery = None,
):
    matrix = with_corrections(
        overlap_matrix, og, split_role_list(og, roles or []) or None, family=family, function=function, level=level
    )
    return respond(request, format, matrix, overlap_table, "overlap")
