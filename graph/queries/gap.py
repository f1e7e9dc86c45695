"""Skill gap between two roles: what the target needs that the source lacks, what both need, what only
the source needs — for skills and KPIs, with weights. Career steps use :func:`to_gain` for their gains.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.errors import InvalidParameter
from graph.queries.checks import check_name
from graph.queries.items import item, profile, weighted_items
from graph.queries.lookup import resolve_role
from graph.queries.models import Item, ItemKind, RoleSummary, WeightedItem, _Result
from graph.queries.similarity import weighted_jaccard

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["SharedItem", "SkillGap", "skill_gap", "to_gain"]


class SharedItem(Item):
    """A skill or KPI both roles have, with each role's weight."""

    from_weight: float
    to_weight: float


class SkillGap(_Result):
    from_role: RoleSummary
    to_role: RoleSummary
    skill_overlap: float
    kpi_overlap: float
    missing_skills: list[WeightedItem]
    shared_skills: list[SharedItem]
    surplus_skills: list[WeightedItem]
    missing_kpis: list[WeightedItem]
    shared_kpis: list[SharedItem]
    surplus_kpis: list[WeightedItem]


def to_gain(og: OrgGraph, start: str, end: str, kind: ItemKind) -> list[WeightedItem]:
    """Skills (or KPIs) of role ``end`` that role ``start`` lacks, with ``end``'s weights, heaviest first.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(i.name, i.weight) for i in to_gain(sample_graph(), "role:manager", "role:sre-manager", "skill")]
    [('SLOs', 1.0), ('Observability', 0.8)]
    """
    source = profile(og, start, kind)
    return weighted_items(og, end, [i for i in profile(og, end, kind) if i not in source], kind)


def _shared(og: OrgGraph, start: str, end: str, kind: ItemKind) -> list[SharedItem]:
    a, b = profile(og, start, kind), profile(og, end, kind)
    shared = [
        SharedItem(**item(og, i, kind).model_dump(), from_weight=a[i], to_weight=b[i]) for i in a.keys() & b.keys()
    ]
    return sorted(shared, key=lambda s: (-s.to_weight, -s.from_weight, s.name.lower()))


def skill_gap(og: OrgGraph, from_role: str, to_role: str) -> SkillGap:
    """What moving from ``from_role`` to ``to_role`` asks for, in skills and KPIs.

    Raises
    ------
    RoleNotFound
        Either role is unknown (with suggestions).
    InvalidParameter
        Both name the same role.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> gap = skill_gap(sample_graph(), "Engineering Manager", "SRE Manager")
    >>> [s.name for s in gap.missing_skills], [s.name for s in gap.surplus_skills], gap.skill_overlap
    (['SLOs', 'Observability'], ['Python'], 0.48)
    """
    start = resolve_role(og, check_name("from", from_role, "role"))
    end = resolve_role(og, check_name("to", to_role, "role"))
    if start.id == end.id:
        raise InvalidParameter("to", f"is the same role as from ({start.title}); give two different roles")
    return SkillGap(
        from_role=RoleSummary.of(start),
        to_role=RoleSummary.of(end),
        skill_overlap=weighted_jaccard(og.role_skills[start.id], og.role_skills[end.id]),
        kpi_overlap=weighted_jaccard(og.role_kpis[start.id], og.role_kpis[end.id]),
        missing_skills=to_gain(og, start.id, end.id, "skill"),
        shared_skills=_shared(og, start.id, end.id, "skill"),
        surplus_skills=to_gain(og, end.id, start.id, "skill"),
        missing_kpis=to_gain(og, start.id, end.id, "kpi"),
        shared_kpis=_shared(og, start.id, end.id, "kpi"),
        surplus_kpis=to_gain(og, end.id, start.id, "kpi"),
    )
