"""The role card: everything one page about a role shows, gathered from the other queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph.model import RelType, Role, Source
from graph.queries.items import weighted_item_fields
from graph.queries.lookup import resolve_role
from graph.queries.models import Answer, RoleSummary, WeightedItem, _Result
from graph.queries.paths import CareerStep, next_move_fields
from graph.queries.reporting import manager_chain
from graph.queries.similar import SimilarRole, similar_fields

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["RoleCard", "SkillGroup", "card_fields", "role_card"]

SIMILAR_ON_CARD = 5


class SkillGroup(_Result):
    category: str | None
    skills: list[WeightedItem]


class RoleCard(Answer):
    role: Role
    skills: list[SkillGroup]
    kpis: list[WeightedItem]
    reports_to: list[RoleSummary]
    direct_reports: list[RoleSummary]
    next_roles: list[CareerStep]
    similar: list[SimilarRole]
    sources: list[Source]


def _skill_groups(og: OrgGraph, role_id: str) -> list[dict]:
    groups: dict[str | None, list[dict]] = {}
    for skill in weighted_item_fields(og, role_id, "skill"):
        groups.setdefault(skill["category"], []).append(skill)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, -sum(s["weight"] for s in kv[1]), kv[0] or ""))
    return [{"category": category, "skills": skills} for category, skills in ordered]


def _sources(og: OrgGraph, role: Role) -> list[Source]:
    by_id, by_path = og.sources_by_id, og.sources_by_path
    # adjacent: the ends out_edges gives, in its order, without an attribute dict per edge
    found = {end: by_id[end] for end, kind, _ in og.adjacent(role.id) if kind == RelType.DEFINED_IN and end in by_id}
    for path in role.sources:
        if path in by_path:
            found.setdefault(by_path[path].id, by_path[path])
    return list(found.values())


def role_card(og: OrgGraph, role: str) -> RoleCard:
    """A role with its skills grouped by category, KPIs, reporting lines, next moves, five most
    similar roles and its source documents.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> card = role_card(sample_graph(), "SRE Manager")
    >>> [g.category for g in card.skills], [r.title for r in card.reports_to][:1], len(card.similar)
    (['Reliability', 'Leadership'], ['Senior Engineering Manager'], 5)
    """
    return RoleCard.model_validate(card_fields(og, role))


def card_fields(og: OrgGraph, role: str) -> dict[str, Any]:
    """The fields of :func:`role_card`, every field in the model's order: plain dicts and lists, and the
    graph's own models (the role and its sources).

    ``pydantic_core.to_json`` of it is the card's JSON as ``RoleCard`` writes it, without building the
    hundred-odd models of a card only to serialise them (the API's role card route does that).

    Examples
    --------
    >>> from pydantic_core import to_json
    >>> from graph.queries.sample import sample_graph
    >>> og = sample_graph()
    >>> to_json(card_fields(og, "SRE Manager")) == to_json(role_card(og, "SRE Manager"))
    True
    """
    found = resolve_role(og, role)
    roles, summary = og.roles_by_id, RoleSummary.fields_of
    return {
        "corrections": [],
        "role": found,
        "skills": _skill_groups(og, found.id),
        "kpis": weighted_item_fields(og, found.id, "kpi"),
        "reports_to": [summary(roles[m]) for m in manager_chain(og, found.id)[0]],
        "direct_reports": [summary(roles[r]) for r in og.direct_reports.get(found.id, [])],
        "next_roles": next_move_fields(og, found.id),
        "similar": similar_fields(og, found.id, limit=SIMILAR_ON_CARD)["results"],
        "sources": _sources(og, found),
    }
