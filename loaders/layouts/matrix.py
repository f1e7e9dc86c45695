"""Competency matrices: tables with levels on one axis and competencies on the other (either orientation).

Levels are header cells (or first-column cells) that name levels or roles — ``Level 2``, ``L3``,
``Senior``, ``Staff Engineer`` — at least two of them, while the other axis names no levels. Each
level becomes a role that requires every competency of the other axis, with the cell's text as
evidence and the cell's location. Rows such as "min SUM" or "Total" are no competency. Several
tables with the same levels (one per competency area) add to the same roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import ParsedRole, SectionKind
from loaders.document import Cell, DocumentOutline, Location, Table
from loaders.labels import role_field
from loaders.layouts.fill import mention
from loaders.layouts.ladder import ladder_name, level_title, link_ladder
from loaders.layouts.particulars import content_tables
from loaders.layouts.roles import clean_title, mostly_roles
from loaders.role_titles import is_generic_level, looks_like_role
from loaders.text import classify_heading

__all__ = ["Matrix", "attach", "find_matrices", "matrix_roles"]

_FIGURE = re.compile(r"^[\d.,%$€£ +\-–/]*$")  # numbers, ranges, money: a table of figures, not of competencies
_NAME_HEADER = re.compile(r"^\s*(?:(?:job\s+)?titles?|roles?|names?|positions?)\s*$", re.I)
_NOT_COMPETENCY = re.compile(r"\b(?:sum|total|score|points)\b", re.I)


@dataclass(frozen=True)
class Matrix:
    """One table read as levels × competencies: ``cells[level][competency]``."""

    levels: list[tuple[str, Location]]  # level name, where it is named
    competencies: list[str]
    cells: dict[str, dict[str, Cell]]
    track: str | None = None  # for a level-tagged column ("Backend Level"): the track it belongs to
    #: for levels in rows beside a title column (``| Level | Title | Scope | Impact |``): each level's role
    titles: dict[str, tuple[str, Location]] = field(default_factory=dict)
    #: for roles in rows beside a level column (``| Title | Level | Delivery |``): each role's level
    levels_of: dict[str, str] = field(default_factory=dict)


def _is_level(text: str) -> bool:
    text = clean_title(text)
    return bool(text) and (is_generic_level(text) or looks_like_role(text))


def _read(table: Table) -> Matrix | None:
    header = list(table.header)
    rows = [list(r) for r in table.rows]
    if not header and rows:
        header, rows = rows[0], rows[1:]
    if len(header) < 3 or len(rows) < 1:
        return None
    columns = [i for i, cell in enumerate(header) if i > 0 and _is_level(cell.text)]
    firsts = [row[0] for row in rows if row and row[0].text.strip()]
    name = columns[0] - 1 if columns else 0  # the competency column: the one before the first level
    if len(columns) >= 2 and not any(_is_level(row[name].text) for row in rows[:1] if name < len(row)):
        competencies = [
            row
            for row in rows
            if len(row) > name and clean_title(row[name].text) and not _NOT_COMPETENCY.search(row[name].text)
        ]
        levels = [(clean_title(header[i].text), header[i].at) for i in columns]
        cells = {
            clean_title(header[i].text): {clean_title(row[name].text): row[i] for row in competencies if i < len(row)}
            for i in columns
        }
        return Matrix(levels, [clean_title(row[name].text) for row in competencies], cells)
    level_rows = [row for row in rows if row and _is_level(row[0].text)]
    others = [
        c
        for c in header[1:]
        if clean_title(c.text)
        and not _is_level(c.text)
        and _competency(c.text)
        and not _NAME_HEADER.match(c.text)
        and not role_field(c.text)  # a row's level or grade, no competency ("| Title | Level | Delivery |")
    ]
    body = [c.text for row in level_rows for c in row[1:] if c.text.strip()]
    worded = sum(1 for text in body if not _FIGURE.match(text.strip()))
    if len(level_rows) >= 2 and len(level_rows) == len(firsts) and len(others) >= 2 and worded * 2 > len(body):
        names = {i: clean_title(c.text) for i, c in enumerate(header) if i > 0 and c in others}
        levels = [(clean_title(row[0].text), row[0].at) for row in level_rows]
        cells = {
            clean_title(row[0].text): {names[i]: row[i] for i in names if i < len(row) and row[i].text.strip()}
            for row in level_rows
        }
        titles, levels_of = _row_titles(header, level_rows), _row_levels(header, level_rows)
        return Matrix(levels, list(names.values()), cells, titles=titles, levels_of=levels_of)
    return None


def _row_titles(header: list[Cell], rows: list[list[Cell]]) -> dict[str, tuple[str, Location]]:
    """Each level row's role title from a title column (``Title``, ``Role``), when most of its cells name roles."""
    column = next((i for i, c in enumerate(header) if i > 0 and _NAME_HEADER.match(c.text)), None)
    if column is None:
        return {}
    titles = {
        clean_title(row[0].text): (clean_title(row[column].text), row[column].at)
        for row in rows
        if column < len(row) and clean_title(row[column].text)
    }
    return titles if titles and mostly_roles([title for title, _ in titles.values()]) else {}


