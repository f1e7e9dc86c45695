"""Exact expectations on the graph built from seeds/ (skipped until the build pipeline is importable)."""

import pytest

from graph.queries import career_paths, resolve_role, shared_competencies, similar_roles


def titles(path):
    return [path.steps[0].start.title] + [step.end.title for step in path.steps]


def test_infrastructure_manager_climbs_the_grade_ladder_to_vp(seed):
    found = career_paths(seed, "Manager, Infrastructure", "VP of Infrastructure")
    best = found.paths[0]
    assert titles(best) == [
        "Manager, Infrastructure",
        "Senior Engineering Manager, Infrastructure (Platform)",
        "Director, Infrastructure (Reliability)",
        "Senior Director, Infrastructure",
        "VP of Infrastructure",
    ]
    assert [step.start.grade for step in best.steps] + [best.steps[-1].end.grade] == [8, 9, 10, 11, 12]
    assert all(step.kind == "promotion" for step in best.steps)
    for step in best.steps:
        held = seed.role_skills[step.start.id]
        assert all(skill.id not in held for skill in step.skills_to_gain)
        weights = [skill.weight for skill in step.skills_to_gain]
        assert weights == sorted(weights, reverse=True)
    assert any(step.skills_to_gain for step in best.steps)


def test_sre_manager_reaches_global_head_of_sre_through_head_of_sre(seed):
    found = career_paths(seed, "SRE Manager", "Global Head of SRE")
    assert found.paths, found.message
    assert "Head of SRE" in titles(found.paths[0])


def test_reliability_managers_share_what_their_texts_share(seed):
    found = shared_competencies(
        seed, ["SRE Manager", "Platform Engineering Manager", "Observability Engineering Manager"]
    )
    everyone = {skill.name.lower() for skill in found.skills_all}
    at_least_two = everyone | {skill.name.lower() for skill in found.skills_some}
    assert "people leadership" in everyone  # all three lead an engineering team
    assert {"observability", "hiring", "kubernetes"} <= at_least_two
    observability = next(s for s in found.skills_some if s.name.lower() == "observability")
    assert {h.role_id for h in observability.holders} == {
        resolve_role(seed, "SRE Manager").id,
        resolve_role(seed, "Observability Engineering Manager").id,
    }
    for competency in found.skills_all:
        assert len(competency.holders) == 3 and all(h.evidence for h in competency.holders)


def test_head_of_sre_is_most_like_other_reliability_heads(seed):
    ranked = [r.role.id for r in similar_roles(seed, "Head of SRE", limit=100).results]
    data = resolve_role(seed, "Head of Data Engineering").id
    position = {role_id: i for i, role_id in enumerate(ranked)}
    for peer in ("Head of Reliability Engineering", "Global Head of SRE"):
        peer_id = resolve_role(seed, peer).id
        assert position[peer_id] < position.get(data, len(ranked)), peer


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("manager infrastructure", "Manager, Infrastructure"),
        ("Infrastructure Manager (Delivery)", "Manager, Infrastructure (Delivery)"),
        ("VP Infrastructure", "VP of Infrastructure"),
        ("head of site reliabilty engineering", "Head of SRE"),  # merged into Head of SRE as an alias
        ("global head sre", "Global Head of SRE"),
    ],
)
def test_seed_titles_resolve_from_loose_spellings(seed, text, title):
    assert resolve_role(seed, text).title == title
