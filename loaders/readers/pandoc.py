"""Pandoc's JSON AST walked into a document outline: the one reader behind HTML, DOCX, ODT, RST,
AsciiDoc and LaTeX.

The pandoc binary comes inside the ``pypandoc-binary`` wheel; it runs with ``--sandbox`` (no file or
network access besides its input) and a time limit. ``Header`` becomes a heading, ``Para``/``Plain`` a
paragraph (bold only: a pseudo-heading; ``Label: value``: a label), bullet and ordered lists items
with their depth, ``Table`` a table (spanned cells repeated so columns line up), and ``Div``,
``BlockQuote``, ``Figure`` and section wrappers are flattened. Code blocks, raw blocks, images and
footnotes carry no role text and are left out.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pypandoc

from graph.errors import DocumentError
from loaders.document import Block, Cell, DocumentOutline, Location, Table
from loaders.labels import label_segments
from loaders.readers.common import clean, clean_cell, label_parts, text_block
from loaders.readers.html_repair import repaired
from loaders.readers.office_html import plain_structure

__all__ = [
    "CHUNK_BYTES",
    "PANDOC_TIMEOUT_S",
    "has_markup",
    "outline_from_ast",
    "read_html_at",
    "read_html_fragments",
    "run_pandoc",
    "title_as_heading",
]

PANDOC_TIMEOUT_S = 60

Node = dict[str, Any]
Locate = Callable[[str], Location]

_ADMONITIONS = {"note", "warning", "tip", "important", "caution", "danger", "attention", "hint", "error", "admonition"}
_INLINE_WRAPPERS = {"Emph", "Underline", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps"}


def run_pandoc(data: bytes, reader: str, source: str) -> dict[str, Any]:
    """Pandoc's JSON AST of ``data`` read as ``reader`` (``html``, ``docx``, ``rst`` ...).

    Raises
    ------
    DocumentError
        When pandoc cannot read the input (its message, with the line when it gives one), or runs
        over ``PANDOC_TIMEOUT_S``.
    """
    command = [pypandoc.get_pandoc_path(), "--sandbox", "-f", reader, "-t", "json"]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=PANDOC_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as err:
        raise DocumentError(source, f"pandoc took over {PANDOC_TIMEOUT_S} s reading it as {reader}") from err
    if done.returncode != 0:
        message = clean(done.stderr.decode("utf-8", "replace")) or f"exit status {done.returncode}"
        raise DocumentError(source, f"pandoc cannot read it as {reader}: {message}")
    try:
        return json.loads(done.stdout)
    except RecursionError as err:  # thousands of elements inside one another
        raise DocumentError(source, "nested too deeply to read (elements inside elements, thousands deep)") from err
    except ValueError as err:  # pandoc always writes JSON; this would be a pandoc bug
        raise DocumentError(source, f"pandoc gave no JSON for it: {err}") from err


def inline_text(inlines: list[Node]) -> str:
    """The plain text of pandoc inlines.

    Examples
    --------
    >>> inline_text([{"t": "Strong", "c": [{"t": "Str", "c": "Reports"}, {"t": "Space"}, {"t": "Str", "c": "to:"}]},
    ...              {"t": "Space"}, {"t": "Link", "c": [["", [], []], [{"t": "Str", "c": "CTO"}], ["#", ""]]}])
    'Reports to: CTO'
    """
    return clean("".join(_inline_parts(inlines)))


def _inline_parts(inlines: list[Node]) -> Iterator[str]:
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            yield content
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            yield " "
        elif kind in _INLINE_WRAPPERS:
            yield from _inline_parts(content)
        elif kind in ("Span", "Link"):
            yield from _inline_parts(content[1])
        elif kind == "Quoted":
            yield "“" if content[0]["t"] == "DoubleQuote" else "‘"
            yield from _inline_parts(content[1])
            yield "”" if content[0]["t"] == "DoubleQuote" else "’"
        elif kind == "Cite":
            yield from _inline_parts(content[1])
        elif kind in ("Code", "Math"):
            yield content[1]
        # Image, Note, RawInline: no text of the document's own


_TYPED_BULLET = re.compile(r"^(?:[•·▪◦●○■□➢►✓✔]|-(?=\s))\s*(?=\S)")


def _label_lines(inlines: list[Node], text: str | None = None) -> list[str] | None:
    """The lines of a paragraph broken by line breaks (Word's Shift+Enter, HTML's ``<br>``) or run together
    as labels ("**Location:** Leeds | **Reports to:** Head of Payroll"), when two or more of them are label
    lines ("Grade: 5"): each is a line of its own, without the separator typed between them; else None (a
    sentence wrapped by hand stays one paragraph). ``text`` is the paragraph's :func:`inline_text`, when the
    caller has it.

    >>> br, text = {"t": "LineBreak"}, lambda s: {"t": "Str", "c": s}
    >>> _label_lines([text("Grade: 5"), br, text("Reports to: Finance Manager")])
    ['Grade: 5', 'Reports to: Finance Manager']
    >>> _label_lines([text("Run the payroll for"), br, text("900 staff")]) is None
    True
    >>> bold = lambda s: {"t": "Strong", "c": [text(s)]}
    >>> _label_lines([bold("Location:"), text(" Leeds | "), bold("Reports to:"), text(" Head of Payroll")])
    ['Location: Leeds', 'Reports to: Head of Payroll']
    """
    lines: list[list[Node]] = [[]]
    for node in inlines:
        if node["t"] == "LineBreak":
            lines.append([])
            continue
        if _bold_label(node) and inline_text(lines[-1]):
            lines.append([])
        lines[-1].append(node)
    if len(lines) < 2 and len(label_segments(inline_text(inlines) if text is None else text)) < 2:
        return None
    texts = [text for line in lines if (text := _LINE_SEPARATOR.sub("", inline_text(line)))]
    texts = [segment for text in texts for segment in label_segments(text)]
    return texts if sum(label_parts(text) is not None for text in texts) >= 2 else None


_LINE_SEPARATOR = re.compile(r"\s*[|·•,;–—-]+\s*$")


def _bold_label(node: Node) -> bool:
    """A bold run that is a label ("**Reports to:**")."""
    return node["t"] == "Strong" and inline_text(node["c"]).rstrip().endswith(":")


def _particular(term: list[Node], definitions: list[list[Node]]) -> str | None:
    """A definition list entry of one short definition as a label line ("Reports to: Head of Finance"), when
    it reads as one (:func:`label_parts`); None for a term with several definitions or a long one.

    >>> text = lambda s: [{"t": "Str", "c": s}]
    >>> _particular(text("Grade"), [[{"t": "Plain", "c": text("7")}]])
    'Grade: 7'
    >>> _particular(text("Essential"), [[{"t": "Plain", "c": text("ACCA")}], [{"t": "Plain", "c": text("Excel")}]])
    """
    if len(definitions) != 1 or len(definitions[0]) != 1 or definitions[0][0]["t"] not in ("Para", "Plain"):
        return None
    value = inline_text(definitions[0][0]["c"])
    line = f"{inline_text(term)}: {value}"
    return line if value and len(value) <= 200 and label_parts(line) is not None else None


def _bold_only(inlines: list[Node]) -> bool:
    """A paragraph that is one Strong run (maybe followed by a colon): ``**Nice-to-haves**``."""
    kept = [n for n in inlines if n["t"] not in ("Space", "SoftBreak", "LineBreak")]
    if kept and kept[-1]["t"] == "Str" and kept[-1]["c"] == ":":
        kept = kept[:-1]
    return len(kept) == 1 and kept[0]["t"] == "Strong" and bool(inline_text(kept[0]["c"]))


class _Walker:
    def __init__(self, locate: Locate, locate_cells: bool) -> None:
        self.locate = locate
        self.locate_cells = locate_cells
        self.blocks: list[Block] = []

    def walk(self, blocks: list[Node], depth: int = 0) -> None:
        for node in blocks:
            kind, content = node["t"], node.get("c")
            if kind == "Header":
                text = inline_text(content[2])
                if text:
                    self.blocks.append(Block(kind="heading", text=text, at=self.locate(text), level=min(content[0], 6)))
            elif kind in ("Para", "Plain"):
                self.paragraph(content, depth)
            elif kind == "LineBlock":
                for line in content:
                    self.paragraph(line, depth)
            elif kind in ("BulletList", "OrderedList"):
                for item in content if kind == "BulletList" else content[1]:
                    self.item(item, depth + 1)
            elif kind == "DefinitionList":
                for term, definitions in content:
                    particular = _particular(term, definitions)
                    if particular is not None:  # <dt>Grade</dt><dd>7</dd>: the label line "Grade: 7"
                        self.blocks.append(text_block(particular, self.locate(particular)))
                        continue
                    self.paragraph([{"t": "Strong", "c": term}], depth)
                    for definition in definitions:
                        self.walk(definition, depth)
            elif kind == "Table":
                self.table(content)
            elif kind == "Figure":
                self.walk(content[2], depth)
            elif kind == "Div":
                self.walk(_without_admonition_title(content), depth)
            elif kind == "BlockQuote":
                self.walk(content, depth)
            # CodeBlock, RawBlock, HorizontalRule, Null: no role text

    def paragraph(self, inlines: list[Node], depth: int) -> None:
        text = inline_text(inlines)
        lines = _label_lines(inlines, text) if depth == 0 else None
        if lines is not None:  # "Job title: …⏎Grade: …⏎Reports to: …" typed with line breaks in one paragraph
            for line in lines:
                self.blocks.append(text_block(line, self.locate(line)))
            return
        bullet = _TYPED_BULLET.match(text) if depth == 0 else None
        if bullet:  # a bullet typed into the text, not a list (RTF's lists, Word's manual bullets): an item
            self.blocks.append(text_block(text[bullet.end() :], self.locate(text), item_depth=1))
        elif text:
            at = self.locate(text)
            self.blocks.append(text_block(text, at, item_depth=depth, bold_only=depth == 0 and _bold_only(inlines)))

    def item(self, blocks: list[Node], depth: int) -> None:
        """A list item: its first paragraph is the item; what follows (nested lists ...) is walked below it."""
        if blocks and blocks[0]["t"] in ("Para", "Plain"):
            self.paragraph(blocks[0]["c"], depth)
            blocks = blocks[1:]
        self.walk(blocks, depth)

    def table(self, content: list[Any]) -> None:
        _attr, caption, _colspecs, head, bodies, foot = content
        caption_text = " ".join(self._cell_text(b) for b in caption[1])
        head_rows = head[1]
        body_rows = [row for body in bodies for row in (*body[2], *body[3])] + foot[1]
        at = self.locate(caption_text or self._first_text(head_rows + body_rows))
        grid = _grid(head_rows + body_rows)
        cells = [
            tuple(Cell(text=text, at=self._cell_at(text, at, r, c)) for c, text in enumerate(row))
            for r, row in enumerate((tuple(self._cell_text(b) for b in row) for row in grid), start=1)
        ]
        header, rows = (cells[0], cells[1:]) if head_rows and cells else ((), cells)
        table = Table(header=tuple(header), rows=tuple(tuple(row) for row in rows))
        self.blocks.append(Block(kind="table", text=caption_text, at=at, table=table))

    def _cell_at(self, text: str, table_at: Location, row: int, column: int) -> Location:
        where = self.locate(text) if text and self.locate_cells else table_at
        return Location(line=where.line, page=where.page, paragraph=where.paragraph, row=row, column=column + 1)

    def _cell_text(self, blocks: list[Node]) -> str:
        parts = []
        for node in blocks:
            if node["t"] in ("Para", "Plain"):
                parts.append(inline_text(node["c"]))
            elif node["t"] in ("BulletList", "OrderedList"):
                items = node["c"] if node["t"] == "BulletList" else node["c"][1]
                parts.extend(self._cell_text(item) for item in items)
            elif node["t"] == "Div":
                parts.append(self._cell_text(node["c"][1]))
        return clean_cell("\n".join(p for p in parts if p))  # a paragraph or list item a line

    def _first_text(self, rows: list[Node]) -> str:
        for row in rows:
            for cell in row[1]:
                text = self._cell_text(cell[4])
                if text:
                    return text
        return ""


def _without_admonition_title(div: list[Any]) -> list[Node]:
    """A Div's blocks, less the generated "Warning"/"Note" title of an admonition."""
    (_id, classes, _attrs), blocks = div
    if _ADMONITIONS & set(classes) and blocks and blocks[0]["t"] == "Div" and "title" in blocks[0]["c"][0][1]:
        return blocks[1:]
    return blocks


