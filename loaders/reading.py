"""Reading one file's bytes safely: size limit first, then binary checks and the text encoding.

Every failure is a :class:`graph.errors.DocumentError` with the line where it applies, which the
public functions turn into a ``LoadProblem``.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from graph.errors import DocumentError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Decoded",
    "RawDocument",
    "decode",
    "decode_text",
    "file_kind",
    "read_bytes",
    "read_document",
]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class RawDocument:
    """A file that passed the checks: its bytes (for the hash) and its text with ``\\n`` line breaks."""

    data: bytes
    text: str


def _describe_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size} bytes"


def _line_of_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_document(path: Path, shown_as: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read ``path`` as UTF-8 text, refusing big, empty, binary and badly encoded files.

    Only a regular file is read (a link to one is followed): a FIFO, a device such as ``/dev/zero``
    or a socket is refused without reading, and the file is opened without blocking so a FIFO cannot
    hang the load. The size is checked on the open file before any byte is read, and no more than
    ``max_bytes`` are read even if the file grows meanwhile.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp, "a.txt"); _ = p.write_bytes(bytes(range(0x80, 0x100)) * 4)
    ...     read_document(p, "a.txt")
    Traceback (most recent call last):
    ...
    graph.errors.DocumentError: a.txt:1: not valid UTF-8: byte 0x80 at offset 0, and no other text encoding reads it
    >>> read_document(Path("/dev/null"), "null.md")
    Traceback (most recent call last):
    ...
    graph.errors.DocumentError: null.md: not a regular file (a character device); not read
    """
    data = read_bytes(path, shown_as, max_bytes)
    return RawDocument(data=data, text=decode(data, shown_as))


