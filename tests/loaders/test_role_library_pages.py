"""One page holding many roles — a wiki's role library, a page per department, several ladders side by side:
every role is read, each takes the family its heading names, and the page's order is a ladder only among
the levels of one role, never from one family's role to the next family's."""

from __future__ import annotations

from loaders.layouts import interpret
from loaders.load import load_file
from loaders.readers.markdown import read_markdown


def _read(text: str, source: str = "library.md"):
    return interpret(read_markdown(text, source))


def _steps(outcome) -> dict[str, list[str]]:
    return {role.title: [ref.title for ref in role.promotes_to] for role in outcome.roles}


def test_unrelated_roles_with_level_words_are_no_ladder():
    outcome = _read(
        "# Open roles\n\n## Senior Accountant\n\nKeeps the books.\n\n## Junior Designer\n\nDesigns screens.\n\n"
        "## Staff Engineer\n\nLeads the platform.\n\n## Product Manager\n\nOwns the roadmap.\n"
    )
    assert outcome.layout == "multi-role"
    assert _steps(outcome) == {
        "Senior Accountant": [],
        "Junior Designer": [],
        "Staff Engineer": [],
        "Product Manager": [],
    }


def test_several_ladders_on_one_page_each_keep_their_own_order():
    outcome = _read(
        "# Finance and design roles\n\n## Junior Accountant\n\nPosts journals.\n\n## Senior Accountant\n\n"
        "Closes the month.\n\n## Junior Designer\n\nDesigns screens.\n\n## Senior Designer\n\nLeads reviews.\n"
    )
    assert _steps(outcome) == {
        "Junior Accountant": ["Senior Accountant"],
        "Senior Accountant": [],
        "Junior Designer": ["Senior Designer"],
        "Senior Designer": [],
    }
    evidence = outcome.roles[2].promotes_to[0].at.evidence
    assert evidence == "Level order in library.md: Junior Designer → Senior Designer"


def test_interleaved_ladders_link_each_role_to_its_own_next_level():
    # a handbook page sorted by level, not by family: each family's levels are still in rising order
    outcome = _read(
        "# Handbook\n\n## Associate Payroll Specialist\n\n## Associate Recruiter\n\n## Payroll Specialist\n\n"
        "## Recruiter\n\n## Senior Payroll Specialist\n\n## Senior Recruiter\n"
    )
    assert _steps(outcome) == {
        "Associate Payroll Specialist": ["Payroll Specialist"],
        "Associate Recruiter": ["Recruiter"],
        "Payroll Specialist": ["Senior Payroll Specialist"],
        "Recruiter": ["Senior Recruiter"],
        "Senior Payroll Specialist": [],
        "Senior Recruiter": [],
    }


def test_one_ladder_keeps_the_levels_that_change_its_name():
    # the top of a ladder is often named otherwise ("Tech Lead", "Staff Engineer"): still the next step
    outcome = _read(
        "# Engineering\n\n## Software Engineer\n\n## Senior Software Engineer\n\n## Staff Engineer\n\n"
        "## Principal Engineer\n"
    )
    assert _steps(outcome) == {
        "Software Engineer": ["Senior Software Engineer"],
        "Senior Software Engineer": ["Staff Engineer"],
        "Staff Engineer": ["Principal Engineer"],
        "Principal Engineer": [],
    }
    roles = _read("# Roles\n\n## Junior Developer\n\n## Senior Developer\n\n## Tech Lead\n\n## CTO\n").roles
    assert [[ref.title for ref in role.promotes_to] for role in roles] == [
        ["Senior Developer"],
        ["Tech Lead"],
        ["CTO"],
        [],
    ]