def _grid(rows: list[Any]) -> list[list[list[Node]]]:
    """Rows of cell contents with row and column spans filled in, so every column lines up."""
    grid: list[list[list[Node]]] = []
    pending: dict[int, tuple[int, list[Node]]] = {}  # column -> (rows left, content) of a rowspan
    for row in rows:
        out: list[list[Node]] = []
        cells = iter(row[1])
        column = 0
        while True:
            if column in pending:
                left, content = pending[column]
                out.append(content)
                pending[column] = (left - 1, content)
                if left - 1 == 0:
                    del pending[column]
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                if any(c >= column for c in pending):
                    column += 1  # a later column is still covered by a rowspan
                    out.append([])
                    continue
                break
            _attr, _align, rowspan, colspan, content = cell
            for _ in range(max(colspan, 1)):
                if rowspan > 1:
                    pending[column] = (rowspan - 1, content)
                out.append(content)
                column += 1
        grid.append(out)
    return grid


def outline_from_ast(
    ast: dict[str, Any], source: str, format: str, locate: Locate, *, locate_cells: bool = True
) -> DocumentOutline:
    """The outline of a pandoc AST; ``locate(text)`` gives each block's location in order (and each
    table cell's, unless ``locate_cells`` is false: then cells take their table's)."""
    walker = _Walker(locate, locate_cells)
    walker.walk(ast.get("blocks", []))
    meta = ast.get("meta", {})
    title = _meta_text(meta.get("title")) or None
    outline = DocumentOutline(source=source, format=format, blocks=walker.blocks, title=title)
    outline.meta["pandoc"] = _meta(meta)
    return outline


