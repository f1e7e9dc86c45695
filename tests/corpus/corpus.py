"""Where the corpus documents are, and reading each one the way ``orgkg load`` does."""

from __future__ import annotations

from pathlib import Path

from graph.model import ParsedDocument
from loaders.load import load_file
from tests.corpus.expectations import Expected

__all__ = ["COPIED", "SHARED", "locate", "parse"]

COPIED = Path(__file__).resolve().parent / "docs"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "diverse"


GITLAB = SHARED.parent / "gitlab-job-families"


def locate(expected: Expected) -> Path | None:
    """The copy in the repository (licence allows it), else the shared corpus's file, else None."""
    shared = GITLAB / expected.path.removeprefix("gitlab/") if expected.path.startswith("gitlab/") else None
    for candidate in (COPIED / expected.path, SHARED / expected.path, shared):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def parse(path: Path) -> ParsedDocument:
    return load_file(path, root=path.parent)


def skill_key(name: str) -> str:
    return " ".join(name.split()).strip(" .").lower()
