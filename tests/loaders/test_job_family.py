import re

import pytest

from graph.model import SectionKind
from loaders import load_file, load_paths
from loaders.labels import blank_label_lines
from loaders.text import clean_text

SPECIALTIES = [
    ("Manager, Infrastructure (Delivery)", "Delivery", 50),
    ("Manager, Infrastructure (Production Engineering)", "Production Engineering", 62),
    ("Manager, Infrastructure (Scalability)", "Scalability", 71),
    ("Manager, Infrastructure (Environment Automation)", "Environment Automation", 82),
    ("Manager, Infrastructure (Switchboard)", "Switchboard", 90),
    ("Manager, Engineering (US Public Sector Services)", "US Public Sector Services", 102),
    ("Manager, Engineering (Cloud Efficiency Engineering)", "Cloud Efficiency Engineering", 113),
]

MANAGER_REQUIREMENTS = [
    ("Relevant experience managing software engineering teams", SectionKind.REQUIREMENTS, 27),
    ("Excellent technical background", SectionKind.REQUIREMENTS, 28),
    ("Demonstrated teamwork in a peak performance organization", SectionKind.REQUIREMENTS, 29),
    ("Experience running a consumer scale platform", SectionKind.REQUIREMENTS, 30),
    ("Product company experience", SectionKind.REQUIREMENTS, 31),
    ("Enterprise software company experience or startup experience", SectionKind.REQUIREMENTS, 32),
    ("Computer science education or equivalent experience", SectionKind.REQUIREMENTS, 33),
    ("Exquisite communication skills", SectionKind.REQUIREMENTS, 34),
    ("Ability to use GitLab", SectionKind.NICE_TO_HAVE, 38),
    ("Online community participation", SectionKind.NICE_TO_HAVE, 39),
    ("Remote work experience", SectionKind.NICE_TO_HAVE, 40),
    ("Startup experience", SectionKind.NICE_TO_HAVE, 41),
    ("Passion towards and/or significant open source contributions", SectionKind.NICE_TO_HAVE, 42),
]


@pytest.fixture(scope="module")
def infra(repo):
    return load_file(repo / "seeds" / "gitlab-engineering-management-infrastructure.md", root=repo)


@pytest.fixture(scope="module")
def roles(infra):
    return {role.title: role for role in infra.roles}


def test_infrastructure_page_is_a_job_family_with_graded_roles(infra, roles):
    assert infra.source.format == "job-family"
    assert infra.family == "Engineering Management - Infrastructure"
    assert infra.problems == []
    graded = [(r.title, r.grade, r.line) for r in infra.roles if r.specializes is None]
    assert graded == [
        ("Manager, Infrastructure", 8, 5),
        ("Senior Engineering Manager, Infrastructure (Platform)", 9, 126),
        ("Director, Infrastructure (Reliability)", 10, 167),
        ("Senior Director, Infrastructure", 11, 206),
        ("VP of Infrastructure", 12, 240),
    ]
    assert all(r.family == "Engineering Management - Infrastructure" for r in infra.roles)
    director = roles["Director, Infrastructure (Reliability)"]
    assert (director.specialty, director.aliases) == ("Reliability", ["Director, Infrastructure"])
    assert roles["Senior Engineering Manager, Infrastructure (Platform)"].aliases == [
        "Senior Engineering Manager, Infrastructure"
    ]


def test_manager_requirement_mentions_and_kpi(roles):
    manager = roles["Manager, Infrastructure"]
    assert [(m.name, m.section, m.at.line) for m in manager.skills] == MANAGER_REQUIREMENTS
    assert all(m.at.source == "seeds/gitlab-engineering-management-infrastructure.md" for m in manager.skills)
    assert [(k.name, k.at.line) for k in manager.kpis] == [("Infrastructure Performance Indicators", 46)]
    assert manager.summary.startswith("The Manager, Infrastructure has a primary focus on hiring")
    assert "More on Leadership at GitLab in our handbook." in manager.summary
    kinds = [(s.kind, s.line) for s in manager.sections]
    assert kinds == [
        (SectionKind.SUMMARY, 7),
        (SectionKind.GRADE, 12),
        (SectionKind.RESPONSIBILITIES, 16),
        (SectionKind.REQUIREMENTS, 27),
        (SectionKind.NICE_TO_HAVE, 38),
        (SectionKind.KPIS, 46),
        (SectionKind.CAREER, 288),
    ]


@pytest.mark.parametrize(("title", "specialty", "line"), SPECIALTIES)
def test_specialties_specialize_the_manager_and_inherit(roles, title, specialty, line):
    role = roles[title]
    assert (role.line, role.specialty, role.grade) == (line, specialty, 8)
    assert role.specializes is not None and role.specializes.title == "Manager, Infrastructure"
    assert role.specializes.at.method == "stated"
    inherited = [(m.name, m.section, m.at.line) for m in role.skills if m.at.line < 50]
    assert inherited == MANAGER_REQUIREMENTS
    assert all(m.at.method == "stated" for m in role.skills)
    assert [(k.name, k.at.line) for k in role.kpis] == [("Infrastructure Performance Indicators", 46)]


def test_specialty_own_requirements_follow_the_inheritance_sentence(roles):
    delivery = roles["Manager, Infrastructure (Delivery)"]
    own = [(m.name, m.section, m.at.line) for m in delivery.skills if m.at.line >= 50]
    assert own == [
        ("Guiding self-managed release and GitLab.com continuous deployment processes", SectionKind.REQUIREMENTS, 59),
        ("Owning the Mean Time to Production", SectionKind.REQUIREMENTS, 60),
    ]
    assert delivery.specializes.at.line == 57
    assert delivery.summary.startswith("The Manager, Infrastructure (Delivery) manages the engineering team")
    assert "In addition to" not in delivery.summary
    public_sector = roles["Manager, Engineering (US Public Sector Services)"]
    assert public_sector.specializes.at.evidence.startswith("defined above for the Manager, Infrastructure")


