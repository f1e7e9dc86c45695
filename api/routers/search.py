"""Type-ahead search over roles, skills and KPIs."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import GraphDep
from api.models import PARAM_ERRORS
from api.params import SearchLimitQuery
from api.routers.tabular import CSV, FormatQuery, respond, search_table
from graph.queries import search
from graph.queries.lookup import SearchResults

router = APIRouter(tags=["search"], responses=PARAM_ERRORS)


@router.get(
    "/search", response_model=SearchResults, summary="Roles, skills and KPIs matching a few letters", responses=CSV
)
def get_search(request: Request, og: GraphDep, q: str = "", limit: SearchLimitQuery = 10, format: FormatQuery = None):
    return respond(request, format, search(og, q, limit=limit), search_table, "search")
