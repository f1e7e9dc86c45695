"""Token, Host and body-size checks and connection timeouts, over the real ASGI app and a real uvicorn."""

from __future__ import annotations

import socket
import threading
import time

import anyio
import httpx
import pytest
import uvicorn

from api.app import create_app
from api.security import SESSION_COOKIE
from api.server import server_config
from api.settings import Settings
from graph.queries.sample import sample_snapshot
from graph.snapshot import save_snapshot

TOKEN = "correct-horse-battery-staple"


def _settings(tmp_path, **overrides) -> Settings:
    settings = Settings(data_dir=tmp_path, **overrides)
    save_snapshot(sample_snapshot(), settings.snapshot_path)
    return settings


def _asgi(app, method: str, url: str, host: str = "127.0.0.1", **kwargs) -> httpx.Response:
    async def call():
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as client:
            return await client.request(method, url, **kwargs)

    return anyio.run(call)


@pytest.fixture(scope="module")
def guarded_app(tmp_path_factory):
    settings = _settings(tmp_path_factory.mktemp("guarded"), api_token=TOKEN, allowed_hosts="orgkg.example.com")
    return create_app(settings)


@pytest.mark.parametrize("path", ["/", "/roles", "/healthz", "/docs", "/openapi.json", "/static/app.js", "/nowhere"])
def test_with_a_token_set_every_route_without_it_is_401(guarded_app, path):
    response = _asgi(guarded_app, "GET", path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "token" in response.json()["detail"]


def test_the_bearer_token_opens_the_api_and_a_wrong_one_does_not(guarded_app):
    assert _asgi(guarded_app, "GET", "/roles", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert _asgi(guarded_app, "GET", "/roles", headers={"Authorization": f"Bearer {TOKEN}x"}).status_code == 401
    assert _asgi(guarded_app, "GET", "/roles", headers={"Authorization": TOKEN}).status_code == 401


def test_opening_the_page_with_the_token_sets_a_strict_http_only_cookie_and_drops_the_token(guarded_app):
    response = _asgi(guarded_app, "GET", f"/?token={TOKEN}&x=1")
    assert response.status_code == 303
    assert response.headers["location"] == "/?x=1"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    session = cookie.split(";", 1)[0]
    for path in ("/", "/static/app.js", "/roles", "/docs"):
        assert _asgi(guarded_app, "GET", path, headers={"Cookie": session}).status_code == 200, path
    assert _asgi(guarded_app, "GET", "/roles", headers={"Cookie": f"{SESSION_COOKIE}=forged"}).status_code == 401
    assert _asgi(guarded_app, "GET", "/?token=wrong").status_code == 401


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.", "", "orgkg.example.org"])
def test_a_foreign_host_header_is_refused_before_the_token(guarded_app, host):
    response = _asgi(guarded_app, "GET", "/roles", headers={"Host": host, "Authorization": f"Bearer {TOKEN}"})
    if host == "localhost.":  # the same name written fully qualified
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response.json()["error"] == "HostNotAllowed"


SERVED = ["localhost:8000", "127.0.0.1", "[::1]:9", "orgkg.example.com", "ORGKG.example.com:443"]


@pytest.mark.parametrize("host", SERVED)
def test_loopback_and_configured_hosts_are_served(guarded_app, host):
    response = _asgi(guarded_app, "GET", "/roles", headers={"Host": host, "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200


def test_without_a_token_the_api_is_open_but_still_checks_the_host(tmp_path):
    app = create_app(_settings(tmp_path))
    assert _asgi(app, "GET", "/roles").status_code == 200
    assert _asgi(app, "GET", "/roles", headers={"Host": "attacker.example"}).status_code == 400


def test_a_body_over_the_limit_is_413_with_a_message(tmp_path):
    app = create_app(_settings(tmp_path, max_body_bytes=4096))
    big = {"query": "RETURN 1 // " + "x" * 10_000}
    response = _asgi(app, "POST", "/cypher", json=big)
    assert response.status_code == 413
    assert "4,096 bytes" in response.json()["detail"]

    async def chunks():
        for _ in range(10):
            yield b"x" * 1000

    chunked = _asgi(app, "POST", "/cypher", content=chunks(), headers={"Content-Type": "application/json"})
    assert chunked.status_code == 413
    small = _asgi(app, "POST", "/cypher", json={"query": "RETURN 1 AS one"})
    assert small.status_code != 413


# --------------------------------------------------------------------------- a real uvicorn


@pytest.fixture
def live(tmp_path, free_port):
    settings = _settings(
        tmp_path, api_token=TOKEN, max_body_bytes=4096, http_keepalive_s=1.0, http_header_timeout_s=1.0
    )
    server = uvicorn.Server(server_config(create_app(settings), "127.0.0.1", free_port, settings, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield free_port
    server.should_exit = True
    thread.join(timeout=10)


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    """True when the server closes ``sock`` (recv gives b'') within ``seconds``."""
    sock.settimeout(seconds)
    try:
        while True:
            if not sock.recv(65536):
                return True
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_a_live_server_checks_token_host_and_body(live):
    base = f"http://127.0.0.1:{live}"
    with httpx.Client(base_url=base, timeout=10) as client:
        assert client.get("/roles").status_code == 401
        opened = client.get(f"/?token={TOKEN}", follow_redirects=True)
        assert opened.status_code == 200 and "<html" in opened.text.lower()
        assert client.get("/roles").status_code == 200  # the cookie the redirect set
        assert client.get("/roles", headers={"Host": "rebound.example"}).status_code == 400
        json_type = {"Content-Type": "application/json"}
        too_big = client.post("/cypher", content=b"{" + b" " * 10_000 + b"}", headers=json_type)
        assert too_big.status_code == 413


def test_a_live_server_closes_silent_slow_and_idle_connections(live):
    silent = socket.create_connection(("127.0.0.1", live))
    assert _closed_within(silent, 5), "a connection that never sends a request stays open"
    slow = socket.create_connection(("127.0.0.1", live))
    slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # the head, never finished
    assert _closed_within(slow, 5), "a request head that never ends keeps its connection"
    idle = socket.create_connection(("127.0.0.1", live))
    idle.sendall(f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n\r\n".encode())
    idle.settimeout(5)
    assert idle.recv(65536).startswith(b"HTTP/1.1 200")
    assert _closed_within(idle, 5), "an idle keep-alive connection stays open"
    for sock in (silent, slow, idle):
        sock.close()


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"query": "RETURN 1", "max_rows": True}, "max_rows"),
        ({"query": "RETURN 1", "time_limit_ms": True}, "time_limit_ms"),
        ({"query": "RETURN 1", "max_rows": 2.5}, "max_rows"),
        ({"query": "RETURN 1", "max_rows": 10**30}, "max_rows"),
    ],
)
def test_numbers_out_of_range_and_booleans_for_numbers_are_422_naming_the_field(tmp_path, body, says):
    app = create_app(_settings(tmp_path))
    response = _asgi(app, "POST", "/cypher", json=body)
    assert response.status_code == 422
    assert says in response.json()["detail"]


@pytest.mark.parametrize("value", [10**30, -(2**63) - 1, [1, {"deep": 2**64}]])
def test_a_cypher_parameter_beyond_64_bits_is_a_400_naming_it_and_no_engine_is_started(tmp_path, value):
    app = create_app(_settings(tmp_path))
    response = _asgi(app, "POST", "/cypher", json={"query": "RETURN $n", "params": {"n": value}})
    assert response.status_code == 400
    assert "n:" in response.json()["detail"] and "64-bit" in response.json()["detail"]
    assert not (tmp_path / "falkordb").exists()  # refused before a slot, a thread or the engine


def test_the_largest_64_bit_parameter_is_still_answered(tmp_path):
    app = create_app(_settings(tmp_path))
    try:
        response = _asgi(app, "POST", "/cypher", json={"query": "RETURN $n AS n", "params": {"n": 2**63 - 1}})
    finally:
        app.state.stores.close()
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == [[2**63 - 1]]
