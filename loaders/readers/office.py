"""Office documents read through pandoc: DOCX, ODT and PPTX, each block at its paragraph number.

Paragraph numbers count the outline's blocks in document order (headings, paragraphs and list items
are one paragraph each, a table is one), which is what a person counts in Word or LibreOffice. A
paragraph in the Title style is the level-1 heading and Heading 1 sections are level 2, as in
Markdown.
"""

from __future__ import annotations

import itertools
import zipfile
from io import BytesIO

from graph.errors import DocumentError
from loaders.base import Reader
from loaders.document import DocumentOutline, Location
from loaders.readers.pandoc import outline_from_ast, run_pandoc, title_as_heading

__all__ = ["DOCX", "ODT", "PPTX", "read_office"]

_PARTS = {"docx": "word/document.xml", "odt": "content.xml", "pptx": "ppt/presentation.xml"}


def read_office(data: bytes, source: str, pandoc_format: str) -> DocumentOutline:
    """The outline of a DOCX or ODT file; a file that is no such zip is refused before pandoc runs."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, EOFError, ValueError) as err:
        raise DocumentError(source, f"not a readable {pandoc_format.upper()} file (broken zip: {err})") from err
    except (zipfile.LargeZipFile, RuntimeError, NotImplementedError, OSError) as err:
        raise DocumentError(source, f"not a readable {pandoc_format.upper()} file: {err}") from err
    if broken is not None:
        raise DocumentError(source, f"not a readable {pandoc_format.upper()} file: part {broken} is corrupt")
    if _PARTS[pandoc_format] not in names:
        raise DocumentError(source, f"not a {pandoc_format.upper()} file: it has no {_PARTS[pandoc_format]}")
    ast = run_pandoc(data, pandoc_format, source)
    titled = bool(ast.get("meta", {}).get("title"))
    counter = itertools.count(2 if titled else 1)  # the Title paragraph is the first
    outline = outline_from_ast(
        ast, source, pandoc_format, lambda _text: Location(paragraph=next(counter)), locate_cells=False
    )
    if titled and outline.title:
        title_as_heading(outline, Location(paragraph=1))
    return outline


def _reader(name: str, description: str) -> Reader:
    return Reader(
        name=name,
        extensions=(f".{name}",),
        read=lambda data, source: read_office(data, source, name),
        description=description,
        library=f"pandoc ({name} reader, pypandoc-binary)",
        binary=True,
    )


DOCX = _reader("docx", "Word documents.")
PPTX = _reader("pptx", "PowerPoint decks (a career ladder as a slide per level): each slide's title a heading.")
ODT = _reader("odt", "OpenDocument text (LibreOffice, Google Docs export).")
