"""The one writer for both stores: a snapshot in, exactly that graph in the store.

Steps: the store's own DDL (an index/unique constraint on ``id`` per label, before any write); then per
label (nodes first) and per (type, start label, end label) for relationships, one read of what the
store holds of it (count, every ``sync_hash``, how many carry another ``sync_id``; no properties):

* nothing stored (a first sync): plain ``UNWIND $rows ... CREATE`` in batches, no MERGE (MERGE
  when the snapshot holds a key twice);
* the stored hashes are exactly the snapshot's (an unchanged re-sync): nothing is sent, or, when
  the sync id is new, one statement that sets it on the whole label or key;
* otherwise batch by batch: a stamp with ids and hashes only (no properties) sets the new ``sync_id``
  where the stored ``sync_hash`` is the snapshot's, and answers how many it stamped; when that is
  the whole batch nothing else is sent; else one read of the batch's stored hashes (``fetch_all``,
  compared client-side) picks the new or changed rows, and only those go out with all their
  properties in ``UNWIND $rows ... MERGE``.

Last, removal of everything a previous sync left (``sync_id`` differs), unless the store was empty.

Every element carries ``sync_id`` (the snapshot's build time and content digest) and ``sync_hash`` (a
digest of its label or type, its key and its properties, so equal hashes mean equal elements). An
element whose stored hash equals the snapshot's only gets the new ``sync_id``, so a re-sync of the
same snapshot sends no property rows and reports no updates.

The writer trusts ``sync_hash``: a property edited by hand without touching ``sync_hash`` is not
noticed and stays as edited until the element changes in a snapshot (as before, when the store
compared the hashes in the upsert). Set the element's ``sync_hash`` to any other value (e.g.
``''``; counted as updated) to have it rewritten. The upsert compares the hashes
again and counts created/updated itself, so when the read disagrees with the stamp (the store
changed in between) the whole batch is upserted and the counts stay exact.
"""

from __future__ import annotations

import functools
import hashlib
import operator
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from graph.errors import CypherError
from graph.memory import no_cycle_collection
from graph.model import NodeLabel, Relationship, RelType, Snapshot
from graph.properties import node_properties, relationship_properties, store_value
from graph.stores.base import Store
from graph.stores.rows import engine_id_relationship_rows, node_rows, relationship_fields, relationship_rows

__all__ = [
    "ElementCounts",
    "Progress",
    "SyncPlan",
    "SyncResult",
    "is_synced",
    "node_properties",
    "plan_sync",
    "relationship_properties",
    "store_value",
    "sync_snapshot",
]

Progress = Callable[[str, int, int], None]
"""``progress(phase, done, total)``: phase is "nodes", "relationships" or "cleanup"."""


RelationshipKey = tuple[RelType, NodeLabel, NodeLabel]


def _per_relationship_key(statement: Callable[[RelType, NodeLabel, NodeLabel], str]) -> dict[RelationshipKey, str]:
    """One statement per (relationship type, start label, end label), all built once at import."""
    return {(t, a, b): statement(t, a, b) for t in RelType for a in NodeLabel for b in NodeLabel}


def _matched_ends(start: NodeLabel, end: NodeLabel) -> str:
    """Each ``row`` of ``$rows`` with its relationship's ends matched by id as ``a`` and ``b``."""
    return f"UNWIND $rows AS row\nMATCH (a:{start.value} {{id: row.start}})\nMATCH (b:{end.value} {{id: row.end}})\n"


_CHANGE = """WITH {var}, row, {var}.sync_hash AS old
SET {var} += CASE WHEN old = row.hash THEN {{sync_id: $sync_id}} ELSE row.props END
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN old IS NOT NULL AND old <> row.hash THEN 1 ELSE 0 END) AS updated"""

