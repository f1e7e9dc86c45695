"""The answers of every catalog query computed in Python straight from a snapshot (no engine involved).

Each function mirrors the question its ``queries/<name>.cypher`` asks, so a test can compare the
engine's rows with rows derived independently from the model.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

from graph.model import NodeLabel, RelType, Snapshot

UNRANKED = 1000


class Index:
    """Lookups over one snapshot."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.labels = {node.id: label for label, node in snapshot.nodes()}
        self.nodes = {node.id: node for _, node in snapshot.nodes()}
        self.roles = {role.id: role for role in snapshot.roles}
        self.out: dict[tuple[str, RelType], list] = defaultdict(list)
        self.into: dict[tuple[str, RelType], list] = defaultdict(list)
        for rel in snapshot.relationships:
            if rel.start in self.nodes and rel.end in self.nodes:
                self.out[(rel.start, rel.type)].append(rel)
                self.into[(rel.end, rel.type)].append(rel)

    def ends(self, node: str, rel_type: RelType, label: NodeLabel | None = None) -> list[str]:
        return [r.end for r in self.out[(node, rel_type)] if label is None or self.labels[r.end] == label]

    def starts(self, node: str, rel_type: RelType, label: NodeLabel | None = None) -> list[str]:
        return [r.start for r in self.into[(node, rel_type)] if label is None or self.labels[r.start] == label]

    def find_roles(self, text: str) -> list[str]:
        return [r.id for r in self.snapshot.roles if text in (r.id, r.title) or text in r.aliases]

    def find_families(self, text: str) -> list[str]:
        return [f.id for f in self.snapshot.families if text in (f.id, f.name)]

    def skills_of(self, role: str) -> set[str]:
        return set(self.ends(role, RelType.REQUIRES_SKILL, NodeLabel.SKILL))

    def members(self, family: str) -> list[str]:
        return self.starts(family, RelType.IN_FAMILY, NodeLabel.ROLE)

    def in_family(self, role: str, family_text: str | None) -> bool:
        if family_text is None:
            return True
        wanted = self.find_families(family_text)
        return any(f in wanted for f in self.ends(role, RelType.IN_FAMILY, NodeLabel.JOB_FAMILY))

    def name(self, node: str) -> str:
        return self.nodes[node].name  # type: ignore[attr-defined]

    def title(self, role: str) -> str:
        return self.roles[role].title


def career_ladder(ix: Index, family: str) -> list[list[Any]]:
    rows = []
    for fam in ix.find_families(family):
        for rid in ix.members(fam):
            role = ix.roles[rid]
            nxt = sorted(ix.title(e) for e in ix.ends(rid, RelType.PROMOTES_TO, NodeLabel.ROLE))
            rows.append([rid, role.title, role.level, role.level_rank, role.grade, nxt])

    def key(row):
        rank = UNRANKED if row[3] is None else row[3]
        grade = UNRANKED if row[4] is None else row[4]
        return (rank, grade, row[1])

    return sorted(rows, key=key)


def shared_skills(ix: Index, role: str, min_shared: int = 2) -> list[list[Any]]:
    found = ix.find_roles(role)
    shared: dict[str, set[str]] = defaultdict(set)
    for rid in found:
        for skill in ix.skills_of(rid):
            for other in ix.starts(skill, RelType.REQUIRES_SKILL, NodeLabel.ROLE):
                if other != rid:
                    shared[other].add(ix.name(skill))
    rows = [[o, ix.title(o), len(s), sorted(s)] for o, s in shared.items() if len(s) >= min_shared]
    return sorted(rows, key=lambda r: (-r[2], r[1]))


def most_required_skills(ix: Index, limit: int = 10) -> list[list[Any]]:
    rows = []
    for skill in ix.snapshot.skills:
        holders = sorted(ix.title(r) for r in ix.starts(skill.id, RelType.REQUIRES_SKILL, NodeLabel.ROLE))
        if holders:
            rows.append([skill.id, skill.name, skill.category, len(holders), holders])
    return sorted(rows, key=lambda r: (-r[3], r[1]))[:limit]


def unique_skills(ix: Index, family: str | None = None) -> list[list[Any]]:
    rows = []
    for skill in ix.snapshot.skills:
        holders = {r for r in ix.starts(skill.id, RelType.REQUIRES_SKILL, NodeLabel.ROLE) if ix.in_family(r, family)}
        if len(holders) == 1:
            (rid,) = holders
            rows.append([rid, ix.title(rid), skill.name, skill.category])
    return sorted(rows, key=lambda r: (r[1], r[2]))


