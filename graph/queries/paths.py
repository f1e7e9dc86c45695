"""Career paths: the cheapest ways from one role to another over promotions, lateral moves and
specialty switches, and the next moves open from a role.

Costs: a promotion (PROMOTES_TO) costs 1.0; a lateral move (CAN_MOVE_TO) costs 1.0 plus one minus the
weighted skill overlap of the two roles, so a move between unrelated roles costs up to 2.0; a
specialty switch (SPECIALIZES, either direction) costs 0.5. When two kinds of move join the same pair
of roles, the cheaper one is kept (a promotion on a tie). Each step says its cost in words
(``cost_explained``) with the terms that made it (``cost_terms``), and whether the move is stated in a
document or inferred (``method``, ``confidence``).

What to gain at each step comes from ``graph.queries.gains``: what the step's role asks that the start
role and the earlier steps do not already give (``skills_to_gain``), and the path's total.

When there is no path the answer is not an error: ``paths`` is empty, ``message`` says so and
``closest`` names the reachable role whose skills overlap the target's most (fewest steps on a tie),
with the best path to it. The API answers such a result with 200.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice, pairwise
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from graph.errors import InvalidParameter
from graph.model import Method, RelType, Role
from graph.queries.checks import check_int, check_name
from graph.queries.gains import gains_along
from graph.queries.items import weighted_item_fields
from graph.queries.lookup import resolve_role
from graph.queries.models import Answer, EvidenceRef, RoleSummary, WeightedItem, _Result
from graph.queries.similarity import weighted_jaccard

if TYPE_CHECKING:
    import networkx as nx

    from graph.orggraph import OrgGraph

__all__ = [
    "CareerPath",
    "CareerPaths",
    "CareerStep",
    "ClosestRole",
    "CostTerm",
    "MoveKind",
    "NextRoles",
    "build_career_graph",
    "career_paths",
    "next_move_fields",
    "next_roles",
]

MoveKind = Literal["promotion", "lateral", "specialty"]

PROMOTION_COST = 1.0
LATERAL_BASE_COST = 1.0
SPECIALTY_COST = 0.5
MAX_K = 20
MAX_STEPS = 20
# Paths are enumerated cheapest first; longer-than-allowed ones are skipped, up to this many candidates.
MAX_CANDIDATES = 200
_KIND_ORDER = {"promotion": 0, "specialty": 1, "lateral": 2}


class CostTerm(_Result):
    """One term of a step's cost: what it is for and how much it adds."""

    label: str
    value: float


class CareerStep(_Result):
    """One move: from a role to the next, its kind and cost (explained), how it is known, the evidence,
    and what to gain that the person does not have yet."""

    start: RoleSummary
    end: RoleSummary
    kind: MoveKind
    method: Method = Field(description="stated or extracted from a document, or inferred by a rule")
    confidence: float
    cost: float
    cost_terms: list[CostTerm]
    cost_explained: str
    skill_overlap: float
    evidence: EvidenceRef | None = None
    skills_to_gain: list[WeightedItem] = Field(
        description="What this step's role asks that the start role and the earlier steps do not give."
    )
    kpis_to_gain: list[WeightedItem]


class CareerPath(_Result):
    cost: float
    cost_explained: str
    inferred_steps: int = Field(description="How many steps are inferred rather than stated in a document.")
    steps: list[CareerStep]
    skills_to_gain: list[WeightedItem] = Field(description="Every step's skills to gain: the total at the end.")
    kpis_to_gain: list[WeightedItem]


class ClosestRole(_Result):
    """The reachable role nearest to an unreachable target, and why it was chosen."""

    role: RoleSummary
    steps: int
    skill_overlap: float
    reason: str
    path: CareerPath


class CareerPaths(Answer):
    from_role: RoleSummary
    to_role: RoleSummary
    promotions_only: bool
    max_steps: int
    paths: list[CareerPath]
    closest: ClosestRole | None = None
    message: str | None = None


class NextRoles(Answer):
    role: RoleSummary
    moves: list[CareerStep]


