"""The skill gap between two roles (CSV too)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import GraphDep
from api.models import CONFLICT_ERRORS
from api.params import FromRoleQuery, ToRoleQuery
from api.routers.tabular import CSV, FormatQuery, gap_table, respond
from graph.queries import skill_gap
from graph.queries.corrections import with_corrections
from graph.queries.gap import SkillGap

router = APIRouter(tags=["competencies"], responses=CONFLICT_ERRORS)


@router.get("/gap", response_model=SkillGap, summary="Skills and KPIs missing, shared and surplus", responses=CSV)
def get_gap(
    request: Request,
    og: GraphDep,
    from_role: FromRoleQuery,
    to_role: ToRoleQuery,
    format: FormatQuery = None,
):
    gap = with_corrections(skill_gap, og, from_role, to_role)
    return respond(request, format, gap, gap_table, f"gap-{gap.from_role.title}-to-{gap.to_role.title}")
