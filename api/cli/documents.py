"""Commands over documents and the snapshot: load, stats, roles, role, export, validate."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli.app import JsonOption, app, console, current_graph, current_snapshot, err_console, settings

if TYPE_CHECKING:
    from graph.model import Snapshot


class ExportFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    csv = "csv"


@app.command()
def load(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files and folders of role documents.")] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=(
                "Force a reader or layout instead of detecting it per file: a layout (single-role, multi-role,"
                " ladder, matrix, framework, job-catalog: each file keeps the reader of its format, its outline is"
                " read with that layout), a Markdown loader (blueprint, job-family, catalog, yaml), or a format"
                " (html, mhtml, docx, odt, pptx, pdf, rst, asciidoc, latex, rtf, org, mediawiki, textile, csv, xlsx,"
                " json, yaml-data, toml, js-data, xml, text)."
                " A sidecar <file>.orgkg.yaml ('layout: job-catalog') hints one file's layout."
            ),
        ),
    ] = None,
) -> None:
    """Parse role documents into the snapshot the other commands read."""
    from api.build import build_from_documents

    current = settings()
    inputs = paths or current.seeds
    started = time.perf_counter()
    with load_progress() as progress:
        snapshot = build_from_documents(inputs, current, format=format, progress=progress)
    _print_counts(snapshot)
    for problem in snapshot.problems:
        err_console.print(str(problem), style="red" if problem.severity == "error" else "yellow", highlight=False)
    console.print(
        f"loaded {len(snapshot.sources)} documents in {time.perf_counter() - started:.2f} s → {current.snapshot_path}"
    )


@contextmanager
def load_progress(every_s: float = 0.1) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr, and the ``(done, total)`` callback that moves it.

    The bar is redrawn by the callback (at most every ``every_s``), not by rich's refresh thread: a
    process with a second thread cannot fork its parse pool (``loaders.load``), and would start a fork
    server instead (~1 s more for a load of a thousand files).
    """
    from rich.progress import Progress

    with Progress(console=err_console.rich, transient=True, auto_refresh=False) as bar:
        task = bar.add_task("loading", total=None)
        drawn = time.monotonic()

        def progress(done: int, total: int) -> None:
            nonlocal drawn
            bar.update(task, completed=done, total=total)
            if done == total or time.monotonic() - drawn >= every_s:
                bar.refresh()
                drawn = time.monotonic()

        yield progress


def _print_counts(snapshot: Snapshot) -> None:
    from rich.table import Table

    table = Table("node label / relationship type", "count", title="snapshot")
    for name, count in snapshot.counts().items():
        table.add_row(name, str(count))
    console.print(table)


@app.command()
def stats(as_json: JsonOption = False) -> None:
    """Counts per node label and relationship type."""
    snapshot = current_snapshot()
    if as_json:
        print(json.dumps({"built_at": snapshot.built_at.isoformat(), "counts": snapshot.counts()}, indent=2))
        return
    _print_counts(snapshot)
    console.print(f"built {snapshot.built_at:%Y-%m-%d %H:%M:%S} UTC from {', '.join(snapshot.inputs)}")


@app.command()
def roles(as_json: JsonOption = False) -> None:
    """Every role with its level, grade and family."""
    from rich.table import Table

    snapshot = current_snapshot()
    if as_json:
        print(json.dumps([r.model_dump(mode="json", exclude={"sections"}) for r in snapshot.roles], indent=2))
        return
    table = Table("title", "level", "grade", "family", "function", title=f"{len(snapshot.roles)} roles")
    for role in sorted(snapshot.roles, key=lambda r: (r.function or "", -(r.level_rank or 0), r.title)):
        table.add_row(role.title, role.level or "", str(role.grade or ""), role.family or "", role.function or "")
    console.print(table)


@app.command()
def role(
    title: Annotated[str, typer.Argument(help="Title, alias or id of the role (typos are forgiven).")],
    full: Annotated[
        bool, typer.Option("--full", help="Every skill and KPI with its evidence (file:line and sentence).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """A role card: level, top skills and KPIs, lines and next roles."""
    from api.cli.show import print_card
    from graph.queries import role_card
    from graph.queries.corrections import with_corrections

    card = with_corrections(role_card, current_graph(), title)
    if as_json:
        print(card.model_dump_json(indent=2))
        return
    print_card(card, full=full)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="json, graphml or csv.")] = ExportFormat.json,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File (json, graphml) or folder (csv).")] = None,
) -> None:
    """Export the graph: JSON, GraphML or neo4j-admin CSV."""
    from graph.export import to_json, write_csv, write_graphml

    snapshot = current_snapshot()
    if format == ExportFormat.json:
        text = json.dumps(to_json(snapshot), indent=2)
        if out:
            out.write_text(text, encoding="utf-8")
        else:
            print(text)
    elif format == ExportFormat.graphml:
        target = out or Path("orgkg.graphml")
        write_graphml(snapshot, target)
        console.print(f"wrote {target}")
    else:
        files = write_csv(snapshot, out or Path("orgkg-csv"))
        console.print(f"wrote {len(files)} files to {files[0].parent if files else out}")


@app.command()
def validate(as_json: JsonOption = False) -> None:
    """Check references, cycles, duplicates; errors exit 1.

    Dangling references, reporting cycles, duplicate ids, roles without skills and merge candidates.
    """
    from graph.validate import CAUSES, group_by_cause, validate_snapshot

    findings = validate_snapshot(current_snapshot())
    errors = [f for f in findings if f.severity == "error"]
    if as_json:
        print(json.dumps([f.model_dump() for f in findings], indent=2))
    else:
        for cause, group in group_by_cause(findings).items():
            console.print(f"{CAUSES.get(cause, cause)} ({len(group)})", style="bold", highlight=False, markup=False)
            for finding in group:
                style = "red" if finding.severity == "error" else "yellow"
                console.print(f"  {finding}", style=style, highlight=False, markup=False)
        console.print(f"{len(errors)} errors, {len(findings) - len(errors)} warnings")
    if errors:
        sys.exit(1)
