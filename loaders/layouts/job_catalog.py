"""A job catalog: one role per row of a table whose columns say what each role is.

HR systems and compensation teams keep the role library as a spreadsheet — an export of the HR
system's job profiles, a job architecture, a grading structure::

    | Job Code | Job Title        | Job Family | Level | Pay Grade | Reports To         | Job Summary | Skills      |
    | FIN-101  | Staff Accountant | Accounting | P1    | G5        | Accounting Manager | Prepares …  | GAAP; Excel |

Each row is a role and each cell a fact about it, at its own row and column. The headers are read by the
grammar that reads the same words anywhere else: a ``Reports To`` cell is the label line ``Reports To:
Accounting Manager`` (:mod:`loaders.labels`), a ``Required Skills`` cell a skills section
(:func:`loaders.text.classify_heading`), a ``Job Code`` a name people look the role up by (an alias), a
track column (``Individual Contributor``, ``Management``) the role's track. Columns the grammar does not
know (``FLSA``, ``Location``) are kept with the role as particulars, never scanned for skills.

Rows are records, not a ladder: their order states no promotion. The pipeline infers promotions and
reporting lines from the grades and levels within a family, and says so.

A table is a catalog when a column titles the roles (``Job Title``, ``Job Profile``, ``Position``) and
most of its cells read as role titles, and another column says where each role sits that a ladder table
has not: a code, a reporting line, a post particular (department, location), or a family beside some
column besides grade and level. A career-track × grade × job-title table stays a ladder
(:func:`loaders.layouts.roles.grouped_table`), as does a ladder's ``| Level | Title | Skills |``. A title
row above the header (a report name and date, as spreadsheets are exported) is passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from graph.model import Evidence, LoadProblem, ParsedRole, SectionKind
from loaders.document import Block, Cell, DocumentOutline, Table
from loaders.labels import (
    CODE_LABELS,
    career_field,
    known_label,
    label_key,
    post_label,
    role_field,
    staff_label,
    title_label,
)
from loaders.layouts.fill import add_code, fill_role
from loaders.layouts.ladder import track_of
from loaders.layouts.particulars import cell_items, content_tables
from loaders.layouts.roles import clean_title, ladder_table_header, lists_page_roles, mostly_roles
from loaders.markdown import MENTION_KINDS
from loaders.role_titles import has_level_word
from loaders.text import classify_heading, collapse

__all__ = ["Catalog", "Column", "catalog_roles", "find_catalogs"]

ColumnKind = Literal["title", "code", "track", "label", "section", "particular"]

# Headers of the table's own columns besides the label grammar's.
_TITLE_HEADERS = frozenset({"job title name", "title name", "name of post"})
_CODE_HEADERS = CODE_LABELS | {"code", "id", "job key", "profile id", "req id", "requisition id"}
_TRACK_HEADERS = frozenset({"track", "career track", "career stream", "job track", "stream", "career path type"})
_FAMILY_GROUP_HEADERS = frozenset({"job family group", "family group"})
_DESCRIPTION_HEADERS = frozenset(
    {"description", "job description", "role description", "position description", "job profile summary"}
)
# Sections whose items are stated mentions (a skills cell's "GAAP; Excel"), and every kind a column may be.
_LISTING_KINDS = frozenset(MENTION_KINDS | {SectionKind.KPIS})
_SECTION_KINDS = _LISTING_KINDS | {SectionKind.SUMMARY, SectionKind.RESPONSIBILITIES}
_SUMMARY_ROW = re.compile(r"^(?:total|sub-?total|sum|count|average|grand total)\b", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HEADER_ROWS = 5  # how far below the first row a catalog's header may start (title rows of an export)


@dataclass(frozen=True)
class Column:
    """One column of a catalog: where it is, its header as written and what its cells are."""

    index: int
    header: str
    key: str  # the header as the label grammar compares it
    kind: ColumnKind
    section: SectionKind | None = None  # for a section column: the kind of section its cells are

    @property
    def field(self) -> str | None:
        """The role field a label column sets (``level``, ``family``, ``grade``, ``department``)."""
        return role_field(self.key) if self.kind == "label" else None


@dataclass(frozen=True)
class Catalog:
    """A table read as a job catalog: its title column, its other columns and its rows of roles."""

    title: Column
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: "catalog" (records of where each job sits), "roles" (a table of roles and their fields only) or
    #: "ladder" (such a table in rising level order: each row promotes to the next)
    kind: Literal["catalog", "roles", "ladder"] = "catalog"
    descending: bool = False  # a ladder written from the top level down (L5, L4, L3)


def _header_key(text: str) -> str:
    """A header as the label grammar compares it; ``job_title`` and ``jobTitle`` (data exports) are ``job title``."""
    return label_key(_CAMEL.sub(" ", collapse(text)).replace("_", " "))


def _column(index: int, header: str) -> Column:
    key = _header_key(header)
    if title_label(key) or key in _TITLE_HEADERS:
        return Column(index, header, key, "title")
    if key in _CODE_HEADERS:
        return Column(index, header, key, "code")
    if key in _TRACK_HEADERS:
        return Column(index, header, key, "track")
    if career_field(key) or role_field(key) or staff_label(key) or key in _FAMILY_GROUP_HEADERS:
        return Column(index, header, key, "label")
    kind = SectionKind.SUMMARY if key in _DESCRIPTION_HEADERS else classify_heading(key)
    if kind in _SECTION_KINDS:
        return Column(index, header, key, "section", kind)
    return Column(index, header, key, "particular")


def _catalog(header: tuple[Cell, ...], rows: tuple[tuple[Cell, ...], ...]) -> Catalog | None:
    columns = [_column(i, collapse(cell.text)) for i, cell in enumerate(header) if collapse(cell.text)]
    titles = [c for c in columns if c.kind == "title"]
    if not titles:
        return None
    title = titles[0]
    names = [clean_title(row[title.index].text) for row in rows if title.index < len(row)]
    names = [n for n in names if n and not _SUMMARY_ROW.match(n)]
    if len(names) < 2 or not mostly_roles(names):
        return None
    others = [c for c in columns if c is not title]
    records = any(c.kind == "code" or _sits(c) for c in others)
    family = any(c.field == "family" for c in others)
    # a family beside only the columns a career-track × grade × job-title table has is that ladder, no catalog
    beyond_ladder = any(c.kind != "particular" and not ladder_table_header(c.header) for c in others)
    if records or (family and beyond_ladder):
        return Catalog(title, tuple(others), rows)
    if others and all(c.kind in ("label", "section") for c in others):
        order = _level_order(others, rows)
        return Catalog(title, tuple(others), rows, "ladder" if order else "roles", descending=order < 0)
    return None


def _level_order(columns: list[Column], rows: tuple[tuple[Cell, ...], ...]) -> int:
    """1 when a level or grade column numbers every row, each higher than the row above ("L1", "L2"); -1
    when each is lower (a ladder written from the top down: "L5", "L4"); else 0."""
    for column in columns:
        if column.field not in ("level", "grade"):
            continue
        numbers = [_NUMBER.search(row[column.index].text) if column.index < len(row) else None for row in rows]
        if numbers and all(numbers):
            values = [float(match.group()) for match in numbers if match]
            if all(a < b for a, b in pairwise(values)):
                return 1
            return -1 if all(a > b for a, b in pairwise(values)) else 0
    return 0


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _sits(column: Column) -> bool:
    """Whether a column says where each row's role sits as no ladder table does: a reporting line, the
    staff it manages, its department, or a post particular (location, FLSA status)."""
    if column.kind == "label":
        return bool(career_field(column.key) or staff_label(column.key) or column.field == "department")
    return column.kind == "particular" and post_label(column.key)


def find_catalogs(outline: DocumentOutline) -> list[Catalog]:
    """The tables of ``outline`` (and the record tables of a data file) that are job catalogs, a title row
    above the header passed over.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Job Code | Job Title | Reports To |\\n|---|---|---|\\n| F1 | Accountant | Controller |\\n"
    >>> text += "| F2 | Controller | Chief Financial Officer |\\n"
    >>> [(c.title.header, [col.kind for col in c.columns]) for c in find_catalogs(read_markdown(text, "c.md"))]
    [('Job Title', ['code', 'label'])]
    >>> text = "| Level | Title | Skills |\\n|---|---|---|\\n| L1 | Engineer | Go |\\n| L2 | Senior Engineer | Go |\\n"
    >>> [(c.title.header, c.kind) for c in find_catalogs(read_markdown(text, "l.md"))]
    [('Title', 'ladder')]
    """
    tables = [(block.table, index) for index, block in content_tables(outline) if block.table is not None]
    tables += [(table, None) for table in outline.meta.get("record_tables", [])]  # a data file's records
    catalogs = [
        catalog
        for table, index in tables
        if (catalog := _catalog_of(table)) is not None
        and (catalog.kind == "catalog" or index is None or lists_page_roles(outline, _titles(catalog)))
    ]
    if all(catalog.kind == "catalog" for catalog in catalogs):
        return catalogs
    headings = {clean_title(block.text).casefold() for _, block in outline.headings()}
    return [catalog for catalog in catalogs if catalog.kind == "catalog" or not _lists_sections(catalog, headings)]


def _lists_sections(catalog: Catalog, headings: set[str]) -> bool:
    """Whether a table of roles names the roles the document's headings describe (an overview of them)."""
    return sum(name.casefold() in headings for name in _titles(catalog)) >= 2


