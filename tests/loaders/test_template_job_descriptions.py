"""Job descriptions as HR templates write them: the particulars first ("Job title: …", "Department: …")
with no title heading, and titles, reporting lines and departments in capitals.

A page that opens with its particulars takes its title from the "Job title" label and reads those labels;
its first heading ("Key responsibilities") is its first section, not its title. A title written in
capitals is shown in title case with its acronyms kept ("HEAD OF HR OPERATIONS" → "Head of HR
Operations"), as are the roles it names and its department; the evidence keeps the words as written.
"""

from __future__ import annotations

import pytest

from graph.model import SectionKind
from loaders.load import load_file

PARTICULARS_FIRST = {
    "jd.txt": (
        "Job title: Head of HR Operations\nDepartment: People\nReports to: Chief People Officer\n\n"
        "Key responsibilities\n- Lead the HR operations team\n- Own the payroll calendar\n"
    ),
    "jd.md": (
        "**Job title:** Head of HR Operations\n\n**Department:** People\n\n**Reports to:** Chief People Officer\n\n"
        "## Key responsibilities\n\n- Lead the HR operations team\n- Own the payroll calendar\n"
    ),
}


def _load(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text)
    return load_file(tmp_path / name, root=tmp_path)


@pytest.mark.parametrize("name", sorted(PARTICULARS_FIRST))
def test_a_description_that_opens_with_its_particulars_reads_them_and_its_first_section(tmp_path, name):
    document = _load(tmp_path, name, PARTICULARS_FIRST[name])
    [role] = document.roles
    assert (role.title, role.line, role.department) == ("Head of HR Operations", 1, "People")
    assert [ref.title for ref in role.reports_to] == ["Chief People Officer"]
    sections = {section.name: section for section in role.sections}
    assert sections["Key responsibilities"].kind is SectionKind.RESPONSIBILITIES
    assert sections["Key responsibilities"].text == "Lead the HR operations team\nOwn the payroll calendar"
    assert role.summary == ""  # the responsibilities are no summary of the role


def test_a_title_in_capitals_is_shown_in_title_case_with_its_acronyms(tmp_path):
    text = (
        "JOB TITLE: HEAD OF HR OPERATIONS\nDEPARTMENT: PEOPLE SERVICES\nREPORTS TO: VP, PEOPLE\n\n"
        "KEY RESPONSIBILITIES\n- Lead the HR operations team\n"
    )
    document = _load(tmp_path, "jd.txt", text)
    [role] = document.roles
    assert (role.title, role.department) == ("Head of HR Operations", "People Services")
    [manager] = role.reports_to
    assert (manager.title, manager.at.evidence) == ("VP, People", "REPORTS TO: VP, PEOPLE")


def test_a_markdown_page_titled_in_capitals_is_shown_in_title_case(tmp_path):
    document = _load(tmp_path, "payroll.md", "# PAYROLL OFFICER\n\n## Responsibilities\n\n- Run the monthly payroll\n")
    assert [role.title for role in document.roles] == ["Payroll Officer"]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("SENIOR DEVOPS ENGINEER II", "Senior DevOps Engineer II"),
        ("IT SERVICE DESK ANALYST (EMEA)", "IT Service Desk Analyst (EMEA)"),
        ("CTO", "CTO"),
        ("Head of IT", "Head of IT"),
    ],
)
def test_capitals_keep_acronyms_and_a_title_already_cased_stays(tmp_path, written, shown):
    document = _load(tmp_path, "role.md", f"# {written}\n\n## Responsibilities\n\n- Keep the lights on\n")
    assert [role.title for role in document.roles] == [shown]


def test_particulars_typed_with_line_breaks_in_one_word_paragraph_are_each_read(tmp_path):
    import pypandoc

    # Word's Shift+Enter: one paragraph, a line break after each particular (markdown's trailing backslash)
    text = (
        "**JOB DESCRIPTION**\n\nJob Title: Finance Officer\\\nGrade: Grade 5\\\nDirectorate: Corporate Services\\\n"
        "Reports to: Finance Manager\n\n**MAIN DUTIES AND RESPONSIBILITIES**\n\n1. Process supplier invoices.\n"
    )
    pypandoc.convert_text(text, "docx", format="markdown", outputfile=str(tmp_path / "jd.docx"))
    document = load_file(tmp_path / "jd.docx", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.grade, role.department) == ("Finance Officer", 5, "Corporate Services")
    assert [ref.title for ref in role.reports_to] == ["Finance Manager"]
    assert document.problems == []


DEFINITION_LIST_PAGE = """<!DOCTYPE html>
<html><head><title>Careers – Finance Business Partner</title></head>
<body><main>
<h1>Finance Business Partner</h1>
<dl class="job-facts">
  <dt>Department</dt><dd>Finance</dd>
  <dt>Grade</dt><dd>7</dd>
  <dt>Reports to</dt><dd>Head of Financial Planning</dd>
  <dt>Location</dt><dd>Manchester</dd>
</dl>
<h2>The role</h2>
<p>You partner with budget holders across Operations to plan and track spend.</p>
<h2>About you</h2>
<dl>
  <dt>Essential</dt><dd>CIMA or ACCA qualified</dd><dd>Advanced Excel</dd>
</dl>
</main></body></html>
"""


