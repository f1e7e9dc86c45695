"""A table whose rows are roles and whose columns are the roles' fields — a title column beside level,
grade, skills, description or responsibilities columns — gives one role per row, each cell read as the
field its header names: the title from the title column (not the level), the level and grade as such,
the skills cell's names as skills, the description as the summary. Rows in rising level order are a
ladder; rows of different jobs are records and state no promotion. The same table as JSON records
(``{"roles": [...]}``) reads the same.

Before, such a table was read as a competency matrix or a ladder of its first column: "| Level | Title |
Skills |" gave roles named "levels L1" with no skills, and "| Role | Skills | Description |" gave each
role the skills "Skills" and "Description" and a promotion from one job to the next.
"""

from __future__ import annotations

import json

import pytest

from loaders.load import load_file

LEVELS_FIRST = (
    "# Backend engineering ladder\n\n"
    "| Level | Title | Skills |\n|---|---|---|\n"
    "| L1 | Engineer | Go |\n"
    "| L2 | Senior Engineer | Go; Kubernetes |\n"
)
TITLES_FIRST = (
    "# Backend engineering ladder\n\n"
    "| Title | Level | Skills |\n|---|---|---|\n"
    "| Engineer | L1 | Go |\n"
    "| Senior Engineer | L2 | Go; Kubernetes |\n"
)


def _load(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text)
    return load_file(tmp_path / name, root=tmp_path)


def _roles(document) -> dict:
    return {role.title: role for role in document.roles}


@pytest.mark.parametrize("text", [LEVELS_FIRST, TITLES_FIRST], ids=["levels-first", "titles-first"])
def test_a_ladder_table_names_each_role_by_its_title_column_with_its_level_and_skills(tmp_path, text):
    document = _load(tmp_path, "ladder.md", text)
    roles = _roles(document)
    assert list(roles) == ["Engineer", "Senior Engineer"]
    assert [roles[t].level for t in roles] == ["L1", "L2"]
    assert [m.name for m in roles["Senior Engineer"].skills] == ["Go", "Kubernetes"]
    assert roles["Senior Engineer"].line == 6
    [step] = roles["Engineer"].promotes_to
    assert (step.title, step.at.method) == ("Senior Engineer", "stated")
    assert roles["Senior Engineer"].promotes_to == []
    assert document.source.format == "ladder"


def test_a_table_of_different_jobs_gives_each_its_skills_and_summary_and_no_promotion(tmp_path):
    text = (
        "# Data team\n\n| Role | Skills | Description |\n|---|---|---|\n"
        "| Data Analyst | SQL; Tableau | Builds dashboards for the sales team. |\n"
        "| Data Engineer | Python; Airflow | Builds and runs the data pipelines. |\n"
    )
    document = _load(tmp_path, "team.md", text)
    roles = _roles(document)
    assert list(roles) == ["Data Analyst", "Data Engineer"]
    assert [m.name for m in roles["Data Analyst"].skills] == ["SQL", "Tableau"]
    assert roles["Data Engineer"].summary == "Builds and runs the data pipelines."
    assert all(role.promotes_to == [] for role in roles.values())


def test_grades_that_do_not_rise_down_the_table_are_records_not_a_ladder(tmp_path):
    text = (
        "| Job Title | Grade | Description |\n|---|---|---|\n"
        "| Accountant | G5 | Keeps the ledgers. |\n"
        "| Payroll Officer | G4 | Runs the monthly payroll. |\n"
        "| Financial Controller | G9 | Owns the month-end close. |\n"
    )
    roles = _roles(_load(tmp_path, "finance.md", text))
    assert [(title, role.grade) for title, role in roles.items()] == [
        ("Accountant", 5), ("Payroll Officer", 4), ("Financial Controller", 9)
    ]
    assert all(role.promotes_to == [] for role in roles.values())


