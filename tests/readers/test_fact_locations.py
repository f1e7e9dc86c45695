"""Facts from DOCX, PDF and XLSX documents name the page and paragraph or the sheet, row and column they
come from: in the parsed roles, in the snapshot's relationships and over the API; problems in such
documents name their page or sheet and row too.

The documents are written here with real libraries (pandoc for DOCX, fpdf2 for PDF, openpyxl for
XLSX); the expected places are counted by hand from what each document holds.
"""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pypandoc
import pytest
from fpdf import FPDF

from api.build import build_from_documents
from api.settings import Settings
from graph.model import RelType
from loaders.load import load_file
from tests.api.conftest import serve_snapshot

# A DOCX written by pandoc from this Markdown has one paragraph per block:
# 1 the title, 2 the summary, 3 "Skills", 4 Kubernetes, 5 Incident response, 6 "Career", 7 Reports to,
# 8 "Responsibilities", 9 the sentence naming Terraform (a skill the extractor finds in the text).
DOCX_MARKDOWN = """# Site Reliability Engineer

Keeps production healthy and fast.

## Skills

- Kubernetes
- Incident response

## Career

Reports to: Head of SRE

## Responsibilities

Keeps the alerts quiet. Automates the infrastructure with Terraform.
"""


def _docx(path):
    source = path.with_suffix(".md")
    source.write_text(DOCX_MARKDOWN)
    pypandoc.convert_file(str(source), "docx", format="gfm", outputfile=str(path))
    return path


def _pdf(path):
    """Page 1: the title and a summary; page 2: the "Skills" heading, then SQL and Airflow as items."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 20)
    pdf.multi_cell(0, 10, "Data Engineer", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, "Builds the pipelines the analysts use.", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 15)
    pdf.multi_cell(0, 8, "Skills", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", "", 10)
    for item in ("SQL", "Airflow"):
        pdf.set_x(pdf.l_margin + 6)
        pdf.multi_cell(0, 5, f"- {item}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))
    return path


def _xlsx(path):
    """Sheet "Matrix": a blank row 1, the header in row 2 (Competency, Junior, Senior), then Go, SQL."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matrix"
    sheet.append([])
    sheet.append(["Competency", "Junior", "Senior"])
    sheet.append(["Go", "writes small services", "designs services"])
    sheet.append(["SQL", "writes queries", "tunes queries"])
    workbook.save(path)
    return path


def _skill(document, role_title, name):
    role = next(r for r in document.roles if r.title == role_title)
    return next(m for m in role.skills if m.name == name).at


def test_docx_fact_names_its_paragraph(tmp_path):
    document = load_file(_docx(tmp_path / "sre.docx"), root=tmp_path)
    at = _skill(document, "Site Reliability Engineer", "Incident response")
    assert (at.line, at.page, at.paragraph, at.place) == (0, None, 5, "paragraph 5")
    [manager] = next(r for r in document.roles).reports_to
    assert (manager.title, manager.at.paragraph, manager.at.place) == ("Head of SRE", 7, "paragraph 7")


def test_pdf_fact_names_its_page_and_paragraph(tmp_path):
    document = load_file(_pdf(tmp_path / "data.pdf"), root=tmp_path)
    at = _skill(document, "Data Engineer", "Airflow")
    assert (at.page, at.paragraph, at.place) == (2, 3, "page 2, paragraph 3")
    assert _skill(document, "Data Engineer", "SQL").place == "page 2, paragraph 2"


def test_xlsx_fact_names_its_sheet_row_and_column(tmp_path):
    document = load_file(_xlsx(tmp_path / "matrix.xlsx"), root=tmp_path)
    [senior] = [r for r in document.roles if r.level == "Senior"]
    at = _skill(document, senior.title, "SQL")
    assert (at.sheet, at.row, at.column, at.place) == ("Matrix", 4, 3, "sheet Matrix, row 4, column C")
    assert at.evidence == "SQL: tunes queries"
    assert (senior.sheet, senior.row, senior.column) == ("Matrix", 2, 3)  # the role is its header cell


@pytest.fixture(scope="module")
def located(tmp_path_factory):
    """The API over a snapshot built from the three documents (real build, saved like `orgkg load`)."""
    folder = tmp_path_factory.mktemp("located")
    docs = folder / "docs"
    docs.mkdir()
    _docx(docs / "sre.docx")
    (docs / "sre.md").unlink()
    _pdf(docs / "data.pdf")
    _xlsx(docs / "matrix.xlsx")
    snapshot = build_from_documents([docs], Settings(data_dir=folder / "build"), save=False)
    return snapshot, serve_snapshot(folder / "data", snapshot)


