"""CSV answers for tabular routes: ``?format=csv`` or ``Accept: text/csv``, as a download.

Each ``*_table`` function turns one query result into a header and rows; :func:`respond` sends either
the result (JSON) or its table (CSV). A route has CSV when its documented 200 answer has ``text/csv``
(``responses=CSV``); on any other route ``?format=csv`` is a 400 naming the routes that have it
(:func:`check_format`, an app-wide dependency), never a silent JSON answer.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Literal

import orjson
from fastapi import Query, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel
from pydantic_core import to_json

from graph.errors import InvalidParameter
from graph.ids import slugify
from graph.queries.families import FamilySummary
from graph.queries.gap import SkillGap
from graph.queries.listings import KPISummary, Page, SkillSummary
from graph.queries.lookup import SearchResults
from graph.queries.models import RoleSummary, WeightedItem
from graph.queries.overlap import OverlapMatrix
from graph.queries.paths import CareerPaths, CareerStep, NextRoles
from graph.queries.reporting import ReportingChain, Reports
from graph.queries.shared import SharedCompetencies
from graph.queries.similar import SimilarRoles
from graph.stores.base import CypherResult

__all__ = [
    "CSV",
    "FormatQuery",
    "fields_response",
    "chain_table",
    "check_format",
    "csv_routes",
    "cypher_table",
    "families_table",
    "gap_table",
    "json_response",
    "kpis_table",
    "next_table",
    "overlap_table",
    "paths_table",
    "reports_table",
    "respond",
    "roles_table",
    "search_table",
    "shared_table",
    "similar_table",
    "skills_table",
]

FormatQuery = Annotated[
    Literal["json", "csv"] | None, Query(description="`csv` for a download; JSON otherwise (or send Accept: text/csv).")
]
# Documents the CSV alternative of a route's 200 answer in the OpenAPI schema.
CSV: dict[int | str, dict] = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}
Table = tuple[Sequence[str], Iterable[Sequence[object]]]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def wants_csv(request: Request, format: str | None) -> bool:
    if format is not None:
        return format == "csv"
    return "text/csv" in request.headers.get("accept", "")


def has_csv(route: object) -> bool:
    """The route documents a ``text/csv`` 200 answer (``responses=CSV``)."""
    return isinstance(route, APIRoute) and "text/csv" in (route.responses.get(200) or {}).get("content", {})


def csv_routes(openapi: dict) -> list[str]:
    """``METHOD path`` of every operation the OpenAPI document gives a ``text/csv`` 200 answer."""
    return [
        f"{method.upper()} {path}"
        for path, operations in openapi.get("paths", {}).items()
        for method, operation in operations.items()
        if "text/csv" in (operation.get("responses", {}).get("200") or {}).get("content", {})
    ]


async def check_format(request: Request) -> None:
    """Refuse ``?format=`` other than ``json`` on a route without a CSV answer, naming the ones with it.

    Routes with CSV declare ``format`` themselves (:data:`FormatQuery`); this app-wide dependency reads
    the raw query string so that it adds nothing to the other routes' documented parameters.
    """
    if not request.scope.get("query_string"):  # most requests: no parameters to parse at all
        return
    wanted = request.query_params.get("format")
    route = request.scope.get("route")
    if wanted is None or wanted == "json" or has_csv(route):
        return
    where = f"{request.method} {getattr(route, 'path_format', request.url.path)}"
    raise InvalidParameter(
        "format",
        f"{wanted!r} is not available on {where}, which answers JSON only; "
        f"format=csv works on: {', '.join(csv_routes(request.app.openapi()))}",
    )


def _cell(value: object) -> object:
    # Spreadsheets run cells that start like a formula; quote them so a role title cannot.
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def csv_response(table: Table, filename: str) -> Response:
    header, rows = table
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    safe = slugify(filename)[:120] or "orgkg"
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{safe}.csv"'},
    )


def respond(
    request: Request, format: str | None, result: BaseModel | Sequence[BaseModel], to_table: Callable[..., Table],
    filename: str,
) -> Response:
    """``result`` as JSON, or as a CSV download when the client asked for CSV."""
    return csv_response(to_table(result), filename) if wants_csv(request, format) else json_response(result)


def json_response(result: BaseModel | Sequence[BaseModel]) -> Response:
    """``result`` (a model or a list of them) serialised by its own model, once: FastAPI would validate it
    again against the route's ``response_model`` (on another thread-pool trip) and then serialise it.
    The route keeps its ``response_model`` for the OpenAPI schema; a result is built by the query's
    model, so it is valid."""
    return Response(to_json(result), media_type="application/json")


def fields_response(fields: dict) -> Response:
    """A query's plain fields (dicts, lists, scalars, and the graph's own models among them) as JSON:
    the bytes ``pydantic_core.to_json`` writes, by orjson, in about a third of the time (a role card:
    ~30 us against ~85 us). What orjson cannot write (an integer beyond 64 bits) goes to ``to_json``."""
    try:
        body = orjson.dumps(fields, default=_model_json)
    except orjson.JSONEncodeError:
        body = to_json(fields)
    return Response(body, media_type="application/json")


def _model_json(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


_ROLE_COLUMNS = ["id", "title", "level", "level_rank", "grade", "track", "family", "specialty", "function"]


def roles_table(page: Page[RoleSummary]) -> Table:
    return _ROLE_COLUMNS, ([getattr(role, c) for c in _ROLE_COLUMNS] for role in page.items)


def overlap_table(matrix: OverlapMatrix) -> Table:
    header = ["role", *[role.title for role in matrix.roles]]
    return header, ([role.title, *scores] for role, scores in zip(matrix.roles, matrix.scores, strict=True))


def shared_table(shared: SharedCompetencies) -> Table:
    role_ids = [role.id for role in shared.roles]
    header = ["kind", "held_by_all", "id", "name", "category", "held_by", *[role.title for role in shared.roles]]
    rows = []
    for kind, everyone, some in (
        ("skill", shared.skills_all, shared.skills_some),
        ("kpi", shared.kpis_all, shared.kpis_some),
    ):
        for held_by_all, items in ((True, everyone), (False, some)):
            for item in items:
                weights = {h.role_id: h.weight for h in item.holders}
                rows.append(
                    [
                        kind,
                        held_by_all,
                        item.id,
                        item.name,
                        item.category,
                        item.held_by,
                        *[weights.get(role_id, "") for role_id in role_ids],
                    ]
                )
    return header, rows


def gap_table(gap: SkillGap) -> Table:
    """missing (with ``taught_by``: the roles on the way that ask for it), shared (had) and surplus items."""
    header = ["kind", "status", "id", "name", "category", "from_weight", "to_weight", "taught_by"]
    rows = []
    for kind in ("skill", "kpi"):
        rows += [
            [kind, "missing", i.id, i.name, i.category, "", i.weight, "; ".join(r.title for r in i.taught_by)]
            for i in getattr(gap, f"missing_{kind}s")
        ]
        rows += [
            [kind, "shared", i.id, i.name, i.category, i.from_weight, i.to_weight, ""]
            for i in getattr(gap, f"shared_{kind}s")
        ]
        rows += [
            [kind, "surplus", i.id, i.name, i.category, i.weight, "", ""] for i in getattr(gap, f"surplus_{kind}s")
        ]
    return header, rows


def similar_table(similar: SimilarRoles) -> Table:
    header = ["rank", "id", "title", "score", "shared_count", "top_shared"]
    return header, (
        [rank, r.role.id, r.role.title, r.score, r.shared_count, "; ".join(c.name for c in r.top_shared)]
        for rank, r in enumerate(similar.results, start=1)
    )


def _names(items: Iterable[WeightedItem]) -> str:
    return "; ".join(item.name for item in items)


_STEP_COLUMNS = [
    "from_id", "from", "to_id", "to", "kind", "method", "confidence", "cost", "cost_explained", "skill_overlap",
    "skills_to_gain", "kpis_to_gain", "source", "line", "place", "evidence",
]  # fmt: skip


def _step_row(step: CareerStep) -> list[object]:
    evidence = step.evidence
    return [
        step.start.id,
        step.start.title,
        step.end.id,
        step.end.title,
        step.kind,
        step.method,
        step.confidence,
        step.cost,
        step.cost_explained,
        step.skill_overlap,
        _names(step.skills_to_gain),
        _names(step.kpis_to_gain),
        evidence and evidence.source,
        evidence and evidence.line,
        evidence and evidence.place,
        evidence and evidence.sentence,
    ]


def paths_table(found: CareerPaths) -> Table:
    """One row per step: the path's number and cost, then the step (the closest role's path when none)."""
    paths = found.paths or ([found.closest.path] if found.closest else [])
    header = ["path", "path_cost", "step", *_STEP_COLUMNS]
    return header, (
        [number, path.cost, index, *_step_row(step)]
        for number, path in enumerate(paths, start=1)
        for index, step in enumerate(path.steps, start=1)
    )


def next_table(found: NextRoles) -> Table:
    return _STEP_COLUMNS, (_step_row(move) for move in found.moves)


def skills_table(page: Page[SkillSummary]) -> Table:
    header = ["id", "name", "category", "in_taxonomy", "roles"]
    return header, ([s.id, s.name, s.category, s.in_taxonomy, s.roles] for s in page.items)


def kpis_table(page: Page[KPISummary]) -> Table:
    header = ["id", "name", "description", "roles"]
    return header, ([k.id, k.name, k.description, k.roles] for k in page.items)


def families_table(families: list[FamilySummary]) -> Table:
    return ["id", "name", "roles"], ([f.id, f.name, f.roles] for f in families)


def chain_table(chain: ReportingChain) -> Table:
    """The managers above the role, nearest first, then any other managers it also reports to."""
    rows = [[depth, "chain", *[getattr(r, c) for c in _ROLE_COLUMNS]] for depth, r in enumerate(chain.chain, 1)]
    rows += [[1, "other manager", *[getattr(r, c) for c in _ROLE_COLUMNS]] for r in chain.other_managers]
    return ["depth", "line", *_ROLE_COLUMNS], rows


def reports_table(reports: Reports) -> Table:
    header = ["depth", "manager_id", *_ROLE_COLUMNS]
    return header, ([r.depth, r.manager_id, *[getattr(r.role, c) for c in _ROLE_COLUMNS]] for r in reports.all)


def search_table(found: SearchResults) -> Table:
    hits = [*found.roles, *found.skills, *found.kpis]
    return ["kind", "id", "name", "matched", "score"], ([h.kind, h.id, h.name, h.matched, h.score] for h in hits)


def cypher_table(result: CypherResult) -> Table:
    """The result's columns and rows; nodes, relationships, paths and lists as JSON text."""
    return result.columns, result.rows
