"""FalkorDB store: the embedded server (default) or an external FalkorDB reached by URL.

Reads use ``GRAPH.RO_QUERY`` (the engine refuses writes) with a per-query ``timeout``; engine errors
become orgkg's: "Query timed out" → :class:`QueryTimeout`, "to be executed only on read-only
queries" → :class:`QueryRefused`, parse errors → :class:`QueryFailed` with line and column.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.graph import Graph
from falkordb.node import Node
from falkordb.path import Path as GraphPath
from falkordb.query_result import QueryResult
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.errors import QueryFailed, QueryRefused, QueryTimeout, StoreError, StoreUnavailable
from graph.model import NodeLabel
from graph.stores.base import CypherResult, Store, check_params, json_safe, node_dict, relationship_dict
from graph.stores.falkordb_params import CypherText, cypher_rows, params_header
from graph.stores.falkordb_server import EmbeddedFalkorDB

__all__ = ["FalkorDBStore", "engine_fault", "falkordb_error"]

_T = TypeVar("_T")
_POSITION = re.compile(r"line: (\d+), column: (\d+)")
_INDEX_STATEMENTS = {label: f"CREATE INDEX FOR (n:{label.value}) ON (n.id)" for label in NodeLabel}
_RESOLVE_IDS = "UNWIND $ids AS i MATCH (n) WHERE id(n) = i RETURN collect([i, n.id])"


_DISK_FULL = ("no space left", "misconf", "enospc", "errors writing to the aof", "unable to persist")


def engine_fault(err: redis.exceptions.ResponseError, what: str) -> StoreError:
    """The orgkg error for an engine that refused a write or internal read; a full disk or memory says so.

    Examples
    --------
    >>> from redis.exceptions import ResponseError
    >>> str(engine_fault(ResponseError("MISCONF Errors writing to the AOF file: No space left"), "a write"))
    ... # doctest: +ELLIPSIS
    'the FalkorDB engine cannot save a write: its disk is full (MISCONF ...); free space in its data directory'
    """
    message = str(err)
    lowered = message.lower()
    if any(sign in lowered for sign in _DISK_FULL):
        verb = "save " + what if what.startswith("a write") else "run " + what
        return StoreUnavailable(
            f"the FalkorDB engine cannot {verb}: its disk is full ({message}); free space in its data directory"
        )
    if lowered.startswith("oom") or "maxmemory" in lowered:
        return StoreUnavailable(
            f"the FalkorDB engine is at its memory cap (falkordb_memory_mb): {message}; raise the cap or load less"
        )
    return StoreError(f"FalkorDB refused {what}: {message}")


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


_CONNECTION_FAULTS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


def _write_result(result: QueryResult, started: float) -> CypherResult:
    return CypherResult(
        columns=[str(name) for _, name in result.header],
        rows=[[json_safe(cell) for cell in row] for row in result.result_set],
        elapsed_ms=round((time.perf_counter() - started) * 1000, 3),
    )


_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY = range(1, 7)  # FalkorDB's compact reply types


class _NotPlain(Exception):
    """A compact reply's cell that is not a scalar or a list of them."""


def _plain_cell(cell: list[Any]) -> Any:
    kind, value = cell
    if kind in (_STRING, _INTEGER, _NULL):
        return value
    if kind == _ARRAY:
        return [_plain_cell(item) for item in value]
    if kind == _DOUBLE:
        return json_safe(float(value))
    if kind == _BOOLEAN:
        return value == "true"
    raise _NotPlain


def _plain_rows(response: list[Any]) -> list[list[Any]] | None:
    """The rows of a compact reply holding only scalars and lists, JSON-safe; None for any other reply.

    The writer's reads collect every hash of a label into one list: the client's parser and
    :func:`json_safe` took two Python calls per element, here one.
    """
    if len(response) != 3 or any(isinstance(part, redis.exceptions.ResponseError) for part in response):
        return None
    try:
        return [[_plain_cell(cell) for cell in row] for row in response[1]]
    except _NotPlain:
        return None


class _Call:
    """One analyst query on the engine, watched: ``killed`` once the watchdog stopped the engine for it."""

    __slots__ = ("active", "deadline", "killed")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.active = False
        self.killed = False


