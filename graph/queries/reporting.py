"""Reporting lines: the chain up from a role, its direct and indirect reports, and the org tree.

A role may report to more than one manager; its *primary* manager (stated before inferred, then the
most confident, then by id) is the one the chain follows and the tree hangs it under. Cycles in the
data are survived, not followed: the chain stops where it would revisit a role and says so.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from graph.queries.checks import check_int
from graph.queries.lookup import resolve_role
from graph.queries.models import Answer, RoleSummary, _Result

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = [
    "OrgNode",
    "OrgTree",
    "Report",
    "Reports",
    "ReportingChain",
    "manager_chain",
    "org_tree",
    "reporting_chain",
    "reports",
]

MAX_DEPTH = 50


class ReportingChain(Answer):
    role: RoleSummary
    chain: list[RoleSummary]
    other_managers: list[RoleSummary]
    cycle: bool


class Report(_Result):
    role: RoleSummary
    depth: int
    manager_id: str


class Reports(Answer):
    role: RoleSummary
    direct: list[RoleSummary]
    all: list[Report]


class OrgNode(_Result):
    role: RoleSummary
    children: list[OrgNode]
    in_cycle: bool = False


class OrgTree(_Result):
    roots: list[OrgNode]
    roles: int


def reporting_chain(og: OrgGraph, role: str) -> ReportingChain:
    """The managers above ``role``, nearest first, following each role's primary manager.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [r.title for r in reporting_chain(sample_graph(), "SWE").chain]
    ['Engineering Manager', 'Senior Engineering Manager', 'Director of Engineering', 'VP of Engineering']
    """
    found = resolve_role(og, role)
    roles = og.roles_by_id
    above, cycle = manager_chain(og, found.id)
    chain = [RoleSummary.of(roles[m]) for m in above]
    others = [RoleSummary.of(roles[m]) for m in og.managers.get(found.id, [])[1:]]
    return ReportingChain(role=RoleSummary.of(found), chain=chain, other_managers=others, cycle=cycle)


def manager_chain(og: OrgGraph, role_id: str) -> tuple[list[str], bool]:
    """The ids of the managers above ``role_id``, nearest first, following each role's primary manager, and
    whether that chain comes back to a role already in it (it stops there).

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> manager_chain(sample_graph(), "role:manager")
    (['role:senior-manager', 'role:director', 'role:vp'], False)
    """
    seen = {role_id}
    chain: list[str] = []
    current = role_id
    while managers := og.managers.get(current):
        current = managers[0]
        if current in seen:
            return chain, True
        seen.add(current)
        chain.append(current)
    return chain, False


def reports(og: OrgGraph, role: str, max_depth: int = MAX_DEPTH) -> Reports:
    """Direct reports of ``role`` and everyone below it with their depth (1 = direct), breadth first.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> found = reports(sample_graph(), "Senior Engineering Manager")
    >>> len(found.direct), [(r.role.title, r.depth) for r in found.all if r.depth == 2]
    (4, [('Software Engineer', 2)])
    """
    check_int("max_depth", max_depth, 1, MAX_DEPTH)
    found = resolve_role(og, role)
    direct = [RoleSummary.of(og.roles_by_id[r]) for r in og.direct_reports.get(found.id, [])]
    below: list[Report] = []
    seen = {found.id}
    queue = deque([(found.id, 0)])
    while queue:
        manager, depth = queue.popleft()
        if depth == max_depth:
            continue
        for report in og.direct_reports.get(manager, []):
            if report not in seen:
                seen.add(report)
                below.append(Report(role=RoleSummary.of(og.roles_by_id[report]), depth=depth + 1, manager_id=manager))
                queue.append((report, depth + 1))
    return Reports(role=RoleSummary.of(found), direct=direct, all=below)


def org_tree(og: OrgGraph) -> OrgTree:
    """Every role once, under its primary manager; roots are the roles without a manager.

    Roles caught in a reporting cycle (no root above them) become extra roots with ``in_cycle``.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> tree = org_tree(sample_graph())
    >>> [(n.role.title, len(n.children)) for n in tree.roots]
    [('Product Designer', 0), ('VP of Engineering', 1)]
    """
    children: dict[str, list[str]] = {}
    for role_id, managers in og.managers.items():
        children.setdefault(managers[0], []).append(role_id)
    titles = {role_id: (role.title.lower(), role_id) for role_id, role in og.roles_by_id.items()}
    placed: set[str] = set()

    def build(role_id: str, in_cycle: bool = False) -> OrgNode:
        placed.add(role_id)
        kids = sorted((c for c in children.get(role_id, []) if c not in placed), key=titles.__getitem__)
        placed.update(kids)
        node = OrgNode(role=RoleSummary.of(og.roles_by_id[role_id]), children=[], in_cycle=in_cycle)
        node.children = [build(kid, in_cycle) for kid in kids]
        return node

    roots = [build(r) for r in sorted(og.roles_by_id, key=titles.__getitem__) if r not in og.managers]
    for role_id in sorted(og.roles_by_id, key=titles.__getitem__):
        if role_id not in placed:
            roots.append(build(role_id, in_cycle=True))
    return OrgTree(roots=roots, roles=len(placed))
