"""Where the roles are: ladders, multi-role pages, matrices, frameworks, and the hints that correct a guess."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline.merge import merge_roles
from loaders.layouts import interpret
from loaders.load import load_file, load_paths
from loaders.readers.markdown import read_markdown


def _roles(text: str, source: str = "doc.md"):
    return interpret(read_markdown(text, source))


def test_multi_role_page_gives_each_role_its_own_lists():
    outcome = _roles(
        "# Engineering roles\n\n## Engineering Manager\n\n### Skills\n\n- Coaching\n\n"
        "## Technical Leader\n\n### Skills\n\n- System design\n\n## Hiring process\n\n- Apply\n"
    )
    assert outcome.layout == "multi-role"
    assert [(r.title, [m.name for m in r.skills]) for r in outcome.roles] == [
        ("Engineering Manager", ["Coaching"]),
        ("Technical Leader", ["System design"]),
    ]
    assert all(r.promotes_to == [] for r in outcome.roles)


def test_headings_that_name_no_role_are_not_roles():
    outcome = _roles(
        "# Levels\n\n## Levels\n\n## Example behaviours\n\n## Junior Engineer\n\n## Senior Engineer\n\n## Other pages\n"
    )
    assert [r.title for r in outcome.roles] == ["Junior Engineer", "Senior Engineer"]


def test_ladder_in_another_language_keeps_its_order_and_names_its_levels_after_the_ladder():
    text = "# Carreira\n\nfamily: x\n\n## Júnior\n\nAprende.\n\n## Pleno\n\nEntrega.\n\n## Sênior\n\nLidera.\n"
    outcome = _roles(text.replace("family: x\n\n", ""), "carreira-backend.md")
    assert outcome.layout == "ladder"
    # "Carreira" is "career": a ladder word, not the ladder's name; the file name gives it
    assert [(r.title, r.level) for r in outcome.roles] == [
        ("Backend Júnior", "Júnior"),
        ("Backend Pleno", "Pleno"),
        ("Backend Sênior", "Sênior"),
    ]
    assert [[p.title for p in r.promotes_to] for r in outcome.roles] == [["Backend Pleno"], ["Backend Sênior"], []]
    assert outcome.roles[0].promotes_to[0].at.evidence.startswith("Level order in carreira-backend.md: Backend Júnior")


def test_two_ladders_senior_levels_stay_two_roles():
    backend = _roles("# Backend\n\n## Junior\n\n## Senior\n", "backend.md").roles
    design = _roles("# Design\n\n## Junior\n\n## Senior\n", "design.md").roles
    groups = merge_roles(backend + design)
    assert sorted(g.primary.title for g in groups) == [
        "Backend Junior",
        "Backend Senior",
        "Design Junior",
        "Design Senior",
    ]


def test_a_fork_promotes_to_both_branches_and_the_branches_stay_apart():
    outcome = _roles(
        "## Junior Developer\n\n## Mid-Level Developer\n\nTwo career paths: Senior Developer or Tech Lead.\n\n"
        "## Senior Developer\n\n## Tech Lead\n\n## Head of Engineering\n"
    )
    steps = {(r.title, p.title) for r in outcome.roles for p in r.promotes_to}
    assert steps == {
        ("Junior Developer", "Mid-Level Developer"),
        ("Mid-Level Developer", "Senior Developer"),
        ("Mid-Level Developer", "Tech Lead"),
        ("Tech Lead", "Head of Engineering"),
    }


def test_matrix_with_levels_in_rows_gives_each_level_the_competencies_with_the_cell_as_evidence():
    outcome = _roles(
        "| Level | Delivery | Communication |\n|---|---|---|\n"
        "| L1 | Ships tasks | Asks |\n| L2 | Ships epics | Explains |\n"
    )
    assert outcome.layout == "matrix"
    first = outcome.roles[0]
    assert (first.level, [m.name for m in first.skills]) == ("L1", ["Delivery", "Communication"])
    assert (first.skills[0].at.evidence, first.skills[0].at.line) == ("Delivery: Ships tasks", 3)
    assert [p.title for p in first.promotes_to] == [outcome.roles[1].title]


def test_html_table_inside_markdown_is_read_as_a_matrix():
    html = (
        "# Backend Ladder\n\n<table>\n<tr><th>Area</th><th>Level 1</th><th>Level 2</th></tr>\n"
        "<tr><td>Testing</td><td>Writes tests</td><td>Designs test suites</td></tr>\n</table>\n"
    )
    outcome = _roles(html, "ladder.md")
    assert [(r.title, [(m.name, m.at.line) for m in r.skills]) for r in outcome.roles] == [
        ("Backend Level 1", [("Testing", 5)]),
        ("Backend Level 2", [("Testing", 5)]),
    ]


def test_front_matter_hint_names_the_layout_and_the_family(tmp_path: Path):
    page = tmp_path / "levels.md"
    page.write_text("---\norgkg:\n  layout: ladder\n  family: Data Engineer\n---\n# Levels\n\n## L1\n\n## L2\n")
    document = load_file(page, root=tmp_path)
    assert document.source.format == "ladder"
    assert [r.title for r in document.roles] == ["Data Engineer L1", "Data Engineer L2"]


def test_sidecar_hint_turns_a_page_read_as_one_role_into_a_ladder(tmp_path: Path):
    page = tmp_path / "grades.md"
    page.write_text("# Platform grades\n\n## Foundation\n\n## Growth\n\n## Mastery\n")
    assert load_file(page, root=tmp_path).source.format == "blueprint"
    (tmp_path / "grades.md.orgkg.yaml").write_text("layout: ladder\nfamily: Platform Engineer\n")
    result = load_paths([tmp_path], root=tmp_path)
    assert [d.source.path for d in result.documents] == ["grades.md"]  # the sidecar itself is no document
    roles = result.documents[0].roles
    assert [(r.title, [p.title for p in r.promotes_to]) for r in roles] == [
        ("Foundation", ["Growth"]),
        ("Growth", ["Mastery"]),
        ("Mastery", []),
    ]


def test_broken_sidecar_is_reported_with_the_document_and_the_rest_still_loads(tmp_path: Path):
    (tmp_path / "a.md").write_text("# SRE Manager\n")
    (tmp_path / "b.md").write_text("# Head of SRE\n")
    (tmp_path / "a.md.orgkg.yaml").write_text("layout: [ladder\n")
    result = load_paths([tmp_path], root=tmp_path)
    assert [r.title for r in result.roles] == ["Head of SRE"]
    assert [(p.path, "unreadable hint file a.md.orgkg.yaml" in p.message) for p in result.all_problems] == [
        ("a.md", True)
    ]


def test_data_listing_named_levels_gives_each_level_its_skills_in_order():
    from loaders.load import parse_bytes

    data = b'{"levels": [{"name": "L1", "skills": ["Go"]}, {"name": "L2", "skills": ["Go", "Kubernetes"]}]}'
    outcome = parse_bytes(data, "backend-ladder.json", "json")
    assert outcome.layout == "framework"
    assert [
        (r.title, r.level, [m.name for m in r.skills], [p.title for p in r.promotes_to]) for r in outcome.roles
    ] == [
        ("Backend L1", "L1", ["Go"], ["Backend L2"]),
        ("Backend L2", "L2", ["Go", "Kubernetes"], []),
    ]


def test_front_matter_listing_levels_is_a_ladder_of_those_levels():
    outcome = _roles("---\ntitle: Design levels\nlevels:\n  - Junior\n  - Senior\n---\nShared text.\n", "d.md")
    assert [(r.title, [p.title for p in r.promotes_to]) for r in outcome.roles] == [
        ("Design Junior", ["Design Senior"]),
        ("Design Senior", []),
    ]


def test_a_role_beside_a_numbered_ladder_is_a_role_of_its_own_on_no_step_of_it():
    outcome = _roles(
        "# Data Engineering job family\n\n## Data Engineer I\n\n### Responsibilities\n\n- Build batch pipelines\n\n"
        "## Data Engineer II\n\n### Responsibilities\n\n- Design streaming pipelines\n\n"
        "## Data Engineering Manager\n\nReports to: Head of Data\n\n### Responsibilities\n\n- Hire data engineers\n\n"
        "## Commercial developers\n\nA developer from outside would come in and leave.\n"
    )
    roles = {role.title: role for role in outcome.roles}
    assert list(roles) == ["Data Engineer I", "Data Engineer II", "Data Engineering Manager"]
    duties = {title: [s.text for s in role.sections if s.name == "Responsibilities"] for title, role in roles.items()}
    assert duties["Data Engineer II"] == ["Design streaming pipelines"]  # not the manager's too
    assert duties["Data Engineering Manager"] == ["Hire data engineers"]
    assert [p.title for p in roles["Data Engineer I"].promotes_to] == ["Data Engineer II"]
    assert roles["Data Engineer II"].promotes_to == [] and roles["Data Engineering Manager"].promotes_to == []
