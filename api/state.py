"""The graph the server answers from, swapped atomically when the snapshot file changes.

``orgkg load`` rewrites the snapshot with an atomic rename; the next request sees the new mtime, reads
the file once and swaps the reference. Requests already running keep the ``OrgGraph`` they started with.
"""

from __future__ import annotations

import threading
from pathlib import Path

from graph.errors import SnapshotError
from graph.orggraph import OrgGraph
from graph.snapshot import read_snapshot

__all__ = ["GraphHolder"]


class GraphHolder:
    def __init__(self, snapshot_path: Path) -> None:
        self.snapshot_path = snapshot_path
        self._graph: OrgGraph | None = None
        self._stamp: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.snapshot_path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def current(self) -> OrgGraph:
        """The newest graph; reads the snapshot again only when the file changed."""
        stamp = self._file_stamp()
        if self._graph is not None and (stamp is None or stamp == self._stamp):
            return self._graph
        return self.reload()

    def reload(self) -> OrgGraph:
        with self._lock:
            stamp = self._file_stamp()
            if stamp is None:
                if self._graph is not None:
                    return self._graph
                raise SnapshotError(f"no snapshot at {self.snapshot_path}; run `orgkg load` first")
            if self._graph is None or stamp != self._stamp:
                self._graph = OrgGraph.from_snapshot(read_snapshot(self.snapshot_path))
                self._stamp = stamp
            return self._graph

    @property
    def loaded(self) -> OrgGraph | None:
        return self._graph
