"""Response models of the HTTP API.

The query functions already return pydantic models (``graph.queries``); the routers use them as
response models directly. This module adds what only the API needs: the error body and the
``responses`` every route documents.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["ERRORS", "ErrorBody"]


class ErrorBody(BaseModel):
    detail: str = Field(description="What went wrong and what to fix.")
    error: str = Field(description="The error class, e.g. RoleNotFound or InvalidParameter.")
    suggestions: list[str] | None = Field(default=None, description="Close names, for an unknown name.")


ERRORS: dict[int | str, dict] = {
    400: {"model": ErrorBody, "description": "A parameter is out of range or inconsistent."},
    404: {"model": ErrorBody, "description": "A role, skill, KPI or family is unknown; see suggestions."},
}
