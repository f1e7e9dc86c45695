"""The ``orgkg`` Typer app and what every command shares: settings, the consoles, the saved graph.

Start-up is part of the interface (``orgkg --help`` answers in a fraction of a second): this module and
the command modules import only typer and the standard library at the top. Everything heavy — rich,
pydantic settings, the model, networkx, rapidfuzz, the stores, the server — is imported inside the
commands that use it (``bench/cli_startup.py`` measures it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from api.settings import Settings
    from graph.model import Snapshot
    from graph.orggraph import OrgGraph

__all__ = ["JsonOption", "app", "console", "current_graph", "current_snapshot", "err_console", "settings"]

app = typer.Typer(
    name="orgkg",
    help="orgkg: an organizational knowledge graph of roles, skills, KPIs, reporting lines and career steps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: flags shown as flags, no rich import to print it
)


class _LazyConsole:
    """A ``rich.console.Console`` made on first use, so commands that print nothing never import rich."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console = None

    @property
    def rich(self) -> Any:
        """The real console, for rich objects that take one (``Progress(console=err_console.rich)``)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rich, name)


# Log-like lines (findings, counts, errors) are printed whole, for grep; answers meant for reading wrap
# whole words at the terminal's width (``api.cli.show.line``, tables).
console: Any = _LazyConsole(soft_wrap=True)
err_console: Any = _LazyConsole(stderr=True, soft_wrap=True)

_state: dict[str, Any] = {}

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]


@app.callback()
def _configure(
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Where the snapshot and the embedded store live.")
    ] = None,
) -> None:
    _state["data_dir"] = data_dir


def settings() -> Settings:
    """The settings of this run: the environment's, with ``--data-dir`` applied."""
    if "settings" not in _state:
        from api.settings import get_settings

        data_dir = _state.get("data_dir")
        _state["settings"] = get_settings().model_copy(update={"data_dir": data_dir} if data_dir else {})
    return _state["settings"]


def current_snapshot() -> Snapshot:
    """The saved snapshot (``orgkg load`` writes it), without building the graph around it."""
    from graph.snapshot import read_snapshot

    return read_snapshot(settings().snapshot_path)


def current_graph() -> OrgGraph:
    """The graph of the saved snapshot."""
    from graph.orggraph import OrgGraph
    from graph.snapshot import read_parts

    return OrgGraph.from_parts(read_parts(settings().snapshot_path))
