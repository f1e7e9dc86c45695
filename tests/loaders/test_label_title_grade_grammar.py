"""The label, title and grade grammar on documents in layouts the other tests do not use.

Fixtures: ``fixtures/issue10`` — blueprints with decorated titles, career labels in list items, bold
labels, a career heading followed by prose; a job-family page with every grade wording; a page of
profession titles ending in "Manager". Expectations written by hand from reading the files.
"""

from __future__ import annotations

import pytest

from loaders import load_file, load_paths
from loaders.labels import career_field, titles_in_prose
from loaders.role_titles import split_titles
from loaders.text import clean_title


@pytest.fixture(scope="module")
def issue10(fixtures):
    return fixtures / "issue10"


def _role(result, title):
    found = [r for r in result.roles if r.title == title]
    assert found, f"no role {title!r} in {[r.title for r in result.roles]}"
    return found[0]


def _titles(refs):
    return [ref.title for ref in refs]


def test_a_decorated_blueprint_title_is_read_without_its_decoration(issue10):
    result = load_file(issue10 / "mlops-engineer.md", root=issue10)
    assert [r.title for r in result.roles] == ["MLOps Engineer"]


def test_a_decorated_blueprint_title_is_reported_by_the_blueprint_loader():
    from loaders.blueprint import parse_blueprint
    from loaders.content import clean_role_title

    outcome = parse_blueprint("# Data Engineer - Role Description\n\n## Skills\n\n- SQL\n", "d.md")
    for role in outcome.roles:
        clean_role_title(role, outcome.problems)
    assert [r.title for r in outcome.roles] == ["Data Engineer"]
    assert [(p.line, p.cause) for p in outcome.problems] == [(1, "decorated-title")]


def test_career_labels_in_list_items_and_a_career_heading_followed_by_prose(issue10):
    role = load_file(issue10 / "mlops-engineer.md", root=issue10).roles[0]
    assert _titles(role.reports_to) == ["MLOps Manager"]
    assert _titles(role.lateral) == ["ML Platform Engineer", "Data Engineer"]
    assert _titles(role.promotes_to) == ["Senior MLOps Engineer", "Head of Data Engineering"]
    assert [ref.at.line for ref in role.reports_to] == [35]


def test_bold_manages_and_next_step_labels(issue10):
    role = load_file(issue10 / "mlops-manager.md", root=issue10).roles[0]
    assert role.title == "MLOps Manager"
    assert _titles(role.direct_reports) == ["MLOps Engineers", "Senior MLOps Engineers"]
    assert _titles(role.promotes_to) == ["Head of Data Engineering"]


def test_a_career_label_line_is_not_part_of_any_scanned_section(issue10):
    role = load_file(issue10 / "mlops-engineer.md", root=issue10).roles[0]
    text = "\n".join(section.text for section in role.sections)
    assert "MLOps Manager" not in text and "ML Platform Engineer" not in text
    assert "Kubeflow" in text  # the rest of the document is there


def test_where_this_role_sits_and_next_roles_are_career_sections(issue10):
    role = load_file(issue10 / "mlops-engineer.md", root=issue10).roles[0]
    kinds = {section.name: section.kind.value for section in role.sections}
    assert kinds.get("How we measure success") == "kpis"
    assert "Next roles" not in kinds or kinds["Next roles"] == "career"
    assert kinds.get("Where this role sits", "career") == "career"


def test_every_grade_wording_of_the_security_page(issue10):
    result = load_file(issue10 / "security-job-family.md", root=issue10)
    grades = {r.title: r.grade for r in result.roles}
    assert grades["Associate Security Engineer"] == 5  # "is a job grade [level 5](...)"
    assert grades["Security Engineer"] == 6  # "is a [grade 6](...)"
    assert grades["Manager, Security Engineering"] == 8  # "is a [8](...)"
    assert grades["Sr. Director, Security Engineering"] == 10  # "is a [10](...)"
    assert grades["Vice President, Security"] == 11  # "is a job [grade 11](...)"


def test_a_grade_sentence_the_grammar_cannot_read_is_reported(issue10):
    result = load_file(issue10 / "security-job-family.md", root=issue10)
    unread = [p for p in result.problems if p.cause == "grade-not-understood"]
    assert [p.line for p in unread] == [57]
    assert "grade of about eight" in unread[0].message


