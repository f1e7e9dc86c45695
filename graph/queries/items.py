"""Turn skill and KPI ids of a role's profile into result items (names, categories, evidence)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import TypeAdapter

from graph.model import RelType
from graph.queries.models import WEIGHT_RANGE, EvidenceRef, Item, ItemKind, WeightedItem

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["item", "item_fields", "profile", "weighted_item_fields", "weighted_items"]

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


def weighted_item_fields(og: OrgGraph, role_id: str, item_ids: Iterable[str], kind: ItemKind) -> list[dict]:
    """The fields of :func:`weighted_items` as dicts, every field in the model's order (an answer that
    nests them validates them with it, or a route serialises them as they are)."""
    weights = profile(og, role_id, kind)
    rel_type = _REL[kind]
    evidence_of, evidence_fields = og.edge_evidence, EvidenceRef.fields_of_values
    keyed = []
    for item_id in item_ids:
        fields = item_fields(og, item_id, kind)
        weight = fields["weight"] = float(weights.get(item_id, 0.0))
        evidence = evidence_of(role_id, item_id, rel_type)
        fields["evidence"] = None if evidence is None else evidence_fields(*evidence)
        keyed.append((-weight, fields["name"].lower(), item_id, fields))
    keyed.sort(key=_heaviest_first)
    return [fields for *_, fields in keyed]


def _heaviest_first(keyed: tuple) -> tuple:
    return keyed[:3]


def weighted_items(og: OrgGraph, role_id: str, item_ids: Iterable[str], kind: ItemKind) -> list[WeightedItem]:
    """The items with the weight and evidence ``role_id`` gives them, heaviest first, then by name.

    Made with ``trusted`` from the graph's validated fields (validating them again costs more than the
    rest of the item); only the weight's range is the item's own rule, so a weight outside it is
    validated, which says what is wrong.
    """
    items = weighted_item_fields(og, role_id, item_ids, kind)
    lowest, highest = WEIGHT_RANGE
    if not all(lowest <= it["weight"] <= highest for it in items):
        return _WEIGHTED_ITEMS.validate_python(items)
    for it in items:
        if it["evidence"] is not None:
            it["evidence"] = EvidenceRef.trusted(it["evidence"])
    return [WeightedItem.trusted(it) for it in items]