def _meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {key: _meta_text(value) for key, value in meta.items()}


def _meta_text(value: Node | None) -> str:
    if not value:
        return ""
    kind, content = value["t"], value.get("c")
    if kind in ("MetaInlines",):
        return inline_text(content)
    if kind == "MetaString":
        return str(content)
    if kind == "MetaBlocks":
        return " ".join(inline_text(b["c"]) for b in content if b["t"] in ("Para", "Plain"))
    if kind == "MetaList":
        return ", ".join(_meta_text(v) for v in content)
    if kind == "MetaBool":
        return str(content).lower()
    return ""


def title_as_heading(outline: DocumentOutline, at: Location) -> None:
    """The document title pandoc keeps apart (AsciiDoc ``= Title``, Word's Title style) as the level-1
    heading at ``at``, and the sections below it one level down, as in Markdown."""
    title = outline.title or ""
    outline.blocks = [
        Block(kind="heading", text=title, at=at, level=1),
        *(replace(b, level=min(b.level + 1, 6)) if b.kind == "heading" and b.level < 7 else b for b in outline.blocks),
    ]


_MARKUP = re.compile(r"<(?:p|br|ul|ol|li|div|span|h[1-6]|strong|b|em|i|u|table|section)\b[^<>]{0,2000}>", re.I)
_FRAGMENT_ID = "orgkg-fragment-{}"
CHUNK_BYTES = 200_000  # of HTML fragments per pandoc run


