"""Query parameters as FalkorDB's ``CYPHER name=value ...`` header, written fast (orjson) and exactly.

FalkorDB takes parameters as a text header before the query (the falkordb client builds it in pure
Python, one value at a time, which dominated large ``UNWIND $rows`` writes). They stay parameters:
nothing of the values is spliced into the query body, and the engine parses each value as a literal.

orjson's JSON is a Cypher literal but for three things, each handled here:

* map keys: JSON quotes them (``"id":``), Cypher wants a name. The value's distinct keys are
  collected first; when all are plain identifiers, each ``"key":`` becomes `` `key`: ``. Such a
  match is always a whole key: its closing quote follows a letter, so it is unescaped and, followed by
  ``:``, ends a key, and no key holds a quote for the opening one to belong to. A key that is not a
  plain identifier sends the value through the falkordb client's own (slow) encoder instead;
* control characters: JSON writes ``\\u0001``, which FalkorDB keeps as six characters, so they are sent
  raw (the engine reads them raw, as the client sends them); ``\\n``, ``\\t``, ``\\r``, ``\\b``, ``\\f``,
  ``\\"`` and ``\\\\`` mean the same in both;
* NUL: the engine ends the query text there, so a NUL in a value is refused (:class:`InvalidParameter`).

Numbers: integers must fit 64 bits (orjson refuses larger ones). A non-finite float goes as ``null``
(orjson's choice, and what the snapshot's own JSON holds for it), so it removes the property.

The writer's batches arrive already written with names for keys (:mod:`graph.stores.rows`, orjson
for every value): :func:`cypher_rows` applies the text rules above to them and marks them
:class:`CypherText`, which the header sends as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import orjson
from falkordb.helpers import stringify_param_value

from graph.errors import InvalidParameter

__all__ = ["CypherText", "cypher_literal", "cypher_rows", "params_header"]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPE = re.compile(rb"\\(\\|u00[01][0-9a-f])")


class CypherText(str):
    """A parameter value already written as its Cypher literal: the header sends it as it is."""

    __slots__ = ()


def _raw_control(match: re.Match[bytes]) -> bytes:
    escape = match.group(1)
    if escape == b"\\":
        return b"\\\\"
    code = int(escape[3:], 16)
    if code == 0:
        raise ValueError("NUL")
    return bytes([code])


def _map_keys(value: Any) -> set[Any]:
    """Every key of every map inside ``value`` (only containers are walked, not their scalars)."""
    keys: set[Any] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            keys.update(item)
            item = item.values()
        for child in item:
            if isinstance(child, dict | list | tuple):
                stack.append(child)
    return keys


def cypher_literal(name: str, value: Any) -> str:
    """The Cypher literal of one parameter value, as the engine should read it back.

    Examples
    --------
    >>> cypher_literal("rows", [{"id": "role:a", "n": 1, "ok": True, "x": None}])
    '[{`id`:"role:a",`n`:1,`ok`:true,`x`:null}]'
    >>> cypher_literal("s", 'say "hi"\\n\\x01')
    '"say \\\\"hi\\\\"\\\\n\\x01"'
    """
    if isinstance(value, CypherText):
        return value
    try:
        text = orjson.dumps(value)
    except orjson.JSONEncodeError as err:
        raise InvalidParameter(name, f"cannot be sent to FalkorDB: {err}") from err
    if b'":' in text:
        keys = _map_keys(value)
        if not all(isinstance(key, str) and _NAME.fullmatch(key) for key in keys):
            return stringify_param_value(value)  # a key that is not a plain name: the client's own encoder
        for key in keys:
            text = text.replace(b'"%s":' % key.encode(), b"`%s`:" % key.encode())
    return _raw_controls(name, text).decode()


def _raw_controls(name: str, text: bytes) -> bytes:
    if b"\\u00" in text:
        try:
            text = _ESCAPE.sub(_raw_control, text)
        except ValueError as err:
            raise InvalidParameter(name, "text with a NUL character cannot be stored") from err
    return text


def cypher_rows(name: str, rows: bytes) -> CypherText:
    """A batch written by orjson with names for keys (``[{`id`:"a\\u0001"}]``) as the literal to send.

    Examples
    --------
    >>> orjson.dumps(["a" + chr(1)]), cypher_rows("rows", orjson.dumps(["a" + chr(1)])) == '["a' + chr(1) + '"]'
    (b'["a\\\\u0001"]', True)
    """
    return CypherText(_raw_controls(name, rows).decode())


def params_header(params: Mapping[str, Any] | None) -> str:
    """``CYPHER `a`=... `b`=... `` for ``params`` (empty for none), to put before the query text.

    Examples
    --------
    >>> params_header({"ids": ["a", "b"], "limit": 5})
    'CYPHER `ids`=["a","b"] `limit`=5 '
    >>> params_header(None)
    ''
    """
    if not params:
        return ""
    parts = ["CYPHER"]
    for name, value in params.items():
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise InvalidParameter(str(name), "parameter names must be plain identifiers")
        parts.append(f"`{name}`={cypher_literal(name, value)}")
    return " ".join(parts) + " "
