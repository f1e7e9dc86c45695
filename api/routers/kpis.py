"""KPIs: the list (how many roles each measures) and a KPI's card (the roles measured by it)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import GraphDep
from api.models import ERRORS, PARAM_ERRORS
from api.params import NamePath, OffsetQuery, PageLimitQuery
from api.routers.tabular import CSV, FormatQuery, kpis_table, respond
from graph.queries import kpi_card, list_kpis
from graph.queries.corrections import with_corrections
from graph.queries.listings import KPICard, KPISummary, Page

router = APIRouter(prefix="/kpis", tags=["kpis"])


@router.get("", response_model=Page[KPISummary], summary="KPIs, most used first", responses={**PARAM_ERRORS, **CSV})
def get_kpis(
    request: Request,
    og: GraphDep,
    q: str | None = None,
    limit: PageLimitQuery = 100,
    offset: OffsetQuery = 0,
    format: FormatQuery = None,
):
    page = with_corrections(list_kpis, og, q=q, limit=limit, offset=offset)
    return respond(request, format, page, kpis_table, "kpis")


@router.get("/{kpi:path}", response_model=KPICard, summary="A KPI and the roles measured by it", responses=ERRORS)
def get_kpi(og: GraphDep, kpi: NamePath):
    return with_corrections(kpi_card, og, kpi)
