"""Reading one file's bytes safely: size limit first, then binary and encoding checks.

Every failure is a :class:`graph.errors.DocumentError` with the line where it applies, which the
public functions turn into a ``LoadProblem``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from graph.errors import DocumentError

__all__ = ["DEFAULT_MAX_BYTES", "RawDocument", "decode", "file_kind", "read_bytes", "read_document"]

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
    ...     p = Path(tmp, "a.txt"); _ = p.write_bytes(b"ok\\xff")
    ...     read_document(p, "a.txt")
    Traceback (most recent call last):
    ...
    graph.errors.DocumentError: a.txt:1: not valid UTF-8: byte 0xff at offset 2
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
