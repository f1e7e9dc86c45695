"""FalkorDB store: the embedded server (default) or an external FalkorDB reached by URL.

Reads use ``GRAPH.RO_QUERY`` (the engine refuses writes) with a per-query ``timeout``; engine errors
become orgkg's: "Query timed out" → :class:`QueryTimeout`, "to be executed only on read-only
queries" → :class:`QueryRefused`, parse errors → :class:`QueryFailed` with line and column.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as GraphPath
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.errors import QueryFailed, QueryRefused, QueryTimeout, StoreError, StoreUnavailable
from graph.model import NodeLabel
from graph.stores.base import CypherResult, Store, check_params, json_safe, node_dict, relationship_dict
from graph.stores.falkordb_server import EmbeddedFalkorDB

__all__ = ["FalkorDBStore", "falkordb_error"]

_T = TypeVar("_T")
_POSITION = re.compile(r"line: (\d+), column: (\d+)")
_INDEX_STATEMENTS = {label: f"CREATE INDEX FOR (n:{label.value}) ON (n.id)" for label in NodeLabel}
_RESOLVE_IDS = "UNWIND $ids AS i MATCH (n) WHERE id(n) = i RETURN collect([i, n.id])"
QUERY_MEM_CAPACITY = 1 << 30  # bytes one query may use on the embedded server


def falkordb_error(err: redis.exceptions.ResponseError, time_limit_ms: int, graph_name: str = "orgkg") -> Exception:
    """The orgkg error for a FalkorDB error reply.

    Examples
    --------
    >>> from redis.exceptions import ResponseError
    >>> err = falkordb_error(ResponseError("errMsg: Invalid input 'X': expected MATCH line: 2, column: 7, offset: 9"
    ...                                    " errCtx: RETURN X errCtxOffset: 7"), 1000)
    >>> type(err).__name__, err.line, err.column, str(err)
    ('QueryFailed', 2, 7, "Invalid input 'X': expected MATCH (line 2, column 7)")
    >>> type(falkordb_error(ResponseError("Query timed out"), 1000)).__name__
    'QueryTimeout'
    """
    message = str(err)
    lowered = message.lower()
    if "timed out" in lowered:
        return QueryTimeout(time_limit_ms)
    if "only on read-only queries" in lowered:
        return QueryRefused("the engine refused to run a write in read-only mode: analyst queries are read-only")
    if "empty key" in lowered:
        return QueryFailed(f"the graph {graph_name!r} does not exist yet: run `orgkg sync` to load it")
    if match := _POSITION.search(message):
        line, column = int(match.group(1)), int(match.group(2))
        text = message[: match.start()].removeprefix("errMsg:").strip()
        return QueryFailed(f"{text} (line {line}, column {column})", line, column)
    return QueryFailed(message.removeprefix("errMsg:").strip())


class FalkorDBStore(Store):
    """A FalkorDB graph: embedded (``data_dir``) or external (``url``, e.g. ``redis://host:6379``).

    Parameters
    ----------
    data_dir : Path, optional
        Directory of the embedded server (``settings.falkordb_dir``); ignored when ``url`` is given.
    url : str, optional
        An external FalkorDB (``redis://``, ``rediss://`` or ``unix://``).
    graph_name : str
        The graph key.
    time_limit_ms, max_rows : int
        Defaults and ceilings for :meth:`run_read`.
    """

    engine = "falkordb"

    def __init__(
        self,
        *,
        data_dir: Path | None = None,
        url: str | None = None,
        graph_name: str = "orgkg",
        time_limit_ms: int = 5000,
        max_rows: int = 1000,
        startup_timeout: float = 15.0,
    ) -> None:
        if url is None and data_dir is None:
            raise ValueError("give the embedded store's data_dir or an external FalkorDB url")
        self.graph_name = graph_name
        self.default_time_limit_ms = time_limit_ms
        self.default_max_rows = max_rows
        self.url = url
        self.server: EmbeddedFalkorDB | None = None
        if url is None:
            assert data_dir is not None
            self.server = EmbeddedFalkorDB(
                data_dir,
                startup_timeout=startup_timeout,
                module_args=["RESULTSET_SIZE", str(max_rows + 1), "QUERY_MEM_CAPACITY", str(QUERY_MEM_CAPACITY)],
            )
        self._connect()

    def _connect(self) -> None:
        try:
            if self.server is not None:
                self.server.start()
                # One quick retry: a vanished embedded server is restarted by `_call`, not waited for.
                self._db = FalkorDB(unix_socket_path=str(self.server.socket_path), retry=Retry(NoBackoff(), 1))
                self._raise_resultset_cap()
            else:
                assert self.url is not None
                self._db = FalkorDB.from_url(self.url)
                self._db.connection.ping()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as err:
            where = self.url or (self.server.socket_path if self.server else "?")
            raise StoreUnavailable(f"cannot reach FalkorDB at {where}: {err}") from err
        self._graph = self._db.select_graph(self.graph_name)

    def _raise_resultset_cap(self) -> None:
        """A server started by another orgkg may cap results lower than our row limit: raise the cap."""
        cap = int(self._db.config_get("RESULTSET_SIZE"))
        if 0 <= cap <= self.default_max_rows:
            self._db.config_set("RESULTSET_SIZE", self.default_max_rows + 1)

    def describe(self) -> str:
        if self.server is not None:
            return f"embedded FalkorDB at {self.server.socket_path} (graph {self.graph_name!r})"
        return f"FalkorDB at {self.url} (graph {self.graph_name!r})"

    def _call(self, action: Callable[[], _T]) -> _T:
        """Run ``action``; if the embedded server went away (its owner stopped it), start it and retry once."""
        try:
            return action()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as err:
            if self.server is None:
                raise StoreUnavailable(f"FalkorDB at {self.url} is unreachable: {err}") from err
            with contextlib.suppress(redis.exceptions.RedisError):
                self._db.close()
            self._connect()
            try:
                return action()
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as again:
                raise StoreUnavailable(f"the embedded FalkorDB is unreachable: {again}") from again

    # ------------------------------------------------------------------ reads

    def run_read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        time_limit_ms: int | None = None,
        max_rows: int | None = None,
    ) -> CypherResult:
        checked = check_params(params)
        limit_ms, row_cap = self.limits(time_limit_ms, max_rows)
        started = time.perf_counter()
        try:
            try:
                result = self._call(lambda: self._graph.ro_query(query, checked or None, timeout=limit_ms))
            except redis.exceptions.ResponseError as err:
                if "empty key" not in str(err) or not self._create_graph():
                    raise
                result = self._call(lambda: self._graph.ro_query(query, checked or None, timeout=limit_ms))
        except redis.exceptions.ResponseError as err:
            raise falkordb_error(err, limit_ms, self.graph_name) from err
        rows = result.result_set
        truncated = len(rows) > row_cap
        converted = self._convert(rows[:row_cap])
        return CypherResult(
            columns=[str(name) for _, name in result.header],
            rows=converted,
            truncated=truncated,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 3),
        )

    def _create_graph(self) -> bool:
        """Create the (empty) graph so reads on a store nothing was synced to yet answer; False if refused."""
        try:
            self._call(lambda: self._graph.query("RETURN 0"))
        except redis.exceptions.ResponseError:  # e.g. an external server where this user may not write
            return False
        return True

    def _convert(self, rows: list[list[Any]]) -> list[list[Any]]:
        known: dict[int, Any] = {}
        pending: list[dict[str, Any]] = []

        def convert(value: Any) -> Any:
            if isinstance(value, Node):
                node = node_dict(value.id, value.labels or [], value.properties)
                known[value.id] = node["id"]
                return node
            if isinstance(value, Edge):
                rel = relationship_dict(str(value.relation), value.src_node, value.dest_node, value.properties)
                pending.append(rel)
                return rel
            if isinstance(value, GraphPath):
                return {
                    "nodes": [convert(node) for node in value.nodes()],
                    "relationships": [convert(edge) for edge in value.edges()],
                }
            if isinstance(value, list | tuple):
                return [convert(item) for item in value]
            if isinstance(value, Mapping):
                return {str(key): convert(item) for key, item in value.items()}
            return json_safe(value)

        out = [[convert(cell) for cell in row] for row in rows]
        missing = sorted({end for rel in pending for end in (rel["start"], rel["end"]) if end not in known})
        if missing:
            resolved = self._call(lambda: self._graph.ro_query(_RESOLVE_IDS, {"ids": missing}))
            for internal, node_id in resolved.result_set[0][0]:
                known[internal] = node_id if node_id is not None else internal
        for rel in pending:
            rel["start"] = known.get(rel["start"], rel["start"])
            rel["end"] = known.get(rel["end"], rel["end"])
        return out

    def fetch_all(self, query: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        try:
            result = self._call(lambda: self._graph.ro_query(query, dict(params) if params else None))
        except redis.exceptions.ResponseError as err:
            if "empty key" in str(err):  # nothing was ever written to this graph
                return []
            raise StoreError(f"FalkorDB refused an internal read: {err}") from err
        return [[json_safe(cell) for cell in row] for row in result.result_set]

    # ------------------------------------------------------------------ writes

    def execute_write(self, query: str, params: Mapping[str, Any] | None = None) -> CypherResult:
        started = time.perf_counter()
        try:
            result = self._call(lambda: self._graph.query(query, dict(params) if params else None))
        except redis.exceptions.ResponseError as err:
            raise StoreError(f"FalkorDB refused a write: {err}") from err
        return CypherResult(
            columns=[str(name) for _, name in result.header],
            rows=[[json_safe(cell) for cell in row] for row in result.result_set],
            elapsed_ms=round((time.perf_counter() - started) * 1000, 3),
        )

    def _existing_schema(self) -> tuple[set[str], set[str]]:
        """Labels with an ``id`` index and labels with a unique ``id`` constraint."""
        try:
            indexes = self._call(lambda: self._graph.ro_query("CALL db.indexes() YIELD label, properties "
                                                              "RETURN label, properties")).result_set
            constraints = self._call(self._graph.list_constraints)
        except redis.exceptions.ResponseError:  # the graph does not exist yet
            return set(), set()
        indexed = {label for label, properties in indexes if "id" in properties}
        unique = {c["label"] for c in constraints if c.get("type") == "UNIQUE" and c.get("properties") == ["id"]}
        return indexed, unique

    def ensure_schema(self, labels: Iterable[NodeLabel]) -> None:
        # Check first: a failing DDL command still lands in the append-only file and is replayed on start.
        indexed, unique = self._existing_schema()
        for label in labels:
            try:
                if label.value not in indexed:
                    self._call(lambda label=label: self._graph.query(_INDEX_STATEMENTS[label]))
                if label.value not in unique:
                    command = ["GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label.value]
                    command += ["PROPERTIES", 1, "id"]
                    self._call(lambda command=command: self._db.connection.execute_command(*command))
            except redis.exceptions.ResponseError as err:
                if "already" not in str(err):
                    raise StoreError(f"cannot index {label.value}.id: {err}") from err

    def delete_graph(self) -> None:
        """Drop the whole graph (used by the tests to start from an empty store)."""
        try:
            self._call(self._graph.delete)
        except redis.exceptions.ResponseError as err:
            if "empty key" not in str(err) and "Invalid graph operation" not in str(err):
                raise StoreError(f"cannot delete graph {self.graph_name!r}: {err}") from err

    def close(self) -> None:
        with contextlib.suppress(redis.exceptions.RedisError, AttributeError):
            self._db.close()
        if self.server is not None:
            self.server.stop()
