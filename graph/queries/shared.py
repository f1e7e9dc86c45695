"""Shared competencies of two or more roles: skills and KPIs all of them hold, those at least ``m`` of
them hold, and what each role holds alone — every entry with each holder's weight and evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.errors import InvalidParameter
from graph.model import RelType
from graph.queries.items import item, profile, weighted_items
from graph.queries.lookup import resolve_roles
from graph.queries.models import Answer, EvidenceRef, Item, ItemKind, RoleSummary, WeightedItem, _Result

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["Holding", "SharedCompetencies", "SharedCompetency", "UniqueCompetencies", "shared_competencies"]

MAX_ROLES = 50
_REL = {"skill": RelType.REQUIRES_SKILL, "kpi": RelType.MEASURED_BY}


class Holding(_Result):
    """One role's hold on a shared skill or KPI."""

    role_id: str
    weight: float
    evidence: EvidenceRef | None = None


class SharedCompetency(Item):
    held_by: int
    mean_weight: float
    holders: list[Holding]


class UniqueCompetencies(_Result):
    role: RoleSummary
    skills: list[WeightedItem]
    kpis: list[WeightedItem]


class SharedCompetencies(Answer):
    roles: list[RoleSummary]
    min_roles: int
    skills_all: list[SharedCompetency]
    skills_some: list[SharedCompetency]
    kpis_all: list[SharedCompetency]
    kpis_some: list[SharedCompetency]
    unique: list[UniqueCompetencies]


def _competencies(og: OrgGraph, role_ids: list[str], kind: ItemKind, min_roles: int) -> list[SharedCompetency]:
    holders: dict[str, list[Holding]] = {}
    for role_id in role_ids:
        for item_id, weight in profile(og, role_id, kind).items():
            evidence = EvidenceRef.of_edge(og.edge(role_id, item_id, _REL[kind]))
            holders.setdefault(item_id, []).append(Holding(role_id=role_id, weight=weight, evidence=evidence))
    found = [
        SharedCompetency(
            **item(og, item_id, kind).model_dump(),
            held_by=len(held),
            mean_weight=round(sum(h.weight for h in held) / len(held), 6),
            holders=held,
        )
        for item_id, held in holders.items()
        if len(held) >= min_roles
    ]
    return sorted(found, key=lambda c: (-c.held_by, -c.mean_weight, c.name.lower()))


def _unique(og: OrgGraph, role_id: str, others: list[str], kind: ItemKind) -> list[WeightedItem]:
    elsewhere = {i for other in others for i in profile(og, other, kind)}
    return weighted_items(og, role_id, kind, elsewhere)


def shared_competencies(og: OrgGraph, roles: list[str], min_roles: int | None = None) -> SharedCompetencies:
    """What ``roles`` have in common, and what sets each apart.

    Parameters
    ----------
    og : OrgGraph
    roles : list of str
        Two to 50 roles (ids, slugs, titles or aliases); duplicates count once.
    min_roles : int, optional
        ``m`` of "held by at least m of n": 2 to n; defaults to 2.

    Returns
    -------
    SharedCompetencies
        ``skills_all``/``kpis_all`` are held by every role; ``skills_some``/``kpis_some`` by at least
        ``min_roles`` but not all; ``unique`` lists what each role alone holds.

    Raises
    ------
    InvalidParameter
        Fewer than two different roles, too many, or ``min_roles`` outside 2..n.
    RoleNotFound
        A role is unknown (with suggestions).

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> found = shared_competencies(sample_graph(), ["SRE Manager", "Platform Engineering Manager", "EM"])
    >>> [c.name for c in found.skills_all], [(c.name, c.held_by) for c in found.skills_some]
    (['People Leadership', 'Hiring', 'Incident Management'], [('Observability', 2)])
    >>> [s.name for s in found.unique[0].skills]
    ['SLOs']
    """
    if not isinstance(roles, list) or len(roles) < 2:
        raise InvalidParameter("roles", "give at least two roles")
    if len(roles) > MAX_ROLES:
        raise InvalidParameter("roles", f"give at most {MAX_ROLES} roles, got {len(roles)}")
    found = resolve_roles(og, roles)
    if len(found) < 2:
        raise InvalidParameter("roles", f"give at least two different roles; all of them name {found[0].title}")
    count = len(found)
    if min_roles is None:
        min_roles = 2
    if isinstance(min_roles, bool) or not isinstance(min_roles, int) or not 2 <= min_roles <= count:
        raise InvalidParameter("min_roles", f"must be between 2 and the number of roles ({count}), got {min_roles!r}")
    ids = [role.id for role in found]
    skills = _competencies(og, ids, "skill", min_roles)
    kpis = _competencies(og, ids, "kpi", min_roles)
    return SharedCompetencies(
        roles=[RoleSummary.of(role) for role in found],
        min_roles=min_roles,
        skills_all=[c for c in skills if c.held_by == count],
        skills_some=[c for c in skills if c.held_by < count],
        kpis_all=[c for c in kpis if c.held_by == count],
        kpis_some=[c for c in kpis if c.held_by < count],
        unique=[
            UniqueCompetencies(
                role=RoleSummary.of(role),
                skills=_unique(og, role.id, [i for i in ids if i != role.id], "skill"),
                kpis=_unique(og, role.id, [i for i in ids if i != role.id], "kpi"),
            )
            for role in found
        ],
    )
