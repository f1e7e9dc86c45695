"""Job families: the list and a family's roles and ladder."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import GraphDep
from api.models import ERRORS, SNAPSHOT_ERRORS, error_responses
from api.params import NamePath
from api.routers.tabular import CSV, FormatQuery, families_table, respond
from graph.queries import family_card, list_families
from graph.queries.corrections import with_corrections
from graph.queries.families import FamilyCard, FamilySummary

router = APIRouter(prefix="/families", tags=["families"])


@router.get(
    "",
    response_model=list[FamilySummary],
    summary="Job families with their role counts",
    responses={**SNAPSHOT_ERRORS, **error_responses(422), **CSV},
)
def get_families(request: Request, og: GraphDep, format: FormatQuery = None):
    return respond(request, format, list_families(og), families_table, "families")


@router.get("/{family:path}", response_model=FamilyCard, summary="A family's roles and ladder", responses=ERRORS)
def get_family(og: GraphDep, family: NamePath):
    return with_corrections(family_card, og, family)
