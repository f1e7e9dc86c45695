"""One exception hierarchy for the whole project.

The API maps each class to an HTTP status (``api/errors.py``) and the CLI to an exit code, so a new
error only needs a place in this tree.
"""

from __future__ import annotations

from graph.model import Location

__all__ = [
    "AmbiguousRole",
    "CypherError",
    "DocumentError",
    "InputError",
    "InvalidParameter",
    "InvalidSetting",
    "NotFound",
    "NothingLoaded",
    "OrgKGError",
    "QueryFailed",
    "QueryRefused",
    "QueryTimeout",
    "RoleNotFound",
    "SnapshotError",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "UnknownQuery",
]


class OrgKGError(Exception):
    """Base class of every error orgkg raises on purpose."""


class InputError(OrgKGError):
    """The caller gave something that cannot be used; the message says what to fix."""


class DocumentError(InputError):
    """A role document cannot be read or parsed."""

    def __init__(self, path: str, message: str, line: int | None = None, *, at: Location | None = None) -> None:
        """``line`` for a text format; ``at`` for a place in a binary one (page, sheet, row ...).

        Examples
        --------
        >>> str(DocumentError("m.xlsx", "broken cell", at=Location(sheet="Matrix", row=2, column=3)))
        'm.xlsx (sheet Matrix, row 2, column C): broken cell'
        """
        self.path = path
        self.at = at or Location(line=line or 0)
        self.line = line if at is None else (at.line or None)
        self.reason = message
        super().__init__(f"{self.at.cite(path)}: {message}")


class NothingLoaded(InputError):
    """A load read no role and reported errors (a mistyped path, a folder of broken files): the saved
    snapshot is left as it was rather than replaced by an empty graph."""


class InvalidParameter(InputError):
    def __init__(self, name: str, message: str) -> None:
        self.name = name
        super().__init__(f"{name}: {message}")


class InvalidSetting(InvalidParameter):
    """A setting from the environment (``ORGKG_*``) cannot be used; ``name`` is the variable."""


class NotFound(InputError):
    """A named thing does not exist; ``suggestions`` are the closest names that do."""

    def __init__(self, kind: str, query: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.query = query
        self.suggestions = suggestions or []
        message = f"no {kind} matches {query!r}"
        if self.suggestions:
            # quoted: titles hold commas ('Manager, Infrastructure'); the API sends the list as a list
            message += "; did you mean: " + ", ".join(f"'{name}'" for name in self.suggestions)
        super().__init__(message)


class RoleNotFound(NotFound):
    def __init__(self, query: str, suggestions: list[str] | None = None) -> None:
        super().__init__("role", query, suggestions)


class AmbiguousRole(RoleNotFound):
    """A name that several roles hold (a level name of several ladders: "Senior"); ``suggestions`` are they."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        super().__init__(query, suggestions)
        listed = ", ".join(f"'{name}'" for name in suggestions)
        self.args = (f"{query!r} names {len(suggestions)} roles (a level of each one's ladder); one of: {listed}",)

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownQuery(NotFound):
    def __init__(self, query: str, suggestions: list[str] | None = None) -> None:
        super().__init__("catalog query", query, suggestions)


class SnapshotError(OrgKGError):
    """The snapshot file is missing, unreadable or from an incompatible version."""


class StoreError(OrgKGError):
    """A Cypher store failed; ``retry_after`` is how many seconds a client should wait before trying again."""

    retry_after: int = 2


class StoreUnavailable(StoreError):
    """The store cannot be reached or started."""


class StoreBusy(StoreUnavailable):
    """As many analyst queries as allowed are running already; try again in ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class CypherError(InputError):
    """An analyst's Cypher query was not run to completion."""


class QueryRefused(CypherError):
    """The read-only check refused the query before it reached the engine."""


class QueryTimeout(CypherError):
    def __init__(self, time_limit_ms: int) -> None:
        self.time_limit_ms = time_limit_ms
        super().__init__(f"query stopped after its time limit of {time_limit_ms} ms; narrow it or add a LIMIT")


class QueryFailed(CypherError):
    """The engine rejected the query; ``position`` is the 1-based line and column when it names one."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.engine_message = message
        self.line = line
        self.column = column
        if line is not None and f"line {line}" not in message:
            message += f" (line {line}, column {column})"
        super().__init__(message)
