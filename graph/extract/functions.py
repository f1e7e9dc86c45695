"""Place a role title in the function hierarchy (SRE ⊂ Reliability ⊂ Infrastructure ⊂ Engineering)."""

from __future__ import annotations

__all__ = ["function_for_title"]

from graph.extract.matcher import Matcher
from graph.extract.normalize import tokenize


def function_for_title(title: str, matcher: Matcher) -> str | None:
    """The function whose keywords best match ``title``: the longest keyword wins, then the deeper function.

    Parameters
    ----------
    title : str
        A role title as written ("Manager, Infrastructure (Platform)").
    matcher : Matcher
        Built from a taxonomy with functions.

    Returns
    -------
    str or None
        The function's name, ``None`` when no keyword of any function occurs in the title.

    Examples
    --------
    >>> from graph.model import FunctionEntry, Taxonomy
    >>> matcher = Matcher.from_taxonomy(Taxonomy(functions=[
    ...     FunctionEntry(name="Infrastructure", keywords=["infrastructure"]),
    ...     FunctionEntry(name="Platform Engineering", parent="Infrastructure", keywords=["platform"])]))
    >>> function_for_title("Senior Engineering Manager, Infrastructure (Platform)", matcher)
    'Platform Engineering'
    """
    matches = matcher.find(title, "function")
    if not matches:
        return None
    best = max(
        matches,
        key=lambda m: (len(tokenize(m.surface)), matcher.function_depth(m.canonical), -m.start),
    )
    return best.canonical
