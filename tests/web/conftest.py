"""Browser tests: the real ``orgkg serve`` in a subprocess, driven by Debian's headless Chromium.

Chromium missing: the tests skip locally, and fail when ``CI`` is set, so CI never skips silently.
Screenshots go to ``tests/artifacts/screenshots/`` and first-render timings to
``tests/artifacts/web-timings.json`` (both gitignored).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path(os.environ.get("ORGKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
READY_TIMEOUT_S = 180.0
VIEW_TIMEOUT_MS = 15_000
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 844}  # a phone
WIDE = {"width": 1440, "height": 900}

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _orgkg_command() -> list[str]:
    script = Path(sys.executable).with_name("orgkg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "api.cli"]


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium; .ci/run does it in CI)"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must run the browser tests", pytrace=False)
        pytest.skip(message)
    return CHROMIUM


@contextlib.contextmanager
def running_server(data_dir: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """``orgkg --data-dir <data_dir> serve`` on a free loopback port until the block ends; its base URL."""
    port = _free_port()
    log = (data_dir / "server.log").open("w")
    process = subprocess.Popen(
        [*_orgkg_command(), "--data-dir", str(data_dir), "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "ORGKG_DATA_DIR": str(data_dir), **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + READY_TIMEOUT_S
    try:
        while True:
            if process.poll() is not None:
                output = (data_dir / "server.log").read_text()
                raise RuntimeError(f"orgkg serve exited with {process.returncode}: {output}")
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{base}/readyz not ready after {READY_TIMEOUT_S} s")
            time.sleep(0.25)
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    """The README's server over the seeds: it builds the seed snapshot itself."""
    with running_server(tmp_path_factory.mktemp("web-data")) as base:
        yield base


@pytest.fixture(scope="session")
def api(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def browser(chromium_path):
    """Chromium for one test module: Playwright's sync API keeps an asyncio loop running in this thread
    while it is open, and ``anyio.run`` (the API tests' ASGI calls) refuses to start inside a running loop.
    Closed after each module, it is never open when another folder's tests run, in whatever order."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageErrors(list):
    """Uncaught exceptions of the page; a test that ends with any fails."""


def _new_page(browser, viewport):
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(VIEW_TIMEOUT_MS)
    errors = PageErrors()
    page.on("pageerror", lambda err: errors.append(str(err)))
    return context, page, errors


@pytest.fixture
def page(browser):
    context, page, errors = _new_page(browser, DESKTOP)
    yield page
    context.close()
    assert not errors, f"the page threw: {errors}"


@pytest.fixture
def wide_page(browser):
    context, page, errors = _new_page(browser, WIDE)
    yield page
    context.close()
    assert not errors, f"the page threw: {errors}"


@pytest.fixture
def narrow_page(browser):
    context, page, errors = _new_page(browser, NARROW)
    yield page
    context.close()
    assert not errors, f"the page threw: {errors}"


@pytest.fixture(scope="session")
def timings():
    """First-render times per view, written to tests/artifacts/web-timings.json and printed at the end."""
    found: dict[str, dict] = {}
    yield found
    if not found:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "web-timings.json").write_text(json.dumps(found, indent=2) + "\n")
    width = max(len(name) for name in found)
    lines = [f"{'view'.ljust(width)}  since navigation  view render", "-" * (width + 32)]
    for name, t in found.items():
        lines.append(f"{name.ljust(width)}  {t['since_navigation_ms']:>13.0f} ms  {t['render_ms']:>8.0f} ms")
    print("\nFirst render of each view (performance.now() from navigation to data-ready):\n" + "\n".join(lines))


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def _open_view(page, base: str, hash_: str, view: str | None = None) -> dict:
    """Load ``base/#hash`` fresh and wait for the view's ``data-ready``; its timing entry."""
    page.goto(f"{base}/{hash_}")
    selector = f'.view[data-view="{view}"][data-ready="true"]' if view else '.view[data-ready="true"]'
    page.wait_for_selector(selector)
    return page.evaluate("window.__orgkg.timings[window.__orgkg.timings.length - 1]")


@pytest.fixture(scope="session")
def open_view(server):
    """``open_view(page, "#/role/x", "role")``: a fresh load of the hash, waiting for the view to be ready."""
    return lambda page, hash_, view=None: _open_view(page, server, hash_, view)


@pytest.fixture(scope="session")
def library_server(tmp_path_factory) -> Iterator[str]:
    """The server over the seeds and the shared corpus: a library of over a hundred roles."""
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "gitlab-job-families"
    if not corpus.is_dir():
        pytest.skip(f"the shared corpus is not at {corpus}")
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    env = {"ORGKG_SEEDS": json.dumps([str(seeds), str(corpus)])}
    with running_server(tmp_path_factory.mktemp("web-library"), env) as base:
        yield base


@pytest.fixture(scope="session")
def open_library_view(library_server):
    """``open_view`` on the seeds-plus-corpus server."""
    return lambda page, hash_, view=None: _open_view(page, library_server, hash_, view)
