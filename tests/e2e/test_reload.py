"""`orgkg load` again swaps the served graph atomically: requests in flight finish, none fails."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
import uvicorn

from api.app import create_app
from api.settings import Settings
from graph.model import Role
from graph.queries.sample import sample_snapshot
from graph.snapshot import save_snapshot


@pytest.fixture
def server(tmp_path, free_port):
    settings = Settings(data_dir=tmp_path)
    save_snapshot(sample_snapshot(), settings.snapshot_path)
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=free_port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield settings, f"http://127.0.0.1:{free_port}"
    server.should_exit = True
    thread.join(timeout=10)


def _hammer(base: str, stop: threading.Event, statuses: list[int], role_counts: set[int]) -> None:
    with httpx.Client(base_url=base, timeout=10) as client:
        while not stop.is_set():
            statuses.append(client.get("/roles/SRE Manager").status_code)
            ready = client.get("/readyz")
            statuses.append(ready.status_code)
            role_counts.add(ready.json()["counts"]["Role"])


def test_rewriting_the_snapshot_under_load_swaps_the_graph_and_no_request_fails(server):
    settings, base = server
    original = sample_snapshot()
    grown = original.model_copy(update={"roles": [*original.roles, Role(id="role:new-role", title="New Role")]})
    stop, statuses, role_counts = threading.Event(), [], set()
    clients = [threading.Thread(target=_hammer, args=(base, stop, statuses, role_counts)) for _ in range(4)]
    for client in clients:
        client.start()
    for round_ in range(20):
        save_snapshot(grown if round_ % 2 == 0 else original, settings.snapshot_path)
        time.sleep(0.05)
    save_snapshot(grown, settings.snapshot_path)
    time.sleep(0.3)
    stop.set()
    for client in clients:
        client.join(timeout=30)
    assert len(statuses) > 50
    assert set(statuses) == {200}
    assert role_counts == {len(original.roles), len(grown.roles)}
    assert httpx.get(f"{base}/roles/New Role").json()["role"]["title"] == "New Role"
