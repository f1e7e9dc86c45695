"""Web archives (MHTML): a page and its parts in one MIME message — Word's and Internet Explorer's
single-file web page (``.mht``), Chrome's "Save page as → single file" (``.mhtml``) and Confluence's
"Export to Word", which is an MHTML file named ``.doc``.

The archive's first HTML part is read as an HTML page (:func:`loaders.readers.markup.read_markup_text`),
each block at the line of the archive it was written on: a quoted-printable part's soft line breaks
(a ``=`` ending the line) are followed, so a block found on line 12 of the decoded page is placed on
the archive line that line began on; a base64 part has no lines of its own, and its blocks take the
line the part's text begins on.
"""

from __future__ import annotations

import quopri
import re
from dataclasses import replace
from email import message_from_bytes, policy
from email.message import Message

from graph.errors import DocumentError
from loaders.base import Reader
from loaders.document import Block, Cell, DocumentOutline, Location, Table
from loaders.readers.markup import read_markup_text
from loaders.reading import decode

__all__ = ["MHTML", "is_mhtml", "read_mhtml"]

_MIME_HEADERS = re.compile(rb"\A(?:[\x21-\x39\x3b-\x7e]{1,76}:[^\n]{0,2000}\n(?:[ \t][^\n]{0,2000}\n)*){0,40}?"
                           rb"content-type:\s*(?:multipart/related|text/html)", re.I)


def is_mhtml(data: bytes) -> bool:
    """Whether ``data`` is a MIME message whose content is a web page (a multipart/related archive).

    >>> is_mhtml(b"MIME-Version: 1.0\\nContent-Type: multipart/related; boundary=x\\n\\n--x\\n")
    True
    >>> is_mhtml(b"<html><body>Payroll</body></html>"), is_mhtml(b"Content: payroll\\n")
    (False, False)
    """
    return _MIME_HEADERS.match(data[:8192].replace(b"\r\n", b"\n")) is not None


def read_mhtml(data: bytes, source: str) -> DocumentOutline:
    """The outline of the archive's first HTML part, every block at its line in the archive.

    Raises
    ------
    DocumentError
        When the file is no MIME message or holds no HTML part.
    """
    text = decode(data, source)  # the archive's own text: its lines are what evidence cites
    message = message_from_bytes(data, policy=policy.compat32)
    page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        kind = "a MIME message with no HTML part" if message.is_multipart() else "no web archive (MIME) content"
        if source.lower().endswith(".doc"):
            raise DocumentError(source, f"{kind}, nor a Word document orgkg reads: save it as .docx")
        raise DocumentError(source, f"{kind}: orgkg reads the web page an .mht or .mhtml archive holds")
    html, file_line = _decoded(page, text, source)
    return _at_file_lines(read_markup_text(html, source, "html", "mhtml"), file_line)


def _decoded(part: Message, archive: str, source: str) -> tuple[str, list[int]]:
    """The part's HTML and, for each of its lines, the archive line it begins on."""
    encoded = part.get_payload(decode=False)
    if not isinstance(encoded, str):
        raise DocumentError(source, "its HTML part holds no text")
    encoded = encoded.replace("\r\n", "\n")
    first = archive.find(encoded[:200]) if encoded.strip() else -1
    first_line = archive.count("\n", 0, first) + 1 if first >= 0 else 1
    transfer = (part.get("Content-Transfer-Encoding") or "").strip().lower()
    charset = part.get_content_charset() or "utf-8"
    if transfer == "quoted-printable":
        return _quoted_printable(encoded, first_line, charset, source)
    payload = part.get_payload(decode=True) or b""
    html = _text(payload, charset, source)
    if transfer == "base64":
        return html, [first_line] * (html.count("\n") + 1)
    return html, [first_line + n for n in range(html.count("\n") + 1)]


def _quoted_printable(encoded: str, first_line: int, charset: str, source: str) -> tuple[str, list[int]]:
    """Decoded quoted-printable text and the archive line each of its lines begins on (soft breaks joined)."""
    lines, starts, current, start = [], [], [], first_line
    for offset, raw in enumerate(encoded.split("\n")):
        if not current:
            start = first_line + offset
        if raw.endswith("="):
            current.append(raw[:-1])
            continue
        current.append(raw)
        lines.append("".join(current))
        starts.append(start)
        current = []
    if current:
        lines.append("".join(current))
        starts.append(start)
    joined = "\n".join(lines)
    try:  # quoted-printable is ASCII, but an archive may hold the page's own characters unencoded as well
        encoded_bytes = joined.encode(charset, "replace")
    except LookupError:
        encoded_bytes = joined.encode("utf-8")
    raw_bytes = quopri.decodestring(encoded_bytes)
    html = _text(raw_bytes, charset, source)
    if html.count("\n") + 1 != len(starts):  # an encoded line break (=0A): no longer line for line
        return html, [first_line] * (html.count("\n") + 1)
    return html, starts


def _text(payload: bytes, charset: str, source: str) -> str:
    try:
        return payload.decode(charset).replace("\r\n", "\n")
    except (LookupError, UnicodeDecodeError):
        return decode(payload, source)  # the charset the part names is wrong or unknown: as any text file


def _at_file_lines(outline: DocumentOutline, file_line: list[int]) -> DocumentOutline:
    """The outline with each place's line (a line of the decoded page) read as the archive's line."""

    def line(number: int | None) -> int | None:
        if not number:
            return number
        return file_line[min(number, len(file_line)) - 1]

    def at(place: Location) -> Location:
        return place.model_copy(update={"line": line(place.line)})

    def cell(value: Cell) -> Cell:
        return replace(value, at=at(value.at), blocks=tuple(block(b) for b in value.blocks))

    def block(value: Block) -> Block:
        table = value.table
        if table is not None:
            rows = tuple(tuple(cell(c) for c in row) for row in table.rows)
            table = Table(header=tuple(cell(c) for c in table.header), rows=rows)
        return replace(value, at=at(value.at), table=table)

    outline.blocks = [block(b) for b in outline.blocks]
    for problem in outline.problems:
        problem.line = line(problem.line)
    return outline


MHTML = Reader(
    name="mhtml",
    extensions=(".mht", ".mhtml", ".doc"),
    read=read_mhtml,
    description="Web archives: Word's single-file web page (.mht), a browser's saved page (.mhtml), Confluence's "
    "Export to Word (.doc).",
    library="Python email (MIME), then the HTML reader",
    binary=True,
)
