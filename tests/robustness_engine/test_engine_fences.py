"""What the engine itself refuses, whatever reaches it: a ``LOAD CSV`` the guard did not stop.

The guard refuses ``LOAD CSV`` (:mod:`graph.stores.guard`); these tests send it to the embedded
FalkorDB directly (``store.run_read`` does not run the guard), as a guard bypass would. FalkorDB has no
setting that turns ``LOAD CSV`` off (``GRAPH.CONFIG GET *`` of the bundled server lists
``IMPORT_FOLDER`` and ``TEMP_FOLDER``, no switch), so the defence in depth is its import folder, empty
and private, and a network namespace of its own.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.errors import QueryFailed
from graph.stores.falkordb_server import network_isolation
from graph.stores.falkordb_store import FalkorDBStore

SECRET = "top,secret\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Iterator[tuple[FalkorDBStore, Path]]:
    root = tmp_path_factory.mktemp("fenced")
    (root / "secret.csv").write_text(SECRET)
    store = FalkorDBStore(data_dir=root / "falkordb", graph_name="fenced")
    store.run_read("RETURN 1")  # starts the server
    yield store, root
    store.close()


def _load(store: FalkorDBStore, url: str) -> list:
    return store.run_read(f"LOAD CSV FROM '{url}' AS row RETURN row LIMIT 5").rows


def test_a_file_in_the_engines_own_import_folder_is_read(engine):
    """The fence is the folder, not a broken LOAD CSV: what is put inside it is read (the others can fail)."""
    store, root = engine
    (root / "falkordb" / "import" / "inside.csv").write_text("in,side\n")
    try:
        assert _load(store, "file://inside.csv") == [[["in", "side"]]]
    finally:
        (root / "falkordb" / "import" / "inside.csv").unlink()


@pytest.mark.parametrize(
    "where",
    ["absolute", "absolute-triple-slash", "up-two", "up-from-dot", "system-file", "link-inside", "snapshot"],
)
def test_a_load_csv_reaching_the_engine_cannot_read_a_local_file_outside_its_empty_import_folder(engine, where):
    store, root = engine
    secret = root / "secret.csv"
    link = root / "falkordb" / "import" / "link.csv"
    if where == "link-inside" and not link.exists():
        link.symlink_to(secret)
    url = {
        "absolute": f"file://{secret}",
        "absolute-triple-slash": f"file:///{secret}",
        "up-two": "file://../../secret.csv",
        "up-from-dot": "file://./../../secret.csv",
        "system-file": "file:///etc/passwd",
        "link-inside": "file://link.csv",
        "snapshot": "file://../../snapshot.json",
    }[where]
    with pytest.raises(QueryFailed, match="Error opening CSV URI"):
        _load(store, url)


def test_a_load_csv_reaching_the_engine_cannot_connect_to_any_host(engine):
    """``LOAD CSV FROM 'https://...'`` would make the engine a client of any host; in its namespace it has none."""
    if not network_isolation():
        pytest.skip("unprivileged network namespaces are off on this machine (unshare --net --map-root-user)")
    store, _ = engine
    assert store.server is not None and store.server.network_isolated
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        listener.settimeout(3)
        port = listener.getsockname()[1]
        try:
            rows = _load(store, f"https://127.0.0.1:{port}/roles.csv")
        except QueryFailed:
            rows = []
        with pytest.raises(TimeoutError):
            connection, _ = listener.accept()
            connection.close()
    assert rows == []
