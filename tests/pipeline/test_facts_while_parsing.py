"""Facts worked out while the documents are parsed: the same snapshot as facts worked out by the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.pipeline import RoleFactSheet, build_snapshot
from loaders import load_paths
from loaders.taxonomy import load_taxonomy

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_facts_worked_out_as_each_document_arrives_build_the_same_snapshot():
    taxonomy = load_taxonomy(SEEDS / "taxonomy")
    alone = build_snapshot(load_paths([SEEDS], root=SEEDS), taxonomy)
    sheet = RoleFactSheet(taxonomy)

    early = build_snapshot(load_paths([SEEDS], root=SEEDS, on_document=sheet.add), taxonomy, facts=sheet)

    assert early.model_dump(exclude={"built_at"}) == alone.model_dump(exclude={"built_at"})
    assert any(r.type == "REQUIRES_SKILL" for r in early.relationships)


def test_each_document_reaches_on_document_once_in_the_files_order():
    seen = []

    result = load_paths([SEEDS], root=SEEDS, on_document=seen.append)

    assert seen == result.documents


def test_facts_of_another_taxonomy_are_refused():
    taxonomy = load_taxonomy(SEEDS / "taxonomy")
    sheet = RoleFactSheet(load_taxonomy(SEEDS / "taxonomy"))

    with pytest.raises(ValueError, match="another taxonomy"):
        build_snapshot(load_paths([SEEDS], root=SEEDS), taxonomy, facts=sheet)
