"""Text files written in a legacy encoding read right, with the encoding named in the load report; binary
junk is still refused. A file whose extension names no format is read when its content names one,
named directly or met in a folder."""

from __future__ import annotations

import json

import pytest

from loaders.load import load_file, load_paths

# A competency matrix as Excel on Windows saves "CSV (semicolon)": Windows-1252, where é is 0xE9,
# ï is 0xEF and the en dash is 0x96 (a control character if it were read as ISO-8859-1).
CP1252_MATRIX = (
    "Competency;Junior;Senior\r\n"
    "Café operations;learns the café's routines – with help;runs the café – alone\r\n"
    "Naïve Bayes models;trains a naïve model;tunes models – and explains them\r\n"
)


PLATING = "Crème brûlée – plating"


def _encoding_notes(document):
    return [p for p in document.problems if p.cause == "encoding"]


def test_a_cp1252_csv_matrix_reads_its_accents_and_dashes(tmp_path):
    path = tmp_path / "cafe.csv"
    path.write_bytes(CP1252_MATRIX.encode("cp1252"))
    document = load_file(path, root=tmp_path)
    assert [r.level for r in document.roles] == ["Junior", "Senior"]
    senior = document.roles[1]
    assert [m.name for m in senior.skills] == ["Café operations", "Naïve Bayes models"]
    assert senior.skills[0].at.evidence == "Café operations: runs the café – alone"
    assert senior.skills[0].at.place == "line 2, row 2, column 3"
    [note] = _encoding_notes(document)
    assert (note.severity, note.path, note.line) == ("warning", "cafe.csv", 2)
    assert note.message.startswith("read as cp1252 (not valid UTF-8: byte 0xe9 at offset 29, line 2;")
    assert not [p for p in document.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("name", "text", "title", "skill"),
    [
        (
            "cafe.md",
            "# Café Manager\n\n## Skills\n\n- Crème brûlée – plating\n",
            "Café Manager",
            PLATING,
        ),
        (
            "cafe.rst",
            "Café Manager\n============\n\nSkills\n------\n\n- Crème brûlée – plating\n",
            "Café Manager",
            PLATING,
        ),
        (
            "cafe.txt",
            "CAFÉ MANAGER\n\nSKILLS\n\n- Crème brûlée – plating\n",
            "Café Manager",  # a title in capitals is shown in title case
            PLATING,
        ),
    ],
)
def test_markdown_rst_and_text_in_cp1252_read_right(tmp_path, name, text, title, skill):
    path = tmp_path / name
    path.write_bytes(text.encode("cp1252"))
    document = load_file(path, root=tmp_path)
    assert [r.title for r in document.roles] == [title]
    assert skill in [m.name for m in document.roles[0].skills]
    [note] = _encoding_notes(document)
    assert "cp1252" in note.message


def test_utf8_files_get_no_encoding_note_and_a_bom_says_utf16(tmp_path):
    (tmp_path / "plain.md").write_text("# Café Manager\n\n## Skills\n\n- Brûlée\n", encoding="utf-8")
    (tmp_path / "wide.md").write_bytes("# Café Manager\n\n## Skills\n\n- Brûlée\n".encode("utf-16"))
    plain, wide = load_file(tmp_path / "plain.md", root=tmp_path), load_file(tmp_path / "wide.md", root=tmp_path)
    assert _encoding_notes(plain) == []
    assert [r.title for r in wide.roles] == ["Café Manager"]
    assert [p.message for p in _encoding_notes(wide)] == ["read as UTF-16 (its byte-order mark says so)"]


def test_binary_junk_is_still_refused_with_its_place(tmp_path):
    (tmp_path / "junk.md").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (tmp_path / "nul.csv").write_bytes(b"Level;Skills\nL1;Go\x00\n")
    junk, nul = load_file(tmp_path / "junk.md", root=tmp_path), load_file(tmp_path / "nul.csv", root=tmp_path)
    assert [(p.severity, p.line, p.message) for p in junk.problems] == [
        ("error", 1, "not valid UTF-8: byte 0x80 at offset 0, and no other text encoding reads it")
    ]
    assert [(p.severity, p.line, p.message) for p in nul.problems] == [
        ("error", 2, "binary file: NUL byte at offset 18")
    ]


ROLE_PAGE = "# Site Reliability Engineer\n\n## Skills\n\n- Kubernetes\n"


def test_a_file_named_with_an_unknown_extension_is_read_by_its_content(tmp_path):
    (tmp_path / "roles.export").write_text(ROLE_PAGE)
    result = load_paths([tmp_path / "roles.export"], root=tmp_path)
    assert [r.title for r in result.roles] == ["Site Reliability Engineer"]
    assert result.all_problems == []


def test_the_folder_walk_reads_the_same_file_the_same_way(tmp_path):
    (tmp_path / "roles.export").write_text(ROLE_PAGE)
    (tmp_path / "notes.export").write_text("Some words about the team, with no headings at all.\n")
    result = load_paths([tmp_path], root=tmp_path)
    assert [r.title for r in result.roles] == ["Site Reliability Engineer"]
    [skipped] = result.all_problems
    assert (skipped.path, skipped.severity) == ("notes.export", "warning")
    assert skipped.message.startswith("skipped: unknown file type '.export'")
    named = load_paths([tmp_path / "notes.export"], root=tmp_path)
    assert [(p.path, p.severity) for p in named.all_problems] == [("notes.export", "error")]


def test_a_txt_file_holding_json_is_read_as_json_named_or_in_a_folder(tmp_path):
    ladder = {"title": "Engineering Ladder", "levels": [{"name": "Engineer 1"}, {"name": "Engineer 2"}]}
    (tmp_path / "ladder.txt").write_text(json.dumps(ladder))
    named = load_file(tmp_path / "ladder.txt", root=tmp_path)
    walked = load_paths([tmp_path], root=tmp_path).documents
    assert named.source.format.split(":")[0] == "json"
    assert [d.source.format for d in walked] == [named.source.format]
    assert [r.title for r in named.roles] == ["Engineer 1", "Engineer 2"]