def _row_levels(header: list[Cell], rows: list[list[Cell]]) -> dict[str, str]:
    """Each role row's level from a level column (``| Title | Level | Delivery |``)."""
    column = next((i for i, c in enumerate(header) if i > 0 and role_field(c.text) == "level"), None)
    if column is None:
        return {}
    return {
        clean_title(row[0].text): clean_title(row[column].text)
        for row in rows
        if column < len(row) and clean_title(row[column].text)
    }


def _reading_order(at: Location) -> tuple[int, int, int, int]:
    """Sort key of places in one table: line (text formats), then page, row and column."""
    return (at.line, at.page or 0, at.row or 0, at.column or 0)


def _competency(text: str) -> bool:
    """A header that names a competency, not a section of a role table (Responsibilities, Requirements)."""
    return classify_heading(text) in (SectionKind.OTHER, SectionKind.SKILLS)


_LEVEL_HEADER = re.compile(r"\b(?:level|nivel|nível|niveau|stufe|grade)\b", re.I)
_SMALL_NUMBER = re.compile(r"^\d{1,2}$")


def _tagged(table: Table) -> list[Matrix]:
    """Columns that tag each competency with the level that requires it (``Backend Level``: 1, 2, 3 ...).

    Each such column is a track; a competency belongs to the level its cell names.
    """
    header = list(table.header)
    rows = [list(r) for r in table.rows]
    tagged = []
    for i, cell in enumerate(header):
        values = [row[i].text.strip() for row in rows if i < len(row) and row[i].text.strip()]
        numeric = [v for v in values if _SMALL_NUMBER.match(v)]
        mostly_numbers = len(set(numeric)) >= 2 and len(numeric) * 10 >= len(values) * 9
        if i > 0 and _LEVEL_HEADER.search(cell.text) and mostly_numbers:
            tagged.append(i)
    if not tagged:
        return []
    name = tagged[0] - 1
    found = []
    for column in tagged:
        track = " ".join(_LEVEL_HEADER.sub(" ", header[column].text).split()) or None
        cells: dict[str, dict[str, Cell]] = {}
        for row in rows:
            if column < len(row) and _SMALL_NUMBER.match(row[column].text.strip()) and clean_title(row[name].text):
                level = f"Level {int(row[column].text.strip())}"
                cells.setdefault(level, {})[clean_title(row[name].text)] = row[column]
        ordered = sorted(cells, key=lambda level: int(level.split()[1]))
        levels = [(level, min((c.at for c in cells[level].values()), key=_reading_order)) for level in ordered]
        competencies = list(dict.fromkeys(c for level in ordered for c in cells[level]))
        found.append(Matrix(levels, competencies, cells, track))
    return found


