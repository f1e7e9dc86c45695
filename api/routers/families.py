"""Job families: the list and a family's roles and ladder."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import GraphDep
from api.models import ERRORS, SNAPSHOT_ERRORS
from api.params import NamePath
from graph.queries import family_card, list_families
from graph.queries.corrections import with_corrections
from graph.queries.families import FamilyCard, FamilySummary

router = APIRouter(prefix="/families", tags=["families"])


@router.get(
    "", response_model=list[FamilySummary], summary="Job families with their role counts", responses=SNAPSHOT_ERRORS
)
def get_families(og: GraphDep):
    return list_families(og)


@router.get("/{family:path}", response_model=FamilyCard, summary="A family's roles and ladder", responses=ERRORS)
def get_family(og: GraphDep, family: NamePath):
    return with_corrections(family_card, og, family)
