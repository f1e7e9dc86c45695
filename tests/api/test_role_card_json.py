"""The role card route writes the card's JSON from plain fields: the same bytes as the RoleCard model."""

from __future__ import annotations

import random

import pytest
from pydantic_core import to_json

from api.routers.roles import card_response
from graph.orggraph import OrgGraph
from graph.pipeline import build_snapshot
from graph.queries import role_card
from graph.queries.corrections import with_corrections
from loaders import load_paths
from loaders.taxonomy import load_taxonomy


def _assert_same_card(og: OrgGraph, name: str) -> None:
    assert card_response(og, name).body == to_json(with_corrections(role_card, og, name))


def test_every_seed_role_card_is_the_models_json(seed_graph):
    for role_id in sorted(seed_graph.roles_by_id):
        _assert_same_card(seed_graph, role_id)


def test_a_card_read_from_a_typo_carries_its_correction(seed_graph):
    body = card_response(seed_graph, "SRE Manger").body

    assert b"matched no role exactly" in body
    _assert_same_card(seed_graph, "SRE Manger")


@pytest.fixture(scope="module")
def corpus_graph(corpus_dir, repo_root) -> OrgGraph:
    folder = corpus_dir / "gitlab-job-families"
    snapshot = build_snapshot(load_paths([folder], root=corpus_dir), load_taxonomy(repo_root / "seeds" / "taxonomy"))
    return OrgGraph.from_snapshot(snapshot)


def test_corpus_role_cards_are_the_models_json(corpus_graph):
    ids = sorted(corpus_graph.roles_by_id)
    for role_id in random.Random(11).sample(ids, min(len(ids), 150)):
        _assert_same_card(corpus_graph, role_id)
