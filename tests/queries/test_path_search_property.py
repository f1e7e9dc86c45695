"""The pruned path search returns the same k best costs as brute force over every simple path, on random graphs."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from graph.queries import career_paths
from graph.queries.paths import MAX_CANDIDATES
from graph.queries.similarity import weighted_jaccard
from tests.queries.builders import make_graph

ROLES = [f"r{i}" for i in range(7)]
SKILLS = ["x", "y", "z", "q"]


@st.composite
def random_orgs(draw):
    n = draw(st.integers(min_value=2, max_value=len(ROLES)))
    roles = ROLES[:n]
    weights = st.sampled_from([0.2, 0.5, 1.0])
    skills = {role: draw(st.dictionaries(st.sampled_from(SKILLS), weights, max_size=3)) for role in roles}
    pairs = [(a, b) for a in roles for b in roles if a != b]
    promotions = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=12))
    lateral = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=12))
    start, end = draw(st.sampled_from(pairs))
    return make_graph(skills, promotions=promotions, lateral=lateral), f"role:{start}", f"role:{end}"


def brute_force_costs(moves: nx.DiGraph, start: str, end: str, max_steps: int) -> list[float]:
    costs = [
        round(sum(moves[a][b]["cost"] for a, b in nx.utils.pairwise(path)), 6)
        for path in nx.all_simple_paths(moves, start, end, cutoff=max_steps)
    ]
    return sorted(costs)


def moves_of(og, promotions_only: bool) -> nx.DiGraph:
    """The move graph the search runs on: every move, or the promotions alone (every role kept)."""
    if not promotions_only:
        return og.career_moves
    graph = nx.DiGraph()
    graph.add_nodes_from(og.career_moves)
    graph.add_edges_from((a, b, d) for a, b, d in og.career_moves.edges(data=True) if d["kind"] == "promotion")
    return graph


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    org=random_orgs(),
    k=st.integers(min_value=1, max_value=5),
    max_steps=st.integers(min_value=1, max_value=6),
    promotions_only=st.booleans(),
)
def test_pruned_search_returns_the_k_best_costs_of_a_brute_force_search(org, k, max_steps, promotions_only):
    og, start, end = org
    moves = moves_of(og, promotions_only)
    # The search enumerates at most MAX_CANDIDATES paths of any length; keep to graphs where that is all of them.
    assume(sum(1 for _ in nx.all_simple_paths(moves, start, end)) <= MAX_CANDIDATES)
    found = career_paths(og, start, end, k=k, max_steps=max_steps, promotions_only=promotions_only)
    expected = brute_force_costs(moves, start, end, max_steps)[:k]
    assert [p.cost for p in found.paths] == pytest.approx(expected)
    assert all(len(p.steps) <= max_steps for p in found.paths)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org=random_orgs(), max_steps=st.integers(min_value=1, max_value=6), promotions_only=st.booleans())
def test_without_a_path_the_closest_role_is_the_reachable_one_sharing_most_skills(org, max_steps, promotions_only):
    og, start, end = org
    moves = moves_of(og, promotions_only)
    assume(not brute_force_costs(moves, start, end, max_steps))
    found = career_paths(og, start, end, max_steps=max_steps, promotions_only=promotions_only)
    assert found.paths == []
    reach = nx.single_source_shortest_path_length(moves, start, cutoff=max_steps)
    reach.pop(start)
    if not reach:
        assert found.closest is None
        return
    overlaps = {role: weighted_jaccard(og.role_skills[role], og.role_skills[end]) for role in reach}
    closest = found.closest
    assert closest.skill_overlap == pytest.approx(max(overlaps.values()))
    assert closest.steps == reach[closest.role.id]
    assert closest.path.steps[0].start.id == start and closest.path.steps[-1].end.id == closest.role.id
    assert len(closest.path.steps) <= max_steps
    assert closest.steps == min(reach[r] for r, o in overlaps.items() if o == pytest.approx(closest.skill_overlap))
