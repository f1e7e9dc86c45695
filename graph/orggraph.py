"""``OrgGraph``: one immutable bundle of a snapshot and the indexes the queries need.

The server swaps whole ``OrgGraph`` objects, so a request that started on one graph finishes on it.
Indexes are ``cached_property``: built on first use, then shared by every query on this graph.

The relationships are held as columns (``graph.reltable``), never as one object each: the edge
indexes are arrays of row numbers, and an edge's attribute dict is made when a query asks for that
edge. The networkx graph (``g``) and the whole pydantic ``snapshot`` are built only when something
asks for them (the neighbourhood views, the store sync, the exports).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel

from graph.model import EDGE_EVIDENCE, KPI, JobFamily, NodeLabel, RelType, Role, Skill, Snapshot, Source
from graph.reltable import RelationshipTable
from graph.snapshot import SnapshotParts

if TYPE_CHECKING:
    import networkx as nx

    from graph.queries.items import ItemRow
    from graph.queries.text import NameIndex

__all__ = ["NODE_EXCLUDE", "OrgGraph"]

# Node fields left out of a node's attributes in ``g`` (the long text stays on the snapshot).
NODE_EXCLUDE = {"sections"}
# A REQUIRES_SKILL or MEASURED_BY edge without a stated weight counts fully.
DEFAULT_WEIGHT = 1.0
_METHOD_RANK = {"stated": 0, "extracted": 1, "inferred": 2}


@dataclass(frozen=True, eq=False)
class OrgGraph:
    head: Snapshot  # the snapshot without its relationships (``head.relationships`` is empty)
    relationships: RelationshipTable

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot) -> OrgGraph:
        """The graph of a whole ``Snapshot`` (which ``og.snapshot`` then is).

        Examples
        --------
        >>> og = OrgGraph.from_snapshot(Snapshot(roles=[Role(id="role:a", title="A")]))
        >>> og.roles_by_id["role:a"].title
        'A'
        """
        og = cls.from_parts(SnapshotParts.of(snapshot))
        og.__dict__["snapshot"] = snapshot  # a cached_property, already known
        return og

    @classmethod
    def from_parts(cls, parts: SnapshotParts) -> OrgGraph:
        """The graph of a snapshot as ``graph.snapshot.read_parts`` reads it: no object per relationship."""
        return cls(head=parts.head, relationships=parts.relationships)

    @cached_property
    def snapshot(self) -> Snapshot:
        """The whole pydantic ``Snapshot`` (built on first use: one ``Relationship`` object per row), kept."""
        return self.whole_snapshot()

    def whole_snapshot(self) -> Snapshot:
        """The whole pydantic ``Snapshot`` for a one-off use (a store sync): built, not kept, unless
        :attr:`snapshot` already holds it. At 10,000 roles it is some 230 MB of objects."""
        known = self.__dict__.get("snapshot")
        return known if known is not None else SnapshotParts(self.head, self.relationships).snapshot()

    @cached_property
    def g(self) -> nx.MultiDiGraph:
        """The networkx graph of ``graph.nx.to_networkx`` (built on first use)."""
        import networkx as nx

        from graph.nx import node_attributes

        table = self.relationships
        graph = nx.MultiDiGraph(built_at=self.head.built_at.isoformat())
        for label, node in self.head.nodes():
            graph.add_node(node.id, **node_attributes(label, node))
        rows = table.rows()
        for row in rows:
            rel_type, start, end = row.pop("type"), row.pop("start"), row.pop("end")
            graph.add_edge(start, end, key=rel_type, type=rel_type, **row)
        return graph

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (``Snapshot.counts`` without building the snapshot)."""
        counts = self.head.counts()
        counts.update(self.relationships.counts())
        return counts

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
        parent = {f.name: f.parent for f in self.head.functions}
        within: dict[str, set[str]] = {}
        for name in parent:
            current, seen = name, set()
            while current and current not in seen:
                seen.add(current)
                within.setdefault(current.casefold(), {current}).add(name)
                current = parent.get(current)
        return within

    @cached_property
    def nodes_by_id(self) -> dict[str, tuple[NodeLabel, BaseModel]]:
        """Every node of the snapshot with its label, by id (what ``g`` holds as node attributes)."""
        return {node.id: (label, node) for label, node in self.head.nodes()}

    def has_node(self, node: str) -> bool:
        """Whether ``node`` is in ``g``: a node of the snapshot or an end of some relationship."""
        return node in self.nodes_by_id or len(self._rows_at(node, "out")) > 0 or len(self._rows_at(node, "in")) > 0

    def node_field(self, node: str, name: str) -> Any:
        """Field ``name`` of the node, as ``g.nodes[node].get(name)`` answers it (``label`` too)."""
        found = self.nodes_by_id.get(node)
        if found is None:
            return None
        label, model = found
        if name == "label":
            return label.value
        return getattr(model, name) if name in type(model).model_fields and name not in NODE_EXCLUDE else None

    def node_name(self, node: str) -> str:
        """What a graph view calls the node: its title (a role), else its name, else its id."""
        return self.node_field(node, "title") or self.node_field(node, "name") or node

    @cached_property
    def roles_by_id(self) -> dict[str, Role]:
        return {role.id: role for role in self.head.roles}

    @cached_property
    def skills_by_id(self) -> dict[str, Skill]:
        return {skill.id: skill for skill in self.head.skills}

    @cached_property
    def kpis_by_id(self) -> dict[str, KPI]:
        return {kpi.id: kpi for kpi in self.head.kpis}

    @cached_property
    def families_by_id(self) -> dict[str, JobFamily]:
        return {family.id: family for family in self.head.families}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.head.sources}

    @cached_property
    def sources_by_path(self) -> dict[str, Source]:
        return {source.path: source for source in self.head.sources}

    # ------------------------------------------------------------------ edges

    @cached_property
    def _node_codes(self) -> dict[str, dict[str, int]]:
        """Code of each start and end id in the relationship columns."""
        table = self.relationships
        return {
            side: {node: code for code, node in enumerate(table.values(side))} for side in ("start", "end")
        }

    @cached_property
    def _adjacency(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Rows by start (``"out"``) and by end (``"in"``): ``(rows sorted by node code, offsets)``."""
        table = self.relationships
        found = {}
        for direction, side in (("out", "start"), ("in", "end")):
            codes = table.codes(side)
            order = np.argsort(codes, kind="stable")  # stable: each node's rows stay in snapshot order
            offsets = np.searchsorted(codes[order], np.arange(len(table.values(side)) + 1))
            found[direction] = (order, offsets)
        return found

    def _rows_at(self, node: str, direction: str) -> np.ndarray:
        code = self._node_codes["start" if direction == "out" else "end"].get(node)
        if code is None:
            return np.empty(0, dtype=np.int64)
        order, offsets = self._adjacency[direction]
        return order[offsets[code] : offsets[code + 1]]

    def _edges(self, node: str, rel_type: RelType, direction: str) -> list[tuple[str, dict[str, Any]]]:
        """``(other end, attributes)`` of ``node``'s edges of ``rel_type``, as the networkx graph gives them:
        one per other end (the last row wins), other ends in the order their first edge of any type came."""
        table = self.relationships
        rows = self._rows_at(node, direction)
        if not len(rows):
            return []
        others = table.column("end" if direction == "out" else "start", rows)
        types = table.column("type", rows)
        first: dict[str, int] = {}
        hits: dict[str, int] = {}
        for row, other, kind in zip(rows.tolist(), others, types, strict=True):
            first.setdefault(other, len(first))
            if kind == rel_type:
                hits[other] = row
        return [(other, table.attrs(row)) for other, row in sorted(hits.items(), key=lambda kv: first[kv[0]])]

    def adjacent(self, node: str, direction: str = "out") -> list[tuple[str, str, int]]:
        """``(other end, type, row)`` of ``node``'s edges (``"out"``: it starts them, ``"in"``: it ends them)
        in the order ``g`` gives them: other ends by their first edge, each end's types by their first
        row. ``row`` is the last row of that start, type and end: the one whose attributes ``g`` keeps.

        Examples
        --------
        >>> from graph.queries.sample import sample_graph
        >>> og = sample_graph()
        >>> sorted({kind for _, kind, _ in og.adjacent("role:vp", "in")})
        ['PROMOTES_TO', 'REPORTS_TO']
        """
        table = self.relationships
        rows = self._rows_at(node, direction)
        if not len(rows):
            return []
        others = table.column("end" if direction == "out" else "start", rows)
        grouped: dict[str, dict[str, int]] = {}
        for row, other, kind in zip(rows.tolist(), others, table.column("type", rows), strict=True):
            grouped.setdefault(other, {})[kind] = row  # a repeated key keeps its place, takes the last row
        return [(other, kind, row) for other, kinds in grouped.items() for kind, row in kinds.items()]

    @cached_property
    def _edge_rows(self) -> dict[tuple[str, str, str], int]:
        """The row of each ``(start, type, end)`` edge (the last one, as networkx keeps it)."""
        table = self.relationships
        return {key: row for row, key in enumerate(zip(table.column("start"), table.column("type"),
                                                           table.column("end"), strict=True))}

    @cached_property
    def _evidence_rows(self) -> list[tuple[Any, ...]]:
        """Each relationship's provenance fields (:data:`graph.model.EDGE_EVIDENCE`), one tuple a row."""
        return self.relationships.tuples(EDGE_EVIDENCE)

    def edge_evidence(self, start: str, end: str, rel_type: RelType) -> tuple[Any, ...] | None:
        """The provenance fields (:data:`graph.model.EDGE_EVIDENCE`) of the ``rel_type`` edge from ``start``
        to ``end``, if there is one: what an answer citing the edge needs, without its attribute dict."""
        row = self._edge_rows.get((start, str(rel_type), end))
        return None if row is None else self._evidence_rows[row]

    def edge(self, start: str, end: str, rel_type: RelType) -> dict[str, Any] | None:
        """The attributes of the ``rel_type`` edge from ``start`` to ``end``, if there is one."""
        row = self._edge_rows.get((start, str(rel_type), end))
        if row is None:
            return None
        attrs = self.relationships.attrs(row)
        attrs["type"] = str(rel_type)
        return attrs

    def out_edges(self, node: str, rel_type: RelType) -> list[tuple[str, dict[str, Any]]]:
        """``(end, attributes)`` of ``node``'s outgoing edges of ``rel_type``."""
        return [(end, {"type": str(rel_type), **attrs}) for end, attrs in self._edges(node, rel_type, "out")]

    def in_edges(self, node: str, rel_type: RelType) -> list[tuple[str, dict[str, Any]]]:
        """``(start, attributes)`` of ``node``'s incoming edges of ``rel_type``."""
        return [(start, {"type": str(rel_type), **attrs}) for start, attrs in self._edges(node, rel_type, "in")]

    def relationships_of(self, *types: RelType) -> list[tuple[str, str, str, dict[str, Any]]]:
        """``(type, start, end, attributes)`` of every relationship of ``types``, in snapshot order."""
        table = self.relationships
        rows = table.rows_of(types)
        return [
            (rel_type, start, end, table.attrs(row))
            for row, rel_type, start, end in zip(
                rows.tolist(), table.column("type", rows), table.column("start", rows), table.column("end", rows),
                strict=True,
            )
        ]

    def _ends_of(self, rel_type: RelType) -> list[tuple[str, str, int]]:
        """``(start, end, row)`` of every relationship of ``rel_type``, in snapshot order."""
        table = self.relationships
        rows = table.rows_of([rel_type])
        return list(zip(table.column("start", rows), table.column("end", rows), rows.tolist(), strict=True))

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
        table = self.relationships
        rows = table.rows_of([rel_type])
        for start, end, weight in zip(
            table.column("start", rows), table.column("end", rows), table.column("weight", rows), strict=True
        ):
            if start in profiles:
                weight = weight if weight is not None else DEFAULT_WEIGHT
                profiles[start][end] = max(weight, profiles[start].get(end, 0.0))
        return profiles

    @cached_property
    def skill_rows(self) -> dict[str, tuple[ItemRow, ...]]:
        """Each role's skills as an answer lists them (``graph.queries.items.item_rows``)."""
        from graph.queries.items import item_rows

        return item_rows(self, "skill")

    @cached_property
    def kpi_rows(self) -> dict[str, tuple[ItemRow, ...]]:
        """Each role's KPIs as an answer lists them (``graph.queries.items.item_rows``)."""
        from graph.queries.items import item_rows

        return item_rows(self, "kpi")

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

        return NameIndex((role.id, name) for role in self.head.roles for name in [role.title, *role.aliases])

    @cached_property
    def skill_names(self) -> NameIndex:
        from graph.queries.text import NameIndex

        return NameIndex((skill.id, name) for skill in self.head.skills for name in [skill.name, *skill.aliases])

    @cached_property
    def kpi_names(self) -> NameIndex:
        from graph.queries.text import NameIndex

        return NameIndex((kpi.id, name) for kpi in self.head.kpis for name in [kpi.name, *kpi.aliases])

    @cached_property
    def family_names(self) -> NameIndex:
        from graph.queries.text import NameIndex

        return NameIndex((family.id, family.name) for family in self.head.families)

    # ------------------------------------------------------------------ families and lines

    @cached_property
    def family_roles(self) -> dict[str, list[str]]:
        """Role ids of each job family, by IN_FAMILY edges, in snapshot order."""
        members: dict[str, list[str]] = {family_id: [] for family_id in self.families_by_id}
        for start, end, _ in self._ends_of(RelType.IN_FAMILY):
            if start in self.roles_by_id:
                members.setdefault(end, []).append(start)
        return members

    @cached_property
    def roles_by_family_name(self) -> dict[str, list[str]]:
        """Role ids by the name key of the family named on the role (``Role.family``)."""
        from graph.queries.text import name_key

        keys: dict[str, str] = {}  # many roles name the same family: each name is keyed once
        members: dict[str, list[str]] = {}
        for role in self.roles_by_id.values():
            if role.family:
                key = keys.get(role.family)
                if key is None:
                    key = keys[role.family] = name_key(role.family)
                members.setdefault(key, []).append(role.id)
        return members

    @cached_property
    def managers(self) -> dict[str, list[str]]:
        """Each role's managers (REPORTS_TO ends), the primary one first: stated, most confident, by id."""
        found: dict[str, list[tuple[int, float, str]]] = {}
        table = self.relationships
        for start, end, row in self._ends_of(RelType.REPORTS_TO):
            if start in self.roles_by_id and end in self.roles_by_id:
                method, confidence = table.value("method", row), table.value("confidence", row)
                found.setdefault(start, []).append((_METHOD_RANK.get(method, 3), -confidence, end))
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
        return {start: end for start, end, _ in self._ends_of(RelType.SPECIALIZES)}
