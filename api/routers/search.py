"""Type-ahead search over roles, skills and KPIs."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import GraphDep
from api.models import PARAM_ERRORS
from api.params import SearchLimitQuery
from graph.queries import search
from graph.queries.lookup import SearchResults

router = APIRouter(tags=["search"], responses=PARAM_ERRORS)


@router.get("/search", response_model=SearchResults, summary="Roles, skills and KPIs matching a few letters")
def get_search(og: GraphDep, q: str = "", limit: SearchLimitQuery = 10):
    return search(og, q, limit=limit)
