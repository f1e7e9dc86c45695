"""Telling orgkg what a layout means: the ``orgkg:`` hint of front matter or of a ``<file>.orgkg.yaml`` sidecar.

A hint is a mapping with any of ``layout`` (a format or layout name: ``ladder``, ``matrix``,
``multi-role``, ``framework``, ``single-role``, ``blueprint``, ``job-family`` ...), ``family`` (the
ladder or job family the levels belong to) and ``title`` (the role of a single-role page). In
Markdown front matter it sits under ``orgkg:``; a sidecar file next to any document holds the same
keys at its top level (or under ``orgkg:``), which is the way for formats without front matter.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from graph.errors import DocumentError
from loaders.reading import read_bytes
from loaders.safe_yaml import safe_load

__all__ = ["MAX_HINT_BYTES", "SIDECAR_SUFFIX", "is_sidecar", "read_hint_bytes", "read_sidecar"]

SIDECAR_SUFFIX = ".orgkg.yaml"
MAX_HINT_BYTES = 64 * 1024  # three short keys: anything bigger is not a hint
_KEYS = {"layout", "family", "title"}


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def read_hint_bytes(path: Path, shown: str) -> bytes | None:
    """The bytes of ``path``'s sidecar, or None when there is none.

    The sidecar is read as documents are (:func:`loaders.reading.read_bytes`): opened without blocking,
    a regular file only (a FIFO or a device named ``<file>.orgkg.yaml`` is refused unread) and at most
    :data:`MAX_HINT_BYTES`.

    Raises
    ------
    DocumentError
        For ``shown`` (the document), naming the hint file and what is wrong with it.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     os.mkfifo(Path(tmp, "levels.md.orgkg.yaml"))
    ...     read_hint_bytes(Path(tmp, "levels.md"), "levels.md")
    Traceback (most recent call last):
    ...
    graph.errors.DocumentError: levels.md: hint file levels.md.orgkg.yaml: not a regular file (a FIFO); not read
    """
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not os.path.lexists(sidecar):
        return None
    try:
        return read_bytes(sidecar, sidecar.name, MAX_HINT_BYTES)
    except DocumentError as err:
        raise DocumentError(shown, f"hint file {sidecar.name}: {err.reason}") from err


def read_sidecar(path: Path, shown: str) -> dict[str, Any]:
    """The hint of ``path``'s sidecar (``<name>.orgkg.yaml`` beside it), or ``{}`` when there is none.

    Raises
    ------
    DocumentError
        When the sidecar is not YAML, not a mapping, or names keys orgkg does not know.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "levels.md.orgkg.yaml").write_text("layout: ladder\\nfamily: Backend\\n")
    ...     read_sidecar(Path(tmp, "levels.md"), "levels.md")
    {'layout': 'ladder', 'family': 'Backend'}
    """
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    raw = read_hint_bytes(path, shown)
    if raw is None:
        return {}
    try:
        data = safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise DocumentError(shown, f"unreadable hint file {sidecar.name}: {err}", line=line) from err
    if isinstance(data, dict) and isinstance(data.get("orgkg"), dict):
        data = data["orgkg"]
    if not isinstance(data, dict):
        raise DocumentError(shown, f"hint file {sidecar.name} must hold a mapping: layout, family, title")
    unknown = sorted(str(k) for k in data if k not in _KEYS)
    if unknown:
        raise DocumentError(shown, f"hint file {sidecar.name}: unknown keys {unknown}; use {sorted(_KEYS)}")
    return {str(k): v for k, v in data.items()}
