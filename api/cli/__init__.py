"""``orgkg`` command line. Each module registers its commands on the shared app."""

from __future__ import annotations

import sys

from rich.markup import escape

from api.cli.app import app, err_console
from graph.errors import OrgKGError

__all__ = ["app", "main"]


def _register_commands() -> None:
    # Imported for their side effect: each module adds its commands to `app`.
    from api.cli import cypher, documents, queries, serve  # noqa: F401


def main() -> None:
    _register_commands()
    try:
        app()
    except OrgKGError as err:
        err_console.print(f"[red]error:[/red] {escape(str(err))}", highlight=False)
        sys.exit(1)
