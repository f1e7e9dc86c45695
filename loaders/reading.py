"""Reading one file's bytes safely: size limit first, then binary and encoding checks.

Every failure is a :class:`graph.errors.DocumentError` with the line where it applies, which the
public functions turn into a ``LoadProblem``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.errors import DocumentError

__all__ = ["DEFAULT_MAX_BYTES", "RawDocument", "decode", "read_bytes", "read_document"]

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

    The size is checked with ``stat`` before any byte is read, so a huge file costs nothing.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp, "a.txt"); _ = p.write_bytes(b"ok\\xff")
    ...     read_document(p, "a.txt")
    Traceback (most recent call last):
    ...
    graph.errors.DocumentError: a.txt:1: not valid UTF-8: byte 0xff at offset 2
    """
    data = read_bytes(path, shown_as, max_bytes)
    return RawDocument(data=data, text=decode(data, shown_as))


def read_bytes(path: Path, shown_as: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing a file over ``max_bytes`` before reading any of it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentError(shown_as, "no such file or folder") from None
    except OSError as err:
        raise DocumentError(shown_as, f"cannot read: {err.strerror or err}") from None
    if size > max_bytes:
        limit = f"{_describe_size(max_bytes)} (max_bytes={max_bytes})"
        raise DocumentError(shown_as, f"file is {_describe_size(size)}, over the size limit of {limit}")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DocumentError(shown_as, f"cannot read: {err.strerror or err}") from None
    return data


def decode(data: bytes, shown_as: str) -> str:
    """The text of ``data``; a clear error for empty, binary or non-UTF-8 content."""
    if not data.strip():
        raise DocumentError(shown_as, "empty file", line=1)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DocumentError(shown_as, f"binary file: NUL byte at offset {nul}", line=_line_of_byte(data, nul))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise DocumentError(
            shown_as, f"not valid UTF-8: byte 0x{bad} at offset {err.start}", line=_line_of_byte(data, err.start)
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
