"""Find taxonomy entries (skills, KPIs, functions) in text with one Aho-Corasick automaton per kind.

Rules, in the order they apply:

* **Normalised matching.** Text and aliases are compared as normalised tokens (see
  :mod:`graph.extract.normalize`): case, plurals and punctuation do not matter, and a match always starts
  and ends on word boundaries, so ``go`` never matches inside "good" or "going".
* **Exact case for ambiguous short words.** An alias of one or two characters written with a capital
  (``Go``, ``AI``, ``ML``, ``QA``, ``CD``, ``DR``) and an alias that is one of :data:`AMBIGUOUS_WORDS`
  (``Swift``, ``Chef``, ``Helm``, ``Rails``, ``REST`` ...) only match when the text writes them in the
  case of the taxonomy (a plural ``s`` is allowed): "Go" the language is capitalised, "go" the verb is not.
  A sentence starting with "Go ..." still matches; that is the accepted cost.
* **Mixed-case acronyms keep their case.** A one-word alias of at most :data:`MAX_ACRONYM_LETTERS` letters
  written in mixed case, two or more capitals and a small letter that is not a plural ``s`` (``SAFe``,
  ``LeSS``, ``IaC``, ``OTel``), does not match a word written all in lower case: its author cased it to
  tell it from a word ("safe", "less"). All-capital acronyms (``SLOs``) match in any case.
* **Longest match wins.** Overlapping candidates are resolved longest first (in words), then leftmost;
  shorter overlapping matches are dropped (``end-to-end test strategy`` is one match, not three).
* **Elliptical coordination.** ``incident and problem management`` also yields ``incident management``
  when ``problem management`` matched and ``incident management`` is a known name (same for ``or``).
* **Context.** A taxonomy entry may name ``context`` words: a *one-word* naming of it ("network",
  "regressions", "scalability") counts only when its sentence also names one of them, or another skill of
  the same category (:meth:`Matcher.in_context`). The bare word names a thing or a quality ("a peer
  network", "notify of regressions", "growth and scalability objectives"); a longer alias carries its own
  head ("network engineering") and always counts, and so does an item that is the word alone.
* **Gapped aliases.** An alias written with an ellipsis, ``manage … team`` (or ``...``), names a verb and
  its object: it matches the words before the ellipsis followed, within :data:`MAX_GAP_WORDS` words of the
  same clause, by the words after it ("managing a distributed team", "grow their skills"). Prose states
  management competencies this way far more often than by their names.
* **Canonical names.** Every alias resolves to its entry's canonical name. When two entries claim the same
  normalised key the first one wins here; :func:`alias_conflicts` lists such clashes so the taxonomy loader
  can refuse them.
"""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS_WORDS",
    "KINDS",
    "MAX_ACRONYM_LETTERS",
    "MAX_GAP_WORDS",
    "AliasConflict",
    "Kind",
    "Match",
    "Matcher",
    "alias_conflicts",
]

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

import ahocorasick

from graph.extract.normalize import Token, normalize_term, tokenize
from graph.model import Taxonomy

Kind = Literal["skill", "kpi", "function"]
KINDS: tuple[Kind, ...] = ("skill", "kpi", "function")

#: Single-word aliases that are ordinary English words in lower case; they match only as written.
AMBIGUOUS_WORDS = frozenset(
    {"chef", "elastic", "excel", "go", "helm", "node", "puppet", "rails", "rest", "rust", "spark", "swift", "vault"}
    | {"react", "ray", "flux", "beam", "hive", "lean", "flask", "jest", "prefect", "consul", "packer", "ember", "feast"}
)
_CONJUNCTIONS = frozenset({"and", "or"})
MAX_ACRONYM_LETTERS = 5
MAX_GAP_WORDS = 3
_GAP = re.compile(r"\s*(?:…|\.\.\.)\s*")
_CLAUSE_BREAK = re.compile(r"[.;:!?()\n]")
_SENTENCE_END = re.compile(r"[.;!?]\s|\n")
_CONTEXT_WINDOW = 300


class Match(NamedTuple):
    """A taxonomy entry found in a text: ``text[start:end] == surface``."""

    canonical: str
    start: int
    end: int
    surface: str


class AliasConflict(NamedTuple):
    """A normalised key claimed by two different entries of the same kind."""

    kind: str
    key: str
    first: str
    second: str


@dataclass(frozen=True)
class _Pattern:
    canonical: str
    size: int  # in tokens
    written: tuple[str, ...] | None  # the words as written when the case must match, else None
    acronym: bool = False  # a short acronym: never matches a word written all in lower case


