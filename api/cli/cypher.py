"""``orgkg sync``, ``orgkg cypher``, ``orgkg query`` and ``orgkg queries``: the Cypher stores from the shell.

The embedded FalkorDB is started for the command and stopped when it ends; it is brought up to date
with the saved snapshot first (skipped when it already holds it). Neo4j (``--neo4j``) is written only
by ``orgkg sync --neo4j`` and read as it is.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.cli.app import JsonOption, app, console, current_snapshot, err_console, settings

if TYPE_CHECKING:
    from api.settings import Settings
    from graph.stores import Store, SyncResult
    from graph.stores.base import CypherResult

__all__ = ["parse_param"]

ParamOption = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="A parameter as name=value (JSON when it parses, else text). Repeatable."),
]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV (header row first).")]
Neo4jOption = Annotated[bool, typer.Option("--neo4j", help="Use Neo4j (ORGKG_NEO4J_URI ...) instead of FalkorDB.")]
Neo4jUri = Annotated[str | None, typer.Option("--neo4j-uri", help="neo4j:// or bolt:// URI (ORGKG_NEO4J_URI).")]
Neo4jUser = Annotated[str | None, typer.Option("--neo4j-user", help="User (ORGKG_NEO4J_USER).")]
Neo4jPassword = Annotated[
    str | None, typer.Option("--neo4j-password", help="Password (ORGKG_NEO4J_PASSWORD).", envvar="ORGKG_NEO4J_PASSWORD")
]
Neo4jDatabase = Annotated[str | None, typer.Option("--neo4j-database", help="Database (ORGKG_NEO4J_DATABASE).")]
TimeLimit = Annotated[int | None, typer.Option("--time-limit-ms", min=1, help="Lower the query time limit.")]
MaxRows = Annotated[int | None, typer.Option("--max-rows", min=1, help="Lower the row limit.")]


def parse_param(text: str) -> tuple[str, Any]:
    """``name=value`` → (name, value): JSON when the value parses, else the text.

    Examples
    --------
    >>> parse_param("min_shared=3"), parse_param("role=SRE Manager"), parse_param('ids=["a","b"]')
    (('min_shared', 3), ('role', 'SRE Manager'), ('ids', ['a', 'b']))
    """
    from graph.errors import InvalidParameter

    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise InvalidParameter(text, "write parameters as name=value")
    try:
        return name.strip(), json.loads(value)
    except json.JSONDecodeError:
        return name.strip(), value


def _params(items: list[str] | None) -> dict[str, Any]:
    return dict(parse_param(item) for item in items or [])


def _settings(neo4j: bool, uri: str | None, user: str | None, password: str | None, database: str | None) -> Settings:
    overrides: dict[str, Any] = {"store": "neo4j"} if neo4j else {}
    for key, value in (
        ("neo4j_uri", uri),
        ("neo4j_user", user),
        ("neo4j_password", password),
        ("neo4j_database", database),
    ):
        if value is not None:
            overrides[key] = value
    return settings().model_copy(update=overrides)


def _open_current(config: Settings) -> Store:
    """Open the store; bring an embedded/external FalkorDB up to date with the saved snapshot."""
    from graph.stores import open_store, sync_snapshot
    from graph.stores.writer import is_synced

    snapshot = current_snapshot()
    store = open_store(config)
    try:
        if store.kept_in_step and not is_synced(store, snapshot):
            sync_snapshot(store, snapshot, batch_size=config.sync_batch_size)
    except BaseException:
        store.close()
        raise
    return store


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _print_result(result: CypherResult, as_json: bool, as_csv: bool) -> None:
    if as_json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(value) for value in row] for row in result.rows)
    else:
        from rich.table import Table

        table = Table(*result.columns, show_lines=False)
        for row in result.rows:
            table.add_row(*(_cell(value) for value in row))
        console.print(table)
        rows = len(result.rows)
        console.print(f"[dim]{rows} row{'s' * (rows != 1)} in {result.elapsed_ms:.1f} ms[/dim]", highlight=False)
    if result.truncated:
        err_console.print(f"[yellow]truncated:[/yellow] only the first {len(result.rows)} rows are shown")


@app.command()
def sync(
    neo4j: Neo4jOption = False,
    batch_size: Annotated[int | None, typer.Option("--batch-size", min=1, help="Rows per write statement.")] = None,
    neo4j_uri: Neo4jUri = None,
    neo4j_user: Neo4jUser = None,
    neo4j_password: Neo4jPassword = None,
    neo4j_database: Neo4jDatabase = None,
    json_out: JsonOption = False,
) -> None:
    """Write the snapshot to the embedded FalkorDB (or Neo4j).

    Exactly that graph: what an earlier load left and this one lacks is removed.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph.stores import open_store, sync_snapshot

    config = _settings(neo4j, neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
    snapshot = current_snapshot()
    with open_store(config) as store:
        total = len(snapshot.nodes()) + len(snapshot.relationships)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console.rich,
            transient=True,
            disable=json_out,
        ) as bar:
            task = bar.add_task("syncing", total=total)

            def advance(phase: str, done: int, _total: int) -> None:
                bar.update(task, completed=done, description=phase)

            result = sync_snapshot(store, snapshot, batch_size=batch_size or config.sync_batch_size, progress=advance)
        where = store.describe()
    if json_out:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
        return
    _print_sync(result, where)


