"""Input checks shared by the queries: each raises ``InvalidParameter`` with what to fix."""

from __future__ import annotations

from graph.errors import InvalidParameter
from graph.queries.text import MAX_NAME_LENGTH

__all__ = ["check_int", "check_name"]


def check_name(name: str, text: object, what: str | None = None) -> str:
    """``text`` stripped, or ``InvalidParameter`` when it is not a usable name of a ``what``
    (default: ``name``) given as parameter ``name``.

    Examples
    --------
    >>> check_name("role", "  SRE Manager ")
    'SRE Manager'
    >>> check_name("role", " ")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: role: give a role id, name or alias
    """
    missing = f"give a {what or name} id, name or alias"
    if not isinstance(text, str):
        raise InvalidParameter(name, missing)
    text = text.replace("\x00", "").strip()
    if not text:
        raise InvalidParameter(name, missing)
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidParameter(name, f"names are at most {MAX_NAME_LENGTH} characters, got {len(text)}")
    return text


def check_int(name: str, value: object, low: int, high: int) -> int:
    """``value`` when it is an int in ``[low, high]``, else ``InvalidParameter`` naming the range.

    Examples
    --------
    >>> check_int("k", 0, 1, 20)
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: k: must be between 1 and 20, got 0
    """
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidParameter(name, f"must be between {low} and {high}, got {value!r}")
    return value