def kpis_by_group(ix: Index, group: str) -> list[list[Any]]:
    measured: dict[str, list[str]] = defaultdict(list)
    for role in ix.snapshot.roles:
        if group in (role.function, role.family):
            for kpi in ix.ends(role.id, RelType.MEASURED_BY, NodeLabel.KPI):
                measured[kpi].append(role.title)
    rows = [[k, ix.name(k), len(t), sorted(t)] for k, t in measured.items()]
    return sorted(rows, key=lambda r: (-r[2], r[1]))


def reporting_tree(ix: Index, role: str) -> list[list[Any]]:
    rows = []
    for top in ix.find_roles(role):
        depth = {top: 0}
        queue = deque([top])
        while queue:
            current = queue.popleft()
            if depth[current] == 10:
                continue
            for below in ix.starts(current, RelType.REPORTS_TO, NodeLabel.ROLE):
                if below not in depth:
                    depth[below] = depth[current] + 1
                    queue.append(below)
        for rid, d in depth.items():
            if rid != top:
                managers = sorted(ix.title(m) for m in ix.ends(rid, RelType.REPORTS_TO, NodeLabel.ROLE))
                rows.append([rid, ix.title(rid), d, managers])
    return sorted(rows, key=lambda r: (r[2], r[1]))


def promotion_paths(ix: Index, start: str, end: str) -> list[list[str]]:
    """Every shortest promotion path (as id lists) from ``start`` to ``end``: the engine returns one."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(ix.roles)
    for rel in ix.snapshot.relationships:
        if rel.type == RelType.PROMOTES_TO and rel.start in ix.roles and rel.end in ix.roles:
            graph.add_edge(rel.start, rel.end)
    paths: list[list[str]] = []
    for a in ix.find_roles(start):
        for b in ix.find_roles(end):
            if a != b and nx.has_path(graph, a, b):
                paths.extend(nx.all_shortest_paths(graph, a, b))
    return paths


def roles_without_kpi(ix: Index, family: str | None = None) -> list[list[Any]]:
    rows = [
        [r.id, r.title, r.family]
        for r in ix.snapshot.roles
        if ix.in_family(r.id, family) and not ix.ends(r.id, RelType.MEASURED_BY, NodeLabel.KPI)
    ]
    return sorted(rows, key=lambda r: r[1])


def skills_new_at_level(ix: Index, group: str, level_rank: int) -> list[list[Any]]:
    def in_group(role) -> bool:
        return group in (role.function, role.family)

    at_level = [r for r in ix.snapshot.roles if in_group(r) and r.level_rank == level_rank]
    below = [r for r in ix.snapshot.roles if in_group(r) and r.level_rank is not None and r.level_rank < level_rank]
    known_below = set().union(*(ix.skills_of(r.id) for r in below)) if below else set()
    holders: dict[str, set[str]] = defaultdict(set)
    for role in at_level:
        for skill in ix.skills_of(role.id):
            holders[skill].add(role.title)
    rows = [[s, ix.name(s), ix.nodes[s].category, sorted(t)] for s, t in holders.items() if s not in known_below]
    return sorted(rows, key=lambda r: r[1])


def families_sharing_skills(ix: Index, limit: int = 10) -> list[list[Any]]:
    families = {f.id: f.name for f in ix.snapshot.families}
    rows = []
    for fa, name_a in families.items():
        for fb, name_b in families.items():
            if not name_a < name_b:
                continue
            shared = {
                ix.name(s)
                for ra in ix.members(fa)
                for rb in ix.members(fb)
                if ra != rb
                for s in ix.skills_of(ra) & ix.skills_of(rb)
            }
            if shared:
                rows.append([name_a, name_b, len(shared), sorted(shared)])
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))[:limit]


def role_card(ix: Index, role: str) -> list[list[Any]]:
    rows = []
    for rid in ix.find_roles(role):
        for rel in ix.out[(rid, RelType.REQUIRES_SKILL)]:
            if ix.labels[rel.end] != NodeLabel.SKILL:
                continue
            skill = ix.nodes[rel.end]
            rows.append(
                [
                    ix.title(rid),
                    skill.name,
                    skill.category,
                    rel.weight,
                    rel.method,
                    rel.confidence,
                    rel.source,
                    rel.line,
                    rel.evidence,
                ]
            )
    return sorted(rows, key=lambda r: (r[0], -(r[3] or 0), r[1]))


def roles_needing_skill(ix: Index, skill: str) -> list[list[Any]]:
    rows = []
    for s in ix.snapshot.skills:
        if skill in (s.id, s.name) or skill in s.aliases:
            for rel in ix.into[(s.id, RelType.REQUIRES_SKILL)]:
                if ix.labels[rel.start] == NodeLabel.ROLE:
                    role = ix.roles[rel.start]
                    rows.append([role.id, role.title, role.family, rel.weight, rel.method])
    return sorted(rows, key=lambda r: (-(r[3] or 0), r[1]))


def provenance_audit(ix: Index, role: str | None = None) -> list[list[Any]]:
    wanted = set(ix.find_roles(role)) if role is not None else set(ix.roles)
    rows = []
    for rid in wanted:
        rels = [rel for rel_type in RelType for rel in ix.out[(rid, rel_type)]]
        if rels:
            methods = [rel.method for rel in rels]
            rows.append(
                [
                    rid,
                    ix.title(rid),
                    methods.count("stated"),
                    methods.count("extracted"),
                    methods.count("inferred"),
                    len(rels),
                ]
            )
    return sorted(rows, key=lambda r: (-r[4], r[1]))


def lateral_moves(ix: Index, role: str) -> list[list[Any]]:
    rows = []
    for rid in ix.find_roles(role):
        for target in ix.ends(rid, RelType.CAN_MOVE_TO):
            node = ix.nodes[target]
            shared = sorted(ix.name(s) for s in ix.skills_of(rid) & ix.skills_of(target))
            label = ix.labels[target].value
            rows.append([target, getattr(node, "title", None) or node.name, label, shared])
    rows.sort(key=lambda r: r[1])
    rows.sort(key=lambda r: r[2], reverse=True)
    return rows


EXPECTED: dict[str, Callable[..., list[list[Any]]]] = {
    "career-ladder": career_ladder,
    "shared-skills": shared_skills,
    "most-required-skills": most_required_skills,
    "unique-skills": unique_skills,
    "kpis-by-group": kpis_by_group,
    "reporting-tree": reporting_tree,
    "roles-without-kpi": roles_without_kpi,
    "skills-new-at-level": skills_new_at_level,
    "families-sharing-skills": families_sharing_skills,
    "role-card": role_card,
    "roles-needing-skill": roles_needing_skill,
    "provenance-audit": provenance_audit,
    "lateral-moves": lateral_moves,
}


def interesting_params(ix: Index) -> dict[str, list[dict[str, Any]]]:
    """Parameters that exercise each query on this snapshot (picked from the data, not hard-coded)."""
    snap = ix.snapshot
    roles_by_skills = sorted(snap.roles, key=lambda r: (-len(ix.skills_of(r.id)), r.id))
    busiest = roles_by_skills[0].id if roles_by_skills else "role:none"
    managers = sorted(snap.roles, key=lambda r: (-len(ix.starts(r.id, RelType.REPORTS_TO)), r.id))
    top = managers[0].id if managers else "role:none"
    family_sizes = sorted(snap.families, key=lambda f: (-len(ix.members(f.id)), f.id))
    family = family_sizes[0].name if family_sizes else "none"
    measured = defaultdict(int)
    for role in snap.roles:
        if role.function:
            measured[role.function] += len(ix.ends(role.id, RelType.MEASURED_BY))
    functions = sorted(measured, key=lambda f: (-measured[f], f))
    ranked = sorted({(r.family, r.level_rank) for r in snap.roles if r.family and r.level_rank is not None})
    level_group, level_rank = max(ranked, key=lambda fr: (fr[1] > 0, fr)) if ranked else ("none", 1)
    skills = sorted(snap.skills, key=lambda s: (-len(ix.starts(s.id, RelType.REQUIRES_SKILL)), s.id))
    movers = [r.id for r in snap.roles if ix.ends(r.id, RelType.CAN_MOVE_TO)]
    first_alias = next((r for r in snap.roles if r.aliases), None)
    return {
        "career-ladder": [{"family": f.name} for f in family_sizes[:3]],
        "shared-skills": [{"role": busiest, "min_shared": 1}, {"role": busiest, "min_shared": 3}]
        + ([{"role": first_alias.aliases[0], "min_shared": 2}] if first_alias else []),
        "most-required-skills": [{"limit": 5}, {"limit": 1000}],
        "unique-skills": [{"family": None}, {"family": family}],
        "kpis-by-group": [{"group": g} for g in functions[:3]] + [{"group": family}],
        "reporting-tree": [{"role": top}, {"role": busiest}],
        "roles-without-kpi": [{"family": None}, {"family": family}],
        "skills-new-at-level": [{"group": level_group, "level_rank": level_rank}],
        "families-sharing-skills": [{"limit": 100}],
        "role-card": [{"role": busiest}, {"role": roles_by_skills[-1].title if roles_by_skills else "none"}],
        "roles-needing-skill": [{"skill": s.name} for s in skills[:2]] + [{"skill": "no such skill"}],
        "provenance-audit": [{"role": None}, {"role": busiest}],
        "lateral-moves": [{"role": m} for m in movers[:2]] or [{"role": busiest}],
    }
