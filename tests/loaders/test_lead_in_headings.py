"""A document written without heading styles names its sections in a line of their own ending with a colon
("Responsibilities:", "What you'll do:") over the list that follows: in Markdown, HTML and Word alike the
list is that section's, not the summary's."""

from __future__ import annotations

import pypandoc
import pytest

from graph.model import SectionKind
from loaders.load import load_file

PAGE = """# Payroll Officer

Runs the monthly payroll for 2,000 staff.

Responsibilities:

- Run the monthly payroll
- Reconcile pension deductions

What you'll need:

- Payroll software experience
- Excel

Note: this post is based in Leeds.
"""


def _sections(role) -> list[tuple[SectionKind, str, str]]:
    return [(s.kind, s.name, s.text) for s in role.sections]


@pytest.mark.parametrize("name", ["jd.md", "jd.html", "jd.docx"])
def test_a_lead_in_line_names_the_section_of_the_list_below_it(name, tmp_path):
    path = tmp_path / name
    if name == "jd.md":
        path.write_text(PAGE, encoding="utf-8")
    else:
        pypandoc.convert_text(PAGE, name.split(".")[1], format="markdown", outputfile=str(path))
    role = load_file(path, root=tmp_path).roles[0]
    sections = _sections(role)
    duties = (SectionKind.RESPONSIBILITIES, "Responsibilities", "Run the monthly payroll\nReconcile pension deductions")
    assert duties in sections
    needed = next(s for s in sections if s[1].replace("’", "'") == "What you'll need")  # pandoc's smart quote
    assert needed[0] is SectionKind.REQUIREMENTS and needed[2].startswith("Payroll software experience\nExcel")
    assert [m.name for m in role.skills] == ["Payroll software experience", "Excel"]
    assert role.summary == "Runs the monthly payroll for 2,000 staff."


def test_a_label_with_its_value_or_a_line_naming_no_section_is_no_heading(tmp_path):
    (tmp_path / "jd.html").write_text(
        "<h1>Payroll Officer</h1><p>Note:</p><ul><li>Based in Leeds</li></ul><p>Responsibilities: run the payroll</p>",
        encoding="utf-8",
    )
    role = load_file(tmp_path / "jd.html", root=tmp_path).roles[0]
    assert [(s.kind, s.name, s.text) for s in role.sections] == [
        (SectionKind.SUMMARY, "Payroll Officer", "Note:\nBased in Leeds"),
        (SectionKind.RESPONSIBILITIES, "Responsibilities", "run the payroll"),
    ]