def has_markup(text: str) -> bool:
    """Whether ``text`` is HTML (a paragraph, list, line break or heading tag), not plain text with a ``<``.

    >>> has_markup("<p>Run payroll</p>"), has_markup("Salary < 30k"), has_markup("Run<br/>Reconcile")
    (True, False, True)
    """
    return _MARKUP.search(text) is not None


def read_html_fragments(markups: list[str], source: str) -> list[list[Block]]:
    """The blocks of each HTML fragment (a posting's description, a spreadsheet cell an export wrote in HTML),
    in order; every block at line 1 (the caller places them where the fragment is).

    Pandoc reads the fragments of up to :data:`CHUNK_BYTES` in one run (each in a ``div`` of its own), the
    runs side by side on the machine's cores: its HTML reader slows down more than in proportion on a long
    input, so a feed of 10,000 postings read in one run would take minutes.
    """
    if not markups:
        return []
    markups = [repaired(plain_structure(markup)) for markup in markups]  # often pasted from Google Docs
    chunks: list[list[str]] = [[]]
    size = 0
    for markup in markups:
        if chunks[-1] and size + len(markup) > CHUNK_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append(markup)
        size += len(markup)
    with ThreadPoolExecutor(max_workers=min(len(chunks), os.cpu_count() or 1)) as pool:
        return [blocks for read in pool.map(lambda chunk: _read_chunk(chunk, source), chunks) for blocks in read]


