"""Which names an answer corrected: lookups note each fuzzy match, the caller collects them.

A lookup that reads ``"SRE Manger"`` as *SRE Manager* calls :func:`note_correction`; whoever answers
(a router, a CLI command) runs the query under :func:`noting_corrections`, or simply through
:func:`with_corrections`, and shows the notes with the answer. Outside such a block nothing is noted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from pydantic import BaseModel

from graph.queries.models import Correction

__all__ = ["note_correction", "noting_corrections", "with_corrections"]

P = ParamSpec("P")
R = TypeVar("R", bound=BaseModel)

_noted: ContextVar[list[Correction] | None] = ContextVar("orgkg_corrections", default=None)


@contextmanager
def noting_corrections() -> Iterator[list[Correction]]:
    """Collect the corrections lookups make inside the block into the list it yields."""
    found: list[Correction] = []
    token = _noted.set(found)
    try:
        yield found
    finally:
        _noted.reset(token)


def note_correction(kind: str, given: str, node_id: str, name: str) -> None:
    """Record that ``given`` was read as ``name`` (``node_id``), once per name given."""
    found = _noted.get()
    if found is None or any(c.corrected_from == given and c.id == node_id for c in found):
        return
    note = f"{given!r} matched no {kind} exactly and was read as {name}"
    found.append(Correction(kind=kind, corrected_from=given, corrected_to=name, id=node_id, note=note))


def with_corrections(query: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``query(*args, **kwargs)`` with the corrections its lookups made in its ``corrections`` field.

    Examples
    --------
    >>> from graph.queries import role_card
    >>> from graph.queries.sample import sample_graph
    >>> with_corrections(role_card, sample_graph(), "SRE Manger").corrections[0].note
    "'SRE Manger' matched no role exactly and was read as SRE Manager"
    >>> with_corrections(role_card, sample_graph(), "sre manager").corrections
    []
    """
    with noting_corrections() as found:
        result = query(*args, **kwargs)
    if found and "corrections" in type(result).model_fields:
        return result.model_copy(update={"corrections": [*result.corrections, *found]})
    return result
