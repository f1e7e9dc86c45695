"""Where the corpus documents are, and reading each one the way ``orgkg load`` does."""

from __future__ import annotations

from pathlib import Path

from graph.model import ParsedDocument
from loaders.load import load_file
from tests.corpus.expectations import Expected

__all__ = ["COPIED", "SHARED", "locate", "parse"]

COPIED = Path(__file__).resolve().parent / "docs"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "diverse"


def locate(expected: Expected) -> Path | None:
    """The copy in the repository (licence allows it), else the shared corpus's file, else None."""
    for folder in (COPIED, SHARED):
        if (folder / expected.path).is_file():
            return folder / expected.path
    return None


def parse(path: Path) -> ParsedDocument:
    return load_file(path, root=path.parents[1])


def skill_key(name: str) -> str:
    return " ".join(name.split()).strip(" .").lower()
