"""DOCX and ODT (written by pandoc) and PDF (laid out by fpdf2) made from the Socialbakers Engineering
Manager page: the same headings and nested items come back, at their paragraph or page."""

import pypandoc
from fpdf import FPDF

from loaders.document import Location
from loaders.readers.office import DOCX, ODT
from loaders.readers.pdf import PDF

# From reading vorcigernix__engineeringroles__engineering_manager.md: its headings in order.
HEADINGS = [
    (1, "Engineering Manager"),
    (2, "The Engineering Manager is accountable for building high performing teams."),
    (3, "Accountabilities"),
    (3, "Responsibilities"),
    (4, "Planning"),
    (4, "Process"),
    (4, "Meetings"),
    (4, "Determine team/team makeup & hiring needs"),
    (4, "Management"),
    (4, "Monitor & work to improve team health & morale"),
]
DELIVERY_SKILLS = "Scoping and prioritization, Testing and monitoring, Shipping to production, Initiative"
# The "Recruit for the team" item and its six sub-items.
RECRUIT = [
    (1, "Recruit for the team"),
    (2, "Source engineers"),
    (2, "Motivate engineers to speak, do presentations, write blog posts, and contribute to open source projects"),
    (2, "Participate in creating interview practice for Socialbakers engineering"),
    (2, "Update interview loops & training engineers to use them for hiring"),
    (2, "Work with recruiting to ensure the loops run smoothly"),
    (
        2,
        "Create the engineer’s onboarding plan and work with other leaders to ensure engineers are successfully"
        " onboarded",
    ),
]


def outline(reader, path):
    return reader.read(path.read_bytes(), path.name)


def headings(doc):
    return [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]


def section_items(doc, title):
    index = next(i for i, b in doc.headings() if b.text == title)
    return [(b.level, b.text) for b in doc.section(index) if b.kind == "item"]


def test_docx_headings_items_and_paragraph_numbers(made):
    doc = outline(DOCX, made / "engineering-manager.docx")
    assert headings(doc) == HEADINGS
    assert section_items(doc, "Determine team/team makeup & hiring needs")[1:] == RECRUIT
    assert [b.at for b in doc.blocks[:4]] == [Location(paragraph=n) for n in (1, 2, 3, 4)]
    assert len(section_items(doc, "Accountabilities")) == 8
    assert doc.blocks[-1].kind == "paragraph" and doc.blocks[-1].text.startswith("[1] CvD = committed versus delivered")


def test_odt_reads_like_the_docx(made):
    docx = outline(DOCX, made / "engineering-manager.docx")
    odt = outline(ODT, made / "engineering-manager.odt")

    def shape(doc):
        return [(b.kind, b.level, b.text, b.at) for b in doc.blocks]

    assert shape(odt) == shape(docx)


def test_pdf_headings_by_size_and_items_by_indent(made):
    doc = outline(PDF, made / "engineering-manager.pdf")
    assert headings(doc) == [*HEADINGS, (2, "The Ladder")]
    assert doc.title == "Engineering Manager"
    recruit = [(level, text.replace("’", "'")) for level, text in RECRUIT]
    assert section_items(doc, "Determine team/team makeup & hiring needs")[1:] == recruit
    management = section_items(doc, "Management")
    assert len(management) == 14 and [level for level, _ in management].count(2) == 3
    assert doc.blocks[0].at == Location(page=1, paragraph=1)
    assert doc.blocks[3].at == Location(page=1, paragraph=4)  # the first item, under "Accountabilities"


def test_pdf_ruled_table_has_header_cells_and_their_page(made):
    doc = outline(PDF, made / "engineering-manager.pdf")
    [(_, block)] = list(doc.tables())
    table = block.table
    assert table.header_texts == ["scope/level", "Level 0", "Level 1", "Level 2", "Level 3", "Level 4", "Skills"]
    assert [row[0].text for row in table.rows] == [
        "delivery",
        "domain expertise",
        "problem solving",
        "communication",
        "leadership",
        "min SUM",
    ]
    assert [c.text for c in table.rows[0][:6]] == ["delivery", "0-1", "1", "2", "3", "4"]
    assert table.rows[0][6].text == DELIVERY_SKILLS
    assert table.rows[4][6].at == Location(page=3, paragraph=2, row=6, column=7)


def test_pdf_page_without_text_is_named_in_a_warning(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.cell(0, 10, "Staff Engineer")
    pdf.add_page()  # a page with nothing on it, as a scan without OCR reads
    pdf.output(str(tmp_path / "scan.pdf"))
    doc = outline(PDF, tmp_path / "scan.pdf")
    [block] = doc.blocks
    assert (block.kind, block.text, block.at) == ("heading", "Staff Engineer", Location(page=1, paragraph=1))
    assert [(p.severity, p.message) for p in doc.problems] == [
        ("warning", "no text on page 2 (a scan without a text layer?); nothing read there")
    ]


def test_word_title_style_is_the_level_1_heading(made, tmp_path):
    source = tmp_path / "ladder.md"
    source.write_text("---\ntitle: Engineering Ladder\n---\n\n# Junior\n\nLearns.\n\n# Senior\n\nLeads.\n")
    pypandoc.convert_file(str(source), "docx", outputfile=str(tmp_path / "ladder.docx"))
    doc = outline(DOCX, tmp_path / "ladder.docx")
    assert doc.title == "Engineering Ladder"
    assert [(b.kind, b.level, b.text, b.at.paragraph) for b in doc.blocks] == [
        ("heading", 1, "Engineering Ladder", 1),
        ("heading", 2, "Junior", 2),
        ("paragraph", 0, "Learns.", 3),
        ("heading", 2, "Senior", 4),
        ("paragraph", 0, "Leads.", 5),
    ]