def test_roles_under_family_headings_are_all_read_with_their_family():
    outcome = _read(
        "# Role library\n\n## Accounting\n\n### Junior Accountant\n\nPosts journal entries.\n\n"
        "### Senior Accountant\n\nCloses the month.\n\n## Design\n\n### Junior Designer\n\nDesigns screens.\n\n"
        "### Senior Designer\n\nLeads design reviews.\n\n### Design Manager\n\nManages the design team.\n"
    )
    assert [(role.title, role.family) for role in outcome.roles] == [
        ("Junior Accountant", "Accounting"),
        ("Senior Accountant", "Accounting"),
        ("Junior Designer", "Design"),
        ("Senior Designer", "Design"),
        ("Design Manager", "Design"),
    ]
    assert _steps(outcome) == {
        "Junior Accountant": ["Senior Accountant"],
        "Senior Accountant": [],
        "Junior Designer": ["Senior Designer"],
        "Senior Designer": ["Design Manager"],
        "Design Manager": [],
    }
    assert [p.message for p in outcome.problems if "not read as a role" in p.message] == []
    assert outcome.roles[0].sections[0].text == "Posts journal entries."


def test_family_headings_at_the_top_of_the_page_are_families_too():
    outcome = _read(
        "# Accounting roles\n\n## Junior Accountant\n\n## Senior Accountant\n\n"
        "# Job family: Design\n\n## Junior Designer\n\n## Senior Designer\n"
    )
    assert [(role.title, role.family) for role in outcome.roles] == [
        ("Junior Accountant", "Accounting"),
        ("Senior Accountant", "Accounting"),
        ("Junior Designer", "Design"),
        ("Senior Designer", "Design"),
    ]
    assert _steps(outcome)["Senior Accountant"] == []


def test_track_headings_are_two_ladders_of_one_family():
    outcome = _read(
        "# Engineering ladder\n\n## Individual contributor track\n\n### Senior Engineer\n\n### Staff Engineer\n\n"
        "## Management track\n\n### Engineering Manager\n\n### Director of Engineering\n"
    )
    assert _steps(outcome) == {
        "Senior Engineer": ["Staff Engineer"],
        "Staff Engineer": [],
        "Engineering Manager": ["Director of Engineering"],
        "Director of Engineering": [],
    }
    assert [(role.title, role.track, role.family) for role in outcome.roles] == [
        ("Senior Engineer", "ic", None),
        ("Staff Engineer", "ic", None),
        ("Engineering Manager", "management", None),
        ("Director of Engineering", "management", None),
    ]


def test_level_headings_that_part_one_ladder_keep_it_whole():
    outcome = _read(
        "# Engineering ladder\n\n## Entry levels\n\n### Junior Engineer\n\n### Engineer\n\n"
        "## Senior levels\n\n### Senior Engineer\n\n### Staff Engineer\n"
    )
    assert _steps(outcome) == {
        "Junior Engineer": ["Engineer"],
        "Engineer": ["Senior Engineer"],
        "Senior Engineer": ["Staff Engineer"],
        "Staff Engineer": [],
    }
    assert {role.family for role in outcome.roles} == {None}


def test_generic_levels_under_family_headings_name_each_family():
    outcome = _read(
        "# Engineering levels\n\n## Backend\n\n### Junior\n\nFixes bugs.\n\n### Senior\n\nDesigns services.\n\n"
        "## Frontend\n\n### Junior\n\nBuilds pages.\n\n### Senior\n\nOwns the design system.\n"
    )
    assert _steps(outcome) == {
        "Backend Junior": ["Backend Senior"],
        "Backend Senior": [],
        "Frontend Junior": ["Frontend Senior"],
        "Frontend Senior": [],
    }
    assert [role.family for role in outcome.roles] == ["Backend", "Backend", "Frontend", "Frontend"]


def test_general_counsel_is_a_role_and_general_requirements_a_section():
    outcome = _read(
        "# Legal team\n\n## General Counsel\n\nLeads the legal function.\n\n## Paralegal\n\nPrepares filings.\n\n"
        "## General requirements\n\n- Right to work in the UK\n"
    )
    assert [role.title for role in outcome.roles] == ["General Counsel", "Paralegal"]
    assert [s.text for s in outcome.roles[1].sections if s.name == "General requirements"] == [
        "Right to work in the UK"
    ]


