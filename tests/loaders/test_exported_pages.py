"""Job descriptions exported from where they were written: saved as web pages by a word processor (Google
Docs' "Download → Web page", Word's "Save as Web Page (filtered)", as intranets and SharePoint sites
publish them), exported from a wiki (Notion's Markdown export, its page properties first; Confluence's
"Export to Word", a web archive named ``.doc``), or kept as a web archive (``.mht``, ``.mhtml``).

Neither writes the structure a hand-made page has. Google Docs marks bold with CSS classes
(``.c5{font-weight:700}``) and the document title with ``<p class="title">``; Word marks its title
with ``<p class=MsoTitle>``, writes each list item as a paragraph whose bullet or number is typed in
front of it (``·`` in the Symbol font, ``1.``, padded with a ``font:7.0pt "Times New Roman"`` spacer)
and declares its Windows code page in a ``<meta>`` tag. Notion writes a page's properties as label lines
under its title ("Department: …", "Created: …", "Tags: …"): they say where the role sits and when the
page was written, not what the role does. The fixtures are such exports, reduced; the expectations
below were written from reading them.
"""

from __future__ import annotations

from pathlib import Path

from graph.model import SectionKind
from graph.pipeline import build_snapshot
from loaders.load import load_file, load_paths
from loaders.readers.markup import HTML
from loaders.taxonomy import load_taxonomy

FIXTURES = Path(__file__).parent / "fixtures" / "exported"
GOOGLE_DOC = FIXTURES / "senior-product-manager.html"
WORD_PAGE = FIXTURES / "data-analyst.htm"
CONFLUENCE_DOC = FIXTURES / "payroll-officer-confluence-export.doc"
NOTION_PAGE = FIXTURES / "Senior Data Engineer 3f2a9c1e8b7d4e6fa0c1d2e3f4a5b6c7.md"
TAXONOMY = Path(__file__).resolve().parents[2] / "seeds" / "taxonomy"


def _role(path: Path):
    document = load_file(path, root=FIXTURES)
    [role] = document.roles
    return role, document


def _sections(role) -> dict[str, tuple[SectionKind, str]]:
    return {section.name: (section.kind, section.text) for section in role.sections}


def test_a_google_docs_title_paragraph_is_the_role_title_and_its_particulars_are_read():
    role, _ = _role(GOOGLE_DOC)
    assert (role.title, role.level) == ("Senior Product Manager", "L5")
    assert [ref.title for ref in role.reports_to] == ["Group Product Manager"]
    assert role.summary.startswith("As a Senior Product Manager you own the roadmap for card payments")


def test_a_google_docs_paragraph_bold_by_its_css_class_is_a_heading():
    role, _ = _role(GOOGLE_DOC)
    sections = _sections(role)
    assert sections["What you’ll need"] == (
        SectionKind.REQUIREMENTS,
        "5+ years of product management\nExperience with payments or fintech\nData analysis with SQL",
    )
    assert sections["How we measure success"] == (
        SectionKind.KPIS,
        "Payment conversion rate\nTime to market for new payment methods",
    )
    assert [ref.title for ref in role.promotes_to] == ["Group Product Manager"]


def test_google_docs_clipboard_wrapper_bold_normal_is_not_bold():
    page = (
        b'<html><body><b style="font-weight:normal;" id="docs-internal-guid-1a2b">'
        b'<p dir="ltr"><span style="font-weight:700">Responsibilities</span></p>'
        b'<ul><li><p dir="ltr"><span style="font-weight:400">Run the payroll</span></p></li></ul>'
        b'<p dir="ltr"><span style="font-weight:400">Works with the finance team.</span></p></b></body></html>'
    )
    blocks = [(b.kind, b.text, b.level) for b in HTML.read(page, "pasted.html").blocks]
    assert blocks == [
        ("heading", "Responsibilities", 7),
        ("item", "Run the payroll", 1),
        ("paragraph", "Works with the finance team.", 0),
    ]


def test_a_word_title_paragraph_is_the_role_title_and_not_its_summary():
    role, _ = _role(WORD_PAGE)
    assert (role.title, role.department, role.grade) == ("Data Analyst", "Finance", 6)
    assert [ref.title for ref in role.reports_to] == ["Head of Analytics"]
    assert role.summary == (
        "The Data Analyst turns the organisation’s financial and operational data into reports and insight "
        "that help budget holders decide."
    )


def test_word_list_paragraphs_are_items_without_their_typed_bullets_or_numbers():
    role, _ = _role(WORD_PAGE)
    sections = _sections(role)
    assert sections["Key responsibilities"] == (
        SectionKind.RESPONSIBILITIES,
        "Build and maintain monthly management dashboards in Power BI.\n"
        "Write SQL queries against the finance data warehouse.\nPresent findings to budget holders.",
    )
    assert sections["Skills and experience"][1] == (
        "Advanced Excel and SQL.\nExperience with Power BI or Tableau.\nStrong stakeholder management."
    )
    items = [b for b in HTML.read(WORD_PAGE.read_bytes(), WORD_PAGE.name).blocks if b.kind == "item"]
    assert [(b.text[:20], b.level, b.at.line) for b in items] == [
        ("Build and maintain m", 1, 40),
        ("Write SQL queries ag", 1, 41),
        ("Present findings to ", 1, 42),
        ("Advanced Excel and S", 1, 45),
        ("Experience with Powe", 1, 46),
        ("Strong stakeholder m", 1, 47),
        ("Dashboards published", 1, 49),
    ]