def read_html_at(fragments: list[tuple[str, Location]], source: str) -> list[tuple[Block, ...]]:
    """The blocks of each ``(markup, place)`` fragment — a value or cell written in HTML — every block at the
    fragment's place, its tables left out (a cell's or a value's HTML holds no table read as one).

    >>> [[(b.kind, b.text, b.at.line) for b in blocks] for blocks in read_html_at(
    ...     [("<p>Runs payroll.</p><ul><li>Reconcile</li></ul>", Location(line=4))], "r.json")]
    [[('paragraph', 'Runs payroll.', 4), ('item', 'Reconcile', 4)]]
    """
    read = read_html_fragments([markup for markup, _ in fragments], source)
    return [
        tuple(replace(block, at=at) for block in blocks if block.kind != "table")
        for (_, at), blocks in zip(fragments, read, strict=True)
    ]


def _read_chunk(markups: list[str], source: str) -> list[list[Block]]:
    """The blocks of each fragment read by one pandoc run; when one's markup breaks out of its ``div`` (an
    unclosed tag), each half is read again, down to a run per fragment."""
    if len(markups) == 1:
        return [_blocks_of(run_pandoc(markups[0].encode("utf-8"), "html", source), source)]
    page = "".join(f'<div id="{_FRAGMENT_ID.format(i)}">\n{markup}\n</div>\n' for i, markup in enumerate(markups))
    ast = run_pandoc(page.encode("utf-8"), "html", source)
    divs = ast.get("blocks", [])
    ids = [node["c"][0][0] if node["t"] == "Div" else None for node in divs]
    if ids == [_FRAGMENT_ID.format(i) for i in range(len(markups))]:  # nothing outside the divs either
        return [_blocks_of({**ast, "blocks": node["c"][1]}, source) for node in divs]
    half = len(markups) // 2
    return _read_chunk(markups[:half], source) + _read_chunk(markups[half:], source)


def _blocks_of(ast: dict[str, Any], source: str) -> list[Block]:
    return outline_from_ast(ast, source, "html", lambda _words: Location()).blocks
