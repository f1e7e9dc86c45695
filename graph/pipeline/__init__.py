"""From parsed documents to a graph snapshot: merge → extract → resolve → infer."""

from graph.pipeline.build import build_snapshot

__all__ = ["build_snapshot"]