def test_references_keep_abbreviated_titles_whole_and_drop_the_employer(issue10):
    result = load_file(issue10 / "security-job-family.md", root=issue10)
    associate = _role(result, "Associate Security Engineer")
    director = _role(result, "Sr. Director, Security Engineering")
    assert _titles(associate.reports_to) == ["Sr Director, Security Engineering"]
    assert _titles(director.reports_to) == ["Vice President, Security"]


def test_the_vice_president_title_loses_its_own_acronym_and_is_reported(issue10):
    result = load_file(issue10 / "security-job-family.md", root=issue10)
    decorated = [p.message for p in result.problems if p.cause == "decorated-title"]
    assert any("Vice President (VP), Security" in message for message in decorated)


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Next step", "promotes_to"),
        ("**Next steps:**", "promotes_to"),
        ("Manages", "direct_reports"),
        ("* Reports to", "reports_to"),
        ("Reporting line", "reports_to"),
        ("Lateral Moves", "lateral"),
        ("Next Roles", "promotes_to"),
        ("Skills", None),
        ("Team", None),
    ],
)
def test_career_label_wordings(label, field):
    assert career_field(label) == field


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("MLOps Engineer — Role Blueprint", "MLOps Engineer"),
        ("Data Engineer - Role Description", "Data Engineer"),
        ("CTO Role Descriptiom", "CTO"),
        ("Vice President (VP), Security", "Vice President, Security"),
        ("Chief Information Security Officer (CISO)", "Chief Information Security Officer"),
        ("Manager, Infrastructure (Delivery)", "Manager, Infrastructure (Delivery)"),
        ("Backend Engineer role at GitLab", "Backend Engineer"),
        ("Senior Backend Engineer position at Acme Corp", "Senior Backend Engineer"),
        ("Sr. Director, Engineering", "Sr. Director, Engineering"),
        ("Head of Role Design", "Head of Role Design"),
    ],
)
def test_title_cleaner(raw, clean):
    assert clean_title(raw) == clean


def test_title_lists_keep_comma_form_titles_and_abbreviations():
    assert split_titles("Sr. Director, Engineering or Managers, Solutions Architects; FP&A Manager") == [
        "Sr Director, Engineering",
        "Managers, Solutions Architects",
        "FP&A Manager",
    ]


def test_a_comma_before_a_qualifier_that_is_no_title_belongs_to_the_title():
    assert split_titles("Accounting Manager, EMEA; Backend Engineer, Fulfillment") == [
        "Accounting Manager, EMEA",
        "Backend Engineer, Fulfillment",
    ]
    assert split_titles("Head of Data, CTO") == ["Head of Data", "CTO"]  # two titles stay two


def test_titles_in_prose_name_positions_only():
    sentence = "Most grow into a Senior MLOps Engineer, or move on to Head of Data Engineering after a few years."
    assert titles_in_prose(sentence) == ["Senior MLOps Engineer", "Head of Data Engineering"]
    assert titles_in_prose("After a year on Kubernetes and Terraform you choose.") == []


def test_profession_manager_titles_stay_separate_roles(issue10):
    result = load_file(issue10 / "product-and-finance.md", root=issue10)
    assert {r.title: r.grade for r in result.roles} == {
        "Product Manager": 7,
        "Senior Product Manager": 8,
        "Principal Product Manager": 9,
        "Senior Manager, Product Management": 9,
        "FP&A Manager": 7,
        "Manager, FP&A": 8,
    }


def test_the_whole_fixture_folder_loads_without_errors(issue10):
    result = load_paths([issue10], root=issue10)
    assert [p for p in result.all_problems if p.severity == "error"] == []


