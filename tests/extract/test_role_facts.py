"""Facts of one role: stated and extracted facts, evidence, merging and weights."""

from __future__ import annotations

import pytest

from graph.extract import extract_role_facts, sentence_around
from graph.extract.facts import MAX_KPI_ITEM_WORDS
from graph.model import Evidence, Mention, ParsedRole, Section, SectionKind

SOURCE = "roles/sre-manager.md"

RESPONSIBILITIES = """- Own the SLOs of every production service and
  their error budgets.
- Run incident management for GitLab.com. Review postmortems weekly.
- Grow the team (e.g. hiring and coaching)."""


def _mention(name, section=SectionKind.SKILLS, line=10, importance=None):
    at = Evidence(source=SOURCE, line=line, evidence=name)
    return Mention(name=name, section=section, at=at, importance=importance)


def _role(sections=(), skills=(), kpis=()):
    return ParsedRole(
        title="SRE Manager", source=SOURCE, line=1, sections=list(sections), skills=list(skills), kpis=list(kpis)
    )


def _section(text, kind=SectionKind.RESPONSIBILITIES, line=20):
    return Section(name=kind.value, kind=kind, text=text, line=line)


def _by_name(facts):
    return {fact.name: fact for fact in facts}


def test_prose_matches_carry_sentence_line_and_source(matcher):
    facts = _by_name(extract_role_facts(_role([_section(RESPONSIBILITIES)]), matcher).skills)
    budgets = facts["error budgets"]
    assert budgets.evidence.evidence == "Own the SLOs of every production service and their error budgets."
    assert budgets.evidence.line == 21  # the second line of the section
    assert budgets.evidence.method == "extracted"
    assert budgets.evidence.source == SOURCE
    assert facts["postmortems"].evidence.evidence == "Review postmortems weekly."
    assert facts["hiring"].evidence.evidence == "Grow the team (e.g. hiring and coaching)."
    assert facts["hiring"].evidence.line == 23


def test_the_evidence_line_contains_the_surface(matcher):
    lines = RESPONSIBILITIES.splitlines()
    for fact in extract_role_facts(_role([_section(RESPONSIBILITIES)]), matcher).skills:
        line_text = lines[fact.evidence.line - 20].lower()
        assert any(match.start < len(line_text) for match in matcher.find(line_text) if match.canonical == fact.name)


def test_stated_mentions_become_stated_facts(matcher):
    role = _role(skills=[_mention("Kubernetes, Terraform and SLOs", SectionKind.REQUIREMENTS, line=12)])
    facts = _by_name(extract_role_facts(role, matcher).skills)
    assert set(facts) == {"Kubernetes", "Terraform", "SLOs"}
    assert {f.evidence.method for f in facts.values()} == {"stated"}
    assert facts["SLOs"].evidence.line == 12
    assert facts["SLOs"].category == "reliability"


def test_unmatched_skill_items_are_kept_outside_the_taxonomy(matcher):
    role = _role(skills=[_mention("Experience with Zendesk Administration"), _mention("Quantum widgetry")])
    facts = _by_name(extract_role_facts(role, matcher).skills)
    assert set(facts) == {"Zendesk", "quantum widgetry"}
    assert facts["quantum widgetry"].in_taxonomy is False
    assert facts["quantum widgetry"].category is None
    assert facts["Zendesk"].in_taxonomy is True


def test_long_unmatched_requirement_sentences_are_not_skills(matcher):
    long_item = _mention("Demonstrate longevity at, at least, one recent job", SectionKind.REQUIREMENTS)
    long_skill = _mention("Be able to thrive in a remote and quickly changing environment", SectionKind.SKILLS)
    short_requirement = _mention("Startup experience", SectionKind.REQUIREMENTS)
    assert extract_role_facts(_role(skills=[long_item, long_skill, short_requirement]), matcher).skills == []


def test_long_requirement_sentences_are_still_scanned(matcher):
    item = _mention(
        "Experience running PostgreSQL in large production environments with on-call", SectionKind.REQUIREMENTS
    )
    assert {f.name for f in extract_role_facts(_role(skills=[item]), matcher).skills} == {"PostgreSQL", "on-call"}


