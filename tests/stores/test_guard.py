"""Read-only enforcement: the guard refuses writes and admin commands, and so does the engine without it."""

from __future__ import annotations

import re
import time

import pytest

from graph.errors import CypherError, QueryFailed, QueryRefused, QueryTimeout
from graph.stores.analyst import run_analyst_query
from graph.stores.guard import check_read_only, tokenize

WRITE_ATTEMPTS = [
    "CREATE (n:Role {id: 'x'})",
    "create (n:Role {id: 'x'})",
    "CrEaTe (n)",
    "MERGE (n:Role {id: 'x'})",
    "MATCH (n:Role) SET n.title = 'hacked'",
    "MATCH (n:Role) SET n:Hacked",
    "MATCH (n:Role) SET n += {x: 1}",
    "MATCH (n:Role) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "match (n) detach delete n",
    "MATCH (n:Role) REMOVE n.title",
    "MATCH (n:Role) REMOVE n:Role",
    "DROP INDEX ON :Role(id)",
    "DROP INDEX FOR (n:Role) ON (n.id)",
    "CREATE INDEX FOR (n:Role) ON (n.title)",
    "LOAD CSV FROM 'file:///etc/passwd' AS row CREATE (:Leak {line: row[0]})",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "MATCH (n:Role) FOREACH (x IN [1] | CREATE (:Copy))",
    "MATCH (n:Role) FOREACH (x IN [1] | SET n.x = x)",
    "CALL db.idx.fulltext.createNodeIndex('Role', 'title')",
    "CALL db.idx.fulltext.drop('Role')",
    "CALL db.createLabel('Hacked')",
    "CALL dbms.security.createUser('eve', 'secret', false)",
    "CALL dbms.killQueries(['query-1'])",
    "CALL apoc.create.node(['Hacked'], {})",
    "RETURN apoc.create.uuid()",
    "GRANT ROLE admin TO eve",
    "DENY WRITE ON GRAPH * TO reader",
    "REVOKE ROLE admin FROM eve",
    "CREATE USER eve SET PASSWORD 'secret'",
    "ALTER USER neo4j SET PASSWORD 'secret'",
    "SHOW USERS",
    "DROP DATABASE neo4j",
    "STOP DATABASE neo4j",
    ":use system",
    "MATCH (n) RETURN n; CREATE (m)",
    "MATCH (n) RETURN n;\nMATCH (m) DETACH DELETE m",
    "CREATE/* x */ (n)",
    "CRE/**/ATE (n)",
    "MATCH (n:Role) SET/**/n.x = 1",
    "// harmless\nMATCH (n) SET n.x = 1",
    "MATCH (n:Role) CALL { WITH n CREATE (:Copy {id: n.id}) } RETURN count(*)",
    "MATCH (n:Role) CALL { WITH n SET n.x = 1 } IN TRANSACTIONS RETURN 1",
    "USING PERIODIC COMMIT LOAD CSV FROM 'file:///x.csv' AS row CREATE (n)",
    "MATCH (a:Role), (b:Role) CREATE (a)-[:HACK]->(b)",
    "MATCH (n:Role) WITH n MERGE (n)-[:LIKES]->(n)",
    "UNWIND [1, 2] AS i CREATE (:X {i: i})",
    "OPTIONAL MATCH (n) WITH n MATCH (m:Skill) DELETE m",
]

LEGITIMATE_READS = [
    ("MATCH (r:Role) WHERE r.title = 'CREATE' RETURN count(r)", {}),
    ("RETURN 'DELETE' AS word", {}),
    ('RETURN "MATCH (n) SET n.x = 1" AS text', {}),
    ("MATCH (r:Role) RETURN r.`set` AS value LIMIT 1", {}),
    ("MATCH (r:Role) // CREATE in a comment\nRETURN count(r)", {}),
    ("/* DETACH DELETE everything */ MATCH (r:Role) RETURN count(r)", {}),
    ("MATCH (r:Role {id: $id}) RETURN r.title", {"id": "role:sre-manager"}),
    ("UNWIND $create AS x RETURN x", {"create": [1, 2]}),
    ("CALL db.labels()", {}),
    ("MATCH (r:Role) RETURN r.title AS `create` ORDER BY r.title LIMIT 1", {}),
    ("MATCH (r:Role) WHERE r.title CONTAINS 'Merge' RETURN count(r)", {}),
    ("MATCH (r:Role)-[:REPORTS_TO]->(m:Role) RETURN r.title, m.title ORDER BY r.title;", {}),
    ("MATCH (s:Skill) WHERE s.name STARTS WITH 'Set' RETURN s.name", {}),
]


@pytest.mark.parametrize("query", WRITE_ATTEMPTS)
def test_guard_refuses_write_and_admin_attempts(query):
    with pytest.raises(QueryRefused):
        check_read_only(query)