def _titles(catalog: Catalog) -> list[str]:
    """The role titles of a catalog's rows."""
    column = catalog.title.index
    return [clean_title(row[column].text) for row in catalog.rows if column < len(row)]


def _catalog_of(table: Table) -> Catalog | None:
    candidates = [(table.header, table.rows)] if table.header else []
    candidates += [(table.rows[i], table.rows[i + 1 :]) for i in range(min(_HEADER_ROWS, len(table.rows) - 2))]
    for header, rows in candidates:
        catalog = _catalog(header, rows)
        if catalog is not None:
            return catalog
    return None


def catalog_roles(
    outline: DocumentOutline, problems: list[LoadProblem] | None = None, catalogs: list[Catalog] | None = None
) -> list[ParsedRole]:
    """One role per row of each job catalog of ``outline`` (``catalogs``, when they were found already), in
    the document's order; a title repeated with another family or grade is added to ``problems`` as a warning.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Job Title | Job Family | Grade | Reports To | Required Skills |\\n|---|---|---|---|---|\\n"
    >>> text += "| Staff Accountant | Accounting | G5 | Accounting Manager | GAAP; Reconciliations |\\n"
    >>> text += "| Accounting Manager | Accounting | G8 | Controller | GAAP |\\n"
    >>> role = catalog_roles(read_markdown(text, "jobs.md"))[0]
    >>> role.title, role.family, role.grade, [(r.title, r.at.line) for r in role.reports_to]
    ('Staff Accountant', 'Accounting', 5, [('Accounting Manager', 3)])
    >>> [(m.name, m.section.value) for m in role.skills], role.promotes_to
    ([('GAAP', 'skills'), ('Reconciliations', 'skills')], [])
    """
    roles = []
    for catalog in find_catalogs(outline) if catalogs is None else catalogs:
        for row in catalog.rows:
            role = _row_role(outline.source, catalog, row)
            marked = _inactive(catalog, row) if role is not None else None
            if marked is None and role is not None:
                roles.append(role)
            elif marked is not None and problems is not None:
                message = f"job {role.title!r} is marked inactive ({marked}): not read as a role"
                problems.append(
                    LoadProblem(path=outline.source, line=role.line, **role.location.beyond_line, message=message,
                                severity="warning", cause="inactive-job")
                )  # fmt: skip
    if problems is not None:
        problems += _repeated_titles(outline.source, roles)
    return roles


