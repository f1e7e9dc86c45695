"""Running the app under uvicorn with timeouts that free connections: idle keep-alive and request head.

uvicorn closes a keep-alive connection that stays idle after a response (``timeout_keep_alive``), but
not one that never sends a request or sends its head a byte at a time: 400 such connections would be
held forever. :class:`TimedH11Protocol` gives every request head a deadline, counted from the
connection's start and again from the end of each response. The protocol is uvicorn's httptools one
(a C parser: half the CPU per request of the pure-Python h11) when httptools is installed, as it is with
orgkg's dependencies; h11 otherwise.
"""

from __future__ import annotations

import asyncio

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from api.settings import Settings

try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # httptools missing: h11 only
    HttpToolsProtocol = None

__all__ = ["TimedH11Protocol", "TimedHttpToolsProtocol", "server_config"]


class _HeadDeadline:
    """Closes a connection whose request head is late (``header_timeout`` s); mixed into a uvicorn protocol."""

    header_timeout: float = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._arm_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_deadline()  # the next request on this connection has the same time for its head

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        super().connection_lost(exc)

    def _arm_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        self._head_deadline = self.loop.call_later(self.header_timeout, self._head_late)

    def _head_late(self) -> None:
        waiting_for_head = self.cycle is None or self.cycle.response_complete
        if waiting_for_head and not self.transport.is_closing():
            self.transport.close()


class TimedH11Protocol(_HeadDeadline, H11Protocol):
    """uvicorn's h11 protocol with the request-head deadline."""


TimedHttpToolsProtocol = (
    None if HttpToolsProtocol is None else type("TimedHttpToolsProtocol", (_HeadDeadline, HttpToolsProtocol), {})
)


def server_config(app, host: str, port: int, settings: Settings, **options) -> uvicorn.Config:
    """The uvicorn configuration ``orgkg serve`` runs: httptools (else h11) with the head deadline, the
    keep-alive limit."""
    base = TimedHttpToolsProtocol or TimedH11Protocol
    protocol = type(f"Orgkg{base.__name__}", (base,), {"header_timeout": settings.http_header_timeout_s})
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol,
        timeout_keep_alive=settings.http_keepalive_s,
        **options,
    )
