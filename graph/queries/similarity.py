"""The one measure of how much two roles have in common, used by paths, similar, overlap and gap.

A role's *profile* maps skill (or KPI) ids to weights in (0, 1]. Two profiles overlap by their
weighted Jaccard index: the sum of the smaller weights over the sum of the larger weights.
:func:`idf_cosine` is the variant for "similar roles", where skills almost every role holds count less.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

__all__ = ["Profile", "idf_cosine", "idf_weights", "weighted_jaccard"]

Profile = Mapping[str, float]


def weighted_jaccard(a: Profile, b: Profile) -> float:
    """Sum of min weights over sum of max weights; 0.0 when both profiles are empty.

    Examples
    --------
    >>> weighted_jaccard({"x": 1.0, "y": 0.5}, {"x": 0.5, "z": 1.0})
    0.2
    >>> weighted_jaccard({}, {})
    0.0
    """
    # max(x, y) = x + y - min(x, y), so only the shared keys need visiting.
    lower = sum(min(a[k], b[k]) for k in a.keys() & b.keys())
    upper = sum(a.values()) + sum(b.values()) - lower
    if upper <= 0:
        return 0.0
    return round(lower / upper, 6)


def idf_weights(profiles: Iterable[Profile]) -> dict[str, float]:
    """``log(N / df)`` per key, where ``N`` is the number of profiles and ``df`` how many hold the key.

    Examples
    --------
    >>> w = idf_weights([{"common": 1, "rare": 1}, {"common": 1}])
    >>> w["common"], round(w["rare"], 3)
    (0.0, 0.693)
    """
    profiles = list(profiles)
    document_frequency: dict[str, int] = {}
    for profile in profiles:
        for key in profile:
            document_frequency[key] = document_frequency.get(key, 0) + 1
    total = len(profiles)
    return {key: math.log(total / df) for key, df in document_frequency.items()}


def idf_cosine(a: Profile, b: Profile, idf: Mapping[str, float]) -> tuple[float, dict[str, float]]:
    """Cosine of the IDF-weighted profiles, and each shared key's share of it (they sum to the score).

    Examples
    --------
    >>> score, parts = idf_cosine({"x": 1, "y": 1}, {"x": 1, "z": 1}, {"x": 1.0, "y": 1.0, "z": 1.0})
    >>> score, parts
    (0.5, {'x': 0.5})
    """
    norm_a = math.sqrt(sum((w * idf.get(k, 0.0)) ** 2 for k, w in a.items()))
    norm_b = math.sqrt(sum((w * idf.get(k, 0.0)) ** 2 for k, w in b.items()))
    if norm_a == 0 or norm_b == 0:
        return 0.0, {}
    parts = {}
    for key in a.keys() & b.keys():
        part = a[key] * b[key] * idf.get(key, 0.0) ** 2 / (norm_a * norm_b)
        if part > 0:
            parts[key] = round(part, 6)
    return round(sum(parts.values()), 6), parts
