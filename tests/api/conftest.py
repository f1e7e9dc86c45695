from __future__ import annotations

from pathlib import Path

import anyio
import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from graph.queries.sample import sample_snapshot
from graph.snapshot import save_snapshot


class Api:
    """A synchronous face on ``httpx.AsyncClient(transport=ASGITransport(app))``: real HTTP requests
    through the whole ASGI stack, one event loop per request."""

    def __init__(self, app) -> None:
        self.app = app

    async def _request(self, method: str, url: str, **kwargs) -> httpx.Response:
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(method, url, **kwargs)

    def get(self, url: str, **kwargs) -> httpx.Response:
        return anyio.run(lambda: self._request("GET", url, **kwargs))

    def post(self, url: str, **kwargs) -> httpx.Response:
        return anyio.run(lambda: self._request("POST", url, **kwargs))


def serve_snapshot(data_dir: Path, snapshot) -> Api:
    """The API over ``snapshot``, saved as a snapshot file like `orgkg load` does."""
    save_snapshot(snapshot, Settings(data_dir=data_dir).snapshot_path)
    # schemathesis calls the ASGI app the way Starlette's TestClient does: with Host "testserver"
    return Api(create_app(Settings(data_dir=data_dir, allowed_hosts="testserver")))


@pytest.fixture(scope="session")
def api(tmp_path_factory) -> Api:
    """The API over the sample organisation of ``graph.queries.sample``."""
    return serve_snapshot(tmp_path_factory.mktemp("api-data"), sample_snapshot())


@pytest.fixture(scope="session")
def seed_api(request, tmp_path_factory) -> Api:
    """The API over the seed graph (skipped until the build pipeline is importable)."""
    try:
        import api.build  # noqa: F401
    except ImportError:
        pytest.skip("the seed build (api.build) has not landed yet")
    return serve_snapshot(tmp_path_factory.mktemp("seed-api"), request.getfixturevalue("seed_snapshot"))
