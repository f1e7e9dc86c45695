"""Skill gap between two roles: what the target needs that the source lacks (heaviest first), what the
source already has of it, what only the source needs — for skills and KPIs, with weights — and, for
each missing skill, the roles on the cheapest path between the two that ask for it.

The missing items are the gains of ``graph.queries.gains`` (the one gap computation), so the gap and a
path between the same roles agree: every missing skill is gained at exactly one step of the path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from graph.errors import InvalidParameter
from graph.queries.checks import check_name
from graph.queries.gains import to_gain
from graph.queries.items import item, profile
from graph.queries.lookup import resolve_role
from graph.queries.models import Answer, Item, ItemKind, RoleSummary, WeightedItem
from graph.queries.paths import career_paths
from graph.queries.similarity import weighted_jaccard

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["MissingItem", "SharedItem", "SkillGap", "skill_gap", "to_gain"]


class SharedItem(Item):
    """A skill or KPI both roles have, with each role's weight."""

    from_weight: float
    to_weight: float


class MissingItem(WeightedItem):
    """A skill or KPI the target asks and the source lacks, with the roles on the way that ask it too."""

    taught_by: list[RoleSummary] = Field(
        default_factory=list,
        description="Roles between the two on the cheapest path that ask for it, in path order; empty when "
        "only the target does (or there is no path).",
    )


class SkillGap(Answer):
    from_role: RoleSummary
    to_role: RoleSummary
    skill_overlap: float
    kpi_overlap: float
    missing_skills: list[MissingItem] = Field(description="What to gain, heaviest first.")
    shared_skills: list[SharedItem] = Field(description="What the person already has of what the target asks.")
    surplus_skills: list[WeightedItem]
    missing_kpis: list[MissingItem]
    shared_kpis: list[SharedItem]
    surplus_kpis: list[WeightedItem]
    route: list[RoleSummary] = Field(
        description="The cheapest career path's roles, from first; empty when there is no path."
    )
    route_message: str | None = Field(default=None, description="Why there is no route, when there is none.")


def _shared(og: OrgGraph, start: str, end: str, kind: ItemKind) -> list[SharedItem]:
    a, b = profile(og, start, kind), profile(og, end, kind)
    shared = [
        SharedItem(**item(og, i, kind).model_dump(), from_weight=a[i], to_weight=b[i]) for i in a if i in b
    ]
    return sorted(shared, key=lambda s: (-s.to_weight, -s.from_weight, s.name.lower()))


def _missing(og: OrgGraph, start: str, end: str, between: list[str], kind: ItemKind) -> list[MissingItem]:
    return [
        MissingItem(
            **gained.model_dump(),
            taught_by=[RoleSummary.of(og.roles_by_id[r]) for r in between if gained.id in profile(og, r, kind)],
        )
        for gained in to_gain(og, start, end, kind)
    ]


def skill_gap(og: OrgGraph, from_role: str, to_role: str) -> SkillGap:
    """What moving from ``from_role`` to ``to_role`` asks for, in skills and KPIs, and where on the way
    each missing one is asked for.

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
    >>> gap = skill_gap(sample_graph(), "Software Engineer", "Director of Engineering")
    >>> [r.title for r in gap.route][1:-1], [(s.name, [r.title for r in s.taught_by]) for s in gap.missing_skills]
    ... # doctest: +NORMALIZE_WHITESPACE
    (['Engineering Manager', 'Senior Engineering Manager'],
     [('Hiring', ['Engineering Manager', 'Senior Engineering Manager']),
      ('People Leadership', ['Engineering Manager', 'Senior Engineering Manager']),
      ('Strategy', ['Senior Engineering Manager']), ('Budgeting', [])])
    """
    start = resolve_role(og, check_name("from", from_role, "role"))
    end = resolve_role(og, check_name("to", to_role, "role"))
    if start.id == end.id:
        raise InvalidParameter("to", f"is the same role as from ({start.title}); give two different roles")
    found = career_paths(og, start.id, end.id, k=1)
    route = [found.paths[0].steps[0].start, *(step.end for step in found.paths[0].steps)] if found.paths else []
    between = [role.id for role in route[1:-1]]
    return SkillGap(
        from_role=RoleSummary.of(start),
        to_role=RoleSummary.of(end),
        skill_overlap=weighted_jaccard(og.role_skills[start.id], og.role_skills[end.id]),
        kpi_overlap=weighted_jaccard(og.role_kpis[start.id], og.role_kpis[end.id]),
        missing_skills=_missing(og, start.id, end.id, between, "skill"),
        shared_skills=_shared(og, start.id, end.id, "skill"),
        surplus_skills=to_gain(og, end.id, start.id, "skill"),
        missing_kpis=_missing(og, start.id, end.id, between, "kpi"),
        shared_kpis=_shared(og, start.id, end.id, "kpi"),
        surplus_kpis=to_gain(og, end.id, start.id, "kpi"),
        route=route,
        route_message=None if route else found.message,
    )
