"""A content-hash cache of parsed documents: an unchanged document is not parsed again.

An entry is keyed by the document's bytes, its sidecar hint's bytes, the path it is shown as, the
forced format and size limit, and a digest of the parsing code itself (every module of ``loaders``
and ``graph``), so editing a document, its hint or orgkg's parsers all miss. Entries are JSON files
of the :class:`ParsedDocument`, written atomically; a damaged entry is parsed again and replaced.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from graph.errors import DocumentError
from graph.model import LoadProblem, ParsedDocument
from loaders.hints import read_hint_bytes
from loaders.reading import read_bytes

__all__ = ["cached_load", "code_digest"]

LoadOne = Callable[[Path, Path, "str | None", int], tuple["ParsedDocument | None", list[LoadProblem]]]
_PACKAGES = ("loaders", "graph")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the source of every module that parses documents (computed once per process)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(path: Path, shown: str, format: str | None, max_bytes: int) -> str | None:
    """None when the document or its hint cannot be read: the load says why, uncached."""
    try:  # as the load reads them: without blocking, regular files only, the size limit first
        data = read_bytes(path, shown, max_bytes)
        hint = read_hint_bytes(path, shown) or b""
    except DocumentError:
        return None
    digest = hashlib.sha256()
    for part in (code_digest().encode(), shown.encode(), (format or "").encode(), str(max_bytes).encode(), hint):
        digest.update(len(part).to_bytes(8, "big") + part)
    digest.update(data)
    return digest.hexdigest()


def cached_load(
    load_one: LoadOne, path: Path, base: Path, format: str | None, max_bytes: int, folder: Path, shown: str
) -> tuple[ParsedDocument | None, list[LoadProblem]]:
    """``load_one(path, base, format, max_bytes)``, answered from ``folder`` when the same input was parsed.

    Only documents are cached; a file that could not be read is tried again next time.

    Examples
    --------
    >>> import tempfile
    >>> from loaders.load import _load
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     doc = Path(tmp, "a.txt")
    ...     _ = doc.write_text("SRE Manager: Role Blueprint\\nLeads SRE.\\n")
    ...     first, _ = cached_load(_load, doc, Path(tmp), None, 10**6, Path(tmp, "cache"), "a.txt")
    ...     again, _ = cached_load(_load, doc, Path(tmp), None, 10**6, Path(tmp, "cache"), "a.txt")
    ...     entries = len(list(Path(tmp, "cache").iterdir()))
    >>> first == again, entries
    (True, 1)
    """
    key = _key(path, shown, format, max_bytes)
    if key is None:
        return load_one(path, base, format, max_bytes)
    entry = folder / key[:2] / f"{key}.json"
    try:
        return ParsedDocument.model_validate_json(entry.read_bytes()), []
    except (OSError, ValidationError, ValueError):
        pass
    document, problems = load_one(path, base, format, max_bytes)
    if document is not None:
        _write(entry, document.model_dump_json().encode())
    return document, problems


def _write(entry: Path, data: bytes) -> None:
    try:
        entry.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # 700: entries hold the library
        entry.parent.mkdir(mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".entry.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, entry)
    except OSError:
        pass  # a cache that cannot be written only costs the next parse
