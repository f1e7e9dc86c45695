"""A job catalog — the spreadsheet an HR system exports, one role per row — is read row by row: each
column is a fact about the row's role at its own row and column; row order states no promotion; ladder
tables and other tables are read as before."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pypandoc
import pytest

from api.build import build_from_documents
from api.settings import Settings
from graph.model import SectionKind
from graph.orggraph import OrgGraph
from graph.queries import career_paths, resolve_role
from loaders.load import load_file

# An HR system's export: the hierarchy Job Family Group > Job Family > job, with the particulars an export
# carries (FLSA status, location) beside the role's facts.
HEADER = [
    "Job Code", "Job Title", "Job Family Group", "Job Family", "Management Level", "Pay Grade", "Reports To",
    "FLSA Status", "Location", "Job Summary", "Required Skills",
]
ROWS = [
    ["FIN-101", "Staff Accountant", "Finance", "Accounting", "Individual Contributor", "G5", "Accounting Manager",
     "Exempt", "London", "Prepares journal entries and account reconciliations for the month-end close.",
     "GAAP; Reconciliations; Excel"],
    ["FIN-102", "Senior Accountant", "Finance", "Accounting", "Individual Contributor", "G6", "Accounting Manager",
     "Exempt", "London", "Owns the month-end close for two entities and reviews reconciliations.",
     "GAAP; Month-end close; Reconciliations"],
    ["FIN-201", "Accounting Manager", "Finance", "Accounting", "Manager", "G8", "Controller", "Exempt", "London",
     "Leads the accounting team and the close calendar. Supervises two Senior Accountants.",
     "GAAP; People management"],
    ["FIN-301", "Controller", "Finance", "Accounting", "Director", "G10", "Chief Financial Officer", "Exempt",
     "London", "Owns financial reporting and internal controls.", "Financial reporting; Internal controls"],
    ["HR-101", "HR Generalist", "People", "Human Resources", "Individual Contributor", "G5", "HR Manager",
     "Non-exempt", "Leeds", "Advises managers on employee relations and keeps the HRIS up to date.",
     "Employee relations; HRIS"],
    ["HR-201", "HR Manager", "People", "Human Resources", "Manager", "G8", "Chief People Officer", "Exempt", "Leeds",
     "Leads the HR team.", "Employee relations; People management"],
]


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


CATALOG_CSV = _csv([HEADER, *ROWS])

MARKDOWN_CATALOG = """# Job catalogue

The roles of the Customer Success department.

