"""The ``orgkg`` Typer app and what every command shares: settings, the console, error handling."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.settings import Settings, get_settings
from graph.orggraph import OrgGraph
from graph.snapshot import read_snapshot

__all__ = ["app", "console", "err_console", "settings", "current_graph", "JsonOption"]

app = typer.Typer(
    name="orgkg",
    help="orgkg: an organizational knowledge graph of roles, skills, KPIs, reporting lines and career steps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)

_state: dict[str, Settings] = {}

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]


@app.callback()
def _configure(
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Where the snapshot and the embedded store live.")
    ] = None,
) -> None:
    overrides = {"data_dir": data_dir} if data_dir else {}
    _state["settings"] = get_settings().model_copy(update=overrides)


def settings() -> Settings:
    return _state.get("settings") or get_settings()


def current_graph() -> OrgGraph:
    """The graph of the saved snapshot (``orgkg load`` writes it)."""
    return OrgGraph.from_snapshot(read_snapshot(settings().snapshot_path))
