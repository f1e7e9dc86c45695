"""The embedded FalkorDB under faults: an overrunning query, a dead server, LOAD CSV, its files and log."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from graph.errors import QueryFailed, QueryTimeout
from graph.stores.falkordb_store import FalkorDBStore

LIMIT_MS = 3000
# Parses for many seconds (the parser's time doubles per level) while FalkorDB's own timeout sleeps.
PARSE_HOG = "RETURN " + "-(" * 12 + "1" + ")" * 12


@pytest.fixture
def embedded(tmp_path):
    store = FalkorDBStore(
        data_dir=tmp_path / "falkordb", graph_name="faults", time_limit_ms=LIMIT_MS, memory_limit_mb=2048
    )
    store.execute_write("UNWIND range(1, 20) AS i CREATE (:Role {id: 'role:' + toString(i)})")
    yield store
    store.close()


def test_a_query_running_past_its_limit_is_stopped_within_the_limit_plus_ten_percent(embedded):
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        embedded.run_read(PARSE_HOG)
    assert time.monotonic() - started <= LIMIT_MS * 1.1 / 1000
    assert embedded.restarts == 1
    assert embedded.run_read("MATCH (r:Role) RETURN count(r)").rows == [[20]]  # restarted, data kept
    assert "killed pid" in (embedded.server.log_path.with_name("redis.log.1")).read_text()


def test_a_query_on_a_server_killed_for_another_is_retried_on_the_new_one(embedded):
    answers: list[object] = []

    def neighbour() -> None:
        time.sleep(0.2)  # starts while the hog parses, on the same server
        try:
            answers.append(embedded.run_read("MATCH (r:Role) RETURN count(r)").rows)
        except Exception as err:
            answers.append(err)

    thread = threading.Thread(target=neighbour)
    thread.start()
    with pytest.raises(QueryTimeout):
        embedded.run_read(PARSE_HOG)
    thread.join(timeout=30)
    # Its answer from the new server, or (on a slow machine) its own timeout: never a broken connection.
    assert answers[0] == [[20]] or isinstance(answers[0], QueryTimeout), answers


def test_a_server_killed_from_outside_is_started_again_by_the_next_call(embedded):
    os.kill(embedded.server.pid, signal.SIGKILL)
    time.sleep(0.2)
    started = time.monotonic()
    assert embedded.run_read("MATCH (r:Role) RETURN count(r)").rows == [[20]]
    assert time.monotonic() - started < 2.0


def test_load_csv_reads_no_file_even_without_the_guard(embedded):
    for url in ("file:///etc/passwd", "file://../redis.log", "file://redis.log"):
        with pytest.raises(QueryFailed, match="Error opening CSV URI"):
            embedded.run_read(f"LOAD CSV FROM '{url}' AS row RETURN row")


def test_data_directory_is_700_and_its_files_600_and_the_log_is_rotated_not_truncated(tmp_path):
    directory = tmp_path / "falkordb"
    directory.mkdir(mode=0o755)
    (directory / "redis.log").write_text("evidence of an earlier crash\n")
    os.chmod(directory / "redis.log", 0o644)
    with FalkorDBStore(data_dir=directory, graph_name="perm") as store:
        store.execute_write("CREATE (:Role {id: 'role:a'})")
        store.server.stop()
        store.run_read("RETURN 1")  # starts a server again: the log rotates once more
    assert oct(directory.stat().st_mode & 0o777) == "0o700"
    modes = {path.name: oct(path.stat().st_mode & 0o777) for path in directory.rglob("*") if not path.is_socket()}
    assert all(
        mode == ("0o700" if (directory / name).is_dir() else "0o600")
        for name, mode in modes.items()
        if (directory / name).exists()
    ), modes
    assert (directory / "redis.log.2").read_text() == "evidence of an earlier crash\n"
    assert "Ready to accept connections" in (directory / "redis.log.1").read_text()


def test_the_server_runs_with_its_memory_caps(embedded):
    pid = embedded.server.pid
    limits = Path(f"/proc/{pid}/limits").read_text()
    line = next(line for line in limits.splitlines() if line.startswith("Max address space"))
    assert line.split()[3] != "unlimited"
    config = dict(embedded._graph_for("write").client.connection.execute_command("GRAPH.CONFIG", "GET", "*"))
    assert int(config["QUERY_MEM_CAPACITY"]) > 0
    assert int(config["TIMEOUT_MAX"]) > 0 and int(config["MAX_QUEUED_QUERIES"]) < 1000
    assert str(config["IMPORT_FOLDER"]).startswith(str(embedded.server.directory))


def test_a_write_started_on_a_server_that_died_runs_once_on_the_new_one(embedded):
    os.kill(embedded.server.pid, signal.SIGKILL)
    time.sleep(0.2)

    answer = embedded.start_write("CREATE (:Role {id: 'role:new'}) RETURN 1")

    assert answer().rows == [[1]]
    assert embedded.run_read("MATCH (r:Role) RETURN count(r)").rows == [[21]]
