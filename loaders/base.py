"""What every format module provides: a name, the extensions it reads and a parse function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graph.model import LoadProblem, ParsedRole

__all__ = ["Loader", "ParseOutcome"]


@dataclass
class ParseOutcome:
    """The roles a file defines, its job family (if it names one) and what was wrong with it."""

    roles: list[ParsedRole] = field(default_factory=list)
    family: str | None = None
    problems: list[LoadProblem] = field(default_factory=list)
    layout: str | None = None  # where the roles were found ("ladder", "matrix" ...), when a layout reader ran


@dataclass(frozen=True)
class Loader:
    """A format: ``parse(text, source)`` reads decoded text; ``source`` is the path shown in evidence."""

    name: str
    extensions: tuple[str, ...]
    parse: Callable[[str, str], ParseOutcome]
    description: str
    # ``parse_hinted(text, source, hint)`` for loaders that honour a sidecar hint (``loaders.hints``)
    parse_hinted: Callable[[str, str, dict], ParseOutcome] | None = None
