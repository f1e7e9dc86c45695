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
from functools import cached_property

import numpy as np
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

    @cached_property
    def _fuzzy_index(self) -> _FuzzyIndex:
        numbers: dict[str, int] = {}
        return _FuzzyIndex(self._keys, [numbers.setdefault(entry.id, len(numbers)) for entry in self._entries])

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
        found = self._fuzzy_index.scores(query, min_score)
        if limit is not None:
            found = self._fuzzy_index.leaders(query, found, limit)
        for scorer, matches in zip((fuzz.token_sort_ratio, fuzz.token_set_ratio), found, strict=True):
            for score, position in matches:
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
        wanted = limit + len(exact)
        while True:  # the best few ids, more when display names repeat (two roles of one title)
            matches = self.fuzzy(text, limit=wanted, min_score=SUGGEST_SCORE)
            ranked = list(dict.fromkeys([*(self.display[node_id] for node_id in exact),
                                         *(self.display[match.id] for match in matches)]))
            if len(ranked) >= limit or len(matches) < wanted:
                return ranked[:limit]
            wanted *= 4

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


class _FuzzyIndex:
    """The name keys prepared once for :meth:`NameIndex.fuzzy`: the same scores, without scoring every key.

    Both scorers are rapidfuzz's own, run only on the keys that can reach the cut-off. Which those are
    follows from the Indel distance (what ``ratio`` normalises): it is at least the difference of two
    strings' character counts, ``sum(|count_a(c) - count_b(c)|)`` over every character, so
    ``ratio <= 100 * (1 - that / (len_a + len_b))``. Keys are lower-case ASCII words (:func:`name_key`),
    so the letter and digit counts of every key are one small integer matrix and that bound is one numpy
    pass over it.

    * ``token_sort_ratio`` is ``ratio`` of the words sorted: the keys are sorted once and the ones whose
      bound reaches the cut-off are scored with plain ``ratio`` (rapidfuzz's fastest scorer);
    * ``token_set_ratio`` is the best of three ratios. Two of them (the shared words against each whole
      word set) follow from the lengths of the shared and other words (posting lists of words give the
      shared length of every key at once); the third, of the words one side has and the other lacks,
      is bounded as above: the shared words drop out of both sides' counts alike, so the count
      difference is that of the two whole word sets, and the spaces differ by the difference of the
      word counts. A word set inside the other scores 100. Only keys whose bound reaches the cut-off
      are scored.
    """

    SLACK = 1.0  # score points of margin on every bound: rounding never drops a key that qualifies

    def __init__(self, keys: list[str], ids: list[int]) -> None:
        self.keys = keys
        self.ids = np.array(ids, dtype=np.int64)
        self.lengths = np.array([len(key) for key in keys], dtype=np.int64)
        self.sorted_keys = [" ".join(sorted(key.split())) for key in keys]
        word_sets = [set(key.split()) for key in keys]
        self.set_keys = [" ".join(sorted(words)) for words in word_sets]
        postings: dict[str, list[int]] = {}
        for position, words in enumerate(word_sets):
            for word in words:
                postings.setdefault(word, []).append(position)
        self.postings = {word: np.array(found, dtype=np.int64) for word, found in postings.items()}
        # A word set's weight: its joined length + 1 (each word's length + 1).
        self.weights = np.array([sum(len(word) + 1 for word in words) for words in word_sets], dtype=np.float64)
        self.counts = _character_counts(keys)
        self.set_counts = _character_counts(self.set_keys)
        self.words = np.array([key.count(" ") + 1 for key in keys], dtype=np.int64)
        self.set_words = np.array([len(words) for words in word_sets], dtype=np.int64)

    def scores(self, query: str, min_score: float) -> tuple[list[tuple[float, int]], list[tuple[float, int]]]:
        """(token_sort_ratio, token_set_ratio) ``(score, position)`` of every key whose score can count: a
        ``token_sort_ratio`` of ``min_score`` or more, a ``token_set_ratio`` that reaches ``min_score`` once
        discounted by :func:`_factor` (every key when ``min_score`` is 0), as ``process.extract`` over all
        keys would give them."""
        ordered = " ".join(sorted(query.split()))
        if not min_score:
            by_sort = [(score, position) for _, score, position in
                       process.extract(ordered, self.sorted_keys, scorer=fuzz.ratio, limit=None)]
            by_set = [(score, position) for _, score, position in
                      process.extract(query, self.keys, scorer=fuzz.token_set_ratio, limit=None)]
            return by_sort, by_set
        sort_candidates = self._sort_candidates(ordered, min_score)
        by_sort = self._extract(ordered, self.sorted_keys, sort_candidates, fuzz.ratio, min_score)
        needed = self._set_needed(query, min_score)
        set_candidates = self._set_candidates(query, needed)
        by_set = self._extract(query, self.keys, set_candidates, fuzz.token_set_ratio, min(100.0, float(needed.min())))
        return by_sort, by_set

    def leaders(self, query: str, found: tuple[list[tuple[float, int]], ...], limit: int) -> tuple[list, ...]:
        """Only the matches of the ``limit`` best nodes (and any tied with them) out of ``found``.

        A node's score is its best ``round(score * factor, 2)``; numpy's unrounded product is within
        0.005 of it, so every node within 0.02 of the ``limit``-th best unrounded score is kept.
        """
        sort_scores, set_scores = found
        if len(sort_scores) + len(set_scores) <= 4 * limit:
            return found
        scores = np.array([score for score, _ in sort_scores] + [score for score, _ in set_scores], dtype=np.float64)
        positions = np.array([p for _, p in sort_scores] + [p for _, p in set_scores], dtype=np.int64)
        factors = np.ones(len(scores))
        in_set = np.arange(len(scores)) >= len(sort_scores)
        factors[in_set] = np.where(self.lengths[positions[in_set]] >= len(query), SUBSET_DISCOUNT,
                                   MISSING_WORDS_DISCOUNT)
        scaled = scores * factors
        node_best = np.full(int(self.ids.max()) + 1, -1.0)
        np.maximum.at(node_best, self.ids[positions], scaled)
        ranked = np.sort(node_best[node_best >= 0])[::-1]
        if len(ranked) <= limit:
            return found
        keep = node_best >= ranked[limit - 1] - 0.02
        kept = keep[self.ids[positions]]
        cut = len(sort_scores)
        return ([m for m, k in zip(sort_scores, kept[:cut], strict=True) if k],
                [m for m, k in zip(set_scores, kept[cut:], strict=True) if k])

    @staticmethod
    def _extract(query: str, keys: list[str], candidates: list[int], scorer, cutoff: float) -> list[tuple[float, int]]:
        chosen = [keys[position] for position in candidates]
        return [(score, candidates[index]) for _, score, index in
                process.extract(query, chosen, scorer=scorer, limit=None, score_cutoff=cutoff)]

    def _set_needed(self, query: str, min_score: float) -> np.ndarray:
        """The least ``token_set_ratio`` per key that reaches ``min_score`` after the key's discount (and the
        rounding to two places): a key shorter than the query needs more, as it is discounted more."""
        factors = np.where(self.lengths >= len(query), SUBSET_DISCOUNT, MISSING_WORDS_DISCOUNT)
        return (min_score - 0.01) / factors

    def _sort_candidates(self, ordered: str, min_score: float) -> list[int]:
        """The keys whose ``ratio`` with the sorted query can reach ``min_score`` (the count bound)."""
        apart = np.abs(self.counts - _character_counts([ordered])[0]).sum(axis=1)
        apart += np.abs(self.words - (ordered.count(" ") + 1))
        with np.errstate(divide="ignore", invalid="ignore"):
            bound = 100 * (1 - apart / (self.lengths + len(ordered)))
        return np.flatnonzero(bound >= min_score - self.SLACK).tolist()

    def _set_candidates(self, query: str, needed: np.ndarray) -> list[int]:
        """The keys whose ``token_set_ratio`` with ``query`` can reach ``needed`` (per key)."""
        words = set(query.split())
        shared = np.zeros(len(self.keys), dtype=np.float64)  # weight of the words a key shares with the query
        for word in words:
            found = self.postings.get(word)
            if found is not None:
                shared[found] += len(word) + 1
        query_weight = float(sum(len(word) + 1 for word in words))
        limit = needed - self.SLACK
        some = shared > 0
        weights = self.weights
        subset = some & ((shared == query_weight) | (shared == weights))
        s = shared - 1
        a = query_weight - shared - 1
        b = weights - shared - 1
        len_a, len_b = query_weight - 1, weights - 1
        # The words only one side has: at least the count difference of the whole word sets apart.
        apart = np.abs(self.set_counts - _character_counts([" ".join(sorted(words))])[0]).sum(axis=1)
        apart += np.abs(self.set_words - len(words))
        with np.errstate(divide="ignore", invalid="ignore"):
            differences = 100 * (1 - apart / (len_a + len_b))
            query_side = np.where(some, 100 * (1 - (1 + a) / (s + len_a)), 0.0)
            key_side = np.where(some, 100 * (1 - (1 + b) / (s + len_b)), 0.0)
        bound = np.maximum(differences, np.maximum(query_side, key_side))
        return np.flatnonzero(subset | (bound >= limit)).tolist()


_CHARACTERS = np.full(256, 36, dtype=np.int64)  # a name key's letters and digits 0..35; the space 36
_CHARACTERS[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz0123456789", dtype=np.uint8)] = np.arange(36)


def _character_counts(texts: list[str]) -> np.ndarray:
    """How often each letter and digit occurs in each text (one row per text, 36 columns; spaces left out).

    >>> _character_counts(["abca", "z9"])[:, [0, 1, 2, 25, 35]].tolist()
    [[2, 1, 1, 0, 0], [0, 0, 0, 1, 1]]
    """
    codes = _CHARACTERS[np.frombuffer("".join(texts).encode("ascii"), dtype=np.uint8)]
    rows = np.repeat(np.arange(len(texts)), [len(text) for text in texts])
    counts = np.bincount(rows * 37 + codes, minlength=len(texts) * 37).reshape(len(texts), 37)
    return counts[:, :36].astype(np.int32)


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