| Job Title | Job Family | Level | Next Role | Skills |
|---|---|---|---|---|
| Customer Success Associate | Customer Success | P1 | Customer Success Manager | Onboarding; Zendesk |
| Customer Success Manager | Customer Success | P2 | Senior Customer Success Manager | Account management; Renewals |
| Senior Customer Success Manager | Customer Success | P3 | | Account management; Executive business reviews |
"""


@pytest.fixture
def read(tmp_path):
    """The document a file is read as (as ``orgkg load`` reads it) and its roles by title."""

    def load(name: str, content: str | bytes | None = None):
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        elif content is not None:
            path.write_bytes(content)
        document = load_file(path, root=tmp_path)
        return document, {role.title: role for role in document.roles}

    return load


def test_each_row_of_a_catalog_is_one_role_in_row_order(read):
    document, roles = read("jobs.csv", CATALOG_CSV)
    assert document.source.format == "csv:job-catalog"
    assert list(roles) == [
        "Staff Accountant", "Senior Accountant", "Accounting Manager", "Controller", "HR Generalist", "HR Manager"
    ]
    role = roles["Staff Accountant"]
    assert (role.line, role.row, role.column) == (2, 2, 2)  # its title cell


def test_the_columns_give_family_grade_code_and_track_with_the_cell_as_evidence(read):
    _, roles = read("jobs.csv", CATALOG_CSV)
    role = roles["Staff Accountant"]
    assert (role.family, role.grade, role.aliases) == ("Accounting", 5, ["FIN-101"])
    # "Management Level: Individual Contributor" names a track, not a level
    assert (role.level, role.track) == (None, "ic")
    assert (role.track_at.evidence, role.track_at.row, role.track_at.column) == (
        "Management Level: Individual Contributor", 2, 5
    )
    manager = roles["Accounting Manager"]
    assert (manager.level, manager.track, manager.grade) == ("Manager", "management", 8)


def test_a_reports_to_column_is_a_stated_line_at_its_cell(read):
    _, roles = read("jobs.csv", CATALOG_CSV)
    [line] = roles["Staff Accountant"].reports_to
    assert (line.title, line.at.evidence, line.at.row, line.at.column, line.at.method) == (
        "Accounting Manager", "Reports To: Accounting Manager", 2, 7, "stated"
    )
    # the summary's sentence "Supervises two Senior Accountants." names the staff it manages
    assert [(r.title, r.at.evidence, r.at.column) for r in roles["Accounting Manager"].direct_reports] == [
        ("Senior Accountant", "Supervises two Senior Accountants.", 10)
    ]


def test_summary_and_skills_columns_are_read_as_their_sections(read):
    _, roles = read("jobs.csv", CATALOG_CSV)
    role = roles["Staff Accountant"]
    assert role.summary == "Prepares journal entries and account reconciliations for the month-end close."
    assert [(m.name, m.section, m.at.row, m.at.column) for m in role.skills] == [
        ("GAAP", SectionKind.SKILLS, 2, 11),
        ("Reconciliations", SectionKind.SKILLS, 2, 11),
        ("Excel", SectionKind.SKILLS, 2, 11),
    ]


def test_particulars_the_grammar_does_not_read_are_kept_and_never_scanned(read):
    _, roles = read("jobs.csv", CATALOG_CSV)
    role = roles["HR Generalist"]
    career = " ".join(s.text for s in role.sections if s.kind is SectionKind.CAREER)
    assert "FLSA Status: Non-exempt" in career and "Location: Leeds" in career and "Job Code: HR-101" in career
    scanned = " ".join(s.text for s in role.sections if s.kind is not SectionKind.CAREER)
    assert "Leeds" not in scanned and "Non-exempt" not in scanned


def test_row_order_states_no_promotion(read):
    _, roles = read("jobs.csv", CATALOG_CSV)
    assert all(not role.promotes_to for role in roles.values())


def test_the_graph_infers_promotions_from_grades_within_a_family_and_finds_roles_by_code(tmp_path):
    (tmp_path / "jobs.csv").write_text(CATALOG_CSV, encoding="utf-8")
    snapshot = build_from_documents([tmp_path], Settings(data_dir=tmp_path / "data"), save=False)
    og = OrgGraph.from_snapshot(snapshot)
    assert resolve_role(og, "FIN-101").title == "Staff Accountant"
    promotions = {
        (og.roles_by_id[r.start].title, og.roles_by_id[r.end].title): r.method
        for r in snapshot.relationships
        if r.type == "PROMOTES_TO"
    }
    # a Staff Accountant (G5) is below a Senior Accountant (G6), whatever "Staff" means in "Staff Engineer"
    assert promotions[("Staff Accountant", "Senior Accountant")] == "inferred"
    assert ("Senior Accountant", "Staff Accountant") not in promotions
    assert "stated" not in promotions.values()
    lines = {(og.roles_by_id[r.start].title, og.roles_by_id[r.end].title): r for r in snapshot.relationships
             if r.type == "REPORTS_TO"}
    stated = lines[("Staff Accountant", "Accounting Manager")]
    assert (stated.method, stated.row, stated.column) == ("stated", 2, 7)
    names = {skill.name for skill in snapshot.skills}
    assert {"GAAP", "reconciliations", "spreadsheets", "HRIS"} <= names
    assert not {"Exempt", "London", "Finance", "FIN-101"} & names
    path = career_paths(og, "Staff Accountant", "Senior Accountant", k=1)
    assert [step.end.title for step in path.paths[0].steps] == ["Senior Accountant"]


def test_a_family_group_is_the_family_when_no_column_names_a_finer_one(read):
    text = (
        "Job Title,Job Family Group,Grade,Line Manager\n"
        "Payroll Assistant,Finance,3,Payroll Manager\n"
        "Payroll Manager,Finance,6,Head of Finance\n"
    )
    _, roles = read("grades.csv", text)
    assert [(r.title, r.family, r.grade) for r in roles.values()] == [
        ("Payroll Assistant", "Finance", 3), ("Payroll Manager", "Finance", 6)
    ]
    assert [r.title for r in roles["Payroll Assistant"].reports_to] == ["Payroll Manager"]


def test_a_workbook_with_a_title_row_above_the_header_is_read_from_its_header(read, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Job catalogue"
    sheet.append(["Acme Ltd job catalogue, March 2026"])
    sheet.append([])
    sheet.append(["Job Title", "Job Family", "Band", "Reports To", "Purpose", "Key Responsibilities"])
    sheet.append([
        "Payroll Officer", "Payroll", "Band 4", "Payroll Manager", "Runs the monthly payroll.",
        "Process payroll for 2,000 staff\nReconcile payroll to the general ledger",
    ])
    sheet.append([
        "Payroll Manager", "Payroll", "Band 6", "Head of Finance", "Leads the payroll team.",
        "Supervises three Payroll Officers\nOwn payroll controls",
    ])
    book.save(tmp_path / "catalogue.xlsx")
    document, roles = read("catalogue.xlsx")
    assert document.source.format == "xlsx:job-catalog"
    assert list(roles) == ["Payroll Officer", "Payroll Manager"]
    officer = roles["Payroll Officer"]
    assert (officer.family, officer.grade, officer.summary) == ("Payroll", 4, "Runs the monthly payroll.")
    assert (officer.sheet, officer.row, officer.column) == ("Job catalogue", 4, 1)
    [line] = officer.reports_to
    assert (line.title, line.at.sheet, line.at.row, line.at.column) == ("Payroll Manager", "Job catalogue", 4, 4)
    duties = [s.text for s in officer.sections if s.kind is SectionKind.RESPONSIBILITIES]
    assert duties == ["Process payroll for 2,000 staff\nReconcile payroll to the general ledger"]
    assert [r.title for r in roles["Payroll Manager"].direct_reports] == ["Payroll Officer"]


def test_a_catalog_table_in_markdown_states_the_next_role_column(read):
    document, roles = read("catalogue.md", MARKDOWN_CATALOG)
    assert document.source.format == "job-catalog"
    role = roles["Customer Success Associate"]
    assert (role.family, role.level) == ("Customer Success", "P1")
    assert [(r.title, r.at.line, r.at.evidence) for r in role.promotes_to] == [
        ("Customer Success Manager", 7, "Next Role: Customer Success Manager")
    ]
    assert roles["Senior Customer Success Manager"].promotes_to == []


def test_a_catalog_in_html_reads_its_description_column_as_the_summary(read):
    html = """<html><body><h1>Roles</h1><table>
    <tr><th>Position</th><th>Department</th><th>Reports to</th><th>Description</th></tr>
    <tr><td>Office Manager</td><td>Operations</td><td>Operations Director</td><td>Runs the office.</td></tr>
    <tr><td>Receptionist</td><td>Operations</td><td>Office Manager</td><td>Greets visitors.</td></tr>
    </table></body></html>"""
    document, roles = read("roles.html", html)
    assert document.source.format == "html:job-catalog"
    assert [(r.title, r.summary, [m.title for m in r.reports_to]) for r in roles.values()] == [
        ("Office Manager", "Runs the office.", ["Operations Director"]),
        ("Receptionist", "Greets visitors.", ["Office Manager"]),
    ]


def test_records_of_a_json_export_are_a_catalog(read):
    records = [
        {"job_code": "ENG-1", "job_title": "Software Engineer", "job_family": "Engineering", "grade": "G6",
         "reports_to": "Engineering Manager"},
        {"job_code": "ENG-2", "job_title": "Engineering Manager", "job_family": "Engineering", "grade": "G8",
         "reports_to": "Director of Engineering"},
    ]
    document, roles = read("jobs.json", json.dumps(records))
    assert document.source.format == "json:job-catalog"
    assert [(r.title, r.grade, r.aliases, [m.title for m in r.reports_to]) for r in roles.values()] == [
        ("Software Engineer", 6, ["ENG-1"], ["Engineering Manager"]),
        ("Engineering Manager", 8, ["ENG-2"], ["Director of Engineering"]),
    ]


def test_a_career_track_grade_title_table_is_still_a_ladder(read):
    text = "| Career Track | Grade | Job Title |\n|---|---|---|\n| Data | 5 | Data Analyst |\n"
    text += "| Data | 6 | Senior Data Analyst |\n| Data | 7 | Lead Data Analyst |\n"
    document, roles = read("tracks.md", text)
    assert document.source.format == "ladder"
    assert [p.title for p in roles["Data Analyst"].promotes_to] == ["Senior Data Analyst"]


def test_a_ladder_table_of_levels_and_skills_is_still_a_ladder(read):
    text = "| Level | Title | Skills |\n|---|---|---|\n| L1 | Engineer | Go |\n"
    text += "| L2 | Senior Engineer | Go; Kubernetes |\n"
    document, roles = read("levels.md", text)
    assert document.source.format == "ladder"
    assert any(role.promotes_to for role in roles.values())


def test_a_table_whose_titles_are_not_roles_is_no_catalog(read):
    text = "# Policies\n\n| Title | Owner | Department | Last reviewed |\n|---|---|---|---|\n"
    text += "| Travel policy | Finance | Finance | 2026 |\n| Expenses policy | Finance | Finance | 2026 |\n"
    document, roles = read("register.md", text)
    assert not document.source.format.endswith("job-catalog")
    assert not {"Travel policy", "Expenses policy"} & set(roles)


def test_a_title_on_two_rows_of_other_families_is_one_role_with_a_warning_at_the_later_row(read):
    text = (
        "Job Code,Job Title,Job Family,Grade\n"
        "FIN-1,Analyst,Finance,5\n"
        "HR-1,Analyst,People,5\n"
        "HR-2,HR Manager,People,8\n"
    )
    document, _ = read("analysts.csv", text)
    assert [(r.title, r.family) for r in document.roles] == [("Analyst", "Finance"), ("Analyst", "People"),
                                                             ("HR Manager", "People")]
    [warning] = [p for p in document.problems if p.cause == "repeated-title"]
    assert (warning.severity, warning.line, warning.row) == ("warning", 3, 3)
    assert "'Analyst'" in warning.message and "family 'People' after 'Finance'" in warning.message
    assert "line 2, row 2, column 2" in warning.message


def test_a_word_catalog_reads_a_list_in_a_cell_as_its_items(read, tmp_path):
    html = """<table>
    <tr><th>Job Title</th><th>Department</th><th>Reports To</th><th>Key Skills</th><th>Duties</th></tr>
    <tr><td>Payroll Officer</td><td>Finance</td><td>Payroll Manager</td>
        <td><ul><li>Payroll processing</li><li>Excel</li></ul></td><td>Runs the monthly payroll.</td></tr>
    <tr><td>Payroll Manager</td><td>Finance</td><td>Head of Finance</td><td>People management</td>
        <td><ul><li>Supervises two Payroll Officers</li><li>Owns payroll controls</li></ul></td></tr>
    </table>"""
    (tmp_path / "catalogue.html").write_text(html, encoding="utf-8")
    pypandoc.convert_file(str(tmp_path / "catalogue.html"), "docx", outputfile=str(tmp_path / "catalogue.docx"))
    (tmp_path / "catalogue.html").unlink()
    document, roles = read("catalogue.docx")
    assert document.source.format == "docx:job-catalog"
    officer = roles["Payroll Officer"]
    assert [(m.name, m.at.row, m.at.column) for m in officer.skills] == [
        ("Payroll processing", 2, 4), ("Excel", 2, 4)
    ]
    assert [(r.title, r.at.row, r.at.column) for r in officer.reports_to] == [("Payroll Manager", 2, 3)]
    assert [(r.title, r.at.evidence) for r in roles["Payroll Manager"].direct_reports] == [
        ("Payroll Officer", "Supervises two Payroll Officers")
    ]


def test_education_and_certification_columns_are_requirements(read):
    text = (
        "Job Title,Job Family,Reports To,Education,Certifications,Preferred Qualifications\n"
        'Tax Accountant,Accounting,Tax Manager,"Bachelor\'s degree in accounting",CPA,Big Four experience\n'
        "Tax Manager,Accounting,Controller,Bachelor's degree,CPA; CTA,\n"
    )
    _, roles = read("tax.csv", text)
    # a cell naming one qualification states it; a longer one is scanned
    assert [(m.name, m.section) for m in roles["Tax Manager"].skills] == [
        ("Bachelor's degree", SectionKind.REQUIREMENTS),
        ("CPA", SectionKind.REQUIREMENTS),
        ("CTA", SectionKind.REQUIREMENTS),
    ]
    kinds = {s.name: s.kind for s in roles["Tax Accountant"].sections}
    assert kinds["Preferred Qualifications"] is SectionKind.NICE_TO_HAVE
    text = "Job Title,Job Family,Reports To,Education\n"
    text += "Tax Analyst,Accounting,Tax Manager,Bachelor's degree in accounting. CPA preferred.\n"
    text += "Tax Manager,Accounting,Controller,CPA\n"
    _, roles = read("tax.csv", text)
    assert roles["Tax Analyst"].skills == []


def test_a_department_column_places_a_role_whose_title_names_no_function(tmp_path):
    text = (
        "Job Title,Department,Grade,Reports To\n"
        "Analyst,Finance,5,Finance Manager\n"
        "Finance Manager,Finance,7,Chief Financial Officer\n"
        "Software Engineer,Finance,6,Finance Manager\n"
    )
    (tmp_path / "finance.csv").write_text(text, encoding="utf-8")
    document = load_file(tmp_path / "finance.csv", root=tmp_path)
    assert document.source.format == "csv:job-catalog"
    assert [r.department for r in document.roles] == ["Finance"] * 3
    snapshot = build_from_documents([tmp_path], Settings(data_dir=tmp_path / "data"), save=False)
    assert {role.department for role in snapshot.roles} == {"Finance"}  # a property of the Role node too
    functions = {role.title: role.function for role in snapshot.roles}
    # the department places only what the title cannot: a software engineer's function is still its craft's
    assert functions == {
        "Analyst": "Finance", "Finance Manager": "Finance", "Software Engineer": "Software Development"
    }


def test_records_of_an_export_with_lists_of_skills_are_a_catalog_with_each_fact_at_its_line(read):
    text = """jobs:
  - job_code: ENG-1
    job_title: Software Engineer
    grade: G6
    reports_to: Engineering Manager
    skills:
      - Python
      - SQL
  - job_code: ENG-2
    job_title: Engineering Manager
    grade: G8
    reports_to: Director of Engineering
    skills: [People management, Hiring]
