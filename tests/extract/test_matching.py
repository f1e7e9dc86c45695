"""Unit tests of the matcher: normalisation, longest match, case rules, offsets."""

from __future__ import annotations

import pytest

from graph.extract import Matcher
from graph.extract.normalize import normalize_term, tokenize
from graph.model import KPIEntry, Taxonomy, TaxonomyEntry


def _names(matcher, text, kind="skill"):
    return [m.canonical for m in matcher.find(text, kind)]


@pytest.mark.parametrize("text", ["SLOs", "SLO", "slos", "Service-Level Objectives", "service level objective"])
def test_case_plural_and_punctuation_do_not_matter(matcher, text):
    assert _names(matcher, f"Define {text} for every service.") == ["SLOs"]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("error budgets", "error budgets"),
        ("error budget", "error budgets"),
        ("CI/CD", "CI/CD"),
        ("ci cd", "CI/CD"),
        ("continuous integration", "CI/CD"),
        ("IaC", "infrastructure as code"),
        ("infrastructure-as-code", "infrastructure as code"),
        ("k8s", "Kubernetes"),
        ("RCAs", "root cause analysis"),
        ("MLOps", "MLOps"),
        ("privacy-by-design", "privacy by design"),
        ("paved roads", "golden paths"),
    ],
)
def test_aliases_and_acronyms_resolve_to_the_canonical_entry(matcher, text, canonical):
    assert _names(matcher, f"Experience with {text}.") == [canonical]


def test_longest_match_wins_and_drops_the_shorter_overlaps(matcher):
    assert _names(matcher, "Own the end-to-end test strategy.") == ["test strategy"]
    assert _names(matcher, "Ruby on Rails") == ["Ruby on Rails"]
    assert _names(matcher, "privacy by design") == ["privacy by design"]


def test_no_match_inside_a_longer_word(matcher):
    assert _names(matcher, "A good, going concern with an ongoing go-for-it attitude.") == []
    assert _names(matcher, "Gitaly and GitLab") == []  # not "Git"
    assert _names(matcher, "restore the rest of it") == []  # "REST" only as written


def test_go_the_language_needs_its_capital(matcher):
    assert _names(matcher, "Write services in Go and Ruby.") == ["Go", "Ruby"]
    assert _names(matcher, "We go fast.") == []
    assert _names(matcher, "Golang experience") == ["Go"]


@pytest.mark.parametrize(("written", "prose"), [("Swift", "a swift response"), ("Chef", "our chef"), ("AI", "ai")])
def test_ambiguous_short_words_match_only_as_written(matcher, written, prose):
    assert _names(matcher, prose) == []
    assert _names(matcher, f"uses {written}") != []


def test_offsets_point_into_the_original_text(matcher):
    text = "Owns the   Service-Level\nObjectives (SLOs), CI/CD and k8s."
    matches = matcher.find(text)
    assert [text[m.start : m.end] for m in matches] == [m.surface for m in matches]
    assert [m.surface for m in matches] == ["Service-Level\nObjectives", "SLOs", "CI/CD", "k8s"]


def test_coordinated_phrases_name_both_entries(matcher):
    matches = matcher.find("incident and problem management rigor")
    assert [(m.canonical, m.surface) for m in matches] == [
        ("incident management", "incident and problem management"),
        ("problem management", "problem management"),
    ]


def test_kpis_are_a_separate_kind(matcher):
    text = "Owning the Mean Time to Production and DORA metrics such as deployment frequency."
    assert _names(matcher, text, "kpi") == ["Mean Time to Production", "DORA metrics", "deployment frequency"]
    assert "Mean Time to Production" not in _names(matcher, text)


def test_a_small_taxonomy_and_lookup():
    matcher = Matcher.from_taxonomy(
        Taxonomy(
            skills=[TaxonomyEntry(name="SLOs", category="reliability", aliases=["service level objectives"])],
            kpis=[KPIEntry(name="MTTR", aliases=["mean time to recovery"])],
        )
    )
    assert matcher.lookup("Service-Level Objective") == "SLOs"
    assert matcher.lookup("mean time to recovery", "kpi") == "MTTR"
    assert matcher.lookup("nothing") is None
    assert matcher.category("SLOs") == "reliability"
    assert matcher.find("") == []


def test_the_first_entry_wins_a_shared_key():
    matcher = Matcher.from_taxonomy(
        Taxonomy(
            skills=[
                TaxonomyEntry(name="A", category="x", aliases=["shared"]),
                TaxonomyEntry(name="B", category="x", aliases=["shared"]),
            ]
        )
    )
    assert _names(matcher, "shared") == ["A"]


def test_tokens_keep_their_spans():
    text = "GitLab's SREs: on-call"
    assert [(t.norm, text[t.start : t.end]) for t in tokenize(text)] == [
        ("gitlab", "GitLab's"),
        ("sre", "SREs"),
        ("on", "on"),
        ("call", "call"),
    ]
    assert normalize_term("Capabilities") == normalize_term("capability")
