"""Result building blocks every query shares: a role's summary, a weighted skill or KPI, evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Method, Role

__all__ = ["EvidenceRef", "Item", "ItemKind", "RoleSummary", "WeightedItem"]

ItemKind = Literal["skill", "kpi"]


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RoleSummary(_Result):
    """What a list needs to show a role and link to it."""

    id: str
    title: str
    level: str | None = None
    level_rank: int | None = None
    grade: int | None = None
    track: str | None = None
    family: str | None = None
    specialty: str | None = None
    function: str | None = None

    @classmethod
    def of(cls, role: Role) -> RoleSummary:
        return cls(**role.model_dump(include=set(cls.model_fields)))


class EvidenceRef(_Result):
    """Where an edge comes from: file, line, the sentence, and how it was obtained."""

    source: str | None = None
    line: int | None = None
    sentence: str | None = None
    method: Method = "stated"
    confidence: float = 1.0

    @classmethod
    def of_edge(cls, attrs: Mapping[str, Any] | None) -> EvidenceRef | None:
        """The evidence of an edge's attributes; ``None`` when the edge has no provenance at all."""
        if not attrs or not (attrs.get("source") or attrs.get("evidence")):
            return None
        return cls(
            source=attrs.get("source"),
            line=attrs.get("line"),
            sentence=attrs.get("evidence"),
            method=attrs.get("method") or "stated",
            confidence=attrs.get("confidence", 1.0),
        )


class Item(_Result):
    """A skill or KPI by id and name."""

    id: str
    name: str
    kind: ItemKind = "skill"
    category: str | None = None


class WeightedItem(Item):
    """A skill or KPI with the weight one role gives it and the evidence for it."""

    weight: float = Field(ge=0.0, le=1.0)
    evidence: EvidenceRef | None = None