NODE_UPSERT: dict[NodeLabel, str] = {
    label: f"UNWIND $rows AS row\nMERGE (n:{label.value} {{id: row.id}})\n" + _CHANGE.format(var="n")
    for label in NodeLabel
}
RELATIONSHIP_UPSERT: dict[RelationshipKey, str] = _per_relationship_key(
    lambda rel_type, start, end: (
        _matched_ends(start, end)
        + f"MERGE (a)-[r:{rel_type.value}]->(b)\n" + _CHANGE.format(var="r")
    )
)
NODE_STORED: dict[NodeLabel, str] = {
    label: f"UNWIND $ids AS id\nMATCH (n:{label.value} {{id: id}})\nRETURN collect([n.id, n.sync_hash])"
    for label in NodeLabel
}
"""Stored ``[id, sync_hash]`` of a batch of the snapshot's ids, as one row (no result-set cap applies)."""
RELATIONSHIP_STORED: dict[RelationshipKey, str] = _per_relationship_key(
    lambda rel_type, start, end: (
        "UNWIND $ids AS id\n"
        f"MATCH (a:{start.value} {{id: id}})-[r:{rel_type.value}]->(b:{end.value})\n"
        "RETURN collect([a.id, b.id, r.sync_hash])"
    )
)
"""Stored ``[start id, end id, sync_hash]`` leaving a batch of the snapshot's start ids, as one row."""
NODE_STAMP: dict[NodeLabel, str] = {
    label: f"UNWIND $rows AS row\nMATCH (n:{label.value} {{id: row.id}}) WHERE n.sync_hash = row.hash\n"
    "SET n.sync_id = $sync_id\nRETURN count(n)"
    for label in NodeLabel
}
RELATIONSHIP_STAMP: dict[RelationshipKey, str] = _per_relationship_key(
    lambda rel_type, start, end: (
        _matched_ends(start, end)
        + f"MATCH (a)-[r:{rel_type.value}]->(b) WHERE r.sync_hash = row.hash\n"
        "SET r.sync_id = $sync_id\nRETURN count(r)"
    )
)
_HASHES = (
    "RETURN count({var}), collect({var}.sync_hash), sum(CASE WHEN {var}.sync_id = $sync_id THEN 0 ELSE 1 END)"
)
NODE_HASHES: dict[NodeLabel, str] = {
    label: f"MATCH (n:{label.value})\n" + _HASHES.format(var="n") for label in NodeLabel
}
RELATIONSHIP_HASHES: dict[RelationshipKey, str] = _per_relationship_key(
    lambda rel_type, start, end: f"MATCH (:{start.value})-[r:{rel_type.value}]->(:{end.value})\n"
    + _HASHES.format(var="r")
)
"""How many elements of a label / key are stored, their ``sync_hash`` (one row), how many carry another sync id.

An element's hash covers its label or type, its key and its properties, so when the stored hashes are
the snapshot's (as multisets) the store holds exactly the snapshot's elements of that label or key.
"""
NODE_RESTAMP: dict[NodeLabel, str] = {
    label: f"MATCH (n:{label.value})\nSET n.sync_id = $sync_id" for label in NodeLabel
}
RELATIONSHIP_RESTAMP: dict[RelationshipKey, str] = _per_relationship_key(
    lambda rel_type, start, end: f"MATCH (:{start.value})-[r:{rel_type.value}]->(:{end.value})\n"
    "SET r.sync_id = $sync_id"
)
"""The new sync id on every element of a label / key whose stored hashes are exactly the snapshot's."""
NODE_CREATE: dict[NodeLabel, str] = {
    label: f"UNWIND $rows AS row\nCREATE (n:{label.value})\nSET n = row, n.sync_id = $sync_id\nRETURN count(n)"
    for label in NodeLabel
}
RELATIONSHIP_CREATE: dict[RelationshipKey, str] = _per_relationship_key(
    lambda rel_type, start, end: (
        _matched_ends(start, end)
        + f"CREATE (a)-[r:{rel_type.value}]->(b)\n"
        "SET r = row.props, r.sync_id = $sync_id\nRETURN count(r)"
    )
)
"""A label / key the store holds nothing of, with no key twice in the snapshot: plain CREATE, no MERGE.

Rows are :mod:`graph.stores.rows` JSON: a node's stored properties, a relationship's ends and properties.
"""
_INLINE_PROPERTIES = ", ".join(f"{name}: row[{i}]" for i, name in enumerate(relationship_fields(), start=2))
RELATIONSHIP_CREATE_BY_INTERNAL_ID: dict[RelationshipKey, str] = _per_relationship_key(
    lambda rel_type, start, end: (
        "UNWIND $rows AS row\n"
        "WITH row, row[0] AS s, row[1] AS e\n"
        f"MATCH (a:{start.value}) WHERE id(a) = s\n"
        f"MATCH (b:{end.value}) WHERE id(b) = e\n"
        f"CREATE (a)-[r:{rel_type.value} {{{_INLINE_PROPERTIES}, sync_id: $sync_id}}]->(b)\n"
        "RETURN count(r)"
    )
)
"""The same on FalkorDB, the ends matched by the engine's own node ids (a seek, not an index lookup).

FalkorDB's index lookup by ``id`` costs more than creating the relationship; its id seek almost nothing
(it needs the ids projected by ``WITH`` first, as here). The rows are lists
(:func:`~graph.stores.rows.engine_id_relationship_rows`) and the properties are given in the CREATE
pattern, in the order ``SET r = row.props`` stores them (a null stores nothing, as there): a third less
engine time than a map per row and a ``SET``. Neo4j keeps :data:`RELATIONSHIP_CREATE`.
"""
NODE_INTERNAL_IDS: dict[NodeLabel, str] = {
    label: f"MATCH (n:{label.value})\nRETURN collect([n.id, id(n)])" for label in NodeLabel
}
"""Every node of a label as ``[id, engine id]``, as one row (FalkorDB's result-set cap counts rows)."""
NODE_PRUNE: dict[NodeLabel, str] = {
    label: f"MATCH (n:{label.value}) WHERE n.sync_id IS NULL OR n.sync_id <> $sync_id "
    "WITH n LIMIT $limit DETACH DELETE n RETURN count(*)"
    for label in NodeLabel
}
RELATIONSHIP_PRUNE: dict[RelType, str] = {
    rel_type: f"MATCH ()-[r:{rel_type.value}]->() WHERE r.sync_id IS NULL OR r.sync_id <> $sync_id "
    "WITH r LIMIT $limit DELETE r RETURN count(*)"
    for rel_type in RelType
}


