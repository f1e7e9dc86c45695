"""The Markdown reader: every heading style, lists with depth, labels, tables, HTML and front matter, at file lines."""

from __future__ import annotations

from loaders.readers.markdown import read_markdown


def _blocks(text: str):
    return [(b.kind, b.level, b.text, b.at.line) for b in read_markdown(text, "doc.md").blocks]


def test_setext_and_atx_headings_are_the_same_headings():
    assert _blocks("Engineering Manager\n===================\n\nTeam lead\n---------\n\n### Skills\n") == [
        ("heading", 1, "Engineering Manager", 1),
        ("heading", 2, "Team lead", 4),
        ("heading", 3, "Skills", 7),
    ]


def test_bold_only_line_is_a_pseudo_heading_below_every_real_one():
    assert _blocks("## Role\n\n**Nice-to-haves**\n\n- Rust\n")[1] == ("heading", 7, "Nice-to-haves", 3)


def test_list_items_keep_their_nesting_depth_and_link_text():
    assert _blocks("- Data Structures\n  - [hash tables][ht]\n    - collisions\n\n[ht]: https://x\n") == [
        ("item", 1, "Data Structures", 1),
        ("item", 2, "hash tables", 2),
        ("item", 3, "collisions", 3),
    ]


def test_label_lines_are_labels_with_their_value_and_the_rest_stays_a_paragraph():
    doc = read_markdown("Leads the SRE team.\n**Reports to:** Head of SRE\n", "doc.md")
    assert [(b.kind, b.text, b.at.line) for b in doc.blocks] == [
        ("paragraph", "Leads the SRE team.", 1),
        ("label", "Reports to: Head of SRE", 2),
    ]
    assert (doc.blocks[1].label, doc.blocks[1].value) == ("Reports to", "Head of SRE")


def test_table_cells_keep_line_row_and_column_and_br_breaks():
    doc = read_markdown("Intro\n\n| Level | Scope |\n|---|---|\n| L1 | Self<br>Team |\n", "doc.md")
    table = doc.blocks[1].table
    assert table.header_texts == ["Level", "Scope"]
    cell = table.rows[0][1]
    assert (cell.text, cell.at.line, cell.at.row, cell.at.column) == ("Self\nTeam", 5, 2, 2)


def test_html_blocks_become_tables_or_paragraphs_at_their_lines():
    text = "# Ladder\n\n<div>\nOur levels\n</div>\n\n<table>\n<tr><th>Area</th><th>L1</th></tr>\n</table>\n"
    assert [(k, t, line) for k, _, t, line in _blocks(text)] == [
        ("heading", "Ladder", 1),
        ("paragraph", "Our levels", 4),
        ("table", "Area | L1", 8),
    ]


def test_front_matter_goes_to_meta_and_its_errors_keep_the_file_line():
    doc = read_markdown("---\ntitle: Levels\nlevels: 3\n---\n## L1\n", "doc.md")
    assert (doc.meta, doc.title, doc.blocks[0].at.line) == ({"title": "Levels", "levels": 3}, "Levels", 5)
    broken = read_markdown("---\ntitle: [x\n---\n## L1\n", "doc.md")
    assert [(p.line, p.severity) for p in broken.problems] == [(2, "error")]
