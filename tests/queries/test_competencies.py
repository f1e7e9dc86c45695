import pytest

from graph.errors import InvalidParameter
from graph.queries import overlap_matrix, shared_competencies, similar_roles, skill_gap
from graph.queries.overlap import cluster_order
from graph.queries.similarity import weighted_jaccard
from tests.queries.builders import make_graph

TRIO = ["SRE Manager", "Platform Engineering Manager", "Engineering Manager"]


def names(items):
    return [item.name for item in items]


def test_shared_splits_all_some_and_unique_with_per_role_evidence(og):
    found = shared_competencies(og, TRIO)
    assert names(found.skills_all) == ["People Leadership", "Hiring", "Incident Management"]
    assert names(found.skills_some) == ["Observability"]
    assert names(found.kpis_all) == ["Team Health"] and names(found.kpis_some) == ["Availability"]
    holders = found.skills_all[2].holders
    assert [h.role_id for h in holders] == ["role:sre-manager", "role:platform-manager", "role:manager"]
    assert all(h.evidence and h.evidence.line > 0 for h in holders)
    unique = {u.role.id: names(u.skills) for u in found.unique}
    assert unique == {
        "role:sre-manager": ["SLOs"],
        "role:platform-manager": ["Developer Experience", "Kubernetes"],
        "role:manager": ["Python"],
    }


def test_shared_with_min_roles_all_keeps_only_what_everyone_holds(og):
    found = shared_competencies(og, TRIO, min_roles=3)
    assert found.skills_some == [] and found.kpis_some == []


@pytest.mark.parametrize(
    ("roles", "min_roles", "message"),
    [
        (["SRE Manager"], None, "at least two roles"),
        (["SRE Manager", "sre-manager"], None, "two different roles"),
        (TRIO, 4, "between 2 and the number of roles"),
        (TRIO, 1, "between 2 and the number of roles"),
    ],
)
def test_shared_refuses_bad_inputs(og, roles, min_roles, message):
    with pytest.raises(InvalidParameter, match=message):
        shared_competencies(og, roles, min_roles=min_roles)


def test_weighted_jaccard_is_min_over_max():
    assert weighted_jaccard({"a": 1, "b": 0.5}, {"a": 0.5, "b": 0.5, "c": 1}) == pytest.approx(1 / 2.5)
    assert weighted_jaccard({"a": 1}, {"a": 1}) == 1.0


def test_overlap_matrix_is_symmetric_with_unit_diagonal(og):
    matrix = overlap_matrix(og, family="Engineering")
    n = len(matrix.roles)
    assert n == 9
    for i in range(n):
        assert matrix.scores[i][i] == 1.0
        for j in range(n):
            assert matrix.scores[i][j] == matrix.scores[j][i]
    sre = [r.id for r in matrix.roles].index("role:sre-manager")
    assert matrix.shared[sre][sre] == 5


def test_overlap_order_puts_clusters_together():
    og = make_graph(
        {"a1": {"x": 1, "y": 1}, "b1": {"p": 1, "q": 1}, "a2": {"x": 1, "y": 0.8}, "b2": {"p": 1, "q": 0.7}}
    )
    order = [r.id for r in overlap_matrix(og).roles]
    assert abs(order.index("role:a1") - order.index("role:a2")) == 1
    assert abs(order.index("role:b1") - order.index("role:b2")) == 1
    assert cluster_order([[1.0]]) == [0]


def test_overlap_needs_two_roles(og):
    with pytest.raises(InvalidParameter, match="at least two"):
        overlap_matrix(og, family="Design")


def test_similar_roles_downweights_skills_every_role_holds():
    og = make_graph(
        {
            "a": {"common": 1, "rare": 1},
            "b": {"common": 1, "rare": 1, "other": 1},
            "c": {"common": 1},
            "d": {"common": 1, "more": 1},
        }
    )
    found = similar_roles(og, "a")
    assert [r.role.id for r in found.results] == ["role:b"]
    assert names(found.results[0].top_shared) == ["rare"]
    assert weighted_jaccard(og.role_skills["role:a"], og.role_skills["role:c"]) == 0.5


def test_similar_roles_excludes_itself_and_sorts_by_score(og):
    found = similar_roles(og, "SRE Manager", limit=3)
    scores = [r.score for r in found.results]
    assert len(scores) == 3 and scores == sorted(scores, reverse=True)
    assert "role:sre-manager" not in {r.role.id for r in found.results}
    top = found.results[0].top_shared
    assert sum(c.contribution for c in top) == pytest.approx(found.results[0].score, abs=1e-4)


def test_skill_gap_sets(og):
    gap = skill_gap(og, "Engineering Manager", "Platform Engineering Manager")
    assert names(gap.missing_skills) == ["Developer Experience", "Kubernetes", "Observability"]
    assert names(gap.shared_skills) == ["People Leadership", "Hiring", "Incident Management"]
    assert names(gap.surplus_skills) == ["Python"]
    assert gap.shared_skills[1].from_weight == 0.8 and gap.shared_skills[1].to_weight == 0.6
    assert names(gap.missing_kpis) == ["Availability", "Deployment Frequency"]
    assert names(gap.shared_kpis) == ["Team Health"] and gap.surplus_kpis == []
    with pytest.raises(InvalidParameter, match="same role"):
        skill_gap(og, "EM", "em")