@pytest.mark.parametrize("name", ["jd.md", "jd.html"])
def test_the_name_of_the_person_in_the_post_is_no_role_the_line_names(tmp_path, name):
    text = "# Payroll Officer\n\nReports to: Jane Smith, Head of Finance\n\n"
    text += "Responsible for: Payroll Clerk and Amir Khan\n"
    if name == "jd.html":
        text = "<h1>Payroll Officer</h1><p>Reports to: Jane Smith, Head of Finance</p>"
        text += "<p>Responsible for: Payroll Clerk and Amir Khan</p>"
    (tmp_path / name).write_text(text, encoding="utf-8")
    role = load_file(tmp_path / name, root=tmp_path).roles[0]
    assert [(r.title, r.at.evidence) for r in role.reports_to] == [
        ("Head of Finance", "Reports to: Jane Smith, Head of Finance")
    ]
    assert [r.title for r in role.direct_reports] == ["Payroll Clerk"]
    assert split_titles("Head of Data, CTO") == ["Head of Data", "CTO"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("ad.md", "# Payroll Officer\n\n**Location:** Leeds | **Reports to:** Head of Payroll | **Grade:** 5\n"),
        ("ad.md", "# Payroll Officer\n\nLocation: Leeds · Reports to: Head of Payroll · Grade: 5\n"),
        (
            "ad.html",
            "<h1>Payroll Officer</h1><p><strong>Location:</strong> Leeds <strong>Reports to:</strong> Head of Payroll"
            " <strong>Grade:</strong> 5</p>",
        ),
        ("ad.html", "<h1>Payroll Officer</h1><p>Location: Leeds | Reports to: Head of Payroll | Grade: 5</p>"),
    ],
)
def test_particulars_run_together_on_one_line_are_each_read(tmp_path, name, text):
    (tmp_path / name).write_text(text + "\n## Responsibilities\n\n- Run payroll\n" if name.endswith(".md") else text)
    role = load_file(tmp_path / name, root=tmp_path).roles[0]
    assert (role.title, role.grade) == ("Payroll Officer", 5)
    assert [(r.title, r.at.evidence) for r in role.reports_to] == [("Head of Payroll", "Reports to: Head of Payroll")]


@pytest.mark.parametrize("value", ["N/A", "TBC", "None", "To be confirmed", "See the org chart"])
def test_a_placeholder_in_a_career_line_names_no_role(tmp_path, value):
    (tmp_path / "jd.md").write_text(f"# Payroll Officer\n\n**Reports to:** {value}\n\n**Manages:** {value}\n")
    catalog = f"Job Title,Job Code,Reports To\nPayroll Officer,P1,{value}\nPayroll Clerk,P0,Payroll Officer\n"
    (tmp_path / "jobs.csv").write_text(catalog)
    role = load_file(tmp_path / "jd.md", root=tmp_path).roles[0]
    assert (role.reports_to, role.direct_reports) == ([], [])
    officer, clerk = load_file(tmp_path / "jobs.csv", root=tmp_path).roles
    assert (officer.reports_to, [r.title for r in clerk.reports_to]) == ([], ["Payroll Officer"])


@pytest.mark.parametrize("name", ["jd.md", "jd.html"])
def test_a_summary_sentence_saying_where_the_role_reports_states_its_line(tmp_path, name):
    summary = "Runs the payroll. This role reports to the Chief Financial Officer and supervises two Payroll Clerks."
    duty = "Work with the teams that report to the Head of Operations."
    text = f"# Payroll Officer\n\n## About the role\n\n{summary}\n\n## Responsibilities\n\n{duty}\n"
    if name == "jd.html":
        text = f"<h1>Payroll Officer</h1><h2>About the role</h2><p>{summary}</p><h2>Responsibilities</h2><p>{duty}</p>"
    (tmp_path / name).write_text(text, encoding="utf-8")
    role = load_file(tmp_path / name, root=tmp_path).roles[0]
    assert [(r.title, r.at.evidence) for r in role.reports_to] == [("Chief Financial Officer", summary.split(". ")[1])]


@pytest.mark.parametrize(
    "sentence",
    [
        "Reporting to the Head of Finance, you will lead the close.",
        "You will be reporting to the Head of Finance and work with HR.",
    ],
)
def test_a_summary_reporting_to_clause_states_the_roles_line(tmp_path, sentence):
    (tmp_path / "jd.md").write_text(f"# Payroll Officer\n\n## About the role\n\n{sentence}\n", encoding="utf-8")
    role = load_file(tmp_path / "jd.md", root=tmp_path).roles[0]
    assert [(r.title, r.at.evidence) for r in role.reports_to] == [("Head of Finance", sentence)]
