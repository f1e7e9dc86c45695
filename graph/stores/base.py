"""What every Cypher store offers: read-only analyst queries, batched writes for the writer, DDL.

Two engines implement :class:`Store`: the embedded (or external) FalkorDB and Neo4j 5. Results come
back as a :class:`CypherResult` whose cells are JSON-safe, whichever engine answered:

* a node is ``{"id", "labels", "properties"}`` (``id`` is the node's ``id`` property when it has one),
* a relationship is ``{"type", "start", "end", "properties"}`` (``start``/``end`` are node ids),
* a path is ``{"nodes": [...], "relationships": [...]}``.

Bookkeeping properties of the writer (``sync_id``, ``sync_hash``) are left out of entities.
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

import orjson
from pydantic import BaseModel, Field

from graph.errors import InvalidParameter
from graph.model import NodeLabel

__all__ = [
    "HIDDEN_PROPERTIES",
    "CypherResult",
    "Store",
    "check_params",
    "clamp_limits",
    "json_safe",
    "node_dict",
    "relationship_dict",
]

HIDDEN_PROPERTIES = frozenset({"sync_id", "sync_hash"})

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class CypherResult(BaseModel):
    """The answer of one query: column names, JSON-safe rows, whether rows were cut, time taken."""

    columns: list[str] = Field(default_factory=list)
    rows: list[list[Any]] = Field(default_factory=list)
    truncated: bool = Field(default=False, description="More rows existed than the row limit allowed.")
    elapsed_ms: float = 0.0

    def records(self) -> list[dict[str, Any]]:
        """Rows as ``{column: value}`` dicts.

        Examples
        --------
        >>> CypherResult(columns=["a", "b"], rows=[[1, 2]]).records()
        [{'a': 1, 'b': 2}]
        """
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def json_safe(value: Any) -> Any:
    """A plain JSON value for a scalar or container an engine returned.

    Temporal values become ISO strings, durations seconds, non-finite floats strings, and mappings
    and sequences are converted recursively. Entities (nodes, relationships, paths) are converted by
    each store before calling this.

    Examples
    --------
    >>> json_safe({"when": date(2024, 5, 1), "xs": (1, float("nan")), "d": timedelta(minutes=1)})
    {'when': '2024-05-01', 'xs': [1, 'NaN'], 'd': 60.0}
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value).replace("nan", "NaN")
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(item) for item in value]
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _visible(properties: Mapping[str, Any]) -> dict[str, Any]:
    return {key: json_safe(val) for key, val in properties.items() if key not in HIDDEN_PROPERTIES}


