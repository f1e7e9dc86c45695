"""A job description written from an HR template: its particulars (job title, grade, reporting line, the
staff it manages) and its person specification (essential and desirable criteria) are read from their
tables, in Markdown and in Word alike; other tables are left as they were read before."""

from __future__ import annotations

import pypandoc
import pytest

from api.build import build_from_documents
from api.settings import Settings
from graph.model import SectionKind
from loaders.load import load_file

JOB_DESCRIPTION = """# Job Description

| | |
|---|---|
| Job title | Senior Data Analyst |
| Grade | 7 |
| Department | Strategy and Insight |
| Reports to | Head of Data |
| Responsible for | Data Analyst (x3) |

## Job purpose

To lead the analysis of operational data across the council and turn it into insight that shapes decisions.

## Main duties and responsibilities

1. Design and maintain dashboards in Power BI for directors and service managers.
2. Write complex SQL queries against the data warehouse and review the queries of others.

## Key performance indicators

- Dashboard adoption across services

## Person specification

| Criteria | Essential | Desirable |
|---|---|---|
| Knowledge | Statistical modelling | Python |
| Skills | SQL, Power BI, stakeholder management | Machine learning |
"""

REQUIRED = ["Statistical modelling", "SQL, Power BI, stakeholder management"]
NICE = ["Python", "Machine learning"]


