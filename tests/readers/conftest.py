"""Reader fixtures: real public documents (the corpus's ``tests/corpus/docs``, see its SOURCE.md; the
hand-made ``fixtures/``) and binary files made from them in the set-up with real libraries — pandoc
writes DOCX and ODT, fpdf2 a PDF, openpyxl an XLSX, and the standard library CSV and JSON, PyYAML a
YAML file."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import openpyxl
import pypandoc
import pytest
import yaml
from fpdf import FPDF

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = Path(__file__).resolve().parents[1] / "corpus" / "docs"  # the one copy of the public documents
DIVERSE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "diverse"
EM = DOCS / "jd" / "vorcigernix__engineeringroles__engineering_manager.md"
LADDER = DOCS / "matrix" / "vorcigernix__engineeringroles__README.md"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def diverse() -> Path:
    if not DIVERSE.is_dir():
        pytest.skip(f"the shared diverse corpus is missing: expected it at {DIVERSE}")
    return DIVERSE


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> Path:
    """A folder with the DOCX, ODT, PDF, XLSX, CSV, JSON and YAML files made from the fixtures."""
    folder = tmp_path_factory.mktemp("made")
    pypandoc.convert_file(str(EM), "docx", format="gfm", outputfile=str(folder / "engineering-manager.docx"))
    pypandoc.convert_file(str(EM), "odt", format="gfm", outputfile=str(folder / "engineering-manager.odt"))
    header, rows = ladder_table()
    _pdf(EM.read_text(), header, rows, folder / "engineering-manager.pdf")
    _xlsx(header, rows, folder / "ladder.xlsx")
    with (folder / "ladder.csv").open("w", newline="", encoding="utf-8-sig") as out:
        csv.writer(out, delimiter=";").writerows([header, *rows])
    records = [dict(zip(header, row, strict=True)) for row in rows]
    document = {"title": "The Ladder", "scopes": records}
    (folder / "ladder.json").write_text(json.dumps(document, indent=2))
    levels = {level: {r["scope/level"]: r[level] for r in records} for level in header[1:-1]}
    (folder / "ladder.yaml").write_text(yaml.safe_dump({"title": "The Ladder", "levels": levels}, sort_keys=False))
    return folder


def ladder_table() -> tuple[list[str], list[list[str]]]:
    """The competency table of the Socialbakers ladder README: header and body rows, markup removed."""
    lines = [line for line in LADDER.read_text().split("\n") if line.startswith("|")]
    cells = [[re.sub(r"\*\*", "", c).strip() for c in line.strip()[1:-1].split("|")] for line in lines]
    return cells[0], cells[2:]


def _latin(text: str) -> str:
    """Text the PDF core fonts can set (they have no curly quotes)."""
    return text.replace("’", "'").replace("“", '"').replace("”", '"')


def _pdf(markdown: str, header: list[str], rows: list[list[str]], path: Path) -> None:
    """The Engineering Manager page laid out as a PDF (headings by size and weight, bullets by
    indent), and on a second page the ladder's table with ruled cells."""
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    sizes = {1: 20, 2: 15, 3: 13, 4: 11}
    lines = markdown.split("\n")
    for number, raw in enumerate(lines):
        line = _latin(raw.rstrip())
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if not line.strip() or re.fullmatch(r"=+", line):
            pdf.ln(2)
            continue
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        bullet = re.match(r"^(\s*)\*\s+(.*)$", line)
        if re.fullmatch(r"=+", following):
            pdf.set_font("helvetica", "B", sizes[1])
            pdf.multi_cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
        elif heading:
            level = len(heading.group(1))
            pdf.set_font("helvetica", "B", sizes[level])
            pdf.multi_cell(0, sizes[level] * 0.5, heading.group(2), new_x="LMARGIN", new_y="NEXT")
        elif bullet:
            depth = 1 + len(bullet.group(1)) // 3
            pdf.set_font("helvetica", "", 10)
            pdf.set_x(pdf.l_margin + 6 * depth)
            text = bullet.group(2).strip().strip("*").strip()
            pdf.multi_cell(0, 5, f"- {text}", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("helvetica", "", 10)
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("helvetica", "B", sizes[2])
    pdf.multi_cell(0, 8, "The Ladder", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 8)
    with pdf.table(col_widths=(30, 14, 14, 14, 14, 14, 90)) as table:
        for row in [header, *rows]:
            cells = table.row()
            for text in row:
                cells.cell(_latin(text))
    pdf.output(str(path))


def _xlsx(header: list[str], rows: list[list[str]], path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ladder"
    sheet.append([])  # a blank first row, as people leave them
    for row in [header, *rows]:
        sheet.append([_number(text) for text in row])
    managers = workbook.create_sheet("Managers")
    managers.append(["Role"])
    for role in ("Engineering Manager", "Director, Engineering", "Principal Director, Engineering", "VP, Engineering"):
        managers.append([role])
    workbook.save(path)


def _number(text: str) -> int | str:
    return int(text) if text.isdigit() else text
