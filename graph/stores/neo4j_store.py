"""Neo4j 5 store, through the official driver (``bolt://``, ``neo4j://`` routing, ``+s`` TLS variants).

Reads run in managed read transactions (``session.execute_read``: routed to readers, retried on
transient errors) with a per-query server-side timeout (``neo4j.Query(text, timeout=...)``). Access
mode is not a security boundary: give orgkg's analyst connection a user with the built-in ``reader``
role (see the README).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graph.errors import QueryFailed, QueryRefused, QueryTimeout, StoreError, StoreUnavailable
from graph.model import NodeLabel
from graph.stores.base import CypherResult, Store, check_params, json_safe, node_dict, relationship_dict

__all__ = ["STATEMENTS", "Neo4jStore", "neo4j_error"]

_POSITION = re.compile(r"line (\d+), column (\d+)")
_CONSTRAINTS = {
    label: f"CREATE CONSTRAINT orgkg_{label.value.lower()}_id IF NOT EXISTS "
    f"FOR (n:{label.value}) REQUIRE n.id IS UNIQUE"
    for label in NodeLabel
}
_REFUSED_CODES = ("AccessMode", "ForbiddenOnReadOnlyDatabase", "Security.Forbidden")
_UNREACHABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.AuthError,
    neo4j_errors.ConfigurationError,
    ValueError,
)
_RESOLVE_IDS = "UNWIND $ids AS i MATCH (n) WHERE elementId(n) = i RETURN i, n.id"
_DELETE_BATCH = "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)"
# Every statement this module sends by itself (tests/stores/test_neo4j_frontend.py lints them).
STATEMENTS = (*_CONSTRAINTS.values(), _RESOLVE_IDS, _DELETE_BATCH)


def neo4j_error(err: neo4j_errors.Neo4jError, time_limit_ms: int) -> Exception:
    """The orgkg error for a Neo4j server error.

    Examples
    --------
    >>> from neo4j.exceptions import Neo4jError
    >>> err = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError",
    ...     message="Invalid input 'RETRN': expected ... (line 1, column 11 (offset: 10))")
    >>> type(neo4j_error(err, 1000)).__name__, neo4j_error(err, 1000).column
    ('QueryFailed', 11)
    """
    code = err.code or ""
    message = err.message or str(err)
    if "TimedOut" in code or "Terminated" in code:
        return QueryTimeout(time_limit_ms)
    if code.endswith(_REFUSED_CODES):
        return QueryRefused(f"the engine refused the query: {message}; analyst queries are read-only")
    if match := _POSITION.search(message):
        first_line = message.splitlines()[0] if message else message
        return QueryFailed(first_line, int(match.group(1)), int(match.group(2)))
    return QueryFailed(message)


class Neo4jStore(Store):
    """A Neo4j 5 database.

    Parameters
    ----------
    uri : str
        ``neo4j://host:7687`` (routing), ``bolt://host:7687`` (direct) or their ``+s``/``+ssc`` forms.
    user, password : str
        A user with the ``reader`` role for analysts; the writer (``orgkg sync --neo4j``) needs an
        ``editor``/``publisher`` user.
    database : str
        The database name (``neo4j`` by default).
    """

    engine = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        user: str = "neo4j",
        password: str | None = None,
        database: str = "neo4j",
        time_limit_ms: int = 5000,
        max_rows: int = 1000,
        max_param_bytes: int = 65_536,
        max_param_depth: int = 8,
    ) -> None:
        self.uri = uri
        self.max_param_bytes = max_param_bytes
        self.max_param_depth = max_param_depth
        self.database = database
        self.default_time_limit_ms = time_limit_ms
        self.default_max_rows = max_rows
        auth = (user, password) if password is not None else None
        try:
            # Bounded waits on every call: connecting, getting a pooled connection, retrying a transaction.
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=auth,
                connection_timeout=5.0,
                connection_acquisition_timeout=10.0,
                max_transaction_retry_time=max(1.0, time_limit_ms / 1000),
            )
            self._driver.verify_connectivity()
        except _UNREACHABLE as err:
            raise StoreUnavailable(f"cannot reach Neo4j at {uri} as {user!r}: {err}") from err

    def describe(self) -> str:
        return f"Neo4j at {self.uri} (database {self.database!r})"

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
        statement = neo4j.Query(query, timeout=limit_ms / 1000)  # type: ignore[arg-type]

        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[list[Any]], bool]:
            result = tx.run(statement, checked)
            columns = list(result.keys())
            rows: list[list[Any]] = []
            for record in result:
                if len(rows) == row_cap:
                    result.consume()  # discard the rest on the server
                    return columns, self._convert(tx, rows), True
                rows.append(list(record.values()))
            return columns, self._convert(tx, rows), False

        started = time.perf_counter()
        try:
            with self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS, fetch_size=row_cap + 1
            ) as session:
                columns, rows, truncated = session.execute_read(work)
        except neo4j_errors.Neo4jError as err:
            raise neo4j_error(err, limit_ms) from err
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as err:
            raise StoreUnavailable(f"Neo4j at {self.uri} is unreachable: {err}") from err
        return CypherResult(
            columns=columns,
            rows=rows,
            truncated=truncated,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 3),
        )

    @staticmethod
    def _convert(tx: neo4j.ManagedTransaction, rows: list[list[Any]]) -> list[list[Any]]:
        known: dict[str, Any] = {}
        pending: list[dict[str, Any]] = []

        def convert(value: Any) -> Any:
            if isinstance(value, Node):
                node = node_dict(value.element_id, value.labels, dict(value.items()))
                known[value.element_id] = node["id"]
                return node
            if isinstance(value, Relationship):
                start = value.start_node.element_id if value.start_node is not None else None
                end = value.end_node.element_id if value.end_node is not None else None
                rel = relationship_dict(value.type, start, end, dict(value.items()))
                pending.append(rel)
                return rel
            if isinstance(value, Path):
                return {
                    "nodes": [convert(node) for node in value.nodes],
                    "relationships": [convert(rel) for rel in value.relationships],
                }
            if isinstance(value, list | tuple):
                return [convert(item) for item in value]
            if isinstance(value, Mapping):
                return {str(key): convert(item) for key, item in value.items()}
            return json_safe(value)

        out = [[convert(cell) for cell in row] for row in rows]
        missing = sorted({end for rel in pending for end in (rel["start"], rel["end"]) if end not in known})
        if missing:
            for record in tx.run(_RESOLVE_IDS, {"ids": missing}):
                known[record[0]] = record[1] if record[1] is not None else record[0]
        for rel in pending:
            rel["start"] = known.get(rel["start"], rel["start"])
            rel["end"] = known.get(rel["end"], rel["end"])
        return out

    def fetch_all(self, query: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[list[Any]]:
            return [[json_safe(value) for value in record.values()] for record in tx.run(query, dict(params or {}))]

        try:
            with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except neo4j_errors.Neo4jError as err:
            raise StoreError(f"Neo4j refused an internal read: {err.code}: {err.message}") from err
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as err:
            raise StoreUnavailable(f"Neo4j at {self.uri} is unreachable: {err}") from err

    # ------------------------------------------------------------------ writes

    def execute_write(self, query: str, params: Mapping[str, Any] | None = None) -> CypherResult:
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[list[Any]]]:
            result = tx.run(query, dict(params or {}))
            return list(result.keys()), [[json_safe(v) for v in record.values()] for record in result]

        started = time.perf_counter()
        try:
            with self._driver.session(database=self.database) as session:
                columns, rows = session.execute_write(work)
        except neo4j_errors.Neo4jError as err:
            raise StoreError(f"Neo4j refused a write: {err.code}: {err.message}") from err
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as err:
            raise StoreUnavailable(f"Neo4j at {self.uri} is unreachable: {err}") from err
        return CypherResult(columns=columns, rows=rows, elapsed_ms=round((time.perf_counter() - started) * 1000, 3))

    def ensure_schema(self, labels: Iterable[NodeLabel]) -> None:
        try:
            with self._driver.session(database=self.database) as session:
                for label in labels:
                    session.run(_CONSTRAINTS[label]).consume()
        except neo4j_errors.Neo4jError as err:
            raise StoreError(f"cannot create the id constraints in Neo4j: {err.code}: {err.message}") from err

    def delete_graph(self) -> None:
        """Remove every node and relationship of the database, in batches."""
        while True:
            deleted = self.execute_write(_DELETE_BATCH).rows[0][0]
            if not deleted:
                return

    def close(self) -> None:
        self._driver.close()
