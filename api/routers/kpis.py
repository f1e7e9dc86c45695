"""KPIs: the list (how many roles each measures) and a KPI's card (the roles measured by it)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import GraphDep
from api.models import ERRORS, PARAM_ERRORS
from api.params import NamePath, OffsetQuery, PageLimitQuery
from graph.queries import kpi_card, list_kpis
from graph.queries.corrections import with_corrections
from graph.queries.listings import KPICard, KPISummary, Page

router = APIRouter(prefix="/kpis", tags=["kpis"])


@router.get("", response_model=Page[KPISummary], summary="KPIs, most used first", responses=PARAM_ERRORS)
def get_kpis(og: GraphDep, q: str | None = None, limit: PageLimitQuery = 100, offset: OffsetQuery = 0):
    return with_corrections(list_kpis, og, q=q, limit=limit, offset=offset)


@router.get("/{kpi:path}", response_model=KPICard, summary="A KPI and the roles measured by it", responses=ERRORS)
def get_kpi(og: GraphDep, kpi: NamePath):
    return with_corrections(kpi_card, og, kpi)
