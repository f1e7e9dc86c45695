"""``OrgGraph``: one immutable bundle of a snapshot and the indexes the queries need.

The server swaps whole ``OrgGraph`` objects, so a request that started on one graph finishes on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from graph.model import Role, Snapshot
from graph.nx import to_networkx

__all__ = ["OrgGraph"]


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

    @cached_property
    def roles_by_id(self) -> dict[str, Role]:
        return {role.id: role for role in self.snapshot.roles}
