"""Load and build time (documents → snapshot) and peak memory, for the seeds and seeds + shared corpus.

Run ``python -m bench.build_bench``. Prints medians of five runs and the peak traced memory of one run;
asserts nothing.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from pathlib import Path

from rich.console import Console
from rich.table import Table

from api.settings import REPO_ROOT
from graph.pipeline import build_snapshot
from loaders import load_paths
from loaders.taxonomy import load_taxonomy

CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "gitlab-job-families"
RUNS = 5


def _measure(paths: list[Path]) -> dict[str, float]:
    taxonomy = load_taxonomy(REPO_ROOT / "seeds" / "taxonomy")
    load_times, build_times = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = load_paths(paths, root=REPO_ROOT.parent)
        loaded = time.perf_counter()
        snapshot = build_snapshot(result, taxonomy)
        load_times.append(loaded - started)
        build_times.append(time.perf_counter() - loaded)
    tracemalloc.start()
    build_snapshot(load_paths(paths, root=REPO_ROOT.parent), taxonomy)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "documents": len(result.documents),
        "roles": len(snapshot.roles),
        "relationships": len(snapshot.relationships),
        "load_ms": statistics.median(load_times) * 1000,
        "build_ms": statistics.median(build_times) * 1000,
        "peak_mib": peak / 2**20,
    }


def main() -> None:
    sets = {"seeds": [REPO_ROOT / "seeds"]}
    if CORPUS.is_dir():
        sets["seeds + corpus"] = [REPO_ROOT / "seeds", CORPUS]
    table = Table(
        "input",
        "documents",
        "roles",
        "relationships",
        "load (median ms)",
        "build (median ms)",
        "peak traced MiB",
        title=f"documents → snapshot, median of {RUNS}",
    )
    for name, paths in sets.items():
        m = _measure(paths)
        table.add_row(
            name,
            str(m["documents"]),
            str(m["roles"]),
            str(m["relationships"]),
            f"{m['load_ms']:.1f}",
            f"{m['build_ms']:.1f}",
            f"{m['peak_mib']:.1f}",
        )
    Console().print(table)


if __name__ == "__main__":
    main()
