"""The one measure of how much two roles have in common, used by paths, similar, overlap and gap.

A role's *profile* maps skill (or KPI) ids to weights in (0, 1]. Two profiles overlap by their
weighted Jaccard index: the sum of the smaller weights over the sum of the larger weights.
:func:`idf_cosine` is the variant for "similar roles", where skills almost every role holds count less.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np

__all__ = ["Profile", "SkillVectors", "idf_cosine", "idf_norm", "idf_weights", "weighted_jaccard"]

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
    # max(x, y) = x + y - min(x, y), so only the shared keys need visiting. They are summed in a's order:
    # a set's order changes with the process's string hashing, and so would the last bit of the sum.
    lower = sum(min(a[k], b[k]) for k in a if k in b)
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


def idf_norm(profile: Profile, idf: Mapping[str, float]) -> float:
    """The length of the IDF-weighted profile (what :func:`idf_cosine` divides by).

    Examples
    --------
    >>> idf_norm({"x": 1, "y": 0.5}, {"x": 2.0, "y": 2.0})
    2.23606797749979
    """
    return math.sqrt(sum((w * idf.get(k, 0.0)) ** 2 for k, w in profile.items()))


def idf_cosine(
    a: Profile, b: Profile, idf: Mapping[str, float], norms: tuple[float, float] | None = None
) -> tuple[float, dict[str, float]]:
    """Cosine of the IDF-weighted profiles, and each shared key's share of it (they sum to the score).

    ``norms`` are the two profiles' :func:`idf_norm` when already known.

    Examples
    --------
    >>> score, parts = idf_cosine({"x": 1, "y": 1}, {"x": 1, "z": 1}, {"x": 1.0, "y": 1.0, "z": 1.0})
    >>> score, parts
    (0.5, {'x': 0.5})
    """
    norm_a, norm_b = norms or (idf_norm(a, idf), idf_norm(b, idf))
    if norm_a == 0 or norm_b == 0:
        return 0.0, {}
    norm_product, weight_of = norm_a * norm_b, idf.get
    parts = {}
    for key in a:  # in a's order, not a set's (which changes with string hashing): the sum's last bit too
        if key not in b:
            continue
        part = a[key] * b[key] * weight_of(key, 0.0) ** 2 / norm_product
        if part > 0:
            parts[key] = round(part, 6)
    return round(sum(parts.values()), 6), parts


class SkillVectors:
    """IDF-weighted profiles of every role, normalised once, with an inverted index skill → roles.

    ``scores(role)`` gives the unrounded :func:`idf_cosine` of ``role`` with every role sharing a
    weighted skill with it: one vectorised sum over the posting lists of the role's own skills.
    ``norms[role]`` is its :func:`idf_norm`, for the exact scores of the few nearest.

    Examples
    --------
    >>> vectors = SkillVectors({"a": {"x": 1, "y": 1}, "b": {"x": 1, "z": 1}, "c": {"q": 1}},
    ...                        {"x": 1.0, "y": 1.0, "z": 1.0, "q": 1.0})
    >>> {k: round(v, 6) for k, v in vectors.scores("a").items()}
    {'a': 1.0, 'b': 0.5}
    """

    def __init__(self, profiles: Mapping[str, Profile], idf: Mapping[str, float]) -> None:
        self._roles = list(profiles)
        position = self._position = {role: i for i, role in enumerate(self._roles)}
        postings: dict[str, tuple[list[int], list[float]]] = {}
        self._unit: dict[str, dict[str, float]] = {}
        self.norms: dict[str, float] = {}
        for role, profile in profiles.items():
            norm = self.norms[role] = idf_norm(profile, idf)
            weighted = {k: w * idf.get(k, 0.0) for k, w in profile.items()}
            if norm == 0:
                continue
            unit = {k: v / norm for k, v in weighted.items() if v}
            self._unit[role] = unit
            for key, value in unit.items():
                rows, values = postings.setdefault(key, ([], []))
                rows.append(position[role])
                values.append(value)
        self._postings = {
            key: (np.asarray(rows, dtype=np.int64), np.asarray(values, dtype=np.float64))
            for key, (rows, values) in postings.items()
        }

    def _totals(self, role: str) -> np.ndarray:
        unit = self._unit.get(role)
        if not unit:
            return np.zeros(len(self._roles))
        postings = [self._postings[key] for key in unit]
        rows = np.concatenate([found for found, _ in postings])
        products = np.concatenate([value * values for value, (_, values) in zip(unit.values(), postings, strict=True)])
        return np.bincount(rows, weights=products, minlength=len(self._roles))

    def scores(self, role: str) -> dict[str, float]:
        """Cosine of ``role`` with every role that shares a weighted skill with it."""
        totals = self._totals(role)
        return {self._roles[i]: float(totals[i]) for i in np.flatnonzero(totals)}

    def nearest(self, role: str, k: int, slack: float) -> list[str]:
        """The other roles with a positive cosine within ``slack`` of the ``k``-th best (ties included).

        >>> vectors = SkillVectors({"a": {"x": 1}, "b": {"x": 1}, "c": {"x": 1, "y": 1}}, {"x": 1.0, "y": 1.0})
        >>> vectors.nearest("a", 1, 0.0), sorted(vectors.nearest("a", 2, 0.0))
        (['b'], ['b', 'c'])
        """
        totals = self._totals(role)
        own = self._position.get(role)
        if own is not None:
            totals[own] = 0.0
        # The k-th best of every other role is at least the k-th best of a sample of them: only the few
        # roles at or above that bound need ranking to find it, not the thousands with a skill in common.
        sample = totals[::_SAMPLE_STRIDE]
        bound = np.partition(sample, len(sample) - k)[len(sample) - k] if len(sample) > k else 0.0
        ranked = np.flatnonzero(totals >= bound) if bound > 0 else np.flatnonzero(totals > 0)
        if bound > 0 or len(ranked) > k:  # ranked holds the k best, and maybe more
            values = totals[ranked]
            kth = np.partition(values, len(values) - k)[len(values) - k]
            ranked = np.flatnonzero(totals >= max(kth - slack, _SMALLEST_POSITIVE))
        return [self._roles[i] for i in ranked.tolist()]


_SMALLEST_POSITIVE = float(np.nextafter(0.0, 1.0))
# Every eighth role's score bounds the k-th best from below (``SkillVectors.nearest``).
_SAMPLE_STRIDE = 8