def _edge_to(snapshot, role_title, rel_type, end_name):
    role = next(r for r in snapshot.roles if r.title == role_title)
    names = {n.id: getattr(n, "name", getattr(n, "title", "")) for _, n in snapshot.nodes()}
    return next(
        rel
        for rel in snapshot.relationships
        if rel.start == role.id and rel.type == rel_type and names.get(rel.end) == end_name
    )


def test_snapshot_relationships_keep_the_place(located):
    snapshot, _ = located
    rel = _edge_to(snapshot, "Site Reliability Engineer", RelType.REQUIRES_SKILL, "Kubernetes")
    assert (rel.source, rel.paragraph, rel.place) == ("sre.docx", 4, "paragraph 4")
    rel = _edge_to(snapshot, "Data Engineer", RelType.REQUIRES_SKILL, "SQL")
    assert (rel.page, rel.paragraph) == (2, 2)
    rel = _edge_to(snapshot, "Site Reliability Engineer", RelType.REQUIRES_SKILL, "Terraform")
    assert (rel.method, rel.line, rel.paragraph, rel.place) == ("extracted", 0, 9, "paragraph 9")


def _role_skill(located, title, skill):
    snapshot, api = located
    role_id = next(r.id for r in snapshot.roles if r.title == title)
    response = api.get(f"/roles/{role_id}")
    assert response.status_code == 200, response.text
    skills = [s for group in response.json()["skills"] for s in group["skills"]]
    return next(s for s in skills if s["name"] == skill)["evidence"]


def test_api_evidence_names_page_paragraph_sheet_row_and_column(located):
    snapshot, _ = located
    evidence = _role_skill(located, "Site Reliability Engineer", "Kubernetes")
    assert (evidence["source"], evidence["paragraph"], evidence["page"], evidence["place"]) == (
        "sre.docx",
        4,
        None,
        "paragraph 4",
    )
    evidence = _role_skill(located, "Data Engineer", "SQL")
    assert (evidence["page"], evidence["paragraph"], evidence["place"]) == (2, 2, "page 2, paragraph 2")
    senior = next(r.title for r in snapshot.roles if r.level == "Senior")
    evidence = _role_skill(located, senior, "Go")
    assert (evidence["sheet"], evidence["row"], evidence["column"]) == ("Matrix", 3, 3)
    assert evidence["place"] == "sheet Matrix, row 3, column C"


def test_a_broken_xlsx_cell_is_a_problem_naming_its_sheet_and_row(tmp_path):
    """Sheet "Matrix" row 3 holds a number cell whose value is the word "four": openpyxl cannot read it."""
    good = _xlsx(tmp_path / "good.xlsx")
    with zipfile.ZipFile(good) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    cell = re.search(r'<c r="B3"[^>]*>.*?</c>', sheet).group(0)
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(cell, '<c r="B3" t="n"><v>four</v></c>').encode()
    with zipfile.ZipFile(tmp_path / "broken.xlsx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    [problem] = load_file(tmp_path / "broken.xlsx", root=tmp_path).problems
    assert (problem.severity, problem.sheet, problem.row, problem.page) == ("error", "Matrix", 3, None)
    assert str(problem).startswith("broken.xlsx (sheet Matrix, row 3): error: not a readable XLSX file: ValueError")


def test_pdf_pages_without_text_are_problems_naming_each_page(tmp_path):
    pdf = FPDF()
    for text in ("Staff Engineer", None, "Leads the platform.", None):
        pdf.add_page()
        if text:
            pdf.set_font("helvetica", "", 12)
            pdf.cell(0, 10, text)
    pdf.output(str(tmp_path / "scan.pdf"))
    problems = load_file(tmp_path / "scan.pdf", root=tmp_path).problems
    empty = [p for p in problems if "no text on page" in p.message]
    assert [(p.page, p.place, p.severity) for p in empty] == [(2, "page 2", "warning"), (4, "page 4", "warning")]
    assert (
        str(empty[0])
        == "scan.pdf (page 2): warning: no text on page 2 (a scan without a text layer?); nothing read there"
    )
