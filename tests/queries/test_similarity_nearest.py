"""SkillVectors.nearest finds the same roles as ranking every role's score, on random profiles."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.queries.similarity import SkillVectors, idf_weights

SKILLS = [f"s{i}" for i in range(6)]


def nearest_by_ranking_all(vectors: SkillVectors, role: str, k: int, slack: float) -> list[str]:
    """The definition: other roles with a positive score within ``slack`` of the k-th best positive one."""
    scores = {other: score for other, score in vectors.scores(role).items() if other != role and score > 0}
    if len(scores) <= k:
        return sorted(scores)
    kth = sorted(scores.values(), reverse=True)[k - 1]
    return sorted(other for other, score in scores.items() if score >= kth - slack)


@st.composite
def random_profiles(draw):
    # Up to 60 roles: more than a few samples of every eighth role, so the sampled bound is exercised.
    n = draw(st.integers(min_value=1, max_value=60))
    weights = st.sampled_from([0.2, 0.5, 1.0])
    return {f"role:r{i}": draw(st.dictionaries(st.sampled_from(SKILLS), weights, max_size=4)) for i in range(n)}


@settings(max_examples=300, deadline=None)
@given(profiles=random_profiles(), k=st.integers(min_value=1, max_value=12), slack=st.sampled_from([0.0, 1e-4, 0.05]),
       pick=st.integers(min_value=0))
def test_nearest_is_every_role_within_slack_of_the_kth_best(profiles, k, slack, pick):
    vectors = SkillVectors(profiles, idf_weights(profiles.values()))
    role = sorted(profiles)[pick % len(profiles)]
    assert sorted(vectors.nearest(role, k, slack)) == nearest_by_ranking_all(vectors, role, k, slack)


def test_nearest_keeps_every_tie_at_the_kth_best():
    # 40 roles share skill x equally with r0 (ties at the k-th best); a few share more.
    profiles = {"role:r0": {"x": 1.0, "y": 1.0}, **{f"role:t{i}": {"x": 1.0, "z": 1.0} for i in range(40)},
                **{f"role:b{i}": {"x": 1.0, "y": 1.0} for i in range(3)}, "role:none": {"q": 1.0}}
    vectors = SkillVectors(profiles, idf_weights(profiles.values()))
    found = vectors.nearest("role:r0", 5, 1e-4)
    assert sorted(found) == nearest_by_ranking_all(vectors, "role:r0", 5, 1e-4)
    assert len(found) == 43 and np.all([name != "role:r0" for name in found])