def build_career_graph(og: OrgGraph) -> nx.DiGraph:
    """The moves between roles as a DiGraph: edge attributes ``kind``, ``cost``, ``overlap``, ``rel``.

    ``OrgGraph.career_moves`` caches it per graph.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> g = build_career_graph(sample_graph())
    >>> g["role:manager"]["role:senior-manager"]["kind"], g["role:manager"]["role:delivery-manager"]["cost"]
    ('promotion', 0.5)
    """
    import networkx as nx  # imported on first use: the server starts without it

    graph = nx.DiGraph()
    graph.add_nodes_from(og.roles_by_id)

    def offer(start: str, end: str, kind: MoveKind, rel: dict) -> None:
        if start == end or start not in og.roles_by_id or end not in og.roles_by_id:
            return
        overlap = weighted_jaccard(og.role_skills[start], og.role_skills[end])
        cost = {
            "promotion": PROMOTION_COST,
            "lateral": LATERAL_BASE_COST + (1.0 - overlap),
            "specialty": SPECIALTY_COST,
        }[kind]
        current = graph.get_edge_data(start, end)
        if current is None or (cost, _KIND_ORDER[kind]) < (current["cost"], _KIND_ORDER[current["kind"]]):
            graph.add_edge(start, end, kind=kind, cost=round(cost, 6), overlap=overlap, rel=rel)

    moves = og.relationships_of(RelType.PROMOTES_TO, RelType.CAN_MOVE_TO, RelType.SPECIALIZES)
    for rel_type, start, end, attrs in moves:
        if rel_type == RelType.PROMOTES_TO:
            offer(start, end, "promotion", attrs)
        elif rel_type == RelType.CAN_MOVE_TO:
            offer(start, end, "lateral", attrs)
        else:
            offer(start, end, "specialty", attrs)
            offer(end, start, "specialty", attrs)
    return graph


def _moves(og: OrgGraph, promotions_only: bool) -> nx.DiGraph:
    import networkx as nx

    graph = og.career_moves
    if not promotions_only:
        return graph
    return nx.subgraph_view(graph, filter_edge=lambda u, v: graph[u][v]["kind"] == "promotion")


_KIND_WORDS = {"promotion": "promotion", "lateral": "lateral move", "specialty": "specialty switch"}


_PROMOTION_TERMS = ({"label": "promotion", "value": PROMOTION_COST},)
_SPECIALTY_TERMS = ({"label": "specialty switch", "value": SPECIALTY_COST},)


def _cost_term_fields(kind: MoveKind, overlap: float) -> list[dict]:
    """The terms of a step's cost, as the fields of ``CostTerm``."""
    if kind == "promotion":
        fields = _PROMOTION_TERMS
    elif kind == "specialty":
        fields = _SPECIALTY_TERMS
    else:
        fields = (
            {"label": "lateral move", "value": LATERAL_BASE_COST},
            {"label": f"skills not shared (1 - {overlap:.2f} weighted overlap)", "value": round(1.0 - overlap, 6)},
        )
    return [dict(term) for term in fields]


def _explain(kind: MoveKind, cost: float, overlap: float, method: str, confidence: float) -> str:
    if kind == "lateral":
        words = (
            f"cost {cost:.2f}: a lateral move costs {LATERAL_BASE_COST:g} plus 1 - {overlap:.2f} for the skills "
            "the two roles do not share"
        )
    else:
        words = f"cost {cost:g}: a {_KIND_WORDS[kind]} costs {cost:g}"
    if method == "inferred":
        words += f"; the move is inferred by a rule (confidence {confidence:.2f}), not stated in a document"
    return words


class _Summaries(dict):
    """The ``RoleSummary`` of each role an answer names, made once per answer (a path's steps share their
    ends; the start and the closest role are named again at the top); ``make`` gives its fields instead
    (``RoleSummary.fields_of``) for an answer of plain fields."""

    def __init__(self, og: OrgGraph, make: Callable[[Role], Any] = RoleSummary.of) -> None:
        super().__init__()
        self.roles = og.roles_by_id
        self.make = make

    def __missing__(self, role_id: str) -> RoleSummary:
        summary = self[role_id] = self.make(self.roles[role_id])
        return summary


