"""The two tables of a classic job description: its particulars and its person specification.

Job descriptions written from an HR template (public sector, universities, charities, most HR systems)
put their facts in tables rather than in prose:

* **particulars** — label/value pairs at the head of the page: ``| Job title | Senior Data Analyst |``,
  ``| Grade | 7 |``, ``| Reports to | Head of Data |``, ``| Responsible for | Data Analyst (x3) |``; two
  cells per pair, a row may hold two pairs, or one header row of labels stands over one row of values.
  Each pair reads as the label line it stands for (:mod:`loaders.labels`).
* **person specification** — criteria against ``Essential`` and ``Desirable`` columns: the criteria
  written in those cells (``| Skills | SQL, Power BI | Machine learning |``), marked in them with a tick
  (``| SQL | ✓ | |``), or named E or D in one column (``| SQL | E |``). Essential criteria are
  requirements, desirable ones nice to have.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.model import SectionKind
from loaders.document import Block, Cell, DocumentOutline, Table
from loaders.labels import (
    BARE_TITLE_LABELS,
    COUNT_WORDS,
    STAFF_LABELS,
    TITLE_LABELS,
    known_label,
    label_key,
    section_label,
    singular_title,
)
from loaders.role_titles import looks_like_role, names_no_role, split_titles
from loaders.text import collapse

__all__ = [
    "Criterion",
    "cell_items",
    "content_tables",
    "has_job_labels",
    "has_job_tables",
    "particular_parts",
    "particulars",
    "person_specification",
    "staff_titles",
    "stated_title",
]

_ESSENTIAL = re.compile(r"^essential\b", re.I)
_DESIRABLE = re.compile(r"^desirable\b", re.I)
_EITHER = re.compile(r"^(?:e\s*/\s*d|essential\s*(?:/|or|and)\s*desirable|essential\s*\?)$", re.I)
_ASSESSED = re.compile(r"\b(?:assess\w*|method|evidenced?|tested|how|identified)\b", re.I)
_MARK = re.compile(r"^(?:[✓✔√☑✗✘xX•*+]|yes|y|e|d|essential|desirable)$", re.I)
_ITEM_BULLET = re.compile(r"^\s*(?:[-*+•·▪◦]|\d{1,2}[.)]|[a-z][.)])\s+")
_COUNT = re.compile(
    rf"^\s*(?:{COUNT_WORDS})\s*(?:fte\s+)?(?:[x×]\s*)?(?=[A-Za-z])"
    r"|\s*\((?:[x×]\s*)?\d{1,3}(?:\s*fte)?\)\s*$|\s+[x×]\s*\d{1,3}\s*$",
    re.I,
)
@dataclass(frozen=True)
class Criterion:
    """One criterion of a person specification: its text, where it is, and whether it is essential."""

    text: str
    at: Cell
    kind: SectionKind  # REQUIREMENTS (essential) or NICE_TO_HAVE (desirable)
    column: str  # the header it stands under, as written ("Essential", "Desirable criteria", "E/D")


def particulars(table: Table) -> list[Block] | None:
    """The label/value pairs of a particulars table as label blocks, or None for any other table.

    A table is particulars when at least two of its labels, and most of them, are known ones (title,
    grade, reporting line, department, location ...) or, in a table of two columns, name a section of
    the role (:func:`particular_parts`: "Key responsibilities", "Skills and experience"); every other
    pair with a value is kept, known or not.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Job title | Data Analyst |\\n|---|---|\\n| Grade | 5 |\\n| Reports to | Head of Data |\\n"
    >>> doc = read_markdown(text, "j.md")
    >>> [(b.label, b.value, b.at.line) for b in particulars(doc.blocks[0].table)]
    [('Job title', 'Data Analyst', 1), ('Grade', '5', 3), ('Reports to', 'Head of Data', 4)]
    >>> particulars(read_markdown("| Skill | Level |\\n|---|---|\\n| Go | 3 |\\n", "s.md").blocks[0].table) is None
    True
    """
    parts = particular_parts(table)
    return None if parts is None else parts[0]


def particular_parts(table: Table) -> tuple[list[Block], list[tuple[str, SectionKind, Cell]]] | None:
    """The label blocks of a particulars table (:func:`particulars`) and the rows of it that hold a section of
    the role, as (heading, kind, content cell): the job description written as one table of two columns, a
    heading beside each part's text or list (``| Key responsibilities | • Process the payroll … |``); None
    for any other table.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Job title | Payroll Officer |\\n|---|---|\\n| Reports to | Payroll Manager |\\n"
    >>> text += "| Key responsibilities | Run the payroll; Reconcile the ledger |\\n"
    >>> labels, sections = particular_parts(read_markdown(text, "j.md").blocks[0].table)
    >>> [b.label for b in labels]
    ['Job title', 'Reports to']
    >>> [(name, kind.value, cell.text) for name, kind, cell in sections]
    [('Key responsibilities', 'responsibilities', 'Run the payroll; Reconcile the ledger')]
    """
    pairs = _vertical_pairs(table) or _row_pairs(table)
    sections = _section_rows(table, pairs)
    known = sum(known_label(label.text) for label, _ in pairs) + len(sections)
    if known < 2 or known * 2 <= len(pairs):
        return None
    labels = [
        Block(kind="label", text=f"{_label_text(label)}: {collapse(value.text)}", at=value.at,
              label=_label_text(label), value=collapse(value.text))
        for label, value in pairs
        if value.text.strip() and id(label) not in sections
    ]
    parts = [(_label_text(label), sections[id(label)], value) for label, value in pairs if id(label) in sections]
    return labels, parts


def has_job_labels(blocks: list[Block]) -> bool:
    """Whether the label lines at the head of a page (under its title, before any other heading) state parts
    of the job ("Key responsibilities: ...") beside its particulars: two or more, one of them a part.

    >>> from loaders.readers.markdown import read_markdown
    >>> text = "# Payroll Officer\\n\\n**Reports to:** Payroll Manager\\n\\n**Key responsibilities:** Run payroll\\n"
    >>> has_job_labels(read_markdown(text, "p.md").blocks)
    True
    """
    below_title = blocks[1:] if blocks and blocks[0].kind == "heading" else blocks
    head = [block for block in _until_heading(below_title) if block.kind == "label" and block.label]
    parts = sum(section_label(block.label or "") is not None for block in head)
    return parts >= 1 and parts + sum(known_label(block.label or "") for block in head) >= 2


def _until_heading(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        if block.kind == "heading":
            return
        yield block


def _section_rows(table: Table, pairs: list[tuple[Cell, Cell]]) -> dict[int, SectionKind]:
    """The kind of each pair (by its label cell's id) whose label names a section of the role, in a table of
    two columns (in a wider one a label beside a level's criteria is a competency, not a section)."""
    if max((len(row) for row in (table.header, *table.rows)), default=0) != 2:
        return {}
    kinds = {}
    for label, value in pairs:
        kind = section_label(label.text)
        if kind is not None and value.text.strip():
            kinds[id(label)] = kind
    return kinds


def _label_text(cell: Cell) -> str:
    return collapse(cell.text).rstrip(":").strip()


def _row_pairs(table: Table) -> list[tuple[Cell, Cell]]:
    """Pairs side by side: label, value (, label, value ...) in each row, the header row included; a row of
    an odd number of cells pairs its non-empty ones."""
    pairs = []
    for row in (table.header, *table.rows) if table.header else table.rows:
        cells = list(row) if len(row) % 2 == 0 else [cell for cell in row if cell.text.strip()]
        if len(cells) % 2 == 0:
            pairs += [(cells[i], cells[i + 1]) for i in range(0, len(cells), 2) if cells[i].text.strip()]
    return pairs


def _vertical_pairs(table: Table) -> list[tuple[Cell, Cell]]:
    """Labels in the header row over one row of values."""
    if len(table.rows) != 1 or len(table.header) < 2 or not all(known_label(cell.text) for cell in table.header):
        return []
    return list(zip(table.header, table.rows[0], strict=False))


def stated_title(blocks: list[Block]) -> Block | None:
    """The label (from a label line or a particulars table) that gives the role's own title, if any.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> stated_title(read_markdown("# Job Description\\n\\nJob title: Senior Data Analyst\\n", "j.md").blocks).value
    'Senior Data Analyst'
    >>> stated_title(read_markdown("# Job Description\\n\\nRole: to lead analysis\\n", "j.md").blocks) is None
    True
    """
    for block in blocks:
        labels = [block] if block.kind == "label" else []
        if block.kind == "table" and block.table is not None:
            labels = particulars(block.table) or []
        for label in labels:
            key, value = label_key(label.label or ""), collapse(label.value or "")
            if not value or len(value.split()) > 12:
                continue
            if key in TITLE_LABELS or (key in BARE_TITLE_LABELS and value[0].isupper() and looks_like_role(value)):
                return label
    return None


def staff_titles(label: str, value: str) -> list[str]:
    """The titles a staff particular names (``Responsible for: 3 x Data Analysts``), counts and plurals
    dropped; none for a value that names no role ("None", "the delivery of the roadmap").

    Examples
    --------
    >>> staff_titles("Responsible for", "Data Analyst (x3), 2 Data Engineers")
    ['Data Analyst', 'Data Engineer']
    >>> staff_titles("Responsible for", "None"), staff_titles("Responsible for", "delivering the roadmap")
    ([], [])
    """
    if label_key(label) not in STAFF_LABELS or names_no_role(value):
        return []
    titles = []
    for part in split_titles(value):
        counted = _COUNT.sub("", part).strip()
        title = singular_title(counted) if counted != part else counted
        if title and looks_like_role(title):
            titles.append(title)
    return titles


def person_specification(table: Table) -> list[Criterion] | None:
    """The criteria of a person specification table, each essential or desirable; None for another table.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Criteria | Essential | Desirable |\\n|---|---|---|\\n| Skills | SQL | Python |\\n"
    >>> [(c.text, c.kind.value) for c in person_specification(read_markdown(text, "p.md").blocks[0].table)]
    [('SQL', 'requirements'), ('Python', 'nice_to_have')]
    >>> text = "| Requirement | E/D |\\n|---|---|\\n| SQL | E |\\n| Python | D |\\n"
    >>> [(c.text, c.kind.value) for c in person_specification(read_markdown(text, "p.md").blocks[0].table)]
    [('SQL', 'requirements'), ('Python', 'nice_to_have')]
    """
    headers = [collapse(cell.text) for cell in table.header]
    essential = [i for i, h in enumerate(headers) if _ESSENTIAL.match(h) and not _EITHER.match(h)]
    desirable = [i for i, h in enumerate(headers) if _DESIRABLE.match(h)]
    either = [i for i, h in enumerate(headers) if _EITHER.match(h)]
    if either:
        return _marked_in_one_column(table, headers, either[0])
    if not essential and not desirable:
        return None
    columns = [(i, SectionKind.REQUIREMENTS) for i in essential[:1]]
    columns += [(i, SectionKind.NICE_TO_HAVE) for i in desirable[:1]]
    marks = [row[i] for row in table.rows for i, _ in columns if i < len(row) and row[i].text.strip()]
    if marks and all(_MARK.match(collapse(cell.text)) for cell in marks):
        return _ticked(table, headers, columns)
    found = []
    for row in table.rows:
        for index, kind in columns:
            if index < len(row):
                found += [Criterion(text, row[index], kind, headers[index]) for text in cell_items(row[index].text)]
    return found


def _text_column(table: Table, headers: list[str], taken: set[int]) -> int | None:
    """The column that states the criteria: of the others (not marks, not how they are assessed), the wordiest."""
    free = [i for i, h in enumerate(headers) if i not in taken and not _ASSESSED.search(h)]
    if not free:
        return None
    return max(free, key=lambda i: (sum(len(row[i].text) for row in table.rows if i < len(row)), -i))


def _ticked(table: Table, headers: list[str], columns: list[tuple[int, SectionKind]]) -> list[Criterion]:
    text_column = _text_column(table, headers, {i for i, _ in columns})
    if text_column is None:
        return []
    found = []
    for row in table.rows:
        marked = [(i, kind) for i, kind in columns if i < len(row) and _ticks(row[i].text)]
        if marked and text_column < len(row):
            index, kind = marked[0]
            cell = row[text_column]
            found += [Criterion(text, cell, kind, headers[index]) for text in cell_items(cell.text)]
    return found


def _ticks(text: str) -> bool:
    text = collapse(text)
    return bool(text) and bool(_MARK.match(text)) and text.lower() not in ("x", "✗", "✘", "no")


_MARKED_KIND = {"e": SectionKind.REQUIREMENTS, "d": SectionKind.NICE_TO_HAVE}


def _marked_in_one_column(table: Table, headers: list[str], column: int) -> list[Criterion]:
    text_column = _text_column(table, headers, {column})
    if text_column is None:
        return []
    found = []
    for row in table.rows:
        if column >= len(row) or text_column >= len(row):
            continue
        kind = _MARKED_KIND.get(collapse(row[column].text).lower()[:1])
        if kind is not None:
            cell = row[text_column]
            found += [Criterion(text, cell, kind, headers[column]) for text in cell_items(cell.text)]
    return found


def cell_items(text: str) -> list[str]:
    """A cell's items (criteria, skills, duties): one per line or bullet, or per semicolon; "None" is none.

    >>> cell_items("- SQL\\n- Python"), cell_items("GAAP; month-end close"), cell_items("n/a")
    (['SQL', 'Python'], ['GAAP', 'month-end close'], [])
    """
    items = []
    for line in re.split(r"\n|(?<=\S)\s*[•·▪]\s+|;\s+", text):
        item = collapse(_ITEM_BULLET.sub("", line)).strip(" ;")
        if item and not names_no_role(item):
            items.append(item)
    return items


def content_tables(outline: DocumentOutline) -> Iterator[tuple[int, Block]]:
    """The outline's tables but its particulars: a particulars table lists no roles, levels or competencies
    (its "Grade" column is the role's own grade, not a ladder's)."""
    return ((index, block) for index, block in outline.tables() if block.table and particulars(block.table) is None)


def has_job_tables(blocks: list[Block]) -> bool:
    """Whether blocks state the role's title in a label line, or hold particulars or a person specification."""
    if stated_title(blocks) is not None:
        return True
    tables = [block.table for block in blocks if block.kind == "table" and block.table is not None]
    return any(particulars(table) is not None or person_specification(table) for table in tables)
