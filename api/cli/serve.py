"""``orgkg serve``: the HTTP API and the web page, on the snapshot built from the seeds."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.app import app, console, err_console, settings


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    reload_docs: Annotated[
        bool, typer.Option("--rebuild", help="Build the snapshot from the seeds even if it is up to date.")
    ] = False,
) -> None:
    """Serve the API and the web page on 127.0.0.1.

    Builds the snapshot from the seeds first when it is missing or stale.
    """
    from api.build import build_from_documents, snapshot_is_stale  # the build and the server load only here
    from graph.errors import NothingLoaded

    current = settings()
    if reload_docs or snapshot_is_stale(current.seeds, current):
        try:
            snapshot = build_from_documents(current.seeds, current)
        except NothingLoaded as err:
            if not current.snapshot_path.exists():
                raise
            err_console.print(f"[yellow]warning:[/yellow] {err}; serving that snapshot", highlight=False)
        else:
            console.print(f"built {len(snapshot.roles)} roles from {', '.join(map(str, current.seeds))}")
    import uvicorn  # the server stack loads only for this command

    from api.app import create_app
    from api.server import server_config

    app = create_app(current, bound_host=host)
    store = app.state.stores.get(app.state.graphs.current())  # Cypher is ready before the first request
    console.print(f"Cypher store: {store.describe()}")
    shown = f"[{host}]" if ":" in host else host
    if current.api_token is not None:
        console.print("a token is required (ORGKG_API_TOKEN): open the page once with ?token=<token>")
    if host in ("0.0.0.0", "::") and not current.allowed_host_names:
        console.print("listening on every address: set ORGKG_ALLOWED_HOSTS to the names clients use")
    console.print(f"orgkg serving on http://{shown}:{port}/  (API docs at /docs)")
    uvicorn.Server(server_config(app, host, port, current, log_level="info")).run()
