"""Small hand-made graphs for one behaviour at a time."""

from __future__ import annotations

from graph.model import Relationship, RelType, Role, Skill, Snapshot
from graph.orggraph import OrgGraph


def make_graph(
    skills: dict[str, dict[str, float]],
    *,
    promotions: list[tuple[str, str]] = (),
    lateral: list[tuple[str, str]] = (),
    specializes: list[tuple[str, str]] = (),
    reports_to: list[tuple[str, str]] = (),
) -> OrgGraph:
    """Roles named by their slugs (title = slug upper-cased), with skill weights and lines between them."""
    rels = [
        Relationship(type=RelType.REQUIRES_SKILL, start=f"role:{role}", end=f"skill:{skill}", weight=weight)
        for role, profile in skills.items()
        for skill, weight in profile.items()
    ]
    for rel_type, pairs in [
        (RelType.PROMOTES_TO, promotions),
        (RelType.CAN_MOVE_TO, lateral),
        (RelType.SPECIALIZES, specializes),
        (RelType.REPORTS_TO, reports_to),
    ]:
        rels += [
            Relationship(
                type=rel_type, start=f"role:{a}", end=f"role:{b}", source="t.md", line=1, evidence=f"{a} {rel_type} {b}"
            )
            for a, b in pairs
        ]
    skill_ids = sorted({skill for profile in skills.values() for skill in profile})
    snapshot = Snapshot(
        roles=[Role(id=f"role:{slug}", title=slug.upper()) for slug in skills],
        skills=[Skill(id=f"skill:{s}", name=s) for s in skill_ids],
        relationships=rels,
    )
    return OrgGraph.from_snapshot(snapshot)
