"""Issue-level expectations on the graph built from seeds/ (and on the shared corpus)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest

from api.build import build_from_documents
from api.settings import Settings
from graph.validate import validate_snapshot
from loaders.text import clean_text, collapse


def _role(snapshot, title):
    matches = [r for r in snapshot.roles if r.title == title or title in r.aliases]
    assert len(matches) == 1, f"{title!r} is {len(matches)} roles"
    return matches[0]


def _edges(snapshot, rel_type):
    return {(r.start, r.end): r for r in snapshot.relationships if r.type == rel_type}


def _chain(snapshot, rel_type, titles):
    edges = _edges(snapshot, rel_type)
    ids = [_role(snapshot, t).id for t in titles]
    return all((a, b) in edges for a, b in pairwise(ids))


@pytest.mark.parametrize(
    ("a", "b"),
    [("SRE Manager", "Site Reliability Engineering Manager"), ("Head of SRE", "Head of Site Reliability Engineering")],
)
def test_the_same_role_from_several_documents_is_one_node(seed_snapshot, a, b):
    role = _role(seed_snapshot, a)
    assert role is _role(seed_snapshot, b)
    assert len(role.sources) >= 2


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Head of SRE", "Global Head of SRE"),
        ("Head of SRE", "SRE Director"),
        ("Head of Infrastructure", "Head of Infrastructure Engineering"),
    ],
)
def test_distinct_roles_are_never_merged(seed_snapshot, a, b):
    assert _role(seed_snapshot, a).id != _role(seed_snapshot, b).id


def test_near_duplicates_are_reported_as_candidates(seed_snapshot):
    warnings = [p.message for p in seed_snapshot.problems if "possible duplicate" in p.message]
    assert any("'Head of Infrastructure Engineering' and 'Head of Infrastructure'" in w for w in warnings)


@pytest.mark.parametrize("rel_type", ["REPORTS_TO", "PROMOTES_TO"])
def test_sre_and_platform_ladders_hold(seed_snapshot, rel_type):
    assert _chain(seed_snapshot, rel_type, ["SRE Manager", "SRE Director", "Head of SRE", "Global Head of SRE"])
    assert _chain(
        seed_snapshot,
        rel_type,
        ["Platform Engineering Manager", "Head of Platform Engineering", "Global Head of Platform Engineering"],
    )


def test_grade_ladder_of_the_infrastructure_family_is_promotions(seed_snapshot):
    ladder = [
        "Manager, Infrastructure",
        "Senior Engineering Manager, Infrastructure (Platform)",
        "Director, Infrastructure (Reliability)",
        "Senior Director, Infrastructure",
        "VP of Infrastructure",
    ]
    assert [_role(seed_snapshot, t).grade for t in ladder] == [8, 9, 10, 11, 12]
    assert _chain(seed_snapshot, "PROMOTES_TO", ladder)


def test_delivery_and_scalability_managers_report_to_the_platform_senior_manager_as_stated(seed_snapshot):
    edges = _edges(seed_snapshot, "REPORTS_TO")
    senior = _role(seed_snapshot, "Senior Engineering Manager, Infrastructure (Platform)").id
    for title in ("Manager, Infrastructure (Delivery)", "Manager, Infrastructure (Scalability)"):
        edge = edges[(_role(seed_snapshot, title).id, senior)]
        assert edge.method == "extracted"
        assert edge.evidence == "Manage the Delivery and Scalability Infrastructure teams"


def test_no_reporting_or_promotion_cycles(seed_snapshot):
    for rel_type in ("REPORTS_TO", "PROMOTES_TO"):
        graph = nx.DiGraph(list(_edges(seed_snapshot, rel_type)))
        assert nx.is_directed_acyclic_graph(graph), rel_type


def test_every_role_has_one_manager_at_most_and_inferred_edges_carry_confidence(seed_snapshot):
    managers: dict[str, int] = {}
    for edge in _edges(seed_snapshot, "REPORTS_TO").values():
        managers[edge.start] = managers.get(edge.start, 0) + (edge.method == "inferred")
        if edge.method == "inferred":
            assert 0 < edge.confidence < 1 and edge.evidence.startswith("inferred:")
    assert max(managers.values()) == 1


def _file_lines(repo_root: Path, source: str) -> list[str]:
    return (repo_root / source).read_text(encoding="utf-8").splitlines()


def test_every_inferred_or_extracted_link_points_at_a_real_line_of_its_source(seed_snapshot, repo_root):
    titles = {r.id: [r.title, *r.aliases] for r in seed_snapshot.roles}
    checked = 0
    for edge in seed_snapshot.relationships:
        if edge.method not in ("inferred", "extracted") or edge.type == "IN_CATEGORY":
            continue
        lines = _file_lines(repo_root, edge.source)
        assert 1 <= edge.line <= len(lines), edge
        window = collapse(clean_text("\n".join(lines[max(0, edge.line - 4) : edge.line + 3])))
        if edge.method == "extracted":
            assert collapse(edge.evidence)[:40] in window, edge
        elif edge.evidence.startswith("inferred:"):
            line = clean_text(lines[edge.line - 1])
            assert any(t.split(" (")[0] in line for t in titles[edge.start]), edge
        else:  # inherited facts quote the sentence that says which role is extended
            assert collapse(edge.evidence)[:40] in window, edge
        checked += 1
    assert checked > 100


@pytest.fixture(scope="module")
def corpus_snapshot(corpus_dir, tmp_path_factory):
    return build_from_documents([corpus_dir], Settings(data_dir=tmp_path_factory.mktemp("corpus")), save=False)


def test_every_corpus_role_gets_a_skill(corpus_snapshot):
    with_skills = {r.start for r in corpus_snapshot.relationships if r.type == "REQUIRES_SKILL"}
    assert [r.title for r in corpus_snapshot.roles if r.id not in with_skills] == []


def test_the_corpus_validates_without_errors(corpus_snapshot):
    errors = [str(f) for f in validate_snapshot(corpus_snapshot) if f.severity == "error"]
    assert errors == []


def test_career_ladder_family_moves_are_stated_lateral_moves(corpus_snapshot):
    moves = [e for e in corpus_snapshot.relationships if e.type == "CAN_MOVE_TO"]
    titles = {r.id: r.title for r in corpus_snapshot.roles}
    sre_moves = {(titles[e.start], titles[e.end]) for e in moves if "SRE roles can also move" in e.evidence}
    assert ("Senior Site Reliability Engineer", "Manager, Infrastructure") in sre_moves
    assert all(e.method == "stated" for e in moves)
