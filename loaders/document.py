"""One document outline for every format: what readers produce and layout interpreters read.

A reader (Markdown, HTML, DOCX, PDF, RST, CSV, XLSX, JSON/YAML ...) turns a file into a
``DocumentOutline``: a flat, ordered list of blocks — headings with their level, paragraphs, list
items with their nesting depth, label lines (``Reports to: X``) and tables with a header row and
cells — plus the document's metadata (front matter, data-file hints). Each block keeps a
``Location`` a person can follow: the file line for text formats; page and paragraph (or row and
column) for binary ones. It is ``graph.model.Location``, the place every fact's evidence and every
load problem carries too. Layout interpreters (``loaders/layouts``) turn outlines into roles and see
nothing of the original format, so a skill list in a Word document is read exactly like one in
Markdown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from graph.model import LoadProblem, Location  # one Location for blocks, facts and problems

__all__ = [
    "Block",
    "BlockKind",
    "Cell",
    "DocumentOutline",
    "Location",
    "Table",
]

BlockKind = Literal["heading", "paragraph", "item", "label", "table"]


@dataclass(frozen=True)
class Cell:
    """A table cell: its plain text and place; ``blocks``, the cell's own outline when the file wrote it in
    markup (an export's HTML description: paragraphs, its own headings, lists), each block at the cell."""

    text: str
    at: Location
    blocks: tuple[Block, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Table:
    """A table: its header row (may be empty) and its body rows, every cell with its location."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def header_texts(self) -> list[str]:
        return [cell.text for cell in self.header]

    def column(self, index: int) -> list[Cell]:
        return [row[index] for row in self.rows if index < len(row)]


@dataclass(frozen=True)
class Block:
    """One block of a document.

    ``text`` is plain text (no markup). ``level`` is the heading level (1 = title; 7 = a bold-only
    pseudo-heading) for headings and the nesting depth (1 = top-level item) for list items.
    ``label``/``value`` split a label line (``Reports to: Head of SRE``). ``table`` is set for tables.
    """

    kind: BlockKind
    text: str
    at: Location
    level: int = 0
    label: str | None = None
    value: str | None = None
    table: Table | None = None


@dataclass
class DocumentOutline:
    """A document as its readers see it: the path shown in evidence, its format, metadata and blocks."""

    source: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    problems: list[LoadProblem] = field(default_factory=list)  # what the reader found wrong (path and line)

    def headings(self) -> Iterator[tuple[int, Block]]:
        return ((i, b) for i, b in enumerate(self.blocks) if b.kind == "heading")

    def tables(self) -> Iterator[tuple[int, Block]]:
        return ((i, b) for i, b in enumerate(self.blocks) if b.kind == "table")

    def section(self, index: int) -> list[Block]:
        """The blocks under heading ``index`` up to the next heading of the same or a higher level."""
        heading = self.blocks[index]
        end = index + 1
        while end < len(self.blocks):
            other = self.blocks[end]
            if other.kind == "heading" and other.level <= heading.level:
                break
            end += 1
        return self.blocks[index + 1 : end]