def _print_sync(result: SyncResult, where: str) -> None:
    from rich.table import Table

    from graph.model import NodeLabel, RelType

    table = Table("element", "created", "updated", "unchanged", "deleted")
    groups = [(label.value, result.nodes.get(label.value)) for label in NodeLabel]
    groups += [(rel.value, result.relationships.get(rel.value)) for rel in RelType]
    for name, counts in groups:
        if counts is not None and (counts.changes or counts.unchanged):
            table.add_row(name, str(counts.created), str(counts.updated), str(counts.unchanged), str(counts.deleted))
    console.print(table)
    total = result.total()
    console.print(
        f"synced to {where}: {total.created} created, {total.updated} updated, {total.deleted} deleted, "
        f"{total.unchanged} unchanged in {result.elapsed_ms / 1000:.2f} s ({result.statements} statements)",
        highlight=False,
    )
    if result.skipped_relationships:
        err_console.print(f"[yellow]skipped[/yellow] {result.skipped_relationships} relationships with a missing end")


@app.command()
def cypher(
    query: Annotated[str | None, typer.Argument(help="The read-only Cypher query.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a file ('-' = stdin).")] = None,
    param: ParamOption = None,
    json_out: JsonOption = False,
    csv_out: CsvOption = False,
    time_limit_ms: TimeLimit = None,
    max_rows: MaxRows = None,
    neo4j: Neo4jOption = False,
    neo4j_uri: Neo4jUri = None,
    neo4j_user: Neo4jUser = None,
    neo4j_password: Neo4jPassword = None,
    neo4j_database: Neo4jDatabase = None,
) -> None:
    """Run one read-only Cypher query (writes are refused)."""
    from graph.stores.analyst import run_analyst_query

    if (query is None) == (file is None):
        err_console.print("[red]error:[/red] give a query or --file, not both")
        raise typer.Exit(2)
    text = query if file is None else (sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8"))
    config = _settings(neo4j, neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
    params = _params(param)
    from api.store_state import query_bounds
    from graph.stores.base import check_params
    from graph.stores.guard import check_read_only

    bounds = query_bounds(config)  # the server's limits (ORGKG_CYPHER_MAX_*), not the guard's defaults
    check_read_only(text, bounds)  # refuse before starting anything
    check_params(params, max_bytes=config.cypher_max_param_bytes, max_depth=config.cypher_max_param_depth)
    with _open_current(config) as store:
        result = run_analyst_query(store, text, params, time_limit_ms=time_limit_ms, max_rows=max_rows, bounds=bounds)
    _print_result(result, json_out, csv_out)


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A catalog query name (see `orgkg queries`).")],
    param: ParamOption = None,
    json_out: JsonOption = False,
    csv_out: CsvOption = False,
    time_limit_ms: TimeLimit = None,
    max_rows: MaxRows = None,
    neo4j: Neo4jOption = False,
) -> None:
    """Run a named catalog query with --param name=value."""
    from graph.stores.catalog import run_catalog_query

    config = _settings(neo4j, None, None, None, None)
    from graph.stores.catalog import bind_params, get_query

    bind_params(get_query(name, config.queries_dir), _params(param))  # check before starting anything
    with _open_current(config) as store:
        result = run_catalog_query(
            store, name, _params(param), directory=config.queries_dir, time_limit_ms=time_limit_ms, max_rows=max_rows
        )
    _print_result(result, json_out, csv_out)


@app.command("queries")
def queries_list(json_out: JsonOption = False) -> None:
    """List the named catalog queries with their parameters."""
    from graph.stores.catalog import list_queries

    catalog = list_queries(settings().queries_dir)
    if json_out:
        sys.stdout.write(json.dumps([q.model_dump(exclude={"cypher"}) for q in catalog], indent=2) + "\n")
        return
    from rich.table import Table

    table = Table("name", "parameters", "description")
    for item in catalog:
        params = ", ".join(
            f"{p.name}={json.dumps(p.example)}" + ("" if p.required else " (optional)") for p in item.params
        )
        table.add_row(item.name, params, item.description)
    console.print(table)
