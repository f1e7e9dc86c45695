"""A real full disk (ENOSPC from a filled tmpfs) during ``orgkg load`` and during a Cypher resync.

The scenario runs in :mod:`tests.robustness.full_disk`, inside a user and mount namespace of its own
(``unshare --user --map-root-user --mount``: no privilege needed), where it mounts and fills a small
tmpfs. Expected: the load says "No space left on device" in one line and exits 1, without a traceback,
the old snapshot byte for byte intact and no temporary file left; ``/cypher``, which must rewrite the
engine for the newer snapshot, is a 503 with ``Retry-After`` naming the full disk, never a 500; with
space again, the next request resyncs and answers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from graph.queries.sample import sample_snapshot
from tests.conftest import REPO_ROOT

UNSHARE = ("unshare", "--user", "--map-root-user", "--mount", "--")


@pytest.fixture(scope="module")
def outcome(tmp_path_factory) -> dict:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare and mount (util-linux) are needed to make a small file system without privilege")
    probe = subprocess.run([*UNSHARE, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unprivileged user namespaces are off here: {probe.stderr.decode()[:200]}")
    folder = tmp_path_factory.mktemp("full-disk") / "small"
    run = subprocess.run(
        [*UNSHARE, sys.executable, "-m", "tests.robustness.full_disk", str(folder)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_library_loads_and_answers_before_the_disk_fills(outcome):
    assert outcome["first_load"] == 0
    assert [status for status, _, _ in outcome["before"]] == [200]


def test_orgkg_load_on_a_full_disk_says_so_in_one_line_and_keeps_the_old_snapshot(outcome):
    load = outcome["second_load"]
    assert load["code"] == 1
    assert "No space left on device" in load["stderr"] and "previous snapshot is kept" in load["stderr"]
    assert "Traceback" not in load["stderr"] + load["stdout"]
    assert outcome["snapshot_kept"]
    assert outcome["temp_files"] == []


def test_a_resync_on_a_full_disk_is_a_503_with_retry_after_that_names_the_disk(outcome):
    for status, body, retry_after in outcome["resync"]:
        assert status == 503, body
        assert retry_after is not None
        assert "disk is full" in body and "No space left on device" in body


def test_with_space_again_the_next_request_resyncs_and_answers_from_the_newer_snapshot(outcome):
    [(status, body, _)] = outcome["after_freeing"]
    assert status == 200, body
    assert json.loads(body)["rows"] == [[len(sample_snapshot().roles)]]
