"""Spreadsheets: CSV/TSV (the standard ``csv`` module) and XLSX (openpyxl, read-only), each sheet one
table.

The first non-empty row is the header; empty rows and trailing empty columns are dropped. Every cell
is at its row and column (CSV: also its file line; XLSX: its sheet), and keeps the line breaks it is
written with (a quoted line break, Alt+Enter). A workbook of several sheets gives a heading per sheet,
then the sheet's table. A merged range of a sheet has its value in every cell it covers (a family merged
down the rows of its jobs), as a spanned cell of an HTML or Word table has.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any

from graph.errors import DocumentError
from loaders.base import Reader
from loaders.document import Block, Cell, DocumentOutline, Location, Table
from loaders.readers.common import clean_cell
from loaders.readers.pandoc import has_markup, read_html_at
from loaders.reading import decode

__all__ = ["CSV", "XLSX", "read_csv", "read_xlsx"]

_DELIMITERS = ",;\t|"
_MERGE_REF = re.compile(
    rb"<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref=[\"']([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)[\"']"
)
_CHUNK, _TAIL = 1 << 20, 512
_SNIFF_CHARS = 64 * 1024


def read_csv(data: bytes, source: str) -> DocumentOutline:
    """A CSV or TSV file as one table; the delimiter is sniffed, quoted line breaks kept in their cell.

    Examples
    --------
    >>> doc = read_csv(b'\\xef\\xbb\\xbfLevel;Skills\\nL1;"Go,\\nSQL"\\nL2;Design\\n', "m.csv")
    >>> table = doc.blocks[0].table
    >>> table.header_texts
    ['Level', 'Skills']
    >>> [[(c.text, str(c.at)) for c in row] for row in table.rows]  # doctest: +NORMALIZE_WHITESPACE
    [[('L1', 'line 2, row 2, column 1'), ('Go,\\nSQL', 'line 2, row 2, column 2')],
     [('L2', 'line 4, row 3, column 1'), ('Design', 'line 4, row 3, column 2')]]
    """
    text = decode(data, source)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:_SNIFF_CHARS], delimiters=_DELIMITERS)
    except csv.Error:
        dialect = csv.excel_tab if source.lower().endswith(".tsv") else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for values in reader:
            rows.append((line, values))
            line = reader.line_num + 1
    except csv.Error as err:
        raise DocumentError(source, f"malformed CSV: {err}", line=line) from err
    table = _table(rows, lambda line_no, r, c: Location(line=line_no, row=r, column=c))
    outline = DocumentOutline(source=source, format="csv")
    if table is not None:
        table = read_markup_cells(table, source)
        outline.blocks.append(Block(kind="table", text="", at=Location(line=table.header[0].at.line), table=table))
    return outline


def read_xlsx(data: bytes, source: str) -> DocumentOutline:
    """An Excel workbook: a table per sheet (with a heading per sheet when there are several).

    Raises
    ------
    DocumentError
        For a file openpyxl cannot open (not a zip, a part missing or corrupt), naming the sheet when
        reading one fails.
    """
    import openpyxl  # here, not at the top: ~0.22 s that every orgkg command would pay, workbook or not

    outline = DocumentOutline(source=source, format="xlsx")
    sheet, row = "", 0
    # openpyxl and the zip and XML parsers beneath it raise many kinds of exceptions on a damaged
    # workbook (BadZipFile, KeyError for a missing part, ValueError, XML errors); to a user they all
    # mean that this workbook cannot be read.
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets: list[tuple[str, list[tuple[object, ...]]]] = []
        try:
            for worksheet in workbook.worksheets:
                sheet, row, values = worksheet.title, 0, []
                for cells in worksheet.iter_rows(values_only=True):
                    values.append(list(cells))
                    row += 1
                _fill_merged(values, _merged_ranges(worksheet))
                sheets.append((sheet, values))
        finally:
            workbook.close()
    except zipfile.BadZipFile as err:
        raise DocumentError(source, f"not a readable XLSX file (broken zip: {err})") from err
    except Exception as err:
        at = Location(sheet=sheet, row=row + 1) if sheet else None  # the row after the last one read
        raise DocumentError(source, f"not a readable XLSX file: {type(err).__name__}: {err}", at=at) from err
    for title, values in sheets:
        numbered = [(n, [_cell_text(v) for v in row]) for n, row in enumerate(values, start=1)]
        table = _table(numbered, lambda _line, r, c, title=title: Location(sheet=title, row=r, column=c))
        if table is None:
            continue
        table = read_markup_cells(table, source)
        if len(sheets) > 1:
            outline.blocks.append(Block(kind="heading", text=title, at=Location(sheet=title), level=1))
        outline.blocks.append(
            Block(kind="table", text=title, at=Location(sheet=title, row=table.header[0].at.row), table=table)
        )
    return outline


def _merged_ranges(worksheet: Any) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a read-only worksheet as (first column, first row, last column, last row).

    A read-only worksheet streams its cells and keeps no merges: its XML is scanned again, a megabyte at a
    time, for its ``<mergeCell ref="A2:A4"/>`` elements (empty elements of one attribute, which a pattern
    finds at the speed of a byte search where parsing every cell's XML again would cost a sixth of the read).
    """
    from openpyxl.utils.cell import range_boundaries

    ranges, tail = [], b""
    with worksheet._get_source() as source:  # the sheet's XML in the workbook's zip, as iter_rows reads it
        while chunk := source.read(_CHUNK):
            data, end = tail + chunk, 0
            if b"mergeCell" in data:
                for match in _MERGE_REF.finditer(data):
                    ranges.append(range_boundaries(match.group(1).decode()))
                    end = match.end()
            tail = data[max(end, len(data) - _TAIL) :]  # a tag cut by the chunk's end is found in the next
    return ranges


