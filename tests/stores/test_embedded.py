"""The embedded FalkorDB's lifecycle: start, persist, stop without leftovers, recover from stale files."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from graph.errors import StoreUnavailable
from graph.stores.falkordb_server import EmbeddedFalkorDB, socket_path_for
from graph.stores.falkordb_store import FalkorDBStore


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead for our purposes.
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def wait_gone(pid: int, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_store_starts_answers_and_leaves_no_process_after_close(tmp_path):
    store = FalkorDBStore(data_dir=tmp_path / "falkordb")
    pid = store.server.pid
    assert alive(pid)
    assert oct(store.server.socket_path.stat().st_mode & 0o777) == "0o600"

    store.execute_write("CREATE (:Role {id: 'role:a'})")
    store.close()

    assert wait_gone(pid)
    assert not store.server.socket_path.exists()
    assert not store.server.pid_path.exists()


def test_graph_persists_across_close_and_reopen(tmp_path):
    with FalkorDBStore(data_dir=tmp_path / "falkordb") as store:
        store.execute_write("UNWIND range(1, 25) AS i CREATE (:Role {id: 'role:' + toString(i)})")
        first_pid = store.server.pid

    with FalkorDBStore(data_dir=tmp_path / "falkordb") as store:
        assert store.server.pid != first_pid
        assert store.count_elements() == (25, 0)


def test_stale_socket_and_pid_file_do_not_block_the_next_start(tmp_path):
    directory = tmp_path / "falkordb"
    directory.mkdir()
    sock = socket_path_for(directory.resolve())
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(sock))  # a socket file nobody listens on, as a crashed server leaves it
    stale.close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (directory / "redis.pid").write_text(dead.stdout)

    with FalkorDBStore(data_dir=directory) as store:
        assert store.server.owned
        assert store.run_read("RETURN 1").rows == [[1]]


def test_a_regular_file_in_place_of_the_socket_is_cleared(tmp_path):
    directory = tmp_path / "falkordb"
    directory.mkdir()
    socket_path_for(directory.resolve()).write_text("not a socket")

    with FalkorDBStore(data_dir=directory) as store:
        assert store.run_read("RETURN 2").rows == [[2]]


def test_a_second_store_reuses_the_live_server_and_does_not_stop_it(tmp_path):
    owner = FalkorDBStore(data_dir=tmp_path / "falkordb")
    guest = FalkorDBStore(data_dir=tmp_path / "falkordb")
    try:
        assert owner.server.owned and not guest.server.owned
        assert guest.server.pid == owner.server.pid
        guest.close()
        assert alive(owner.server.pid)
        assert owner.run_read("RETURN 1").rows == [[1]]
    finally:
        pid = owner.server.pid
        owner.close()
    assert wait_gone(pid)


def test_a_guest_restarts_the_server_when_its_owner_stopped_it(tmp_path):
    owner = FalkorDBStore(data_dir=tmp_path / "falkordb")
    owner.execute_write("CREATE (:Role {id: 'role:kept'})")
    guest = FalkorDBStore(data_dir=tmp_path / "falkordb")
    owner.close()

    try:
        assert guest.run_read("MATCH (r:Role) RETURN r.id").rows == [["role:kept"]]
        assert guest.server.owned
    finally:
        pid = guest.server.pid
        guest.close()
    assert wait_gone(pid)


def test_server_dies_with_a_killed_python_process(tmp_path):
    program = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from graph.stores.falkordb_store import FalkorDBStore
        store = FalkorDBStore(data_dir=Path({str(tmp_path / "falkordb")!r}))
        print(store.server.pid, flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE, text=True)
    try:
        server_pid = int(child.stdout.readline())
        assert alive(server_pid)
        child.kill()  # no atexit, no close: only the kernel's parent-death signal is left
        child.wait()
        assert wait_gone(server_pid)
    finally:
        child.kill()
        child.stdout.close()


def test_a_server_that_cannot_start_gives_store_unavailable_with_the_log(tmp_path):
    server = EmbeddedFalkorDB(tmp_path / "falkordb", module_args=["NO_SUCH_OPTION", "1"], startup_timeout=10)

    with pytest.raises(StoreUnavailable, match="exited with code") as caught:
        server.start()

    assert "log" in str(caught.value)
    assert not server.owned


def test_long_data_directories_get_a_short_socket_path(tmp_path):
    deep = tmp_path.joinpath(*["a-rather-long-directory-name"] * 5) / "falkordb"

    with FalkorDBStore(data_dir=deep) as store:
        assert len(str(store.server.socket_path)) <= 100
        assert store.run_read("RETURN 3").rows == [[3]]
