"""``orgkg serve`` parses HTTP with httptools (a dependency) and keeps the request-head deadline."""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.server import server_config
from api.settings import Settings


def test_the_server_runs_httptools_with_the_request_head_deadline(tmp_path):
    settings = Settings(data_dir=tmp_path, http_header_timeout_s=2.5)
    protocol = server_config(object(), "127.0.0.1", 8000, settings).http

    assert issubclass(protocol, HttpToolsProtocol)
    assert protocol.header_timeout == 2.5
    assert hasattr(protocol, "_head_late")
