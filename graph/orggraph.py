"""``OrgGraph``: one immutable bundle of a snapshot and the indexes the queries need.

The server swaps whole ``OrgGraph`` objects, so a request that started on one graph finishes on it.
Indexes are ``cached_property``: built on first use, then shared by every query on this graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.model import KPI, JobFamily, RelType, Role, Skill, Snapshot, Source
from graph.nx import to_networkx

if TYPE_CHECKING:
    from graph.queries.text import NameIndex

__all__ = ["OrgGraph"]

# A REQUIRES_SKILL or MEASURED_BY edge without a stated weight counts fully.
DEFAULT_WEIGHT = 1.0
_METHOD_RANK = {"stated": 0, "extracted": 1, "inferred": 2}


@dataclass(frozen=True, eq=False)
class OrgGraph:
    snapshot: Snapshot
    g: nx.MultiDiGraph = field(repr=False)

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot) -> OrgGraph:
        """Build the graph and its indexes.

        Examples
        --------
        >>> og = OrgGraph.from_snapshot(Snapshot(roles=[Role(id="role:a", title="A")]))
        >>> og.roles_by_id["role:a"].title
        'A'
        """
        return cls(snapshot=snapshot, g=to_networkx(snapshot))

    # ------------------------------------------------------------------ nodes by id

    @cached_property
    def functions_within(self) -> dict[str, set[str]]:
        """Each function with every function below it (``Infrastructure`` holds ``SRE``), by lower-case name.

        Examples
        --------
        >>> from graph.model import FunctionEntry
        >>> og = OrgGraph.from_snapshot(Snapshot(functions=[
        ...     FunctionEntry(name="Infrastructure"), FunctionEntry(name="Reliability", parent="Infrastructure"),
        ...     FunctionEntry(name="SRE", parent="Reliability")]))
        >>> sorted(og.functions_within["infrastructure"])
        ['Infrastructure', 'Reliability', 'SRE']
        """
        parent = {f.name: f.parent for f in self.snapshot.functions}
        within: dict[str, set[str]] = {}
        for name in parent:
            current, seen = name, set()
            while current and current not in seen:
                seen.add(current)
                within.setdefault(current.casefold(), {current}).add(name)
                current = parent.get(current)
        return within

    @cached_property
    def roles_by_id(self) -> dict[str, Role]:
        return {role.id: role for role in self.snapshot.roles}

    @cached_property
    def skills_by_id(self) -> dict[str, Skill]:
        return {skill.id: skill for skill in self.snapshot.skills}

    @cached_property
    def kpis_by_id(self) -> dict[str, KPI]:
        return {kpi.id: kpi for kpi in self.snapshot.kpis}

    @cached_property
    def families_by_id(self) -> dict[str, JobFamily]:
        return {family.id: family for family in self.snapshot.families}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.snapshot.sources}

    @cached_property
    def sources_by_path(self) -> dict[str, Source]:
        return {source.path: source for source in self.snapshot.sources}

    # ------------------------------------------------------------------ edges

    def edge(self, start: str, end: str, rel_type: RelType) -> dict[str, Any] | None:
        """The attributes of the ``rel_type`` edge from ``start`` to ``end``, if there is one."""
        return self.g.get_edge_data(start, end, key=rel_type.value)

    def out_edges(self, node: str, rel_type: RelType) -> list[tuple[str, dict[str, Any]]]:
        """``(end, attributes)`` of ``node``'s outgoing edges of ``rel_type``."""
        if node not in self.g:
            return []
        return [(end, data) for _, end, key, data in self.g.out_edges(node, keys=True, data=True) if key == rel_type]

    def in_edges(self, node: str, rel_type: RelType) -> list[tuple[str, dict[str, Any]]]:
        """``(start, attributes)`` of ``node``'s incoming edges of ``rel_type``."""
        if node not in self.g:
            return []
        return [(start, data) for start, _, key, data in self.g.in_edges(node, keys=True, data=True) if key == rel_type]

    # ------------------------------------------------------------------ profiles

    @cached_property
    def role_skills(self) -> dict[str, dict[str, float]]:
        """Each role's skills with their weights (a missing weight counts as 1.0)."""
        return self._profiles(RelType.REQUIRES_SKILL)

    @cached_property
    def role_kpis(self) -> dict[str, dict[str, float]]:
        """Each role's KPIs with their weights (a missing weight counts as 1.0)."""
        return self._profiles(RelType.MEASURED_BY)

    def _profiles(self, rel_type: RelType) -> dict[str, dict[str, float]]:
        profiles: dict[str, dict[str, float]] = {role_id: {} for role_id in self.roles_by_id}
        for rel in self.snapshot.relationships:
            if rel.type == rel_type and rel.start in profiles:
                weight = rel.weight if rel.weight is not None else DEFAULT_WEIGHT
                profiles[rel.start][rel.end] = max(weight, profiles[rel.start].get(rel.end, 0.0))
        return profiles

    @cached_property
    def skill_idf(self) -> dict[str, float]:
        """``log(N / df)`` of each skill over the roles: skills every role holds weigh nothing."""
        from graph.queries.similarity import idf_weights

        return idf_weights(self.role_skills.values())

    @cached_property
    def skill_vectors(self):
        """The roles' IDF-weighted skill vectors and their inverted index (for similar roles)."""
        from graph.queries.similarity import SkillVectors

        return SkillVectors(self.role_skills, self.skill_idf)

    # ------------------------------------------------------------------ names

    @cached_property
    def role_names(self) -> NameIndex:
        from graph.queries.text import NameIndex

        return NameIndex((role.id, name) for role in self.snapshot.roles for name in [role.title, *role.aliases])

    @cached_property
    def skill_names(self) -> NameIndex:
        from graph.queries.text import NameIndex

        return NameIndex((skill.id, name) for skill in self.snapshot.skills for name in [skill.name, *skill.aliases])

    @cached_property
    def kpi_names(self) -> NameIndex:
        from graph.queries.text import NameIndex

        return NameIndex((kpi.id, name) for kpi in self.snapshot.kpis for name in [kpi.name, *kpi.aliases])

    @cached_property
    def family_names(self) -> NameIndex:
        from graph.queries.text import NameIndex

        return NameIndex((family.id, family.name) for family in self.snapshot.families)

    # ------------------------------------------------------------------ families and lines

    @cached_property
    def family_roles(self) -> dict[str, list[str]]:
        """Role ids of each job family, by IN_FAMILY edges, in snapshot order."""
        members: dict[str, list[str]] = {family_id: [] for family_id in self.families_by_id}
        for rel in self.snapshot.relationships:
            if rel.type == RelType.IN_FAMILY and rel.start in self.roles_by_id:
                members.setdefault(rel.end, []).append(rel.start)
        return members

    @cached_property
    def managers(self) -> dict[str, list[str]]:
        """Each role's managers (REPORTS_TO ends), the primary one first: stated, most confident, by id."""
        found: dict[str, list[tuple[int, float, str]]] = {}
        for rel in self.snapshot.relationships:
            if rel.type == RelType.REPORTS_TO and rel.start in self.roles_by_id and rel.end in self.roles_by_id:
                found.setdefault(rel.start, []).append((_METHOD_RANK.get(rel.method, 3), -rel.confidence, rel.end))
        return {role: [end for *_, end in sorted(set(ends))] for role, ends in found.items()}

    @cached_property
    def direct_reports(self) -> dict[str, list[str]]:
        """Each manager's direct reports, in title order."""
        reports: dict[str, list[str]] = {}
        for role, managers in self.managers.items():
            for manager in managers:
                reports.setdefault(manager, []).append(role)
        for role_ids in reports.values():
            role_ids.sort(key=lambda role_id: (self.roles_by_id[role_id].title, role_id))
        return reports

    # ------------------------------------------------------------------ career moves

    @cached_property
    def career_moves(self) -> nx.DiGraph:
        """The weighted DiGraph of possible moves between roles (see ``graph.queries.paths``)."""
        from graph.queries.paths import build_career_graph

        return build_career_graph(self)

    @cached_property
    def specialty_bases(self) -> dict[str, str]:
        """Each specialty role's base role (SPECIALIZES ends)."""
        return {r.start: r.end for r in self.snapshot.relationships if r.type == RelType.SPECIALIZES}
