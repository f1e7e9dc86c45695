"""Text markup read through pandoc: HTML, reStructuredText, AsciiDoc and LaTeX.

Each block's line is found by looking for its first words in the source, moving forward only (for
HTML from ``<body>`` on, so the ``<title>`` never takes the first heading's line). AsciiDoc's
document title (``= Title``) becomes the level-1 heading, so its sections start at level 2 as in
Markdown and HTML.
"""

from __future__ import annotations

import re

from loaders.base import Reader
from loaders.document import DocumentOutline, Location
from loaders.readers.common import LineLocator
from loaders.readers.pandoc import outline_from_ast, run_pandoc, title_as_heading
from loaders.reading import decode

__all__ = ["ASCIIDOC", "HTML", "LATEX", "RST", "read_markup"]

_BODY = re.compile(r"<body\b", re.I)
_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)((?:(?!</?h[1-6]\b).)*)</h[1-6]\s*>", re.I | re.S)


def read_markup(data: bytes, source: str, pandoc_format: str, name: str) -> DocumentOutline:
    """The outline of a text markup file, every block at its source line.

    Examples
    --------
    >>> doc = read_markup(b"Levels\\n======\\n\\n* **Junior**: learns\\n* Senior\\n", "l.rst", "rst", "rst")
    >>> [(b.kind, b.text, b.level, b.at.line) for b in doc.blocks]
    [('heading', 'Levels', 1, 1), ('item', 'Junior: learns', 1, 4), ('item', 'Senior', 1, 5)]
    """
    text = decode(data, source)
    body = _BODY.search(text) if pandoc_format == "html" else None
    locator = LineLocator(text, start=body.start() if body else 0)
    given = _close_headings(text) if pandoc_format == "html" else text
    ast = run_pandoc(given.encode("utf-8"), pandoc_format, source)
    outline = outline_from_ast(ast, source, name, lambda words: Location(line=locator.line_of(words)))
    if pandoc_format == "asciidoc" and outline.title:
        title_as_heading(outline, Location(line=LineLocator(text).line_of(outline.title)))
    return outline


def _close_headings(html: str) -> str:
    """``<h1>Title</h2>`` closed as browsers do (any ``</hN>`` ends the open heading), which pandoc
    would otherwise read as a paragraph; line breaks are kept, so lines stay where they are.

    Examples
    --------
    >>> _close_headings("<h1>18F: Engineering Director</h2>\\n<h2>Basics</h2>")
    '<h1>18F: Engineering Director</h1>\\n<h2>Basics</h2>'
    """
    return _HEADING.sub(lambda m: f"{m.group(1)}{m.group(3)}</h{m.group(2)}>", html)


def _reader(name: str, pandoc_format: str, extensions: tuple[str, ...], description: str) -> Reader:
    return Reader(
        name=name,
        extensions=extensions,
        read=lambda data, source: read_markup(data, source, pandoc_format, name),
        description=description,
        library=f"pandoc ({pandoc_format} reader, pypandoc-binary)",
    )


HTML = _reader("html", "html", (".html", ".htm", ".xhtml"), "HTML pages (Confluence, Notion and wiki exports).")
RST = _reader("rst", "rst", (".rst",), "reStructuredText documents (Sphinx, Read the Docs).")
ASCIIDOC = _reader("asciidoc", "asciidoc", (".adoc", ".asciidoc", ".asc"), "AsciiDoc documents.")
LATEX = _reader("latex", "latex", (".tex", ".latex"), "LaTeX documents (no macros run, nothing included).")
