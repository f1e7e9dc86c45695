"""Fold near twins among the names no taxonomy entry claims: "Argo Workflow" and "Argo workflows" are one node.

Names the taxonomy knows resolve through their aliases ("k8s" is "Kubernetes"); the others are compared
by their normalised form (case, plurals, punctuation) and then by edit similarity (rapidfuzz ``ratio`` of
at least :data:`FOLD_SIMILARITY`, for names of at least :data:`MIN_FOLD_LENGTH` characters, so "Go" and
"Ko" never fold). The first name seen is the one kept.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from graph.extract.normalize import normalize_term

__all__ = ["FOLD_SIMILARITY", "MIN_FOLD_LENGTH", "NameFolder"]

FOLD_SIMILARITY = 92.0
MIN_FOLD_LENGTH = 8


class NameFolder:
    """Maps each name to the first near-identical name seen before it.

    Examples
    --------
    >>> folder = NameFolder()
    >>> [folder.fold(n) for n in ["Argo Workflows", "argo workflow", "Argo-Workflows", "ClickHouse", "Go", "Ko"]]
    ['Argo Workflows', 'Argo Workflows', 'Argo Workflows', 'ClickHouse', 'Go', 'Ko']
    >>> folder.fold("Zendesk Administraton")  # a typo of an earlier name
    'Zendesk Administraton'
    >>> folder.fold("Zendesk Administration")
    'Zendesk Administraton'
    """

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._long_keys: list[str] = []

    def fold(self, name: str) -> str:
        key = normalize_term(name) or name.lower()
        found = self._by_key.get(key)
        if found is not None:
            return found
        if len(key) >= MIN_FOLD_LENGTH and self._long_keys:
            best = process.extractOne(key, self._long_keys, scorer=fuzz.ratio, score_cutoff=FOLD_SIMILARITY)
            if best is not None:
                self._by_key[key] = self._by_key[best[0]]
                return self._by_key[key]
        self._by_key[key] = name
        if len(key) >= MIN_FOLD_LENGTH:
            self._long_keys.append(key)
        return name
