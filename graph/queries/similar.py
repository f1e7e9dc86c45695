"""Similar roles: cosine similarity of IDF-weighted skill profiles, so skills nearly every role holds
(people leadership, hiring) count less than the distinctive ones. Each result names the shared skills
that contribute most to its score.
"""

from __future__ import annotations

import heapq
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
    mine = og.role_skills[found.id]
    scored = []
    norms = og.skill_vectors.norms
    for other_id in _top_candidates(og, found.id, limit):
        score, parts = idf_cosine(mine, og.role_skills[other_id], og.skill_idf, (norms[found.id], norms[other_id]))
        if score > 0:
            scored.append((-score, og.roles_by_id[other_id].title.lower(), other_id, parts))
    results = []
    for negative_score, _, other_id, parts in heapq.nsmallest(limit, scored, key=lambda s: s[:2]):
        theirs = og.role_skills[other_id]
        top = sorted(parts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CONTRIBUTORS]
        results.append(
            {
                "role": RoleSummary.fields_of(og.roles_by_id[other_id]),
                "score": -negative_score,
                "shared_count": len(mine.keys() & theirs.keys()),
                "top_shared": [
                    {
                        **item_fields(og, skill_id, "skill"),
                        "contribution": part,
                        "weight": float(mine[skill_id]),
                        "other_weight": float(theirs[skill_id]),
                    }
                    for skill_id, part in top
                ],
            }
        )
    return {"corrections": [], "role": RoleSummary.fields_of(found), "results": results}


# Rounding in ``idf_cosine`` (six places per shared skill) moves a score by far less than this.
_ROUNDING_SLACK = 1e-4


def _top_candidates(og: OrgGraph, role_id: str, limit: int) -> list[str]:
    """The roles that can be among the ``limit`` most similar: every role whose unrounded score from the
    precomputed vectors comes within rounding of the ``limit``-th best (ties and all), scored exactly after."""
    return og.skill_vectors.nearest(role_id, limit, _ROUNDING_SLACK)
