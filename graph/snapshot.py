"""Save and read snapshots: one JSON file the server and the CLI read without re-parsing documents."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from graph.errors import SnapshotError
from graph.model import SNAPSHOT_VERSION, Snapshot

__all__ = ["save_snapshot", "read_snapshot"]


def save_snapshot(snapshot: Snapshot, path: Path) -> Path:
    """Write ``snapshot`` atomically: readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(snapshot.model_dump_json())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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
