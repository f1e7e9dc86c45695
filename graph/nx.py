"""The in-process graph: a networkx ``MultiDiGraph`` built from a snapshot.

Nodes are keyed by id and carry ``label`` plus the node's properties (without its long ``sections``
text, which stays on the snapshot). Edges are keyed by relationship type, so there is at most one
edge of a type between two nodes, and carry the relationship's provenance.
"""

from __future__ import annotations

import networkx as nx
from pydantic import BaseModel

from graph.model import NodeLabel, RelType, Snapshot
from graph.orggraph import NODE_EXCLUDE as _NODE_EXCLUDE

__all__ = ["to_networkx", "node_attributes", "nodes_with_label", "neighbours"]


def to_networkx(snapshot: Snapshot) -> nx.MultiDiGraph:
    """Build the algorithm graph of a snapshot.

    Parameters
    ----------
    snapshot : Snapshot
        The built graph.

    Returns
    -------
    networkx.MultiDiGraph
        Node key = node id; node attribute ``label``; edge key = relationship type.

    Examples
    --------
    >>> from graph.model import Role, Relationship, RelType
    >>> snap = Snapshot(roles=[Role(id="role:a", title="A"), Role(id="role:b", title="B")],
    ...                 relationships=[Relationship(type=RelType.PROMOTES_TO, start="role:a", end="role:b")])
    >>> g = to_networkx(snap)
    >>> g.nodes["role:a"]["title"], list(g.edges(keys=True))
    ('A', [('role:a', 'role:b', 'PROMOTES_TO')])
    """
    graph = nx.MultiDiGraph(built_at=snapshot.built_at.isoformat())
    for label, node in snapshot.nodes():
        graph.add_node(node.id, **node_attributes(label, node))
    for rel in snapshot.relationships:
        attrs = rel.model_dump(exclude={"type", "start", "end"})
        graph.add_edge(rel.start, rel.end, key=rel.type.value, type=rel.type.value, **attrs)
    return graph


def node_attributes(label: NodeLabel, node: BaseModel) -> dict:
    """A node's attributes in the graph: its label and properties, without the long ``sections``."""
    return {"label": label.value, **node.model_dump(exclude=_NODE_EXCLUDE)}


def nodes_with_label(graph: nx.MultiDiGraph, label: NodeLabel) -> list[str]:
    """Ids of the nodes with ``label``, in insertion order."""
    return [node for node, data in graph.nodes(data=True) if data.get("label") == label.value]


def neighbours(graph: nx.MultiDiGraph, node: str, rel_type: RelType, *, reverse: bool = False) -> list[str]:
    """Ends of ``node``'s edges of ``rel_type`` (their starts with ``reverse``)."""
    edges = graph.in_edges(node, keys=True) if reverse else graph.out_edges(node, keys=True)
    return [start if reverse else end for start, end, key in edges if key == rel_type.value]
