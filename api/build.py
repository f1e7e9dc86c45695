"""Documents → snapshot: the one place that runs the loaders and the graph pipeline together.

The HTTP app never calls this (it reads the saved snapshot); the CLI does, for ``load`` and ``serve``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from api.settings import Settings
from graph.errors import NothingLoaded
from graph.memory import no_cycle_collection
from graph.model import Snapshot
from graph.pipeline import RoleFactSheet, build_snapshot
from graph.snapshot import save_snapshot
from loaders import load_paths
from loaders.taxonomy import load_taxonomy

__all__ = ["build_from_documents", "load_root", "snapshot_is_stale"]


def load_root(paths: Sequence[Path]) -> Path:
    """The folder source paths are shown relative to: the working directory when it holds every input."""
    resolved = [p.resolve() for p in paths]
    cwd = Path.cwd().resolve()
    if all(p.is_relative_to(cwd) for p in resolved):
        return cwd
    common = Path(os.path.commonpath(resolved))
    return common if common.is_dir() else common.parent


def build_from_documents(
    paths: Sequence[Path],
    settings: Settings,
    *,
    format: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    save: bool = True,
) -> Snapshot:
    """Load ``paths``, build the snapshot and (by default) save it where the server reads it.

    Each document's facts are worked out as it arrives, while the parse pool (if any) reads the later files;
    the cyclic GC is paused meanwhile, as for the build (``no_cycle_collection``).
    """
    with no_cycle_collection():
        return _build(paths, settings, format, progress, save)


def _build(
    paths: Sequence[Path],
    settings: Settings,
    format: str | None,
    progress: Callable[[int, int], None] | None,
    save: bool,
) -> Snapshot:
    root = load_root(paths)
    taxonomy = load_taxonomy(settings.taxonomy_dir)
    facts = RoleFactSheet(taxonomy)
    result = load_paths(
        list(paths),
        format=format,
        root=root,
        progress=progress,
        max_bytes=settings.max_file_bytes,
        cache_dir=settings.data_dir / "parse-cache",
        workers=settings.load_workers or None,
        on_document=facts.add,
    )
    inputs = [Path(os.path.relpath(p.resolve(), root)).as_posix() for p in paths]
    snapshot = build_snapshot(result, taxonomy, inputs=inputs, facts=facts)
    if save:
        _check_something_loaded(snapshot, settings.snapshot_path)
        save_snapshot(snapshot, settings.snapshot_path)
    return snapshot


def _check_something_loaded(snapshot: Snapshot, path: Path) -> None:
    """Refuse to replace the saved graph with an empty one when the load failed (no role, and errors)."""
    errors = [str(problem) for problem in snapshot.problems if problem.severity == "error"]
    if snapshot.roles or not errors:
        return
    shown = "; ".join(errors[:3]) + (f"; and {len(errors) - 3} more" if len(errors) > 3 else "")
    kept = f"; {path} is kept as it was" if path.exists() else "; no snapshot was written"
    raise NothingLoaded(f"no role was read from {', '.join(snapshot.inputs) or 'the inputs'}: {shown}{kept}")


def snapshot_is_stale(paths: Sequence[Path], settings: Settings) -> bool:
    """True when there is no snapshot or a document or taxonomy file changed after it was written."""
    try:
        built = settings.snapshot_path.stat().st_mtime
    except FileNotFoundError:
        return True
    for path in [*paths, settings.taxonomy_dir]:
        files = path.rglob("*") if path.is_dir() else [path]
        if any(f.is_file() and f.stat().st_mtime > built for f in files):
            return True
    return False