def test_a_page_read_in_the_code_page_its_meta_tag_declares_gets_no_encoding_warning():
    role, document = _role(WORD_PAGE)
    assert "organisation’s" in role.summary  # byte 0x92 of Windows-1252
    assert [p for p in document.problems if "read as" in p.message] == []


def test_notion_page_properties_are_the_roles_fields_not_its_summary_or_skills():
    role, _ = _role(NOTION_PAGE)
    assert (role.title, role.level, role.department) == ("Senior Data Engineer", "L4", "Data Platform")
    assert [ref.title for ref in role.reports_to] == ["Head of Data Engineering"]
    assert role.summary == "You build and run the pipelines that feed our warehouse."
    assert [section.text.strip() for section in role.sections if section.name == role.title] == [""]
    snapshot = build_snapshot(load_paths([NOTION_PAGE], root=FIXTURES), load_taxonomy(TAXONOMY))
    skills = {s.id: s.name for s in snapshot.skills}
    required = {skills[r.end] for r in snapshot.relationships if r.type.value == "REQUIRES_SKILL"}
    assert {"SQL", "dbt", "Python", "Spark"} <= required
    assert not required & {"data platforms", "backend development"}  # the Department and Tags lines


def test_a_confluence_word_export_is_read_as_the_web_page_it_archives_each_block_at_its_archive_line():
    role, document = _role(CONFLUENCE_DOC)
    assert document.source.format.startswith("mhtml")
    assert (role.title, role.grade, role.line) == ("Payroll Officer", 5, 21)
    [manager] = role.reports_to
    assert (manager.title, manager.at.line) == ("Payroll Manager", 23)  # the line is broken softly (=) after it
    sections = _sections(role)
    assert sections["Skills"] == (SectionKind.SKILLS, "Excel\nAttention to detail – café-level precision")
    skills = {mention.name: mention.at.line for mention in role.skills}
    assert skills == {"Excel": 32, "Attention to detail – café-level precision": 33}


def test_a_web_archive_whose_page_is_base64_is_read_at_the_line_its_part_begins(tmp_path):
    import base64

    page = "<html><body><h1>Payroll Officer</h1><h2>Skills</h2><ul><li>Excel</li></ul></body></html>"
    archive = (
        "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"b\"\n\n--b\n"
        "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        f"{base64.encodebytes(page.encode()).decode()}--b--\n"
    )
    (tmp_path / "payroll.mht").write_text(archive)
    [role] = load_file(tmp_path / "payroll.mht", root=tmp_path).roles
    assert (role.title, [(m.name, m.at.line) for m in role.skills]) == ("Payroll Officer", [("Excel", 8)])


def test_an_office_97_binary_document_is_an_error_that_says_to_save_it_as_docx(tmp_path):
    (tmp_path / "legacy.doc").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    [problem] = load_file(tmp_path / "legacy.doc", root=tmp_path).problems
    assert (problem.severity, problem.path) == ("error", "legacy.doc")
    assert "a Word 97–2003 document" in problem.message and "save it as .docx" in problem.message


def test_a_doc_that_is_neither_an_archive_nor_a_word_file_says_to_save_it_as_docx(tmp_path):
    (tmp_path / "notes.doc").write_text("Payroll Officer\nRuns the payroll\n")
    [problem] = load_file(tmp_path / "notes.doc", root=tmp_path).problems
    assert problem.severity == "error" and problem.message.endswith("save it as .docx")


def test_an_rtf_file_named_doc_is_read_as_rtf(tmp_path):
    rtf = r"{\rtf1\ansi{\b Payroll Officer}\par Responsibilities\par Run the monthly payroll\par}"
    (tmp_path / "payroll.doc").write_text(rtf)
    document = load_file(tmp_path / "payroll.doc", root=tmp_path)
    assert document.source.format.startswith("rtf")


DOCS_SITE_PAGE = FIXTURES / "backend-engineer.mdx"


def test_a_docs_site_page_reads_without_its_imports_admonition_fences_or_components():
    # Docusaurus MDX: module imports, a JSX component, a ":::tip" admonition and tabs around a list
    role, _ = _role(DOCS_SITE_PAGE)
    assert (role.title, role.line) == ("Backend Engineer", 11)
    assert role.summary == (
        "Backend engineers build and run the services behind our product. Read the engineering values first."
    )
    assert [(m.name, m.at.line) for m in role.skills] == [
        ("Go and PostgreSQL", 31), ("Kubernetes", 32), ("Code review", 37), ("Written communication", 38),
    ]
    assert [ref.title for ref in role.reports_to] == ["Engineering Manager"]


def test_an_archives_characters_left_unencoded_in_a_quoted_printable_part_are_kept(tmp_path):
    archive = (
        'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n--b\n'
        "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "<h1>Café Manager</h1><h2>Responsibilities</h2><ul><li>Runs the caf=C3=A9 – daily</li></ul>\n--b--\n"
    )
    (tmp_path / "cafe.mht").write_text(archive, encoding="utf-8")
    [role] = load_file(tmp_path / "cafe.mht", root=tmp_path).roles
    assert (role.title, role.sections[-1].text) == ("Café Manager", "Runs the café – daily")
