import pytest

from graph.errors import InvalidParameter, RoleNotFound
from graph.queries import career_paths, next_roles
from tests.queries.builders import make_graph


def titles(path):
    return [path.steps[0].start.title] + [step.end.title for step in path.steps]


def test_promotion_ladder_is_the_cheapest_path_and_costs_rise(og):
    found = career_paths(og, "Software Engineer", "VP of Engineering", k=3)
    assert titles(found.paths[0]) == [
        "Software Engineer",
        "Engineering Manager",
        "Senior Engineering Manager",
        "Director of Engineering",
        "VP of Engineering",
    ]
    assert found.paths[0].cost == 4.0
    costs = [path.cost for path in found.paths]
    assert costs == sorted(costs) and len(found.paths) == 3
    assert found.closest is None and found.message is None


def test_each_step_has_kind_evidence_and_gains_sorted_by_weight(og):
    step = career_paths(og, "Engineering Manager", "SRE Manager").paths[0].steps[0]
    assert step.kind == "lateral"
    assert step.evidence.source == "sample/roles.md" and "can move to" in step.evidence.sentence
    assert [(s.name, s.weight) for s in step.skills_to_gain] == [("SLOs", 1.0), ("Observability", 0.8)]
    assert {k.name for k in step.kpis_to_gain} == {"Availability", "MTTR"}


def test_lateral_cost_grows_as_skill_overlap_falls():
    og = make_graph(
        {"a": {"x": 1, "y": 1}, "near": {"x": 1, "y": 1, "z": 0.2}, "far": {"x": 0.2, "q": 1}},
        lateral=[("a", "near"), ("a", "far")],
    )
    near = career_paths(og, "a", "near").paths[0].steps[0]
    far = career_paths(og, "a", "far").paths[0].steps[0]
    assert near.skill_overlap > far.skill_overlap
    assert 1.0 < near.cost < far.cost <= 2.0
    assert near.cost == pytest.approx(1 + (1 - near.skill_overlap))


def test_paths_prefer_promotions_over_unrelated_lateral_detours():
    og = make_graph(
        {"a": {"x": 1}, "b": {"x": 1, "y": 1}, "c": {"q": 1}, "d": {"x": 1, "y": 1}},
        promotions=[("a", "b"), ("b", "d")],
        lateral=[("a", "c")],
    )
    og_with_detour = make_graph(
        {"a": {"x": 1}, "b": {"x": 1, "y": 1}, "c": {"q": 1}, "d": {"x": 1, "y": 1}},
        promotions=[("a", "b"), ("b", "d"), ("c", "d")],
        lateral=[("a", "c")],
    )
    assert titles(career_paths(og, "a", "d").paths[0]) == ["A", "B", "D"]
    ranked = career_paths(og_with_detour, "a", "d", k=2).paths
    assert [titles(p) for p in ranked] == [["A", "B", "D"], ["A", "C", "D"]]
    assert ranked[1].cost == 3.0


def test_promotions_only_skips_lateral_moves(og):
    assert career_paths(og, "Engineering Manager", "SRE Manager").paths
    found = career_paths(og, "Engineering Manager", "SRE Manager", promotions_only=True)
    assert found.paths == []
    assert all(step.kind == "promotion" for step in found.closest.path.steps)
    every = career_paths(og, "SWE", "VPE", k=5, promotions_only=True).paths
    assert all(step.kind == "promotion" for path in every for step in path.steps)


def test_specialty_switch_costs_half_a_step(og):
    path = career_paths(og, "Engineering Manager (Delivery)", "Senior Engineering Manager").paths[0]
    assert [s.kind for s in path.steps] == ["specialty", "promotion"] and path.cost == 1.5


def test_no_path_names_the_closest_reachable_role_by_skill_overlap():
    og = make_graph(
        {"a": {"x": 1}, "b": {"y": 1}, "c": {"t": 1, "u": 1}, "target": {"t": 1, "u": 1, "v": 1}},
        promotions=[("a", "b"), ("b", "c")],
    )
    found = career_paths(og, "a", "target")
    assert found.paths == []
    assert found.closest.role.id == "role:c" and found.closest.steps == 2
    assert found.closest.skill_overlap == pytest.approx(2 / 3)
    assert titles(found.closest.path) == ["A", "B", "C"]
    assert found.message.startswith("no path from A to TARGET") and "closest reachable role is C" in found.message


def test_no_path_from_a_role_without_moves_has_no_closest(og):
    found = career_paths(og, "Product Designer", "VP of Engineering")
    assert found.paths == [] and found.closest is None
    assert "has no recorded moves" in found.message


def test_max_steps_limits_path_length(og):
    assert career_paths(og, "SWE", "VPE", max_steps=4).paths
    short = career_paths(og, "SWE", "VPE", max_steps=3)
    assert short.paths == [] and "within 3 moves" in short.message
    assert short.closest.role.id == "role:director"


@pytest.mark.parametrize(("kwargs", "name"), [({"k": 0}, "k"), ({"k": 21}, "k"), ({"max_steps": 0}, "max_steps")])
def test_out_of_range_parameters_say_what_to_fix(og, kwargs, name):
    with pytest.raises(InvalidParameter, match=f"{name}: must be between"):
        career_paths(og, "SWE", "VPE", **kwargs)


def test_same_role_or_unknown_role_is_refused(og):
    with pytest.raises(InvalidParameter, match="same role"):
        career_paths(og, "EM", "Engineering Manager")
    with pytest.raises(RoleNotFound):
        career_paths(og, "EM", "Chief Happiness Officer")


def test_next_roles_lists_promotions_first_then_by_overlap(og):
    moves = next_roles(og, "Engineering Manager").moves
    assert moves[0].kind == "promotion" and moves[0].end.id == "role:senior-manager"
    others = [m.skill_overlap for m in moves[1:]]
    assert others == sorted(others, reverse=True)
    assert next_roles(og, "Product Designer").moves == []


@pytest.mark.parametrize(
    "query",
    [
        lambda og: career_paths(og, "Software Engineer", "VP of Engineering", k=3),
        lambda og: career_paths(og, "Engineering Manager", "Product Designer"),
        lambda og: career_paths(og, "Product Designer", "VP of Engineering"),
        lambda og: next_roles(og, "Engineering Manager"),
        lambda og: career_paths(make_graph({"a": {"x": 1}, "b": {"x": 1, "y": 1}}, lateral=[("a", "b")]), "a", "b"),
    ],
)
def test_answers_made_without_validation_are_what_validating_them_makes(og, query):
    answer = query(og)
    validated = type(answer).model_validate(answer.model_dump())
    assert repr(validated) == repr(answer)  # the same values of the same types (1.0, not 1)
    assert validated.model_dump_json() == answer.model_dump_json()
