"""Readers: one module per family of formats, each turning a file's bytes into a ``DocumentOutline``.

``READERS`` lists them by name; :mod:`loaders.registry` chooses one per file (by content and
extension) and :mod:`loaders.layouts` finds the roles in the outline.
"""

from loaders.base import Reader
from loaders.readers.data import JS, JSON, TOML, YAML_DATA
from loaders.readers.markup import ASCIIDOC, HTML, LATEX, MEDIAWIKI, ORG, RST, RTF, TEXTILE
from loaders.readers.mhtml import MHTML
from loaders.readers.office import DOCX, ODT, PPTX
from loaders.readers.pdf import PDF
from loaders.readers.sheets import CSV, XLSX
from loaders.readers.text import TEXT
from loaders.readers.xmldata import XML

__all__ = ["READERS"]

READERS: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        HTML, MHTML, DOCX, ODT, PPTX, PDF, RST, ASCIIDOC, LATEX, RTF, ORG, MEDIAWIKI, TEXTILE, TEXT, CSV, XLSX, JSON,
        YAML_DATA, TOML, JS, XML,
    )
}
