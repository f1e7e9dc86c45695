"""Management competencies and KPIs stated in prose, and reporting lines in linked or 'acts as' wordings.

Expectations written by hand from reading the documents named: the DoSomething Director of Engineering
("accountable for ... metrics such as product development cycle time, operational health, hiring and
retention"), the vorcigernix Engineering Manager ("CvD = committed versus delivered: metric showing ..."),
GitLab's Senior Distinguished Engineer pages ("This role reports to [Senior Director, Engineering](...) or
[Director, Engineering](...)", "reports to and acts as the individual contributor equivalent of a Senior
Director or Director, Infrastructure role").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract import Matcher
from graph.model import RelType
from graph.pipeline import build_snapshot
from loaders import load_paths
from loaders.load import load_file
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(DEFAULT_TAXONOMY_DIR)


@pytest.fixture(scope="module")
def matcher(taxonomy):
    return Matcher.from_taxonomy(taxonomy)


def _page(*parts):
    path = CORPUS.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"the shared corpus is missing: expected {path}")
    return path


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Experience managing a team of developers", "people leadership"),
        ("Help engineers grow their skills and experience", "career development"),
        ("Performs 1:1's with all reports every 2-5 weeks", "one-on-ones"),
        ("Creative thinker and problem solver", "problem solving"),
        ("Provide constructive, actionable feedback to your reports", "giving feedback"),
    ],
)
def test_a_verb_and_its_object_name_a_management_competency(matcher, text, skill):
    assert skill in [m.canonical for m in matcher.find(text)]


def test_a_gapped_alias_stays_inside_its_clause(matcher):
    assert "people leadership" not in [m.canonical for m in matcher.find("Manage the budget. Team offsites too.")]
    assert "people leadership" not in [m.canonical for m in matcher.find("Manage costs for every one of the teams")]


def _kpis(snapshot, title):
    role = next(r for r in snapshot.roles if r.title == title)
    nodes = {k.id: k.name for k in snapshot.kpis}
    return {nodes[r.end] for r in snapshot.relationships if r.type == RelType.MEASURED_BY and r.start == role.id}


def test_kpis_listed_in_a_prose_sentence_are_kpis(taxonomy):
    page = _page("diverse", "jd", "DoSomething__darwin__director-of-engineering.md")
    snapshot = build_snapshot(load_paths([page], root=CORPUS), taxonomy)
    kpis = {k.lower() for k in _kpis(snapshot, "Director of Engineering")}
    assert {"operational health", "hiring", "retention"} <= kpis
    assert any("cycle time" in k for k in kpis)


def test_a_defined_metric_is_a_kpi(taxonomy):
    page = _page("diverse", "jd", "vorcigernix__engineeringroles__engineering_manager.md")
    snapshot = build_snapshot(load_paths([page], root=CORPUS), taxonomy)
    assert "committed versus delivered" in {k.lower() for k in _kpis(snapshot, "Engineering Manager")}


def test_reports_to_a_linked_title_and_to_the_role_it_acts_as_the_equivalent_of():
    senior = load_file(
        _page("gitlab-job-families", "engineering", "development", "management", "senior-distinguished.md"),
        root=CORPUS,
    )
    (role,) = senior.roles
    assert [r.title for r in role.reports_to] == ["Senior Director, Engineering", "Director, Engineering"]
    infra = load_file(
        _page("gitlab-job-families", "engineering", "infrastructure", "distinguished-engineer.md"), root=CORPUS
    )
    roles = {r.title: r for r in infra.roles}
    senior_infra = next(r for t, r in roles.items() if t.startswith("Senior Distinguished"))
    assert [r.title for r in senior_infra.reports_to] == ["Senior Director", "Director, Infrastructure"]
    plain = next(r for t, r in roles.items() if t.startswith("Distinguished"))
    assert plain.reports_to == []  # "reports to Director-level managers" names no title


def test_extends_that_of_a_role_on_the_same_page_inherits_its_skills(taxonomy):
    page = _page("gitlab-job-families", "engineering", "infrastructure", "distinguished-engineer.md")
    snapshot = build_snapshot(load_paths([page], root=CORPUS), taxonomy)
    senior = next(r for r in snapshot.roles if r.title.startswith("Senior Distinguished"))
    names = {s.id: s.name for s in snapshot.skills}
    inherited = {
        names[r.end]
        for r in snapshot.relationships
        if r.type == RelType.REQUIRES_SKILL and r.start == senior.id and r.method == "inferred"
    }
    assert {"Terraform", "Kubernetes", "BigQuery"} <= inherited  # "Extends that of the Distinguished Engineer ..."
