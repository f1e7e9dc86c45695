"""Session fixtures shared by every suite: the seed snapshot and its graph, built once."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.robustness.report import pytest_terminal_summary  # noqa: F401  (the robustness table, kept)

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS = REPO_ROOT / "seeds"
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "gitlab-job-families"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def free_port() -> int:
    """A loopback port nobody listens on right now."""
    return _free_port()


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def seed_snapshot(tmp_path_factory):
    """The snapshot `make run` serves, built from seeds/ (not saved)."""
    from api.build import build_from_documents
    from api.settings import Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("seed-data"))
    return build_from_documents([SEEDS], settings, save=False)


@pytest.fixture(scope="session")
def seed_graph(seed_snapshot):
    from graph.orggraph import OrgGraph

    return OrgGraph.from_snapshot(seed_snapshot)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    return CORPUS