def _repeated_titles(source: str, roles: list[ParsedRole]) -> list[LoadProblem]:
    """A title on two rows that differ in family or grade is one role to the graph (the first row's facts
    win): a warning at the later row says so, so two jobs read as one are never silent."""
    first: dict[str, ParsedRole] = {}
    problems = []
    for role in roles:
        earlier = first.setdefault(role.title.casefold(), role)
        if earlier is role or (earlier.family, earlier.grade) == (role.family, role.grade):
            continue
        differs = [
            f"{name} {mine!r} after {theirs!r}"
            for name, mine, theirs in (("family", role.family, earlier.family), ("grade", role.grade, earlier.grade))
            if mine != theirs
        ]
        message = (
            f"job title {role.title!r} is also on an earlier row ({earlier.place}) with another "
            f"{' and '.join(differs)}: read as one role, the earlier row's facts kept; give the jobs distinct titles"
        )
        problems.append(
            LoadProblem(path=source, line=role.line, **role.location.beyond_line, message=message, severity="warning",
                        cause="repeated-title")
        )
    return problems


# An export's status column: a row it marks inactive is a job the organisation no longer has.
_INACTIVE_HEADERS = frozenset({"inactive", "is inactive", "retired", "obsolete"})
_ACTIVE_HEADERS = frozenset({"active", "is active"})
_STATUS_HEADERS = frozenset({"status", "job status", "profile status", "job profile status", "record status"})
_YES = frozenset({"yes", "y", "true", "1", "x"})
_NO = frozenset({"no", "n", "false", "0"})
_INACTIVE_STATUS = frozenset({"inactive", "retired", "obsolete", "archived", "discontinued", "closed", "deleted"})


