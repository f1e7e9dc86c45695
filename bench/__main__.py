"""Run every benchmark module of this package (``python -m bench`` / ``make bench``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import bench


def main() -> None:
    names = sorted(info.name for info in pkgutil.iter_modules(bench.__path__) if not info.name.startswith("_"))
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        if callable(getattr(module, "main", None)):
            print(f"\n=== bench.{name}", flush=True)
            sys.argv = [f"bench.{name}"]
            module.main()


if __name__ == "__main__":
    main()