def test_kpi_items_are_kept_even_outside_the_taxonomy(matcher):
    kpis = [
        _mention("Mean time to detect (MTTD)", SectionKind.KPIS),
        _mention("Telemetry cost per host", SectionKind.KPIS),
        _mention(" ".join(["word"] * (MAX_KPI_ITEM_WORDS + 1)), SectionKind.KPIS),
    ]
    facts = _by_name(extract_role_facts(_role(kpis=kpis), matcher).kpis)
    assert set(facts) == {"MTTD", "telemetry cost per host"}
    assert facts["MTTD"].in_taxonomy and not facts["telemetry cost per host"].in_taxonomy


def test_one_fact_per_name_with_counted_mentions_and_the_best_evidence(matcher):
    sections = [
        _section("Define SLOs.", SectionKind.SUMMARY, line=3),
        _section("- Review SLO misses\n- Report on slos", SectionKind.RESPONSIBILITIES, line=30),
    ]
    role = _role(sections, skills=[_mention("SLOs", SectionKind.SKILLS, line=50)])
    (slos,) = extract_role_facts(role, matcher).skills
    assert slos.name == "SLOs"
    assert slos.mentions == 4
    assert slos.evidence.method == "stated" and slos.evidence.line == 50
    assert slos.weight == 1.0


def test_a_mention_and_the_prose_of_the_same_line_count_once(matcher):
    section = _section("- Terraform", SectionKind.SKILLS, line=10)
    role = _role([section], skills=[_mention("Terraform", line=10)])
    (terraform,) = extract_role_facts(role, matcher).skills
    assert terraform.mentions == 1
    assert terraform.evidence.method == "stated"


@pytest.mark.parametrize(
    ("kind", "weight"),
    [
        (SectionKind.SKILLS, 1.0),
        (SectionKind.REQUIREMENTS, 1.0),
        (SectionKind.RESPONSIBILITIES, 0.7),
        (SectionKind.SUMMARY, 0.6),
        (SectionKind.OTHER, 0.5),
        (SectionKind.NICE_TO_HAVE, 0.4),
    ],
)
def test_weight_depends_on_the_section(matcher, kind, weight):
    (fact,) = extract_role_facts(_role([_section("Terraform", kind)]), matcher).skills
    assert fact.weight == weight


def test_repeated_mentions_weigh_more_up_to_one(matcher):
    one_line_each = "\n".join(["Terraform."] * 3)
    (fact,) = extract_role_facts(_role([_section(one_line_each, SectionKind.SUMMARY)]), matcher).skills
    assert (fact.mentions, fact.weight) == (3, 0.8)
    many = "\n".join(["Terraform."] * 9)
    (fact,) = extract_role_facts(_role([_section(many, SectionKind.SUMMARY)]), matcher).skills
    assert fact.weight == 1.0


def test_stated_importance_wins(matcher):
    role = _role([_section("Terraform everywhere")], skills=[_mention("Terraform", importance=0.3)])
    (fact,) = extract_role_facts(role, matcher).skills
    assert fact.weight == 0.3


def test_career_sections_are_not_scanned(matcher):
    sections = [_section("See the engineering career development page.", SectionKind.CAREER)]
    assert extract_role_facts(_role(sections), matcher).skills == []


def test_evidence_is_cut_around_long_sentences():
    text = "word " * 200 + "Kubernetes " + "word " * 200
    start = text.index("Kubernetes")
    evidence = sentence_around(text, start, start + len("Kubernetes"))
    assert len(evidence) <= 300
    assert "Kubernetes" in evidence


def test_sentences_split_on_punctuation_and_list_items_not_on_abbreviations():
    text = "Intro line\n1. First item, i.e. SLOs here\n2. Second. Third sentence"
    assert sentence_around(text, text.index("SLOs"), text.index("SLOs") + 4) == "First item, i.e. SLOs here"
    assert sentence_around(text, text.index("Third"), text.index("Third") + 5) == "Third sentence"
