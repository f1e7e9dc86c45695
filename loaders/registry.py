"""The formats orgkg reads and how a file's format is chosen: by its content first, then its extension.

Loaders (``catalog``, ``blueprint``, ``job-family``, ``yaml``) read text straight into roles; readers
(``html``, ``docx``, ``pdf``, ``csv`` ...) read bytes into an outline that ``loaders.layouts``
interprets. Content wins over the extension where it is unambiguous: a PDF signature, a zip holding a
Word, OpenDocument or Excel part, an HTML page saved as ``.md``, a ``.txt`` written in Markdown.
"""

from __future__ import annotations

import json
import re
import zipfile
from io import BytesIO
from pathlib import Path

import orjson

from graph.errors import DocumentError
from loaders import blueprint, catalog, job_family, layout_loaders, yaml_roles
from loaders.base import Loader, Reader
from loaders.document import DocumentOutline
from loaders.layouts import describes_one_role, detect, hints
from loaders.layouts.described import described_roles
from loaders.layouts.particulars import has_job_labels, has_job_tables
from loaders.readers import READERS
from loaders.readers.markdown import read_markdown
from loaders.readers.mhtml import is_mhtml
from loaders.readers.text import TEXT
from loaders.reading import decode_text

__all__ = ["FORMATS", "detect_format", "known_extensions"]

FORMATS: dict[str, Loader | Reader] = {
    loader.name: loader
    for loader in (catalog.LOADER, blueprint.LOADER, job_family.LOADER, yaml_roles.LOADER, *layout_loaders.LOADERS)
} | READERS

_H1 = re.compile(r"^#\s+\S", re.M)
_JOB_GRADE = re.compile(r"^#{1,6}\s.*\bjob grades?\b|\bgrade\s+\d{1,2}\]", re.I | re.M)
_FRONT_TITLE = re.compile(r"\A---\s*\n(?:.*\n)*?title\s*:", re.M)
_HTML_PAGE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_MARKDOWN = re.compile(r"^(?:#{1,6}[ \t]+\S|\S.*\n(?:=+|-{3,})[ \t]*$)", re.M)
_ZIP_PARTS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.M)
_SUFFIXES = {ext for fmt in FORMATS.values() for ext in fmt.extensions}


def known_extensions() -> list[str]:
    """Every file extension some format reads, sorted."""
    return sorted({ext for fmt in FORMATS.values() for ext in fmt.extensions})


def detect_format(path: Path | str, content: str | bytes) -> str:
    """The name of the format of a file, from its content and extension.

    Markdown with a job grade sentence, or with front matter and no ``#`` title, is a job-family
    page; Markdown whose outline is a ladder, a matrix, a framework or several roles goes to that
    layout's reader (``loaders.layouts``); other Markdown is a blueprint. A ``.txt`` file is the
    role-blueprint catalog when it has a catalog title line, Markdown when it has Markdown headings,
    else plain text.

    Raises
    ------
    DocumentError
        When no format reads this file (``load_paths`` turns it into a problem).

    Examples
    --------
    >>> detect_format("roles/sre.yaml", "title: SRE")
    'yaml'
    >>> detect_format("sre.md", "# SRE Manager\\n")
    'blueprint'
    >>> detect_format("infra.md", "---\\ntitle: Infra\\n---\\n## Manager\\nThe Manager is a grade 8.\\n")
    'job-family'
    >>> detect_format("ladder.md", "# Ladder\\n\\n## Junior Developer\\n\\n## Senior Developer\\n")
    'ladder'
    >>> detect_format("export.md", "<!DOCTYPE html><html><body><h1>SRE</h1></body></html>")
    'html'
    >>> detect_format("ladder.docx", b"%PDF-1.7 ...")
    'pdf'
    """
    suffix = Path(path).suffix.lower()
    data = content if isinstance(content, bytes) else content.encode("utf-8", "replace")
    sniffed = _sniff_binary(data, path)
    if sniffed is not None and sniffed in FORMATS:
        return sniffed
    text = content if isinstance(content, str) else _text_of(content)
    if _HTML_PAGE.match(text) and suffix not in (".xml",) and "html" in FORMATS:
        return "html"
    if suffix in yaml_roles.LOADER.extensions:
        return yaml_roles.LOADER.name if _is_role_file(text) else "yaml-data"
    if suffix in (".txt", ".text", "") or suffix not in _SUFFIXES:
        sniffed_text = _sniff_text(text, path, plain=suffix in TEXT.extensions)
        if sniffed_text is not None:
            return sniffed_text
    if suffix in _MARKDOWN_SUFFIXES:
        return _markdown_kind(text, path)
    if suffix == ".json" and _is_json_role_file(text):
        return yaml_roles.LOADER.name
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt.name
    raise DocumentError(
        str(path), f"unknown file type {suffix or '(no extension)'!r}; orgkg reads {', '.join(known_extensions())}"
    )


def _text_of(data: bytes) -> str:
    """The text detection looks at: decoded as a text reader would (any encoding), else as UTF-8 with gaps."""
    try:
        return decode_text(data, "").text
    except DocumentError:
        return data.decode("utf-8", "replace")


def _sniff_text(text: str, path: Path | str, *, plain: bool) -> str | None:
    """The format of a text file whose extension says little (``.txt``, none, unknown), from its content.

    Plain prose is a plain text document only with a text extension (``plain``): a file of another
    or no extension needs its content to name a format.
    """
    if any(catalog.TITLE_LINE.match(line) for line in text.split("\n")):
        return catalog.LOADER.name
    start = text.lstrip()[:1]
    if start in ("{", "["):
        try:
            json.loads(text)
        except ValueError:
            pass
        else:
            return "json"
    if _MARKDOWN.search(text):
        return _markdown_kind(text, path)
    return "text" if plain and text.strip() else None


