"""Paths the loader tests read: the repository's seeds and the shared corpus next to the repository."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds() -> Path:
    return REPO / "seeds"


@pytest.fixture(scope="session")
def corpus() -> Path:
    folder = REPO.parent / "shared" / "corpus" / "gitlab-job-families"
    if not folder.is_dir():
        pytest.skip(f"the shared corpus is missing: expected it at {folder}")
    return folder


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return Path(__file__).parent / "fixtures"
