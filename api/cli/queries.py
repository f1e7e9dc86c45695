"""Query commands: ``orgkg path``, ``next``, ``gap``, ``shared``, ``similar`` and ``chain``.

Each prints readable text (wrapped whole words at any width), or the query's JSON with ``--json``. A
name read as a near miss is said in a note. An unknown role raises the orgkg error, which ``main()``
prints with its suggestions (as JSON with ``--json``) before exiting with status 1. Heavy imports
(the queries, networkx, rapidfuzz, rich) happen inside the commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli.app import JsonOption, app, console, current_graph

if TYPE_CHECKING:
    from pydantic import BaseModel
    from rich.table import Table

    from graph.queries.models import WeightedItem
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


def _table(title: str, *columns: str) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _ask(query, *args, **kwargs):
    """Run a query on the saved graph, noting the names it corrected."""
    from graph.queries.corrections import with_corrections

    return with_corrections(query, current_graph(), *args, **kwargs)


@app.command()
def path(
    from_role: Role,
    to_role: Role,
    k: Annotated[int, typer.Option("--k", help="How many paths (1-20).")] = 3,
    max_steps: Annotated[int, typer.Option("--max-steps", help="Longest path in moves (1-20).")] = 8,
    promotions_only: Annotated[bool, typer.Option("--promotions-only", help="Follow promotions only.")] = False,
    json: JsonOption = False,
) -> None:
    """Career paths from one role to another, with what to gain."""
    from api.cli.show import line, print_corrections, print_path
    from graph.queries import career_paths

    result = _ask(career_paths, from_role, to_role, k=k, max_steps=max_steps, promotions_only=promotions_only)
    if json:
        return _emit_json(result)
    print_corrections(result.corrections)
    for number, found in enumerate(result.paths, start=1):
        print_path(f"Path {number}", found)
    if not result.paths:
        line(result.message or "")
        if result.closest:
            print_path(f"Path to {result.closest.role.title}", result.closest.path)


@app.command("next")
def next_moves(role: Role, json: JsonOption = False) -> None:
    """Promotions and moves open from a role."""
    from api.cli.show import line, print_corrections, print_step
    from graph.queries import next_roles

    result = _ask(next_roles, role)
    if json:
        return _emit_json(result)
    print_corrections(result.corrections)
    if not result.moves:
        line(f"{result.role.title} has no recorded promotions or moves.")
        return
    line(f"Next roles from {result.role.title}", style="bold")
    for number, move in enumerate(result.moves, start=1):
        print_step(number, move, full=False)


def _competency_table(title: str, items: list[SharedCompetency], role_ids: list[str], titles: list[str]) -> Table:
    table = _table(title, "Name", "Held by")
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
    """Skills and KPIs roles share, and what each holds alone."""
    from api.cli.show import print_corrections
    from graph.queries import shared_competencies

    result = _ask(shared_competencies, roles, min_roles=min_roles)
    if json:
        return _emit_json(result)
    print_corrections(result.corrections)
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
    table = _table("Only this role", "Role", "Skills", "KPIs")
    for unique in result.unique:
        table.add_row(unique.role.title, _gains(unique.skills, 8), _gains(unique.kpis, 5))
    console.print(table)


@app.command()
def similar(
    role: Role,
    limit: Annotated[int, typer.Option("--limit", help="How many roles (1-100).")] = 10,
    json: JsonOption = False,
) -> None:
    """Roles with the most similar skills.

    Skills almost every role holds count less.
    """
    from api.cli.show import print_corrections
    from graph.queries import similar_roles

    result = _ask(similar_roles, role, limit=limit)
    if json:
        return _emit_json(result)
    print_corrections(result.corrections)
    table = _table(f"Roles similar to {result.role.title}", "#", "Role", "Score", "Shared", "Top shared skills")
    for rank, found in enumerate(result.results, start=1):
        top = ", ".join(c.name for c in found.top_shared)
        table.add_row(str(rank), found.role.title, f"{found.score:.2f}", str(found.shared_count), top)
    console.print(table)


@app.command()
def gap(from_role: Role, to_role: Role, json: JsonOption = False) -> None:
    """What one role asks that another lacks: missing, had, surplus."""
    from api.cli.show import print_gap
    from graph.queries import skill_gap

    result = _ask(skill_gap, from_role, to_role)
    if json:
        return _emit_json(result)
    print_gap(result)


@app.command()
def chain(role: Role, json: JsonOption = False) -> None:
    """Who a role reports to, and who reports to it."""
    from pydantic import BaseModel

    from api.cli.show import print_corrections
    from graph.queries import reporting_chain, reports
    from graph.queries.reporting import ReportingChain, Reports

    class ChainAndReports(BaseModel):
        chain: ReportingChain
        reports: Reports

    up = _ask(reporting_chain, role)
    down = reports(current_graph(), up.role.id)
    if json:
        return _emit_json(ChainAndReports(chain=up, reports=down))
    print_corrections(up.corrections)
    table = _table(f"Reporting lines of {up.role.title}", "Direction", "Depth", "Role", "Via")
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