def node_dict(key: Any, labels: Iterable[str], properties: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON form of a node; ``key`` (the engine's own id) is used when the node has no ``id``.

    Examples
    --------
    >>> node_dict(7, ["Role"], {"id": "role:a", "title": "A", "sync_id": "x"})
    {'id': 'role:a', 'labels': ['Role'], 'properties': {'id': 'role:a', 'title': 'A'}}
    """
    node_id = properties.get("id")
    return {"id": node_id if node_id is not None else key, "labels": list(labels), "properties": _visible(properties)}


def relationship_dict(rel_type: str, start: Any, end: Any, properties: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON form of a relationship between the nodes with ids ``start`` and ``end``."""
    return {"type": rel_type, "start": start, "end": end, "properties": _visible(properties)}


def _check_value(name: str, value: Any, max_depth: int) -> int:
    """Check one parameter's value without recursion; returns its size in bytes (about its JSON length)."""
    size = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if item is None or isinstance(item, bool):
            size += 8
        elif isinstance(item, int):
            if not INT64_MIN <= item <= INT64_MAX:  # both engines would clamp it to ±2⁶³ without a word
                raise InvalidParameter(
                    name, f"an integer of {item.bit_length()} bits, beyond the 64-bit range the engines store (±2**63)"
                )
            size += 8
        elif isinstance(item, str):
            size += len(item) + 2
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise InvalidParameter(name, "numbers must be finite")
            size += 8
        elif isinstance(item, list | tuple | Mapping):
            if depth >= max_depth:
                raise InvalidParameter(
                    name, f"lists and maps are nested deeper than {max_depth} levels (cypher_max_param_depth)"
                )
            size += 2
            if isinstance(item, Mapping):
                for key, child in item.items():
                    if not isinstance(key, str) or not _PARAM_NAME.match(key):
                        raise InvalidParameter(name, f"map key {key!r} must be a plain identifier")
                    size += len(key) + 1
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in item)
        else:
            raise InvalidParameter(name, f"unsupported value type {type(item).__name__}; use JSON values")
        size += 1
    return size


def clamp_limits(
    time_limit_ms: int | None, max_rows: int | None, default_time_limit_ms: int, default_max_rows: int
) -> tuple[int, int]:
    """Limits for one call: a call may ask for less than the defaults, never more.

    Examples
    --------
    >>> clamp_limits(100_000, 10, 5000, 1000)
    (5000, 10)
    >>> clamp_limits(None, None, 5000, 1000)
    (5000, 1000)
    """
    time_limit = default_time_limit_ms if time_limit_ms is None else time_limit_ms
    rows = default_max_rows if max_rows is None else max_rows
    return max(1, min(time_limit, default_time_limit_ms)), max(1, min(rows, default_max_rows))


def check_params(params: Mapping[str, Any] | None, *, max_bytes: int = 65_536, max_depth: int = 8) -> dict[str, Any]:
    """Validate query parameters: identifier names, JSON values, bounded size and nesting; a plain dict.

    ``max_bytes`` bounds all values together (about their JSON length), ``max_depth`` the nesting of
    lists and maps (the engine's parser pays for nesting as it does in the query).

    Examples
    --------
    >>> check_params({"role": "SRE Manager", "min_shared": 2})
    {'role': 'SRE Manager', 'min_shared': 2}
    >>> check_params({"bad name": 1})
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: bad name: parameter names are letters, digits and _ (not starting with a digit)
    >>> check_params({"xs": [[[1]]]}, max_depth=2)
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: xs: lists and maps are nested deeper than 2 levels (cypher_max_param_depth)
    >>> check_params({"n": [1, 10**30]})
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: n: an integer of 100 bits, beyond the 64-bit range the engines store (±2**63)
    """
    checked: dict[str, Any] = {}
    total = 0
    for name, value in (params or {}).items():
        if not isinstance(name, str) or not _PARAM_NAME.match(name):
            raise InvalidParameter(str(name), "parameter names are letters, digits and _ (not starting with a digit)")
        total += len(name) + _check_value(name, value, max_depth)
        if total > max_bytes:
            raise InvalidParameter(
                name, f"the parameters exceed {max_bytes} bytes (cypher_max_param_bytes); send less or narrow the query"
            )
        checked[name] = value
    return checked


class Store(ABC):
    """A Cypher graph store. Use it as a context manager or call :meth:`close`.

    Subclasses set ``engine`` ("falkordb" or "neo4j") and ``default_time_limit_ms`` /
    ``default_max_rows`` (from the settings) for calls that give no limits.
    """

    engine: str = "cypher"
    default_time_limit_ms: int = 5000
    default_max_rows: int = 1000
    row_keys: Literal["json", "cypher"] = "json"
    """How the writer writes its batches for :meth:`prepare_rows` (:mod:`graph.stores.rows`)."""
    seeks_internal_ids: bool = False
    """Whether the writer creates relationships with their ends found by the engine's own node ids
    (``RELATIONSHIP_CREATE_BY_INTERNAL_ID``: a seek, cheaper there than an index lookup by ``id``)."""
    kept_in_step: bool = False
    """Whether whoever opens the store syncs it with the current snapshot first (the server, ``orgkg cypher``):
    an embedded or external FalkorDB is orgkg's own. A Neo4j store is loaded by ``orgkg sync --neo4j`` with an
    editor account; the analyst account that reads it should not write."""

    @abstractmethod
    def run_read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        time_limit_ms: int | None = None,
        max_rows: int | None = None,
    ) -> CypherResult:
        """Run ``query`` in the engine's read-only mode, stopping it at ``time_limit_ms``.

        At most ``max_rows`` rows come back; ``truncated`` says whether there were more.

        Raises
        ------
        QueryRefused
            The engine refused a write.
        QueryTimeout
            The query ran past its time limit.
        QueryFailed
            The engine rejected the query (syntax, unknown function ...), with line/column when known.
        StoreUnavailable
            The engine cannot be reached.
        """

    @abstractmethod
    def execute_write(self, query: str, params: Mapping[str, Any] | None = None) -> CypherResult:
        """Run one write statement (the writer's batches); returns its rows."""

    @abstractmethod
    def fetch_all(self, query: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        """Run one internal read (the writer's look at what is stored) and return all its rows.

        Not for analyst queries: neither the analyst time limit nor the row limit applies. Cells are
        JSON-safe scalars and lists (no entity conversion). The engine's own result-set cap still
        applies (FalkorDB's ``RESULTSET_SIZE``): callers collect into one row or page.
        """

    @abstractmethod
    def ensure_schema(self, labels: Iterable[NodeLabel]) -> None:
        """Create the index (and uniqueness constraint where supported) on ``id`` for each label."""

    @abstractmethod
    def close(self) -> None:
        """Release connections (and stop an embedded server this store started)."""

    def start_write(self, query: str, params: Mapping[str, Any] | None = None) -> Callable[[], CypherResult]:
        """Start one write statement; the function returned waits for it and returns what :meth:`execute_write` does.

        The writer encodes its next batch while the engine runs this one. Here the statement runs on a
        thread of its own (a driver waits on its socket without the GIL); a store that can send a
        statement now and read its answer later does that instead.
        """
        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="orgkg-write")
        future = runner.submit(self.execute_write, query, params)
        runner.shutdown(wait=False)  # its thread ends with this statement
        return future.result

    def prepare_rows(self, rows: bytes) -> Any:
        """The value of a ``$rows`` parameter from a batch written in :attr:`row_keys` style (here JSON).

        The writer calls it while the engine runs the batch before (:meth:`start_write`).
        """
        return orjson.loads(rows)

    def describe(self) -> str:
        """A short human description: engine and where it runs."""
        return self.engine

    def count_elements(self) -> tuple[int, int]:
        """(nodes, relationships) currently stored; used by checks and tests."""
        nodes = self.run_read("MATCH (n) RETURN count(n)").rows[0][0]
        rels = self.run_read("MATCH ()-[r]->() RETURN count(r)").rows[0][0]
        return int(nodes), int(rels)

    def limits(self, time_limit_ms: int | None, max_rows: int | None) -> tuple[int, int]:
        """Effective limits of one call: see :func:`clamp_limits`."""
        return clamp_limits(time_limit_ms, max_rows, self.default_time_limit_ms, self.default_max_rows)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
