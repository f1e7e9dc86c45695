"""A live orgkg server for the engine's robustness tests: a real uvicorn in its own process on 127.0.0.1.

The server runs in a subprocess (not a thread of pytest) so that the clients' threads do not share its
interpreter lock: what the tests time is the server's. It serves the sample organisation on the
embedded FalkorDB, whose redis-server is its child; tests kill that child to play an engine crash.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from api.settings import Settings
from graph.queries.sample import sample_snapshot
from graph.snapshot import save_snapshot

TIME_LIMIT_MS = 2000
MAX_IN_FLIGHT = 4


@dataclass
class LiveServer:
    url: str
    data_dir: Path
    process: subprocess.Popen

    @property
    def engine_pid(self) -> int | None:
        try:
            return int((self.data_dir / "falkordb" / "redis.pid").read_text().strip())
        except (OSError, ValueError):
            return None


def start_server(data_dir: Path, port: int, **env: str) -> LiveServer:
    save_snapshot(sample_snapshot(), Settings(data_dir=data_dir).snapshot_path)
    environment = {
        **os.environ,
        "ORGKG_DATA_DIR": str(data_dir),
        "ORGKG_CYPHER_TIME_LIMIT_MS": str(TIME_LIMIT_MS),
        "ORGKG_CYPHER_MAX_IN_FLIGHT": str(MAX_IN_FLIGHT),
        **env,
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "api.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, env=environment, cwd=Path(__file__).resolve().parents[2])
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("the server did not answer /healthz within 60 s")
    # Warm the store up: the first Cypher query starts the engine and syncs the graph.
    warm = httpx.post(url + "/cypher", json={"query": "MATCH (r:Role) RETURN count(r)"}, timeout=60)
    assert warm.status_code == 200, warm.text
    return LiveServer(url, data_dir, process)


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


@pytest.fixture(scope="module")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    from tests.conftest import _free_port

    server = start_server(tmp_path_factory.mktemp("live"), _free_port())
    yield server
    stop_server(server)
