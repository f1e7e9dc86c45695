"""The README's run command serves a working API on a loopback port, with no other step."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import httpx


def _wait_ready(url: str, process: subprocess.Popen, timeout: float = 90.0) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}: {process.stdout.read()}")
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == 200:
                return response
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} not ready after {timeout} s")


def test_make_run_serves_the_seed_graph_on_loopback(tmp_path, free_port, repo_root):
    port = free_port
    env = {**os.environ, "ORGKG_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}"],
        cwd=repo_root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        ready = _wait_ready(f"http://127.0.0.1:{port}/readyz", process).json()
        assert ready["ready"] is True
        assert ready["counts"]["Role"] >= 30
        assert (tmp_path / "snapshot.json").is_file()
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
        assert health.json() == {"status": "ok"}
        cypher = httpx.post(
            f"http://127.0.0.1:{port}/cypher", json={"query": "MATCH (r:Role) RETURN count(r) AS roles"}, timeout=30
        ).json()
        assert cypher["rows"] == [[ready["counts"]["Role"]]]
        assert (tmp_path / "falkordb").is_dir()  # the embedded store lives in the data directory
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "orgkg" in page.text
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
