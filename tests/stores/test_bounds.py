"""The guard's bounds on size, nesting and literal ranges, and the bounds on parameters."""

from __future__ import annotations

import pytest

from graph.errors import InvalidParameter, QueryRefused
from graph.stores.base import check_params
from graph.stores.catalog import list_queries
from graph.stores.guard import QueryBounds, check_read_only, nesting_depth, tokenize

BOUNDS = QueryBounds(max_bytes=2000, max_nesting=8, max_range=1000)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("(", ")"),
        ("[", "]"),
        ("{a: ", "}"),
        ("-", ""),
        ("NOT ", ""),
        ("CASE WHEN true THEN ", " END"),
        ("-(", ")"),
        ("NOT (", ")"),
        ("[x IN ", " | x]"),
    ],
)
def test_nesting_past_the_limit_is_refused_naming_the_limit_and_the_depth(opening, closing):
    query = "RETURN " + opening * 22 + "1" + closing * 22
    limit = r"nested (2[2-9]|[3-9]\d) levels deep; the limit \(cypher_max_nesting\) is 8"
    with pytest.raises(QueryRefused, match=limit):
        check_read_only(query, BOUNDS)


def test_nesting_within_the_limit_passes():
    check_read_only("RETURN " + "(" * 8 + "1" + ")" * 8, BOUNDS)
    check_read_only("RETURN -1 - -2 - -3, NOT true AND NOT false OR NOT true", BOUNDS)


def test_postfix_not_and_patterns_are_not_counted_as_nesting():
    assert nesting_depth(tokenize("MATCH (a)<-[:X]-(b) WHERE a.x IS NOT NULL RETURN a"))[0] <= 3


def test_every_catalog_query_is_well_within_the_bounds():
    for query in list_queries():
        assert nesting_depth(tokenize(query.cypher))[0] <= QueryBounds().max_nesting // 2, query.name
        check_read_only(query.cypher)


def test_a_query_over_the_size_limit_is_refused_with_its_size_and_the_limit():
    with pytest.raises(QueryRefused, match=r"is 2007 bytes long; the limit \(cypher_max_query_bytes\) is 2000"):
        check_read_only("RETURN " + "1" * 2000, BOUNDS)


@pytest.mark.parametrize(
    "query",
    [
        "UNWIND range(1, 1000000000) AS x RETURN count(x)",
        "RETURN size(range(-5000, 5000))",
        "RETURN range(0, 100000, 2)",
    ],
)
def test_a_literal_range_over_the_limit_is_refused(query):
    with pytest.raises(QueryRefused, match=r"range\(\) of \d+ values; the limit \(cypher_max_range\) is 1000"):
        check_read_only(query, BOUNDS)


def test_a_small_or_computed_range_passes_the_guard():
    check_read_only("UNWIND range(1, 1000) AS x RETURN x", BOUNDS)
    check_read_only("UNWIND range(1, $n) AS x RETURN x", BOUNDS)  # bounded by the engine: time and memory


def test_parameters_nested_too_deep_are_refused_without_recursion():
    deep: list = [1]
    for _ in range(100_000):  # far past Python's recursion limit
        deep = [deep]
    with pytest.raises(InvalidParameter, match=r"x: lists and maps are nested deeper than 8 levels"):
        check_params({"x": deep})


def test_parameters_over_the_size_limit_are_refused_naming_the_setting():
    with pytest.raises(InvalidParameter, match=r"exceed 1000 bytes \(cypher_max_param_bytes\)"):
        check_params({"xs": list(range(500))}, max_bytes=1000)
    assert check_params({"xs": list(range(50))}, max_bytes=1000) == {"xs": list(range(50))}