class ElementCounts(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    @property
    def changes(self) -> int:
        return self.created + self.updated + self.deleted

    def add(self, other: ElementCounts) -> ElementCounts:
        return ElementCounts(**{key: getattr(self, key) + getattr(other, key) for key in type(self).model_fields})


class SyncResult(BaseModel):
    """What one sync did, per node label and relationship type."""

    engine: str
    sync_id: str
    batch_size: int
    nodes: dict[str, ElementCounts] = Field(default_factory=dict)
    relationships: dict[str, ElementCounts] = Field(default_factory=dict)
    skipped_relationships: int = Field(default=0, description="Relationships whose ends are not in the snapshot.")
    statements: int = Field(default=0, description="Round-trips to the store (reads included).")
    property_rows: int = Field(default=0, description="Rows sent with all their properties (new or changed).")
    stamped_rows: int = Field(
        default=0, description="Elements checked by their hash only (stamped, or found unchanged), no properties sent."
    )
    elapsed_ms: float = 0.0

    def total(self, kind: str = "all") -> ElementCounts:
        """Summed counts of ``"nodes"``, ``"relationships"`` or ``"all"``."""
        groups = {"nodes": [self.nodes], "relationships": [self.relationships]}.get(
            kind, [self.nodes, self.relationships]
        )
        total = ElementCounts()
        for group in groups:
            for counts in group.values():
                total = total.add(counts)
        return total

    @property
    def changed(self) -> bool:
        return self.total().changes > 0


def _digest(*parts: str) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\x00")
    return digest.hexdigest()[:20]


_NODE_JSON_EXCLUDE = {"sections"}
_REL_JSON_EXCLUDE = {"type", "start", "end"}


@dataclass
class SyncPlan:
    """The elements to write, grouped by statement key, each with its hash, and the sync id they carry.

    Elements are hashed once, from their JSON (in Rust), when the plan is made; the rows with all their
    properties are built batch by batch (:meth:`node_rows`, :meth:`relationship_rows`) and only for the
    elements a batch sends, so the whole plan's properties are never in memory at once.
    """

    sync_id: str
    nodes: dict[NodeLabel, list[tuple[Any, str]]]
    relationships: dict[RelationshipKey, list[tuple[Relationship, str]]]
    skipped_relationships: int = 0

    @property
    def size(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.relationships.values()))

    def node_row(self, item: tuple[Any, str]) -> dict[str, Any]:
        node, digest = item
        props = {**node_properties(node), "sync_id": self.sync_id, "sync_hash": digest}
        return {"id": node.id, "hash": digest, "props": props}

    def relationship_row(self, item: tuple[Relationship, str]) -> dict[str, Any]:
        rel, digest = item
        props = {**relationship_properties(rel), "sync_id": self.sync_id, "sync_hash": digest}
        return {"start": rel.start, "end": rel.end, "hash": digest, "props": props}


