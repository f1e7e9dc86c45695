"""Tracks, levels, references and inheritance on the issue-10 fixtures, and validate's grouping.

Expectations written by hand from ``tests/loaders/fixtures/issue10``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import RelType
from graph.pipeline import build_snapshot
from graph.pipeline.levels import classify_level
from graph.pipeline.titles import title_key
from graph.validate import group_by_cause, validate_snapshot
from loaders import load_paths
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy

FIXTURES = Path(__file__).resolve().parents[1] / "loaders" / "fixtures" / "issue10"


@pytest.fixture(scope="module")
def snapshot():
    return build_snapshot(load_paths([FIXTURES], root=FIXTURES), load_taxonomy(DEFAULT_TAXONOMY_DIR))


def _by_title(snapshot):
    return {role.title: role for role in snapshot.roles}


def _edges(snapshot, rel_type, method=None):
    titles = {role.id: role.title for role in snapshot.roles}
    return {
        (titles[r.start], titles[r.end])
        for r in snapshot.relationships
        if r.type == rel_type and (method is None or r.method == method) and r.start in titles and r.end in titles
    }


def test_product_manager_is_an_individual_contributor_ranked_by_its_level(snapshot):
    roles = _by_title(snapshot)
    assert [roles[t].track for t in ("Product Manager", "Senior Product Manager", "Principal Product Manager")] == [
        "ic",
        "ic",
        "ic",
    ]
    assert roles["Senior Product Manager"].level == "Senior"
    assert roles["Senior Product Manager"].level_rank < roles["Principal Product Manager"].level_rank
    assert (roles["Senior Manager, Product Management"].track, roles["Senior Manager, Product Management"].level) == (
        "management",
        "Senior Manager",
    )


def test_senior_product_manager_is_promoted_along_the_ic_ladder(snapshot):
    promotes = _edges(snapshot, RelType.PROMOTES_TO)
    assert ("Senior Product Manager", "Principal Product Manager") in promotes
    assert not {p for p in promotes if p[0] == "Senior Product Manager" and p[1] == "Product Manager"}
    reports = _edges(snapshot, RelType.REPORTS_TO)
    assert ("Principal Product Manager", "Senior Product Manager") not in reports


def test_an_ic_title_and_a_management_title_of_the_same_words_are_two_roles(snapshot):
    roles = _by_title(snapshot)
    assert roles["FP&A Manager"].id != roles["Manager, FP&A"].id
    assert (roles["FP&A Manager"].track, roles["Manager, FP&A"].track) == ("ic", "management")
    # ...while a team name in front of "Manager" is still the comma form of the same role.
    assert title_key("Infrastructure Manager") == title_key("Manager, Infrastructure")


@pytest.mark.parametrize(
    ("title", "track"),
    [
        ("Senior Product Manager", "ic"),
        ("Technical Program Manager", "ic"),
        ("Customer Success Manager", "ic"),
        ("Senior Manager, Product", "management"),
        ("Engineering Manager", "management"),
        ("Director of Product Management", "management"),
    ],
)
def test_track_of_titles_ending_in_manager(title, track):
    assert classify_level(title).track == track


def test_plural_references_resolve_to_the_singular_role(snapshot):
    reports = _edges(snapshot, RelType.REPORTS_TO, method="stated")
    assert ("MLOps Engineer", "MLOps Manager") in reports  # "Manages: MLOps Engineers, ..."
    assert ("Senior MLOps Engineer", "MLOps Manager") in reports


def test_abbreviated_and_employer_suffixed_references_resolve(snapshot):
    reports = _edges(snapshot, RelType.REPORTS_TO, method="stated")
    assert ("Associate Security Engineer", "Sr. Director, Security Engineering") in reports
    assert ("Sr. Director, Security Engineering", "Vice President, Security") in reports


def test_next_roles_from_a_heading_followed_by_prose(snapshot):
    promotes = _edges(snapshot, RelType.PROMOTES_TO, method="stated")
    assert {("MLOps Engineer", "Senior MLOps Engineer"), ("MLOps Engineer", "Head of Data Engineering")} <= promotes
    assert ("MLOps Manager", "Head of Data Engineering") in promotes  # "**Next step:** Head of Data Engineering."


def _inherited(snapshot, title):
    role = _by_title(snapshot)[title]
    skills = {s.id: s.name for s in snapshot.skills}
    return {
        skills[r.end]: r
        for r in snapshot.relationships
        if r.type == RelType.REQUIRES_SKILL and r.start == role.id and r.method == "inferred"
    }


def test_extends_the_role_at_the_start_of_a_line_inherits(snapshot):
    senior = _inherited(snapshot, "Senior MLOps Engineer")
    assert "Terraform" in senior
    assert senior["Terraform"].evidence.startswith("Extends the MLOps Engineer role")
    security = _inherited(snapshot, "Security Engineer")
    assert "bug bounty" in security


def test_validate_groups_findings_by_cause(snapshot):
    groups = group_by_cause(validate_snapshot(snapshot))
    unresolved = [f.message for f in groups["unresolved-reference"]]
    assert any("'ML Platform Engineer'" in m for m in unresolved)
    assert any("'Data Engineer'" in m and "nearest loaded title" in m for m in unresolved)
    assert [f.line for f in groups["grade-not-understood"]] == [57]
    assert "security-job-family.md" in {f.path for f in groups["decorated-title"]}
    assert "no-skills" in groups
    causes = list(groups)
    assert causes.index("unresolved-reference") < causes.index("no-skills") < causes.index("decorated-title")
