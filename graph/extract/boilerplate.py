"""Company boilerplate inside role text: words that name the company, not what the role needs.

A requirement such as "Our values of collaboration, results, efficiency, diversity, iteration, and
transparency resonate with you" lists the company's values; "collaboration" there is no skill of the role.
A job ad's "Northwind is hiring a Senior Data Engineer" or "We're hiring!" announces the post: "hiring"
there is what the company does, not what the role does.
"""

from __future__ import annotations

__all__ = ["COMPANY_VALUES", "HIRING_NOTICE", "outside_boilerplate"]

import re

from graph.extract.matcher import Match

#: The company's values listed after "our values of / like / such as / :", up to the end of the line or sentence.
COMPANY_VALUES = re.compile(r"\bour\s+(?:company\s+)?values\s*(?:of|like|such\s+as|:)\s[^.;\n]*", re.IGNORECASE)
#: An announcement that the company is hiring: "we're hiring", "Acme is (now) hiring a / for ...", "is hiring!".
HIRING_NOTICE = re.compile(
    r"\b(?:we\s+are|we['’]re|is|are)(?:\s+(?:now|currently|actively))?\s+hiring(?=\s+(?:an?|for)\b|\s*[!.:]|\s*$)",
    re.IGNORECASE,
)
_BOILERPLATE = (COMPANY_VALUES, HIRING_NOTICE)


def outside_boilerplate(text: str, matches: list[Match]) -> list[Match]:
    """The matches of ``text`` that fall in no list of the company's values and no hiring notice.

    Parameters
    ----------
    text : str
        The text the matches were found in.
    matches : list of Match
        Matches of a :class:`~graph.extract.matcher.Matcher` in ``text``.

    Returns
    -------
    list of Match
        ``matches`` without those inside a :data:`COMPANY_VALUES` or :data:`HIRING_NOTICE` span, in the
        same order.

    Examples
    --------
    >>> text = "Our values of collaboration and results resonate with you. Strong collaboration skills."
    >>> found = [Match("collaboration", 14, 27, "collaboration"), Match("collaboration", 66, 79, "collaboration")]
    >>> [m.start for m in outside_boilerplate(text, found)]
    [66]
    >>> text = "Northwind is hiring a data engineer with hiring experience."
    >>> found = [Match("hiring", 13, 19, "hiring"), Match("hiring", 41, 47, "hiring")]
    >>> [m.start for m in outside_boilerplate(text, found)]
    [41]
    """
    spans = [(found.start(), found.end()) for pattern in _BOILERPLATE for found in pattern.finditer(text)]
    if not spans:
        return matches
    return [m for m in matches if not any(start <= m.start and m.end <= end for start, end in spans)]
