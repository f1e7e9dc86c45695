"""What a heading's wording makes of its section: the kinds ``classify_heading`` tells apart."""

import pytest

from graph.model import SectionKind
from loaders import load_file
from loaders.text import classify_heading

PROCESS_HEADINGS = [
    "Hiring Process",
    "Interview process",
    "Hiring process overview",
    "Chief Technology Officer Hiring Process",
    "Compensation",
    "Benefits",
    "About GitLab",
    "What it's like to work here at GitLab",
    "Links",
    "Team",
    "About the team",
]

NOT_PROCESS = [
    ("About the role", SectionKind.SUMMARY),
    ("Responsibilities", SectionKind.RESPONSIBILITIES),
    ("Team Lead, Support", SectionKind.OTHER),
    ("Manager, Infrastructure", SectionKind.OTHER),
    ("Performance Indicators", SectionKind.KPIS),
]


@pytest.mark.parametrize("heading", PROCESS_HEADINGS)
def test_hiring_and_company_boilerplate_headings_are_process(heading):
    assert classify_heading(heading) is SectionKind.PROCESS


@pytest.mark.parametrize(("heading", "kind"), NOT_PROCESS)
def test_role_headings_and_job_sections_are_not_process(heading, kind):
    assert classify_heading(heading) is kind


def test_hiring_process_sections_of_a_page_are_process_sections(corpus):
    page = load_file(corpus / "engineering/database-engineer.md", root=corpus)
    [role] = page.roles
    kinds = {section.name: section.kind for section in role.sections}
    assert (kinds["Hiring Process"], kinds["Responsibilities"]) == (SectionKind.PROCESS, SectionKind.RESPONSIBILITIES)
