"""Words that are a skill only in the right context, level words in parentheses, skill headings in other
wordings, and what every layout reports to ``orgkg validate``.

Sentences are written by hand after the corpus sentences that produced false skills in review
(``tests/corpus/docs/gitlab/engineering/monitoring-manager.md``: "notify team members of regressions";
the DoSomething Director of Engineering: "growing a robust peer network"; an 18F page: "a safe,
reliable product"; the GitLab Support Readiness page: "growth and scalability objectives").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract import Matcher
from graph.extract.facts import extract_role_facts
from graph.model import ParsedRole, Section, SectionKind
from graph.pipeline.levels import classify_level
from graph.pipeline.titles import title_key
from loaders.load import load_file, parse_bytes
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy
from loaders.text import classify_heading, clean_title

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def matcher():
    return Matcher.from_taxonomy(load_taxonomy(DEFAULT_TAXONOMY_DIR))


def _skills(matcher, text, kind=SectionKind.RESPONSIBILITIES):
    role = ParsedRole(
        title="Engineer", source="t.md", line=1, sections=[Section(name="x", kind=kind, text=text, line=1)]
    )
    return {fact.name for fact in extract_role_facts(role, matcher).skills}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Dependency changes that ensure a safe, reliable product for our users.", "SAFe"),
        ("Create automated alerts to notify team members of regressions.", "regression testing"),
        ("Gains industry insights by growing a robust peer network (NY CTO Meetup, etc.).", "networking"),
        ("Support the growth and scalability objectives of GitLab Support.", "scalability"),
    ],
)
def test_an_ordinary_word_in_prose_is_not_the_skill_it_resembles(matcher, text, wrong):
    assert wrong not in _skills(matcher, text)


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("Coach teams adopting SAFe across the portfolio.", "SAFe"),
        ("Keep the regression tests green and catch regressions in the suite.", "regression testing"),
        ("Debug network latency and DNS failures.", "networking"),
        ("Design distributed systems for scalability.", "scalability"),
    ],
)
def test_the_same_word_in_its_own_context_is_the_skill(matcher, text, right):
    assert right in _skills(matcher, text)


def test_a_list_item_that_is_the_word_alone_is_the_skill(matcher):
    assert {"scalability", "networking"} <= _skills(matcher, "- Scalability\n- Networking", SectionKind.SKILLS)


def test_level_words_in_parentheses_are_the_level_not_a_specialty():
    assert clean_title("FinOps Engineer (Intermediate)") == "FinOps Engineer"
    assert clean_title("Backend Engineer (Senior)") == "Senior Backend Engineer"
    assert title_key("FinOps Engineer (Intermediate)") == title_key("FinOps Engineer")
    assert title_key("Backend Engineer (Senior)") == title_key("Senior Backend Engineer")
    assert title_key("Manager, Infrastructure (Delivery)").specialty == "delivery"
    assert classify_level("FinOps Engineer", grade=6).level == "Intermediate"


def test_the_finops_page_has_a_finops_engineer_without_an_intermediate_specialty():
    page = CORPUS / "gitlab-job-families" / "engineering" / "infrastructure" / "finops-engineer.md"
    if not page.is_file():
        pytest.skip(f"the shared corpus is missing: expected {page}")
    roles = {r.title: r for r in load_file(page, root=CORPUS).roles}
    assert {"FinOps Engineer", "Senior FinOps Engineer", "Staff FinOps Engineer"} <= set(roles)
    assert roles["FinOps Engineer"].specialty is None
    assert [r.title for r in roles["FinOps Engineer"].reports_to] == ["FinOps Engineering Manager"]


@pytest.mark.parametrize(
    "heading", ["Knowledge & Technical Skill", "Technical knowledge and skills", "Domain Expertise", "Skill set"]
)
def test_skill_headings_in_other_wordings_are_skills_sections(heading):
    assert classify_heading(heading) is SectionKind.SKILLS


@pytest.mark.parametrize("heading", ["Chief Technology Officer", "Knowledge Base Specialist", "Impact & Output"])
def test_role_and_other_headings_are_not_skills_sections(heading):
    assert classify_heading(heading) is not SectionKind.SKILLS


def test_the_dosomething_knowledge_and_technical_skill_section_states_skills():
    page = CORPUS / "diverse" / "jd" / "DoSomething__darwin__director-of-engineering.md"
    if not page.is_file():
        pytest.skip(f"the shared corpus is missing: expected {page}")
    (role,) = load_file(page, root=CORPUS).roles
    assert [s.kind for s in role.sections if s.name == "Knowledge & Technical Skill"] == [SectionKind.SKILLS]
    assert any("project management" in m.name for m in role.skills)


_PAGE = (
    "# MLOps Engineer — Role Blueprint\n\nBuilds the ML platform.\n\n## Skills\n\n- Python\n\n"
    "## Technical Program Manager\n\nWorks with the team.\n"
)


@pytest.mark.parametrize("layout", ["single-role", "blueprint"])
def test_every_layout_reports_decorated_titles_and_role_like_headings(layout):
    outcome = parse_bytes(_PAGE.encode(), "mlops.md", layout)
    assert [r.title for r in outcome.roles] == ["MLOps Engineer"]
    causes = {(p.cause, p.line) for p in outcome.problems}
    assert ("decorated-title", 1) in causes
    assert ("role-like-heading", 9) in causes
