"""Query commands: ``orgkg path``, ``next``, ``shared``, ``similar``, ``gap`` and ``chain``.

Each prints a readable table, or the query's JSON with ``--json``. An unknown role raises the orgkg
error, which ``main()`` prints with its suggestions before exiting with status 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Annotated

import typer
from pydantic import BaseModel
from rich.table import Table

from api.cli.app import JsonOption, app, console, current_graph
from graph.queries import (
    career_paths,
    next_roles,
    reporting_chain,
    reports,
    shared_competencies,
    similar_roles,
    skill_gap,
)
from graph.queries.models import EvidenceRef, WeightedItem
from graph.queries.paths import CareerPath, CareerStep
from graph.queries.reporting import ReportingChain, Reports
from graph.queries.shared import SharedCompetency

__all__ = ["chain", "gap", "next_moves", "path", "shared", "similar"]

Role = Annotated[str, typer.Argument(help="A role id, slug, title or alias (typos are forgiven).")]
GAINS_SHOWN = 4


def _emit_json(result: BaseModel) -> None:
    typer.echo(result.model_dump_json(indent=2))


def _gains(items: Iterable[WeightedItem], limit: int = GAINS_SHOWN) -> str:
    items = list(items)
    shown = ", ".join(f"{i.name} ({i.weight:g})" for i in items[:limit])
    return shown + (f" +{len(items) - limit} more" if len(items) > limit else "")


def _where(evidence: EvidenceRef | None) -> str:
    if evidence is None or not evidence.source:
        return ""
    name = PurePosixPath(evidence.source).name
    return f"{name}:{evidence.line}" if evidence.line else name


def _steps_table(title: str, steps: list[CareerStep]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("#", "Move to", "Kind", "Cost", "Skills to gain", "KPIs to gain", "Evidence"):
        table.add_column(column, overflow="fold")
    for number, step in enumerate(steps, start=1):
        table.add_row(
            str(number),
            step.end.title,
            step.kind,
            f"{step.cost:g}",
            _gains(step.skills_to_gain),
            _gains(step.kpis_to_gain, 3),
            _where(step.evidence),
        )
    return table


def _print_path(heading: str, path: CareerPath) -> None:
    start = path.steps[0].start.title
    console.print(_steps_table(f"{heading}: from {start}, {len(path.steps)} moves, cost {path.cost:g}", path.steps))


@app.command()
def path(
    from_role: Role,
    to_role: Role,
    k: Annotated[int, typer.Option("--k", help="How many paths (1-20).")] = 3,
    max_steps: Annotated[int, typer.Option("--max-steps", help="Longest path in moves (1-20).")] = 8,
    promotions_only: Annotated[bool, typer.Option("--promotions-only", help="Follow promotions only.")] = False,
    json: JsonOption = False,
) -> None:
    """The cheapest career paths from one role to another, with the skills each move asks for."""
    result = career_paths(
        current_graph(), from_role, to_role, k=k, max_steps=max_steps, promotions_only=promotions_only
    )
    if json:
        return _emit_json(result)
    for number, found in enumerate(result.paths, start=1):
        _print_path(f"Path {number}", found)
    if not result.paths:
        console.print(result.message, highlight=False)
        if result.closest:
            _print_path(f"Path to {result.closest.role.title}", result.closest.path)


@app.command("next")
def next_moves(role: Role, json: JsonOption = False) -> None:
    """Promotions and moves open from a role, promotions first, then by skill overlap."""
    result = next_roles(current_graph(), role)
    if json:
        return _emit_json(result)
    table = Table(title=f"Next roles from {result.role.title}", title_justify="left")
    for column in ("Role", "Kind", "Overlap", "Cost", "Skills to gain"):
        table.add_column(column, overflow="fold")
    for move in result.moves:
        table.add_row(
            move.end.title, move.kind, f"{move.skill_overlap:.0%}", f"{move.cost:g}", _gains(move.skills_to_gain)
        )
    console.print(table if result.moves else f"{result.role.title} has no recorded promotions or moves.")


def _competency_table(title: str, items: list[SharedCompetency], role_ids: list[str], titles: list[str]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Name", overflow="fold")
    table.add_column("Held by")
    for role_title in titles:
        table.add_column(role_title, justify="right", overflow="fold")
    for entry in items:
        weights = {h.role_id: h.weight for h in entry.holders}
        table.add_row(entry.name, str(entry.held_by), *[f"{weights[r]:g}" if r in weights else "" for r in role_ids])
    return table


@app.command()
def shared(
    roles: Annotated[list[str], typer.Argument(help="Two or more roles.")],
    min_roles: Annotated[int | None, typer.Option("--min-roles", help="Also list what at least m roles hold.")] = None,
    json: JsonOption = False,
) -> None:
    """Skills and KPIs the roles share (by all, by at least m), and what each holds alone."""
    result = shared_competencies(current_graph(), roles, min_roles=min_roles)
    if json:
        return _emit_json(result)
    ids, titles = [r.id for r in result.roles], [r.title for r in result.roles]
    n = len(ids)
    for label, items in [
        (f"Skills all {n} hold", result.skills_all),
        (f"Skills at least {result.min_roles} of {n} hold", result.skills_some),
        (f"KPIs all {n} share", result.kpis_all),
        (f"KPIs at least {result.min_roles} of {n} share", result.kpis_some),
    ]:
        if items:
            console.print(_competency_table(label, items, ids, titles))
    table = Table(title="Only this role", title_justify="left")
    table.add_column("Role")
    table.add_column("Skills", overflow="fold")
    table.add_column("KPIs", overflow="fold")
    for unique in result.unique:
        table.add_row(unique.role.title, _gains(unique.skills, 8), _gains(unique.kpis, 5))
    console.print(table)


@app.command()
def similar(
    role: Role,
    limit: Annotated[int, typer.Option("--limit", help="How many roles (1-100).")] = 10,
    json: JsonOption = False,
) -> None:
    """Roles with the most similar skills (skills almost every role holds count less)."""
    result = similar_roles(current_graph(), role, limit=limit)
    if json:
        return _emit_json(result)
    table = Table(title=f"Roles similar to {result.role.title}", title_justify="left")
    for column in ("#", "Role", "Score", "Shared", "Top shared skills"):
        table.add_column(column, overflow="fold")
    for rank, found in enumerate(result.results, start=1):
        top = ", ".join(c.name for c in found.top_shared)
        table.add_row(str(rank), found.role.title, f"{found.score:.2f}", str(found.shared_count), top)
    console.print(table)


@app.command()
def gap(from_role: Role, to_role: Role, json: JsonOption = False) -> None:
    """What moving from one role to another asks for: missing, shared and surplus skills and KPIs."""
    result = skill_gap(current_graph(), from_role, to_role)
    if json:
        return _emit_json(result)
    table = Table(
        title=f"{result.from_role.title} → {result.to_role.title} (skill overlap {result.skill_overlap:.0%})",
        title_justify="left",
    )
    for column in ("Status", "Kind", "Name", result.from_role.title, result.to_role.title):
        table.add_column(column, overflow="fold")
    for kind in ("skill", "kpi"):
        for entry in getattr(result, f"missing_{kind}s"):
            table.add_row("missing", kind, entry.name, "", f"{entry.weight:g}")
        for entry in getattr(result, f"shared_{kind}s"):
            table.add_row("shared", kind, entry.name, f"{entry.from_weight:g}", f"{entry.to_weight:g}")
        for entry in getattr(result, f"surplus_{kind}s"):
            table.add_row("surplus", kind, entry.name, f"{entry.weight:g}", "")
    console.print(table)


class _ChainAndReports(BaseModel):
    chain: ReportingChain
    reports: Reports


@app.command()
def chain(role: Role, json: JsonOption = False) -> None:
    """Who a role reports to, up to the top, and everyone who reports to it."""
    og = current_graph()
    up, down = reporting_chain(og, role), reports(og, role)
    if json:
        return _emit_json(_ChainAndReports(chain=up, reports=down))
    table = Table(title=f"Reporting lines of {up.role.title}", title_justify="left")
    for column in ("Direction", "Depth", "Role", "Via"):
        table.add_column(column, overflow="fold")
    for depth, manager in enumerate(up.chain, start=1):
        table.add_row("reports to", str(depth), manager.title, "")
    titles = {r.role.id: r.role.title for r in down.all} | {up.role.id: up.role.title}
    for report in down.all:
        table.add_row("report", str(report.depth), report.role.title, titles.get(report.manager_id, ""))
    console.print(table)
    if up.cycle:
        console.print("[yellow]The reporting chain loops; it stops where it would repeat a role.[/yellow]")
    if up.other_managers:
        console.print("Also reports to: " + ", ".join(m.title for m in up.other_managers), highlight=False)
