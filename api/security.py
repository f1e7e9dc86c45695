"""What stands in front of every route: the Host check, the optional token and the request-body limit.

One ASGI middleware, outermost, so nothing behind it (the routes, the web page, ``/docs``, even the
500 handler) answers a request that fails a check:

* **Host** — the ``Host`` header must name this server (``127.0.0.1``, ``localhost``, ``[::1]``, the bound
  host, or one of ``ORGKG_ALLOWED_HOSTS``; ``*`` turns the check off). A page on another site that
  rebinds its DNS name to 127.0.0.1 sends its own name as the Host, so it is refused: 400.
* **Token** — when ``ORGKG_API_TOKEN`` is set, every request needs it: ``Authorization: Bearer <token>``
  (scripts), or the ``orgkg_session`` cookie a browser gets by opening any page once with
  ``?token=<token>`` (the way Jupyter does it: the answer is a redirect to the same URL without the
  token, setting an ``HttpOnly``, ``SameSite=Strict`` cookie, so the page's own ``fetch`` calls carry
  it and no script or other site can read or send it). Anything else: 401.
* **Body** — a request body over ``ORGKG_MAX_BODY_BYTES`` is refused with 413 before the app reads it
  (by ``Content-Length``, or while counting a chunked body).

Every refusal has the API's one error body (``detail`` and ``error``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

__all__ = ["DEFAULT_HOSTS", "SESSION_COOKIE", "Guard", "allowed_hosts", "host_of", "session_value"]

DEFAULT_HOSTS = ("127.0.0.1", "localhost", "[::1]")
SESSION_COOKIE = "orgkg_session"
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

Scope = dict[str, Any]


def host_of(header: str) -> str:
    """The host part of a ``Host`` header, lower case, without the port (IPv6 keeps its brackets).

    Examples
    --------
    >>> host_of("LocalHost:8000"), host_of("[::1]:8000"), host_of("127.0.0.1"), host_of("evil.example.")
    ('localhost', '[::1]', '127.0.0.1', 'evil.example')
    """
    header = header.strip().lower()
    if header.startswith("["):
        end = header.find("]")
        return header[: end + 1] if end > 0 else header
    return header.rsplit(":", 1)[0].rstrip(".") if header.count(":") == 1 else header.rstrip(".")


def session_value(token: str) -> str:
    """The cookie value that stands for ``token``: a keyed hash, so the cookie never holds the token itself.

    Examples
    --------
    >>> session_value("s3cret") == session_value("s3cret") != session_value("other")
    True
    """
    return hmac.new(token.encode(), b"orgkg web session", hashlib.sha256).hexdigest()


def allowed_hosts(configured: Iterable[str], bound_host: str | None = None) -> frozenset[str]:
    """The Host names accepted: the loopback names, the bound host (unless a wildcard) and ``configured``.

    Examples
    --------
    >>> sorted(allowed_hosts(["orgkg.example.com"], "192.168.1.5"))
    ['127.0.0.1', '192.168.1.5', '[::1]', 'localhost', 'orgkg.example.com']
    """
    hosts = set(DEFAULT_HOSTS)
    if bound_host and bound_host not in ("0.0.0.0", "::", ""):
        hosts.add(f"[{bound_host}]" if ":" in bound_host and not bound_host.startswith("[") else bound_host)
    hosts.update(host_of(name) if name != "*" else "*" for name in configured if name.strip())
    return frozenset(hosts)


class Guard:
    """ASGI middleware: Host check, then token, then body size (see the module docstring)."""

    # Added with ``app.add_middleware``: Starlette builds it around everything, error handlers included.

    def __init__(self, app, *, hosts: frozenset[str], token: str | None, max_body_bytes: int) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token or None
        self.session = session_value(token) if token else None
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope["type"] == "websocket":  # orgkg serves none: close before accepting (a 403 to the client)
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":  # lifespan
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        host = host_of(headers.get("host", ""))
        if "*" not in self.hosts and host not in self.hosts:
            shown = host or "(none)"
            message = f"Host {shown!r} is not served here; add it to ORGKG_ALLOWED_HOSTS if it should be"
            await _refuse(send, 400, "HostNotAllowed", message)
            return
        if self.token is not None and not await self._authorised(scope, headers, send):
            return
        if scope["method"] in _BODY_METHODS:
            receive = await self._bounded_body(headers, receive, send)
            if receive is None:
                return
        await self.app(scope, receive, send)

    # ------------------------------------------------------------------ token

    async def _authorised(self, scope: Scope, headers: dict[str, str], send) -> bool:
        """True when the request carries the token; otherwise the answer (401 or the login redirect) is sent."""
        scheme, _, credentials = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(credentials.strip().encode(), self.token.encode()):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # an unparsable Cookie header is no session
            cookie = SimpleCookie()
        if SESSION_COOKIE in cookie and hmac.compare_digest(cookie[SESSION_COOKIE].value, self.session):
            return True
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [value for key, value in query if key == "token"]
        opens_page = bool(given) and scope["method"] in ("GET", "HEAD")
        if opens_page and hmac.compare_digest(given[-1].encode(), self.token.encode()):
            await self._start_session(scope, query, send)
            return False
        await _refuse(
            send,
            401,
            "Unauthorized",
            "this server needs its token: send 'Authorization: Bearer <token>', or open the page once "
            "with ?token=<token> (the value of ORGKG_API_TOKEN)",
            extra_headers=[(b"www-authenticate", b'Bearer realm="orgkg"')],
        )
        return False

    async def _start_session(self, scope: Scope, query: list[tuple[str, str]], send) -> None:
        """Redirect to the same URL without the token, setting the session cookie."""
        rest = urlencode([(key, value) for key, value in query if key != "token"])
        location = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
        cookie = f"{SESSION_COOKIE}={self.session}; HttpOnly; SameSite=Strict; Path=/"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", location.encode("latin-1", "replace")),
                    (b"set-cookie", cookie.encode()),
                    (b"cache-control", b"no-store"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"content-length", b"0"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})

    # ------------------------------------------------------------------ body

    async def _bounded_body(self, headers: dict[str, str], receive, send):
        """A ``receive`` replaying the whole body once it is known to be within the limit, else None (413 sent)."""
        limit = self.max_body_bytes
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await _refuse(send, 400, "BadRequest", f"Content-Length {declared!r} is not a number of bytes")
                return None
            if int(declared) > limit:
                await _refuse(send, 413, "ContentTooLarge", _too_large(int(declared), limit))
                return None
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > limit:
                await _refuse(send, 413, "ContentTooLarge", _too_large(size, limit, at_least=True))
                return None
            if not message.get("more_body", False):
                break
        pending = iter(messages)

        async def replay():
            for message in pending:
                return message
            return await receive()  # after the body: the disconnect, when it comes

        return replay


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    amount = f"{'over ' if at_least else ''}{size:,} bytes"
    return f"the request body is {amount}; the limit is {limit:,} bytes (ORGKG_MAX_BODY_BYTES)"


def _headers(scope: Scope) -> dict[str, str]:
    """Request headers by lower-case name (the last one wins), decoded as HTTP does (latin-1)."""
    return {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}


async def _refuse(send, status: int, error: str, detail: str, extra_headers: list | None = None) -> None:
    body = json.dumps({"detail": detail, "error": error}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *(extra_headers or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
