"""The content-hash parse cache: a warm load equals a cold one, and any changed input is parsed again."""

from __future__ import annotations

import shutil
from pathlib import Path

from loaders import load_paths
from tests.conftest import CORPUS, REPO_ROOT

SEEDS = REPO_ROOT / "seeds"


def _load(paths, root, cache_dir):
    return load_paths(paths, root=root, cache_dir=cache_dir)


def test_a_warm_cache_gives_the_same_documents_as_parsing(tmp_path):
    paths = [SEEDS, *([CORPUS] if CORPUS.is_dir() else [])]
    plain = load_paths(paths, root=REPO_ROOT.parent)
    cold = _load(paths, REPO_ROOT.parent, tmp_path / "cache")
    warm = _load(paths, REPO_ROOT.parent, tmp_path / "cache")
    assert cold.documents == plain.documents
    assert warm.documents == plain.documents
    assert warm.problems == plain.problems
    entries = [p for p in (tmp_path / "cache").rglob("*.json")]
    assert len(entries) == len(plain.documents)


def test_an_edited_document_or_hint_is_parsed_again(tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS / "blueprints", folder)
    cache = tmp_path / "cache"
    first = _load([folder], tmp_path, cache)
    page = folder / "sre-manager.md"
    page.write_text(page.read_text().replace("- Kubernetes\n", "- Kubernetes\n- Terraform\n"))
    edited = _load([folder], tmp_path, cache)
    fresh = load_paths([folder], root=tmp_path)
    assert edited.documents == fresh.documents != first.documents
    sidecar = Path(str(page) + ".orgkg.yaml")
    sidecar.write_text("layout: blueprint\n")
    hinted = _load([folder], tmp_path, cache)
    assert hinted.documents == load_paths([folder], root=tmp_path).documents


def test_a_damaged_entry_is_parsed_again(tmp_path):
    cache = tmp_path / "cache"
    first = _load([SEEDS / "blueprints"], REPO_ROOT, cache)
    for entry in cache.rglob("*.json"):
        entry.write_text("{not json")
    again = _load([SEEDS / "blueprints"], REPO_ROOT, cache)
    assert again.documents == first.documents


def test_the_cache_folders_are_private_to_the_owner(tmp_path):
    cache = tmp_path / "data" / "parse-cache"
    _load([SEEDS / "blueprints"], REPO_ROOT, cache)
    folders = [cache, *(p for p in cache.iterdir() if p.is_dir())]
    assert len(folders) > 1
    assert {oct(folder.stat().st_mode & 0o777) for folder in folders} == {"0o700"}
