"""The function hierarchy with the roles placed in each function: a browsable index of the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.queries.listings import role_order
from graph.queries.models import RoleSummary, _Result

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["FunctionNode", "list_functions"]


class FunctionNode(_Result):
    """A function, its depth in the tree, the roles placed directly in it and how many sit at or below it."""

    name: str
    parent: str | None
    depth: int
    roles: list[RoleSummary]
    total: int


def list_functions(og: OrgGraph) -> list[FunctionNode]:
    """Functions that hold roles (themselves or below them), parents before children, by name.

    Examples
    --------
    >>> from graph.model import FunctionEntry, Role, Snapshot
    >>> from graph.orggraph import OrgGraph
    >>> og = OrgGraph.from_snapshot(Snapshot(
    ...     functions=[FunctionEntry(name="Infrastructure"), FunctionEntry(name="SRE", parent="Infrastructure"),
    ...                FunctionEntry(name="Design")],
    ...     roles=[Role(id="role:a", title="SRE Manager", function="SRE")]))
    >>> [(f.name, f.depth, f.total, [r.title for r in f.roles]) for f in list_functions(og)]
    [('Infrastructure', 0, 1, []), ('SRE', 1, 1, ['SRE Manager'])]
    """
    names = {f.name for f in og.head.functions}
    parent = {f.name: (f.parent if f.parent in names else None) for f in og.head.functions}
    children: dict[str | None, list[str]] = {}
    for name in sorted(names):
        children.setdefault(parent[name], []).append(name)
    direct: dict[str, list] = {}
    for role in sorted(og.roles_by_id.values(), key=role_order):
        if role.function in names:
            direct.setdefault(role.function, []).append(role)
    nodes: list[FunctionNode] = []

    def visit(name: str, depth: int) -> int:
        here = len(nodes)
        nodes.append(FunctionNode(name=name, parent=parent[name], depth=depth, roles=[], total=0))
        total = len(direct.get(name, [])) + sum(visit(child, depth + 1) for child in children.get(name, []))
        roles = [RoleSummary.of(role) for role in direct.get(name, [])]
        nodes[here] = nodes[here].model_copy(update={"roles": roles, "total": total})
        return total

    for root in children.get(None, []):
        visit(root, 0)
    return [node for node in nodes if node.total]
