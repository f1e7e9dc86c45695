"""PDF read with pdfplumber: text lines grouped into paragraphs, headings guessed from font size and
weight, bullet lines as items (depth from their indent), and ruled tables through pdfplumber's table
finder. Every block is at its page and paragraph (counted per page); table cells add row and column.

The body size is the font size most characters have; a line set larger is a heading (the largest
size is level 1, the next level 2 ...), a short line all in bold at body size a pseudo-heading (level
7, like a bold-only Markdown line). A PDF is laid-out text, not structure, so these are guesses; a
scanned PDF without a text layer yields no blocks, which the load report says.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from graph.errors import DocumentError
from graph.model import LoadProblem
from loaders.base import Reader
from loaders.document import Block, Cell, DocumentOutline, Location, Table
from loaders.readers.common import clean, text_block

__all__ = ["PDF", "read_pdf"]

_EMPTY_PAGES_NAMED = 10  # a scanned PDF of 300 pages gets ten problems and a count, not 300

_BULLET = re.compile(r"^\s*(?:[•◦▪▫●○■□‣⁃∙·\-–—*]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_HEADING_RATIO = 1.08  # a line set this much larger than the body is a heading
_INDENT_STEP = 8.0  # points of indent that make one more level of list nesting


@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    x0: float
    size: float
    bold: bool


@dataclass
class _Page:
    number: int
    lines: list[_Line] = field(default_factory=list)
    tables: list[tuple[float, list[list[str]]]] = field(default_factory=list)  # (top, rows)


def read_pdf(data: bytes, source: str) -> DocumentOutline:
    """The outline of a PDF file.

    Raises
    ------
    DocumentError
        For a file pdfplumber cannot open or read (corrupt, truncated, encrypted), naming the page
        where reading failed.
    """
    pages = _pages(data, source)
    sizes = Counter(round(line.size, 1) for page in pages for line in page.lines for _ in line.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    larger = sorted(
        {round(line.size, 1) for p in pages for line in p.lines if line.size >= body * _HEADING_RATIO}, reverse=True
    )
    levels = {size: min(rank, 6) for rank, size in enumerate(larger, start=1)}
    outline = DocumentOutline(source=source, format="pdf")
    for page in pages:
        outline.blocks.extend(_page_blocks(page, body, levels))
    empty = [page.number for page in pages if not page.lines and not page.tables]
    for number in empty[:_EMPTY_PAGES_NAMED]:
        message = f"no text on page {number} (a scan without a text layer?); nothing read there"
        outline.problems.append(LoadProblem(path=source, page=number, message=message, severity="warning"))
    if len(empty) > _EMPTY_PAGES_NAMED:
        last = empty[_EMPTY_PAGES_NAMED - 1]
        more = f"and {len(empty) - _EMPTY_PAGES_NAMED} more pages without text after page {last}"
        outline.problems.append(LoadProblem(path=source, message=more, severity="warning"))
    first = next((b for b in outline.blocks if b.kind == "heading" and b.level == 1), None)
    outline.title = first.text if first else None
    return outline


def _pages(data: bytes, source: str) -> list[_Page]:
    import pdfplumber  # here, not at the top: ~0.14 s that every orgkg command would pay, PDF or not

    pages: list[_Page] = []
    number = 0
    # pdfminer raises many kinds of exceptions on damaged input (syntax, EOF, key and type errors);
    # every one of them means the same to a user: this PDF cannot be read from here on.
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(_read_page(page, number))
    except Exception as err:
        at = Location(page=number) if number else None
        raise DocumentError(source, f"not a readable PDF: {_reason(err)}", at=at) from err
    return pages


def _reason(err: Exception) -> str:
    inner = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
    return clean(str(inner)) or type(inner).__name__


def _read_page(page: Any, number: int) -> _Page:
    result = _Page(number)
    found = page.find_tables()
    boxes = [table.bbox for table in found]
    for table in found:
        rows = [[clean(cell or "") for cell in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        if rows:
            result.tables.append((table.bbox[1], rows))

    def outside_tables(obj: dict[str, Any]) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    for line in text_page.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in line["chars"] if c["text"].strip()]
        if not chars or not line["text"].strip():
            continue
        size = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
        bold = all("bold" in c["fontname"].lower() or "black" in c["fontname"].lower() for c in chars)
        result.lines.append(_Line(line["text"], line["top"], line["bottom"], line["x0"], size, bold))
    return result


def _page_blocks(page: _Page, body: float, levels: dict[float, int]) -> list[Block]:
    """The page's blocks in reading order: paragraphs and items from its lines, tables at their top."""
    groups = _group(page.lines, body, levels)
    placed: list[tuple[float, Any]] = [(g[0].top, g) for g in groups] + [(top, rows) for top, rows in page.tables]
    placed.sort(key=lambda pair: pair[0])
    blocks: list[Block] = []
    bullets = sorted({round(g[0].x0 / _INDENT_STEP) for g in groups if _BULLET.match(g[0].text)})
    for paragraph, (_top, what) in enumerate(placed, start=1):
        at = Location(page=page.number, paragraph=paragraph)
        if isinstance(what[0], _Line):
            blocks.append(_text(what, at, levels, bullets))
        else:
            blocks.append(_table(what, at))
    return blocks


def _group(lines: list[_Line], body: float, levels: dict[float, int]) -> list[list[_Line]]:
    """Lines joined into paragraphs (and wrapped headings into one): a new one starts at a wider gap,
    another size or weight, or a bullet."""
    groups: list[list[_Line]] = []
    for line in lines:
        if groups:
            last = groups[-1][-1]
            height = max(last.bottom - last.top, 1.0)
            same = (
                line.top - last.bottom <= height * 0.6
                and line.size == last.size
                and line.bold == last.bold
                and not _BULLET.match(line.text)
            )
            if same:
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def _text(lines: list[_Line], at: Location, levels: dict[float, int], bullets: list[int]) -> Block:
    first = lines[0]
    text = clean(" ".join(line.text for line in lines))
    if first.size in levels:
        return Block(kind="heading", text=text, at=at, level=levels[first.size])
    bullet = _BULLET.match(text)
    if bullet:
        depth = bullets.index(round(first.x0 / _INDENT_STEP)) + 1 if round(first.x0 / _INDENT_STEP) in bullets else 1
        return text_block(text[bullet.end() :], at, item_depth=depth)
    short = len(text) <= 80 and not text.endswith(".")
    return text_block(text, at, bold_only=first.bold and short)


def _table(rows: list[list[str]], at: Location) -> Block:
    def cells(row: list[str], number: int) -> tuple[Cell, ...]:
        return tuple(
            Cell(text, Location(page=at.page, paragraph=at.paragraph, row=number, column=c))
            for c, text in enumerate(row, start=1)
        )

    table = Table(header=cells(rows[0], 1), rows=tuple(cells(row, n) for n, row in enumerate(rows[1:], start=2)))
    return Block(kind="table", text="", at=at, table=table)


PDF = Reader(
    name="pdf",
    extensions=(".pdf",),
    read=read_pdf,
    description="PDF documents with a text layer (HR exports, printed ladders).",
    library="pdfplumber",
    binary=True,
)
