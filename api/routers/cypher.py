"""``POST /cypher``: an analyst's read-only Cypher query, checked, then run with time and row limits."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, field_validator

from api.models import CYPHER_ERRORS
from api.params import MAX_ROWS, MAX_TIME_LIMIT_MS, not_a_boolean
from api.routers.tabular import CSV, FormatQuery, cypher_table, respond
from api.store_state import run_analyst
from graph.stores.base import CypherResult

__all__ = ["CypherRequest", "router"]

router = APIRouter(tags=["cypher"], responses=CYPHER_ERRORS)


_LOWER_ONLY = "Lower than the server's limit, never higher."


class CypherRequest(BaseModel):
    query: str = Field(
        min_length=1, description="One read-only Cypher statement.", examples=["MATCH (r:Role) RETURN r.title"]
    )
    params: dict[str, Any] = Field(default_factory=dict, description="Values for the query's $parameters.")
    time_limit_ms: int | None = Field(default=None, ge=1, le=MAX_TIME_LIMIT_MS, description=_LOWER_ONLY)
    max_rows: int | None = Field(default=None, ge=1, le=MAX_ROWS, description=_LOWER_ONLY)

    _numbers_not_booleans = field_validator("time_limit_ms", "max_rows", mode="before")(not_a_boolean)


@router.post("/cypher", response_model=CypherResult, responses=CSV)
async def run_cypher(body: CypherRequest, request: Request, format: FormatQuery = None):
    """Run one read-only query.

    The read-only check refuses writes, admin commands and non-allow-listed procedures (400, naming
    the clause), and so do the bounds on size, nesting and parameters (400, naming the limit); the
    engine then runs it in its own read-only mode, stopped at the time limit (400) and cut at the row
    limit (``truncated``). Syntax errors are 400 with ``line`` and ``column``. When as many queries
    as allowed run already, or the engine is down or restarting: 503 with ``Retry-After``.
    """
    result = await run_analyst(
        request, body.query, body.params, time_limit_ms=body.time_limit_ms, max_rows=body.max_rows
    )
    return respond(request, format, result, cypher_table, "cypher")
