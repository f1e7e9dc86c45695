"""Text normalisation for matching: words with their offsets in the original text.

Matching compares *normalised tokens*: lower-case words with punctuation dropped and plurals folded, so
``SLOs``, ``SLO`` and ``slos`` are all ``slo``; ``CI/CD`` and ``ci cd`` are both ``ci cd``;
``service-level objectives`` is ``service level objective``. Every token keeps the span of the original
text it came from, which is how a match found in normalised form points back into the document.

Plural folding is deliberately simple and symmetric (the same rule is applied to the taxonomy and to the
text), so it only has to be consistent, not linguistically right: ``kubernetes`` becomes ``kubernete``
on both sides.
"""

from __future__ import annotations

__all__ = ["Token", "normalize_term", "stem", "tokenize"]

import re
from functools import lru_cache
from typing import NamedTuple

# A word: letters/digits, possibly joined by apostrophes (don't, GitLab's) and followed by + or # (C++, C#).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*[+#]*")
_ACRONYM_PLURAL = re.compile(r"[A-Z0-9]{2,}s")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


class Token(NamedTuple):
    """One word of a text: its normalised form, its span in the original text and the word as written."""

    norm: str
    start: int
    end: int
    raw: str


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Normalise one word: lower case, possessive and apostrophes removed, plural folded.

    Parameters
    ----------
    word : str
        A single word as written (no spaces).

    Returns
    -------
    str
        The normalised form used for matching.

    Examples
    --------
    >>> [stem(w) for w in ["SLOs", "slos", "capabilities", "processes", "GitLab's", "analysis", "iOS"]]
    ['slo', 'slo', 'capability', 'process', 'gitlab', 'analysis', 'ios']
    >>> [stem(w) for w in ["organisations", "analyse", "modelling", "behaviours", "centres", "hours", "skills"]]
    ['organization', 'analyze', 'modeling', 'behavior', 'center', 'hour', 'skill']
    """
    word = _POSSESSIVE.sub("", word).replace("'", "").replace("’", "")
    if _ACRONYM_PLURAL.fullmatch(word):
        return word[:-1].lower()
    lower = word.lower()
    if len(lower) > 4 and lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return lower[:-2]
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        lower = lower[:-1]
    return _american(lower)


# British spellings folded to American ones, on both sides of a match alike ("statistical modelling" finds
# "statistical modeling", "data visualisation" is "data visualization"): only word endings that stay
# distinct words once folded.
_SPELLING_ENDINGS = re.compile(
    r"(?<=\w\w)(?:is(?=ation$|e$|ed$|ing$|er$)|ys(?=e$|ed$|ing$|er$)|(?<=e)ll(?=ing$|ed$|er$)"
    r"|(?<=[bvlmni])ou(?=r$|red$|ring$|rite$))"
)
_SPELLING_WORDS = {
    "centre": "center", "programme": "program", "catalogue": "catalog", "licence": "license", "defence": "defense",
    "judgement": "judgment", "ageing": "aging", "fulfil": "fulfill", "skilful": "skillful", "enrol": "enroll",
}


def _american(word: str) -> str:
    """``word`` (lower case, plural folded) in American spelling: organisation → organization, analyse →
    analyze, modelling → modeling, behaviour → behavior, centre → center."""
    if word in _SPELLING_WORDS:
        return _SPELLING_WORDS[word]
    if len(word) < 5:
        return word
    return _SPELLING_ENDINGS.sub(lambda ending: _FOLDED_ENDINGS[ending.group()], word, count=1)


_FOLDED_ENDINGS = {"is": "iz", "ys": "yz", "ll": "l", "ou": "o"}


@lru_cache(maxsize=256)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into normalised tokens that remember where they are in ``text``.

    Parameters
    ----------
    text : str
        Any text; punctuation separates words and is otherwise ignored.

    Returns
    -------
    tuple[Token, ...]
        The words in order, each with ``text[token.start:token.end] == token.raw`` (cached per text).

    Examples
    --------
    >>> [(t.norm, t.start, t.end) for t in tokenize("CI/CD, SLOs")]
    [('ci', 0, 2), ('cd', 3, 5), ('slo', 7, 11)]
    """
    return tuple(Token(stem(m.group()), m.start(), m.end(), m.group()) for m in _WORD.finditer(text))


def normalize_term(term: str) -> str:
    """The key a name or alias is matched and compared by: its normalised tokens joined by single spaces.

    Examples
    --------
    >>> normalize_term("Service-Level Objectives") == normalize_term("service level objective")
    True
    >>> normalize_term("CI/CD")
    'ci cd'
    """
    return " ".join(token.norm for token in tokenize(term))