def _step_fields(
    graph: nx.DiGraph, summaries: _Summaries, start: str, end: str, skills: list, kpis: list
) -> dict[str, Any]:
    """The fields of the move ``start`` → ``end`` with the gains given, in ``CareerStep``'s order; its
    cost terms and evidence as dicts."""
    move = graph._succ[start][end]  # the adjacency itself: graph[start] makes a view per call
    rel = move["rel"] or {}
    method, confidence = rel.get("method") or "stated", rel.get("confidence", 1.0)
    kind, cost, overlap = move["kind"], move["cost"], move["overlap"]
    return {
        "start": summaries[start],
        "end": summaries[end],
        "kind": kind,
        "method": method,
        "confidence": confidence,
        "cost": cost,
        "cost_terms": _cost_term_fields(kind, overlap),
        "cost_explained": _explain(kind, cost, overlap, method, confidence),
        "skill_overlap": overlap,
        "evidence": EvidenceRef.fields_of_edge(move["rel"]),
        "skills_to_gain": skills,
        "kpis_to_gain": kpis,
    }


def _step(
    og: OrgGraph,
    graph: nx.DiGraph,
    summaries: _Summaries,
    start: str,
    end: str,
    skills: list[WeightedItem] | None = None,
    kpis: list[WeightedItem] | None = None,
) -> CareerStep:
    """The move ``start`` → ``end``; its gains are ``skills``/``kpis`` when a path computed them.

    Answers are made with ``trusted``, not validated: every field comes from the graph's validated
    models (or is computed here with its model's type), and validating them again costs more than the
    rest of the answer.
    """
    if skills is None:
        skills = gains_along(og, [start, end], "skill")[0]
    if kpis is None:
        kpis = gains_along(og, [start, end], "kpi")[0]
    fields = _step_fields(graph, summaries, start, end, skills, kpis)
    fields["cost_terms"] = [CostTerm.trusted(term) for term in fields["cost_terms"]]
    if fields["evidence"] is not None:
        fields["evidence"] = EvidenceRef.trusted(fields["evidence"])
    return CareerStep.trusted(fields)


def _path(og: OrgGraph, graph: nx.DiGraph, summaries: _Summaries, nodes: list[str]) -> CareerPath:
    skills, kpis = gains_along(og, nodes, "skill"), gains_along(og, nodes, "kpi")
    steps = [
        _step(og, graph, summaries, a, b, s, k) for (a, b), s, k in zip(pairwise(nodes), skills, kpis, strict=True)
    ]
    cost = round(sum(step.cost for step in steps), 6)
    terms = " + ".join(f"{_KIND_WORDS[step.kind]} {step.cost:g}" for step in steps)
    inferred = sum(step.method == "inferred" for step in steps)
    explained = f"cost {cost:g} = {terms}" if len(steps) > 1 else f"cost {cost:g}: {steps[0].cost_explained}"
    if inferred:
        explained += f"; {inferred} of the {len(steps)} moves inferred, not stated in a document"
    return CareerPath.trusted(
        {
            "cost": cost,
            "cost_explained": explained,
            "inferred_steps": inferred,
            "steps": steps,
            "skills_to_gain": [i for step in skills for i in step],
            "kpis_to_gain": [i for step in kpis for i in step],
        }
    )


def _cheapest(
    og: OrgGraph,
    graph: nx.DiGraph,
    start: str,
    end: str,
    k: int,
    max_steps: int,
    forward: dict[str, int],
) -> list[list[str]]:
    """The ``k`` cheapest simple paths, leaving out detours: a path that only switches into a sibling
    specialty and back onto the same ladder is the same route as one already found.

    The search runs on the roles that can lie on a path of at most ``max_steps`` moves (hop distance
    from ``start`` plus hop distance to ``end``), copied with the move graph's adjacency order, so the
    enumeration sees every path it may return and nothing it could only skip. ``forward`` is
    ``_hops`` from ``start`` (the caller has it already).
    """
    import networkx as nx

    bases = og.specialty_bases
    region = _region(graph, start, end, max_steps, forward)
    if region is None:
        return []
    found: list[list[str]] = []
    routes: set[tuple[str, ...]] = set()
    try:
        for nodes in islice(nx.shortest_simple_paths(region, start, end, weight="cost"), MAX_CANDIDATES):
            route = _route(nodes, bases)
            if len(nodes) - 1 <= max_steps and route not in routes:
                routes.add(route)
                found.append(nodes)
                if len(found) == k:
                    break
    except nx.NetworkXNoPath:
        pass
    return found


