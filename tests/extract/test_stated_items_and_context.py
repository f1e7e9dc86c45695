"""Stated items outside the taxonomy, KPI tables and outcome sections, and matches in the wrong context.

Expectations written by hand from ``tests/loaders/fixtures/issue10`` (blueprints in layouts the other
tests do not use): the skills a role must have, and the ones it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import RelType
from graph.pipeline import build_snapshot
from loaders import load_paths
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy

FIXTURES = Path(__file__).resolve().parents[1] / "loaders" / "fixtures" / "issue10"


@pytest.fixture(scope="module")
def snapshot():
    return build_snapshot(load_paths([FIXTURES], root=FIXTURES), load_taxonomy(DEFAULT_TAXONOMY_DIR))


def _facts(snapshot, title, rel_type=RelType.REQUIRES_SKILL):
    role = next(r for r in snapshot.roles if r.title == title)
    nodes = {n.id: n for n in [*snapshot.skills, *snapshot.kpis]}
    return {
        nodes[r.end].name: nodes[r.end]
        for r in snapshot.relationships
        if r.type == rel_type and r.start == role.id and r.method != "inferred"
    }


def test_stated_tools_outside_the_taxonomy_are_skills(snapshot):
    skills = _facts(snapshot, "MLOps Engineer")
    stated = {"Terraform", "Spark", "Kafka", "Flink", "Feast", "Tecton", "GitHub Actions"}
    stated |= {"MLflow", "Kubeflow", "Docker", "Python", "Argo Workflows"}  # the "Skills & tools" paragraph
    assert stated <= set(skills)
    assert {"data pipelines", "feature stores", "Kubernetes", "Helm", "model deployment", "model monitoring"} <= set(
        skills
    )


def test_k8s_and_kubernetes_are_one_node(snapshot):
    assert [s.name for s in snapshot.skills if s.name.lower() in {"k8s", "kubernetes"}] == ["Kubernetes"]


def test_a_stated_item_is_cleaned_to_the_skill_name(snapshot):
    names = {s.name for s in snapshot.skills}
    assert not {n for n in names if n.lower().startswith(("strong experience", "hands-on", "experience"))}
    assert "k8s in production" not in names


def test_words_in_the_wrong_context_name_no_skill(snapshot):
    skills = set(_facts(snapshot, "MLOps Engineer"))
    wrong = {
        "software architecture",  # "information architecture group"
        "scalability",  # "a rapidly scaling start-up"
        "SaaS operations",  # "Software and/or SAAS subscriptions"
        "requirements analysis",  # "business requirements"
        "ML platforms",  # "Lateral moves: ML Platform Engineer"
    }
    assert skills & wrong == set()


def test_a_career_label_line_names_no_skill(snapshot):
    """ "Reports to: MLOps Manager" and "Lateral moves: ML Platform Engineer" are no evidence of any skill."""
    ids = {r.id for r in snapshot.roles if r.title in ("MLOps Engineer", "Senior MLOps Engineer", "MLOps Manager")}
    evidences = [r.evidence for r in snapshot.relationships if r.type == RelType.REQUIRES_SKILL and r.start in ids]
    assert evidences and not [e for e in evidences if "Reports to" in e or "Lateral moves" in e or "Manages" in e]


def test_a_sentence_in_requirements_is_no_skill(snapshot):
    skills = _facts(snapshot, "MLOps Engineer")
    assert not [name for name in skills if "comfortable" in name.lower() or "trade-off" in name.lower()]


def test_kpis_of_a_table_under_how_we_measure_success(snapshot):
    kpis = _facts(snapshot, "MLOps Engineer", RelType.MEASURED_BY)
    assert {"Cost per TB processed", "Model deployment lead time", "Pipeline success rate"} <= {
        name[:1].upper() + name[1:] for name in kpis
    }
    assert "Metric" not in kpis and "down 15%" not in kpis


def test_kpis_of_success_metrics_what_success_looks_like_and_outcomes(snapshot):
    head = {name.lower() for name in _facts(snapshot, "Head of Data Engineering", RelType.MEASURED_BY)}
    assert {"cost per tb processed", "fewer failed pipeline runs quarter on quarter"} <= head
    assert "data freshness" in head  # "Data freshness SLA met for every tier-1 table": the taxonomy's indicator
    manager = {name.lower() for name in _facts(snapshot, "MLOps Manager", RelType.MEASURED_BY)}
    assert {"model deployment lead time", "share of models with monitoring"} <= manager


def test_one_kpi_node_for_the_same_indicator_in_two_documents(snapshot):
    assert len([k for k in snapshot.kpis if k.name.lower() == "cost per tb processed"]) == 1


def test_skills_are_not_read_from_kpi_tables(snapshot):
    skills = _facts(snapshot, "MLOps Engineer")
    assert "model deployment lead time" not in {name.lower() for name in skills}


def test_near_twins_outside_the_taxonomy_fold_across_documents(snapshot):
    twins = [s for s in snapshot.skills if s.name.lower().startswith("great expecta")]
    assert [(s.name, s.in_taxonomy) for s in twins] == [("Great Expectations", False)]
    ids = {r.start for r in snapshot.relationships if r.type == RelType.REQUIRES_SKILL and r.end == twins[0].id}
    titles = {r.title for r in snapshot.roles if r.id in ids}
    assert {"Head of Data Engineering", "Senior MLOps Engineer"} <= titles
