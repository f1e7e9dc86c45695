"""The first sync's CREATE batches (graph/stores/rows.py) store exactly what the upsert path stores."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from graph.errors import InvalidParameter, StoreError
from graph.model import Evidence, NodeLabel, Relationship, RelType, Role, Skill, Snapshot
from graph.stores import writer
from graph.stores.base import Store
from graph.stores.rows import node_rows, relationship_rows
from graph.stores.writer import node_properties, plan_sync, relationship_properties, sync_snapshot
from tests.stores.conftest import falkordb_graph, record_writes
from tests.stores.test_writer import dump, expected, visible

AWKWARD = 'Says "id": `x`, {"a": 1}\\ tab\there, line\nbreak, bell\x07, é ✓ 🚀'


def awkward_snapshot() -> Snapshot:
    """Text a literal must escape, places of every kind, a role with track evidence, an empty source."""
    roles = [
        Role(
            id="role:a",
            title=AWKWARD,
            summary="\x01\x1f",
            aliases=["A1", AWKWARD],
            track="ic",
            track_at=Evidence(source="a.md", line=2, evidence="an IC track"),
            grade=-3,
            level_rank=2**62,
        ),
        Role(id="role:b", title="B", summary=""),
    ]
    skills = [Skill(id="skill:go", name="Go", aliases=[]), Skill(id="skill:x", name=AWKWARD, category=AWKWARD)]
    rels = [
        Relationship(type=RelType.REQUIRES_SKILL, start="role:a", end="skill:go", source="a.md", line=4,
                     evidence=AWKWARD, weight=0.25, mentions=3, method="extracted", confidence=0.35),
        Relationship(type=RelType.REQUIRES_SKILL, start="role:b", end="skill:go", source="m.pdf", line=0, page=2,
                     paragraph=5, evidence="p"),
        Relationship(type=RelType.REQUIRES_SKILL, start="role:b", end="skill:x", source="m.xlsx", sheet="Matrix",
                     row=4, column=3, evidence="cell"),
        Relationship(type=RelType.REPORTS_TO, start="role:a", end="role:b", source="", line=7),
        Relationship(type=RelType.PROMOTES_TO, start="role:a", end="role:b"),
    ]
    return Snapshot(roles=roles, skills=skills, relationships=rels)


def _without_none(props: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if value is not None}


@pytest.mark.parametrize("snapshot", ["sample", "awkward"])
def test_rows_hold_the_stored_properties_of_every_element_and_its_hash(snapshot, sample_snapshot):
    snap = sample_snapshot if snapshot == "sample" else awkward_snapshot()
    plan = plan_sync(snap)

    for items in plan.nodes.values():
        got = orjson.loads(node_rows(items))
        assert got == [{**_without_none(node_properties(node)), "sync_hash": digest} for node, digest in items]
    for items in plan.relationships.values():
        got = orjson.loads(relationship_rows(items))
        want = [
            {"start": rel.start, "end": rel.end,
             "props": {**_without_none(relationship_properties(rel)), "sync_hash": digest}}
            for rel, digest in items
        ]
        assert got == want


def test_a_relationships_place_is_its_location_in_words(sample_snapshot):
    for rel in [*sample_snapshot.relationships, *awkward_snapshot().relationships]:
        assert rel.place == str(rel.location)


def _upserted(store, snapshot: Snapshot) -> None:
    """Sync ``snapshot`` through the upsert path (dict rows, MERGE): every label and key already holds a stray."""
    plan = plan_sync(snapshot)
    for label in plan.nodes:
        store.execute_write(f"CREATE (:{label.value} {{id: 'stray:' + $label}})", {"label": label.value})
    for rel_type, start, end in plan.relationships:
        store.execute_write(
            f"MATCH (a:{start.value}), (b:{end.value}) WITH a, b LIMIT 1 CREATE (a)-[:{rel_type.value}]->(b)"
        )
    result = sync_snapshot(store, snapshot)
    assert result.total().created == plan.size  # nothing went through the CREATE path


@pytest.mark.parametrize("snapshot", ["sample", "awkward"])
def test_first_sync_by_create_stores_the_same_graph_as_the_upsert_path(falkordb_url, sample_snapshot, snapshot):
    snap = sample_snapshot if snapshot == "sample" else awkward_snapshot()
    created, upserted = falkordb_graph(falkordb_url, "rows_create"), falkordb_graph(falkordb_url, "rows_upsert")
    try:
        for opened in (created, upserted):
            opened.delete_graph()
        first = sync_snapshot(created, snap, batch_size=2)
        _upserted(upserted, snap)

        assert first.property_rows == plan_sync(snap).size
        assert dump(created) == dump(upserted)  # every property, sync_id and sync_hash included
        nodes, rels = dump(created)
        want_nodes, want_rels = expected(snap)
        assert {key: visible(props) for key, props in nodes.items()} == want_nodes
        assert {key: visible(props) for key, props in rels.items()} == want_rels
        assert created.count_elements() == (len(snap.nodes()), len(snap.relationships))

        again = sync_snapshot(created, snap, batch_size=2)
        assert not again.changed and again.property_rows == 0
        assert dump(created) == dump(upserted)
    finally:
        for opened in (created, upserted):
            opened.delete_graph()
            opened.close()


def test_relationships_go_by_engine_ids_on_falkordb_and_by_node_ids_elsewhere(store, sample_snapshot):
    sent = record_writes(store)
    sync_snapshot(store, sample_snapshot)

    by_engine_id = [q for q in sent if q in writer.RELATIONSHIP_CREATE_BY_INTERNAL_ID.values()]
    by_node_id = [q for q in sent if q in writer.RELATIONSHIP_CREATE.values()]
    if store.engine == "falkordb":
        assert by_engine_id and not by_node_id
    else:
        assert by_node_id and not by_engine_id


def test_a_failing_batch_stops_the_first_sync_with_the_reason_and_a_resync_repairs_it(store, sample_snapshot):
    last = sample_snapshot.roles[-1].model_copy(update={"level_rank": 2**70})
    broken = sample_snapshot.model_copy(update={"roles": [*sample_snapshot.roles[:-1], last]})
    with pytest.raises(InvalidParameter, match="level_rank"):
        sync_snapshot(store, broken, batch_size=2)

    sync_snapshot(store, sample_snapshot, batch_size=2)
    nodes, rels = dump(store)
    want_nodes, want_rels = expected(sample_snapshot)
    assert {key: visible(props) for key, props in nodes.items()} == want_nodes
    assert {key: visible(props) for key, props in rels.items()} == want_rels


def test_a_write_started_on_a_thread_answers_as_execute_write_and_raises_its_fault(store):
    """The portable way to start a write (Store.start_write, Neo4j's): the answer or the engine's refusal."""
    store.ensure_schema([NodeLabel.ROLE])
    create = "CREATE (n:Role {id: $id}) RETURN n.id"

    assert Store.start_write(store, create, {"id": "role:t"})().rows == [["role:t"]]
    refused = Store.start_write(store, create, {"id": "role:t"})
    with pytest.raises(StoreError):
        refused()  # the unique constraint on Role.id
    assert store.count_elements() == (1, 0)