class FalkorDBStore(Store):
    """A FalkorDB graph: embedded (``data_dir``) or external (``url``, e.g. ``redis://host:6379``).

    Every thread has its own connections (one for analyst reads, one for the writer and internal
    reads), each with a socket timeout: analyst reads ``time_limit_ms`` + 10 %, the rest
    ``write_timeout_s``. On the embedded server an analyst query still running after its
    ``time_limit_ms`` is stopped by killing the server (FalkorDB checks its own
    timeout only between operations, not while parsing or planning; the 10 % are left for the kill to
    reach the caller on a busy machine); its caller gets
    :class:`QueryTimeout` at once and a new server is started. Any call that finds the embedded server
    gone starts it again and retries once; what still fails is :class:`StoreUnavailable`.

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
    memory_limit_mb, query_memory_mb, max_queued : int
        The embedded server's address-space cap, FalkorDB's per-query memory cap and its queue length.
    write_timeout_s : float
        The socket timeout of writes and internal reads, and the embedded server's ``TIMEOUT_MAX``.
    max_param_bytes, max_param_depth : int
        Bounds on an analyst query's parameters (:func:`check_params`).
    """

    engine = "falkordb"
    row_keys = "cypher"
    seeks_internal_ids = True
    kept_in_step = True

    def __init__(
        self,
        *,
        data_dir: Path | None = None,
        url: str | None = None,
        graph_name: str = "orgkg",
        time_limit_ms: int = 5000,
        max_rows: int = 1000,
        startup_timeout: float = 15.0,
        memory_limit_mb: int | None = None,
        query_memory_mb: int = 512,
        max_queued: int = 64,
        write_timeout_s: float = 300.0,
        max_param_bytes: int = 65_536,
        max_param_depth: int = 8,
    ) -> None:
        if url is None and data_dir is None:
            raise ValueError("give the embedded store's data_dir or an external FalkorDB url")
        self.graph_name = graph_name
        self.default_time_limit_ms = time_limit_ms
        self.default_max_rows = max_rows
        self.write_timeout_s = write_timeout_s
        self.max_param_bytes = max_param_bytes
        self.max_param_depth = max_param_depth
        self.url = url
        self.server: EmbeddedFalkorDB | None = None
        self._local = threading.local()
        self._clients: list[FalkorDB] = []
        self._clients_lock = threading.Lock()
        self._closed = False
        if url is None:
            assert data_dir is not None
            self.server = EmbeddedFalkorDB(
                data_dir,
                startup_timeout=startup_timeout,
                memory_limit_bytes=memory_limit_mb * 1024 * 1024 if memory_limit_mb else None,
                module_args=[
                    "RESULTSET_SIZE", str(max_rows + 1),
                    "QUERY_MEM_CAPACITY", str(query_memory_mb * 1024 * 1024),
                    "TIMEOUT_MAX", str(int(max(write_timeout_s * 1000, time_limit_ms))),
                    "TIMEOUT_DEFAULT", str(time_limit_ms),
                    "MAX_QUEUED_QUERIES", str(max_queued),
                ],
            )  # fmt: skip
        self._connect()

    # ------------------------------------------------------------------ connections

    def _new_client(self, socket_timeout: float) -> FalkorDB:
        # No retries inside redis-py: a query the watchdog killed must not run again on the new server.
        options: dict[str, Any] = {
            "socket_timeout": socket_timeout,
            "socket_connect_timeout": 5.0,
            "retry": Retry(NoBackoff(), 0),
        }
        if self.server is not None:
            db = FalkorDB(unix_socket_path=str(self.server.socket_path), **options)
        else:
            assert self.url is not None
            db = FalkorDB.from_url(self.url, **options)
        with self._clients_lock:
            self._clients.append(db)
        return db

    def _graph_for(self, kind: str) -> Graph:
        """This thread's graph handle for ``kind`` ("read": analyst reads, "write": the rest)."""
        graphs = getattr(self._local, "graphs", None)
        if graphs is None:
            graphs = self._local.graphs = {}
        graph = graphs.get(kind)
        if graph is None:
            timeout = self.default_time_limit_ms * 1.1 / 1000 if kind == "read" else self.write_timeout_s + 5
            graph = graphs[kind] = self._new_client(timeout).select_graph(self.graph_name)
        return graph

    def _connect(self) -> None:
        try:
            if self.server is not None:
                self.server.start()
            self._graph_for("write").client.connection.ping()
            if self.server is not None:
                self._raise_resultset_cap()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as err:
            where = self.url or (self.server.socket_path if self.server else "?")
            raise StoreUnavailable(f"cannot reach FalkorDB at {where}: {err}") from err

    def _raise_resultset_cap(self) -> None:
        """A server started by another orgkg may cap results lower than our row limit: raise the cap."""
        db = self._graph_for("write").client
        cap = int(db.config_get("RESULTSET_SIZE"))
        if 0 <= cap <= self.default_max_rows:
            db.config_set("RESULTSET_SIZE", self.default_max_rows + 1)

    @property
    def restarts(self) -> int:
        """How often the embedded server was killed by the watchdog (0 for an external server)."""
        return self.server.kills if self.server is not None else 0

    def describe(self) -> str:
        if self.server is not None:
            return f"embedded FalkorDB at {self.server.socket_path} (graph {self.graph_name!r})"
        return f"FalkorDB at {self.url} (graph {self.graph_name!r})"

    def _recover(self, err: Exception) -> None:
        """The engine did not answer: start the embedded server again (or say the external one is down)."""
        if self.server is None:
            raise StoreUnavailable(f"FalkorDB at {self.url} is unreachable: {err}") from err
        if self._closed:
            raise StoreUnavailable("the store is closed") from err
        self.server.start()

    def _call(self, action: Callable[[Graph], _T], kind: str = "write") -> _T:
        """Run ``action`` on this thread's graph; if the embedded server went away, start it and retry once."""
        try:
            return action(self._graph_for(kind))
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as err:
            self._recover(err)
            try:
                return action(self._graph_for(kind))
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as again:
                raise StoreUnavailable(f"the embedded FalkorDB is unreachable: {again}") from again

    def _watched(self, action: Callable[[Graph, int], _T], limit_ms: int) -> _T:
        """Run an analyst read so that its caller has an answer within ``limit_ms`` + 10 %.

        On the embedded server a watchdog kills the server when the read is still running just past
        ``limit_ms``; elsewhere the socket timeout ends the wait. Another read that was running
        on a killed server (not its own fault) is retried once on the new server within its own time.
        """
        started = time.monotonic()
        # The engine gets the same limit; whichever comes first, the answer stays within the limit + 10 %.
        call = _Call(started + limit_ms / 1000)
        timer = None
        if self.server is not None:
            timer = threading.Timer(call.deadline - started, self._overrun, (call, limit_ms))
            timer.daemon = True
            timer.start()
        try:
            for attempt in (1, 2):
                remaining_ms = int((call.deadline - time.monotonic()) * 1000)
                if remaining_ms <= 0:
                    raise QueryTimeout(limit_ms)
                kills = self.restarts
                call.active = True
                try:
                    return action(self._graph_for("read"), min(limit_ms, remaining_ms))
                except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as err:
                    call.active = False
                    if call.killed or isinstance(err, redis.exceptions.TimeoutError):
                        raise QueryTimeout(limit_ms) from err
                    if self.server is not None and self.restarts == kills and self.server.out_of_memory():
                        # Not a watchdog kill: the engine hit its memory cap. Retrying would do it again.
                        self._recover(err)
                        raise StoreUnavailable(
                            "the FalkorDB engine ran out of memory (falkordb_memory_mb) running the queries in "
                            "flight and was restarted; narrow the query (smaller ranges, fewer rows, a LIMIT)"
                        ) from err
                    if attempt == 2:
                        raise StoreUnavailable(f"the FalkorDB engine is unreachable: {err}") from err
                    self._recover(err)
                finally:
                    call.active = False
            raise AssertionError("unreachable")  # pragma: no cover
        finally:
            if timer is not None:
                timer.cancel()

    def _overrun(self, call: _Call, limit_ms: int) -> None:
        """The watchdog: the engine still works on ``call`` past its deadline. Kill it and start anew."""
        if not call.active or self.server is None or self._closed:
            return
        call.killed = True
        self.server.kill(f"an analyst query ran past its time limit of {limit_ms} ms")
        with contextlib.suppress(StoreUnavailable):
            self.server.start()

    # ------------------------------------------------------------------ reads

    def run_read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        time_limit_ms: int | None = None,
        max_rows: int | None = None,
    ) -> CypherResult:
        checked = check_params(params, max_bytes=self.max_param_bytes, max_depth=self.max_param_depth)
        limit_ms, row_cap = self.limits(time_limit_ms, max_rows)
        started = time.perf_counter()

        def read(graph: Graph, timeout_ms: int) -> QueryResult:
            return graph.ro_query(query, checked or None, timeout=timeout_ms)

        try:
            try:
                result = self._watched(read, limit_ms)
            except redis.exceptions.ResponseError as err:
                if "empty key" not in str(err) or not self._create_graph():
                    raise
                result = self._watched(read, limit_ms)
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

    def _write_timeout(self) -> int | None:
        """The engine-side timeout of writes and internal reads: our TIMEOUT_MAX, none on external servers."""
        return int(self.write_timeout_s * 1000) if self.server is not None else None

    def _compact_command(self, verb: str, query: str, params: Mapping[str, Any] | None) -> list[Any]:
        """The raw ``verb`` command (``GRAPH.QUERY`` or ``GRAPH.RO_QUERY``) of a writer's statement or an internal
        read: parameters in orjson's header, a compact reply, the writes' engine-side timeout."""
        command: list[Any] = [verb, self.graph_name, params_header(params) + query, "--compact"]
        if (timeout := self._write_timeout()) is not None:
            command += ["timeout", timeout]
        return command

    def _create_graph(self) -> bool:
        """Create the (empty) graph so reads on a store nothing was synced to yet answer; False if refused."""
        try:
            self._call(lambda graph: graph.query("RETURN 0", timeout=self._write_timeout()))
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
            resolved = self._call(lambda graph: graph.ro_query(_RESOLVE_IDS, {"ids": missing}), "read")
            for internal, node_id in resolved.result_set[0][0]:
                known[internal] = node_id if node_id is not None else internal
        for rel in pending:
            rel["start"] = known.get(rel["start"], rel["start"])
            rel["end"] = known.get(rel["end"], rel["end"])
        return out

    def fetch_all(self, query: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        command = self._compact_command("GRAPH.RO_QUERY", query, params)
        try:
            graph, response = self._call(lambda graph: (graph, graph.execute_command(*command)))
            rows = _plain_rows(response)
            if rows is None:  # an entity, a map, a temporal value ... or an error: the client's own parser
                rows = [[json_safe(cell) for cell in row] for row in QueryResult(graph, response).result_set]
        except redis.exceptions.ResponseError as err:
            if "empty key" in str(err):  # nothing was ever written to this graph
                return []
            raise engine_fault(err, "an internal read") from err
        return rows

    # ------------------------------------------------------------------ writes

    def execute_write(self, query: str, params: Mapping[str, Any] | None = None) -> CypherResult:
        started = time.perf_counter()
        try:
            text = params_header(params) + query  # the writer's big UNWIND batches: orjson, not the client's encoder
            result = self._call(lambda graph: graph.query(text, timeout=self._write_timeout()))
        except redis.exceptions.ResponseError as err:
            raise engine_fault(err, "a write") from err
        return _write_result(result, started)

    def start_write(self, query: str, params: Mapping[str, Any] | None = None) -> Callable[[], CypherResult]:
        """Send the statement now, on this thread, and read its answer when asked: the engine runs it meanwhile.

        No second thread: one that encodes while this one sends would hold the GIL the send needs
        between its chunks, and the engine would wait for the rest of the statement. A connection
        fault on either side runs the statement again through :meth:`execute_write` (which starts
        the embedded server again first), as a fault in :meth:`execute_write` itself does.
        """
        started = time.perf_counter()
        command = self._compact_command("GRAPH.QUERY", query, params)
        graph = self._graph_for("write")
        pool = graph.client.connection.connection_pool
        try:
            connection = pool.get_connection()
        except _CONNECTION_FAULTS:
            return functools.partial(self.execute_write, query, params)
        try:
            connection.send_command(*command)
        except _CONNECTION_FAULTS:
            connection.disconnect()
            pool.release(connection)
            return functools.partial(self.execute_write, query, params)

        def answer() -> CypherResult:
            try:
                response = connection.read_response()
            except _CONNECTION_FAULTS:
                connection.disconnect()
                return self.execute_write(query, params)
            except redis.exceptions.ResponseError as err:
                raise engine_fault(err, "a write") from err
            finally:
                pool.release(connection)
            try:
                return _write_result(QueryResult(graph, response), started)
            except redis.exceptions.ResponseError as err:
                raise engine_fault(err, "a write") from err

        return answer

    def prepare_rows(self, rows: bytes) -> CypherText:
        """A batch written with names for keys, as the parameter header's literal (:func:`cypher_rows`)."""
        return cypher_rows("rows", rows)

    def _existing_schema(self) -> tuple[set[str], set[str]]:
        """Labels with an ``id`` index and labels with a unique ``id`` constraint."""
        try:
            indexes = self._call(
                lambda graph: graph.ro_query("CALL db.indexes() YIELD label, properties RETURN label, properties")
            ).result_set
            constraints = self._call(lambda graph: graph.list_constraints())
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
                    self._call(lambda graph, label=label: graph.query(_INDEX_STATEMENTS[label]))
                if label.value not in unique:
                    command = ["GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label.value]
                    command += ["PROPERTIES", 1, "id"]
                    self._call(lambda graph, command=command: graph.client.connection.execute_command(*command))
            except redis.exceptions.ResponseError as err:
                if "already" not in str(err):
                    raise engine_fault(err, f"indexing {label.value}.id") from err

    def delete_graph(self) -> None:
        """Drop the whole graph (used by the tests to start from an empty store)."""
        try:
            self._call(lambda graph: graph.delete())
        except redis.exceptions.ResponseError as err:
            if "empty key" not in str(err) and "Invalid graph operation" not in str(err):
                raise StoreError(f"cannot delete graph {self.graph_name!r}: {err}") from err

    def close(self) -> None:
        self._closed = True
        with self._clients_lock:
            clients, self._clients = self._clients, []
        for db in clients:
            with contextlib.suppress(redis.exceptions.RedisError, AttributeError, OSError):
                db.connection.close()
        self._local = threading.local()
        if self.server is not None:
            self.server.stop()