@pytest.mark.parametrize("wrap", [lambda roles: {"roles": roles}, lambda roles: roles], ids=["roles-key", "list"])
def test_json_role_records_read_as_their_yaml_twin(tmp_path, wrap):
    records = [
        {"title": "Data Analyst", "description": "Builds dashboards.", "level": "L2", "skills": ["SQL"]},
        {"title": "Senior Data Analyst", "description": "Leads analyses.", "level": "L3", "reports_to": "Head of Data"},
    ]
    text = json.dumps(wrap(records), indent="\t")  # tabs: JSON's whitespace, which YAML refuses
    document = _load(tmp_path, "roles.json", text)
    roles = _roles(document)
    assert [(title, role.level, role.summary) for title, role in roles.items()] == [
        ("Data Analyst", "L2", "Builds dashboards."), ("Senior Data Analyst", "L3", "Leads analyses.")
    ]
    [skill] = roles["Data Analyst"].skills
    sql_line = next(n for n, line in enumerate(text.split("\n"), start=1) if '"SQL"' in line)
    assert (skill.name, skill.at.line) == ("SQL", sql_line)
    assert [ref.title for ref in roles["Senior Data Analyst"].reports_to] == ["Head of Data"]
    assert document.problems == []
    yaml_twin = "roles:\n" + "".join(
        f"  - title: {r['title']}\n    description: {r['description']}\n    level: {r['level']}\n" for r in records
    )
    twin = _roles(_load(tmp_path, "roles.yaml", yaml_twin))
    fields = [(r.title, r.level, r.summary) for r in roles.values()]
    assert [(r.title, r.level, r.summary) for r in twin.values()] == fields


def test_json_that_only_looks_like_a_role_file_is_still_read_as_data(tmp_path):
    data = {"title": "Engineering levels", "description": "Our ladder.", "levels": [{"level": "L1"}, {"level": "L2"}]}
    document = _load(tmp_path, "levels.json", json.dumps(data, indent=2))
    assert not document.source.format.startswith("yaml")


def test_a_competency_matrix_with_a_role_column_stays_a_matrix(tmp_path):
    text = (
        "| Role | Communication | Delivery |\n|---|---|---|\n"
        "| Engineer | Explains own work clearly | Ships small changes |\n"
        "| Senior Engineer | Explains trade-offs to the team | Leads projects end to end |\n"
    )
    document = _load(tmp_path, "matrix.md", text)
    assert document.source.format == "matrix"
    assert {m.name for m in _roles(document)["Engineer"].skills} == {"Communication", "Delivery"}


def test_a_table_listing_the_roles_described_below_it_leaves_them_to_their_sections(tmp_path):
    text = (
        "# Data roles\n\n| Role | Description |\n|---|---|\n"
        "| Data Analyst | Builds dashboards. |\n| Data Engineer | Builds pipelines. |\n\n"
        "## Data Analyst\n\n### Skills\n\n- SQL\n\n## Data Engineer\n\n### Skills\n\n- Python\n"
    )
    roles = _roles(_load(tmp_path, "roles.md", text))
    assert [m.name for m in roles["Data Analyst"].skills] == ["SQL"]
    assert [m.name for m in roles["Data Engineer"].skills] == ["Python"]


def test_a_ladder_of_levels_beside_a_role_column_names_each_role_by_it(tmp_path):
    text = (
        "# Engineering ladder\n\n| Level | Role | Expectations |\n|---|---|---|\n"
        "| L1 | Software Engineer I | Delivers well-scoped tasks with guidance. |\n"
        "| L2 | Software Engineer II | Delivers features independently. |\n"
    )
    document = _load(tmp_path, "ladder.md", text)
    roles = _roles(document)
    levels = [(title, role.level) for title, role in roles.items()]
    assert levels == [("Software Engineer I", "L1"), ("Software Engineer II", "L2")]
    assert {s.name: s.text for s in roles["Software Engineer II"].sections}["Expectations"] == (
        "Delivers features independently."
    )
    assert [p.title for p in roles["Software Engineer I"].promotes_to] == ["Software Engineer II"]


def test_a_matrix_of_levels_in_rows_takes_each_roles_title_from_its_title_column(tmp_path):
    text = (
        "# Engineering ladder\n\n| Level | Title | Scope | Impact |\n|---|---|---|---|\n"
        "| IC1 | Engineer I | Well-defined tasks | Own team |\n"
        "| IC2 | Engineer II | Features | Own team |\n"
        "| IC3 | Senior Engineer | Projects | Several teams |\n"
    )
    document = _load(tmp_path, "matrix.md", text)
    assert document.source.format == "matrix"
    roles = _roles(document)
    assert [(title, role.level, role.line) for title, role in roles.items()] == [
        ("Engineer I", "IC1", 5), ("Engineer II", "IC2", 6), ("Senior Engineer", "IC3", 7)
    ]
    scope = next(m for m in roles["Senior Engineer"].skills if m.name == "Scope")
    assert scope.at.evidence == "Scope: Projects"
    assert [p.title for p in roles["Engineer II"].promotes_to] == ["Senior Engineer"]