@pytest.mark.parametrize("query", WRITE_ATTEMPTS)
def test_engine_read_only_mode_refuses_the_same_attempts_without_the_guard(engine_sample_store, query):
    before = engine_sample_store.count_elements()

    try:
        engine_sample_store.run_read(query)
    except (QueryRefused, QueryFailed):
        refused = True
    else:
        refused = False

    # FalkorDB refuses every one. Neo4j runs a few that do not write in a read transaction (an APOC
    # function, LOAD CSV ... RETURN); the guard alone refuses those, and nothing may change either way.
    writes = re.search(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|FOREACH|DROP|GRANT|DENY|REVOKE|ALTER)\b", query, re.I)
    assert refused or (engine_sample_store.engine == "neo4j" and not writes)
    assert engine_sample_store.count_elements() == before


def test_the_write_corpus_is_large_enough():
    assert len(WRITE_ATTEMPTS) >= 30
    assert len(LEGITIMATE_READS) >= 8


@pytest.mark.parametrize(("query", "params"), LEGITIMATE_READS)
def test_legitimate_reads_pass_the_guard_and_run(engine_sample_store, query, params):
    result = run_analyst_query(engine_sample_store, query, params)

    assert result.columns


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("MATCH (n) CREATE (m)", "write clause CREATE is not allowed: analyst queries are read-only"),
        ("MATCH (n) DETACH DELETE n", "write clause DETACH DELETE is not allowed"),
        ("LOAD CSV FROM 'x' AS r RETURN r", "LOAD CSV is not allowed"),
        ("CALL db.createLabel('x')", "procedure db.createLabel is not allowed"),
        ("GRANT ROLE admin TO eve", "administration command GRANT is not allowed"),
        ("CREATE USER eve SET PASSWORD 'x'", "administration command CREATE USER"),
        ("DROP INDEX ON :Role(id)", "schema command DROP INDEX"),
        ("MATCH (n) RETURN n; MATCH (m) RETURN m", "only one statement is allowed"),
        ("CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1", "IN TRANSACTIONS is not allowed"),
        ("RETURN apoc.text.join(['a'], '')", "apoc.text.join is not allowed"),
    ],
)
def test_refusals_name_the_offending_clause(query, named):
    with pytest.raises(QueryRefused, match=named):
        check_read_only(query)


def test_refusal_gives_the_position_of_the_clause():
    with pytest.raises(QueryRefused, match=r"\(line 2, column 1\)"):
        check_read_only("MATCH (n:Role)\nSET n.x = 1")


@pytest.mark.parametrize("query", ["", "   ", "// only a comment", "/* nothing */", ";"])
def test_empty_query_is_refused_with_a_helpful_message(query):
    with pytest.raises(QueryRefused, match="the query is empty"):
        check_read_only(query)


def test_unterminated_string_is_a_syntax_error_with_position():
    with pytest.raises(QueryFailed) as caught:
        check_read_only("MATCH (n)\nRETURN 'open")
    assert (caught.value.line, caught.value.column) == (2, 8)


def test_keyword_used_as_alias_gets_a_backquote_hint():
    with pytest.raises(QueryRefused, match="write it in backquotes"):
        check_read_only("MATCH (n) RETURN n.title AS set")


def test_trailing_semicolon_is_removed_for_the_engine():
    assert check_read_only("MATCH (n) RETURN n ;  ") == "MATCH (n) RETURN n   "


def test_tokenizer_keeps_strings_and_backquoted_names_whole():
    tokens = tokenize("RETURN 'it''s', \"a\\\"b\", `we``ird` // c")
    assert [t.kind for t in tokens] == ["word", "string", "string", "punct", "string", "punct", "name"]


def test_slow_query_is_stopped_within_its_time_limit(engine_sample_store):
    limit_ms = 300
    started = time.perf_counter()

    with pytest.raises(QueryTimeout) as caught:
        run_analyst_query(
            engine_sample_store,
            "UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b RETURN count(*)",
            time_limit_ms=limit_ms,
        )

    elapsed = time.perf_counter() - started
    assert elapsed < limit_ms / 1000 + 2.0
    assert caught.value.time_limit_ms == limit_ms
    assert isinstance(caught.value, CypherError)


def test_row_limit_truncates_to_exactly_max_rows(engine_sample_store):
    result = run_analyst_query(engine_sample_store, "UNWIND range(1, 50) AS x RETURN x", max_rows=10)

    assert result.truncated
    assert result.rows == [[x] for x in range(1, 11)]


def test_row_limit_not_reached_is_not_truncated(engine_sample_store):
    result = run_analyst_query(engine_sample_store, "UNWIND range(1, 50) AS x RETURN x", max_rows=50)

    assert not result.truncated
    assert len(result.rows) == 50


def test_a_call_cannot_raise_the_limits_above_the_stores(engine_sample_store):
    result = run_analyst_query(engine_sample_store, "UNWIND range(1, 5000) AS x RETURN x", max_rows=10**6)

    assert result.truncated
    assert len(result.rows) == engine_sample_store.default_max_rows
