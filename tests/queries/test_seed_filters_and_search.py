from graph.queries import list_roles


def test_a_function_filter_includes_the_functions_below_it(seed_graph):
    reliability = {r.title for r in list_roles(seed_graph, function="Reliability", limit=100).items}
    assert {"Head of Reliability Engineering", "SRE Manager", "Head of SRE", "Global Head of SRE"} <= reliability
    assert "Head of Data Engineering" not in reliability
    sre = {r.title for r in list_roles(seed_graph, function="SRE", limit=100).items}
    assert "Head of Reliability Engineering" not in sre and "SRE Director" in sre


def test_type_ahead_matches_word_prefixes_in_order(seed_graph):
    from graph.queries import search

    found = [hit.name for hit in search(seed_graph, "plat eng").roles]
    assert set(found[:3]) == {
        "Platform Engineering Manager",
        "Head of Platform Engineering",
        "Global Head of Platform Engineering",
    }


def test_type_ahead_spells_out_acronyms(seed_graph):
    from graph.queries import search

    assert search(seed_graph, "head ml").roles[0].name == "Head of Machine Learning"
    assert "SRE Manager" in [hit.name for hit in search(seed_graph, "site reliability eng man").roles][:2]