def test_a_matrix_of_roles_in_rows_reads_a_level_column_as_their_levels_not_a_competency(tmp_path):
    text = (
        "Title,Level,Communication,Delivery\n"
        "Engineer I,L1,Explains own work,Ships small changes\n"
        "Engineer II,L2,Explains trade-offs,Ships features\n"
    )
    document = _load(tmp_path, "matrix.csv", text)
    roles = _roles(document)
    assert [(title, role.level) for title, role in roles.items()] == [("Engineer I", "L1"), ("Engineer II", "L2")]
    assert {m.name for m in roles["Engineer II"].skills} == {"Communication", "Delivery"}


def test_each_sheet_of_ladder_tables_is_its_own_ladder(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    header = ["Level", "Job Title", "Key Skills"]
    sheets = {
        "Engineering": [header, ["L1", "Engineer I", "Go"], ["L2", "Engineer II", "Go; Kubernetes"]],
        "Data": [header, ["L1", "Data Analyst I", "SQL"], ["L2", "Data Analyst II", "SQL"]],
    }
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(tmp_path / "architecture.xlsx")
    roles = _roles(load_file(tmp_path / "architecture.xlsx", root=tmp_path))
    steps = {title: [p.title for p in role.promotes_to] for title, role in roles.items()}
    assert steps == {"Engineer I": ["Engineer II"], "Engineer II": [], "Data Analyst I": ["Data Analyst II"],
                     "Data Analyst II": []}


def test_a_table_of_the_roles_around_one_roles_description_names_no_roles_of_the_page(tmp_path):
    text = (
        "# Payroll Officer\n\n## Responsibilities\n\n- Run the monthly payroll\n\n## Key relationships\n\n"
        "| Role | Description |\n|---|---|\n| Payroll Manager | Line manager; approves the payroll |\n"
        "| Finance Director | Signs off the payroll budget |\n"
    )
    document = _load(tmp_path, "payroll-officer.md", text)
    [role] = document.roles
    assert role.title == "Payroll Officer"
    assert "Finance Director" in {s.name: s.text for s in role.sections}["Key relationships"]


def test_one_roles_page_with_its_career_path_table_keeps_its_sections_on_that_role_of_the_ladder(tmp_path):
    text = (
        "# Senior Data Engineer\n\n## Responsibilities\n\n- Design streaming pipelines\n\n"
        "## Requirements\n\n- Five years of Python\n\n## Career path\n\n"
        "| Level | Title |\n|---|---|\n| L3 | Data Engineer |\n| L4 | Senior Data Engineer |\n"
        "| L5 | Staff Data Engineer |\n"
    )
    roles = _roles(_load(tmp_path, "senior-data-engineer.md", text))
    assert [(title, role.level) for title, role in roles.items()] == [
        ("Data Engineer", "L3"), ("Senior Data Engineer", "L4"), ("Staff Data Engineer", "L5")
    ]
    senior = roles["Senior Data Engineer"]
    assert [m.name for m in senior.skills] == ["Five years of Python"]
    assert roles["Data Engineer"].skills == []  # the page's requirements are the senior role's alone
    assert [p.title for p in senior.promotes_to] == ["Staff Data Engineer"]


def test_a_ladder_table_written_from_the_top_level_down_promotes_up_the_levels(tmp_path):
    text = (
        "| Level | Title | Skills |\n|---|---|---|\n| L5 | Principal Engineer | Architecture |\n"
        "| L4 | Staff Engineer | System design |\n| L3 | Senior Engineer | Go |\n"
    )
    roles = _roles(_load(tmp_path, "ladder.md", text))
    steps = {title: [p.title for p in role.promotes_to] for title, role in roles.items()}
    assert steps == {"Senior Engineer": ["Staff Engineer"], "Staff Engineer": ["Principal Engineer"],
                     "Principal Engineer": []}