def plan_sync(snapshot: Snapshot) -> SyncPlan:
    """Group the snapshot's elements for the batched statements and hash each one once.

    Examples
    --------
    >>> from graph.model import Relationship, Role, Skill
    >>> snap = Snapshot(roles=[Role(id="role:a", title="A")], skills=[Skill(id="skill:b", name="B")],
    ...     relationships=[Relationship(type=RelType.REQUIRES_SKILL, start="role:a", end="skill:b"),
    ...                    Relationship(type=RelType.REPORTS_TO, start="role:a", end="role:gone")])
    >>> plan = plan_sync(snap)
    >>> plan.size, plan.skipped_relationships, list(plan.relationships)
    (3, 1, [(<RelType.REQUIRES_SKILL: 'REQUIRES_SKILL'>, <NodeLabel.ROLE: 'Role'>, <NodeLabel.SKILL: 'Skill'>)])
    """
    labels: dict[str, NodeLabel] = {}
    nodes: dict[NodeLabel, list[tuple[Any, str]]] = defaultdict(list)
    digests: list[str] = []  # the content digest hashes them all, in order
    sha1 = hashlib.sha1
    # The same digests as _digest(label, json) and _digest(start, type, end, json), the JSON from the
    # serialiser itself (model_dump_json's bytes) and the enum lookups done once per label and type.
    for label, node in snapshot.nodes():
        group = nodes[label]
        prefix = label.value.encode() + b"\x00"
        text = node.__pydantic_serializer__.to_json(node, exclude=_NODE_JSON_EXCLUDE)
        digest = sha1(prefix + text + b"\x00").hexdigest()[:20]
        digests.append(digest)
        labels[node.id] = label
        group.append((node, digest))
    relationships: dict[RelationshipKey, list[tuple[Relationship, str]]] = defaultdict(list)
    type_names = {rel_type: b"\x00" + rel_type.value.encode() + b"\x00" for rel_type in RelType}
    serialise = Relationship.__pydantic_serializer__.to_json
    skipped = 0
    for rel in snapshot.relationships:
        start, end = labels.get(rel.start), labels.get(rel.end)
        if start is None or end is None:
            skipped += 1
            continue
        rel_type = rel.type
        text = serialise(rel, exclude=_REL_JSON_EXCLUDE)
        digest = sha1(
            rel.start.encode() + type_names[rel_type] + rel.end.encode() + b"\x00" + text + b"\x00"
        ).hexdigest()[:20]
        digests.append(digest)
        relationships[(rel_type, start, end)].append((rel, digest))
    content = sha1("".join(digests).encode()).hexdigest()
    sync_id = f"{snapshot.built_at.isoformat()}#{content[:12]}"
    return SyncPlan(sync_id, dict(nodes), dict(relationships), skipped)


def is_synced(store: Store, snapshot: Snapshot) -> bool:
    """Whether ``store`` already holds exactly ``snapshot`` (one sync id everywhere, same counts)."""
    plan = plan_sync(snapshot)
    expected = (sum(map(len, plan.nodes.values())), sum(map(len, plan.relationships.values())))
    try:
        if store.count_elements() != expected:
            return False
        node_ids = store.run_read("MATCH (n) RETURN DISTINCT n.sync_id LIMIT 2").rows
        rel_ids = store.run_read("MATCH ()-[r]->() RETURN DISTINCT r.sync_id LIMIT 2").rows
    except CypherError:  # e.g. the graph does not exist yet
        return False
    return all(ids in ([], [[plan.sync_id]]) for ids in (node_ids, rel_ids))


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _upsert(store: Store, statement: str, rows: Sequence[dict[str, Any]], sync_id: str) -> ElementCounts:
    result = store.execute_write(statement, {"rows": list(rows), "sync_id": sync_id})
    created, updated = result.rows[0] if result.rows else (0, 0)
    created, updated = int(created or 0), int(updated or 0)
    return ElementCounts(created=created, updated=updated, unchanged=len(rows) - created - updated)


