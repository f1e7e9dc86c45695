"""Turn skill and KPI ids of a role's profile into result items (names, categories, evidence)."""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from graph.model import RelType
from graph.queries.models import WEIGHT_RANGE, EvidenceRef, Item, ItemKind, WeightedItem

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["ItemRow", "item", "item_fields", "item_rows", "profile", "weighted_item_fields", "weighted_items"]

_REL = {"skill": RelType.REQUIRES_SKILL, "kpi": RelType.MEASURED_BY}
_WEIGHTED_ITEMS = TypeAdapter(list[WeightedItem])


def profile(og: OrgGraph, role_id: str, kind: ItemKind) -> dict[str, float]:
    """The skill (or KPI) weights of a role."""
    return (og.role_skills if kind == "skill" else og.role_kpis).get(role_id, {})


def item_fields(og: OrgGraph, item_id: str, kind: ItemKind) -> dict:
    """The fields of :func:`item` as a dict, for a model that extends ``Item`` (no ``Item`` built and dumped)."""
    if kind == "skill":
        skill = og.skills_by_id.get(item_id)
        return {"id": item_id, "name": skill.name if skill else item_id, "kind": kind,
                "category": skill and skill.category}
    kpi = og.kpis_by_id.get(item_id)
    return {"id": item_id, "name": kpi.name if kpi else item_id, "kind": kind, "category": None}


def item(og: OrgGraph, item_id: str, kind: ItemKind) -> Item:
    """The id, name and category of a skill or KPI."""
    return Item(**item_fields(og, item_id, kind))


ItemRow = tuple[str, str, "str | None", float, "tuple[Any, ...] | None"]
"""One item of a role's profile as :func:`item_rows` keeps it: id, name, category, the role's weight for it
and the provenance of the role's edge to it (``OrgGraph.edge_evidence``)."""


def item_rows(og: OrgGraph, kind: ItemKind) -> dict[str, tuple[ItemRow, ...]]:
    """Each role's skills (or KPIs) heaviest first, then by name, each with everything an answer shows of it.

    ``OrgGraph.skill_rows`` and ``OrgGraph.kpi_rows`` keep it per graph: made once, an answer listing a
    role's items then neither looks up names and evidence nor sorts.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(name, weight) for _, name, _, weight, _ in item_rows(sample_graph(), "skill")["role:sre-manager"]][:2]
    [('Incident Management', 1.0), ('People Leadership', 1.0)]
    """
    rel_type, evidence_of = _REL[kind], og.edge_evidence
    rows: dict[str, tuple[ItemRow, ...]] = {}
    for role_id, weights in (og.role_skills if kind == "skill" else og.role_kpis).items():
        keyed = []
        for item_id, weight in weights.items():
            fields = item_fields(og, item_id, kind)
            name, weight = fields["name"], float(weight)
            row = (item_id, name, fields["category"], weight, evidence_of(role_id, item_id, rel_type))
            keyed.append((-weight, name.lower(), item_id, row))
        keyed.sort(key=_heaviest_first)
        rows[role_id] = tuple(row for *_, row in keyed)
    return rows


def weighted_item_fields(
    og: OrgGraph, role_id: str, kind: ItemKind, without: Container[str] = frozenset()
) -> list[dict]:
    """The fields of :func:`weighted_items` as dicts, every field in the model's order (an answer that
    nests them validates them with it, or a route serialises them as they are)."""
    rows = (og.skill_rows if kind == "skill" else og.kpi_rows).get(role_id, ())
    evidence_fields = EvidenceRef.fields_of_values
    return [
        {"id": item_id, "name": name, "kind": kind, "category": category, "weight": weight,
         "evidence": None if evidence is None else evidence_fields(*evidence)}
        for item_id, name, category, weight, evidence in rows
        if item_id not in without
    ]


def _heaviest_first(keyed: tuple) -> tuple:
    return keyed[:3]


def weighted_items(
    og: OrgGraph, role_id: str, kind: ItemKind, without: Container[str] = frozenset()
) -> list[WeightedItem]:
    """The skills (or KPIs) of role ``role_id`` but those in ``without``, with the weight and evidence the
    role gives them, heaviest first, then by name.

    Made with ``trusted`` from the graph's validated fields (validating them again costs more than the
    rest of the item); only the weight's range is the item's own rule, so a weight outside it is
    validated, which says what is wrong.
    """
    items = weighted_item_fields(og, role_id, kind, without)
    lowest, highest = WEIGHT_RANGE
    if not all(lowest <= it["weight"] <= highest for it in items):
        return _WEIGHTED_ITEMS.validate_python(items)
    for it in items:
        if it["evidence"] is not None:
            it["evidence"] = EvidenceRef.trusted(it["evidence"])
    return [WeightedItem.trusted(it) for it in items]
