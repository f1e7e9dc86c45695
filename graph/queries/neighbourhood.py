"""The neighbourhood of a role for a graph view: the roles a few lines away, the centre's skills and
KPIs, and every edge among them (so neighbours' links to the centre's skills show what they share).

Read from the graph's relationship columns (``OrgGraph.adjacent``), in the order and with the
attributes the networkx graph would give: no networkx graph is built for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import RelType
from graph.queries.checks import check_int
from graph.queries.lookup import resolve_role
from graph.queries.models import Answer, _Result

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["GraphEdge", "GraphNode", "Neighbourhood", "neighbourhood"]

MAX_DEPTH = 3
LINES = {RelType.REPORTS_TO, RelType.PROMOTES_TO, RelType.CAN_MOVE_TO, RelType.SPECIALIZES}
SHOWN = LINES | {RelType.REQUIRES_SKILL, RelType.MEASURED_BY}


class GraphNode(_Result):
    id: str
    label: str
    name: str
    distance: int


class GraphEdge(_Result):
    source: str
    target: str
    type: str
    weight: float | None = None


class Neighbourhood(Answer):
    centre: str
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def neighbourhood(og: OrgGraph, role: str, depth: int = 1) -> Neighbourhood:
    """Roles within ``depth`` lines (either direction) of ``role``, its skills and KPIs, and their edges.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> hood = neighbourhood(sample_graph(), "VP of Engineering")
    >>> sorted(n.name for n in hood.nodes if n.label == "Role")
    ['Director of Engineering', 'VP of Engineering']
    >>> sorted({e.type for e in hood.edges})
    ['MEASURED_BY', 'PROMOTES_TO', 'REPORTS_TO', 'REQUIRES_SKILL']
    """
    check_int("depth", depth, 1, MAX_DEPTH)
    found = resolve_role(og, role)
    distance = {found.id: 0}
    frontier = [found.id]
    for step in range(1, depth + 1):
        reached = []
        for node in frontier:
            for other, key, _ in [*og.adjacent(node, "out"), *og.adjacent(node, "in")]:
                if key in LINES and other in og.roles_by_id and other not in distance:
                    distance[other] = step
                    reached.append(other)
        frontier = reached
    for item_id in [*og.role_skills[found.id], *og.role_kpis[found.id]]:
        distance[item_id] = 1
    nodes = [
        GraphNode(id=n, label=og.node_field(n, "label") or "", name=og.node_name(n), distance=d)
        for n, d in sorted(distance.items(), key=lambda kv: (kv[1], kv[0]))
    ]
    table = og.relationships
    edges = [
        GraphEdge(source=node, target=end, type=key, weight=table.value("weight", row))
        for node in distance
        for end, key, row in og.adjacent(node, "out")
        if end in distance and key in SHOWN
    ]
    edges.sort(key=lambda e: (e.type, e.source, e.target))
    return Neighbourhood(centre=found.id, depth=depth, nodes=nodes, edges=edges)