def _fill_merged(values: list[list[object]], ranges: list[tuple[int, int, int, int]]) -> None:
    """Each merged range's value repeated in every cell it covers, as pandoc repeats a spanned cell of an
    HTML or Word table: a family merged down its jobs' rows is each job's family.

    A range is cut to the rows and columns the sheet has, and the ranges fill no more cells in all than
    the sheet holds (Excel's merges never overlap; a file whose do is filled until then).

    Examples
    --------
    >>> values = [["Family", "Job"], ["Finance", "Accountant"], [None, "Controller"]]
    >>> _fill_merged(values, [(1, 2, 1, 3)])
    >>> [row[0] for row in values]
    ['Family', 'Finance', 'Finance']
    """
    width = max((len(row) for row in values), default=0)
    budget = width * len(values)
    for first_column, first_row, last_column, last_row in ranges:
        last_row, last_column = min(last_row, len(values)), min(last_column, width)
        area = max(0, last_row - first_row + 1) * max(0, last_column - first_column + 1)
        if area <= 1:
            continue
        budget -= area
        if budget < 0:
            return
        top = values[first_row - 1]
        value = top[first_column - 1] if first_column <= len(top) else None
        if value is None:
            continue
        for row in values[first_row - 1 : last_row]:
            row.extend([None] * (last_column - len(row)))
            for column in range(first_column - 1, last_column):
                if row[column] is None:
                    row[column] = value


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return clean_cell(str(value))


def read_markup_cells(table: Table, source: str) -> Table:
    """``table`` with each body cell written in HTML (an HR system's rich-text field exported as is) read
    into its blocks, in one pandoc batch for the whole table; the cell's text becomes theirs, a line each.

    Examples
    --------
    >>> cell = Cell("<p>Runs payroll.</p><ul><li>Run the payroll</li><li>Reconcile</li></ul>", Location(line=2))
    >>> read = read_markup_cells(Table(header=(Cell("Description", Location(line=1)),), rows=((cell,),)), "j.csv")
    >>> read.rows[0][0].text
    'Runs payroll.\\nRun the payroll\\nReconcile'
    >>> [(b.kind, b.text, b.at.line) for b in read.rows[0][0].blocks]
    [('paragraph', 'Runs payroll.', 2), ('item', 'Run the payroll', 2), ('item', 'Reconcile', 2)]
    """
    marked = [(r, c) for r, row in enumerate(table.rows) for c, cell in enumerate(row) if has_markup(cell.text)]
    if not marked:
        return table
    read = read_html_at([(table.rows[r][c].text, table.rows[r][c].at) for r, c in marked], source)
    rows = [list(row) for row in table.rows]
    for (r, c), blocks in zip(marked, read, strict=True):
        rows[r][c] = Cell("\n".join(block.text for block in blocks), rows[r][c].at, blocks)
    return Table(header=table.header, rows=tuple(tuple(row) for row in rows))


def _table(rows: Iterable[tuple[int, list[str]]], at) -> Table | None:
    """The table of ``(line, values)`` rows: header first, empty rows and trailing empty columns dropped."""
    kept = [(line, number, [clean_cell(v) for v in values]) for number, (line, values) in enumerate(rows, 1)]
    kept = [(line, number, values) for line, number, values in kept if any(values)]
    if not kept:
        return None
    width = max(max((i + 1 for i, v in enumerate(values) if v), default=0) for _, _, values in kept)
    cells = [
        tuple(Cell(text, at(line, number, column)) for column, text in enumerate(values[:width], start=1))
        for line, number, values in kept
    ]
    return Table(header=cells[0], rows=tuple(cells[1:]))


CSV = Reader(
    name="csv",
    extensions=(".csv", ".tsv"),
    read=read_csv,
    description="CSV/TSV tables (competency matrices, role lists); the delimiter is sniffed.",
    library="Python csv module",
)
XLSX = Reader(
    name="xlsx",
    extensions=(".xlsx", ".xlsm"),
    read=read_xlsx,
    description="Excel workbooks: every sheet a table.",
    library="openpyxl (read-only)",
    binary=True,
)
