"""The named Cypher catalog over HTTP: ``GET /queries``, ``GET /queries/{name}``, ``POST /queries/{name}``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, field_validator

from api.models import CATALOG_ERRORS
from api.params import MAX_ROWS, MAX_TIME_LIMIT_MS, not_a_boolean
from api.routers.tabular import CSV, FormatQuery, cypher_table, respond
from api.store_state import run_analyst
from graph.stores.base import CypherResult
from graph.stores.catalog import CatalogQuery, QueryParam, bind_params, get_query, list_queries

__all__ = ["CatalogRun", "QuerySummary", "router"]

router = APIRouter(tags=["catalog"])


class QuerySummary(BaseModel):
    name: str
    description: str
    params: list[QueryParam]


class CatalogRun(BaseModel):
    params: dict[str, Any] = Field(default_factory=dict, description="The query's parameters by name.")
    time_limit_ms: int | None = Field(default=None, ge=1, le=MAX_TIME_LIMIT_MS)
    max_rows: int | None = Field(default=None, ge=1, le=MAX_ROWS)

    _numbers_not_booleans = field_validator("time_limit_ms", "max_rows", mode="before")(not_a_boolean)


@router.get("/queries", response_model=list[QuerySummary])
def catalog_list(request: Request) -> list[QuerySummary]:
    """Every named query with its parameters and example values."""
    queries = list_queries(request.app.state.settings.queries_dir)
    return [QuerySummary(name=q.name, description=q.description, params=q.params) for q in queries]


@router.get("/queries/{name}", response_model=CatalogQuery, responses={404: CATALOG_ERRORS[404]})
def catalog_get(name: str, request: Request) -> CatalogQuery:
    """One named query, with its Cypher text (404 with suggestions for an unknown name)."""
    return get_query(name, request.app.state.settings.queries_dir)


@router.post("/queries/{name}", response_model=CypherResult, responses={**CATALOG_ERRORS, **CSV})
async def catalog_run(name: str, body: CatalogRun, request: Request, format: FormatQuery = None):
    """Run a named query; missing or unknown parameters are 400 naming the parameter."""
    query = get_query(name, request.app.state.settings.queries_dir)
    bound = bind_params(query, body.params)
    result = await run_analyst(request, query.cypher, bound, time_limit_ms=body.time_limit_ms, max_rows=body.max_rows)
    return respond(request, format, result, cypher_table, name)
