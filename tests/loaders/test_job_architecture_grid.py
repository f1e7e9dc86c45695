"""A job architecture drawn as a grid — grades down the side, a column of titles per job family — is a
ladder per family: each role gets its family and its row's grade, and a title the grammar does not know
loses no column."""

from __future__ import annotations

import pytest

from loaders.load import load_file

GRID = """\
Grade,Finance,People,Engineering
5,Staff Accountant,HR Generalist,Software Engineer
6,Senior Accountant,Talent Sherpa,Senior Software Engineer
7,Accounting Manager,HR Manager,Staff Software Engineer
8,Finance Director,Head of People,Engineering Director
"""


@pytest.fixture
def grid(tmp_path):
    (tmp_path / "architecture.csv").write_text(GRID, encoding="utf-8")
    document = load_file(tmp_path / "architecture.csv", root=tmp_path)
    return document, {role.title: role for role in document.roles}


def test_every_family_column_is_read_even_with_a_title_the_grammar_does_not_know(grid):
    document, roles = grid
    assert document.source.format == "csv:ladder"
    assert len(roles) == 12
    assert [roles[t].family for t in ("HR Generalist", "Talent Sherpa", "Head of People")] == ["People"] * 3


def test_each_role_has_its_family_and_the_grade_of_its_row(grid):
    _, roles = grid
    assert [(t, roles[t].family, roles[t].grade) for t in ("Staff Accountant", "Accounting Manager")] == [
        ("Staff Accountant", "Finance", 5), ("Accounting Manager", "Finance", 7)
    ]
    assert (roles["Staff Accountant"].row, roles["Staff Accountant"].column) == (2, 2)
    assert roles["Engineering Director"].grade == 8


def test_each_family_column_is_its_own_ladder_in_grade_order(grid):
    _, roles = grid
    [step] = roles["Staff Accountant"].promotes_to
    assert step.title == "Senior Accountant"
    assert step.at.evidence == (
        "Level order in architecture.csv: Staff Accountant → Senior Accountant → Accounting Manager → Finance Director"
    )
    assert [r.title for r in roles["Finance Director"].promotes_to] == []
    assert [r.title for r in roles["HR Generalist"].promotes_to] == ["Talent Sherpa"]


def test_a_track_table_keeps_its_levels_to_their_track_and_names_no_family(tmp_path):
    text = "# Career tracks\n\n| IC | IC level | Manager |\n|---|---|---|\n"
    text += "| Engineer 1 | IC2 | |\n| Engineer 2 | IC3 | |\n"
    text += "| Senior Engineer | IC4 | Engineering Manager |\n| Staff Engineer | IC5 | Director of Engineering |\n"
    text += "| Principal Engineer | IC6 | VP of Engineering |\n"
    (tmp_path / "tracks.md").write_text(text, encoding="utf-8")
    roles = {r.title: r for r in load_file(tmp_path / "tracks.md", root=tmp_path).roles}
    assert (roles["Senior Engineer"].level, roles["Senior Engineer"].track) == ("IC4", "ic")
    manager = roles["Engineering Manager"]
    assert (manager.level, manager.track, manager.family, manager.grade) == (None, "management", None, None)
