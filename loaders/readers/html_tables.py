"""``<table>`` elements inside a text document (Markdown HTML blocks), read with the stdlib HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser

from loaders.document import Cell, Location, Table
from loaders.text import clean_line

__all__ = ["read_html_tables", "strip_html", "unclosed_markup_as_text"]

_BREAKS = {"br", "p", "div", "li"}


class _TableParser(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.tables: list[list[tuple[bool, list[tuple[str, int]]]]] = []  # per table: rows (is_header, cells)
        self._depth = 0
        self._cell: list[str] | None = None
        self._cell_line = 0
        self._row: list[tuple[str, int]] | None = None
        self._row_header = False

    def handle_starttag(self, tag: str, attrs) -> None:
        line = self.first_line + self.getpos()[0] - 1
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth == 1 and tag == "tr":
            self._row, self._row_header = [], False
        elif self._depth == 1 and tag in ("td", "th") and self._row is not None:
            self._cell, self._cell_line = [], line
            self._row_header = self._row_header or tag == "th"
        elif self._cell is not None and tag in _BREAKS:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None and self._row is not None:
            text = "\n".join(clean_line(part) for part in "".join(self._cell).split("\n"))
            self._row.append((text.strip("\n"), self._cell_line))
            self._cell = None
        elif self._depth == 1 and tag == "tr" and self._row is not None:
            if self._row:
                self.tables[-1].append((self._row_header, self._row))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(" ".join(data.split(" ")))


def read_html_tables(html: str, first_line: int) -> list[tuple[Table, int]]:
    """Every top-level ``<table>`` of ``html`` (which starts at file line ``first_line``) and its line.

    The first row is the header when it is made of ``<th>`` cells (or sits in ``<thead>``).

    Examples
    --------
    >>> html = "<table>\\n<tr><th>Level</th><th>L1</th></tr>\\n"
    >>> html += "<tr><td>Code</td><td>Writes<br>tests</td></tr>\\n</table>"
    >>> [(t.header_texts, [[c.text for c in r] for r in t.rows], line) for t, line in read_html_tables(html, 5)]
    [(['Level', 'L1'], [['Code', 'Writes\\ntests']], 6)]
    """
    parser = _TableParser(first_line)
    parser.feed(unclosed_markup_as_text(html))
    parser.close()
    result = []
    for rows in parser.tables:
        if not rows:
            continue
        cells = [
            tuple(Cell(text, Location(line=line, row=r + 1, column=c + 1)) for c, (text, line) in enumerate(row))
            for r, (_, row) in enumerate(rows)
        ]
        table = Table(header=cells[0], rows=tuple(cells[1:])) if rows[0][0] else Table(header=(), rows=tuple(cells))
        result.append((table, cells[0][0].at.line if cells[0] else first_line))
    return result


def unclosed_markup_as_text(html: str) -> str:
    """``html`` with every ``<`` that can never close escaped (``&lt;``): the same text, parsed linearly.

    The standard library's parser looks for the end of each ``<!--`` (and ``<?``, ``<!``, ``<a``) through
    the whole rest of the text; with no end there, ``"<!-- " * 20_000`` costs seconds (quadratic). A
    comment cannot close after the last ``-->`` nor a tag after the last ``>``: those openers are text.

    Examples
    --------
    >>> unclosed_markup_as_text("<b>x</b> <!-- a --> <!-- b > <!-- c <i")
    '<b>x</b> <!-- a --> &lt;!-- b > &lt;!-- c &lt;i'
    """
    closing = html.rfind("-->")
    comments_end = closing + 3 if closing >= 0 else 0
    if "<!--" in html[comments_end:]:
        html = html[:comments_end] + html[comments_end:].replace("<!--", "&lt;!--")
    tags_end = html.rfind(">") + 1
    if "<" in html[tags_end:]:
        html = html[:tags_end] + html[tags_end:].replace("<", "&lt;")
    return html


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def strip_html(html: str) -> str:
    """The text of an HTML fragment, keeping its line breaks (so lines still count).

    Examples
    --------
    >>> strip_html("<p>Lead\\n<b>teams</b></p>")
    'Lead\\nteams'
    """
    parser = _TextParser()
    parser.feed(unclosed_markup_as_text(html))
    parser.close()
    return "".join(parser.parts)