def _is_role_file(text: str) -> bool:
    """A YAML file written for orgkg (``title:`` or ``roles:``, and more role keys than others), not other YAML data.

    Examples
    --------
    >>> _is_role_file("title: SRE Manager\\nskills: [SLOs]\\n"), _is_role_file("title: Ladder\\nlevels: []\\n")
    (True, False)
    """
    keys = set(_TOP_KEY.findall(text))
    if not keys & {"title", "roles"}:
        return not keys  # no top-level key at all: the role loader says what is wrong with it
    return _role_keys(keys)


def _is_json_role_file(text: str) -> bool:
    """A JSON file written in orgkg's role-file shape (a role, a list of roles or a ``roles`` list), read by the role
    loader as its YAML twin is (JSON is YAML): the same keys give the same roles, lines and warnings.

    Examples
    --------
    >>> _is_json_role_file('{"roles": [{"title": "SRE", "skills": ["SLOs"]}]}'), _is_json_role_file('{"title": "SRE"}')
    (True, True)
    >>> _is_json_role_file('{"title": "Ladder", "description": "Ours", "levels": []}')
    False
    >>> _is_json_role_file('[{"title": "SRE", "level": "L3"}]'), _is_json_role_file('[{"title": "SRE", "x": 1}]')
    (True, False)
    """
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return False
    if isinstance(value, list):
        return bool(value) and all(_is_role(record) for record in value)
    if not isinstance(value, dict) or not set(value) & {"title", "roles"} or not _role_keys(set(value)):
        return False
    roles = value.get("roles", [value])
    return isinstance(roles, list) and all(_is_role(record) for record in roles)


def _is_role(value: object) -> bool:
    return isinstance(value, dict) and "title" in value and _role_keys(set(value))


def _role_keys(keys: set[str]) -> bool:
    """Whether most of a mapping's keys are the role file's (a role's, or a file's ``roles`` and ``family``);
    a ``description`` counts for neither side (any data may describe itself)."""
    keys = keys - yaml_roles.SUMMARY_ALIASES
    return len(keys & (yaml_roles.ROLE_KEYS | yaml_roles.FILE_KEYS)) * 2 > len(keys)


# Front matter keys the blueprint loader applies to its role and the layout interpreters do not.
_BLUEPRINT_ONLY_KEYS = frozenset({"aliases", "level", "grade"})


def _needs_layout(outline: DocumentOutline) -> bool:
    """A role page only the single-role layout reads whole — one with a roles section
    (``loaders.layouts.described``), a job description's particulars or person specification tables
    (``loaders.layouts.particulars``), or any table (the blueprint loader reads lists and labels, not a
    table's cells) — and no front matter only the blueprint loader would apply."""
    if _BLUEPRINT_ONLY_KEYS & set(outline.meta):
        return False
    if any(block.kind == "table" for block in outline.blocks):
        return True
    return bool(described_roles(outline, 0)) or has_job_tables(outline.blocks) or has_job_labels(outline.blocks)


def _markdown_kind(text: str, path: Path | str) -> str:
    if job_family.GRADE_SENTENCE.search(" ".join(text.split())):
        return job_family.LOADER.name
    hinted = _front_matter_layout(text)
    if hinted in FORMATS:
        return hinted
    outline = None if _JOB_GRADE.search(text) else read_markdown(text, str(path))
    layout = detect(outline) if outline is not None else None
    if layout is not None and layout != "single-role":
        return layout
    if outline is not None and (describes_one_role(outline.title or "") or _needs_layout(outline)):
        return layout
    if not _H1.search(text) and _FRONT_TITLE.match(text):
        return job_family.LOADER.name
    return blueprint.LOADER.name


# Office 97–2003's binary files (OLE2 compound documents) by extension, and the format to save them in.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE2_KINDS = {".xls": ("an Excel 97–2003 workbook", ".xlsx or CSV"), ".ppt": ("a PowerPoint 97–2003 file", ".pptx")}


def _sniff_binary(data: bytes, path: Path | str) -> str | None:
    """``pdf``, ``docx``, ``odt``, ``xlsx``, ``pptx``, ``mhtml`` or ``rtf`` from the file's signature, else None
    (an RTF file or a web archive is often named ``.doc``).

    Raises
    ------
    DocumentError
        For an Office 97–2003 binary file (``.doc``, ``.xls``, ``.ppt``), saying what to save it as.
    """
    if data.startswith(_OLE2):
        kind, save_as = _OLE2_KINDS.get(Path(path).suffix.lower(), ("a Word 97–2003 document", ".docx"))
        reason = f"{kind} (an Office binary file, which orgkg does not read): save it as {save_as}"
        raise DocumentError(str(path), reason)
    start = data.lstrip()[:5]
    if start == b"%PDF-":
        return "pdf"
    if start == b"{\\rtf":
        return "rtf"
    if is_mhtml(data):
        return "mhtml"
    if not data.startswith(b"PK\x03\x04"):
        return None
    if data[30:38] == b"mimetype" and _ODT_MIMETYPE in data[:100]:
        return "odt"
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        return None  # a broken zip: the extension decides, and its reader reports what is wrong
    return next((name for part, name in _ZIP_PARTS if part in names), None)


def _front_matter_layout(text: str) -> str | None:
    """The ``orgkg: {layout: ...}`` hint of a Markdown file's front matter, if it has one."""
    if "orgkg" not in text[:4000]:
        return None
    layout = hints(read_markdown(text, "")).get("layout")
    return layout if isinstance(layout, str) else None
