"""Sync throughput on the embedded FalkorDB: the batched writer vs a naive one-statement-per-element writer.

Run ``python -m bench.sync_throughput`` (``--roles``, ``--runs``, ``--naive-sample``, ``--snapshot``). Two
sizes: the seed graph (built from seeds/ by the pipeline; a small synthetic graph if the pipeline is
missing) and a deterministic synthetic organisation of 10,000 roles (or a saved snapshot, e.g. a loaded
``bench.synthetic`` library). Every run writes into an empty graph; the median of the runs is reported,
plus the batched writer's re-sync of an unchanged snapshot. At the large size the naive writer is timed
on a sample and extrapolated (the output says so). On a shared machine wall time says little, so each
row also shows the CPU seconds of this process (planning, hashing, encoding) and of the
engine's server process, and the load average. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graph.model import (
    KPI,
    JobFamily,
    NodeLabel,
    Relationship,
    RelType,
    Role,
    Skill,
    SkillCategory,
    Snapshot,
    Source,
)
from graph.stores.falkordb_store import FalkorDBStore
from graph.stores.writer import node_properties, plan_sync, relationship_properties, sync_snapshot

__all__ = ["main", "naive_sync", "synthetic_snapshot"]

REPO_ROOT = Path(__file__).resolve().parents[1]

# The naive writer's statements, one element per round-trip (labels and types still from the enums).
_NAIVE_NODE = {label: f"MERGE (n:{label.value} {{id: $id}}) SET n += $props" for label in NodeLabel}
_NAIVE_REL = {
    (rel_type, start, end): f"MATCH (a:{start.value} {{id: $start}}) MATCH (b:{end.value} {{id: $end}}) "
    f"MERGE (a)-[r:{rel_type.value}]->(b) SET r += $props"
    for rel_type in RelType
    for start in NodeLabel
    for end in NodeLabel
}


def naive_sync(store: FalkorDBStore, snapshot: Snapshot, limit: int | None = None) -> int:
    """Write ``snapshot`` one statement per node and per relationship (for comparison only).

    With ``limit``, stop after that many elements, taking nodes and relationships in proportion.
    Returns the number of elements written.
    """
    store.ensure_schema(list(NodeLabel))
    nodes = snapshot.nodes()
    labels = {node.id: label for label, node in nodes}
    rels = [rel for rel in snapshot.relationships if rel.start in labels and rel.end in labels]
    total = len(nodes) + len(rels)
    share = 1.0 if limit is None or limit >= total else limit / total
    node_count = round(len(nodes) * share)
    rel_count = round(len(rels) * share)
    for label, node in nodes[:node_count]:
        props = {k: v for k, v in node_properties(node).items() if v is not None}
        store.execute_write(_NAIVE_NODE[label], {"id": node.id, "props": props})
    for rel in rels[:rel_count]:
        props = {k: v for k, v in relationship_properties(rel).items() if v is not None}
        statement = _NAIVE_REL[(rel.type, labels[rel.start], labels[rel.end])]
        store.execute_write(statement, {"start": rel.start, "end": rel.end, "props": props})
    return node_count + rel_count


def synthetic_snapshot(
    roles: int = 10_000, skills: int = 500, skills_per_role: int = 15, kpis: int = 60, families: int = 40, seed: int = 7
) -> Snapshot:
    """A deterministic organisation: families of five-rung ladders, skills and KPIs drawn per role."""
    rng = random.Random(seed)
    categories = [SkillCategory(id=f"category:c{i}", name=f"Category {i}") for i in range(12)]
    skill_nodes = [
        Skill(id=f"skill:s{i}", name=f"Skill {i}", category=categories[i % 12].name, aliases=[f"S{i}"])
        for i in range(skills)
    ]
    kpi_nodes = [KPI(id=f"kpi:k{i}", name=f"KPI {i}", description="synthetic") for i in range(kpis)]
    family_nodes = [JobFamily(id=f"family:f{i}", name=f"Family {i}") for i in range(families)]
    sources = [Source(id=f"source:d{i}", path=f"docs/d{i}.md", format="markdown", sha256="0" * 64) for i in range(20)]
    role_nodes: list[Role] = []
    rels: list[Relationship] = []
    for i in range(roles):
        family = family_nodes[i % families]
        rung = (i // families) % 5
        role = Role(
            id=f"role:r{i}",
            title=f"Role {i}",
            family=family.name,
            level=f"L{rung}",
            level_rank=rung,
            grade=6 + rung,
            function=f"Function {i % 17}",
            sources=[sources[i % 20].path],
            summary=f"Synthetic role {i}.",
            track="management" if rung else "ic",
        )
        role_nodes.append(role)
        rels.append(Relationship(type=RelType.IN_FAMILY, start=role.id, end=family.id))
        rels.append(Relationship(type=RelType.DEFINED_IN, start=role.id, end=sources[i % 20].id, source="x", line=1))
        for skill in rng.sample(skill_nodes, skills_per_role):
            rels.append(
                Relationship(
                    type=RelType.REQUIRES_SKILL,
                    start=role.id,
                    end=skill.id,
                    source=sources[i % 20].path,
                    line=rng.randint(1, 400),
                    evidence=f"Role {i} needs {skill.name}.",
                    weight=round(rng.random(), 2),
                    mentions=rng.randint(1, 4),
                    method=rng.choice(["stated", "extracted", "inferred"]),
                )
            )
        for kpi in rng.sample(kpi_nodes, 3):
            rels.append(Relationship(type=RelType.MEASURED_BY, start=role.id, end=kpi.id))
        if rung:
            below = f"role:r{i - families}"
            rels.append(Relationship(type=RelType.PROMOTES_TO, start=below, end=role.id))
            rels.append(Relationship(type=RelType.REPORTS_TO, start=below, end=role.id))
    for skill in skill_nodes:
        category = next(c for c in categories if c.name == skill.category)
        rels.append(Relationship(type=RelType.IN_CATEGORY, start=skill.id, end=category.id))
    return Snapshot(
        built_at=datetime(2025, 1, 1, tzinfo=UTC),
        roles=role_nodes,
        families=family_nodes,
        skills=skill_nodes,
        categories=categories,
        kpis=kpi_nodes,
        sources=sources,
        relationships=rels,
    )


def seed_snapshot() -> tuple[Snapshot, str]:
    try:
        from api.build import build_from_documents
        from api.settings import Settings
    except ImportError:
        return synthetic_snapshot(roles=40, skills=140, skills_per_role=11, kpis=28, families=5), "synthetic (40 roles)"
    with tempfile.TemporaryDirectory(prefix="orgkg-bench-") as data_dir:
        return build_from_documents([REPO_ROOT / "seeds"], Settings(data_dir=Path(data_dir)), save=False), "seeds/"


def _engine_cpu(store: FalkorDBStore) -> float:
    """CPU seconds the embedded server has used so far (user + system, from /proc); 0 where unknown."""
    try:
        assert store.server is not None
        pid = int(store.server.pid_path.read_text())  # the server's own pid (the launcher's differs)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (AssertionError, OSError, ValueError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _median_seconds(
    store: FalkorDBStore, runs: int, prepare: Callable[[], None], action: Callable[[], object]
) -> tuple[float, float, float]:
    """Median (wall s, CPU s of this process, CPU s of the engine) of ``action`` over ``runs`` runs.

    Each run comes after ``prepare``; one untimed warm-up first.
    """
    prepare()
    action()
    walls, cpus, engines = [], [], []
    for _ in range(runs):
        prepare()
        engine, cpu, started = _engine_cpu(store), time.process_time(), time.perf_counter()
        action()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        engines.append(_engine_cpu(store) - engine)
    return statistics.median(walls), statistics.median(cpus), statistics.median(engines)


def measure(store: FalkorDBStore, snapshot: Snapshot, runs: int, naive_sample: int | None) -> list[tuple]:
    """Rows: (writer, elements timed, (median wall s, Python CPU s, engine CPU s), elements/s, note)."""
    size = plan_sync(snapshot).size
    fresh = store.delete_graph
    batched = _median_seconds(store, runs, fresh, lambda: sync_snapshot(store, snapshot))
    resync = _median_seconds(store, runs, lambda: None, lambda: sync_snapshot(store, snapshot))
    timed = min(size, naive_sample) if naive_sample else size
    naive = _median_seconds(store, runs, fresh, lambda: naive_sync(store, snapshot, limit=timed))
    note = f"timed on {timed:,} of {size:,} elements, rate extrapolated" if timed < size else ""
    return [
        ("batched (UNWIND, 5000/batch)", size, batched, size / batched[0], ""),
        ("batched re-sync, unchanged", size, resync, size / resync[0], "ids + hashes stamped, no properties"),
        ("naive (1 statement/element)", timed, naive, timed / naive[0], note),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=10_000, help="Roles of the synthetic organisation.")
    parser.add_argument("--runs", type=int, default=3, help="Runs per measurement (the median is shown).")
    parser.add_argument("--naive-sample", type=int, default=5_000, help="Elements the naive writer writes at scale.")
    parser.add_argument("--snapshot", type=Path, help="A saved snapshot to use instead of the synthetic one.")
    args = parser.parse_args(argv)

    seed, origin = seed_snapshot()
    if args.snapshot is not None:
        from graph.snapshot import read_snapshot

        large, large_name = read_snapshot(args.snapshot), f"snapshot {args.snapshot.name}"
    else:
        large, large_name = synthetic_snapshot(roles=args.roles), f"synthetic {args.roles:,} roles"
    table = Table(title="orgkg sync throughput, embedded FalkorDB (median of runs)", title_justify="left")
    columns = ("graph", "writer", "elements", "median s", "CPU s", "engine CPU s", "elements/s", "vs naive", "note")
    for column in columns:
        table.add_column(column, justify="left" if column in ("graph", "writer", "note") else "right")
    with (
        tempfile.TemporaryDirectory(prefix="orgkg-bench-") as data_dir,
        FalkorDBStore(data_dir=Path(data_dir) / "falkordb", graph_name="bench") as store,
    ):
        sizes = ((f"seed ({origin})", seed, None), (large_name, large, args.naive_sample))
        for name, snapshot, sample in sizes:
            rows = measure(store, snapshot, args.runs, sample)
            naive_rate = rows[-1][3]
            for i, (writer, elements, (seconds, cpu, engine), rate, note) in enumerate(rows):
                table.add_row(
                    name if i == 0 else "",
                    writer,
                    f"{elements:,}",
                    f"{seconds:.3f}",
                    f"{cpu:.2f}",
                    f"{engine:.2f}",
                    f"{rate:,.0f}",
                    f"{rate / naive_rate:.1f}x",
                    note,
                )
        store.delete_graph()
    console = Console(width=180)
    console.print(table)
    console.print("load average (1, 5, 15 min) after the runs: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
