"""HTML, reStructuredText and AsciiDoc read through pandoc: headings, items, labels and tables, each at
the line it is written on in the source."""

import pytest

from loaders.document import Location
from loaders.readers.markup import ASCIIDOC, HTML, RST
from tests.readers.conftest import DOCS

RST_FILE = DOCS / "other" / "AaltoSciComp__scicomp-docs__job-descriptions.rst"
HTML_FILE = DOCS / "other" / "18F__join.tts.gsa.gov__index.html"


def read(reader, path, shown=None):
    return reader.read(path.read_bytes(), shown or path.name)


def test_rst_sections_are_headings_at_their_title_lines():
    doc = read(RST, RST_FILE)
    headings = [(b.level, b.text, b.at.line) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        (1, "Job descriptions", 1),
        (2, "RSE 1", 20),
        (2, "RSE 2", 37),
        (2, "RSE 3", 61),
        (2, "Beyond", 79),
        (2, "Commercial developers", 90),
    ]


def test_rst_label_paragraphs_and_bullets():
    doc = read(RST, RST_FILE)
    labels = [(b.label, b.at.line) for b in doc.blocks if b.kind == "label"]
    assert labels == [
        ("Qualifications", 28),
        ("Pay/job level", 32),
        ("Qualifications", 52),
        ("Advancement", 55),
        ("Pay/job level", 71),
        ("Advancement", 73),
    ]
    items = [(b.level, b.text[:40], b.at.line) for b in doc.blocks if b.kind == "item"]
    assert items == [
        (1, "A software developer can do what is aske", 96),
        (1, "A software developer make produce a prod", 101),
        (1, "A software developer may use more modern", 105),
        (1, "A software developer from outside would ", 107),
    ]


def test_rst_admonition_keeps_its_text_but_not_its_generated_title():
    doc = read(RST, RST_FILE)
    assert doc.blocks[1].kind == "paragraph"
    assert doc.blocks[1].text.startswith("This page is still in draft form")
    assert doc.blocks[1].at == Location(line=6)
    assert "Warning" not in [b.text for b in doc.blocks]


def test_html_page_headings_labels_and_items_at_their_lines():
    doc = read(HTML, HTML_FILE)
    assert doc.title == "18F: Engineering Director GS15 | Join the Technology Transformation Services"
    headings = [(b.level, b.text, b.at.line) for b in doc.blocks if b.kind == "heading"][:9]
    assert headings == [
        (1, "18F: Engineering Director GS15", 323),  # written <h1>…</h2>: closed as a browser closes it
        (3, "This job posting has closed.", 330),
        (2, "Basic information", 336),
        (2, "Role summary", 378),
        (2, "Key objectives", 386),
        (3, "1. Develop and enable your team", 388),
        (3, "2. Provide strategic leadership", 426),
        (3, "3. Help 18F build strong organization-wide practices", 467),
        (2, "Qualifications", 490),
    ]
    labels = [(b.label, b.value, b.at.line) for b in doc.blocks if b.kind == "label"][:3]
    assert labels == [
        ("Supervisory status", "Supervisory", 344),
        ("Job title", "18F: Engineering Director GS15", 346),
        ("Official title in USAJOBS", "Supervisory IT Specialist", 348),
    ]
    section = doc.section(next(i for i, b in doc.headings() if b.text == "1. Develop and enable your team"))
    assert [b.kind for b in section] == ["item"] * 11
    assert section[0].text.startswith("Define and communicate engineering standards at 18F")
    assert (section[0].at.line, section[-1].at.line) == (392, 422)


def test_html_bold_only_paragraph_is_a_pseudo_heading():
    doc = read(HTML, HTML_FILE)
    pseudo = [(b.text, b.at.line) for b in doc.blocks if b.kind == "heading" and b.level == 7]
    assert pseudo[0] == ("SPECIALIZED EXPERIENCE REQUIREMENTS", 505)


def test_html_table_cells_nested_lists_and_spans():
    page = b"""<html><body>
<h1>Ladder</h1>
<table>
<tr><th>Competency</th><th>Junior</th><th>Senior</th></tr>
<tr><td rowspan="2">Delivery</td><td>Ships <b>small</b> changes</td><td>Ships projects</td></tr>
<tr><td colspan="2">Tests their code</td></tr>
</table>
<ul><li>Go<ul><li>gRPC</li></ul></li><li><strong>Reports to:</strong> Engineering Manager</li></ul>
</body></html>"""
    doc = HTML.read(page, "ladder.html")
    heading, table, go, grpc, reports = doc.blocks
    assert (heading.kind, heading.text, heading.level, heading.at.line) == ("heading", "Ladder", 1, 2)
    assert table.table.header_texts == ["Competency", "Junior", "Senior"]
    rows = [[(c.text, c.at.line, c.at.row, c.at.column) for c in row] for row in table.table.rows]
    assert rows == [
        [("Delivery", 5, 2, 1), ("Ships small changes", 5, 2, 2), ("Ships projects", 5, 2, 3)],
        [("Delivery", 5, 3, 1), ("Tests their code", 6, 3, 2), ("Tests their code", 6, 3, 3)],
    ]
    assert [(b.kind, b.text, b.level, b.at.line) for b in (go, grpc)] == [("item", "Go", 1, 8), ("item", "gRPC", 2, 8)]
    assert (reports.kind, reports.level) == ("item", 1)
    assert (reports.label, reports.value) == ("Reports to", "Engineering Manager")


