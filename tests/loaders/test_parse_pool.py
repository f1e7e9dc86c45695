"""Parsing in a process pool: the same load as in one process, in order, each bad file still only its own problem."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from loaders import load_paths
from loaders.load import POOL_MIN_FILES, _start_method


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for i in range(POOL_MIN_FILES + 20):
        Path(folder, f"role-{i:03}.txt").write_text(f"Engineer {i}: Role Blueprint\nLeads team {i} and owns SLOs.\n")
    Path(folder, "role-040-broken.md").write_bytes(b"\xff\xfe\x00\x00binary")
    Path(folder, "role-041-empty.yaml").write_text("")
    return folder


def test_two_processes_load_exactly_what_one_does_in_the_same_order(library):
    alone = load_paths([library], root=library, workers=1)

    pooled = load_paths([library], root=library, workers=2)

    assert pooled.model_dump() == alone.model_dump()
    assert [doc.source.path for doc in pooled.documents] == sorted(doc.source.path for doc in pooled.documents)


def test_a_bad_file_in_the_pool_is_a_problem_of_that_file_only(library):
    pooled = load_paths([library], root=library, workers=2)

    failed = {problem.path for problem in pooled.all_problems if problem.severity == "error"}
    assert failed == {"role-040-broken.md", "role-041-empty.yaml"}
    assert len(pooled.roles) == POOL_MIN_FILES + 20


def test_the_pool_keeps_and_reuses_the_parse_cache(library, tmp_path):
    cache = tmp_path / "cache"
    first = load_paths([library], root=library, workers=2, cache_dir=cache)
    entries = sorted(cache.rglob("*.json"))

    again = load_paths([library], root=library, workers=2, cache_dir=cache)

    assert len(entries) == len(first.documents)
    assert sorted(cache.rglob("*.json")) == entries
    assert again.model_dump() == first.model_dump()


@pytest.mark.skipif(sys.platform != "linux", reason="the pool forks on Linux only")
def test_an_orgkg_process_with_numpy_loaded_still_forks_its_pool():
    # graph/__init__ keeps OpenBLAS from starting a thread that would make every fork unsafe.
    code = "import api.build, numpy; from loaders.load import _start_method; print(_start_method())"
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}

    answer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)

    assert answer.stdout.strip() == "fork"


def test_a_process_running_another_thread_never_forks_its_pool():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert _start_method() in ("forkserver", "spawn")
    finally:
        stop.set()
        thread.join()


def test_a_pool_started_beside_another_thread_loads_the_same(library):
    alone = load_paths([library], root=library, workers=1)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pooled = load_paths([library], root=library, workers=2)
    finally:
        stop.set()
        thread.join()

    assert pooled.model_dump() == alone.model_dump()
