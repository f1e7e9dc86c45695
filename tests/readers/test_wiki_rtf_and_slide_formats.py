"""More formats role libraries live in, read through pandoc into the same outline: RTF (Word's and
WordPad's exports), Org-mode, MediaWiki and Textile pages, and PowerPoint decks (a slide per level).

Each document is the same job family written in that format (by pandoc's own writer, from one Markdown
source), so each must give the same roles, reporting lines, requirements and ladder as the Markdown.
"""

from __future__ import annotations

import pypandoc
import pytest

from loaders.load import load_file

FAMILY = """# Data Engineering job family

## Data Engineer I

Reports to: Data Engineering Manager

### Requirements

- One year of Python
- SQL

## Data Engineer II

Reports to: Data Engineering Manager

### Requirements

- Three years of Python
- Airflow

## Data Engineering Manager

Reports to: Head of Data

### Responsibilities

- Hire and grow data engineers
"""


def _summary(document):
    return [
        (r.title, [ref.title for ref in r.reports_to], [m.name for m in r.skills], [p.title for p in r.promotes_to])
        for r in document.roles
    ]


@pytest.mark.parametrize(("writer", "name"), [("rtf", "family.rtf"), ("org", "family.org"),
                                              ("mediawiki", "family.wiki"), ("textile", "family.textile")])
def test_a_job_family_in_another_markup_reads_as_its_markdown(tmp_path, writer, name):
    (tmp_path / "family.md").write_text(FAMILY)
    pypandoc.convert_text(FAMILY, writer, format="markdown", outputfile=str(tmp_path / name), extra_args=["-s"])
    markdown = load_file(tmp_path / "family.md", root=tmp_path)
    document = load_file(tmp_path / name, root=tmp_path)
    assert document.source.format.startswith(writer)
    assert _summary(document) == _summary(markdown) == [
        ("Data Engineer I", ["Data Engineering Manager"], ["One year of Python", "SQL"], ["Data Engineer II"]),
        ("Data Engineer II", ["Data Engineering Manager"], ["Three years of Python", "Airflow"], []),
        ("Data Engineering Manager", ["Head of Data"], [], []),
    ]
    lines = [role.line for role in document.roles]
    assert lines == sorted(lines) and len(set(lines)) == 3 and lines[0] > 1  # each role at its own line


def test_a_deck_with_a_slide_per_level_is_a_ladder_of_its_slide_titles(tmp_path):
    deck = (
        "# Engineering ladder\n\n## Engineer I\n\n- Delivers well-scoped tasks\n\n## Engineer II\n\n"
        "- Delivers features independently\n\n## Senior Engineer\n\n- Leads projects\n"
    )
    pypandoc.convert_text(deck, "pptx", format="markdown", outputfile=str(tmp_path / "ladder.pptx"),
                          extra_args=["--slide-level=2"])
    document = load_file(tmp_path / "ladder.pptx", root=tmp_path)
    steps = [(role.title, [p.title for p in role.promotes_to]) for role in document.roles]
    assert steps == [("Engineer I", ["Engineer II"]), ("Engineer II", ["Senior Engineer"]), ("Senior Engineer", [])]
    assert "Leads projects" in document.roles[2].summary
    assert document.problems == []
