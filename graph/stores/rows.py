"""The writer's CREATE batches written straight to bytes: no dict per element, no second encoding.

A first sync sends every element with its properties. Building a Python dict per element
(:func:`~graph.properties.node_properties`) and encoding it afterwards cost more than the engine's
own work, so each batch is written here in one go, in the form the store reads: JSON (Neo4j's driver
gets Python values from it) or, for FalkorDB, the Cypher literal of its parameter header directly
(map keys as names; the text escapes of :mod:`graph.stores.falkordb_params` applied). Values are
encoded by orjson one by one, ``None`` left out (a CREATE stores no null).

The stored properties are exactly those of :func:`~graph.properties.node_properties` and
:func:`~graph.properties.relationship_properties` without their ``None`` values, plus ``sync_hash``;
``tests/stores/test_writer_rows.py`` checks it. A field whose type is not a scalar or a list of scalars
(a role's ``track_at`` evidence) goes through :func:`~graph.properties.store_value` as everywhere else.
"""

from __future__ import annotations

import functools
import operator
import types
import typing
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, Literal

import orjson
from pydantic import BaseModel

from graph.errors import InvalidParameter
from graph.model import Relationship
from graph.properties import store_value, stored_place

__all__ = ["KeyStyle", "engine_id_relationship_rows", "node_rows", "relationship_fields", "relationship_rows"]

KeyStyle = Literal["json", "cypher"]
"""How map keys are written: ``"key":`` (JSON) or ``\\`key\\`:`` (a Cypher map literal)."""

_NODE_EXCLUDE = frozenset({"sections"})
_REL_EXCLUDE = frozenset({"type", "start", "end"})
_SCALARS = (str, int, float, bool, type(None))
_Keys = tuple[tuple[str, bytes], ...]
_QUOTE = {"json": (b'"', b'":'), "cypher": (b"`", b"`:")}


def _plain(annotation: Any) -> bool:
    """Whether a field of this type is a scalar or a list of scalars (stored as it is)."""
    if annotation in _SCALARS or (isinstance(annotation, type) and issubclass(annotation, Enum | str | int | float)):
        return True
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        return all(isinstance(arg, _SCALARS) for arg in args)
    if origin in (typing.Union, types.UnionType):
        return all(_plain(arg) for arg in args)
    if origin is list:
        return all(typing.get_origin(arg) is None and _plain(arg) for arg in args)
    return False


@functools.cache
def _layout(model: type[BaseModel], exclude: frozenset[str], style: KeyStyle) -> tuple[_Keys, _Keys]:
    """((plain field, its key), ...), ((reduced field, its key), ...) of a model, in field order."""
    plain, reduced = [], []
    for name, info in model.model_fields.items():
        if name not in exclude:
            (plain if _plain(info.annotation) else reduced).append((name, _key(name, style)))
    return tuple(plain), tuple(reduced)


def _key(name: str, style: KeyStyle) -> bytes:
    opening, closing = _QUOTE[style]
    return opening + name.encode() + closing


def _properties(element: BaseModel, plain, reduced, dumps: Callable[[Any], bytes]) -> list[bytes]:
    """``key:value`` of every stored property of ``element`` that is not ``None``."""
    members = []
    for name, key in plain:
        value = getattr(element, name)
        if value is not None:
            try:
                members.append(key + dumps(value))
            except orjson.JSONEncodeError as err:  # an integer beyond 64 bits
                raise InvalidParameter(name, f"{getattr(element, 'id', '')} cannot be stored: {err}") from err
    for name, key in reduced:
        value = _reduced_value(element, name)
        if value is not None:
            members.append(key + dumps(value))
    return members


def _reduced_value(element: BaseModel, name: str) -> Any:
    """The stored value of a field that is not a scalar or a list of them (a nested model ...)."""
    return store_value(element.model_dump(mode="json", include={name}).get(name))


def _unstorable(items: Sequence[tuple[BaseModel, str]], names: Sequence[str], err: Exception) -> InvalidParameter:
    """The error naming the first value of ``items`` orjson cannot write (an integer beyond 64 bits)."""
    for element, _ in items:
        for name in names:
            try:
                orjson.dumps(getattr(element, name))
            except orjson.JSONEncodeError as found:
                return InvalidParameter(name, f"{getattr(element, 'id', '')} cannot be stored: {found}")
    return InvalidParameter("rows", f"cannot be stored: {err}")


