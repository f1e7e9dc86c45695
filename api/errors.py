"""Map orgkg's exceptions to HTTP answers: a 4xx that says what to fix, never a 500 for user input."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from graph.errors import (
    CypherError,
    InputError,
    NotFound,
    OrgKGError,
    QueryFailed,
    SnapshotError,
    StoreUnavailable,
)

__all__ = ["install_error_handlers", "error_body"]


def error_body(err: Exception) -> dict:
    body: dict = {"detail": str(err), "error": type(err).__name__}
    if isinstance(err, NotFound):
        body["suggestions"] = err.suggestions
    if isinstance(err, QueryFailed):
        body["line"], body["column"] = err.line, err.column
    return body


def _status(err: OrgKGError) -> int:
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, CypherError | InputError):
        return 400
    if isinstance(err, SnapshotError | StoreUnavailable):
        return 503
    return 500


async def _orgkg_error(_: Request, err: OrgKGError) -> JSONResponse:
    return JSONResponse(error_body(err), status_code=_status(err))


async def _validation_error(_: Request, err: RequestValidationError) -> JSONResponse:
    problems = []
    for item in err.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path"))
        problems.append(f"{where}: {item.get('msg')}" if where else str(item.get("msg")))
    return JSONResponse(
        {"detail": "; ".join(problems), "error": "InvalidRequest", "problems": problems}, status_code=422
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(OrgKGError, _orgkg_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
