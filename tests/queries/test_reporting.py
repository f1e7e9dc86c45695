from graph.queries import neighbourhood, org_tree, reporting_chain, reports
from tests.queries.builders import make_graph


def test_chain_goes_up_to_the_top(og):
    chain = reporting_chain(og, "SRE Manager")
    assert [r.id for r in chain.chain] == ["role:senior-manager", "role:director", "role:vp"]
    assert not chain.cycle and reporting_chain(og, "VPE").chain == []


def test_chain_stops_on_a_cycle():
    og = make_graph({"a": {}, "b": {}, "c": {}}, reports_to=[("a", "b"), ("b", "c"), ("c", "a")])
    chain = reporting_chain(og, "a")
    assert [r.id for r in chain.chain] == ["role:b", "role:c"] and chain.cycle


def test_reports_direct_and_indirect_with_depth(og):
    found = reports(og, "Director of Engineering")
    assert {r.id for r in found.direct} == {"role:senior-manager", "role:data-manager"}
    depths = {r.role.id: r.depth for r in found.all}
    assert depths["role:sre-manager"] == 2 and depths["role:engineer"] == 3
    assert reports(og, "Director of Engineering", max_depth=1).all == [r for r in found.all if r.depth == 1]


def test_org_tree_roots_are_roles_without_manager_and_each_role_appears_once(og):
    tree = org_tree(og)
    assert [n.role.id for n in tree.roots] == ["role:designer", "role:vp"]
    seen = []

    def walk(node):
        seen.append(node.role.id)
        for child in node.children:
            walk(child)

    for root in tree.roots:
        walk(root)
    assert sorted(seen) == sorted(og.roles_by_id) and tree.roles == 10


def test_org_tree_keeps_roles_caught_in_a_cycle():
    og = make_graph({"a": {}, "b": {}, "root": {}}, reports_to=[("a", "b"), ("b", "a")])
    tree = org_tree(og)
    assert [n.role.id for n in tree.roots] == ["role:root", "role:a"]
    assert tree.roots[1].in_cycle and tree.roots[1].children[0].role.id == "role:b"


def test_neighbourhood_holds_lines_skills_and_shared_skill_edges(og):
    hood = neighbourhood(og, "SRE Manager")
    ids = {n.id for n in hood.nodes}
    assert {"role:senior-manager", "role:director", "role:manager", "role:platform-manager"} <= ids
    assert "skill:slos" in ids and "kpi:mttr" in ids and "role:vp" not in ids
    assert any(e.source == "role:platform-manager" and e.target == "skill:observability" for e in hood.edges)
    assert "role:vp" in {n.id for n in neighbourhood(og, "SRE Manager", depth=2).nodes}
