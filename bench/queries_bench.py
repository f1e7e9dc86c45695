"""Median latency of each query function and each API route on the seed graph.

Run ``python -m bench.queries_bench`` (builds the seed graph with the pipeline) or pass
``--snapshot PATH`` to time a saved snapshot; ``--sample`` times the small sample organisation.
Prints one table; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import anyio
import httpx
import networkx as nx
from rich.console import Console
from rich.table import Table

from api.app import create_app
from api.settings import REPO_ROOT, Settings
from graph import queries as q
from graph.errors import OrgKGError
from graph.model import Snapshot
from graph.orggraph import OrgGraph
from graph.snapshot import read_snapshot, save_snapshot

__all__ = ["main"]


def load_snapshot(args: argparse.Namespace) -> tuple[Snapshot, str]:
    if args.snapshot:
        return read_snapshot(Path(args.snapshot)), str(args.snapshot)
    if not args.sample:
        try:
            from api.build import build_from_documents
        except ImportError:
            pass
        else:
            settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="orgkg-bench-")))
            return build_from_documents([REPO_ROOT / "seeds"], settings, save=False), "seeds/"
    from graph.queries.sample import sample_snapshot

    return sample_snapshot(), "the sample organisation (no seed build available)"


def farthest_pair(og: OrgGraph) -> tuple[str, str]:
    """The two roles furthest apart by career moves: the hardest path query the graph offers."""
    best = (0, "", "")
    for start in sorted(og.roles_by_id):
        for end, steps in nx.single_source_shortest_path_length(og.career_moves, start).items():
            best = max(best, (steps, start, end), key=lambda t: (t[0], -ord(t[1][-1]) if t[1] else 0))
    if best[0] == 0:
        ids = sorted(og.roles_by_id)
        return ids[0], ids[-1]
    return best[1], best[2]


def median_ms(call: Callable[[], object], repeat: int) -> float:
    call()  # warm the caches the first call builds
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def attempt(query: Callable[..., object], *args: object) -> object:
    """Run a query whose answer may be an orgkg error (a typo that stays ambiguous): both are timed."""
    try:
        return query(*args)
    except OrgKGError as err:
        return err


def query_calls(og: OrgGraph, a: str, b: str, trio: list[str]) -> dict[str, Callable[[], object]]:
    title_a = og.roles_by_id[a].title
    return {
        "resolve_role (exact title)": lambda: q.resolve_role(og, title_a),
        "resolve_role (typo)": lambda: attempt(q.resolve_role, og, title_a[:-2] + title_a[-1:]),
        "search_roles": lambda: q.search_roles(og, title_a[:4]),
        "list_roles": lambda: q.list_roles(og),
        "career_paths k=3": lambda: q.career_paths(og, a, b, k=3),
        "next_roles": lambda: q.next_roles(og, a),
        "shared_competencies (3)": lambda: q.shared_competencies(og, trio),
        "overlap_matrix (all)": lambda: q.overlap_matrix(og),
        "similar_roles": lambda: q.similar_roles(og, a),
        "skill_gap": lambda: q.skill_gap(og, a, b),
        "reporting_chain": lambda: q.reporting_chain(og, a),
        "org_tree": lambda: q.org_tree(og),
        "role_card": lambda: q.role_card(og, a),
    }


def api_urls(a: str, b: str, trio: list[str]) -> list[str]:
    return [
        "/roles?limit=50",
        "/roles?format=csv",
        f"/roles/{a}",
        f"/roles/{a}/similar",
        f"/roles/{a}/neighbourhood?depth=2",
        "/search?q=eng",
        "/paths?" + urlencode({"from": a, "to": b}),
        "/shared?" + urlencode([("roles", r) for r in trio]),
        "/overlap",
        "/overlap?format=csv",
        "/gap?" + urlencode({"from": a, "to": b}),
        "/org-tree",
    ]


async def time_routes(app, urls: list[str], repeat: int) -> dict[str, tuple[float, int]]:
    transport = httpx.ASGITransport(app=app)
    results = {}
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for url in urls:
            status = (await client.get(url)).status_code
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                await client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            results[url] = (statistics.median(times), status)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", help="A saved snapshot to time instead of building the seeds.")
    parser.add_argument("--sample", action="store_true", help="Time the small sample organisation.")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)

    snapshot, origin = load_snapshot(args)
    started = time.perf_counter()
    og = OrgGraph.from_snapshot(snapshot)
    build_ms = (time.perf_counter() - started) * 1000
    a, b = farthest_pair(og)
    trio = sorted(og.roles_by_id, key=lambda r: -len(og.role_skills[r]))[:3]

    table = Table(title=f"orgkg query latency: {len(og.roles_by_id)} roles from {origin}", title_justify="left")
    for column in ("What", "Median ms", "Status"):
        table.add_column(column, justify="right" if column != "What" else "left")
    table.add_row("OrgGraph.from_snapshot", f"{build_ms:.2f}", "")
    for name, call in query_calls(og, a, b, trio).items():
        table.add_row(name, f"{median_ms(call, args.repeat):.2f}", "")

    with tempfile.TemporaryDirectory(prefix="orgkg-bench-") as data_dir:
        settings = Settings(data_dir=Path(data_dir))
        save_snapshot(snapshot, settings.snapshot_path)
        timings = anyio.run(time_routes, create_app(settings), api_urls(a, b, trio), args.repeat)
    for url, (ms, status) in timings.items():
        table.add_row(f"GET {url}", f"{ms:.2f}", str(status))
    Console(width=140).print(table)
    print(f"path pair: {og.roles_by_id[a].title} -> {og.roles_by_id[b].title}")


if __name__ == "__main__":
    main()
