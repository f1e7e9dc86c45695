"""Similar roles: cosine similarity of IDF-weighted skill profiles, so skills nearly every role holds
(people leadership, hiring) count less than the distinctive ones. Each result names the shared skills
that contribute most to its score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.queries.checks import check_int
from graph.queries.items import item_fields
from graph.queries.lookup import resolve_role
from graph.queries.models import Answer, Item, RoleSummary, _Result
from graph.queries.similarity import idf_cosine

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["Contribution", "SimilarRole", "SimilarRoles", "similar_fields", "similar_roles"]

MAX_LIMIT = 100
TOP_CONTRIBUTORS = 5


class Contribution(Item):
    """A shared skill and its share of the similarity score."""

    contribution: float
    weight: float
    other_weight: float


class SimilarRole(_Result):
    role: RoleSummary
    score: float
    shared_count: int
    top_shared: list[Contribution]


class SimilarRoles(Answer):
    role: RoleSummary
    results: list[SimilarRole]


def similar_roles(og: OrgGraph, role: str, limit: int = 10) -> SimilarRoles:
    """The roles most like ``role`` by IDF-weighted skill cosine, with the skills that explain it.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> found = similar_roles(sample_graph(), "SRE Manager", limit=2)
    >>> [(r.role.title, r.top_shared[0].name) for r in found.results]
    [('Engineering Manager', 'Incident Management'), ('Senior Engineering Manager', 'Incident Management')]
    """
    # Built as plain fields and validated once: each model built on its own costs more than its fields.
    return SimilarRoles.model_validate(similar_fields(og, role, limit))


def similar_fields(og: OrgGraph, role: str, limit: int = 10) -> dict:
    """The fields of :func:`similar_roles` as a dict, every field in the model's order (the role card
    nests its results; a route may serialise them as they are)."""
    check_int("limit", limit, 1, MAX_LIMIT)
    found = resolve_role(og, role)
    skills, roles, idf = og.role_skills, og.roles_by_id, og.skill_idf
    mine = skills[found.id]
    norms = og.skill_vectors.norms
    own_norm = norms[found.id]
    scored = []
    for other_id in _top_candidates(og, found.id, limit):
        score, parts = idf_cosine(mine, skills[other_id], idf, (own_norm, norms[other_id]))
        if score > 0:
            scored.append((-score, roles[other_id].title.lower(), other_id, parts))
    scored.sort(key=_score_then_title)  # a handful of candidates: sorting them all is heapq.nsmallest's answer
    results = []
    for negative_score, _, other_id, parts in scored[:limit]:
        theirs = skills[other_id]
        top = sorted(parts.items(), key=_largest_part_first)[:TOP_CONTRIBUTORS]
        top_shared = []
        for skill_id, part in top:
            shared = item_fields(og, skill_id, "skill")
            shared["contribution"] = part
            shared["weight"] = float(mine[skill_id])
            shared["other_weight"] = float(theirs[skill_id])
            top_shared.append(shared)
        results.append(
            {
                "role": RoleSummary.fields_of(roles[other_id]),
                "score": -negative_score,
                "shared_count": len(mine.keys() & theirs.keys()),
                "top_shared": top_shared,
            }
        )
    return {"corrections": [], "role": RoleSummary.fields_of(found), "results": results}


def _score_then_title(scored: tuple) -> tuple[float, str]:
    return scored[0], scored[1]


def _largest_part_first(part: tuple[str, float]) -> tuple[float, str]:
    return -part[1], part[0]


# Rounding in ``idf_cosine`` (six places per shared skill) moves a score by far less than this.
_ROUNDING_SLACK = 1e-4


def _top_candidates(og: OrgGraph, role_id: str, limit: int) -> list[str]:
    """The roles that can be among the ``limit`` most similar: every role whose unrounded score from the
    precomputed vectors comes within rounding of the ``limit``-th best (ties and all), scored exactly after."""
    return og.skill_vectors.nearest(role_id, limit, _ROUNDING_SLACK)