def test_asciidoc_sections_from_the_bisq_roles_page(diverse):
    doc = read(ASCIIDOC, diverse / "other" / "bisq-network__bisq-docs__roles.adoc")
    headings = [(b.level, b.text, b.at.line) for b in doc.blocks if b.kind == "heading"][:7]
    assert headings == [
        (1, "Bisq DAO Roles", 1),
        (2, "Introduction", 6),
        (2, "Characteristics of a role", 14),
        (3, "Duties", 16),
        (3, "Rights", 22),
        (3, "Owners", 28),
        (2, "Infrastructure", 35),
    ]
    assert doc.title == "Bisq DAO Roles"


CONFLUENCE_EXPORT = """<!DOCTYPE html>
<html>
<head><title>HR : Payroll Officer</title></head>
<body>
<div id="main-header">
<ol id="breadcrumbs"><li><a href="index.html">HR</a></li>
<li><a href="Job-descriptions_123.html">Job descriptions</a></li></ol>
<h1 id="title-heading" class="pagetitle"><span id="title-text">HR : Payroll Officer</span></h1>
</div>
<div class="page-metadata">Created by <span class='author'>Jane Doe</span>, last modified on Mar 02, 2026</div>
<div id="main-content" class="wiki-content group">
<h2 id="PayrollOfficer-Purpose">Purpose</h2>
<p>Runs the monthly payroll for 900 staff.</p>
<h2 id="PayrollOfficer-Requirements">Requirements</h2>
<div class="table-wrap"><ul><li>Knowledge of PAYE</li></ul></div>
</div>
<div id="footer"><p>Document generated by Confluence on Mar 03, 2026 10:12</p></div>
</body>
</html>
"""


def test_a_confluence_export_is_read_from_its_page_content_not_its_chrome(tmp_path):
    from loaders.load import load_file

    (tmp_path / "Payroll-Officer_4521.html").write_text(CONFLUENCE_EXPORT)
    document = load_file(tmp_path / "Payroll-Officer_4521.html", root=tmp_path)
    [role] = document.roles
    assert role.title == "Payroll Officer"
    assert role.summary == "Runs the monthly payroll for 900 staff."  # no "Created by …, last modified …"
    sections = {section.name: section for section in role.sections}
    assert sections["Requirements"].text == "Knowledge of PAYE"  # no "Document generated by Confluence"
    assert sections["Requirements"].line == CONFLUENCE_EXPORT.splitlines().index(
        '<div class="table-wrap"><ul><li>Knowledge of PAYE</li></ul></div>') + 1


UNCLOSED_INLINE = {
    # pandoc refuses a page over one <q>, <mark>, <abbr>, <dfn> or <kbd> left open ("TagClose p")
    "mark-and-quote": (
        b"<html><body><h1>Payroll Officer</h1><p>Runs the <mark>monthly payroll</p>"
        b"<h2>Skills</h2><ul><li>Payroll <q>systems</li><li>Excel</li></ul></body></html>",
        [("heading", "Payroll Officer"), ("paragraph", "Runs the monthly payroll"), ("heading", "Skills"),
         ("item", "Payroll “systems”"), ("item", "Excel")],
    ),
    # and splits the paragraph or item at any other inline element left open
    "bold-and-emphasis": (
        b"<html><body><h1>Payroll Officer</h1><p>Runs the <b>monthly payroll</p><p>for 900 staff</p>"
        b"<ul><li>Reconcile <em>the ledger<li>Excel</ul></body></html>",
        [("heading", "Payroll Officer"), ("paragraph", "Runs the monthly payroll"), ("paragraph", "for 900 staff"),
         ("item", "Reconcile the ledger"), ("item", "Excel")],
    ),
}


@pytest.mark.parametrize("case", sorted(UNCLOSED_INLINE))
def test_a_page_with_an_inline_element_left_open_is_read_whole_not_refused_or_split(case):
    page, expected = UNCLOSED_INLINE[case]
    assert [(b.kind, b.text) for b in HTML.read(page, "payroll.html").blocks] == expected


def test_lists_left_open_are_closed_where_the_page_ends():
    page = b"<html><body><h2>Duties</h2>" + b"<ul><li>Run payroll" * 30 + b"</body></html>"
    items = [(b.kind, b.text, b.level) for b in HTML.read(page, "duties.html").blocks if b.kind == "item"]
    assert items == [("item", "Run payroll", depth) for depth in range(1, 31)]
