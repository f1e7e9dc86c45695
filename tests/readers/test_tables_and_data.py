"""CSV, XLSX, JSON, YAML, TOML and JavaScript data: tables with their cells' rows and columns, data
keys as headings and labels at their lines, and the parsed data kept for the layout interpreters."""

import zipfile

import openpyxl

from loaders.document import Location
from loaders.readers.data import JS, JSON, TOML, YAML_DATA
from loaders.readers.sheets import CSV, XLSX, read_xlsx

# From reading the Socialbakers ladder README's table.
HEADER = ["scope/level", "Level 0", "Level 1", "Level 2", "Level 3", "Level 4", "Skills"]
FIRST_COLUMN = ["delivery", "domain expertise", "problem solving", "communication", "leadership", "min SUM"]
DELIVERY_SKILLS = "Scoping and prioritization, Testing and monitoring, Shipping to production, Initiative"
LEADERSHIP_SKILLS = "Accountability, Responsibility, Mentorship, Making hard decisions, Setting an example"
LEADERSHIP = ["leadership", "0-1", "1", "1-2", "2-3", "3-4"]


def outline(reader, path):
    return reader.read(path.read_bytes(), path.name)


def test_csv_with_bom_and_semicolons_is_one_table(made):
    doc = outline(CSV, made / "ladder.csv")
    [block] = doc.blocks
    table = block.table
    assert table.header_texts == HEADER
    assert [row[0].text for row in table.rows] == FIRST_COLUMN
    assert [c.text for c in table.rows[4][:6]] == LEADERSHIP
    assert table.rows[0][6].text == DELIVERY_SKILLS
    assert table.rows[4][2].at == Location(line=6, row=6, column=3)
    assert [c.text for c in table.rows[5]] == ["min SUM", "2", "5", "8", "14", "20", ""]


def test_csv_quoted_line_breaks_stay_in_their_cell_and_lines_follow_them():
    data = b'Level,Expectations\r\nJunior,"Learns the codebase\r\nAsks for help"\r\nSenior,Leads projects\r\n'
    table = CSV.read(data, "levels.csv").blocks[0].table
    assert [[(c.text, c.at.line) for c in row] for row in table.rows] == [
        [("Junior", 2), ("Learns the codebase\nAsks for help", 2)],  # the line break kept
        [("Senior", 4), ("Leads projects", 4)],
    ]


def test_xlsx_sheets_are_headings_and_tables_with_sheet_cells(made):
    doc = outline(XLSX, made / "ladder.xlsx")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Ladder"),
        ("table", "Ladder"),
        ("heading", "Managers"),
        ("table", "Managers"),
    ]
    ladder, managers = doc.blocks[1].table, doc.blocks[3].table
    assert ladder.header_texts == HEADER
    assert ladder.header[0].at == Location(sheet="Ladder", row=2, column=1)  # row 1 is blank
    assert [c.text for c in ladder.rows[4][:6]] == LEADERSHIP
    assert ladder.rows[5][1].text == "2"  # a number cell reads as its digits
    assert [row[0].text for row in managers.rows] == [
        "Engineering Manager",
        "Director, Engineering",
        "Principal Director, Engineering",
        "VP, Engineering",
    ]
    assert managers.rows[3][0].at == Location(sheet="Managers", row=5, column=1)


def test_json_records_become_a_table_and_the_data_is_kept(made):
    doc = outline(JSON, made / "ladder.json")
    assert doc.title == "The Ladder"
    assert [(b.kind, b.text, b.at.line) for b in doc.blocks[:2]] == [
        ("label", "title: The Ladder", 2),
        ("heading", "scopes", 3),
    ]
    table = doc.blocks[2].table
    assert table.header_texts == HEADER
    assert [c.text for c in table.rows[4][:6]] == LEADERSHIP
    assert table.rows[4][6].text == LEADERSHIP_SKILLS
    assert doc.meta["data"]["scopes"][5]["Level 4"] == "20"
    assert table.rows[0][0].at.line == 5  # "scope/level": "delivery" in the indented JSON


def test_yaml_levels_are_headings_with_their_competencies_as_labels(made):
    doc = outline(YAML_DATA, made / "ladder.yaml")
    assert [(b.level, b.text, b.at.line) for b in doc.blocks if b.kind == "heading"] == [
        (1, "levels", 2),
        (2, "Level 0", 3),
        (2, "Level 1", 10),
        (2, "Level 2", 17),
        (2, "Level 3", 24),
        (2, "Level 4", 31),
    ]
    level_3 = doc.section(next(i for i, b in doc.headings() if b.text == "Level 3"))
    assert [(b.label, b.value) for b in level_3] == [
        ("delivery", "3"),
        ("domain expertise", "2-4"),
        ("problem solving", "1-3"),
        ("communication", "2-3"),
        ("leadership", "2-3"),
        ("min SUM", "14"),
    ]
    assert list(doc.meta["data"]["levels"]) == ["Level 0", "Level 1", "Level 2", "Level 3", "Level 4"]