def _created_in_batches(
    store: Store,
    statement: str,
    batches: Sequence[Sequence[tuple[Any, str]]],
    encode: Callable[[Sequence[tuple[Any, str]]], bytes],
    sync_id: str,
    sent: Callable[[int, int], None],
) -> int:
    """CREATE every batch in order, the next batch encoded while the engine runs the one before.

    Each statement is started (:meth:`Store.start_write`), the next batch encoded, then the answer
    awaited. A failed statement stops the loop; when encoding fails, the statement already started
    is awaited first, so its fault (if any) is the one raised. ``sent(rows, created)`` is called
    after each statement. Returns how many were created.
    """
    created = 0
    rows = store.prepare_rows(encode(batches[0])) if batches else None
    for index, batch in enumerate(batches):
        answer = store.start_write(statement, {"rows": rows, "sync_id": sync_id})
        try:
            if index + 1 < len(batches):
                rows = store.prepare_rows(encode(batches[index + 1]))
        finally:
            result = answer()
        count = int(result.rows[0][0] or 0) if result.rows else 0
        created += count
        sent(len(batch), count)
    return created


Key = tuple[str, ...]


def _stored(store: Store, statement: str, ids: Sequence[str], batch_size: int) -> tuple[dict[Key, Any], int]:
    """``{key: sync_hash}`` stored for the snapshot's ``ids`` (node ids or start ids), and the reads run.

    Only elements the snapshot may keep are looked up (by id, through the index); anything else
    stored is stale and left to the prune step. Each read answers one row, whatever the batch size.
    """
    stored: dict[Key, Any] = {}
    statements = 0
    for start in range(0, len(ids), batch_size):
        rows = store.fetch_all(statement, {"ids": list(ids[start : start + batch_size])})
        statements += 1
        for found in rows[0][0] if rows else []:
            stored[tuple(found[:-1])] = found[-1]
    return stored, statements


def _split(
    rows: Sequence[dict[str, Any]], stored: dict[Key, Any], key_of: Callable[[dict[str, Any]], Key]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows to upsert with their properties, rows whose stored hash is the same).

    A key the snapshot holds more than once always goes to the upsert (it decides, as before).
    """
    seen: dict[Key, int] = defaultdict(int)
    for row in rows:
        seen[key_of(row)] += 1
    changed: list[dict[str, Any]] = []
    same: list[dict[str, Any]] = []
    for row in rows:
        key = key_of(row)
        unchanged = seen[key] == 1 and key in stored and stored[key] == row["hash"]
        (same if unchanged else changed).append(row)
    return changed, same


@dataclass
class _Group:
    """The statements of one label or one (type, start label, end label) and how its rows are keyed."""

    upsert: str
    stamp: str
    read: str
    hashes: str
    restamp: str
    create: str
    fields: tuple[str, ...]
    encode: Callable[..., bytes]
    key_of: RelationshipKey | None = None

    def unique(self, items: Sequence[tuple[Any, str]]) -> bool:
        """Whether no key is in ``items`` twice."""
        key = operator.attrgetter(*self.fields)
        return len({key(element) for element, _ in items}) == len(items)

    def key(self, row: dict[str, Any]) -> Key:
        return tuple(row[field] for field in self.fields)

    def read_ids(self, rows: Sequence[dict[str, Any]]) -> list[str]:
        return list(dict.fromkeys(row[self.fields[0]] for row in rows))

    def light(self, item: tuple[Any, str]) -> dict[str, Any]:
        """The row of the stamp: the element's key fields and hash, no properties."""
        element, digest = item
        return {**{field: getattr(element, field) for field in self.fields}, "hash": digest}


