"""From parsed documents to a graph snapshot: merge → extract → resolve → infer."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.pipeline.build import RoleFactSheet, build_snapshot

__all__ = ["RoleFactSheet", "build_snapshot"]


def __getattr__(name: str):
    # Imported on first use: the server imports graph.pipeline.titles, not the whole pipeline (networkx ...).
    if name in __all__:
        from graph.pipeline import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
