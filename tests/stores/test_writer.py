"""The writer: the store holds exactly the snapshot, re-syncs are idempotent and remove stale elements."""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph.model import Relationship, RelType, Role, Snapshot
from graph.stores.base import HIDDEN_PROPERTIES as HIDDEN
from graph.stores.base import Store
from graph.stores.writer import node_properties, relationship_properties, sync_snapshot
from tests.stores.conftest import falkordb_graph

NODES = "MATCH (n) RETURN labels(n)[0] AS label, n.id AS id, properties(n) AS props ORDER BY id"
RELS = (
    "MATCH (a)-[r]->(b) RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props "
    "ORDER BY start, type, end"
)


def dump(store: Store) -> tuple[dict[tuple[str, str], dict], dict[tuple[str, str, str], dict]]:
    """Every node by (label, id) and every relationship by (start, type, end), with stored properties."""
    nodes = {(label, node_id): props for label, node_id, props in store.run_read(NODES).rows}
    rels = {(start, rtype, end): props for start, rtype, end, props in store.run_read(RELS).rows}
    return nodes, rels


def visible(props: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if key not in HIDDEN and value is not None}


def expected(snapshot: Snapshot) -> tuple[dict[tuple[str, str], dict], dict[tuple[str, str, str], dict]]:
    nodes = {(label.value, node.id): visible(node_properties(node)) for label, node in snapshot.nodes()}
    rels = {rel.key: visible(relationship_properties(rel)) for rel in snapshot.relationships}
    return nodes, rels


def test_sync_writes_exactly_the_snapshot_nodes_relationships_and_properties(store, sample_snapshot):
    result = sync_snapshot(store, sample_snapshot)

    nodes, rels = dump(store)
    want_nodes, want_rels = expected(sample_snapshot)
    assert {key: visible(props) for key, props in nodes.items()} == want_nodes
    assert {key: visible(props) for key, props in rels.items()} == want_rels
    counts = sample_snapshot.counts()
    assert {label: c.created for label, c in result.nodes.items()} == {label: counts[label] for label in result.nodes}
    assert {rtype: c.created for rtype, c in result.relationships.items()} == {
        rtype: counts[rtype] for rtype in result.relationships
    }
    assert store.count_elements() == (len(sample_snapshot.nodes()), len(sample_snapshot.relationships))


def test_sync_drops_sections_and_omits_none_values(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)

    nodes, _ = dump(store)
    role = nodes[("Role", "role:manager-infrastructure")]
    skill = nodes[("Skill", "skill:hiring")]
    assert "sections" not in role
    assert role["aliases"] == ["Infrastructure Manager"]
    assert "specialty" not in role  # None on the model
    assert skill["category"] == "Leadership"


def test_every_element_carries_the_sync_id_of_the_sync(store, sample_snapshot):
    result = sync_snapshot(store, sample_snapshot)

    nodes, rels = dump(store)
    assert {props["sync_id"] for props in nodes.values()} == {result.sync_id}
    assert {props["sync_id"] for props in rels.values()} == {result.sync_id}


def test_resync_of_the_same_snapshot_changes_nothing(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)
    before = dump(store)

    again = sync_snapshot(store, sample_snapshot)

    assert not again.changed
    assert again.total().unchanged == len(sample_snapshot.nodes()) + len(sample_snapshot.relationships)
    assert dump(store) == before


def _edit(snapshot: Snapshot) -> Snapshot:
    """Remove one skill from one role, rename another role (new id) and change a third role's summary."""
    renamed_from, renamed_to = "role:head-of-sre", "role:head-of-reliability"
    roles = []
    for role in snapshot.roles:
        if role.id == renamed_from:
            role = role.model_copy(update={"id": renamed_to, "title": "Head of Reliability"})
        elif role.id == "role:vp-infrastructure":
            role = role.model_copy(update={"summary": "Owns infrastructure.", "grade": None})
        roles.append(role)
    rels: list[Relationship] = []
    for rel in snapshot.relationships:
        if rel.key == ("role:sre-manager", "REQUIRES_SKILL", "skill:coaching"):
            continue
        swap = {"start": renamed_to} if rel.start == renamed_from else {}
        swap |= {"end": renamed_to} if rel.end == renamed_from else {}
        rels.append(rel.model_copy(update=swap))
    return snapshot.model_copy(update={"roles": roles, "relationships": rels})


