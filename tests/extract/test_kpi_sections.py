"""A KPI section says how a role is measured: its indicators are KPIs, not skills the role needs."""

from __future__ import annotations

from graph.extract import extract_role_facts
from graph.model import Evidence, Mention, ParsedRole, Section, SectionKind

INDICATORS = """Site Reliability Engineers have the following job-family performance indicators:
Hiring Actual vs. Plan
Disaster Recovery Time to Recovery
Response to Community SLO"""


def test_a_kpi_section_gives_kpis_and_no_skills(matcher):
    section = Section(name="Performance Indicators", kind=SectionKind.KPIS, text=INDICATORS, line=354)
    role = ParsedRole(title="Site Reliability Engineer", source="sre.md", line=1, sections=[section])
    facts = extract_role_facts(role, matcher)
    assert facts.skills == []
    kpis = {fact.name: fact.evidence.line for fact in facts.kpis}
    assert kpis["hiring actual vs plan"] == 355
    assert kpis["disaster recovery time to recovery"] == 356


def test_page_wide_indicators_give_no_hiring_skill_to_individual_contributors(loaded_facts):
    page = {role.title: facts for role, facts in loaded_facts if role.source == "engineering/engineering-management.md"}
    for title in ("Principal Engineer", "Distinguished Engineer", "Engineering Fellow"):
        assert "hiring actual vs plan" in {fact.name for fact in page[title].kpis}, title
        assert "hiring" not in {fact.name for fact in page[title].skills}, title
    assert "hiring" in {fact.name for fact in page["Director, Development"].skills}


def test_a_stated_list_of_short_kpi_names_is_a_kpi_each(matcher):
    at = Evidence(source="analyst.md", line=7, evidence="KPIs: Dashboard adoption, report accuracy")
    listed = Mention(name="Dashboard adoption, report accuracy", section=SectionKind.KPIS, at=at)
    role = ParsedRole(title="Data Analyst", source="analyst.md", line=1, kpis=[listed])
    names = sorted(fact.name for fact in extract_role_facts(role, matcher).kpis)
    assert names == ["dashboard adoption", "report accuracy"]
