"""Checks of a built snapshot for ``orgkg validate``: errors fail the run, warnings do not."""

from __future__ import annotations

from collections import Counter

import networkx as nx
from pydantic import BaseModel

from graph.model import RelType, Snapshot

__all__ = ["CAUSES", "Finding", "group_by_cause", "validate_snapshot"]

#: Causes ``orgkg validate`` groups its findings by, in the order it prints them, with a heading each.
CAUSES: dict[str, str] = {
    "cycle": "Cycles in reporting lines or career steps",
    "duplicate-id": "Duplicate ids",
    "unresolved-reference": "References that name no loaded role (with the nearest loaded title)",
    "no-skills": "Roles with no skills",
    "role-like-heading": "Headings that look like roles but are not read as roles",
    "decorated-title": "Decorated titles (read without their decoration)",
    "grade-not-understood": "Grade sentences not understood",
    "not-in-taxonomy": "Skills and KPIs outside the taxonomy",
    "document": "Other document problems",
}


class Finding(BaseModel):
    severity: str
    kind: str
    message: str
    path: str | None = None
    line: int | None = None
    place: str | None = None  # a binary document's place in words: "page 2", "sheet Matrix, row 4, column C"

    def __str__(self) -> str:
        if self.path and self.place:
            where = f"{self.path} ({self.place}): "
        else:
            where = f"{self.path}:{self.line}: " if self.path and self.line else (f"{self.path}: " if self.path else "")
        return f"{where}{self.severity}: {self.message}"


def validate_snapshot(snapshot: Snapshot) -> list[Finding]:
    """Everything ``orgkg validate`` reports, errors first.

    Examples
    --------
    >>> from graph.model import Role, Relationship
    >>> snap = Snapshot(roles=[Role(id="role:a", title="A"), Role(id="role:b", title="B")],
    ...     relationships=[Relationship(type=RelType.REPORTS_TO, start="role:a", end="role:b"),
    ...                    Relationship(type=RelType.REPORTS_TO, start="role:b", end="role:a")])
    >>> [f.kind for f in validate_snapshot(snap) if f.severity == "error"]
    ['cycle']
    """
    findings = [
        Finding(
            severity=p.severity,
            kind=p.cause or "document",
            message=p.message,
            path=p.path,
            line=p.line,
            place=p.place if p.location.beyond_line else None,
        )
        for p in snapshot.problems
    ]
    findings += _duplicate_ids(snapshot) + _cycles(snapshot) + _roles_without_skills(snapshot)
    findings += _outside_taxonomy(snapshot)
    return sorted(findings, key=lambda f: f.severity != "error")


def _duplicate_ids(snapshot: Snapshot) -> list[Finding]:
    counts = Counter(node.id for _, node in snapshot.nodes())
    return [
        Finding(severity="error", kind="duplicate-id", message=f"id {node_id!r} is used by {n} nodes")
        for node_id, n in counts.items()
        if n > 1
    ]


def _cycles(snapshot: Snapshot) -> list[Finding]:
    titles = {r.id: r.title for r in snapshot.roles}
    findings = []
    for rel_type in (RelType.REPORTS_TO, RelType.PROMOTES_TO):
        graph = nx.DiGraph((r.start, r.end) for r in snapshot.relationships if r.type == rel_type)
        for cycle in nx.simple_cycles(graph):
            names = " → ".join(titles.get(n, n) for n in [*cycle, cycle[0]])
            findings.append(Finding(severity="error", kind="cycle", message=f"{rel_type.value} cycle: {names}"))
    return findings


def _roles_without_skills(snapshot: Snapshot) -> list[Finding]:
    with_skills = {r.start for r in snapshot.relationships if r.type == RelType.REQUIRES_SKILL}
    return [
        Finding(
            severity="warning",
            kind="no-skills",
            message=f"role {role.title!r} has no skill",
            path=role.sources[0] if role.sources else None,
        )
        for role in snapshot.roles
        if role.id not in with_skills
    ]


def _outside_taxonomy(snapshot: Snapshot) -> list[Finding]:
    return [
        Finding(
            severity="warning",
            kind="not-in-taxonomy",
            message=f"skill {skill.name!r} is not in the taxonomy; add it (or an alias) to seeds/taxonomy",
        )
        for skill in snapshot.skills
        if not skill.in_taxonomy
    ] + [
        Finding(
            severity="warning",
            kind="not-in-taxonomy",
            message=f"KPI {kpi.name!r} is not in the taxonomy; add it (or an alias) to seeds/taxonomy",
        )
        for kpi in snapshot.kpis
        if not kpi.in_taxonomy
    ]


def group_by_cause(findings: list[Finding]) -> dict[str, list[Finding]]:
    """Findings by cause, in the order of :data:`CAUSES` (unknown causes last), errors first in each.

    Examples
    --------
    >>> found = [Finding(severity="warning", kind="no-skills", message="a"),
    ...          Finding(severity="error", kind="unresolved-reference", message="b")]
    >>> list(group_by_cause(found))
    ['unresolved-reference', 'no-skills']
    """
    order = {cause: rank for rank, cause in enumerate(CAUSES)}
    groups: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: (order.get(f.kind, len(order)), f.severity != "error")):
        groups.setdefault(finding.kind, []).append(finding)
    return groups
