"""What every format module provides: a loader (text → roles) or a reader (bytes → outline).

A ``Loader`` reads decoded text straight into roles (the blueprint catalog, Markdown blueprints,
job-family pages, YAML role files). A ``Reader`` turns a file's bytes into a
:class:`loaders.document.DocumentOutline`, which the layout interpreters (``loaders.layouts``) turn
into roles; binary formats (DOCX, PDF, XLSX ...) can only be readers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graph.model import LoadProblem, ParsedRole
from loaders.document import DocumentOutline

__all__ = ["Loader", "ParseOutcome", "Reader"]


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


@dataclass(frozen=True)
class Reader:
    """A format read into an outline: ``read(data, source)`` takes the file's bytes.

    ``read`` raises :class:`graph.errors.DocumentError` (with the line, or the page/sheet/row in its
    ``at``) for a file it cannot read. ``library`` names what does the reading, for the README and
    ``orgkg load --help``. A ``binary`` format (PDF, DOCX, XLSX ...) gets the file's bytes as they are;
    a text format gets them as UTF-8, whatever encoding the file was written in (``loaders.reading``).
    """

    name: str
    extensions: tuple[str, ...]
    read: Callable[[bytes, str], DocumentOutline]
    description: str
    library: str = ""
    binary: bool = False