"""
    document, roles = read("jobs.yaml", text)
    assert document.source.format == "yaml-data:job-catalog"
    engineer = roles["Software Engineer"]
    assert (engineer.grade, engineer.aliases, engineer.line) == (6, ["ENG-1"], 3)
    assert [(m.name, m.at.line) for m in engineer.skills] == [("Python", 6), ("SQL", 6)]
    assert [(r.title, r.at.line) for r in engineer.reports_to] == [("Engineering Manager", 5)]
    assert [m.name for m in roles["Engineering Manager"].skills] == ["People management", "Hiring"]


def test_supervisor_and_next_job_columns_are_reporting_lines_and_promotions(read):
    text = (
        "Position,Supervisor,Next Job,Department\n"
        "Payroll Clerk,Payroll Supervisor,Payroll Officer,Finance\n"
        "Payroll Officer,Payroll Supervisor,,Finance\n"
    )
    _, roles = read("payroll.csv", text)
    clerk = roles["Payroll Clerk"]
    assert [(r.title, r.at.evidence) for r in clerk.reports_to] == [
        ("Payroll Supervisor", "Supervisor: Payroll Supervisor")
    ]
    assert [(r.title, r.at.evidence) for r in clerk.promotes_to] == [("Payroll Officer", "Next Job: Payroll Officer")]


def test_a_forced_catalog_layout_keeps_each_files_reader(tmp_path):
    """``orgkg load --format job-catalog`` reads a CSV with the CSV reader and its table with the layout (it
    used to read the CSV's text as Markdown, which has no table)."""
    (tmp_path / "jobs.csv").write_text(CATALOG_CSV, encoding="utf-8")
    document = load_file(tmp_path / "jobs.csv", root=tmp_path, format="job-catalog")
    assert document.source.format == "csv:job-catalog"
    assert [role.title for role in document.roles][:2] == ["Staff Accountant", "Senior Accountant"]
    page = pypandoc.convert_text(MARKDOWN_CATALOG, "html", format="md")
    (tmp_path / "jobs.html").write_text(page, encoding="utf-8")
    forced = load_file(tmp_path / "jobs.html", root=tmp_path, format="job-catalog")
    assert forced.source.format == "html:job-catalog"
    assert [role.title for role in forced.roles] == [
        "Customer Success Associate", "Customer Success Manager", "Senior Customer Success Manager"
    ]


def test_a_family_merged_down_the_rows_of_its_jobs_is_each_jobs_family(read, tmp_path):
    """A compensation team's workbook merges the Job Family cell over the rows of the family's jobs, and
    the title row over the table's width; every job of the merged rows is in that family."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Jobs"
    sheet.append(["Finance and People job catalogue"])
    sheet.append(["Job Family", "Job Title", "Grade", "Reports To"])
    sheet.append(["Payroll", "Payroll Officer", "G4", "Payroll Manager"])
    sheet.append([None, "Payroll Manager", "G6", "Head of Finance"])
    sheet.append(["Talent Acquisition", "Recruiter", "G4", "Talent Acquisition Manager"])
    sheet.append([None, "Senior Recruiter", "G5", "Talent Acquisition Manager"])
    sheet.append([None, "Talent Acquisition Manager", "G7", "Chief People Officer"])
    for cells in ("A1:D1", "A3:A4", "A5:A7"):
        sheet.merge_cells(cells)
    book.save(tmp_path / "jobs.xlsx")
    document, roles = read("jobs.xlsx")
    assert document.source.format == "xlsx:job-catalog"
    families = {title: role.family for title, role in roles.items()}
    assert families == {
        "Payroll Officer": "Payroll", "Payroll Manager": "Payroll", "Recruiter": "Talent Acquisition",
        "Senior Recruiter": "Talent Acquisition", "Talent Acquisition Manager": "Talent Acquisition",
    }  # fmt: skip
    assert (roles["Senior Recruiter"].sheet, roles["Senior Recruiter"].row) == ("Jobs", 6)


def test_an_exports_html_description_cells_are_read_as_their_paragraphs_headings_and_lists(read, tmp_path):
    # HR systems export rich-text fields as HTML (Workday's Job Description, Greenhouse's job content)
    description = (
        "<p>Runs the monthly payroll.</p><h3>Responsibilities</h3><ul><li>Run the monthly payroll</li>"
        "<li>Reconcile payroll to the general ledger</li></ul><h3>Requirements</h3><ul><li>Knowledge of PAYE</li></ul>"
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Job Code", "Job Title", "Job Family", "Job Description"])
    sheet.append(["PAY-1", "Payroll Officer", "Payroll", description])
    sheet.append(["PAY-2", "Payroll Manager", "Payroll", "<p>Leads the payroll team.</p>"])
    book.save(tmp_path / "profiles.xlsx")
    _, roles = read("profiles.xlsx")
    officer = roles["Payroll Officer"]
    assert officer.summary == "Runs the monthly payroll."  # no tags
    sections = {section.name: section for section in officer.sections}
    assert sections["Responsibilities"].kind is SectionKind.RESPONSIBILITIES
    assert sections["Responsibilities"].text == "Run the monthly payroll\nReconcile payroll to the general ledger"
    assert [str(place) for place in sections["Responsibilities"].places] == ["sheet Sheet, row 2, column D"] * 2
    [requirement] = [m for m in officer.skills if m.section is SectionKind.REQUIREMENTS]
    assert (requirement.name, str(requirement.at.location)) == ("Knowledge of PAYE", "sheet Sheet, row 2, column D")
    assert roles["Payroll Manager"].summary == "Leads the payroll team."


WORKDAY_PROFILES = """Job Profile,Job Profile Code,Job Family,Management Level,Job Level,Compensation Grade,Inactive
Accountant II,FIN-ACC-2,Accounting,Individual Contributor,P2,Grade 6,No
Senior Accountant,FIN-ACC-3,Accounting,Individual Contributor,P3,Grade 7,No
Legacy Bookkeeper,FIN-BK-1,Accounting,Individual Contributor,P1,Grade 5,Yes
Accounting Manager,FIN-ACC-M1,Accounting,Manager,M1,Grade 8,No
"""


def test_a_job_profile_export_gives_the_job_level_beside_a_management_level_of_ic_and_the_compensation_grade(read):
    document, roles = read("profiles.csv", WORKDAY_PROFILES)
    assert [(r.title, r.level, r.grade, r.track) for r in document.roles] == [
        ("Accountant II", "P2", 6, "ic"),
        ("Senior Accountant", "P3", 7, "ic"),
        ("Accounting Manager", "Manager", 8, "management"),
    ]
    assert roles["Accountant II"].track_at.evidence == "Management Level: Individual Contributor"


def test_a_row_marked_inactive_is_no_role_and_a_warning_at_its_row_says_so(read):
    document, roles = read("profiles.csv", WORKDAY_PROFILES)
    assert "Legacy Bookkeeper" not in roles
    warning = next(p for p in document.problems if p.cause == "inactive-job")
    assert (warning.line, warning.severity) == (4, "warning")
    assert warning.message == "job 'Legacy Bookkeeper' is marked inactive (Inactive: Yes): not read as a role"
    status = "Job Title,Job Code,Status\nPayroll Officer,P1,Active\nPayroll Clerk,P0,Retired\n"
    assert [r.title for r in read("status.csv", status)[0].roles] == ["Payroll Officer"]


@pytest.mark.parametrize("header", ["Manager Job Title", "Supervisor Position", "Reports To (Title)"])
def test_a_reporting_column_named_with_its_title_qualifier_is_the_reporting_line(read, header):
    document, roles = read("jobs.csv", f"Job Title,Job Code,{header}\nPayroll Officer,P1,Head of Payroll\n"
                                       "Payroll Clerk,P0,Payroll Officer\n")
    assert [[r.title for r in role.reports_to] for role in document.roles] == [["Head of Payroll"], ["Payroll Officer"]]
    assert roles["Payroll Clerk"].reports_to[0].at.evidence == f"{header}: Payroll Officer"
