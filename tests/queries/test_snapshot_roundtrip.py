"""A saved snapshot answers every query exactly as the snapshot it was saved from, in either file layout."""

from __future__ import annotations

from itertools import islice, permutations

import networkx as nx
import orjson
import pytest

from graph import queries as q
from graph.errors import OrgKGError, SnapshotError
from graph.nx import to_networkx
from graph.orggraph import OrgGraph
from graph.queries.sample import sample_snapshot
from graph.snapshot import LAYOUT, read_parts, read_snapshot, save_snapshot


def _answers(og: OrgGraph) -> dict:
    """Every role-level answer of the graph, as JSON-ready data."""
    out = {}
    role_ids = sorted(og.roles_by_id)
    for role_id in role_ids:
        for name, query in (
            ("card", q.role_card),
            ("next", q.next_roles),
            ("similar", q.similar_roles),
            ("chain", q.reporting_chain),
            ("reports", q.reports),
            ("hood", q.neighbourhood),
        ):
            out[name, role_id] = query(og, role_id).model_dump(mode="json")
    for a, b in islice(permutations(role_ids, 2), 400):
        try:
            out["paths", a, b] = q.career_paths(og, a, b, k=3).model_dump(mode="json")
        except OrgKGError as err:
            out["paths", a, b] = repr(err)
    out["roles"] = q.list_roles(og, limit=1000).model_dump(mode="json")
    out["counts"] = og.counts()
    return out


def _graph_signature(g: nx.MultiDiGraph) -> tuple:
    return (
        sorted((n, sorted(d.items(), key=str)) for n, d in g.nodes(data=True)),
        sorted((u, v, k, sorted(d.items(), key=str)) for u, v, k, d in g.edges(keys=True, data=True)),
    )


@pytest.fixture(params=["seeds", "sample"])
def snapshot(request, seed_snapshot):
    return seed_snapshot if request.param == "seeds" else sample_snapshot()


def test_a_saved_snapshot_gives_the_same_answers_as_the_one_it_was_saved_from(snapshot, tmp_path):
    path = save_snapshot(snapshot, tmp_path / "snapshot.json")
    saved = OrgGraph.from_parts(read_parts(path))
    original = OrgGraph.from_snapshot(snapshot)
    assert _answers(saved) == _answers(original)
    assert read_snapshot(path) == snapshot
    assert saved.snapshot == snapshot
    assert _graph_signature(saved.g) == _graph_signature(to_networkx(snapshot))


def test_a_snapshot_of_the_first_layout_still_reads_to_the_same_answers(snapshot, tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_text(snapshot.model_dump_json())  # what orgkg wrote before the columnar layout
    assert read_snapshot(path) == snapshot
    old = OrgGraph.from_parts(read_parts(path))
    assert _answers(old) == _answers(OrgGraph.from_snapshot(snapshot))


def test_the_saved_file_holds_relationships_as_columns_not_objects(seed_snapshot, tmp_path):
    document = orjson.loads(save_snapshot(seed_snapshot, tmp_path / "snapshot.json").read_bytes())
    assert document["orgkg_snapshot"] == LAYOUT
    assert "relationships" not in document["snapshot"]
    columns = document["relationships"]["columns"]
    assert {"type", "start", "end", "source", "line", "evidence"} <= set(columns)
    assert all(len(c["codes"]) == len(seed_snapshot.relationships) for c in columns.values())


def test_a_snapshot_of_an_unknown_layout_is_refused_with_what_to_do(seed_snapshot, tmp_path):
    path = save_snapshot(seed_snapshot, tmp_path / "snapshot.json")
    document = orjson.loads(path.read_bytes())
    document["orgkg_snapshot"] = LAYOUT + 1
    path.write_bytes(orjson.dumps(document))
    with pytest.raises(SnapshotError, match="run `orgkg load` again"):
        read_parts(path)


def test_broken_relationship_columns_are_a_snapshot_error_naming_the_file(seed_snapshot, tmp_path):
    path = save_snapshot(seed_snapshot, tmp_path / "snapshot.json")
    document = orjson.loads(path.read_bytes())
    document["relationships"]["columns"]["end"]["codes"][0] = 10**6  # points past the values
    path.write_bytes(orjson.dumps(document))
    with pytest.raises(SnapshotError, match=str(path)):
        read_parts(path)
    path.write_bytes(b"[1, 2")
    with pytest.raises(SnapshotError, match="not a valid orgkg snapshot"):
        read_parts(path)