def test_a_ladder_written_from_the_top_level_down_still_promotes_upwards():
    outcome = _read(
        "# Engineering levels\n\n## Principal Engineer\n\n## Staff Engineer\n\n## Senior Engineer\n\n## Engineer\n"
    )
    assert _steps(outcome) == {
        "Principal Engineer": [],
        "Staff Engineer": ["Principal Engineer"],
        "Senior Engineer": ["Staff Engineer"],
        "Engineer": ["Senior Engineer"],
    }
    careers = _read(
        "# Careers\n\n## Engineering\n\n### Senior Backend Engineer\n\n### Backend Engineer\n\n"
        "## Sales\n\n### Account Executive\n\n### Sales Development Representative\n"
    )
    assert _steps(careers) == {
        "Senior Backend Engineer": [],
        "Backend Engineer": ["Senior Backend Engineer"],
        "Account Executive": [],
        "Sales Development Representative": [],
    }


def test_a_move_to_another_role_is_not_read_as_a_ladder_written_downwards():
    outcome = _read("# Levels\n\n## Engineer\n\n## Senior Engineer\n\n## Engineering Manager\n")
    assert _steps(outcome) == {
        "Engineer": ["Senior Engineer"],
        "Senior Engineer": ["Engineering Manager"],
        "Engineering Manager": [],
    }


def test_competency_headings_over_the_same_levels_are_no_families():
    outcome = _read(
        "# Engineering competency framework\n\n## Communication\n\n### Level 1\n\n- Shares updates\n\n"
        "### Level 2\n\n- Explains trade-offs\n\n## Delivery\n\n### Level 1\n\n- Ships small features\n\n"
        "### Level 2\n\n- Leads a project\n"
    )
    assert {role.family for role in outcome.roles} == {None}
    assert not any(role.title.startswith(("Communication", "Delivery")) for role in outcome.roles)


TRACKS_YAML = """tracks:
  - name: Engineering
    levels:
      - level: 1
        title: Software Engineer I
        summary: Delivers well-scoped tasks with guidance.
        skills: [Python, Code review]
      - level: 2
        title: Software Engineer II
        summary: Delivers features independently.
        skills: [Python, System design]
  - name: Design
    levels:
      - level: 1
        title: Product Designer I
        skills: [Figma]
      - level: 2
        title: Product Designer II
        skills: [Figma, User research]
"""


def test_a_data_file_of_tracks_each_listing_its_titled_levels_is_a_ladder_per_track(tmp_path):
    (tmp_path / "ladders.yaml").write_text(TRACKS_YAML, encoding="utf-8")
    document = load_file(tmp_path / "ladders.yaml", root=tmp_path)
    read = [(r.title, r.family, [p.title for p in r.promotes_to], [m.name for m in r.skills]) for r in document.roles]
    assert read == [
        ("Software Engineer I", "Engineering", ["Software Engineer II"], ["Python", "Code review"]),
        ("Software Engineer II", "Engineering", [], ["Python", "System design"]),
        ("Product Designer I", "Design", ["Product Designer II"], ["Figma"]),
        ("Product Designer II", "Design", [], ["Figma", "User research"]),
    ]
    assert document.roles[0].summary == "Delivers well-scoped tasks with guidance."
    assert [p for p in document.problems if p.cause == "role-like-heading"] == []


def test_family_headings_over_a_levels_heading_each_name_their_ladder():
    outcome = _read(
        "# Career ladders\n\n## Engineering\n\n### Levels\n\n#### Junior Engineer\n\n#### Senior Engineer\n\n"
        "## Design\n\n### Levels\n\n#### Junior Designer\n\n#### Senior Designer\n"
    )
    assert [(r.title, r.family) for r in outcome.roles] == [
        ("Junior Engineer", "Engineering"),
        ("Senior Engineer", "Engineering"),
        ("Junior Designer", "Design"),
        ("Senior Designer", "Design"),
    ]
    assert _steps(outcome)["Senior Engineer"] == []