def _is_case_sensitive(alias: str, tokens: tuple[Token, ...]) -> bool:
    if len(tokens) != 1:
        return False
    written = tokens[0].raw
    short_capitalised = len(tokens[0].norm) <= 2 and written != written.lower()
    return short_capitalised or tokens[0].norm in AMBIGUOUS_WORDS


def _is_acronym(tokens: tuple[Token, ...]) -> bool:
    if len(tokens) != 1:
        return False
    written = tokens[0].raw
    small = written[:-1] if written.endswith("s") else written
    mixed = sum(c.isupper() for c in written) >= 2 and any(c.islower() for c in small)
    return len(tokens[0].norm) <= MAX_ACRONYM_LETTERS and mixed


def _case_matches(raw: str, written: str) -> bool:
    return raw in (written, written + "s", written + "'s", written + "’s")


def _entry_terms(taxonomy: Taxonomy) -> dict[Kind, list[tuple[str, list[str]]]]:
    """(canonical name, its names and aliases) per kind."""
    return {
        "skill": [(e.name, [e.name, *e.aliases]) for e in taxonomy.skills],
        "kpi": [(e.name, [e.name, *e.aliases]) for e in taxonomy.kpis],
        "function": [(e.name, [e.name, *e.keywords]) for e in taxonomy.functions],
    }


def alias_conflicts(taxonomy: Taxonomy) -> list[AliasConflict]:
    """Normalised names/aliases that two different entries of the same kind claim.

    Examples
    --------
    >>> from graph.model import TaxonomyEntry
    >>> tax = Taxonomy(skills=[TaxonomyEntry(name="SLOs", category="reliability"),
    ...                        TaxonomyEntry(name="objectives", category="x", aliases=["slo"])])
    >>> alias_conflicts(tax)
    [AliasConflict(kind='skill', key='slo', first='SLOs', second='objectives')]
    """
    conflicts = []
    for kind, entries in _entry_terms(taxonomy).items():
        owner: dict[str, str] = {}
        for canonical, terms in entries:
            for term in terms:
                key = normalize_term(term)
                if key and owner.setdefault(key, canonical) != canonical:
                    conflicts.append(AliasConflict(kind, key, owner[key], canonical))
    return conflicts


def _build_automaton(entries: Iterable[tuple[str, list[str]]]) -> ahocorasick.Automaton:
    patterns: dict[str, list[_Pattern]] = {}
    owner: dict[str, str] = {}
    for canonical, terms in entries:
        for term in terms:
            if _GAP.search(term):
                continue  # a gapped alias: see _gapped_patterns
            tokens = tokenize(term)
            key = " ".join(t.norm for t in tokens)
            if not key or owner.setdefault(key, canonical) != canonical:
                continue  # empty, or claimed by an earlier entry
            written = tuple(t.raw for t in tokens) if _is_case_sensitive(term, tokens) else None
            variants = patterns.setdefault(key, [])
            pattern = _Pattern(canonical, len(tokens), written, written is None and _is_acronym(tokens))
            if pattern not in variants:
                variants.append(pattern)
    automaton = ahocorasick.Automaton()
    for key, variants in patterns.items():
        automaton.add_word(f" {key} ", (key, variants))
    automaton.make_automaton()
    return automaton


def _gapped_patterns(
    entries: Iterable[tuple[str, list[str]]],
) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]]:
    """``{first word: [(head words, tail words, canonical)]}`` of the gapped aliases (``manage … team``)."""
    patterns: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
    for canonical, terms in entries:
        for term in terms:
            parts = _GAP.split(term, maxsplit=1)
            if len(parts) != 2:
                continue
            head = tuple(t.norm for t in tokenize(parts[0]))
            tail = tuple(t.norm for t in tokenize(parts[1]))
            if head and tail:
                patterns.setdefault(head[0], []).append((head, tail, canonical))
    return patterns


