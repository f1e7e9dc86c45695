"""The writer's re-sync: only new or changed elements travel with their properties, the rest is stamped."""

from __future__ import annotations

from graph.model import Relationship, RelType, Role, Snapshot
from graph.stores import writer
from graph.stores.base import Store
from graph.stores.writer import sync_snapshot
from tests.stores.conftest import record_writes
from tests.stores.test_writer import dump, expected, visible

EDITED_ROLE = "role:vp-infrastructure"


def _size(snapshot: Snapshot) -> int:
    return len(snapshot.nodes()) + len(snapshot.relationships)


def _edit_one_role(snapshot: Snapshot) -> Snapshot:
    roles = [
        role.model_copy(update={"summary": "Owns infrastructure."}) if role.id == EDITED_ROLE else role
        for role in snapshot.roles
    ]
    return snapshot.model_copy(update={"roles": roles})


def _title(store: Store, role_id: str) -> str:
    return store.run_read("MATCH (n:Role {id: $id}) RETURN n.title", {"id": role_id}).rows[0][0]


def test_first_sync_sends_every_element_with_its_properties(store, sample_snapshot):
    result = sync_snapshot(store, sample_snapshot)

    assert result.property_rows == _size(sample_snapshot)
    assert result.stamped_rows == 0


def test_unchanged_resync_sends_no_property_rows(store, sample_snapshot):
    first = sync_snapshot(store, sample_snapshot)
    before = dump(store)

    again = sync_snapshot(store, sample_snapshot)

    assert again.property_rows == 0
    assert again.stamped_rows == _size(sample_snapshot)
    assert again.total().unchanged == _size(sample_snapshot)
    assert not again.changed
    assert again.sync_id == first.sync_id
    assert dump(store) == before


def test_resync_after_editing_one_role_sends_exactly_that_role(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)
    edited = _edit_one_role(sample_snapshot)

    result = sync_snapshot(store, edited)

    assert result.property_rows == 1
    assert result.total().unchanged == _size(sample_snapshot) - 1
    assert result.nodes["Role"].updated == 1
    assert result.total().changes == 1
    nodes, rels = dump(store)
    assert {key: visible(props) for key, props in nodes.items()} == expected(edited)[0]
    assert {props["sync_id"] for props in [*nodes.values(), *rels.values()]} == {result.sync_id}


def test_new_sync_id_is_stamped_on_unchanged_elements(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)
    later = sample_snapshot.model_copy(update={"built_at": sample_snapshot.built_at.replace(year=2030)})

    result = sync_snapshot(store, later)

    nodes, rels = dump(store)
    assert result.property_rows == 0
    assert {props["sync_id"] for props in [*nodes.values(), *rels.values()]} == {result.sync_id}
    assert store.count_elements() == (len(sample_snapshot.nodes()), len(sample_snapshot.relationships))


def test_a_property_edited_by_hand_is_trusted_until_its_sync_hash_differs(store, sample_snapshot):
    """Documented choice: the writer trusts sync_hash; change it to have the element rewritten."""
    sync_snapshot(store, sample_snapshot)
    title = _title(store, EDITED_ROLE)
    store.execute_write("MATCH (n:Role {id: $id}) SET n.title = 'Edited by hand'", {"id": EDITED_ROLE})

    trusted = sync_snapshot(store, sample_snapshot)

    assert trusted.property_rows == 0
    assert _title(store, EDITED_ROLE) == "Edited by hand"

    store.execute_write("MATCH (n:Role {id: $id}) SET n.sync_hash = ''", {"id": EDITED_ROLE})
    rewritten = sync_snapshot(store, sample_snapshot)

    assert rewritten.property_rows == 1
    assert rewritten.nodes["Role"].updated == 1
    assert _title(store, EDITED_ROLE) == title


def test_stale_elements_are_still_removed_and_counted(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)
    store.execute_write("CREATE (:Role {id: 'role:by-hand', title: 'Stray'})")
    fewer = sample_snapshot.model_copy(update={"relationships": sample_snapshot.relationships[1:]})

    result = sync_snapshot(store, fewer)

    assert result.property_rows == 0
    assert result.nodes["Role"].deleted == 1
    assert result.total("relationships").deleted == 1
    assert store.count_elements() == (len(sample_snapshot.nodes()), len(sample_snapshot.relationships) - 1)


def test_reads_stamps_and_upserts_go_in_batches(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)
    edited = _edit_one_role(sample_snapshot)

    result = sync_snapshot(store, edited, batch_size=2)

    assert result.property_rows == 1
    assert result.total().unchanged == _size(sample_snapshot) - 1
    assert result.nodes["Role"].updated == 1
    # only the edited label goes batch by batch (stamps of two rows, reads of two ids); the others are
    # found unchanged by one read of their hashes each
    assert len(sample_snapshot.roles) / 2 < result.statements < _size(sample_snapshot) / 2
    nodes, _ = dump(store)
    assert {key: visible(props) for key, props in nodes.items()} == expected(edited)[0]


def test_a_read_that_disagrees_with_the_stamp_upserts_the_whole_batch(store, sample_snapshot, monkeypatch):
    """The store changed between the stamp and the read: here the read claims nothing is stored."""
    sync_snapshot(store, sample_snapshot)
    store.execute_write("MATCH (n:Role {id: $id}) SET n.sync_hash = '', n.title = 'x'", {"id": EDITED_ROLE})
    monkeypatch.setattr(writer, "_stored", lambda *_args: ({}, 1))

    result = sync_snapshot(store, sample_snapshot)

    roles = len(sample_snapshot.roles)
    assert result.property_rows == roles
    assert result.nodes["Role"].model_dump() == {"created": 0, "updated": 1, "unchanged": roles - 1, "deleted": 0}
    assert result.total().changes == 1
    nodes, rels = dump(store)
    want_nodes, want_rels = expected(sample_snapshot)
    assert {key: visible(props) for key, props in nodes.items()} == want_nodes
    assert {key: visible(props) for key, props in rels.items()} == want_rels


def test_unchanged_resync_is_one_read_per_label_and_key_and_the_cleanup(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)
    plan = writer.plan_sync(sample_snapshot)

    again = sync_snapshot(store, sample_snapshot, batch_size=1)

    groups = len(plan.nodes) + len(plan.relationships)
    counts = 2  # nodes and relationships stored: an empty store needs no cleanup
    assert again.statements == counts + groups + len(writer.RelType) + len(writer.NodeLabel)
    assert not again.changed


def test_a_first_sync_into_an_empty_store_sends_no_cleanup(store, sample_snapshot):
    sent = record_writes(store)
    sync_snapshot(store, sample_snapshot)

    prunes = {*writer.NODE_PRUNE.values(), *writer.RELATIONSHIP_PRUNE.values()}
    assert sent and not prunes.intersection(sent)
    assert store.count_elements() == (len(sample_snapshot.nodes()), len(sample_snapshot.relationships))


def test_a_first_sync_of_an_id_given_twice_stores_one_node(store):
    roles = [Role(id="role:a", title="A"), Role(id="role:a", title="A again"), Role(id="role:b", title="B")]
    rels = [Relationship(type=RelType.REPORTS_TO, start="role:a", end="role:b")] * 2

    sync_snapshot(store, Snapshot(roles=roles, relationships=rels))

    assert store.count_elements() == (2, 1)
    assert _title(store, "role:a") in {"A", "A again"}  # which of the two wins is the engine's MERGE's choice
