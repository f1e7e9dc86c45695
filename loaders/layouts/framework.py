"""Structured frameworks: levels and criteria found by shape in data or front matter."""

from __future__ import annotations

from graph.model import ParsedRole
from loaders.document import DocumentOutline

__all__ = ["find_framework", "framework_roles"]


def find_framework(outline: DocumentOutline):
    return None


def framework_roles(outline: DocumentOutline, family: str | None) -> list[ParsedRole]:
    return []
