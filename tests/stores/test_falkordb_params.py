"""The FalkorDB parameter header: hostile values come back from the engine exactly as sent, never as Cypher."""

from __future__ import annotations

import pytest

from graph.errors import InvalidParameter
from graph.model import Relationship, RelType, Role, Skill, Snapshot
from graph.stores.falkordb_params import cypher_literal, params_header
from graph.stores.writer import sync_snapshot
from tests.stores.conftest import falkordb_graph

HOSTILE = [
    "",
    'a "quoted" word',
    "it's",
    "back\\slash",
    "ends with a backslash\\",
    "\\\\two",
    '\\"',
    "`backtick` and `id`:",
    '"title":"forged"',
    '"}] MATCH (n) DETACH DELETE n //',
    "'}) DETACH DELETE n RETURN 1 //",
    "$rows",
    "line\nbreak\r\nand\ttab",
    "\b\f\x01\x02\x1f\x7f",
    "\\u0041 is not A",
    "\\\u0001",
    "é ü 中文 😀 \u2028 \u2029",
    "CYPHER rows=[] ",
    "{`id`:1}",
    "x" * 10_000,
]


@pytest.fixture
def falkordb(falkordb_url, request):
    store = falkordb_graph(falkordb_url, "t_params_" + request.node.name[:40])
    store.delete_graph()
    yield store
    store.delete_graph()
    store.close()


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_string_comes_back_from_the_engine_unchanged(falkordb, text):
    rows = [{"id": text, "props": {"title": text, "aliases": [text, "b"]}}]

    echoed = falkordb.execute_write("UNWIND $rows AS row RETURN row.id, row.props.title, row.props.aliases, $s",
                                    {"rows": rows, "s": text})

    assert echoed.rows == [[text, text, [text, "b"], text]]


def test_every_hostile_string_survives_a_sync_and_nothing_else_changes(falkordb):
    roles = [Role(id=f"role:{i}", title=text or "empty", summary=text, aliases=[text])
             for i, text in enumerate(HOSTILE)]
    skill = Skill(id="skill:s", name='S "1"')
    rels = [Relationship(type=RelType.REQUIRES_SKILL, start=role.id, end=skill.id, evidence=role.summary)
            for role in roles]
    snapshot = Snapshot(roles=roles, skills=[skill], relationships=rels)

    sync_snapshot(falkordb, snapshot)

    stored = falkordb.run_read("MATCH (n:Role)-[r:REQUIRES_SKILL]->(:Skill) RETURN n.id, n.summary, n.aliases, "
                               "r.evidence ORDER BY n.id").rows
    assert stored == sorted([role.id, role.summary, role.aliases, role.summary] for role in roles)
    assert falkordb.count_elements() == (len(roles) + 1, len(rels))


def test_numbers_booleans_nulls_and_nesting_keep_their_types(falkordb):
    value = {"i": -(2**63), "j": 2**63 - 1, "f": 0.1, "g": -1.5e-300, "t": True, "n": None,
             "l": [1, [2, [3]], {"m": []}]}

    echoed = falkordb.execute_write("RETURN $v", {"v": value}).rows[0][0]

    assert echoed == value


def test_a_map_key_that_is_not_a_plain_name_still_goes_as_a_parameter(falkordb):
    value = {"a-b": 1, "with space": "x", 'q"uote': 2}

    assert falkordb.execute_write("RETURN $v", {"v": value}).rows[0][0] == value


def test_a_nul_character_is_refused_with_the_parameter_named():
    with pytest.raises(InvalidParameter, match=r"rows: .*NUL"):
        params_header({"rows": [{"title": "a\x00b"}]})


def test_an_integer_beyond_64_bits_is_refused():
    with pytest.raises(InvalidParameter, match="v: cannot be sent"):
        cypher_literal("v", 2**70)


def test_a_parameter_name_must_be_a_plain_identifier():
    with pytest.raises(InvalidParameter, match="plain identifiers"):
        params_header({"x` RETURN 1 //": 1})


def test_keys_are_rewritten_only_where_they_are_keys():
    literal = cypher_literal("rows", [{"title": '"title":', "id": '\\"id":'}])

    assert literal == '[{`title`:"\\"title\\":",`id`:"\\\\\\"id\\":"}]'