def _inactive(catalog: Catalog, row: tuple[Cell, ...]) -> str | None:
    """The cell that marks a row's job inactive ("Inactive: Yes", "Status: Retired"), as its label line; None
    for a row of a job in use.

    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Job Title | Job Code | Inactive |\\n|---|---|---|\\n| Accountant | A1 | No |\\n"
    >>> text += "| Bookkeeper | B1 | Yes |\\n"
    >>> catalog = find_catalogs(read_markdown(text, "jobs.md"))[0]
    >>> [_inactive(catalog, row) for row in catalog.rows]
    [None, 'Inactive: Yes']
    """
    for column in catalog.columns:
        value = collapse(row[column.index].text).lower() if column.index < len(row) else ""
        if (
            (column.key in _INACTIVE_HEADERS and value in _YES)
            or (column.key in _ACTIVE_HEADERS and value in _NO)
            or (column.key in _STATUS_HEADERS and value in _INACTIVE_STATUS)
        ):
            return f"{column.header}: {collapse(row[column.index].text)}"
    return None


def _row_role(source: str, catalog: Catalog, row: tuple[Cell, ...]) -> ParsedRole | None:
    if catalog.title.index >= len(row):
        return None
    title_cell = row[catalog.title.index]
    title = clean_title(title_cell.text)
    if not title or _SUMMARY_ROW.match(title):
        return None
    at = title_cell.at
    role = ParsedRole(title=title, source=source, line=at.line, **at.beyond_line)
    cells = [(column, row[column.index]) for column in catalog.columns if column.index < len(row)]
    cells = [(column, cell) for column, cell in cells if collapse(cell.text)]
    fill_role(role, _particulars(catalog, cells), title, SectionKind.CAREER)
    for column, cell in cells:
        if column.kind == "code":
            add_code(role, cell.text)
        elif column.kind == "track" or column.field == "level":
            _track(role, column, cell)
        elif column.kind == "section" and column.section is not None:
            fill_role(role, _content(column.section, cell), column.header, column.section)
    return role


def _particulars(catalog: Catalog, cells: list[tuple[Column, Cell]]) -> list[Block]:
    """The row's cells that say where the role sits, as the label lines they stand for: read by the label
    grammar (reporting lines, family, level, grade) and kept as the role's particulars.

    A family group (Workday's "Job Family Group") is the family when no column names a finer one, else the
    department the role's function is placed by when its title names none.
    """
    has_family = any(c.field == "family" for c in catalog.columns)
    blocks = []
    for column, cell in cells:
        if column.kind == "section":
            continue
        value = collapse(cell.text)
        label: str | None = column.key
        if column.kind == "label" and column.key in _FAMILY_GROUP_HEADERS:
            label = "department" if has_family else "family"
        elif column.kind != "label" or not known_label(column.key) or (column.field == "level" and _only_ic(value)):
            label = None  # kept with the role, read as nothing (a level that only names a track: :func:`_track`)
        blocks.append(Block(kind="label", text=f"{column.header}: {value}", at=cell.at, label=label, value=value))
    return blocks


def _track(role: ParsedRole, column: Column, cell: Cell) -> None:
    """A track column's value (or a level's that names one: "Individual Contributor") as the role's track."""
    value = collapse(cell.text)
    track = track_of(value)
    if track is None:
        return
    if role.track is None:
        role.track = track
        role.track_at = Evidence.at(role.source, cell.at, f"{column.header}: {value}", method="stated")


def _only_ic(value: str) -> bool:
    """Whether a level column's value names only the individual-contributor track ("Individual Contributor"),
    no level: Workday's "Management Level" beside a "Job Level" of P2."""
    return track_of(value) == "ic" and not has_level_word(value)


_MAX_NAME_WORDS = 6


def _content(kind: SectionKind, cell: Cell) -> list[Block]:
    """A section cell as blocks: its own when the file wrote it in markup; its items (one per line, bullet or
    semicolon) when it lists several, or when a skills, requirements or KPI cell names one ("CPA", "People
    management"); else its text as one paragraph (a sentence is scanned, not taken for a name)."""
    if cell.blocks:  # the cell's own outline (an export's HTML): its paragraphs, headings and lists
        return list(cell.blocks)
    items = cell_items(cell.text) if kind is not SectionKind.SUMMARY else []
    named = len(items) == 1 and kind in _LISTING_KINDS and _is_name(items[0])
    if len(items) >= 2 or named:
        return [Block(kind="item", text=item, at=cell.at, level=1) for item in items]
    return [Block(kind="paragraph", text=collapse(cell.text), at=cell.at)]


def _is_name(text: str) -> bool:
    return len(text.split()) <= _MAX_NAME_WORDS and not re.search(r"[.!?:]\s", text + " ")