def node_rows(items: Sequence[tuple[BaseModel, str]], style: KeyStyle = "json") -> bytes:
    """A batch of nodes of one label as a list of maps: each node's stored properties and ``sync_hash``.

    Examples
    --------
    >>> from graph.model import Skill
    >>> node_rows([(Skill(id="skill:go", name="Go"), "h1")])
    b'[{"id":"skill:go","name":"Go","aliases":[],"in_taxonomy":true,"sync_hash":"h1"}]'
    >>> node_rows([(Skill(id="skill:go", name="Go", aliases=["golang"]), "h1")], "cypher")
    b'[{`id`:"skill:go",`name`:"Go",`aliases`:["golang"],`in_taxonomy`:true,`sync_hash`:"h1"}]'
    """
    if not items:
        return b"[]"
    plain, reduced = _layout(type(items[0][0]), _NODE_EXCLUDE, style)
    hash_key = _key("sync_hash", style)
    dumps = orjson.dumps
    out = []
    for node, digest in items:
        members = _properties(node, plain, reduced, dumps)
        members.append(hash_key + dumps(digest))
        out.append(b"{" + b",".join(members) + b"}")
    return b"[" + b",".join(out) + b"]"


def relationship_rows(items: Sequence[tuple[Relationship, str]], style: KeyStyle = "json") -> bytes:
    """A batch of relationships as a list of ``{start, end, props}``: node ids and the stored properties.

    Examples
    --------
    >>> from graph.model import RelType
    >>> rel = Relationship(type=RelType.REQUIRES_SKILL, start="role:a", end="skill:b", source="a.md", line=3,
    ...     evidence="Go")
    >>> row = orjson.loads(relationship_rows([(rel, "h1")]))[0]
    >>> row["start"], row["end"], row["props"]["place"], "page" in row["props"]
    ('role:a', 'skill:b', 'line 3', False)
    >>> relationship_rows([(rel, "h1")], "cypher")[:48]
    b'[{`start`:"role:a",`end`:"skill:b",`props`:{`sou'
    """
    if not items:
        return b"[]"
    plain, reduced = _layout(Relationship, _REL_EXCLUDE, style)
    place_key, hash_key = _key("place", style), _key("sync_hash", style)
    start_key, end_key = b"{" + _key("start", style), b"," + _key("end", style)
    props_key = b"," + _key("props", style)
    dumps = orjson.dumps
    out = []
    for rel, digest in items:
        members = _properties(rel, plain, reduced, dumps)
        if (place := stored_place(rel)) is not None:
            members.append(place_key + dumps(place))
        members.append(hash_key + dumps(digest))
        ends = start_key + dumps(rel.start) + end_key + dumps(rel.end)
        out.append(ends + props_key + b"{" + b",".join(members) + b"}}")
    return b"[" + b",".join(out) + b"]"


@functools.cache
def relationship_fields() -> tuple[str, ...]:
    """The stored properties of a relationship in the order of :func:`engine_id_relationship_rows`' values.

    Examples
    --------
    >>> relationship_fields()[-3:]
    ('mentions', 'place', 'sync_hash')
    """
    plain, reduced = _layout(Relationship, _REL_EXCLUDE, "json")
    return (*(name for name, _ in plain), *(name for name, _ in reduced), "place", "sync_hash")


def engine_id_relationship_rows(
    items: Sequence[tuple[Relationship, str]], starts: dict[str, int], ends: dict[str, int]
) -> bytes:
    """A batch of relationships as lists: the engine's ids of both ends, then every stored property.

    The values follow :func:`relationship_fields`, ``null`` where a property is ``None`` (a CREATE
    with the properties in its pattern stores no null), so a row needs no keys. ``starts`` and
    ``ends`` map the node ids of the start and end label to the engine's node ids.

    Examples
    --------
    >>> from graph.model import RelType
    >>> rel = Relationship(type=RelType.REQUIRES_SKILL, start="role:a", end="skill:b", source="a.md", line=3)
    >>> row = orjson.loads(engine_id_relationship_rows([(rel, "h1")], {"role:a": 7}, {"skill:b": 9}))[0]
    >>> row[:2], dict(zip(relationship_fields(), row[2:], strict=True))["place"], len(row) - 2
    ([7, 9], 'line 3', 14)
    """
    plain, reduced = _layout(Relationship, _REL_EXCLUDE, "json")
    names = [name for name, _ in plain]
    values = operator.attrgetter(*names) if len(names) > 1 else lambda rel: (getattr(rel, names[0]),)
    rows = []
    for rel, digest in items:
        row = [starts[rel.start], ends[rel.end], *values(rel)]
        row.extend(_reduced_value(rel, name) for name, _ in reduced)
        row.append(stored_place(rel))
        row.append(digest)
        rows.append(row)
    try:
        return orjson.dumps(rows)  # one call for the batch: the same bytes as value by value
    except orjson.JSONEncodeError as err:
        raise _unstorable(items, names, err) from err