def test_toml_records_with_a_list_are_headings_with_labels_and_items(fixtures):
    doc = outline(TOML, fixtures / "ttoss-roles.toml")
    assert doc.title == "Roles"
    assert [(b.level, b.text, b.at.line) for b in doc.blocks if b.kind == "heading"] == [
        (1, "roles", 5),
        (2, "Intern", 5),
        (2, "Junior Full Stack Developer", 9),
        (2, "Mid-Level Full Stack Developer", 13),
        (3, "next", 16),
        (2, "Senior Full Stack Developer", 18),
        (2, "Tech Lead", 22),
        (2, "CTO", 25),
    ]
    mid_level = doc.section(next(i for i, b in doc.headings() if b.text == "Mid-Level Full Stack Developer"))
    assert [(b.kind, b.label or b.text, b.at.line) for b in mid_level] == [
        ("label", "requisites", 15),
        ("heading", "next", 16),
        ("item", "Senior Full Stack Developer", 16),
        ("item", "Tech Lead", 16),
    ]
    assert doc.meta["data"]["roles"][2]["next"] == ["Senior Full Stack Developer", "Tech Lead"]


def test_js_module_constants_and_computed_keys_resolve(diverse):
    doc = outline(JS, diverse / "structured" / "Babblesort__wwt-se-career-framework__job-data.js")
    data = doc.meta["data"]
    assert list(data) == ["jobTitles", "skillProficencies", "skillDescriptions"]
    assert data["jobTitles"] == [
        "Software Engineer Apprentice",
        "Software Engineer 1",
        "Software Engineer 2",
        "Software Engineer 3",
        "Software Engineer 4",
        "Software Engineer 5",
        "Lead Software Engineer",
        "Software Architect",
    ]
    assert data["skillProficencies"]["Architecture Design"][:3] == ["", "Developing", "Developing"]
    titles = [(b.text, b.level, b.at.line) for b in doc.blocks if b.kind == "item"][:2]
    assert titles == [("Software Engineer Apprentice", 1, 17), ("Software Engineer 1", 1, 18)]
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"][:4]
    assert headings == [
        ("jobTitles", 1),
        ("skillProficencies", 1),
        ("Agile Engineering Best Practices", 2),
        ("Application Development & Programming", 2),
    ]


def test_js_flow_module_milestones_keep_their_lines(diverse):
    doc = outline(JS, diverse / "structured" / "automata-tech__snowflake__electronics.js")
    tracks = doc.meta["data"]["Tracks"]
    assert list(tracks) == ["ELEC_DESIGN", "PCB", "CABLING"]
    assert tracks["ELEC_DESIGN"]["displayName"] == "Electronics Design"
    assert tracks["ELEC_DESIGN"]["milestones"][0]["summary"] == (
        "Effective at prototyping, rework and testing simple circuits"
    )
    milestones = [(b.text, b.at.line) for b in doc.blocks if b.kind == "heading" and b.text.startswith("milestones ")]
    assert milestones[0] == ("milestones 1", 17)


def test_an_xlsx_merged_range_has_its_value_in_every_cell_it_covers(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Competency", "Level 1", "Level 2", "Level 3"])
    sheet.append(["Delivery", "Ships small changes", "Ships projects", None])
    sheet.append(["Testing", "Tests their code", None, "Owns the test strategy"])
    sheet.merge_cells("C2:D2")  # one criterion for levels 2 and 3
    sheet.merge_cells("B3:C3")
    book.save(tmp_path / "matrix.xlsx")
    table = read_xlsx((tmp_path / "matrix.xlsx").read_bytes(), "matrix.xlsx").blocks[0].table
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Delivery", "Ships small changes", "Ships projects", "Ships projects"],
        ["Testing", "Tests their code", "Tests their code", "Owns the test strategy"],
    ]
    assert (table.rows[0][3].at.row, table.rows[0][3].at.column) == (2, 4)  # each cell at its own place


def test_overlapping_merges_of_a_hostile_workbook_fill_no_more_than_the_sheet(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for number in range(20):
        sheet.append([f"r{number}c{column}" for column in range(5)])
    book.save(tmp_path / "merges.xlsx")
    # openpyxl refuses overlapping merges; a hostile file has them in its XML all the same
    with zipfile.ZipFile(tmp_path / "merges.xlsx") as original:
        parts = {name: original.read(name) for name in original.namelist()}
    merges = "".join('<mergeCell ref="A1:XFD1048576"/>' for _ in range(5000))
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = xml.replace("</sheetData>", f"</sheetData><mergeCells>{merges}</mergeCells>")
    with zipfile.ZipFile(tmp_path / "merges.xlsx", "w") as hostile:
        for name, data in parts.items():
            hostile.writestr(name, data)
    table = read_xlsx((tmp_path / "merges.xlsx").read_bytes(), "merges.xlsx").blocks[0].table
    assert len(table.rows) == 19 and all(len(row) == 5 for row in table.rows)
