"""The format is chosen by content as well as extension, and a broken file of every format is reported
with its path (and line or place) while the rest of the folder still loads."""

import shutil
import zipfile

import pytest

from loaders import load_paths
from loaders.readers.text import TEXT
from loaders.registry import detect_format

GOOD = "# Head of SRE\n\n## Skills\n\n- SLOs\n"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("export.md", b"<!DOCTYPE html>\n<html><body><h1>SRE</h1></body></html>", "html"),
        ("notes.txt", b"# Head of SRE\n\n## Skills\n\n- SLOs\n", "blueprint"),
        ("notes.txt", b"Staff Engineer\n==============\n\nLeads.\n", "blueprint"),
        ("catalog.txt", b"SRE Manager: Role Blueprint, Skills\nLeads SRE.\n", "catalog"),
        ("notes.txt", b"ENGINEERING LADDER\n\nJunior engineers learn.\n", "text"),
        ("export.txt", b'  {"levels": ["L1", "L2"]}', "json"),
        ("ladder.yaml", b"title: Ladder\nlevels: [L1, L2]\ntracks: [IC]\n", "yaml-data"),
        ("role.yaml", b"title: SRE Manager\nskills: [SLOs]\n", "yaml"),
        ("ladder.xlsx", b"%PDF-1.4 a PDF saved with the wrong name", "pdf"),
        ("page.htm", b"<p>Hello</p>", "html"),
        ("levels.tsv", b"Level\tSkills\n", "csv"),
        ("frame.js", b"export default {}", "js-data"),
        ("frame.toml", b"title = 'x'", "toml"),
        ("jd.rst", b"Title\n=====\n", "rst"),
        ("roles.adoc", b"= Roles\n", "asciidoc"),
    ],
)
def test_format_by_content_and_extension(name, content, expected):
    assert detect_format(name, content) == expected


def test_zip_signatures_tell_word_excel_and_opendocument_apart(made, tmp_path):
    for made_name, renamed, expected in [
        ("engineering-manager.docx", "a.bin.xlsx", "docx"),
        ("ladder.xlsx", "b.docx", "xlsx"),
        ("engineering-manager.odt", "c.docx", "odt"),
    ]:
        target = tmp_path / renamed
        shutil.copy(made / made_name, target)
        assert detect_format(target, target.read_bytes()) == expected


def test_plain_text_headings_items_and_paragraphs():
    text = (
        "SENIOR ENGINEER\n\nOwns services end to end\nand mentors others.\n\n"
        "Responsibilities\n----------------\n- Design systems\n  that scale\n- Review code\n  * Security reviews\n"
    )
    doc = TEXT.read(text.encode(), "senior.txt")
    assert doc.title == "SENIOR ENGINEER"
    assert [(b.kind, b.level, b.text, b.at.line) for b in doc.blocks] == [
        ("heading", 1, "SENIOR ENGINEER", 1),
        ("paragraph", 0, "Owns services end to end and mentors others.", 3),
        ("heading", 2, "Responsibilities", 6),
        ("item", 1, "Design systems that scale", 8),
        ("item", 1, "Review code", 10),
        ("item", 2, "Security reviews", 11),
    ]


def _broken_folder(folder, made):
    """One good Markdown blueprint and a broken file of each format."""
    (folder / "good.md").write_text(GOOD)
    docx = (made / "engineering-manager.docx").read_bytes()
    (folder / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF")
    (folder / "bad.xlsx").write_bytes(b"PK\x03\x04 this is no workbook")
    with zipfile.ZipFile(folder / "nothing.odt", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    (folder / "bad.json").write_text('{\n  "levels": [\n    "L1",\n    "L2"\n  \n')
    (folder / "bad-data.yaml").write_text("levels:\n  - L1\n  - [L2\ntracks: x\n")
    (folder / "bad.toml").write_text('title = "Ladder"\n[levels\nname = "L1"\n')
    (folder / "bad.csv").write_text('Level,Skills\nL1,"Go\nL2,SQL\n')
    (folder / "bad.js").write_text("export default {\n  levels: ['L1', 'L2],\n}\n")
    (folder / "lenient.html").write_text("<h1>Staff Engineer<p>unclosed <b>tags")


def test_a_broken_file_of_each_format_is_reported_and_the_rest_loads(made, tmp_path):
    _broken_folder(tmp_path, made)
    result = load_paths([tmp_path], root=tmp_path)
    assert [r.title for r in result.roles] == ["Head of SRE", "Staff Engineer"]  # good.md, lenient.html
    errors = {p.path: p for p in result.all_problems if p.severity == "error"}
    assert sorted(errors) == [
        "bad-data.yaml",
        "bad.csv",
        "bad.js",
        "bad.json",
        "bad.toml",
        "bad.xlsx",
        "corrupt.pdf",
        "nothing.odt",
        "truncated.docx",
    ]
    lines = {path: problem.line for path, problem in errors.items()}
    # JSON: where the input ends; YAML: where the unclosed list meets the next key; CSV: the record
    # whose quote never closes; JS: the string that does not close
    assert [lines[name] for name in ("bad.json", "bad-data.yaml", "bad.toml", "bad.csv", "bad.js")] == [6, 4, 2, 2, 2]
    assert errors["bad.json"].message.startswith("malformed JSON")
    assert errors["bad-data.yaml"].message.startswith("malformed YAML")
    assert errors["bad.toml"].message.startswith("malformed TOML")
    assert errors["bad.csv"].message.startswith("malformed CSV")
    assert errors["bad.js"].message == "unterminated string"
    assert errors["truncated.docx"].message.startswith("not a readable DOCX file")
    assert errors["bad.xlsx"].message.startswith("not a readable XLSX file")
    assert errors["nothing.odt"].message == "not a ODT file: it has no content.xml"
    assert errors["corrupt.pdf"].message.startswith("not a readable PDF")
    # bad HTML is read leniently: the page loads with its role, no error
    [lenient] = [d for d in result.documents if d.source.path == "lenient.html"]
    assert (lenient.source.format, [r.title for r in lenient.roles]) == ("html:single-role", ["Staff Engineer"])


def test_each_document_records_the_format_that_read_it(made, tmp_path):
    for name in ("engineering-manager.docx", "engineering-manager.pdf", "ladder.xlsx", "ladder.csv", "ladder.json"):
        shutil.copy(made / name, tmp_path / name)
    result = load_paths([tmp_path], root=tmp_path)
    assert {d.source.path: d.source.format.split(":")[0] for d in result.documents} == {
        "engineering-manager.docx": "docx",
        "engineering-manager.pdf": "pdf",
        "ladder.csv": "csv",
        "ladder.json": "json",
        "ladder.xlsx": "xlsx",
    }
    assert not [p for p in result.all_problems if p.severity == "error"]


def test_a_sidecar_hint_reaches_the_layouts_of_a_read_format(made, tmp_path):
    shutil.copy(made / "ladder.csv", tmp_path / "ladder.csv")
    plain = load_paths([tmp_path], root=tmp_path)
    (tmp_path / "ladder.csv.orgkg.yaml").write_text("layout: matrix\nfamily: Developer\n")
    hinted = load_paths([tmp_path], root=tmp_path)
    [before], [after] = plain.documents, hinted.documents
    assert before.source.format == after.source.format == "csv:matrix"
    assert [r.title for r in before.roles][:2] == ["ladder Level 0", "ladder Level 1"]  # named after the file
    assert [r.title for r in after.roles] == [f"Developer Level {n}" for n in range(5)]  # the hint's family
