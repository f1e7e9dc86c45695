"""Run every benchmark module of this package (``python -m bench`` / ``make bench``).

``bench.scale`` (the issue-11 table at 1k and 10k roles, also written to ``bench/results/latest.md``)
runs last, so its table ends the output. ``BENCH_ONLY=scale,cli_startup`` runs only those modules.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import bench

LAST = "scale"


def main() -> None:
    names = sorted(info.name for info in pkgutil.iter_modules(bench.__path__) if not info.name.startswith("_"))
    only = {name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()}
    if only:
        names = [name for name in names if name in only]
    names.sort(key=lambda name: name == LAST)
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        if callable(getattr(module, "main", None)):
            print(f"\n=== bench.{name}", flush=True)
            sys.argv = [f"bench.{name}"]
            module.main()


if __name__ == "__main__":
    main()
