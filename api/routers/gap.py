"""The skill gap between two roles (CSV too)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import GraphDep
from api.models import ERRORS
from api.routers.tabular import CSV, FormatQuery, gap_table, respond
from graph.queries import skill_gap
from graph.queries.gap import SkillGap

router = APIRouter(tags=["competencies"], responses=ERRORS)


@router.get("/gap", response_model=SkillGap, summary="Skills and KPIs missing, shared and surplus", responses=CSV)
def get_gap(
    request: Request,
    og: GraphDep,
    from_role: Annotated[str | None, Query(alias="from", description="The role someone holds.")] = None,
    to_role: Annotated[str | None, Query(alias="to", description="The role they aim for.")] = None,
    format: FormatQuery = None,
):
    gap = skill_gap(og, from_role, to_role)
    return respond(request, format, gap, gap_table, f"gap-{gap.from_role.title}-to-{gap.to_role.title}")
