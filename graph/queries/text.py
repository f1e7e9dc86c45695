"""Name matching for lookups: one normalised key and one index of names per kind of node.

A name key ignores case, accents, punctuation and spacing, so ``"Manager, Infrastructure"`` and
``"manager infrastructure"`` are the same name. Fuzzy matching (rapidfuzz) tolerates typos and word
order; :meth:`NameIndex.resolve` accepts a fuzzy match only when it is strong and clearly ahead of the
next candidate.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from graph.pipeline.titles import words_of

__all__ = ["MAX_NAME_LENGTH", "NameIndex", "NameMatch", "name_key"]

MAX_NAME_LENGTH = 300
_NON_WORD = re.compile(r"[^a-z0-9]+")

# A fuzzy match is accepted when it scores at least this and beats the next candidate by the margin.
ACCEPT_SCORE = 85.0
ACCEPT_MARGIN = 4.0
SUGGEST_SCORE = 50.0
# Subset matches rank below whole-name matches: a name that holds all the words typed ("Head" in
# "Head of SRE") a little below, a name that lacks some of them ("Engineering Manager" for
# "Engineering Manager (Deliver)") well below.
SUBSET_DISCOUNT = 0.95
MISSING_WORDS_DISCOUNT = 0.85


def name_key(text: str) -> str:
    """The comparison key of a name: lower-case ASCII words separated by single spaces.

    Examples
    --------
    >>> name_key("  Manager, Infrastructure (Delivery) ")
    'manager infrastructure delivery'
    >>> name_key("Crème brûlée & CI/CD")
    'creme brulee ci cd'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(word for word in _NON_WORD.split(ascii_text) if word)


@dataclass(frozen=True)
class NameMatch:
    """One node an input may mean: its id, the name that matched and a score out of 100."""

    id: str
    name: str
    score: float


@dataclass(frozen=True)
class _Entry:
    key: str
    id: str
    name: str