def _list_matrix(outline: DocumentOutline) -> Matrix | None:
    """Competencies as headings, each listing the same levels as items with the level's behaviours nested.

    ``## Delivery`` / ``- **Beginner**`` / ``  - You ship small patches`` ... repeated per competency.
    """
    found: dict[str, dict[str, Cell]] = {}
    order: list[tuple[str, Location]] = []
    for index, heading in outline.headings():
        blocks = outline.section(index)
        own = blocks[: next((i for i, b in enumerate(blocks) if b.kind == "heading"), len(blocks))]
        levels: dict[str, Cell] = {}
        for position, block in enumerate(own):
            if block.kind != "item" or block.level != 1 or not is_generic_level(clean_title(block.text)):
                continue
            nested = []
            for other in own[position + 1 :]:
                if other.kind == "item" and other.level <= 1:
                    break
                nested.append(other.text)
            levels[clean_title(block.text)] = Cell(" ".join(" ".join(nested).split()), block.at)
        if len(levels) >= 2:
            competency = clean_title(heading.text)
            for level, cell in levels.items():
                if level not in found:
                    found[level] = {}
                    order.append((level, cell.at))
                found[level][competency] = cell
    if len(found) < 2 or sum(1 for cells in found.values() if len(cells) >= 2) < 2:
        return None
    competencies = list(dict.fromkeys(c for cells in found.values() for c in cells))
    return Matrix(order, competencies, found)


def find_matrices(outline: DocumentOutline) -> list[Matrix]:
    """Every table of the outline that reads as a competency matrix.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| area | Level 1 | Level 2 |\\n|---|---|---|\\n| delivery | 1 | 2 |\\n| sum | 1 | 2 |\\n"
    >>> doc = read_markdown(text, "m.md")
    >>> [([(name, at.line, at.column) for name, at in m.levels], m.competencies) for m in find_matrices(doc)]
    [([('Level 1', 1, 2), ('Level 2', 1, 3)], ['delivery'])]
    """
    found = []
    for _, block in content_tables(outline):
        if block.table is None:
            continue
        tagged = _tagged(block.table)
        matrix = _read(block.table) if not tagged else None
        if matrix is not None and matrix.competencies:
            found.append(matrix)
        found.extend(m for m in tagged if len(m.levels) >= 2)
    listed = _list_matrix(outline)
    if listed is not None:
        found.append(listed)
    return found


def matrix_roles(outline: DocumentOutline, family: str | None) -> list[ParsedRole]:
    """One role per level of the document's matrices, requiring each competency with its cell as evidence."""
    matrices = find_matrices(outline)
    if not matrices:
        return []
    levels = [name for m in matrices for name, _ in m.levels]
    generic = [name for name in levels if is_generic_level(name)]
    ladder = ladder_name(outline, generic, family) if generic else ""
    roles: dict[str, ParsedRole] = {}
    tracks: dict[str | None, list[ParsedRole]] = {}
    noun = outline.title if outline.title and looks_like_role(outline.title) else ""
    for matrix in matrices:
        for level, at in matrix.levels:
            named = " ".join(f"{matrix.track or ''} {noun}".split()) if matrix.track else ladder
            title = level_title(level, named) if is_generic_level(level) else level
            title, at = matrix.titles.get(level, (title, at))
            role = roles.get(title.lower())
            if role is None:
                place = {"line": at.line, **at.beyond_line}
                role = ParsedRole(title=title, source=outline.source, **place, ladder=named or None)
                role.level = level if is_generic_level(level) or level in matrix.titles else None
                role.level = role.level or matrix.levels_of.get(level)
                roles[title.lower()] = role
                tracks.setdefault(matrix.track, []).append(role)
            for competency, cell in matrix.cells[level].items():
                evidence = f"{competency}: {cell.text}" if cell.text.strip() else competency
                role.skills.append(mention(competency, SectionKind.SKILLS, outline.source, cell.at, evidence))
    for track in tracks.values():
        link_ladder(track, [""] * len(track), outline.source, outline.source.rsplit("/", 1)[-1])
    return list(roles.values())


def attach(roles: list[ParsedRole], outline: DocumentOutline) -> None:
    """Add the competencies of the outline's matrices to the roles their levels name (by title or level).

    A ladder stated in one table (``IC2 | Engineer 1``) and detailed in matrices (one per competency
    area, levels as columns or rows) becomes one set of roles with the matrices' skills.
    """
    by_name: dict[str, ParsedRole] = {}
    for role in roles:
        by_name.setdefault(role.title.lower(), role)
        if role.level:
            by_name.setdefault(role.level.lower(), role)
    for matrix in find_matrices(outline):
        for level, _at in matrix.levels:
            role = by_name.get(level.lower())
            if role is None:
                continue
            for competency, cell in matrix.cells[level].items():
                evidence = f"{competency}: {cell.text}" if cell.text.strip() else competency
                role.skills.append(mention(competency, SectionKind.SKILLS, outline.source, cell.at, evidence))
