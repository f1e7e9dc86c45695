from graph.model import SectionKind
from loaders import load_file, load_paths


def write(tmp_path, text, name="role.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return load_file(path, root=tmp_path)


def test_seed_role_files_load_with_lines(repo):
    result = load_paths([repo / "seeds" / "roles"], root=repo)
    assert result.all_problems == []
    roles = {r.title: r for r in result.roles}
    assert sorted(roles) == [
        "Head of MLOps",
        "Head of Platform Engineering",
        "MLOps Manager",
        "Machine Learning Engineering Manager",
    ]
    head = roles["Head of Platform Engineering"]
    assert head.source == "seeds/roles/head-of-platform-engineering.yaml"
    assert [(r.title, r.at.line) for r in head.reports_to] == [("Global Head of Platform Engineering", 37)]
    assert [(r.title, r.at.line) for r in head.promotes_to] == [("Global Head of Platform Engineering", 39)]
    assert [(m.name, m.at.line, m.importance) for m in head.skills[:3]] == [
        ("Platform strategy", 20, 1.0),
        ("Developer experience", 22, 1.0),
        ("CI/CD", 24, 0.67),
    ]
    [summary] = head.sections
    assert (summary.kind, summary.line) == (SectionKind.SUMMARY, 16)
    assert summary.text.split("\n")[0].startswith("The Head of Platform Engineering is accountable")
    assert len(summary.text.split("\n")) == 3
    assert head.summary.endswith("makes sure they are adopted.")
    mlops = roles["MLOps Manager"]
    assert [(r.title, r.at.line) for r in mlops.reports_to] == [("Head of MLOps", 23)]
    assert roles["Head of MLOps"].family == "Machine Learning"
    assert [d.family for d in result.documents if d.source.path.endswith("ml-leadership.yaml")] == ["Machine Learning"]


def test_malformed_yaml_names_the_line(tmp_path):
    doc = write(tmp_path, "title: SRE Manager\nskills:\n  - SLOs\n  - [unclosed\nkpis: []\n")
    [problem] = doc.problems
    assert (problem.path, problem.severity) == ("role.yaml", "error")
    assert problem.line == 5
    assert problem.message.startswith("malformed YAML")


def test_unknown_key_is_a_warning_with_its_line(tmp_path):
    doc = write(tmp_path, "title: SRE Manager\nlevel: Manager\nsalary: 100\n")
    assert [r.title for r in doc.roles] == ["SRE Manager"]
    assert [(p.line, p.severity, p.message) for p in doc.problems] == [(3, "warning", "unknown key 'salary' ignored")]


def test_missing_title_and_wrong_types_are_errors(tmp_path):
    doc = write(
        tmp_path,
        "roles:\n  - level: Manager\n  - title: SRE\n    grade: high\n    skills:\n      - {name: Go, importance: 3}\n",
    )
    assert [r.title for r in doc.roles] == ["SRE"]
    assert [(p.line, p.severity) for p in doc.problems] == [(2, "error"), (4, "error"), (6, "error")]
    assert "no title" in doc.problems[0].message
    assert "'grade' must be a whole number" in doc.problems[1].message
    assert "importance" in doc.problems[2].message


def test_lateral_accepts_a_string_or_a_list(tmp_path):
    doc = write(tmp_path, "title: A\nlateral: B\n---\ntitle: C\nlateral:\n  - D\n  - E\n")
    assert [[(r.title, r.at.line) for r in role.lateral] for role in doc.roles] == [[("B", 2)], [("D", 6), ("E", 7)]]


def test_responsibilities_and_requirements_keys_are_sections_read_as_a_documents_are(tmp_path):
    text = (
        "title: Payroll Officer\n"
        "department: Finance\n"
        "description: Runs the monthly payroll.\n"
        "responsibilities:\n"
        "  - Run the monthly payroll for 900 staff\n"
        "  - Reconcile payroll with the general ledger\n"
        "requirements:\n"
        "  - Knowledge of PAYE\n"
        "  - CIPP qualification (desirable)\n"
        "nice_to_have: Experience with Workday\n"
    )
    doc = write(tmp_path, text)
    assert doc.problems == []  # no key is unknown, nothing is lost
    [role] = doc.roles
    assert (role.department, role.summary) == ("Finance", "Runs the monthly payroll.")
    sections = {s.name: s for s in role.sections}
    assert sections["Responsibilities"].kind is SectionKind.RESPONSIBILITIES
    duties = sections["Responsibilities"]
    assert duties.text == "Run the monthly payroll for 900 staff\nReconcile payroll with the general ledger"
    assert [sections["Responsibilities"].location_of(i).line for i in (0, 1)] == [5, 6]
    assert [(m.name, m.section, m.at.line) for m in role.skills] == [
        ("Knowledge of PAYE", SectionKind.REQUIREMENTS, 8),
        ("CIPP qualification (desirable)", SectionKind.REQUIREMENTS, 9),
        ("Experience with Workday", SectionKind.NICE_TO_HAVE, 10),
    ]


def test_a_json_role_export_with_html_descriptions_reads_their_paragraphs_and_lists(tmp_path):
    text = (
        '[\n  {"title": "Payroll Officer", "department": "Finance",\n'
        '   "description": "<p>Runs the monthly payroll.</p><h3>Responsibilities</h3>'
        '<ul><li>Run the monthly payroll</li><li>Reconcile the ledger</li></ul>"},\n'
        '  {"title": "Payroll Manager", "description": "<p>Leads the payroll team.</p>"}\n]\n'
    )
    doc = write(tmp_path, text, name="roles.json")
    officer, manager = doc.roles
    assert (officer.summary, manager.summary) == ("Runs the monthly payroll.", "Leads the payroll team.")
    duties = next(s for s in officer.sections if s.kind is SectionKind.RESPONSIBILITIES)
    assert (duties.text, duties.line) == ("Run the monthly payroll\nReconcile the ledger", 3)
    assert doc.problems == []
