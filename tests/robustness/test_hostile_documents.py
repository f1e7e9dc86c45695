"""No file can take ``orgkg load`` down: every hostile document alone, then each class mixed with the seeds.

For every case of :mod:`tests.robustness.hostile`: the load and the graph pipeline finish without an
exception, within :data:`MAX_SECONDS_PER_FILE`, and every problem names its file. Mixed with the seeds,
no seed role is lost. The numbers go to the report printed at the end of the run and kept in ``tests/artifacts``.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from graph.model import Snapshot
from graph.pipeline import build_snapshot
from loaders import load_paths
from loaders.taxonomy import load_taxonomy
from tests.robustness.hostile import CLASSES, SEEDS, Case, cases

# The bound for one file, load and pipeline together, in CPU seconds of this process and of the
# children it waited for (pandoc runs as one): the machine is shared, and wall time under load measures the
# neighbours; a quadratic pattern blows through either.
MAX_SECONDS_PER_FILE = 5.0
HARD_STOP_SECONDS = 300  # wall clock: a hung case fails instead of hanging the suite

CASES = cases()


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(SEEDS / "taxonomy")


@pytest.fixture(scope="module")
def seed_titles(taxonomy) -> set[str]:
    return {role.title for role in build_snapshot(load_paths([SEEDS], root=SEEDS), taxonomy).roles}


def _titles_and_aliases(snapshot: Snapshot) -> set[str]:
    return {name for role in snapshot.roles for name in (role.title, *role.aliases)}


class _HardStop(BaseException):
    """Raised by the alarm: a BaseException, so no ``except Exception`` inside orgkg can swallow it."""


def _on_alarm(signum, frame):
    raise _HardStop


def _build(folder: Path, taxonomy, cache_dir: Path | None = None) -> tuple[Snapshot, float]:
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(HARD_STOP_SECONDS)
    started = _cpu_seconds()
    try:
        snapshot = build_snapshot(load_paths([folder], root=folder, cache_dir=cache_dir), taxonomy)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return snapshot, _cpu_seconds() - started


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (a pandoc run)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _named_entries(folder: Path) -> set[str]:
    """Every path under ``folder`` as a problem may show it, without following links."""
    names = set()
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        names.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    return names


def _problems_without_their_file(snapshot: Snapshot, folder: Path, case: Case) -> list[str]:
    entries = _named_entries(folder)
    return [str(p) for p in snapshot.problems if not p.path or (p.path not in entries and case.name not in p.path)]


@pytest.mark.parametrize("cls", CLASSES)
def test_each_hostile_file_alone_is_a_problem_of_that_file_never_a_crash(cls, taxonomy, report, tmp_path):
    failures = []
    for index, case in enumerate(c for c in CASES if c.cls == cls):
        folder = tmp_path / f"case-{index}"
        folder.mkdir()
        case.make(folder)
        report[cls]["tried"] += 1
        try:
            snapshot, seconds = _build(folder, taxonomy)
        except (Exception, _HardStop) as err:  # the very thing this test exists to catch
            report[cls]["failed"] += 1
            failures.append(f"{case.name}: {type(err).__name__}: {err}"[:300])
            continue
        report[cls]["slowest"] = max(report[cls]["slowest"], seconds)
        nameless = _problems_without_their_file(snapshot, folder, case)
        if seconds > MAX_SECONDS_PER_FILE or nameless:
            report[cls]["failed"] += 1
            failures.append(f"{case.name}: {seconds:.1f} CPU s; problems naming no file: {nameless}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("cls", CLASSES)
def test_hostile_files_mixed_with_the_seeds_lose_no_seed_role(cls, taxonomy, seed_titles, report, tmp_path):
    """Every seed role is still there, by its title or, merged with a role of a hostile file, as an alias."""
    folder = tmp_path / "library"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("taxonomy"))
    hostile = folder / "hostile"
    hostile.mkdir()
    for case in (c for c in CASES if c.cls == cls and c.mixed):
        case.make(hostile)
    snapshot, _ = _build(folder, taxonomy)
    lost = seed_titles - _titles_and_aliases(snapshot)
    report[cls]["lost"] = (report[cls]["lost"] or 0) + len(lost)
    assert not lost
    assert all(p.path for p in snapshot.problems)


@pytest.mark.parametrize("cached", [False, True], ids=["parsed", "through-the-parse-cache"])
@pytest.mark.parametrize("name", ["fifo-sidecar.md", "zero-sidecar.md"])
def test_a_fifo_or_device_named_as_a_sidecar_is_refused_unread_naming_the_hint_file(name, cached, taxonomy, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    next(c for c in CASES if c.name == name).make(folder)
    snapshot, _ = _build(folder, taxonomy, cache_dir=tmp_path / "cache" if cached else None)
    [problem] = [p for p in snapshot.problems if p.path == name]
    assert f"hint file {name}.orgkg.yaml: not a regular file" in problem.message


def test_a_heading_of_100000_brackets_is_read_as_text_with_a_warning_naming_each_line(taxonomy, tmp_path):
    """markdown-it looks for a link label at every "[": the reader escapes such runs before parsing."""
    next(c for c in CASES if c.name == "bt-bracket-heading.md").make(tmp_path)
    snapshot, seconds = _build(tmp_path, taxonomy)
    warnings = [(p.path, p.line) for p in snapshot.problems if "'[' on one line" in p.message]
    assert warnings == [("bt-bracket-heading.md", 1), ("bt-bracket-heading.md", 5)]
    assert seconds <= MAX_SECONDS_PER_FILE
