"""Save and read snapshots: one JSON file the server and the CLI read without re-parsing documents."""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from graph.errors import SnapshotError
from graph.model import SNAPSHOT_VERSION, Snapshot

__all__ = ["save_snapshot", "read_snapshot"]


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
            _write_atomically(snapshot.model_dump_json().encode("utf-8"), path)
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
    """Read a snapshot written by :func:`save_snapshot`.

    Raises
    ------
    SnapshotError
        The file is missing, not a snapshot, or from another snapshot version.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise SnapshotError(f"no snapshot at {path}; run `orgkg load` first") from err
    try:
        snapshot = Snapshot.model_validate_json(text)
    except ValidationError as err:
        raise SnapshotError(f"{path} is not a valid orgkg snapshot: {err.errors()[0]['msg']}") from err
    if snapshot.version != SNAPSHOT_VERSION:
        raise SnapshotError(
            f"{path} is a version {snapshot.version} snapshot; this orgkg reads version {SNAPSHOT_VERSION}: "
            "run `orgkg load` again"
        )
    return snapshot
