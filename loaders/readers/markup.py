"""Text markup read through pandoc: HTML, reStructuredText, AsciiDoc and LaTeX.

Each block's line is found by looking for its first words in the source, moving forward only (for
HTML from ``<body>`` on, so the ``<title>`` never takes the first heading's line). AsciiDoc's
document title (``= Title``) becomes the level-1 heading, so its sections start at level 2 as in
Markdown and HTML. A job page whose JSON-LD holds a schema.org ``JobPosting`` is read from that
(:func:`page_postings`).
"""

from __future__ import annotations

import re
from typing import Any

from graph.errors import DocumentError
from graph.model import LoadProblem
from loaders.base import Reader
from loaders.document import DocumentOutline, Location
from loaders.readers.common import LineLocator
from loaders.readers.data import data_location
from loaders.readers.html_repair import repaired
from loaders.readers.jobposting import SECTIONS, find_postings, postings_outline, schema_org_fields, value_at
from loaders.readers.jsdata import DataPath, parse_literal
from loaders.readers.microdata import microdata_postings
from loaders.readers.office_html import plain_structure
from loaders.readers.pandoc import outline_from_ast, run_pandoc, title_as_heading
from loaders.reading import decode

__all__ = [
    "ASCIIDOC",
    "HTML",
    "LATEX",
    "MEDIAWIKI",
    "ORG",
    "RST",
    "RTF",
    "TEXTILE",
    "main_content",
    "page_postings",
    "read_markup",
    "read_markup_text",
]

_BODY = re.compile(r"<body\b", re.I)
_JSON_LD = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>", re.I | re.S
)
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


def read_markup(data: bytes, source: str, pandoc_format: str, name: str) -> DocumentOutline:
    """The outline of a text markup file, every block at its source line.

    Examples
    --------
    >>> doc = read_markup(b"Levels\\n======\\n\\n* **Junior**: learns\\n* Senior\\n", "l.rst", "rst", "rst")
    >>> [(b.kind, b.text, b.level, b.at.line) for b in doc.blocks]
    [('heading', 'Levels', 1, 1), ('item', 'Junior: learns', 1, 4), ('item', 'Senior', 1, 5)]
    """
    return read_markup_text(decode(data, source), source, pandoc_format, name)


def read_markup_text(text: str, source: str, pandoc_format: str, name: str) -> DocumentOutline:
    """:func:`read_markup` of a file's text (a web archive's page, :mod:`loaders.readers.mhtml`)."""
    postings, problems = page_postings(text, source) if pandoc_format == "html" else (None, [])
    if postings is not None:
        return postings
    body = _BODY.search(text) if pandoc_format == "html" else None
    locator = LineLocator(text, start=body.start() if body else 0)
    given = repaired(main_content(plain_structure(text))) if pandoc_format == "html" else text
    ast = run_pandoc(given.encode("utf-8"), pandoc_format, source)
    outline = outline_from_ast(ast, source, name, lambda words: Location(line=locator.line_of(words)))
    if pandoc_format == "asciidoc" and outline.title:
        title_as_heading(outline, Location(line=LineLocator(text).line_of(outline.title)))
    outline.problems += problems
    return outline


def page_postings(text: str, source: str) -> tuple[DocumentOutline | None, list[LoadProblem]]:
    """The outline of the schema.org job postings in a page's JSON-LD, when one of them says what the role
    is or asks (a description or a requirement field), else None (the page's text is read); and the
    problems of its JSON-LD: a malformed block that names a job posting is a warning at its line.

    A job page's JSON-LD holds the posting as the site wrote it for search engines; the page's text
    repeats it among navigation, buttons and footers, so it is not read then.

    Examples
    --------
    >>> page = (
    ...     '<html><head><script type="application/ld+json">\\n{"@type": "JobPosting",\\n'
    ...     ' "title": "Data Engineer", "description": "<ul><li>Build pipelines</li></ul>"}\\n</script></head>'
    ...     '<body><nav>Home</nav><h1>Data Engineer</h1></body></html>')
    >>> [(b.kind, b.text, b.at.line) for b in page_postings(page, "j.html")[0].blocks]
    [('heading', 'Data Engineer', 3), ('item', 'Build pipelines', 3)]
    >>> page_postings("<html><body><h1>Data Engineer</h1></body></html>", "j.html")
    (None, [])
    """
    values: list[Any] = []
    lines: dict[DataPath, int] = {}
    problems = []
    for script in _JSON_LD.finditer(text):
        content = script.group(1)
        first = text.count("\n", 0, script.start(1))  # lines before the script's content
        try:
            parsed = parse_literal(_CDATA.sub("", content), source)
        except (DocumentError, RecursionError) as err:
            if "JobPosting" in content:
                at = first + ((err.line if isinstance(err, DocumentError) else None) or 1)
                reason = err.reason if isinstance(err, DocumentError) else "nested too deeply to read"
                message = f"JSON-LD job posting not read: {reason}"
                problems.append(LoadProblem(path=source, line=at, message=message, severity="warning"))
            continue
        index = len(values)
        values.append(parsed.data)
        lines.update({(index, *path): first + line for path, line in parsed.lines.items()})
    paths = [path for path in find_postings(values) if _describes(values, path)]
    postings = [fields for path in paths if (fields := schema_org_fields(values, path))]
    if not postings:  # no JSON-LD posting: the page's microdata may mark one
        values, lines = microdata_postings(text)
        paths = [(index,) for index in range(len(values)) if _describes(values, (index,))]
        postings = [fields for path in paths if (fields := schema_org_fields(values, path))]
    if not postings:
        return None, problems
    try:
        outline = postings_outline(postings, lambda path: data_location(lines, path), source, "html")
    except (DocumentError, RecursionError) as err:  # a description nested past what can be read: the page is
        at = data_location(lines, (*paths[0], "description")).line
        reason = err.reason if isinstance(err, DocumentError) else "its description is nested too deeply to read"
        message = f"JSON-LD job posting not read ({reason}); the page's text is read instead"
        return None, [*problems, LoadProblem(path=source, line=at, message=message, severity="warning")]
    outline.problems += problems
    return outline, []


