"""Functions: the hierarchy roles are placed in, with their roles."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import GraphDep
from api.models import SNAPSHOT_ERRORS
from graph.queries.functions import FunctionNode, list_functions

router = APIRouter(prefix="/functions", tags=["functions"], responses=SNAPSHOT_ERRORS)


@router.get("", response_model=list[FunctionNode], summary="The function tree with the roles in each function")
def get_functions(og: GraphDep):
    return list_functions(og)
