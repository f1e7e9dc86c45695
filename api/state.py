"""The graph the server answers from, swapped atomically when the snapshot file changes.

``orgkg load`` rewrites the snapshot with an atomic rename; the next request sees the new mtime and
reads the file once (``graph.snapshot.read_parts``: no object per relationship), builds the indexes
the common requests need (:data:`WARM_INDEXES`), and only then swaps the reference. Requests that
arrive meanwhile are answered from the old graph instead of waiting; requests already running keep
the ``OrgGraph`` they started with. The first graph has nothing older to answer for it: it is served
as soon as it is read, and its indexes are built on a background thread (a request that needs one
first builds it, or waits for the thread building it).
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from graph.errors import SnapshotError
from graph.memory import no_cycle_collection
from graph.orggraph import OrgGraph
from graph.snapshot import read_parts

__all__ = ["WARM_INDEXES", "GraphHolder"]

# Built before a graph is swapped in, so the first requests on it pay no index build
# (role cards, similar roles, name lookups, career paths, reporting lines).
WARM_INDEXES = ("roles_by_id", "role_names", "role_skills", "role_kpis", "skill_vectors", "managers",
                "direct_reports", "career_moves", "_adjacency", "_edge_rows", "_evidence_rows", "skill_rows",
                "kpi_rows")


def _warm(graph: OrgGraph) -> None:
    """Build the indexes, then freeze what the process holds: the graph is not garbage, and a frozen
    object is never walked by a collection again (requests allocate; collections stay short)."""
    with no_cycle_collection():
        for index in WARM_INDEXES:
            getattr(graph, index)
    gc.freeze()


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

    def unchanged(self) -> OrgGraph | None:
        """The graph held when the snapshot file has not changed since it was read (no reading, no lock);
        None when :meth:`current` has work to do."""
        graph = self._graph
        if graph is not None:
            stamp = self._file_stamp()
            if stamp is None or stamp == self._stamp:
                return graph
        return None

    def current(self) -> OrgGraph:
        """The newest graph; reads the snapshot again only when the file changed.

        While another request is reading a changed file, the graph being replaced answers.
        """
        stamp = self._file_stamp()
        graph = self._graph
        if graph is not None and (stamp is None or stamp == self._stamp):
            return graph
        if graph is not None and not self._lock.acquire(blocking=False):
            return graph  # someone is reading the new snapshot
        if graph is not None:
            try:
                return self._reload_locked()
            finally:
                self._lock.release()
        return self.reload()

    def reload(self) -> OrgGraph:
        with self._lock:
            return self._reload_locked()

    def _reload_locked(self) -> OrgGraph:
        stamp = self._file_stamp()
        if stamp is None:
            if self._graph is not None:
                return self._graph
            raise SnapshotError(f"no snapshot at {self.snapshot_path}; run `orgkg load` first")
        if self._graph is None:  # nothing to answer from meanwhile: serve at once, build the indexes behind
            with no_cycle_collection():
                graph = OrgGraph.from_parts(read_parts(self.snapshot_path))
            self._graph, self._stamp = graph, stamp
            threading.Thread(target=_warm, args=(graph,), name="orgkg-warm-indexes", daemon=True).start()
        elif stamp != self._stamp:
            gc.unfreeze()  # the graph being replaced may be collected again
            with no_cycle_collection():
                graph = OrgGraph.from_parts(read_parts(self.snapshot_path))
            _warm(graph)
            self._graph, self._stamp = graph, stamp
        return self._graph

    @property
    def loaded(self) -> OrgGraph | None:
        return self._graph
