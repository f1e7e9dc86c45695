"""Liveness and readiness."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from graph.errors import SnapshotError

router = APIRouter(tags=["health"])


class Readiness(BaseModel):
    ready: bool
    built_at: datetime | None = None
    inputs: list[str] = []
    counts: dict[str, int] = {}
    problems: int = 0
    detail: str | None = None


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "Not ready: no graph snapshot yet, or it is unreadable."}},
)
def readyz(request: Request):
    try:
        graph = request.app.state.graphs.current()
    except SnapshotError as err:
        return JSONResponse(Readiness(ready=False, detail=str(err)).model_dump(mode="json"), status_code=503)
    head = graph.head
    return Readiness(
        ready=True, built_at=head.built_at, inputs=head.inputs, counts=graph.counts(), problems=len(head.problems)
    )
