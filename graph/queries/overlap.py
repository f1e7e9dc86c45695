"""The overlap matrix: pairwise weighted skill overlap of a set of roles, in an order that keeps
clusters together (for a heatmap).

The order comes from average-linkage agglomerative clustering: repeatedly join the two groups with the
highest mean overlap, orienting them so the most similar ends meet. Ties break by role order, so the
result is deterministic.
"""

from __future__ import annotations

import heapq
from itertools import combinations
from typing import TYPE_CHECKING

from graph.errors import InvalidParameter
from graph.queries.listings import role_matcher, role_order
from graph.queries.lookup import resolve_roles
from graph.queries.models import Answer, RoleSummary
from graph.queries.similarity import weighted_jaccard

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["OverlapMatrix", "cluster_order", "overlap_matrix"]

MAX_MATRIX_ROLES = 200


class OverlapMatrix(Answer):
    """``scores[i][j]`` is the weighted skill overlap of ``roles[i]`` and ``roles[j]``; ``shared[i][j]``
    how many skills they share (the diagonal: a role's own skill count)."""

    roles: list[RoleSummary]
    scores: list[list[float]]
    shared: list[list[int]]


def cluster_order(similarity: list[list[float]]) -> list[int]:
    """Indexes in an order that puts similar items next to each other.

    Average-linkage agglomerative clustering with a heap of candidate joins (stale entries are
    skipped), so ``n`` items take ``O(n² log n)``.

    Examples
    --------
    >>> cluster_order([[1, 0, .9, 0], [0, 1, 0, .8], [.9, 0, 1, 0], [0, .8, 0, 1]])
    [0, 2, 1, 3]
    """
    groups: dict[int, list[int]] = {i: [i] for i in range(len(similarity))}
    between = {(a, b): similarity[a][b] for a in groups for b in groups if a < b}
    version = dict.fromkeys(groups, 0)
    heap = [(-s, a, b, 0, 0) for (a, b), s in between.items()]
    heapq.heapify(heap)
    while len(groups) > 1:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        if a not in groups or b not in groups or (version[a], version[b]) != (version_a, version_b):
            continue
        left, right = groups.pop(a), groups.pop(b)
        joined = max(
            (left + right, left[::-1] + right, left + right[::-1], left[::-1] + right[::-1]),
            key=lambda order: similarity[order[len(left) - 1]][order[len(left)]],
        )
        for c in groups:
            mean = (len(left) * between.pop(_pair(a, c)) + len(right) * between.pop(_pair(b, c))) / len(joined)
            between[_pair(a, c)] = mean
        between.pop((a, b), None)
        groups[a] = joined
        version[a] += 1
        for c in groups:
            if c != a:
                low, high = _pair(a, c)
                heapq.heappush(heap, (-between[(low, high)], low, high, version[low], version[high]))
    return next(iter(groups.values()), [])


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def overlap_matrix(
    og: OrgGraph,
    roles: list[str] | None = None,
    *,
    family: str | None = None,
    function: str | None = None,
    level: str | None = None,
) -> OverlapMatrix:
    """Pairwise weighted skill overlap of the chosen roles, clustered.

    Parameters
    ----------
    og : OrgGraph
    roles : list of str, optional
        The roles (ids, slugs, titles or aliases); all roles when not given.
    family, function, level : str, optional
        Keep only the roles matching these filters (as in ``list_roles``).

    Raises
    ------
    InvalidParameter
        Fewer than two roles are selected, or more than 200.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> m = overlap_matrix(sample_graph(), ["SRE Manager", "Data Engineering Manager", "EM"])
    >>> [r.title for r in m.roles], m.scores[0]
    (['SRE Manager', 'Engineering Manager', 'Data Engineering Manager'], [1.0, 0.48, 0.151515])
    """
    chosen = resolve_roles(og, roles) if roles else sorted(og.roles_by_id.values(), key=role_order)
    matches = role_matcher(og, family=family, function=function, level=level)
    chosen = [role for role in chosen if matches(role)]
    if len(chosen) < 2:
        raise InvalidParameter("roles", f"the selection holds {len(chosen)} role(s); give at least two roles")
    if len(chosen) > MAX_MATRIX_ROLES:
        raise InvalidParameter(
            "roles", f"the selection holds {len(chosen)} roles; narrow it to at most {MAX_MATRIX_ROLES}"
        )
    profiles = [og.role_skills[role.id] for role in chosen]
    scores = [[1.0] * len(profiles) for _ in profiles]
    for i, j in combinations(range(len(profiles)), 2):
        scores[i][j] = scores[j][i] = weighted_jaccard(profiles[i], profiles[j])
    order = cluster_order(scores)
    return OverlapMatrix(
        roles=[RoleSummary.of(chosen[i]) for i in order],
        scores=[[scores[i][j] for j in order] for i in order],
        shared=[[len(profiles[i].keys() & profiles[j].keys()) for j in order] for i in order],
    )
