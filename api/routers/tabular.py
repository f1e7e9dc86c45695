"""CSV answers for tabular routes: ``?format=csv`` or ``Accept: text/csv``, as a download.

Each ``*_table`` function turns one query result into a header and rows; :func:`respond` sends either
the result (JSON) or its table (CSV).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Literal

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from graph.ids import slugify
from graph.queries.gap import SkillGap
from graph.queries.listings import Page
from graph.queries.models import RoleSummary
from graph.queries.overlap import OverlapMatrix
from graph.queries.shared import SharedCompetencies
from graph.queries.similar import SimilarRoles

__all__ = [
    "CSV",
    "FormatQuery",
    "gap_table",
    "overlap_table",
    "respond",
    "roles_table",
    "shared_table",
    "similar_table",
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


def _cell(value: object) -> object:
    # Spreadsheets run cells that start like a formula; quote them so a role title cannot.
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
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
    request: Request, format: str | None, result: BaseModel, to_table: Callable[..., Table], filename: str
) -> BaseModel | Response:
    """``result`` as JSON, or as a CSV download when the client asked for CSV."""
    return csv_response(to_table(result), filename) if wants_csv(request, format) else result


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
    header = ["kind", "status", "id", "name", "category", "from_weight", "to_weight"]
    rows = []
    for kind in ("skill", "kpi"):
        rows += [[kind, "missing", i.id, i.name, i.category, "", i.weight] for i in getattr(gap, f"missing_{kind}s")]
        rows += [
            [kind, "shared", i.id, i.name, i.category, i.from_weight, i.to_weight]
            for i in getattr(gap, f"shared_{kind}s")
        ]
        rows += [[kind, "surplus", i.id, i.name, i.category, i.weight, ""] for i in getattr(gap, f"surplus_{kind}s")]
    return header, rows


def similar_table(similar: SimilarRoles) -> Table:
    header = ["rank", "id", "title", "score", "shared_count", "top_shared"]
    return header, (
        [rank, r.role.id, r.role.title, r.score, r.shared_count, "; ".join(c.name for c in r.top_shared)]
        for rank, r in enumerate(similar.results, start=1)
    )
