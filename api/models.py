"""Response models of the HTTP API.

The query functions already return pydantic models (``graph.queries``); the routers use them as
response models directly. This module adds what only the API needs: the error body every 4xx and
5xx answer carries (written by ``api.errors``) and the ``responses`` the routes document.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from graph.errors import NotFound, QueryFailed

__all__ = [
    "CATALOG_ERRORS",
    "CONFLICT_ERRORS",
    "CYPHER_ERRORS",
    "ERRORS",
    "ErrorBody",
    "PARAM_ERRORS",
    "SNAPSHOT_ERRORS",
    "error_body",
    "error_responses",
]


class ErrorBody(BaseModel):
    detail: str = Field(description="What went wrong and what to fix.")
    error: str = Field(description="The error class, e.g. RoleNotFound, InvalidParameter or InvalidRequest.")
    suggestions: list[str] | None = Field(default=None, description="Close names, for an unknown name.")
    problems: list[str] | None = Field(
        default=None, description="Each missing or malformed parameter with what is wrong (422 only)."
    )
    line: int | None = Field(default=None, description="1-based line of a Cypher syntax error.")
    column: int | None = Field(default=None, description="1-based column of a Cypher syntax error.")


def error_body(err: Exception) -> dict:
    """The :class:`ErrorBody` of an orgkg error, as a dict (the API's answer, the CLI's ``--json`` error)."""
    body: dict = {"detail": str(err), "error": type(err).__name__}
    if isinstance(err, NotFound):
        body["suggestions"] = err.suggestions
    if isinstance(err, QueryFailed):
        body["line"], body["column"] = err.line, err.column
    return body


_WHY: dict[int, str] = {
    400: "The parameters contradict each other or the data (e.g. the same role twice).",
    404: "A role, skill, KPI or family is unknown (see suggestions), or no route has this path.",
    422: "A parameter is missing or malformed; problems names each one.",
    503: "The graph snapshot is missing or unreadable.",
}


def error_responses(*statuses: int, **descriptions: str) -> dict[int | str, dict]:
    """``responses`` documenting ``statuses`` with :class:`ErrorBody`; ``descriptions`` (``_400=...``)
    override the default description of a status."""
    return {
        status: {"model": ErrorBody, "description": descriptions.get(f"_{status}", _WHY[status])} for status in statuses
    }


# Routes resolving names in the graph: unknown names, malformed parameters, no snapshot.
ERRORS = error_responses(404, 422, 503)
# ... and routes whose parameters must also agree with each other (a 400 no schema can rule out).
CONFLICT_ERRORS = error_responses(400, 404, 422, 503)
# Routes with parameters but no names to resolve.
PARAM_ERRORS = error_responses(422, 503)
# Routes without parameters: only the snapshot can fail them.
SNAPSHOT_ERRORS = error_responses(503)
_STORE_DOWN = "The Cypher store cannot be reached or started, or the graph snapshot is missing."
CYPHER_ERRORS = error_responses(
    400,
    422,
    503,
    _400="Refused (not read-only), syntax error (line, column), timed out, bad parameter.",
    _503=_STORE_DOWN,
)
CATALOG_ERRORS = error_responses(
    400,
    404,
    422,
    503,
    _400="A parameter of the query is missing, unknown or of the wrong type; or it timed out.",
    _404="An unknown catalog query; see suggestions.",
    _503=_STORE_DOWN,
)
