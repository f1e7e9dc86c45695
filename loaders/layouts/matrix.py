"""Competency matrices: tables with levels on one axis and competencies on the other."""

from __future__ import annotations

from graph.model import ParsedRole
from loaders.document import DocumentOutline

__all__ = ["find_matrices", "matrix_roles"]


def find_matrices(outline: DocumentOutline) -> list[int]:
    return []


def matrix_roles(outline: DocumentOutline, family: str | None) -> list[ParsedRole]:
    return []