def _write_batch(
    store: Store,
    group: _Group,
    items: Sequence[tuple[Any, str]],
    sync_id: str,
    result: SyncResult,
    row_of: Callable[[tuple[Any, str]], dict[str, Any]],
) -> ElementCounts:
    """Stamp the unchanged elements of one batch; send only the others with their properties.

    1. The stamp sends ids and hashes; it sets ``sync_id`` where the stored hash is the snapshot's
       and answers how many it stamped. All of them: done (an unchanged re-sync stops here, and
       builds no property rows at all).
    2. Otherwise one read of the batch's stored hashes tells the new or changed rows, upserted
       with their properties. When the read disagrees with the stamp (the store changed in
       between), the whole batch is upserted: the upsert compares the hashes itself.
    """
    light = [group.light(item) for item in items]
    answer = store.execute_write(group.stamp, {"rows": light, "sync_id": sync_id})
    stamped = int(answer.rows[0][0] or 0) if answer.rows else 0
    result.statements += 1
    result.stamped_rows += len(items)
    if stamped == len(items):
        return ElementCounts(unchanged=stamped)
    stored, reads = _stored(store, group.read, group.read_ids(light), len(items))
    result.statements += reads
    changed, same = _split(light, stored, group.key)
    counts = ElementCounts(unchanged=stamped)
    if len(same) != stamped:
        changed, counts = light, ElementCounts()
    if changed:
        wanted = {id(row) for row in changed}
        rows = [row_of(item) for item, row in zip(items, light, strict=True) if id(row) in wanted]
        counts = counts.add(_upsert(store, group.upsert, rows, sync_id))
        result.statements += 1
        result.property_rows += len(rows)
    return counts


def _prune(store: Store, statement: str, sync_id: str, batch_size: int) -> tuple[int, int]:
    """Delete stale elements in batches; returns (deleted, statements run)."""
    deleted = statements = 0
    while True:
        result = store.execute_write(statement, {"sync_id": sync_id, "limit": batch_size})
        statements += 1
        count = int(result.rows[0][0]) if result.rows else 0
        deleted += count
        if count < batch_size:
            return deleted, statements


def _prune_stale(store: Store, sync_id: str, batch_size: int, result: SyncResult) -> None:
    """Delete every relationship, then every node, that does not carry ``sync_id``; count them in ``result``."""
    for rel_type in RelType:
        deleted, statements = _prune(store, RELATIONSHIP_PRUNE[rel_type], sync_id, batch_size)
        result.relationships[rel_type.value].deleted = deleted
        result.statements += statements
    for label in NodeLabel:
        deleted, statements = _prune(store, NODE_PRUNE[label], sync_id, batch_size)
        result.nodes[label.value].deleted = deleted
        result.statements += statements