@pytest.fixture
def read(tmp_path):
    """The document a text is read as (from a file, as ``orgkg load`` reads it) and its roles by title."""

    def load(text: str, name: str = "jd.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        document = load_file(tmp_path / name, root=tmp_path)
        return document, {role.title: role for role in document.roles}

    return load


def _stated(role, kind: SectionKind) -> list[str]:
    return [mention.name for mention in role.skills if mention.section is kind]


def test_the_job_title_particular_names_the_role_under_a_generic_heading(read):
    document, roles = read(JOB_DESCRIPTION)
    assert document.source.format.rsplit(":", 1)[-1] == "single-role"
    assert list(roles) == ["Senior Data Analyst"]
    role = roles["Senior Data Analyst"]
    assert (role.line, role.aliases) == (5, [])  # "Job Description" names the document, not the role


def test_particulars_give_the_grade_the_manager_and_the_staff_managed_with_their_rows(read):
    _, roles = read(JOB_DESCRIPTION)
    role = roles["Senior Data Analyst"]
    assert (role.grade, role.department) == (7, "Strategy and Insight")
    assert [(ref.title, ref.at.line, ref.at.evidence) for ref in role.reports_to] == [
        ("Head of Data", 8, "Reports to: Head of Data")
    ]
    assert [(ref.title, ref.at.line) for ref in role.direct_reports] == [("Data Analyst", 9)]


def test_particulars_are_no_summary_and_no_skills(read):
    _, roles = read(JOB_DESCRIPTION)
    role = roles["Senior Data Analyst"]
    assert role.summary == (
        "To lead the analysis of operational data across the council and turn it into insight that shapes decisions."
    )
    career = [section for section in role.sections if section.kind is SectionKind.CAREER]
    assert [line.split(": ")[0] for line in career[0].text.split("\n")] == [
        "Job title", "Grade", "Department", "Reports to", "Responsible for"
    ]


def test_essential_criteria_are_requirements_and_desirable_ones_nice_to_have(read):
    _, roles = read(JOB_DESCRIPTION)
    role = roles["Senior Data Analyst"]
    assert _stated(role, SectionKind.REQUIREMENTS) == REQUIRED
    assert _stated(role, SectionKind.NICE_TO_HAVE) == NICE
    names = [mention.name for mention in role.skills]
    assert not {"Criteria", "Knowledge", "Skills"} & set(names)  # the criteria column names groups, not skills
    [sql] = [m for m in role.skills if m.name.startswith("SQL")]
    assert (sql.at.line, sql.at.column) == (29, 2)


def test_the_graph_weighs_essential_criteria_above_desirable_ones_and_reads_british_spelling(tmp_path):
    (tmp_path / "jd.md").write_text(JOB_DESCRIPTION, encoding="utf-8")
    snapshot = build_from_documents([tmp_path], Settings(data_dir=tmp_path / "data"), save=False)
    [role] = snapshot.roles
    names = {skill.id: skill.name for skill in snapshot.skills}
    weights = {names[rel.end]: rel.weight for rel in snapshot.relationships if rel.type == "REQUIRES_SKILL"}
    assert (role.title, role.grade) == ("Senior Data Analyst", 7)
    assert weights["SQL"] == weights["Power BI"] == weights["statistics"] == 1.0  # "Statistical modelling"
    assert weights["Python"] == weights["machine learning"] == 0.4
    assert not {"Knowledge", "Skills", "Criteria"} & set(weights)


def test_a_word_job_description_reads_the_same_with_each_fact_at_its_table_cell(tmp_path):
    source = tmp_path / "jd.md"
    source.write_text(JOB_DESCRIPTION, encoding="utf-8")
    pypandoc.convert_file(str(source), "docx", format="gfm", outputfile=str(tmp_path / "jd.docx"))
    document = load_file(tmp_path / "jd.docx", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.grade) == ("Senior Data Analyst", 7)
    [manager] = role.reports_to
    # row 1 of the Word table is its empty header row, so "Reports to" is row 5
    assert (manager.title, manager.at.row, manager.at.column) == ("Head of Data", 5, 2)
    assert [ref.title for ref in role.direct_reports] == ["Data Analyst"]
    assert _stated(role, SectionKind.REQUIREMENTS) == REQUIRED
    assert _stated(role, SectionKind.NICE_TO_HAVE) == NICE


COUNCIL = """# Anytown Borough Council

Job title: Payroll Officer

Grade: Band 5

Responsible to: Payroll Manager

Responsible for: None

## Person specification

| Criteria | Essential | Desirable | Assessed by |
|---|---|---|---|
| Experience of payroll systems | ✓ | | Application |
| CIPP qualification | | ✓ | Certificate |
| Advanced Excel | ✔ | | Test |
"""


def test_a_page_headed_by_the_employer_takes_its_title_from_the_job_title_line(read):
    document, roles = read(COUNCIL)
    assert document.source.format.rsplit(":", 1)[-1] == "single-role"  # not the blueprint reader's title
    role = roles["Payroll Officer"]
    assert (role.line, role.grade, role.aliases) == (3, 5, [])
    assert [ref.title for ref in role.reports_to] == ["Payroll Manager"]
    assert role.direct_reports == []  # "Responsible for: None" names nobody


def test_ticked_criteria_take_their_kind_from_the_ticked_column_not_how_they_are_assessed(read):
    _, roles = read(COUNCIL)
    role = roles["Payroll Officer"]
    assert _stated(role, SectionKind.REQUIREMENTS) == ["Experience of payroll systems", "Advanced Excel"]
    assert _stated(role, SectionKind.NICE_TO_HAVE) == ["CIPP qualification"]


def test_criteria_marked_e_or_d_in_one_column(read):
    text = (
        "# Job Description\n\nJob Title: Payroll Officer\n\n## Person specification\n\n"
        "| Area | Criteria | E/D |\n|---|---|---|\n"
        "| Experience | Running a monthly payroll of 500 staff | E |\n| Qualifications | CIPP diploma | D |\n"
    )
    _, roles = read(text)
    role = roles["Payroll Officer"]
    assert _stated(role, SectionKind.REQUIREMENTS) == ["Running a monthly payroll of 500 staff"]
    assert _stated(role, SectionKind.NICE_TO_HAVE) == ["CIPP diploma"]


@pytest.mark.parametrize(
    "table",
    [
        "| Job title | Grade | Reports to |\n|---|---|---|\n| Payroll Officer | 5 | Payroll Manager |\n",
        "| Job title | Payroll Officer | Grade | 5 |\n|---|---|---|---|\n"
        "| Reports to | Payroll Manager | Location | Leeds |\n",
    ],
    ids=["labels-over-values", "two-pairs-a-row"],
)
def test_particulars_laid_out_over_or_beside_each_other(read, table):
    _, roles = read(f"# Role profile\n\n{table}\n## Purpose\n\nRuns the payroll.\n")
    role = roles["Payroll Officer"]
    assert role.grade == 5
    assert [ref.title for ref in role.reports_to] == ["Payroll Manager"]


def test_a_role_heading_named_otherwise_by_the_job_title_is_kept_as_an_alias(read):
    _, roles = read("# Payroll Lead\n\n| Job title | Senior Payroll Officer |\n|---|---|\n| Grade | 6 |\n")
    role = roles["Senior Payroll Officer"]
    assert (role.aliases, role.grade) == (["Payroll Lead"], 6)


def test_other_two_column_tables_are_not_particulars(read):
    text = (
        "# Data Engineer job description\n\n## Skills\n\n| Skill | Why it matters |\n|---|---|\n"
        "| Airflow | schedules the pipelines |\n| Spark | joins at scale |\n"
    )
    _, roles = read(text)
    role = roles["Data Engineer"]
    assert ([m.name for m in role.skills], role.grade, role.reports_to) == (["Airflow", "Spark"], None, [])


def test_staff_named_by_a_duty_are_no_direct_reports(read):
    text = (
        "# Job Description\n\n| Job title | Payroll Officer |\n|---|---|\n"
        "| Responsible for | the delivery of payroll |\n"
    )
    _, roles = read(text)
    assert roles["Payroll Officer"].direct_reports == []


def test_a_particulars_table_headed_by_grade_is_no_ladder_of_grades(read):
    text = "# Payroll Officer\n\n| Grade | 5 |\n|---|---|\n| Reports to | Payroll Manager |\n| Location | Leeds |\n"
    document, roles = read(text)
    assert list(roles) == ["Payroll Officer"]
    role = roles["Payroll Officer"]
    assert (role.grade, [ref.title for ref in role.reports_to]) == (5, ["Payroll Manager"])
    assert [p.message for p in document.problems] == []


def test_a_staff_label_line_names_direct_reports(read):
    text = "# Job Description\n\nJob title: Payroll Manager\n\nSupervises: 2 Payroll Officers, Payroll Assistant (x4)\n"
    _, roles = read(text)
    staff = roles["Payroll Manager"].direct_reports
    assert [(ref.title, ref.at.line) for ref in staff] == [("Payroll Officer", 5), ("Payroll Assistant", 5)]


POSTING = """<html><head><title>Senior Accountant | Acme Corp Careers</title></head><body>
<h1>Senior Accountant</h1>
<p><strong>Department:</strong> Finance</p>
<p><strong>Reports To:</strong> Controller</p>
<p><strong>FLSA Status:</strong> Exempt</p>
<h2>Summary</h2>
<p>Performs professional accounting work, including the month-end close.</p>
<h2>Qualifications</h2>
<ul>
<li>Advanced knowledge of Microsoft Excel.</li>
</ul>
</body></html>
"""


def test_the_particulars_lines_at_the_head_of_a_posting_are_no_summary(read):
    _, roles = read(POSTING, "posting.html")
    role = roles["Senior Accountant"]
    assert role.summary == "Performs professional accounting work, including the month-end close."
    assert [(ref.title, ref.at.line) for ref in role.reports_to] == [("Controller", 4)]
    [head] = [section for section in role.sections if section.kind is SectionKind.CAREER]
    assert head.text.split("\n") == ["Department: Finance", "", "FLSA Status: Exempt"]  # lines 3 and 5


def test_a_duty_naming_the_staff_it_supervises_states_direct_reports_with_its_sentence(read):
    text = (
        "# Finance Manager job description\n\n## Supervisory responsibilities\n\n"
        "Runs the finance team. Supervises two Staff Accountants\nand one Payroll Clerk.\n\n"
        "## Responsibilities\n\n- Manages the budget and Stakeholder Relationships.\n"
    )
    _, roles = read(text)
    staff = roles["Finance Manager"].direct_reports
    assert [(ref.title, ref.at.line, ref.at.evidence) for ref in staff] == [
        ("Staff Accountant", 5, "Supervises two Staff Accountants and one Payroll Clerk."),
        ("Payroll Clerk", 5, "Supervises two Staff Accountants and one Payroll Clerk."),
    ]


def test_criteria_listed_under_essential_and_desirable_headings(read):
    text = (
        "# Job Description\n\nJob title: Payroll Officer\n\n## Person specification\n\n### Essential\n\n"
        "- Advanced Excel\n\n### Desirable\n\n- CIPP diploma\n"
    )
    _, roles = read(text)
    role = roles["Payroll Officer"]
    assert _stated(role, SectionKind.REQUIREMENTS) == ["Advanced Excel"]
    assert _stated(role, SectionKind.NICE_TO_HAVE) == ["CIPP diploma"]


def test_a_job_code_particular_is_an_alias_the_role_is_found_by(read):
    text = JOB_DESCRIPTION.replace("| Grade | 7 |", "| Job code | DA-0042 |\n| Grade | 7 |")
    _, roles = read(text)
    assert roles["Senior Data Analyst"].aliases == ["DA-0042"]


def test_a_reference_that_names_no_code_is_no_alias(read):
    _, roles = read("# Payroll Officer\n\nReference: see the advert\n\n## Duties\n\n- Run the monthly payroll\n")
    assert roles["Payroll Officer"].aliases == []


# A Word template that is one table of two columns: the particulars, then each part of the job beside its
# heading (the heading cells bold, the lists in the cells), as councils', charities' and HR systems' are.
ONE_TABLE = """<html><body>
<h1>Job Description</h1>
<table>
<tr><td><b>Job Title</b></td><td>Payroll Officer</td></tr>
<tr><td><b>Department</b></td><td>Finance</td></tr>
<tr><td><b>Reports to</b></td><td>Payroll Manager</td></tr>
<tr><td><b>Purpose of the role</b></td><td>To run the monthly payroll for 2,000 staff accurately and on time.</td></tr>
<tr><td><b>Key responsibilities</b></td><td><ul><li>Process the monthly payroll in Sage</li>
<li>Reconcile payroll to the general ledger</li><li>Supervise two Payroll Assistants</li></ul></td></tr>
<tr><td><b>Skills and experience</b></td><td><ul><li>Advanced Excel</li><li>Knowledge of PAYE</li></ul></td></tr>
<tr><td><b>Key performance indicators</b></td><td><ul><li>Payroll accuracy</li>
<li>Payroll processed on time</li></ul></td></tr>
</table>
</body></html>
"""


@pytest.mark.parametrize("name", ["jd.html", "jd.docx"])
def test_a_job_description_written_as_one_table_reads_each_row_as_its_part(name, tmp_path):
    (tmp_path / "jd.html").write_text(ONE_TABLE, encoding="utf-8")
    if name == "jd.docx":
        pypandoc.convert_file(str(tmp_path / "jd.html"), "docx", outputfile=str(tmp_path / "jd.docx"))
    document = load_file(tmp_path / name, root=tmp_path)
    [role] = document.roles
    assert (role.title, role.department) == ("Payroll Officer", "Finance")
    assert [ref.title for ref in role.reports_to] == ["Payroll Manager"]
    assert role.summary == "To run the monthly payroll for 2,000 staff accurately and on time."
    assert [ref.title for ref in role.direct_reports] == ["Payroll Assistant"]
    sections = {section.name: section for section in role.sections}
    assert sections["Key responsibilities"].kind is SectionKind.RESPONSIBILITIES
    assert sections["Key responsibilities"].text.splitlines() == [
        "Process the monthly payroll in Sage", "Reconcile payroll to the general ledger",
        "Supervise two Payroll Assistants",
    ]  # fmt: skip
    assert [(m.name, m.section) for m in role.skills] == [
        ("Advanced Excel", SectionKind.SKILLS), ("Knowledge of PAYE", SectionKind.SKILLS)
    ]
    assert [m.name for m in role.kpis] == ["Payroll accuracy", "Payroll processed on time"]
    cell = role.skills[0].at
    assert (cell.row, cell.column) == (6, 2)  # the cell the list is in


def test_a_competency_table_of_more_columns_is_no_job_description(read):
    text = (
        "# Engineer\n\n| Competency | Junior | Senior |\n|---|---|---|\n"
        "| Technical skills | Writes tested code | Designs systems |\n"
        "| Key responsibilities | Ships tasks | Owns projects |\n"
    )
    document, roles = read(text)
    assert (document.source.format, sorted(roles)) == ("matrix", ["Junior Engineer", "Senior Engineer"])
    assert not any(section.name == "Key responsibilities" for role in roles.values() for section in role.sections)


INLINE_PARTS = """# Payroll Officer

**Department:** Finance
**Reports to:** Payroll Manager
**Job purpose:** To run the monthly payroll for 2,000 staff accurately and on time.

**Key responsibilities:** Process the monthly payroll in Sage; reconcile payroll to the general ledger.

**Skills and experience:** Advanced Excel; knowledge of PAYE

**Key performance indicators:** Payroll accuracy; payroll processed on time
"""

TYPED = """PAYROLL OFFICER

Department: Finance
Reports to: Payroll Manager

Job purpose
To run the monthly payroll for 2,000 staff accurately and on time.

Key responsibilities
• Process the monthly payroll in Sage
• Reconcile payroll to the general ledger

Skills and experience
• Advanced Excel
• Knowledge of PAYE
"""


@pytest.mark.parametrize(("name", "text"), [("jd.md", INLINE_PARTS), ("jd.txt", TYPED)])
def test_the_parts_of_a_job_written_beside_or_under_their_labels_are_its_sections(read, name, text):
    _, roles = read(text, name)
    [role] = roles.values()
    assert (role.department, [ref.title for ref in role.reports_to]) == ("Finance", ["Payroll Manager"])
    assert role.summary == "To run the monthly payroll for 2,000 staff accurately and on time."
    kinds = {section.name: section.kind for section in role.sections}
    assert kinds["Key responsibilities"] is SectionKind.RESPONSIBILITIES
    assert kinds["Skills and experience"] is SectionKind.SKILLS
    skills = [m for m in role.skills if m.section is SectionKind.SKILLS]
    assert [m.name.lower() for m in skills] == ["advanced excel", "knowledge of paye"]
    excel_line = next(n for n, line in enumerate(text.split("\n"), start=1) if "Advanced Excel" in line)
    assert skills[0].at.line == excel_line


def test_a_typed_list_without_bullets_is_one_skill_a_line_and_prose_stays_a_paragraph(read):
    text = (
        "PAYROLL OFFICER\n\nJob purpose\nTo run the monthly payroll for\nTwo thousand staff, on time.\n\n"
        "Skills and experience\nAdvanced Excel\nKnowledge of PAYE\nCIPP qualification (desirable)\n"
    )
    _, roles = read(text, "jd.txt")
    [role] = roles.values()
    assert role.summary == "To run the monthly payroll for Two thousand staff, on time."
    skills = [(m.name, m.at.line) for m in role.skills if m.section is SectionKind.SKILLS]
    assert skills == [("Advanced Excel", 8), ("Knowledge of PAYE", 9), ("CIPP qualification (desirable)", 10)]


KEY_RESULT_AREAS = """# Customer Service Team Leader

**Department:** Operations
**Reports to:** Customer Service Manager

## Key result areas

| Key result area | Performance indicators |
|---|---|
| Service quality | Customer satisfaction (CSAT) above 90%; first contact resolution rate |
| People | Team attrition below 10% |

## Competencies

| Competency | Required level |
|---|---|
| Coaching | 3 - Proficient |
"""


def test_a_key_result_area_table_states_its_measures_as_kpis_and_its_areas_as_no_skills(read):
    document, _ = read(KEY_RESULT_AREAS)
    assert document.source.format == "single-role"  # a Markdown page with a table: read by the layouts
    role = document.roles[0]
    assert [(m.name, m.at.line, m.at.evidence) for m in role.kpis] == [
        (
            "Customer satisfaction (CSAT) above 90%",
            10,
            "Service quality | Customer satisfaction (CSAT) above 90%; first contact resolution rate",
        ),
        (
            "first contact resolution rate",
            10,
            "Service quality | Customer satisfaction (CSAT) above 90%; first contact resolution rate",
        ),
        ("Team attrition below 10%", 11, "People | Team attrition below 10%"),
    ]
    assert [m.name for m in role.skills] == ["Coaching"]
    assert [r.title for r in role.reports_to] == ["Customer Service Manager"]
    areas = next(s for s in role.sections if s.name == "Key result areas")
    assert areas.kind is SectionKind.RESPONSIBILITIES
    assert areas.text.startswith("Service quality\n")  # the cells, not the table's Markdown
