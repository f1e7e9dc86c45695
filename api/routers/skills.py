"""Skills: the list (how many roles need each) and a skill's card (the roles that need it)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import GraphDep
from api.models import ERRORS, PARAM_ERRORS
from api.params import NamePath, OffsetQuery, PageLimitQuery
from api.routers.tabular import CSV, FormatQuery, respond, skills_table
from graph.queries import list_skills, skill_card
from graph.queries.corrections import with_corrections
from graph.queries.listings import Page, SkillCard, SkillSummary

router = APIRouter(prefix="/skills", tags=["skills"])


@router.get(
    "", response_model=Page[SkillSummary], summary="Skills, most needed first", responses={**PARAM_ERRORS, **CSV}
)
def get_skills(
    request: Request,
    og: GraphDep,
    q: str | None = None,
    category: str | None = None,
    limit: PageLimitQuery = 100,
    offset: OffsetQuery = 0,
    format: FormatQuery = None,
):
    page = with_corrections(list_skills, og, q=q, category=category, limit=limit, offset=offset)
    return respond(request, format, page, skills_table, "skills")


@router.get("/{skill:path}", response_model=SkillCard, summary="A skill and the roles that need it", responses=ERRORS)
def get_skill(og: GraphDep, skill: NamePath):
    return with_corrections(skill_card, og, skill)