def read_bytes(path: Path, shown_as: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing a file over ``max_bytes`` before reading any of it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise DocumentError(shown_as, "no such file or folder") from None
    except OSError as err:
        raise DocumentError(shown_as, f"cannot read: {err.strerror or err}") from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(shown_as, f"not a regular file ({file_kind(info.st_mode)}); not read")
        if info.st_size > max_bytes:
            raise DocumentError(shown_as, _over_limit(info.st_size, max_bytes))
        try:
            data = _read_at_most(handle, max_bytes + 1)
        except OSError as err:
            raise DocumentError(shown_as, f"cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise DocumentError(shown_as, _over_limit(len(data), max_bytes))
    return data


def _over_limit(size: int, max_bytes: int) -> str:
    limit = f"{_describe_size(max_bytes)} (max_bytes={max_bytes})"
    return f"file is {_describe_size(size)}, over the size limit of {limit}"


def _read_at_most(handle: BinaryIO, limit: int) -> bytes:
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = handle.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, for messages: ``'a FIFO'``, ``'a character device'`` ...

    Examples
    --------
    >>> file_kind(stat.S_IFIFO)
    'a FIFO'
    """
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


@dataclass(frozen=True)
class Decoded:
    """A text file's text and the encoding it was read with; ``note`` says how it was chosen when that
    was not plain UTF-8 (for the load report), else it is empty; ``line`` is where the first byte that
    is not UTF-8 is, when it was guessed."""

    text: str
    encoding: str
    note: str = ""
    line: int | None = None


# Byte-order marks, longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# What the detector may call ISO-8859-1 is read as Windows-1252, its superset (as browsers do, per the
# WHATWG Encoding Standard): bytes 0x80-0x9F are then quotes and dashes, never invisible controls.
_SUPERSETS = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}
_MAX_CHAOS = 0.2  # charset-normalizer's own default: more "mess" than this is no text encoding


def decode(data: bytes, shown_as: str) -> str:
    """The text of ``data`` (see :func:`decode_text`); a clear error for empty or binary content.

    Examples
    --------
    >>> decode("Café – naïve".encode("cp1252"), "m.csv")
    'Café – naïve'
    """
    return decode_text(data, shown_as).text


def decode_text(data: bytes, shown_as: str) -> Decoded:
    """The text of ``data`` with ``\\n`` line breaks and the encoding it was read with.

    A byte-order mark decides first (UTF-8, UTF-16, UTF-32); then UTF-8; then the encoding the file
    declares (an HTML ``<meta charset>``, an XML declaration: Word saves its web pages in the Windows code
    page and says so); then charset-normalizer's best guess, which must decode the whole file. A file
    with NUL bytes (and no UTF-16/32 mark), or that no encoding reads as text, is refused with the place
    of the first bad byte.

    Raises
    ------
    DocumentError
        For an empty file, a binary one, or bytes no text encoding fits.

    Examples
    --------
    >>> decode_text(b"\\xef\\xbb\\xbfLevel;Skills\\r\\n", "m.csv")
    Decoded(text='Level;Skills\\n', encoding='utf-8-sig', note='', line=None)
    >>> latin = "Level,Skills\\nJunior,Café menu, naïve – ok\\nSenior,résumé – déjà vu\\n"
    >>> found = decode_text(latin.encode("cp1252"), "m.csv")
    >>> found.text == latin, found.encoding
    (True, 'cp1252')
    """
    if not data.strip():
        raise DocumentError(shown_as, "empty file", line=1)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise DocumentError(
                    shown_as, f"not valid {name} after its byte-order mark: byte at offset {err.start}"
                ) from None
            note = "" if codec == "utf-8-sig" else f"read as {name} (its byte-order mark says so)"
            return Decoded(_newlines(text), codec, note)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DocumentError(shown_as, f"binary file: NUL byte at offset {nul}", line=_line_of_byte(data, nul))
    try:
        return Decoded(_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        not_utf8 = f"not valid UTF-8: byte 0x{bad} at offset {err.start}"
        line = _line_of_byte(data, err.start)
    declared = _declared_encoding(data)
    text = _text_in(data, declared)
    if text is not None:
        return Decoded(_newlines(text), declared)
    encoding = _guess(data)
    if encoding is not None:
        text = _text_in(data, encoding)
        if text is not None:
            shown = codecs.lookup(encoding).name
            guessed = f"{not_utf8}, line {line}; guessed by charset-normalizer"
            note = f"read as {shown} ({guessed}): save it as UTF-8 to be sure"
            return Decoded(_newlines(text), shown, note, line)
    raise DocumentError(shown_as, f"{not_utf8}, and no other text encoding reads it", line=line)


def _text_in(data: bytes, encoding: str | None) -> str | None:
    """``data`` read in ``encoding`` when it reads it whole and as text (no stray control characters)."""
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _controls(text) else text


# An HTML page's <meta charset> or http-equiv Content-Type (looked for in its first 1,024 bytes, as browsers
# prescan), or an XML declaration's encoding.
_DECLARED = re.compile(
    rb"<meta\b[^>]{0,500}?\bcharset\s*=\s*[\"']?\s*([a-z0-9_.:-]{1,40})|^\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*[\"']([a-z0-9_.:-]{1,40})",
    re.I,
)


def _declared_encoding(data: bytes) -> str | None:
    """The encoding a page or an XML file declares for itself, when Python knows it and it is not UTF-8 (a
    file that says UTF-8 and is not is no declaration to trust); ISO-8859-1 and ASCII read as Windows-1252.

    >>> _declared_encoding(b'<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">')
    'cp1252'
    >>> _declared_encoding(b"<?xml version='1.0' encoding='ISO-8859-1'?><jobs/>")
    'cp1252'
    >>> _declared_encoding(b"<p>Caf\\xe9</p>") is None
    True
    """
    found = _DECLARED.search(data[:1024])
    if found is None:
        return None
    try:
        name = codecs.lookup((found.group(1) or found.group(2)).decode("ascii")).name
    except LookupError:
        return None
    if name.startswith("utf"):
        return None
    return _SUPERSETS.get(name.replace("-", "_"), name)


def _guess(data: bytes) -> str | None:
    """Windows-1252 when charset-normalizer finds it reads ``data`` as text; else the detector's best.

    Short documents fit several single-byte encodings about equally (``Caf\\xe9 na\\xefve`` is text in
    Windows-1250, -1252 and -1257, and the detector may rank the Baltic "naļve" first), so among
    readings the detector accepts, the commonest legacy encoding wins. Cyrillic, Greek or Japanese
    bytes read as Windows-1252 are a mess the detector refuses, and its own choice stands.
    """
    matches = charset_normalizer.from_bytes(data, threshold=_MAX_CHAOS)
    if not matches:
        return None
    if any("cp1252" in match.could_be_from_charset for match in matches):
        return "cp1252"
    name = matches.best().encoding
    return _SUPERSETS.get(codecs.lookup(name).name.replace("-", "_"), name)


def _controls(text: str) -> bool:
    """Whether ``text`` holds control characters no document writes (what a wrong guess gives binary junk)."""
    return any((ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) <= 0x9F for ch in text)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