def _hops(neighbours, source: str, cutoff: int, within: dict[str, int] | None = None) -> dict[str, int]:
    """Breadth-first hop counts from ``source`` over ``neighbours`` (an adjacency mapping), up to ``cutoff``.

    Callers pass the graph's own adjacency (``graph._succ``, ``graph._pred``): the public views wrap every
    lookup. With ``within`` (hop counts from the other end of the path, the reverse of ``neighbours``) the
    pass enters only nodes on a path of at most ``cutoff`` hops between the two ends: every node on the
    fewest-hops path from a kept node to ``source`` is itself kept (it is as close to the other end, plus
    the hops between, and as close to ``source``), so each kept node is found at its true distance
    without visiting the many nodes that reach ``source`` from elsewhere.
    """
    beyond = cutoff + 1
    seen = {source: 0}
    frontier = [source]
    for depth in range(1, cutoff + 1):
        nxt = []
        for node in frontier:
            for other in neighbours[node]:
                if other in seen or (within is not None and within.get(other, beyond) + depth > cutoff):
                    continue
                seen[other] = depth
                nxt.append(other)
        if not nxt:
            break
        frontier = nxt
    return seen


def _region(graph: nx.DiGraph, start: str, end: str, max_steps: int, forward: dict[str, int]) -> nx.DiGraph | None:
    """The moves between roles on some path of at most ``max_steps`` moves from ``start`` to ``end``.

    None when ``end`` is out of reach. Adjacency keeps the order of ``graph`` (successors and
    predecessors alike), so the path search breaks ties as it would on the whole graph.
    """
    import networkx as nx

    if end not in forward:
        return None
    keep = _hops(graph._pred, end, max_steps, within=forward)
    region = nx.DiGraph()
    region.add_nodes_from(keep)
    for node in keep:
        region._succ[node] = {v: data for v, data in graph._succ[node].items() if v in keep}
        region._pred[node] = {u: data for u, data in graph._pred[node].items() if u in keep}
    return region


def _route(nodes: list[str], bases: dict[str, str]) -> tuple[str, ...]:
    """The roles a path passes with each specialty read as its base role, repeats collapsed."""
    route: list[str] = []
    for node in nodes:
        base = bases.get(node, node)
        if not route or route[-1] != base:
            route.append(base)
    return tuple(route)


def _closest(
    og: OrgGraph,
    graph: nx.DiGraph,
    summaries: _Summaries,
    start: str,
    target: str,
    max_steps: int,
    forward: dict[str, int],
) -> ClosestRole | None:
    """The reachable role sharing the most of ``target``'s skills; ``forward`` is ``_hops`` from ``start``."""
    reach = dict(forward)
    reach.pop(start, None)
    if not reach:
        return None
    wanted, skills, roles = og.role_skills[target], og.role_skills, og.roles_by_id
    negative_overlap, steps, _, role_id = min(
        (-weighted_jaccard(skills[r], wanted), steps, roles[r].title.lower(), r) for r, steps in reach.items()
    )
    overlap = -negative_overlap
    title, target_title = og.roles_by_id[role_id].title, og.roles_by_id[target].title
    reason = (
        f"of the {len(reach)} roles reachable within {max_steps} steps, {title} shares the most of "
        f"{target_title}'s weighted skills ({overlap:.0%}); it is {steps} step{'s' if steps != 1 else ''} away"
    )
    path = _path(og, graph, summaries, _cheapest(og, graph, start, role_id, 1, max_steps, forward)[0])
    return ClosestRole.trusted(
        {"role": summaries[role_id], "steps": steps, "skill_overlap": overlap, "reason": reason, "path": path}
    )


