"""From parsed documents to a graph snapshot: merge → extract → resolve → infer."""
