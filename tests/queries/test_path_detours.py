from graph.queries import career_paths
from graph.queries.paths import _route


def test_a_switch_into_a_sibling_specialty_and_back_onto_the_ladder_is_the_same_route():
    bases = {"role:m-delivery": "role:m"}
    assert _route(["role:m", "role:m-delivery", "role:sem"], bases) == ("role:m", "role:sem")
    assert _route(["role:m", "role:sem"], bases) == ("role:m", "role:sem")
    assert _route(["role:x", "role:m-delivery", "role:sem"], bases) == ("role:x", "role:m", "role:sem")


def test_seed_paths_up_the_infrastructure_ladder_are_distinct_routes(seed_graph):
    found = career_paths(seed_graph, "Manager, Infrastructure", "VP of Infrastructure", k=5)
    kinds = [[step.kind for step in path.steps] for path in found.paths]
    assert kinds[0] == ["promotion"] * 4
    assert not any(k[0] == "specialty" and k[1:] == ["promotion"] * 4 for k in kinds)