def career_paths(
    og: OrgGraph,
    from_role: str,
    to_role: str,
    *,
    k: int = 3,
    max_steps: int = 8,
    promotions_only: bool = False,
) -> CareerPaths:
    """The ``k`` cheapest simple paths from one role to another, each step with what to gain.

    Parameters
    ----------
    og : OrgGraph
    from_role, to_role : str
        Role ids, slugs, titles or aliases (fuzzy matched).
    k : int
        How many paths, 1 to 20.
    max_steps : int
        Longest path to consider, 1 to 20 moves.
    promotions_only : bool
        Follow PROMOTES_TO only (no lateral moves, no specialty switches).

    Returns
    -------
    CareerPaths
        Cheapest path first. No path is not an error: ``paths`` is empty, ``message`` explains and
        ``closest`` names the reachable role that shares the most of the target's skills.

    Raises
    ------
    RoleNotFound
        A role is unknown (with suggestions).
    InvalidParameter
        ``k`` or ``max_steps`` is out of range, or both roles are the same.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> og = sample_graph()
    >>> found = career_paths(og, "Software Engineer", "VP of Engineering", k=2)
    >>> [[s.end.title for s in p.steps] for p in found.paths]  # doctest: +NORMALIZE_WHITESPACE
    [['Engineering Manager', 'Senior Engineering Manager', 'Director of Engineering', 'VP of Engineering'],
     ['Engineering Manager', 'SRE Manager', 'Director of Engineering', 'VP of Engineering']]
    >>> career_paths(og, "Engineering Manager", "Product Designer").closest.role.title
    'Data Engineering Manager'
    """
    check_int("k", k, 1, MAX_K)
    check_int("max_steps", max_steps, 1, MAX_STEPS)
    start = resolve_role(og, check_name("from", from_role, "role"))
    end = resolve_role(og, check_name("to", to_role, "role"))
    if start.id == end.id:
        raise InvalidParameter("to", f"is the same role as from ({start.title}); give two different roles")
    graph = _moves(og, promotions_only)
    # One breadth-first pass from the start: whether the target is within reach at all (most pairs of
    # a large library are not: no search is set up for them), and the reach the closest role is chosen from.
    forward = _hops(graph._succ, start.id, max_steps)
    found = _cheapest(og, graph, start.id, end.id, k, max_steps, forward) if end.id in forward else []
    summaries = _Summaries(og)
    answer = {
        "corrections": [],
        "from_role": summaries[start.id],
        "to_role": summaries[end.id],
        "promotions_only": promotions_only,
        "max_steps": max_steps,
        "paths": [_path(og, graph, summaries, nodes) for nodes in found],
        "closest": None,
        "message": None,
    }
    if not found:
        closest = _closest(og, graph, summaries, start.id, end.id, max_steps, forward)
        moves = "promotions" if promotions_only else "moves"
        message = f"no path from {start.title} to {end.title} within {max_steps} {moves}"
        if closest is None:
            message += f"; {start.title} has no recorded {moves} out of it"
        else:
            message += f"; closest reachable role is {closest.role.title} ({closest.reason})"
        answer.update(closest=closest, message=message)
    return CareerPaths.trusted(answer)


def next_roles(og: OrgGraph, role: str) -> NextRoles:
    """The moves open from a role: promotions first, then by skill overlap, each with its skill gain.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> moves = next_roles(sample_graph(), "Engineering Manager").moves
    >>> [(m.end.title, m.kind) for m in moves]  # doctest: +NORMALIZE_WHITESPACE
    [('Senior Engineering Manager', 'promotion'), ('SRE Manager', 'lateral'),
     ('Engineering Manager (Delivery)', 'specialty'), ('Platform Engineering Manager', 'lateral'),
     ('Data Engineering Manager', 'lateral')]
    """
    found = resolve_role(og, role)
    summaries = _Summaries(og)
    steps = [_step(og, og.career_moves, summaries, found.id, end) for end in _next_ends(og, found.id)]
    return NextRoles.trusted({"corrections": [], "role": summaries[found.id], "moves": steps})


def next_move_fields(og: OrgGraph, role_id: str) -> list[dict[str, Any]]:
    """The moves of :func:`next_roles` from the role ``role_id`` as plain fields (dicts and lists, in the
    models' order), for an answer serialised as it is (the role card).

    Examples
    --------
    >>> from pydantic_core import to_json
    >>> from graph.queries.sample import sample_graph
    >>> og = sample_graph()
    >>> to_json(next_move_fields(og, "role:manager")) == to_json(next_roles(og, "role:manager").moves)
    True
    """
    graph, summaries = og.career_moves, _Summaries(og, RoleSummary.fields_of)
    return [
        _step_fields(
            graph,
            summaries,
            role_id,
            end,
            gains_along(og, [role_id, end], "skill", weighted_item_fields)[0],
            gains_along(og, [role_id, end], "kpi", weighted_item_fields)[0],
        )
        for end in _next_ends(og, role_id)
    ]


def _next_ends(og: OrgGraph, role_id: str) -> list[str]:
    """The roles a move from ``role_id`` leads to: promotions first, then by skill overlap, then by title."""
    moves, roles = og.career_moves._succ[role_id], og.roles_by_id
    return sorted(moves, key=lambda end: (moves[end]["kind"] != "promotion", -moves[end]["overlap"],
                                          roles[end].title.lower()))
