"""The named catalog: parameterised questions in ``queries/*.cypher`` that both engines answer.

Each file starts with a comment header, then the query::

    // name: career-ladder
    // description: The roles of a job family from the lowest level up ...
    // param: family = "Engineering Management - Infrastructure"  -- the job family, by name or id
    // option: limit = 10  -- how many rows

``param`` lines declare required parameters with an example value; ``option`` lines declare optional
ones with their default. Values are JSON (``"text"``, ``2``, ``null``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process

from graph.errors import InvalidParameter, StoreError, UnknownQuery
from graph.stores.analyst import run_analyst_query
from graph.stores.base import CypherResult, Store

__all__ = [
    "DEFAULT_QUERIES_DIR",
    "CatalogQuery",
    "QueryParam",
    "bind_params",
    "get_query",
    "list_queries",
    "load_query",
    "parse_query",
    "run_catalog_query",
]

DEFAULT_QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"

_HEADER = re.compile(r"^//\s*(name|description|param|option)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?P<value>.+?)\s+--\s+(?P<description>.+)$")
_USED_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class QueryParam(BaseModel):
    name: str
    description: str
    required: bool = True
    example: Any = Field(default=None, description="An example value (the default, for options).")

    @property
    def default(self) -> Any:
        return None if self.required else self.example


class CatalogQuery(BaseModel):
    name: str
    description: str
    params: list[QueryParam] = Field(default_factory=list)
    cypher: str = Field(description="The query, without its header.")

    def example_params(self) -> dict[str, Any]:
        return {param.name: param.example for param in self.params}


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def parse_query(text: str, origin: str = "<query>") -> CatalogQuery:
    """Read one catalog file's text.

    Examples
    --------
    >>> q = parse_query('''// name: demo
    ... // description: Roles of a family.
    ... // param: family = "Security"  -- the family name
    ... // option: limit = 5  -- rows
    ... MATCH (r:Role {family: $family}) RETURN r.title LIMIT $limit''')
    >>> q.name, [(p.name, p.required, p.example) for p in q.params]
    ('demo', [('family', True, 'Security'), ('limit', False, 5)])
    >>> q.cypher
    'MATCH (r:Role {family: $family}) RETURN r.title LIMIT $limit'
    """
    fields: dict[str, str] = {}
    params: list[QueryParam] = []
    lines = text.splitlines()
    body_start = len(lines)
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        match = _HEADER.match(line.strip())
        if not match:
            if line.strip().startswith("//"):
                continue
            body_start = number
            break
        key, value = match.groups()
        if key in ("param", "option"):
            param = _PARAM.match(value)
            if not param:
                raise StoreError(f"{origin}:{number + 1}: write `// {key}: name = <json value>  -- description`")
            params.append(
                QueryParam(
                    name=param["name"],
                    description=param["description"].strip(),
                    required=key == "param",
                    example=_value(param["value"].strip()),
                )
            )
        else:
            fields[key] = value
    cypher = "\n".join(lines[body_start:]).strip()
    for needed in ("name", "description"):
        if not fields.get(needed):
            raise StoreError(f"{origin}: the header has no `// {needed}:` line")
    if not cypher:
        raise StoreError(f"{origin}: no query after the header")
    declared = {param.name for param in params}
    undeclared = sorted(set(_USED_PARAM.findall(cypher)) - declared)
    if undeclared:
        raise StoreError(f"{origin}: the query uses undeclared parameters: {', '.join(undeclared)}")
    return CatalogQuery(name=fields["name"], description=fields["description"], params=params, cypher=cypher)


def load_query(path: Path) -> CatalogQuery:
    query = parse_query(path.read_text(encoding="utf-8"), str(path))
    if query.name != path.stem:
        raise StoreError(f"{path}: the name {query.name!r} differs from the file name {path.stem!r}")
    return query


def list_queries(directory: Path | None = None) -> list[CatalogQuery]:
    """Every catalog query of ``directory`` (``queries/`` of the repository by default), by name."""
    directory = directory or DEFAULT_QUERIES_DIR
    return [load_query(path) for path in sorted(directory.glob("*.cypher"))]


def get_query(name: str, directory: Path | None = None) -> CatalogQuery:
    """The catalog query called ``name``.

    Raises
    ------
    UnknownQuery
        No such query; ``suggestions`` holds the closest names.
    """
    directory = directory or DEFAULT_QUERIES_DIR
    path = directory / f"{name}.cypher"
    if re.fullmatch(r"[A-Za-z0-9_-]+", name) and path.is_file():
        return load_query(path)
    names = [path.stem for path in sorted(directory.glob("*.cypher"))]
    matches = process.extract(name, names, scorer=fuzz.WRatio, limit=3, score_cutoff=50)
    raise UnknownQuery(name, [match[0] for match in matches])


def _coerce(param: QueryParam, value: Any) -> Any:
    """Accept "2" for a number parameter (CLI and query strings give text); refuse other mismatches."""
    example = param.example
    if value is None or example is None:
        return value
    if isinstance(example, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise InvalidParameter(param.name, f"expected true or false, got {value!r}")
    if isinstance(example, int | float):
        if isinstance(value, bool):
            raise InvalidParameter(param.name, f"expected a number, got {value!r}")
        if isinstance(value, int | float):
            return value
        try:
            return int(value) if isinstance(example, int) else float(value)
        except (TypeError, ValueError) as err:
            raise InvalidParameter(param.name, f"expected a number like {example!r}, got {value!r}") from err
    if isinstance(example, str) and not isinstance(value, str):
        raise InvalidParameter(param.name, f"expected text like {example!r}, got {value!r}")
    return value


def bind_params(query: CatalogQuery, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Check ``params`` against the query's declaration: all required given, none unknown; fill options.

    Examples
    --------
    >>> q = parse_query('''// name: demo
    ... // description: d
    ... // param: min_shared = 2  -- at least
    ... // option: limit = 5  -- rows
    ... RETURN $min_shared, $limit''')
    >>> bind_params(q, {"min_shared": "3"})
    {'min_shared': 3, 'limit': 5}
    >>> bind_params(q, {})
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: min_shared: required (at least), e.g. 2
    """
    given = dict(params or {})
    declared = {param.name: param for param in query.params}
    for name in given:
        if name not in declared:
            takes = ", ".join(declared) or "no parameters"
            raise InvalidParameter(name, f"unknown parameter of {query.name}; it takes: {takes}")
    bound: dict[str, Any] = {}
    for param in query.params:
        if param.name in given:
            bound[param.name] = _coerce(param, given[param.name])
        elif param.required:
            raise InvalidParameter(param.name, f"required ({param.description}), e.g. {json.dumps(param.example)}")
        else:
            bound[param.name] = param.default
    return bound


def run_catalog_query(
    store: Store,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    directory: Path | None = None,
    time_limit_ms: int | None = None,
    max_rows: int | None = None,
) -> CypherResult:
    """Run the catalog query ``name`` with ``params`` (checked by :func:`bind_params`) in read-only mode."""
    query = get_query(name, directory)
    bound = bind_params(query, params)
    return run_analyst_query(store, query.cypher, bound, time_limit_ms=time_limit_ms, max_rows=max_rows)
