"""Map orgkg's exceptions to HTTP answers: a 4xx that says what to fix, never a 500 for user input.

Every error answer has the one body of :class:`api.models.ErrorBody` (``detail``, ``error`` and the
optional fields), whoever raised it: orgkg, request validation (422) or Starlette (an unmatched path,
an unreadable body). :func:`install_error_handlers` also makes the OpenAPI document say so.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.routing import Match

from api.models import ErrorBody, error_body
from api.params import NAME_PATTERN
from graph.errors import (
    CypherError,
    InputError,
    NotFound,
    OrgKGError,
    SnapshotError,
    StoreError,
)

__all__ = ["error_body", "install_error_handlers", "install_openapi"]


def _status(err: OrgKGError) -> int:
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, CypherError | InputError):
        return 400
    if isinstance(err, SnapshotError | StoreError):  # engine faults included: never a 500
        return 503
    return 500


async def _orgkg_error(_: Request, err: OrgKGError) -> JSONResponse:
    status = _status(err)
    headers = {"Retry-After": str(getattr(err, "retry_after", 5))} if status == 503 else None
    return JSONResponse(error_body(err), status_code=status, headers=headers)


def _message(item: dict) -> str:
    if item.get("type") == "string_pattern_mismatch" and (item.get("ctx") or {}).get("pattern") == NAME_PATTERN:
        return "give an id, name or alias, not only blanks"  # the regex itself would not tell what to fix
    return str(item.get("msg"))


async def _validation_error(_: Request, err: RequestValidationError) -> JSONResponse:
    problems = []
    for item in err.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path"))
        problems.append(f"{where}: {_message(item)}" if where else _message(item))
    return JSONResponse(
        {"detail": "; ".join(problems), "error": "InvalidRequest", "problems": problems}, status_code=422
    )


async def _http_error(request: Request, err: HTTPException) -> Response:
    """Starlette's own errors (no route for the path, an unreadable body) in the same body as ours."""
    if err.status_code < 400:
        return await http_exception_handler(request, err)
    status = HTTPStatus(err.status_code)
    detail = str(err.detail)
    if status == HTTPStatus.NOT_FOUND and detail == status.phrase:
        detail = f"no route matches {request.url.path!r}; the routes are listed at /docs"
    headers = err.headers
    if status == HTTPStatus.METHOD_NOT_ALLOWED:
        headers = {**(headers or {}), "Allow": _allowed_methods(request)}
        detail = f"{request.method} is not allowed on {request.url.path!r}; use {headers['Allow']}"
    error = status.phrase.title().replace(" ", "").replace("-", "")
    return JSONResponse({"detail": detail, "error": error}, status_code=err.status_code, headers=headers)


def _allowed_methods(request: Request) -> str:
    """Every method some route answers on this path (Starlette's 405 names only the first route's, but
    GET and POST /queries/{name} are two routes)."""
    allowed = []
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return ", ".join(allowed)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_GENERATED = "#/components/schemas/HTTPValidationError"


def _our_error_body(node: Any) -> Any:
    """``node`` with FastAPI's generated ``HTTPValidationError`` replaced by :class:`ErrorBody`."""
    if isinstance(node, dict):
        if node.get("$ref") == _GENERATED:
            return {"$ref": "#/components/schemas/ErrorBody"}
        return {key: _our_error_body(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_our_error_body(value) for value in node]
    return node


def install_openapi(app: FastAPI) -> None:
    """Document the 422 body ``_validation_error`` really writes, not FastAPI's ``HTTPValidationError``."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        spec = generate()  # FastAPI's document, cached in app.openapi_schema
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        if "HTTPValidationError" in schemas:
            for generated in ("HTTPValidationError", "ValidationError"):
                schemas.pop(generated, None)
            schemas.setdefault("ErrorBody", ErrorBody.model_json_schema())
            app.openapi_schema = _our_error_body(spec)
        return app.openapi_schema

    app.openapi = openapi


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(OrgKGError, _orgkg_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    install_openapi(app)
