"""The sentence around a match, used as the evidence of an extracted fact.

A sentence ends at ``.``, ``!`` or ``?`` followed by a space and a capital, digit, quote or bracket (not
after ``e.g.``, ``i.e.``, ``etc.`` or ``vs.``), at a blank line, and before a line that starts a list item
or a heading, or a line that starts with a capital (loaders drop list markers, so a list item is a line of
its own); a line break inside a paragraph, before a lower-case word, does not end it. The result has its
list marker removed and its white space collapsed, and is cut to :data:`MAX_EVIDENCE_CHARS` around the
match when longer.
"""

from __future__ import annotations

__all__ = ["MAX_EVIDENCE_CHARS", "sentence_around"]

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

MAX_EVIDENCE_CHARS = 300

_BOUNDARY = re.compile(
    r"\n[ \t]*\n"  # blank line
    r"|\n(?=[ \t]*(?:[-*+•]\s|\d+[.)]\s|#|\|))"  # next line is a list item, a heading or a table row
    r"|\n(?=[ \t]*[\"“(\[A-Z])"  # next line starts with a capital: list items lose their markers in loading
    r"|(?<=[.!?])[ \t\n]+(?=[\"“‘(\[*A-Z0-9])"  # end of a sentence
)
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.")
_LOOK_BACK = max(map(len, _ABBREVIATIONS)) + 1
_LEAD = re.compile(r"^(?:[-*+•]\s+|\d+[.)]\s+|#+\s*)+")


@lru_cache(maxsize=64)
def _boundaries(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) spans that separate the sentences of ``text`` (cached: a section has many matches)."""
    spans = []
    for found in _BOUNDARY.finditer(text):
        # Only the word before the boundary matters: look back a few characters, not at the whole text.
        before = text[max(0, found.start() - _LOOK_BACK) : found.start()].rsplit(None, 1)[-1:] or [""]
        if before[0].lower().endswith(_ABBREVIATIONS):
            continue
        spans.append((found.start(), found.end()))
    return tuple(spans)


@lru_cache(maxsize=64)
def _ends(spans: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    return tuple(bound_end for _, bound_end in spans)


def sentence_around(text: str, start: int, end: int, limit: int = MAX_EVIDENCE_CHARS) -> str:
    """The sentence of ``text`` that contains ``text[start:end]``, cleaned and at most ``limit`` characters.

    Parameters
    ----------
    text : str
        The text the match was found in (keeps its line breaks).
    start, end : int
        The match's span in ``text``.
    limit : int
        Longest evidence returned; a longer sentence is cut around the match on word boundaries.

    Returns
    -------
    str
        The sentence, which always contains the matched text (with its white space collapsed).

    Examples
    --------
    >>> text = "Lead the team.\\n- Own SLOs and\\n  error budgets.\\n- Hire."
    >>> sentence_around(text, text.index("error"), text.index("error") + 13)
    'Own SLOs and error budgets.'
    """
    spans = _boundaries(text)
    ends = _ends(spans)
    before = bisect_right(ends, start)  # boundaries ending at or before the match (they do not overlap)
    first = ends[before - 1] if before else 0
    after = bisect_left(spans, (end, -1))  # the first boundary starting at or after the match's end
    last = spans[after][0] if after < len(spans) else len(text)
    if last - first > limit:
        first, last = _window(text, first, last, start, end, limit)
    sentence = " ".join(text[first:last].split())
    return _LEAD.sub("", sentence)


def _window(text: str, first: int, last: int, start: int, end: int, limit: int) -> tuple[int, int]:
    """A span of at most ``limit`` characters within [first, last) around [start, end), on word boundaries."""
    room = max(limit - (end - start), 0)
    left = max(first, start - room // 2)
    right = min(last, left + limit)
    left = max(first, min(left, right - limit))  # use the room on the left when the sentence ends early
    if left > first:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < last:
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return left, right
