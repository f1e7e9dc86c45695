"""``orgkg`` command line. Each module registers its commands on the shared app.

Errors: an orgkg error (an unknown role, a bad parameter, a missing snapshot) exits 1 — printed in red
on stderr, or with ``--json`` as the API's error body (``detail``, ``error``, ``suggestions`` ...) on
stdout; a usage error (a missing argument, an unknown option) exits 2 the same way.
"""

from __future__ import annotations

import json
import sys

import typer

from api.cli.app import app, err_console

__all__ = ["COMMAND_ORDER", "app", "main"]

# The order `orgkg --help` lists the commands in: the order people use them.
COMMAND_ORDER = [
    "load", "stats", "roles", "role", "path", "next", "gap", "shared", "similar", "chain",
    "validate", "export", "sync", "cypher", "queries", "query", "serve",
]  # fmt: skip


def _register_commands() -> None:
    # Imported for their side effect: each module adds its commands to `app`.
    from api.cli import cypher, documents, queries, serve  # noqa: F401

    rank = {name: index for index, name in enumerate(COMMAND_ORDER)}
    app.registered_commands.sort(key=lambda c: rank.get(c.name or c.callback.__name__, len(rank)))


def _fail(body: dict, status: int, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
    else:
        from rich.markup import escape

        err_console.print(f"[red]error:[/red] {escape(body['detail'])}", highlight=False)
    sys.exit(status)


def main() -> None:
    from graph.errors import OrgKGError

    _register_commands()
    as_json = "--json" in sys.argv[1:]
    try:
        status = app(standalone_mode=False)  # click returns the exit code of typer.Exit / --help here
    except OrgKGError as err:
        from api.models import error_body

        _fail(error_body(err), 1, as_json)
    except typer.Abort:
        _fail({"detail": "aborted", "error": "Aborted"}, 130, as_json)
    except typer.TyperException as err:  # usage errors: a missing argument, an unknown option, a bad value
        if not as_json and hasattr(err, "show"):
            err.show()
            sys.exit(err.exit_code)
        _fail({"detail": err.format_message(), "error": type(err).__name__}, err.exit_code, as_json)
    sys.exit(status if isinstance(status, int) else 0)