def _diff(old: dict, new: dict, kind_of) -> dict[str, Counter]:
    diff: dict[str, Counter] = {}
    for key in old.keys() | new.keys():
        kind = kind_of(key)
        counter = diff.setdefault(kind, Counter())
        if key not in old:
            counter["created"] += 1
        elif key not in new:
            counter["deleted"] += 1
        elif old[key] != new[key]:
            counter["updated"] += 1
    return {kind: counter for kind, counter in diff.items() if counter}


def test_resync_after_an_edit_changes_exactly_the_affected_elements(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)
    edited = _edit(sample_snapshot)
    old_nodes, old_rels = expected(sample_snapshot)
    new_nodes, new_rels = expected(edited)

    result = sync_snapshot(store, edited)

    node_diff = _diff(old_nodes, new_nodes, lambda key: key[0])
    rel_diff = _diff(old_rels, new_rels, lambda key: key[1])
    got_nodes = {
        label: Counter({k: v for k, v in c.model_dump().items() if k != "unchanged" and v})
        for label, c in result.nodes.items()
        if c.changes
    }
    got_rels = {
        rtype: Counter({k: v for k, v in c.model_dump().items() if k != "unchanged" and v})
        for rtype, c in result.relationships.items()
        if c.changes
    }
    assert got_nodes == node_diff == {"Role": Counter(created=1, deleted=1, updated=1)}
    assert got_rels == rel_diff
    assert rel_diff["REQUIRES_SKILL"]["deleted"] == 4  # three moved to the new id + the removed one
    nodes, rels = dump(store)
    assert {key: visible(props) for key, props in nodes.items()} == new_nodes
    assert {key: visible(props) for key, props in rels.items()} == new_rels
    assert "grade" not in nodes[("Role", "role:vp-infrastructure")]


def test_batch_size_one_and_five_thousand_give_the_same_graph(falkordb_url, sample_snapshot):
    small = falkordb_graph(falkordb_url, "batch_one")
    large = falkordb_graph(falkordb_url, "batch_5000")
    try:
        for opened in (small, large):
            opened.delete_graph()
        one = sync_snapshot(small, sample_snapshot, batch_size=1)
        many = sync_snapshot(large, sample_snapshot, batch_size=5000)

        assert dump(small) == dump(large)
        assert one.total() == many.total()
        assert one.statements > many.statements
    finally:
        for opened in (small, large):
            opened.delete_graph()
            opened.close()


def test_sync_skips_relationships_whose_ends_are_missing(store):
    snapshot = Snapshot(
        roles=[Role(id="role:a", title="A")],
        relationships=[Relationship(type=RelType.REPORTS_TO, start="role:a", end="role:nobody")],
    )

    result = sync_snapshot(store, snapshot)

    assert result.skipped_relationships == 1
    assert store.count_elements() == (1, 0)


def test_sync_reports_progress_up_to_every_element(store, sample_snapshot):
    seen: list[tuple[str, int, int]] = []

    sync_snapshot(store, sample_snapshot, batch_size=10, progress=lambda *args: seen.append(args))

    total = len(sample_snapshot.nodes()) + len(sample_snapshot.relationships)
    assert seen[-1] == ("cleanup", total, total)
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)


def test_sync_of_an_empty_snapshot_empties_the_store(store, sample_snapshot):
    sync_snapshot(store, sample_snapshot)

    result = sync_snapshot(store, Snapshot())

    assert store.count_elements() == (0, 0)
    assert result.total().deleted == len(sample_snapshot.nodes()) + len(sample_snapshot.relationships)
