import pytest

from graph.model import SectionKind
from loaders import load_file

S = SectionKind


def load(repo, name):
    doc = load_file(repo / "seeds" / "blueprints" / name, root=repo)
    assert doc.source.format == "blueprint"
    assert doc.problems == []
    [role] = doc.roles
    return role


def refs(role):
    fields = ("reports_to", "direct_reports", "promotes_to", "lateral")
    return {f: [(r.title, r.at.line) for r in getattr(role, f)] for f in fields if getattr(role, f)}


def test_sre_manager(repo):
    role = load(repo, "sre-manager.md")
    assert (role.title, role.aliases, role.level, role.family) == (
        "SRE Manager",
        ["Site Reliability Engineering Manager"],
        "Manager",
        "Site Reliability Engineering",
    )
    assert [(s.name, s.kind, s.line) for s in role.sections] == [
        ("Summary", S.SUMMARY, 13),
        ("Responsibilities", S.RESPONSIBILITIES, 19),
        ("Skills", S.SKILLS, 28),
        ("KPIs", S.KPIS, 39),
        ("Career Path", S.CAREER, 47),
    ]
    assert [(m.name, m.at.line) for m in role.skills] == [
        ("Incident management", 28),
        ("SLOs and error budgets", 29),
        ("Observability", 30),
        ("Capacity planning", 31),
        ("Kubernetes", 32),
        ("Infrastructure as code", 33),
        ("Linux systems administration", 34),
        ("People management", 35),
    ]
    assert [(m.name, m.at.line) for m in role.kpis] == [
        ("Availability against SLO", 39),
        ("Mean time to recovery (MTTR)", 40),
        ("Change failure rate", 41),
        ("Toil percentage", 42),
        ("On-call health", 43),
    ]
    assert refs(role) == {
        "reports_to": [("SRE Director", 47)],
        "promotes_to": [("SRE Director", 48)],
        "lateral": [("Platform Engineering Manager", 49), ("Observability Engineering Manager", 49)],
    }
    assert (
        role.lateral[0].at.evidence == "Lateral moves: Platform Engineering Manager, Observability Engineering Manager"
    )
    assert role.summary.startswith("The SRE Manager leads a Site Reliability Engineering team")
    summary = role.sections[0]
    assert summary.text.split("\n")[1].startswith("resiliency, and operational excellence")


def test_head_of_sre(repo):
    role = load(repo, "head-of-sre.md")
    assert (role.title, role.level, role.family) == ("Head of SRE", "Head", "Site Reliability Engineering")
    assert [(s.name, s.kind, s.line) for s in role.sections] == [
        ("Overview", S.SUMMARY, 5),
        ("What you'll do", S.RESPONSIBILITIES, 12),
        ("Core Competencies", S.SKILLS, 21),
        ("Success Measures", S.KPIS, 31),
        ("Career Path", S.CAREER, 39),
        ("Role details", S.OTHER, 45),
    ]
    assert [m.name for m in role.skills] == [
        "Reliability strategy",
        "SLOs and error budgets",
        "Incident management",
        "Organizational leadership",
        "Risk management",
        "Budget planning",
        "Stakeholder management",
    ]
    assert [m.at.line for m in role.skills] == list(range(21, 28))
    assert [m.at.line for m in role.kpis] == [31, 32, 33, 34, 35]
    assert role.kpis[0].name == "Critical services meeting their SLOs"
    assert refs(role) == {
        "reports_to": [("Global Head of SRE", 39)],
        "direct_reports": [("SRE Director", 40)],
        "promotes_to": [("Global Head of SRE", 41)],
    }


def test_platform_engineering_manager(repo):
    role = load(repo, "platform-engineering-manager.md")
    assert (role.level, role.family) == ("Manager", "Platform Engineering")
    assert [(s.name, s.kind, s.line) for s in role.sections] == [
        ("Role Summary", S.SUMMARY, 11),
        ("Responsibilities", S.RESPONSIBILITIES, 18),
        ("Technical Skills", S.SKILLS, 28),
        ("Metrics", S.KPIS, 38),
        ("Reports to", S.CAREER, 48),
        ("Next roles", S.CAREER, 52),
        ("Lateral moves", S.CAREER, 56),
    ]
    assert role.sections[1].text.split("\n")[0] == "Lead and grow a team of platform engineers"
    assert [(m.name, m.at.line) for m in role.skills][3] == ("Cloud infrastructure (AWS, GCP or Azure)", 31)
    assert len(role.skills) == 7
    assert [m.name for m in role.kpis] == [
        "Deployment frequency",
        "Lead time for changes",
        "Platform adoption rate",
        "Developer satisfaction score",
        "Infrastructure cost per service",
    ]
    assert refs(role) == {
        "reports_to": [("Head of Platform Engineering", 48)],
        "promotes_to": [("Head of Platform Engineering", 52)],
        "lateral": [("SRE Manager", 56)],
    }


def test_observability_engineering_manager(repo):
    role = load(repo, "observability-engineering-manager.md")
    assert [(s.name, s.kind, s.line) for s in role.sections] == [
        ("About the role", S.SUMMARY, 5),
        ("Duties", S.RESPONSIBILITIES, 12),
        ("Skills", S.SKILLS, 21),
        ("Performance Indicators", S.KPIS, 30),
        ("Career Path", S.CAREER, 37),
    ]
    assert [(m.name, m.at.line) for m in role.skills] == [
        ("OpenTelemetry", 21),
        ("Prometheus", 21),
        ("distributed tracing", 21),
        ("log management", 21),
        ("Alerting design", 23),
        ("SLO reporting", 24),
        ("Data pipeline operations", 25),
        ("People management", 26),
    ]
    assert [m.at.line for m in role.kpis] == [30, 31, 32, 33]
    assert refs(role) == {"reports_to": [("Head of Reliability Engineering", 37)], "lateral": [("SRE Manager", 39)]}
    assert role.promotes_to == []


@pytest.mark.parametrize(
    ("career", "expected"),
    [
        ("- Reports to: Head of SRE or SRE Director", [("Head of SRE", 5), ("SRE Director", 5)]),
        ("**Reports to:**\n\n- Head of SRE\n- SRE Director", [("Head of SRE", 7), ("SRE Director", 8)]),
        ("### Reports to\n\n- Head of SRE; SRE Director", [("Head of SRE", 7), ("SRE Director", 7)]),
        ("Reports to: Head of SRE and SRE Director / VP", [("Head of SRE", 5), ("SRE Director", 5), ("VP", 5)]),
    ],
)
def test_reports_to_label_forms(tmp_path, career, expected):
    path = tmp_path / "r.md"
    path.write_text(f"# SRE Manager\n\n## Career Path\n\n{career}\n")
    [role] = load_file(path, root=tmp_path).roles
    assert [(r.title, r.at.line) for r in role.reports_to] == expected
    assert all(r.at.source == "r.md" and r.at.method == "stated" for r in role.reports_to)


def test_front_matter_overrides_title_and_grade(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: Staff SRE\ngrade: 8\naliases: Senior Staff SRE\n---\n# SRE\n\n**Grade:** 7\n")
    [role] = load_file(path, root=tmp_path).roles
    assert (role.title, role.grade, role.aliases, role.line) == ("Staff SRE", 8, ["Senior Staff SRE"], 6)
