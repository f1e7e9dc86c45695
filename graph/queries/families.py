"""Job families: their roles and their ladder (roles grouped by rank, with the promotions between them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import JobFamily, RelType
from graph.queries.listings import role_order
from graph.queries.lookup import resolve_family
from graph.queries.models import Answer, RoleSummary, _Result
from graph.queries.text import name_key

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["FamilyCard", "FamilySummary", "Promotion", "Rung", "family_card", "family_role_ids", "list_families"]


class FamilySummary(_Result):
    id: str
    name: str
    roles: int


class Rung(_Result):
    """The roles of one rank of a ladder (``rank`` is the level rank, else the grade)."""

    rank: int | None
    levels: list[str]
    roles: list[RoleSummary]


class Promotion(_Result):
    start: str
    end: str


class FamilyCard(Answer):
    family: JobFamily
    roles: list[RoleSummary]
    ladder: list[Rung]
    promotions: list[Promotion]


def family_role_ids(og: OrgGraph, family: JobFamily) -> list[str]:
    """Roles of a family: by IN_FAMILY edge or by the family name on the role."""
    members = set(og.family_roles.get(family.id, []))
    members.update(og.roles_by_family_name.get(name_key(family.name), []))
    return [role.id for role in sorted((og.roles_by_id[i] for i in members), key=role_order)]


def list_families(og: OrgGraph) -> list[FamilySummary]:
    """Every job family with its number of roles, by name.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(f.name, f.roles) for f in list_families(sample_graph())]
    [('Design', 1), ('Engineering', 9)]
    """
    families = sorted(og.families_by_id.values(), key=lambda f: f.name.lower())
    return [FamilySummary(id=f.id, name=f.name, roles=len(family_role_ids(og, f))) for f in families]


def family_card(og: OrgGraph, family: str) -> FamilyCard:
    """A family's roles and its ladder: rungs from the lowest rank up, and the promotions inside it.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> card = family_card(sample_graph(), "Engineering")
    >>> [(rung.rank, len(rung.roles)) for rung in card.ladder]
    [(6, 1), (8, 5), (9, 1), (10, 1), (12, 1)]
    """
    found = resolve_family(og, family)
    role_ids = family_role_ids(og, found)
    members = set(role_ids)
    rungs: dict[int | None, Rung] = {}
    for role_id in role_ids:
        role = og.roles_by_id[role_id]
        rank = role.level_rank if role.level_rank is not None else role.grade
        rung = rungs.setdefault(rank, Rung(rank=rank, levels=[], roles=[]))
        rung.roles.append(RoleSummary.of(role))
        if role.level and role.level not in rung.levels:
            rung.levels.append(role.level)
    promotions = [
        Promotion(start=role_id, end=end)
        for role_id in role_ids
        for end, _ in og.out_edges(role_id, RelType.PROMOTES_TO)
        if end in members
    ]
    ladder = sorted(rungs.values(), key=lambda r: (r.rank is None, r.rank or 0))
    return FamilyCard(
        family=found, roles=[RoleSummary.of(og.roles_by_id[i]) for i in role_ids], ladder=ladder, promotions=promotions
    )
