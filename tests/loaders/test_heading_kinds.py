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


JOB_HEADINGS = [
    ("As an SRE you will", SectionKind.RESPONSIBILITIES),
    ("In this role, you'll", SectionKind.RESPONSIBILITIES),
    ("What you can expect in a Support Engineer role at GitLab", SectionKind.RESPONSIBILITIES),
    ("You may be a fit to this role if you have some of these inclinations", SectionKind.REQUIREMENTS),
    ("You should apply if", SectionKind.REQUIREMENTS),
    ("How you'll be measured", SectionKind.KPIS),
    ("How you'll grow in the role", SectionKind.CAREER),
    ("Projects you could work on", SectionKind.OTHER),
    ("You'll be able to thrive at GitLab", SectionKind.OTHER),
]


@pytest.mark.parametrize(("heading", "kind"), JOB_HEADINGS)
def test_headings_that_address_the_candidate_name_the_job(heading, kind):
    assert classify_heading(heading) is kind


SRE_INTRO = [
    ("As an SRE you will", SectionKind.RESPONSIBILITIES, 14),
    ("You may be a fit to this role if you have some of these inclinations", SectionKind.REQUIREMENTS, 27),
]


def test_the_sre_page_intro_applies_to_every_role_of_the_page(corpus):
    page = load_file(corpus / "engineering/infrastructure/site-reliability-engineer.md", root=corpus)
    assert len(page.roles) == 10
    for role in page.roles:
        intro = [(s.name, s.kind, s.line) for s in role.sections if s.line < 40]
        assert intro == SRE_INTRO, role.title
        stated = {m.at.line: m.name for m in role.skills if m.at.line < 40}
        assert stated[28] == "Know your way around Linux and the Unix Shell."
        assert stated[30] == "Have strong programming skills: Shell, and Ruby and/or Go."
        assert all(m.section is SectionKind.REQUIREMENTS for m in role.skills if m.at.line < 40)


# The headings of job ads (careers sites, applicant tracking systems): what the candidate brings, what the
# job is day to day, and what would be a plus.
JOB_AD_HEADINGS = [
    ("What you'll bring", SectionKind.REQUIREMENTS),
    ("What we're looking for", SectionKind.REQUIREMENTS),
    ("Who you are", SectionKind.REQUIREMENTS),
    ("About you", SectionKind.REQUIREMENTS),
    ("Your profile", SectionKind.REQUIREMENTS),
    ("The ideal candidate", SectionKind.REQUIREMENTS),
    ("Must-haves", SectionKind.REQUIREMENTS),
    ("What you'll need", SectionKind.REQUIREMENTS),
    ("Your mission", SectionKind.RESPONSIBILITIES),
    ("Day to day", SectionKind.RESPONSIBILITIES),
    ("What you'll work on", SectionKind.RESPONSIBILITIES),
    ("Bonus points", SectionKind.NICE_TO_HAVE),
    ("Pluses", SectionKind.NICE_TO_HAVE),
    ("It's a plus if you have", SectionKind.NICE_TO_HAVE),
    ("About the role", SectionKind.SUMMARY),
    ("About us", SectionKind.PROCESS),
]


@pytest.mark.parametrize(("heading", "kind"), JOB_AD_HEADINGS)
def test_a_job_ads_headings_name_their_sections(heading, kind):
    assert classify_heading(heading) is kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Key tasks", SectionKind.RESPONSIBILITIES),
        ("Your tasks", SectionKind.RESPONSIBILITIES),  # Personio's default part
        ("Essential functions", SectionKind.RESPONSIBILITIES),  # US job descriptions: the essential duties
        ("Essential criteria", SectionKind.REQUIREMENTS),
        ("Behaviours", SectionKind.SKILLS),
        ("Tools and technologies", SectionKind.SKILLS),
        ("What we offer", SectionKind.PROCESS),
        ("Why join us", SectionKind.PROCESS),
        ("About Northwind", SectionKind.PROCESS),  # the employer's part, named by its name
        ("Ihre Aufgaben", SectionKind.RESPONSIBILITIES),
        ("Ihr Profil", SectionKind.REQUIREMENTS),
        ("Was wir bieten", SectionKind.PROCESS),
        ("Vos missions", SectionKind.RESPONSIBILITIES),
        ("Votre profil", SectionKind.REQUIREMENTS),
        ("Requisitos", SectionKind.REQUIREMENTS),
        ("Wat ga je doen", SectionKind.RESPONSIBILITIES),
        ("Role profile", SectionKind.OTHER),
        ("Key Result Areas", SectionKind.RESPONSIBILITIES),  # KRAs: the job's areas of accountability
        ("Key deliverables", SectionKind.RESPONSIBILITIES),
        ("Your first 90 days", SectionKind.RESPONSIBILITIES),
        ("The role", SectionKind.SUMMARY),
        ("Scope of the role", SectionKind.SUMMARY),
        ("Job description", SectionKind.SUMMARY),
        ("Role details", SectionKind.OTHER),  # particulars (Level:, Family:), no summary
        ("Key Results", SectionKind.KPIS),
        ("Working relationships", SectionKind.CAREER),  # UK job descriptions: where the post sits
        ("Key relationships", SectionKind.CAREER),
        ("Position in the organisation", SectionKind.CAREER),
    ],
)
def test_job_ad_headings_of_other_templates_and_languages_name_their_parts(heading, kind):
    assert classify_heading(heading) is kind
