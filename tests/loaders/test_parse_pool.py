"""Parsing in a process pool: the same load as in one process, in order, each bad file still only its own problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import load_paths
from loaders.load import POOL_MIN_FILES


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