@no_cycle_collection()  # the plan and the hash reads walk every element: see graph.memory
def sync_snapshot(
    store: Store, snapshot: Snapshot, *, batch_size: int = 5000, progress: Progress | None = None
) -> SyncResult:
    """Write ``snapshot`` to ``store`` so that the store holds exactly its nodes and relationships.

    Parameters
    ----------
    store : Store
        The target (embedded FalkorDB, external FalkorDB or Neo4j).
    snapshot : Snapshot
        The graph to write.
    batch_size : int
        Rows per ``UNWIND`` statement (``settings.sync_batch_size``).
    progress : callable, optional
        ``progress(phase, done, total)`` after each batch.

    Returns
    -------
    SyncResult
        Created / updated / unchanged / deleted counts per label and relationship type.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    plan = plan_sync(snapshot)
    result = SyncResult(
        engine=store.engine,
        sync_id=plan.sync_id,
        batch_size=batch_size,
        skipped_relationships=plan.skipped_relationships,
    )
    total, done = plan.size, 0

    def report(phase: str) -> None:
        if progress is not None:
            progress(phase, done, total)

    store.ensure_schema(list(NodeLabel))
    # Into an empty store nothing is stale: every element there at the end is one this sync wrote.
    empty = store.count_elements() == (0, 0)
    result.statements += 2

    def write(group: _Group, items: Sequence[tuple[Any, str]], phase: str, row_of) -> ElementCounts:
        """All of one label or key: one read of the stored hashes decides how.

        * nothing stored: plain CREATE in batches (MERGE when the snapshot holds a key twice);
        * the stored hashes are exactly the snapshot's: nothing is sent but, when the sync id is
          new, one statement that sets it on all of them;
        * otherwise batch by batch: stamp, read, upsert the new or changed (:func:`_write_batch`).
        """
        nonlocal done
        counts = ElementCounts()
        if not items:
            return counts
        answer = store.fetch_all(group.hashes, {"sync_id": plan.sync_id})
        result.statements += 1
        stored, hashes, others = answer[0] if answer else (0, [], 0)
        unique = group.unique(items)
        # the same multiset of hashes: sorted lists compare in C (Counter equality is a Python loop)
        if stored and unique and stored == len(items) and sorted(hashes) == sorted(d for _, d in items):
            if others:
                store.execute_write(group.restamp, {"sync_id": plan.sync_id})
                result.statements += 1
            result.stamped_rows += len(items)
            done += len(items)
            report(phase)
            return ElementCounts(unchanged=len(items))
        if not stored and unique:
            return create(group, items, phase)
        for batch in _batches(items, batch_size):
            if not stored:
                rows = [row_of(item) for item in batch]
                counts = counts.add(_upsert(store, group.upsert, rows, plan.sync_id))
                result.statements += 1
                result.property_rows += len(batch)
            else:
                counts = counts.add(_write_batch(store, group, batch, plan.sync_id, result, row_of))
            done += len(batch)
            report(phase)
        return counts

    engine_ids: dict[NodeLabel, dict[str, int]] = {}

    def internal_ids(label: NodeLabel) -> dict[str, int]:
        """``{node id: engine id}`` of a label (read once per sync, after every node is written)."""
        if label not in engine_ids:
            answer = store.fetch_all(NODE_INTERNAL_IDS[label])
            result.statements += 1
            engine_ids[label] = {node_id: int(internal) for node_id, internal in (answer[0][0] if answer else [])}
        return engine_ids[label]

    def create(group: _Group, items: Sequence[tuple[Any, str]], phase: str) -> ElementCounts:
        """A label or key the store holds nothing of: CREATE in batches of JSON rows, encoding overlapped."""
        statement, encode = group.create, functools.partial(group.encode, style=store.row_keys)
        if group.key_of is not None and store.seeks_internal_ids:
            _, start, end = group.key_of
            starts, ends = internal_ids(start), internal_ids(end)
            if all(rel.start in starts and rel.end in ends for rel, _ in items):
                statement = RELATIONSHIP_CREATE_BY_INTERNAL_ID[group.key_of]
                encode = functools.partial(engine_id_relationship_rows, starts=starts, ends=ends)

        def sent(rows: int, created: int) -> None:
            nonlocal done
            result.statements += 1
            result.property_rows += rows
            done += rows
            report(phase)

        created = _created_in_batches(store, statement, list(_batches(items, batch_size)), encode, plan.sync_id, sent)
        return ElementCounts(created=created, unchanged=len(items) - created)

    for label in NodeLabel:
        group = _Group(NODE_UPSERT[label], NODE_STAMP[label], NODE_STORED[label], NODE_HASHES[label],
                       NODE_RESTAMP[label], NODE_CREATE[label], ("id",), node_rows)
        items = plan.nodes.get(label, [])
        result.nodes[label.value] = write(group, items, "nodes", plan.node_row)
    rel_counts: dict[str, ElementCounts] = {rel_type.value: ElementCounts() for rel_type in RelType}
    for key, items in plan.relationships.items():
        group = _Group(RELATIONSHIP_UPSERT[key], RELATIONSHIP_STAMP[key], RELATIONSHIP_STORED[key],
                       RELATIONSHIP_HASHES[key], RELATIONSHIP_RESTAMP[key], RELATIONSHIP_CREATE[key], ("start", "end"),
                       relationship_rows, key)
        counts = write(group, items, "relationships", plan.relationship_row)
        rel_counts[key[0].value] = rel_counts[key[0].value].add(counts)
    result.relationships = rel_counts
    if not empty:
        _prune_stale(store, plan.sync_id, batch_size, result)
    report("cleanup")
    result.elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
    return result