class Matcher:
    """Finds skills, KPIs and function keywords of one taxonomy in text. Build it once, use it everywhere.

    Examples
    --------
    >>> from graph.model import TaxonomyEntry
    >>> tax = Taxonomy(skills=[
    ...     TaxonomyEntry(name="SLOs", category="reliability", aliases=["service level objectives"]),
    ...     TaxonomyEntry(name="Go", category="software engineering", aliases=["Golang"])])
    >>> matcher = Matcher.from_taxonomy(tax)
    >>> text = "Good at Service-Level Objectives (SLOs) and Go."
    >>> [(m.canonical, m.surface) for m in matcher.find(text)]
    [('SLOs', 'Service-Level Objectives'), ('SLOs', 'SLOs'), ('Go', 'Go')]
    >>> first = matcher.find(text)[0]
    >>> (first.start, first.end, text[first.start : first.end] == first.surface)
    (8, 32, True)
    """

    def __init__(
        self,
        automata: dict[Kind, ahocorasick.Automaton],
        categories: dict[str, str],
        function_parents: dict[str, str | None],
        contexts: dict[str, frozenset[str]] | None = None,
        gapped: dict[Kind, dict] | None = None,
    ) -> None:
        self._automata = automata
        self._categories = categories
        self._function_parents = function_parents
        self._contexts = contexts or {}
        self._gapped = gapped or {}

    @classmethod
    def from_taxonomy(cls, taxonomy: Taxonomy) -> Matcher:
        """Compile the automata of ``taxonomy`` (one per kind)."""
        terms = _entry_terms(taxonomy)
        automata = {kind: _build_automaton(entries) for kind, entries in terms.items()}
        gapped = {kind: _gapped_patterns(entries) for kind, entries in terms.items()}
        categories = {entry.name: entry.category for entry in taxonomy.skills}
        parents = {entry.name: entry.parent for entry in taxonomy.functions}
        contexts = {
            entry.name: frozenset(normalize_term(word) for word in entry.context if normalize_term(word))
            for entry in taxonomy.skills
            if entry.context
        }
        return cls(automata, categories, parents, contexts, gapped)

    def category(self, skill: str) -> str | None:
        """The category of a canonical skill name, ``None`` when it is not in the taxonomy."""
        return self._categories.get(skill)

    def function_depth(self, function: str) -> int:
        """How deep a function sits in the hierarchy (the root is 0)."""
        depth, parent, seen = 0, self._function_parents.get(function), {function}
        while parent is not None and parent not in seen:
            seen.add(parent)
            depth, parent = depth + 1, self._function_parents.get(parent)
        return depth

    def lookup(self, name: str, kind: Kind = "skill") -> str | None:
        """The canonical name whose name or alias normalises like ``name``, ignoring case rules."""
        found = self._automata[kind].get(f" {normalize_term(name)} ", None)
        return found[1][0].canonical if found else None

    def in_context(self, text: str, match: Match, found: Iterable[Match] = ()) -> bool:
        """Whether ``match`` (a skill found in ``text``) counts where it is written.

        Only a one-word naming of an entry with ``context`` words can fail: it counts when its sentence
        is the word alone, names one of the context words, or names another skill of the same category
        (``found``: the other matches in ``text``).

        Examples
        --------
        >>> from graph.model import TaxonomyEntry
        >>> tax = Taxonomy(skills=[
        ...     TaxonomyEntry(name="networking", category="infra", aliases=["network"], context=["protocols"]),
        ...     TaxonomyEntry(name="DNS", category="infra")])
        >>> m = Matcher.from_taxonomy(tax)
        >>> def counted(text):
        ...     found = m.find(text)
        ...     return [x.canonical for x in found if m.in_context(text, x, found)]
        >>> counted("Grow a robust peer network."), counted("Network protocols and network design.")
        ([], ['networking', 'networking'])
        >>> counted("Debug the network and DNS."), counted("Network")
        (['networking', 'DNS'], ['networking'])
        """
        words = self._contexts.get(match.canonical)
        if not words or len(tokenize(match.surface)) > 1:
            return True
        # The sentence within a bounded window: linear however many such words a text repeats.
        window = max(0, match.start - _CONTEXT_WINDOW)
        start = max((m.end() for m in _SENTENCE_END.finditer(text, window, match.start)), default=window)
        stop = _SENTENCE_END.search(text, match.end, match.end + _CONTEXT_WINDOW)
        end = stop.start() if stop else min(len(text), match.end + _CONTEXT_WINDOW)
        sentence = tokenize(text[start:end])
        if len(sentence) <= 1:
            return True  # the word is the whole item
        normalised = " " + " ".join(token.norm for token in sentence) + " "
        if any(f" {word} " in normalised for word in words):
            return True
        category = self._categories.get(match.canonical)
        return any(
            other.canonical != match.canonical
            and start <= other.start < end
            and self._categories.get(other.canonical) == category
            for other in found
        )

    def find(self, text: str, kind: Kind = "skill") -> list[Match]:
        """Every entry of ``kind`` named in ``text``, in text order, with offsets into ``text``."""
        tokens = tokenize(text)
        if not tokens:
            return []
        chosen = self._longest_matches(tokens, self._candidates(tokens, kind))
        covered = {index for first, size, _ in chosen for index in range(first, first + size)}
        matches = [self._match(text, tokens, first, size, canonical) for first, size, canonical in chosen]
        matches += self._coordinated(text, tokens, chosen, covered, kind)
        matches += self._gapped_matches(text, tokens, covered, {c for _, _, c in chosen}, kind)
        return sorted(matches, key=lambda match: (match.start, match.end))

    # ------------------------------------------------------------------ internals

    def _candidates(self, tokens: tuple[Token, ...], kind: Kind) -> list[tuple[int, int, str]]:
        normalised = " " + " ".join(token.norm for token in tokens) + " "
        token_at: dict[int, int] = {}
        offset = 1
        for index, token in enumerate(tokens):
            token_at[offset] = index
            offset += len(token.norm) + 1
        automaton = self._automata[kind]
        if automaton.kind != ahocorasick.AHOCORASICK:
            return []  # a taxonomy with no entries of this kind
        candidates = []
        for end, (key, variants) in automaton.iter(normalised):
            first = token_at[end - len(key)]  # `end` is the index of the space after the key
            for pattern in variants:
                if pattern.acronym and tokens[first].raw.islower():
                    continue
                if pattern.written is None or all(
                    _case_matches(tokens[first + i].raw, word) for i, word in enumerate(pattern.written)
                ):
                    candidates.append((first, pattern.size, pattern.canonical))
                    break
        return candidates

    def _gapped_matches(
        self, text: str, tokens: tuple[Token, ...], covered: set[int], named: set[str], kind: Kind
    ) -> list[Match]:
        """Matches of gapped aliases whose words no other match took, one per entry the text names no other way."""
        patterns = self._gapped.get(kind)
        if not patterns:
            return []
        found: list[Match] = []
        for first, token in enumerate(tokens):
            for head, tail, canonical in patterns.get(token.norm, ()):
                if canonical in named or first in covered:
                    continue
                after = first + len(head)
                if tuple(t.norm for t in tokens[first:after]) != head:
                    continue
                for start in range(after, min(after + MAX_GAP_WORDS, len(tokens) - len(tail)) + 1):
                    if tuple(t.norm for t in tokens[start : start + len(tail)]) == tail:
                        stop = tokens[start + len(tail) - 1].end
                        if not _CLAUSE_BREAK.search(text, tokens[first].end, tokens[start].start):
                            found.append(Match(canonical, tokens[first].start, stop, text[tokens[first].start : stop]))
                            named.add(canonical)
                        break
                if canonical in named:
                    break
        return found

    @staticmethod
    def _longest_matches(
        tokens: tuple[Token, ...], candidates: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        taken = [False] * len(tokens)
        chosen = []
        for first, size, canonical in sorted(candidates, key=lambda c: (-c[1], c[0])):
            span = range(first, first + size)
            if not any(taken[index] for index in span):
                for index in span:
                    taken[index] = True
                chosen.append((first, size, canonical))
        return chosen

    def _coordinated(
        self, text: str, tokens: tuple[Token, ...], chosen: list[tuple[int, int, str]], covered: set[int], kind: Kind
    ) -> list[Match]:
        """``X and Y Z`` where ``Y Z`` matched: also ``X Z`` when that is a known, case-insensitive term."""
        extra = []
        for first, size, _ in chosen:
            head = first - 2
            if size < 2 or head < 0 or head in covered or tokens[first - 1].norm not in _CONJUNCTIONS:
                continue
            for tail_end in range(first + size, first + 1, -1):  # "incident and problem management rigor"
                key = " ".join([tokens[head].norm, *(t.norm for t in tokens[first + 1 : tail_end])])
                found = self._automata[kind].get(f" {key} ", None)
                variants = [p for p in found[1] if p.written is None] if found else []
                if variants:
                    start, end = tokens[head].start, tokens[tail_end - 1].end
                    extra.append(Match(variants[0].canonical, start, end, text[start:end]))
                    break
        return extra

    @staticmethod
    def _match(text: str, tokens: tuple[Token, ...], first: int, size: int, canonical: str) -> Match:
        start, end = tokens[first].start, tokens[first + size - 1].end
        return Match(canonical, start, end, text[start:end])
