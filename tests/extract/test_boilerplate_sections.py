"""Hiring logistics and company boilerplate name no skill or KPI of the role."""

from __future__ import annotations

import pytest

from graph.extract import extract_role_facts
from graph.model import Evidence, Mention, ParsedRole, Section, SectionKind

HIRING_LOGISTICS = """Candidates for this position can expect the hiring process to follow the order below.
- Selected candidates will be invited to a 30 minute screening call with our recruiters.
- Next, candidates will be invited to an interview with the hiring manager."""


def _role(*sections: Section) -> ParsedRole:
    return ParsedRole(title="Database Engineer", source="database-engineer.md", line=1, sections=list(sections))


def test_process_sections_are_not_scanned(matcher):
    process = Section(name="Hiring Process", kind=SectionKind.PROCESS, text=HIRING_LOGISTICS, line=81)
    facts = extract_role_facts(_role(process), matcher)
    assert (facts.skills, facts.kpis) == ([], [])


def test_the_same_words_in_responsibilities_are_a_skill(matcher):
    duties = Section(name="Responsibilities", kind=SectionKind.RESPONSIBILITIES, text=HIRING_LOGISTICS, line=18)
    assert "hiring" in {fact.name for fact in extract_role_facts(_role(duties), matcher).skills}


def _facts_by_title(loaded_facts, source):
    return {role.title: facts for role, facts in loaded_facts if role.source == source}


def test_hiring_process_gives_no_hiring_skill_to_engineers(loaded_facts):
    for source, title in [
        ("engineering/database-engineer.md", "Database Engineer"),
        ("engineering/monitoring-engineer.md", "Monitoring Engineer"),
        ("engineering/development/backend/associate.md", "Associate Backend Engineer"),
        ("engineering/vulnerability-research-engineer.md", "Vulnerability Research Engineer"),
    ]:
        facts = _facts_by_title(loaded_facts, source)[title]
        assert "hiring" not in {fact.name for fact in facts.skills}, (source, title)


def test_managers_who_hire_keep_the_hiring_skill(loaded_facts):
    seed = _facts_by_title(loaded_facts, "gitlab-engineering-management-infrastructure.md")
    manager = seed["Manager, Infrastructure"]
    hiring = next(fact for fact in manager.skills if fact.name == "hiring")
    assert (hiring.evidence.line, hiring.evidence.evidence) == (16, "Hire an incredible team that lives our values")
    support = _facts_by_title(loaded_facts, "engineering/support-management.md")["Manager, Support Engineering"]
    assert "hiring" in {fact.name for fact in support.skills}


def test_no_fact_has_its_evidence_in_a_hiring_process_section(loaded_roles, loaded_facts):
    for role, facts in loaded_facts:
        process = [s for s in role.sections if "hiring process" in s.name.lower()]
        for fact in facts.skills + facts.kpis:
            for section in process:
                last = section.line + section.text.count("\n")
                assert not section.line <= fact.evidence.line <= last, (role.source, role.title, fact.name)


def test_the_sre_page_intro_gives_its_skills_to_the_senior_sre(loaded_facts):
    page = _facts_by_title(loaded_facts, "engineering/infrastructure/site-reliability-engineer.md")
    skills = {fact.name: fact for fact in page["Senior Site Reliability Engineer"].skills}
    found = {name: (skills[name].evidence.line, skills[name].evidence.method) for name in ("Go", "Ruby", "Linux")}
    assert found == {"Go": (30, "stated"), "Ruby": (30, "stated"), "Linux": (28, "stated")}
    assert skills["Go"].evidence.evidence == "Have strong programming skills: Shell, and Ruby and/or Go."


VALUES = "Our values of collaboration, results, efficiency, diversity, iteration, and transparency resonate with you"


def test_the_company_values_named_in_a_requirement_are_no_skills(matcher):
    text = f"{VALUES}\nStrong collaboration with product teams"
    requirements = Section(name="Requirements", kind=SectionKind.REQUIREMENTS, text=text, line=40)
    at = Evidence(source="r.md", line=40, evidence=VALUES)
    values_item = Mention(name=VALUES, section=SectionKind.REQUIREMENTS, at=at)
    role = _role(requirements).model_copy(update={"skills": [values_item]})
    facts = {fact.name: fact for fact in extract_role_facts(role, matcher).skills}
    assert list(facts) == ["collaboration"]
    assert (facts["collaboration"].evidence.line, facts["collaboration"].mentions) == (41, 1)


def test_support_engineers_get_no_collaboration_skill_from_the_company_values(loaded_facts):
    for role, facts in loaded_facts:
        for fact in facts.skills:
            assert "values of collaboration" not in fact.evidence.evidence, (role.source, role.title, fact.name)


@pytest.mark.parametrize(
    "notice",
    [
        "Northwind is hiring a Senior Data Engineer for the Data Platform team.",
        "We're hiring! Join the Data Platform team.",
        "We are currently hiring for several roles in Leeds.",
        "The Data Platform team is now hiring.",
    ],
)
def test_a_job_ads_hiring_notice_is_no_hiring_skill(matcher, notice):
    summary = Section(name="About the role", kind=SectionKind.SUMMARY, text=notice, line=3)
    assert "hiring" not in {fact.name for fact in extract_role_facts(_role(summary), matcher).skills}


@pytest.mark.parametrize(
    "duty",
    [
        "You are responsible for hiring and growing a team of data engineers.",
        "Lead hiring for the Data Platform team.",
        "The manager is hiring and developing engineers across two sites.",
    ],
)
def test_hiring_as_a_duty_stays_a_skill(matcher, duty):
    duties = Section(name="Responsibilities", kind=SectionKind.RESPONSIBILITIES, text=duty, line=3)
    assert "hiring" in {fact.name for fact in extract_role_facts(_role(duties), matcher).skills}