def test_particulars_in_a_definition_list_are_read_as_labels_and_the_role_heading_is_its_summary(tmp_path):
    document = _load(tmp_path, "fbp.html", DEFINITION_LIST_PAGE)
    [role] = document.roles
    assert (role.title, role.department, role.grade) == ("Finance Business Partner", "Finance", 7)
    assert [(ref.title, ref.at.line) for ref in role.reports_to] == [("Head of Financial Planning", 8)]
    assert role.summary == "You partner with budget holders across Operations to plan and track spend."
    sections = {section.name: section for section in role.sections}
    assert sections["Essential"].kind is SectionKind.REQUIREMENTS
    assert sections["Essential"].text == "CIMA or ACCA qualified\nAdvanced Excel"


def test_pages_of_one_title_for_two_teams_are_two_roles_and_a_post_term_is_dropped(tmp_path):
    pages = {
        "em-payments.html": "<h1>Engineering Manager – Payments</h1><h2>Responsibilities</h2><ul><li>Lead</li></ul>",
        "em-growth.html": "<h1>Engineering Manager | Growth</h1><h2>Responsibilities</h2><ul><li>Lead</li></ul>",
        "payroll.html": "<h1>Payroll Officer (Remote)</h1><h2>Responsibilities</h2><ul><li>Run payroll</li></ul>",
        "careers.html": "<html><head><title>Data Analyst | Careers at Northwind</title></head><body>"
        "<p>Data Analyst</p><h2>Responsibilities</h2><ul><li>Build reports</li></ul></body></html>",
    }
    titles = {}
    for name, page in pages.items():
        [role] = _load(tmp_path, name, f"<html><body>{page}</body></html>" if "<html>" not in page else page).roles
        titles[name] = role.title
    assert titles == {
        "em-payments.html": "Engineering Manager – Payments",  # a heading's dash part is the role's own
        "em-growth.html": "Engineering Manager | Growth",
        "payroll.html": "Payroll Officer",
        "careers.html": "Data Analyst",  # the page title's site suffix is not
    }


def test_a_title_loses_the_place_the_pages_location_label_gives_and_keeps_another(tmp_path):
    page = (
        "<html><body><h1>Product Designer – Berlin, Germany</h1><p>Location: Berlin, Germany</p>"
        "<h2>What you will do</h2><ul><li>Design onboarding flows</li></ul></body></html>"
    )
    [role] = _load(tmp_path, "designer.html", page).roles
    assert role.title == "Product Designer"
    other = page.replace("Location: Berlin, Germany", "Location: Remote")
    [role] = _load(tmp_path, "designer2.html", other).roles
    assert role.title == "Product Designer – Berlin, Germany"  # a place the page does not give stays


@pytest.mark.parametrize("name", ["ma.md", "ma.html"])
def test_a_working_relationships_section_states_the_reporting_lines_in_prose(tmp_path, name):
    markdown = (
        "# Management Accountant\n\n## Working relationships\n\n"
        "The post holder reports to the Financial Controller and manages two Assistant Accountants.\n"
    )
    html = (
        "<html><body><h1>Management Accountant</h1><h2>Working relationships</h2>\n"
        "<p>The post holder reports to the Financial Controller and manages two Assistant Accountants.</p>"
        "</body></html>"
    )
    [role] = _load(tmp_path, name, markdown if name.endswith(".md") else html).roles
    line = 5 if name == "ma.md" else 2
    assert [(ref.title, ref.at.line) for ref in role.reports_to] == [("Financial Controller", line)]
    assert [(ref.title, ref.at.line) for ref in role.direct_reports] == [("Assistant Accountant", line)]


def test_a_markdown_titles_place_goes_when_its_location_label_gives_it(tmp_path):
    text = "# Senior Data Engineer - London\n\n**Location:** London, UK\n\n## Responsibilities\n\n- Build pipelines\n"
    document = _load(tmp_path, "sde.md", text)
    [role] = document.roles
    assert role.title == "Senior Data Engineer"
    assert [p.message for p in document.problems] == [
        "title 'Senior Data Engineer - London' read as 'Senior Data Engineer' (decoration dropped)"
    ]
    [role] = _load(tmp_path, "sde2.md", text.replace("London, UK", "Remote")).roles
    assert role.title == "Senior Data Engineer - London"


@pytest.mark.parametrize("title", ["Revenue Counsel", "Employment Attorney", "Sales Representative"])
def test_legal_and_sales_titles_read_as_roles(title):
    # a title no role noun names was read as a shared section of the page: its reporting line went to every role
    from loaders.role_titles import looks_like_role

    assert looks_like_role(title)


def test_a_plain_text_description_lists_its_skills_and_kpis_in_a_line_each(tmp_path):
    (tmp_path / "jd.txt").write_text(
        "JOB DESCRIPTION\n\nJob Title: Warehouse Supervisor\nReports To: Warehouse Manager\n\n"
        "SKILLS\nForklift operation, inventory management, WMS software\n\n"
        "KEY PERFORMANCE INDICATORS\nOn-time shipment rate; inventory accuracy; lost-time incidents\n",
        encoding="utf-8",
    )
    role = load_file(tmp_path / "jd.txt", root=tmp_path).roles[0]
    assert [(m.name, m.at.line) for m in role.skills] == [("Forklift operation, inventory management, WMS software", 7)]
    kpis = "On-time shipment rate; inventory accuracy; lost-time incidents"
    assert [(m.name, m.at.line) for m in role.kpis] == [(kpis, 10)]