class NameIndex:
    """Names (titles and aliases) of one kind of node, searchable exactly, by prefix and fuzzily.

    Parameters
    ----------
    names : iterable of (id, name)
        Every name of every node; the first name given for an id is its display name.

    Examples
    --------
    >>> index = NameIndex([("role:sre", "SRE Manager"), ("role:sre", "Site Reliability Manager"),
    ...                    ("role:em", "Engineering Manager")])
    >>> index.exact("sre  manager!"), index.resolve("Manager Site Reliability").id
    (['role:sre'], 'role:sre')
    >>> [m.id for m in index.search("eng", limit=5)]
    ['role:em']
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        entries: dict[tuple[str, str], _Entry] = {}
        self.display: dict[str, str] = {}
        for node_id, name in names:
            key = name_key(name)
            self.display.setdefault(node_id, name)
            if key:
                entries.setdefault((key, node_id), _Entry(key, node_id, name))
        self._entries = list(entries.values())
        self._keys = [entry.key for entry in self._entries]
        self._by_key: dict[str, list[str]] = {}
        self._by_compact_key: dict[str, list[str]] = {}
        for entry in self._entries:
            self._by_key.setdefault(entry.key, []).append(entry.id)
            compact = self._by_compact_key.setdefault(entry.key.replace(" ", ""), [])
            if entry.id not in compact:
                compact.append(entry.id)

    def __len__(self) -> int:
        return len(self.display)

    def exact(self, text: str) -> list[str]:
        """Ids whose title or alias has the same name key as ``text`` (or the same without spaces:
        ``S.R.E.`` is ``SRE``)."""
        key = name_key(text)
        return list(self._by_key.get(key) or self._by_compact_key.get(key.replace(" ", ""), []))

    def fuzzy(self, text: str, *, limit: int | None = None, min_score: float = 0.0) -> list[NameMatch]:
        """Ids ranked by their best fuzzy score, tolerating typos and word order.

        The score is the better of ``token_sort_ratio`` (whole name, any word order) and a slightly
        discounted ``token_set_ratio`` (one name contained in the other).
        """
        query = name_key(text)
        if not query or not self._keys:
            return []
        best: dict[str, NameMatch] = {}
        for scorer in (fuzz.token_sort_ratio, fuzz.token_set_ratio):
            # A scaled score never exceeds the raw one, so entries below min_score can be cut in rapidfuzz.
            found = process.extract(query, self._keys, scorer=scorer, limit=None, score_cutoff=min_score or None)
            for _, score, position in found:
                entry = self._entries[position]
                scaled = round(score * _factor(scorer, query, entry.key), 2)
                current = best.get(entry.id)
                if scaled >= min_score and (current is None or scaled > current.score):
                    best[entry.id] = NameMatch(entry.id, entry.name, scaled)
        ranked = sorted(best.values(), key=lambda m: (-m.score, abs(len(m.name) - len(query)), self.display[m.id]))
        return ranked[:limit] if limit is not None else ranked

    def resolve(self, text: str) -> NameMatch | None:
        """The one node ``text`` names: an exact name key, else a unique strong fuzzy match."""
        exact = self.exact(text)
        if len(exact) == 1:
            return NameMatch(exact[0], self.display[exact[0]], 100.0)
        if exact:
            return None
        # Only candidates within the margin of an acceptable score can change the answer.
        ranked = self.fuzzy(text, limit=2, min_score=ACCEPT_SCORE - ACCEPT_MARGIN)
        if not ranked or ranked[0].score < ACCEPT_SCORE:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < ACCEPT_MARGIN:
            return None
        return ranked[0]

    def suggestions(self, text: str, limit: int = 5) -> list[str]:
        """Display names of the closest nodes, for a "did you mean" answer."""
        exact = self.exact(text)
        ranked = [self.display[node_id] for node_id in exact]
        for match in self.fuzzy(text, min_score=SUGGEST_SCORE):
            name = self.display[match.id]
            if name not in ranked:
                ranked.append(name)
        return ranked[:limit]

    def search(self, text: str, *, limit: int) -> list[NameMatch]:
        """Type-ahead ranking: whole name, then name prefix, then word prefix, then substring, then fuzzy."""
        query = name_key(text)
        if not query:
            return []
        best: dict[str, NameMatch] = {}

        def offer(entry: _Entry, score: float) -> None:
            current = best.get(entry.id)
            if current is None or score > current.score:
                best[entry.id] = NameMatch(entry.id, entry.name, round(score, 2))

        spelled_out = " ".join(words_of(query))  # "head ml" also types "head machine learning"
        for entry in self._entries:
            score = max(_typeahead_score(query, entry.key), _typeahead_score(spelled_out, entry.key))
            if score:
                offer(entry, score)
        for match in self.fuzzy(query, min_score=60.0):
            offer(_Entry(query, match.id, match.name), match.score * 0.8)
        if len(query) >= 5:
            for _, score, position in process.extract(query, self._keys, scorer=fuzz.partial_ratio, limit=None):
                if score >= 85.0:
                    offer(self._entries[position], score * 0.75)
        ranked = sorted(best.values(), key=lambda m: (-m.score, len(m.name), m.name))
        return ranked[:limit]


def _factor(scorer, query: str, key: str) -> float:
    if scorer is not fuzz.token_set_ratio:
        return 1.0
    return SUBSET_DISCOUNT if len(key) >= len(query) else MISSING_WORDS_DISCOUNT


def _typeahead_score(query: str, key: str) -> float:
    if key == query:
        return 100.0
    if key.startswith(query):
        return 95.0 - min(10.0, (len(key) - len(query)) / 10)
    if f" {query}" in f" {key}":
        return 85.0
    if query in key:
        return 80.0
    if _words_are_prefixes(query.split(), key.split(), whole=True):
        return 82.0
    if _words_are_prefixes(query.split(), key.split()):
        return 78.0
    return 0.0


def _words_are_prefixes(typed: list[str], words: list[str], *, whole: bool = False) -> bool:
    """Each typed word starts (or with ``whole``, is) a later word of the name, in order.

    >>> _words_are_prefixes(["plat", "eng"], ["platform", "engineering", "manager"])
    True
    >>> _words_are_prefixes(["eng", "plat"], ["platform", "engineering", "manager"])
    False
    >>> _words_are_prefixes(["head", "ml"], ["head", "of", "mlops"], whole=True)
    False
    """
    remaining = iter(words)
    fits = (lambda word, part: word == part) if whole else str.startswith
    return len(typed) > 1 and all(any(fits(word, part) for word in remaining) for part in typed)
