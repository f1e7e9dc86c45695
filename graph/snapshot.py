"""Save and read snapshots: one JSON file the server and the CLI read without re-parsing documents.

The file is made for loading (layout :data:`LAYOUT`): the nodes and the snapshot's other fields as the
model writes them, and the relationships as columns (``graph.reltable``), so reading it builds no
object per relationship. :func:`read_parts` returns the two halves; :func:`read_snapshot` the whole
pydantic ``Snapshot`` (exports, the store sync). A file of the first layout (a ``Snapshot`` as JSON,
relationships as objects) still reads, only more slowly.

Example
-------
>>> import tempfile
>>> from graph.model import Relationship, RelType, Role
>>> snap = Snapshot(roles=[Role(id="role:a", title="A"), Role(id="role:b", title="B")],
...                 relationships=[Relationship(type=RelType.PROMOTES_TO, start="role:a", end="role:b")])
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = save_snapshot(snap, Path(tmp, "snapshot.json"))
...     parts = read_parts(path)
...     again = read_snapshot(path)
>>> [r.title for r in parts.head.roles], len(parts.head.relationships), len(parts.relationships)
(['A', 'B'], 0, 1)
>>> again == snap
True
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from graph.errors import SnapshotError
from graph.model import SNAPSHOT_VERSION, Snapshot
from graph.reltable import RelationshipTable

__all__ = ["LAYOUT", "SnapshotParts", "encode_snapshot", "read_parts", "read_snapshot", "save_snapshot"]

# The file layout: ``{"orgkg_snapshot": LAYOUT, "snapshot": {...}, "relationships": {"count", "columns"}}``.
LAYOUT = 2


@dataclass(frozen=True, eq=False)
class SnapshotParts:
    """A snapshot as read for serving: ``head`` is the ``Snapshot`` without its relationships
    (``head.relationships`` is empty), ``relationships`` holds them as columns."""

    head: Snapshot
    relationships: RelationshipTable

    @classmethod
    def of(cls, snapshot: Snapshot) -> SnapshotParts:
        return cls(
            head=snapshot.model_copy(update={"relationships": []}),
            relationships=RelationshipTable.from_models(snapshot.relationships),
        )

    def snapshot(self) -> Snapshot:
        """The whole ``Snapshot``, one ``Relationship`` per row."""
        return self.head.model_copy(update={"relationships": self.relationships.to_models()})


def encode_snapshot(snapshot: Snapshot) -> bytes:
    """The bytes :func:`save_snapshot` writes (nodes by the model's own serialiser: new fields just flow)."""
    head = orjson.loads(snapshot.model_dump_json(exclude={"relationships"}))
    table = RelationshipTable.from_models(snapshot.relationships)
    document = {"orgkg_snapshot": LAYOUT, "snapshot": head, "relationships": table.to_json()}
    return orjson.dumps(document, option=orjson.OPT_SERIALIZE_NUMPY)


def save_snapshot(snapshot: Snapshot, path: Path) -> Path:
    """Write ``snapshot`` atomically and durably: readers see the old file or the new one, never half of one.

    The new file is written beside the old one (mode 600, in a folder made 700), flushed to disk with
    ``fsync``, renamed over it, and the folder is synced so the rename survives a crash. Writers take
    turns on a lock file; the one holding it removes temporary files that a killed writer left behind.

    Raises
    ------
    SnapshotError
        The snapshot cannot be written (a full disk, a read-only folder ...); the old one is kept.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     target = Path(tmp, "data", "snapshot.json")
    ...     _ = Path(tmp, "data").mkdir()
    ...     _ = Path(tmp, "data", ".snapshot.json.x1.tmp").write_text("left by kill -9")
    ...     _ = save_snapshot(Snapshot(), target)
    ...     sorted(p.name for p in target.parent.iterdir()), oct(target.parent.stat().st_mode & 0o777)
    (['.snapshot.json.lock', 'snapshot.json'], '0o700')
    """
    try:
        _private_folder(path.parent)
        with _writer_lock(path):
            _remove_stale(path)
            _write_atomically(encode_snapshot(snapshot), path)
    except OSError as err:
        reason = err.strerror or str(err)
        raise SnapshotError(f"cannot write the snapshot {path}: {reason}; the previous snapshot is kept") from err
    return path


def _private_folder(folder: Path) -> None:
    """The data folder, created (or tightened) to 700: snapshots hold the whole library."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)


@contextmanager
def _writer_lock(path: Path) -> Iterator[None]:
    fd = os.open(path.parent / f".{path.name}.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _remove_stale(path: Path) -> None:
    """Temporary files of writers that died before renaming (only the lock holder writes one)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)


def _write_atomically(data: bytes, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mode 600
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def read_snapshot(path: Path) -> Snapshot:
    """Read a snapshot written by :func:`save_snapshot` (or by an orgkg of the first file layout).

    Raises
    ------
    SnapshotError
        The file is missing, not a snapshot, or from another snapshot version.
    """
    return read_parts(path).snapshot()


def read_parts(path: Path) -> SnapshotParts:
    """Read a snapshot for serving: the nodes as models, the relationships as columns.

    Raises
    ------
    SnapshotError
        The file is missing, not a snapshot, or from another snapshot version.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise SnapshotError(f"no snapshot at {path}; run `orgkg load` first") from err
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as err:
        raise SnapshotError(f"{path} is not a valid orgkg snapshot: {err}") from err
    if not isinstance(document, dict):
        raise SnapshotError(f"{path} is not a valid orgkg snapshot: not a JSON object")
    if "orgkg_snapshot" not in document:  # the first layout: the Snapshot model as JSON
        return SnapshotParts.of(_checked(path, document))
    if document["orgkg_snapshot"] != LAYOUT:
        raise SnapshotError(
            f"{path} has snapshot layout {document['orgkg_snapshot']!r}; this orgkg reads layout {LAYOUT}: "
            "run `orgkg load` again"
        )
    head = document.get("snapshot")
    if isinstance(head, dict) and head.get("relationships"):
        raise SnapshotError(f"{path} is not a valid orgkg snapshot: relationships both as rows and as columns")
    try:
        table = RelationshipTable.from_json(document.get("relationships"))
    except SnapshotError as err:
        raise SnapshotError(f"{path} is not a valid orgkg snapshot: {err}") from err
    return SnapshotParts(head=_checked(path, head), relationships=table)


def _checked(path: Path, data: Any) -> Snapshot:
    try:
        snapshot = Snapshot.model_validate(data)
    except ValidationError as err:
        raise SnapshotError(f"{path} is not a valid orgkg snapshot: {err.errors()[0]['msg']}") from err
    if snapshot.version != SNAPSHOT_VERSION:
        raise SnapshotError(
            f"{path} is a version {snapshot.version} snapshot; this orgkg reads version {SNAPSHOT_VERSION}: "
            "run `orgkg load` again"
        )
    return snapshot