def test_vp_kpi_and_nice_to_haves_under_bold_label(roles):
    vp = roles["VP of Infrastructure"]
    assert [(k.name, k.section, k.at.line) for k in vp.kpis] == [
        ("Infrastructure Performance Indicators", SectionKind.KPIS, 284)
    ]
    assert [m.at.line for m in vp.skills if m.section is SectionKind.NICE_TO_HAVE] == [277, 278, 279, 280]
    senior = roles["Senior Engineering Manager, Infrastructure (Platform)"]
    assert [s.kind for s in senior.sections if "Requirements" in s.name] == [
        SectionKind.REQUIREMENTS,
        SectionKind.NICE_TO_HAVE,
    ]


def test_section_text_keeps_lines_and_is_clean(roles):
    manager = roles["Manager, Infrastructure"]
    responsibilities = next(s for s in manager.sections if s.kind is SectionKind.RESPONSIBILITIES)
    lines = responsibilities.text.split("\n")
    assert lines[0] == "Hire an incredible team that lives our values"
    assert lines[7].startswith("Participate in either the Release Manager rotation OR the Incident Management")
    assert "](" not in responsibilities.text and "**" not in responsibilities.text


# --------------------------------------------------------------------------- the shared corpus

GRADE_LINE = re.compile(r"grade (\d+)")


def _grade_statements(path):
    """(line, grade) of each grade sentence, found without the loader."""
    return [
        (number, int(match.group(1)))
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1)
        if (match := GRADE_LINE.search(line))
    ]


@pytest.fixture(scope="module")
def corpus_result(corpus):
    return load_paths([corpus], root=corpus)


def test_every_corpus_page_loads_without_errors(corpus, corpus_result):
    pages = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.md") if p.name != "SOURCE.md")
    assert len(pages) == 35
    assert sorted(d.source.path for d in corpus_result.documents) == pages
    assert [str(p) for p in corpus_result.all_problems if p.severity == "error"] == []
    assert {d.source.format for d in corpus_result.documents} == {"job-family"}


def test_every_graded_heading_in_the_corpus_is_a_role_with_that_grade(corpus, corpus_result):
    documents = {d.source.path: d for d in corpus_result.documents}
    checked = 0
    for page in sorted(corpus.rglob("*.md")):
        statements = _grade_statements(page)
        if not statements:
            continue
        roles = sorted(documents[page.relative_to(corpus).as_posix()].roles, key=lambda r: r.line)
        owners = set()
        for line, grade in statements:
            owner = [r for r in roles if r.line <= line and r.specializes is None][-1]
            assert owner.grade == grade, f"{page.name}:{line}: {owner.title} has grade {owner.grade}, not {grade}"
            owners.add(owner.title)
            checked += 1
        assert len(owners) == len(statements), f"{page.name}: two grade sentences fell to one role"
    assert checked == 83


def test_corpus_level_pages_and_career_facts(corpus_result):
    by_path = {d.source.path: d for d in corpus_result.documents}
    sre = by_path["engineering/infrastructure/site-reliability-engineer.md"]
    titles = [(r.title, r.grade) for r in sre.roles if r.specializes is None]
    assert titles == [
        ("Associate Site Reliability Engineer", 5),
        ("Site Reliability Engineer", 6),
        ("Senior Site Reliability Engineer", 7),
        ("Staff Site Reliability Engineer", 8),
    ]
    family = sre.roles[0].lateral_families[0]
    assert (family.name, family.at.line, family.at.method) == ("Engineering Management - Infrastructure", 351, "stated")
    set_page = by_path["engineering/software-engineer-in-test.md"]
    assert [(r.title, r.level) for r in set_page.roles] == [
        ("Software Engineer in Test", "Intermediate"),
        ("Senior Software Engineer in Test", "Senior"),
        ("Staff Software Engineer in Test", "Staff"),
    ]
    tpm = {r.title: r for r in by_path["engineering/technical-program-management/_index.md"].roles}
    [next_role] = tpm["Manager, Technical Program Management"].promotes_to
    assert (next_role.title, next_role.at.line) == ("Senior Manager, Technical Program Management", 303)
    leadership = {r.title: r for r in by_path["engineering/engineering-management.md"].roles}
    [boss] = leadership["VP of Development"].reports_to
    assert (boss.title, boss.at.line) == ("Chief Technology Officer", 219)
    assert tpm["Director, Technical Program Management"].promotes_to == []


def test_section_text_keeps_every_line_where_the_file_has_it(repo, corpus, corpus_result):
    """The extractor's contract: line of a character = section.line + newlines before it.

    Career label lines (``Reports to: X``) are emptied, never removed: they name roles, not skills.
    """
    seeds = load_paths([repo / "seeds"], root=repo)
    checked = 0
    for root, result in ((repo, seeds), (corpus, corpus_result)):
        for document in result.documents:
            if document.source.format == "yaml":
                continue
            file_lines = (root / document.source.path).read_text(encoding="utf-8").split("\n")
            for role in document.roles:
                for section in role.sections:
                    text_lines = section.text.split("\n")
                    raw = "\n".join(file_lines[section.line - 1 : section.line - 1 + len(text_lines)])
                    expected = blank_label_lines(clean_text(raw)).split("\n")
                    assert expected == text_lines, (document.source.path, section.name)
                    assert not any(mark in section.text for mark in ("](", "**", "<!--", "{{<"))
                    checked += 1
    assert checked > 1000