# Where a page keeps its own text, apart from navigation, page metadata and footers: HTML5's main element,
# an ARIA main landmark, Confluence's export (id="main-content"), a page's one article (Notion's export).
# Spans are bounded: a page of unclosed tags must not make each match scan to its end.
_MAIN_STARTS = (
    re.compile(r"<main\b[^>]{0,4000}>", re.I),
    re.compile(r"<(div|section)\b[^>]{0,4000}?\brole\s*=\s*[\"']?main\b[^>]{0,4000}>", re.I),
    re.compile(r"<(div|section)\b[^>]{0,4000}?\bid\s*=\s*[\"']?main-content\b[^>]{0,4000}>", re.I),
    re.compile(r"<article\b[^>]{0,4000}>", re.I),
)
_H1 = re.compile(r"<h1\b[^>]{0,4000}>.{0,4000}?</h1\s*>", re.I | re.S)


def main_content(page: str) -> str:
    """The page with its body cut to the element that holds its own text (:data:`_MAIN_STARTS`, the first
    found; a page of several articles is left whole), keeping the head (its ``<title>``) and a level-1
    heading outside that element (Confluence's page title); the page as it is when it has none.

    Examples
    --------
    >>> page = ('<html><head><title>HR : Payroll Officer</title></head><body><ol><li>HR</li></ol>'
    ...         '<h1>Payroll Officer</h1><div class="page-metadata">Created by Jane</div>'
    ...         '<div id="main-content" class="wiki-content"><div><p>Runs payroll.</p></div></div>'
    ...         '<div id="footer"><p>Document generated by Confluence</p></div></body></html>')
    >>> kept = main_content(page)
    >>> [words in kept for words in ("Payroll Officer</h1>", "Runs payroll", "Created by", "generated by")]
    [True, True, False, False]
    """
    body = _BODY.search(page)
    if body is None:
        return page
    for pattern in _MAIN_STARTS:
        starts = list(pattern.finditer(page, body.end()))
        if not starts or (pattern.pattern.startswith("<article") and len(starts) > 1):
            continue
        start = starts[0]
        end = _element_end(page, start)
        if end is None:
            return page
        head = page[: page.index(">", body.start()) + 1]
        title = _H1.search(page, body.end(), start.start())
        inside = page[start.start() : end]
        return f"{head}{title.group() + chr(10) if title and not _H1.search(inside) else ''}{inside}\n</body></html>"
    return page


def _element_end(page: str, start: re.Match[str]) -> int | None:
    """Where the element opened at ``start`` ends (after its closing tag), counting the nested elements of
    its name; None when it never closes."""
    name = re.match(r"<(\w+)", start.group()).group(1).lower()
    tags = re.compile(rf"<(/?){name}\b[^>]{{0,4000}}>", re.I)
    depth = 0
    for tag in tags.finditer(page, start.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return None


def _describes(values: list[Any], path: DataPath) -> bool:
    posting = value_at(values, path)
    return any(posting.get(key) for key in ("description", *(field for field, _ in SECTIONS)))


def _reader(name: str, pandoc_format: str, extensions: tuple[str, ...], description: str) -> Reader:
    return Reader(
        name=name,
        extensions=extensions,
        read=lambda data, source: read_markup(data, source, pandoc_format, name),
        description=description,
        library=f"pandoc ({pandoc_format} reader, pypandoc-binary)",
    )


HTML = _reader(
    "html", "html", (".html", ".htm", ".xhtml"), "HTML pages (Confluence, Notion and wiki exports; job pages)."
)
RST = _reader("rst", "rst", (".rst",), "reStructuredText documents (Sphinx, Read the Docs).")
ASCIIDOC = _reader("asciidoc", "asciidoc", (".adoc", ".asciidoc", ".asc"), "AsciiDoc documents.")
LATEX = _reader("latex", "latex", (".tex", ".latex"), "LaTeX documents (no macros run, nothing included).")
RTF = _reader("rtf", "rtf", (".rtf",), "Rich Text Format documents (Word's and WordPad's RTF exports).")
ORG = _reader("org", "org", (".org",), "Org-mode documents.")
MEDIAWIKI = _reader("mediawiki", "mediawiki", (".wiki", ".mediawiki"), "MediaWiki pages (an intranet wiki's source).")
TEXTILE = _reader("textile", "textile", (".textile",), "Textile documents.")
