"""Over HTTP: a level name two ladders share lists both roles, and the role card shows its level alias.

The graph is the one ``tests/pipeline/test_level_aliases.py`` builds from three real ladders of the
corpus (Novoda "Level 1-3", Socialbakers "Level 0-4", MLSDev "Junior/Middle/Senior") and two fixtures.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from graph.pipeline import build_snapshot
from loaders import load_paths
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy
from tests.api.conftest import serve_snapshot
from tests.pipeline.test_level_aliases import LADDERS, MLSDEV, NOVODA, SOCIALBAKERS, TESTS


@pytest.fixture(scope="module")
def ladders_api(tmp_path_factory):
    result = load_paths([NOVODA, SOCIALBAKERS, MLSDEV, LADDERS], root=TESTS)
    snapshot = build_snapshot(result, load_taxonomy(DEFAULT_TAXONOMY_DIR))
    return serve_snapshot(tmp_path_factory.mktemp("ladders-api"), snapshot)


def test_a_shared_level_name_answers_404_with_the_roles_it_may_mean(ladders_api):
    response = ladders_api.get(f"/roles/{quote('Level 2')}")
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "AmbiguousRole"
    assert sorted(body["suggestions"]) == ["Developer Level 2", "Lead Product Engineer Level 2"]
    assert "names 2 roles" in body["detail"]


def test_search_for_a_shared_level_name_lists_each_ladders_role(ladders_api):
    response = ladders_api.get("/search", params={"q": "Senior"})
    assert response.status_code == 200
    names = [hit["name"] for hit in response.json()["roles"]]
    assert {"Senior Developer", "Senior Data Engineer"} <= set(names[:2])


def test_the_role_card_lists_the_level_alias_and_its_ladder(ladders_api):
    role = ladders_api.get(f"/roles/{quote('Lead Product Engineer Level 2')}").json()["role"]
    assert role["aliases"] == ["Level 2"]
    assert role["level_aliases"] == ["Level 2"]
    assert role["ladder"] == "Lead Product Engineer"
