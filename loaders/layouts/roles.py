"""Where the roles of an outline are: a group of sibling role headings, a role table, or the title.

A *role table* has a first column headed Role / Level / Job title / Position whose cells name roles
(a ladder's summary table). A *role group* is the set of sibling headings (same parent, same level)
with the most role-like headings — at least two — under a parent that is the page itself, its
title, or a container ("Roles", "Levels"). A page whose title is a role and whose role-like headings
sit deeper (a "Related roles" section) stays a single-role page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from graph.model import SectionKind
from loaders.document import Block, Cell, DocumentOutline, Location, Table
from loaders.labels import career_field, grade_of
from loaders.layouts.particulars import content_tables
from loaders.markdown import PSEUDO_LEVEL
from loaders.role_titles import LEVEL_WORDS, is_generic_level, level_name, looks_like_role
from loaders.text import classify_heading

__all__ = [
    "Found",
    "RoleSpot",
    "clean_title",
    "find_roles",
    "heading_roles",
    "ladder_table_header",
    "level_stem",
    "lists_page_roles",
    "mostly_roles",
    "name_column",
    "page_role",
    "role_table",
]

_ROLE_COLUMN = re.compile(r"^(?:roles?|levels?|job\s+titles?|titles?|positions?|ranks?|grades?)$", re.I)
_LEVEL_COLUMN = re.compile(r"^(?:levels?|grades?|ranks?|bands?)$", re.I)
_TITLE_COLUMN = re.compile(r"^(?:roles?|(?:job\s+)?titles?|positions?)$", re.I)
_CONTAINER = re.compile(
    r"\b(?:roles?|levels?|ladders?|positions?|tracks?|titles?|careers?|progression|grades?|types?)\b", re.I
)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|\[[^\[\]]*\]|<[^<>]*>")
_LEADING_SYMBOLS = re.compile(r"^[^\w(]+")
_TRAILING_SYMBOL = re.compile(r"[^\w)]")
_CAREER_KINDS = {
    SectionKind.RESPONSIBILITIES,
    SectionKind.SKILLS,
    SectionKind.REQUIREMENTS,
    SectionKind.NICE_TO_HAVE,
    SectionKind.KPIS,
}


@dataclass
class RoleSpot:
    """One role's place: its name as written, where it is, and the blocks that describe it."""

    name: str
    at: Location
    blocks: list[Block] = field(default_factory=list)
    heading: int | None = None  # index of its heading block
    cells: dict[str, str] = field(default_factory=dict)  # for a table row: header → cell text
    group: int | None = None  # index of the heading over its group of roles (its family's, track's or page's)


@dataclass
class Found:
    spots: list[RoleSpot]
    shared: list[tuple[Block, list[Block]]]  # page sections that apply to every role (heading, blocks)
    ladders: set[int | None] = field(default_factory=set)  # the groups whose roles are a ladder's levels
    off_ladder: set[int] = field(default_factory=set)  # headings of roles beside the ladder, on no step of it

    @property
    def levelled(self) -> bool:
        """Whether some group's headings or the table name levels: a ladder."""
        return bool(self.ladders)


def clean_title(text: str) -> str:
    """A role title without placeholders, emoji or dangling commas (``Engineering Manager, {Team}``).

    Examples
    --------
    >>> clean_title("Engineering Manager, {Discriminator}"), clean_title("🚚 Delivery"), clean_title("~~Maintainer~~")
    ('Engineering Manager', 'Delivery', 'Maintainer')
    """
    text = _PLACEHOLDER.sub("", text.replace("~~", ""))
    text = " ".join(text.split()).strip(" ,;:-–—")
    text = _LEADING_SYMBOLS.sub("", text)
    end = len(text)
    # trailing symbols stripped from the end: "[^\w)]+$" tries every start of a run of symbols that ends
    # before the last word ("((((… Manager") and is quadratic in it
    while end and _TRAILING_SYMBOL.match(text, end - 1):
        end -= 1
    return text[:end].strip()


def heading_roles(outline: DocumentOutline, level: int = 1) -> Found | None:
    """Every heading of ``level`` as a role with its section, no section shared: the roles of an outline
    whose reader knows where they are (``meta["role_headings"]``, a feed of job postings), whatever their
    titles look like.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> doc = read_markdown("# Accountant II\\n\\n## Skills\\n\\n- GAAP\\n\\n# Product Designer\\n", "p.md")
    >>> [(spot.name, len(spot.blocks)) for spot in heading_roles(doc).spots]
    [('Accountant II', 2), ('Product Designer', 0)]
    """
    spots = [
        RoleSpot(clean_title(block.text), block.at, outline.section(index), index)
        for index, block in outline.headings()
        if block.level == level
    ]
    spots = [spot for spot in spots if spot.name]
    return Found(spots, []) if spots else None


def _parents(outline: DocumentOutline) -> dict[int, int | None]:
    parents: dict[int, int | None] = {}
    stack: list[int] = []
    for index, block in outline.headings():
        while stack and outline.blocks[stack[-1]].level >= block.level:
            stack.pop()
        parents[index] = stack[-1] if stack else None
        stack.append(index)
    return parents


def lists_page_roles(outline: DocumentOutline, names: list[str]) -> bool:
    """Whether a table of roles (its role ``names``) lists the page's roles: on a page that is one role's
    description ("# Payroll Officer"), only when a row is that role or of its family ("Senior Payroll
    Officer") — its career path; other tables there ("Key relationships": Payroll Manager, Finance Director)
    name the roles around it.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> doc = read_markdown("# Payroll Officer\\n\\n## Responsibilities\\n\\n- Run payroll\\n", "jd.md")
    >>> lists_page_roles(doc, ["Payroll Manager", "Finance Director"]), lists_page_roles(doc, ["Payroll Officer"])
    (False, True)
    >>> lists_page_roles(read_markdown("# Payroll roles\\n", "r.md"), ["Payroll Manager", "Finance Director"])
    True
    """
    title = page_role(outline)
    if title is None:
        return True
    own = title.casefold()
    return any(re.search(rf"\b{re.escape(own)}\b", name.casefold()) for name in names)


def page_role(outline: DocumentOutline) -> str | None:
    """The role a page's title names when it is one role's description ("Payroll Officer"), not a family's,
    team's or ladder's ("Payroll roles", "Engineering levels")."""
    title = outline.title or next((block.text for _, block in outline.headings() if block.level == 1), None)
    if not title or _CONTAINER.search(title):
        return None
    shown = clean_title(title)
    return shown if looks_like_role(shown) else None


def role_table(outline: DocumentOutline) -> tuple[int, list[str]] | None:
    """The first table whose first column lists roles (most of its cells read as role titles or levels): its
    block index and the role names in order (a title column's, when the first column gives levels)."""
    for index, block in content_tables(outline):
        table = block.table
        if table is None or not table.header or not _ROLE_COLUMN.match(clean_title(table.header[0].text)):
            continue
        column = name_column(table)
        names = [clean_title(row[column].text) for row in table.rows if len(row) > column]
        names = [name for name in names if name]
        distinct = len(set(n.lower() for n in names)) == len(names)
        if len(names) >= 2 and distinct and mostly_roles(names) and lists_page_roles(outline, names):
            return index, names
    return None


def mostly_roles(names: list[str]) -> bool:
    """Whether at least half of a column's names read as role titles or levels (not "Travel policy").

    >>> mostly_roles(["Staff Accountant", "Controller", "L3"]), mostly_roles(["Travel policy", "Expenses policy"])
    (True, False)
    """
    return 2 * sum(looks_like_role(name) for name in names) >= len(names)


def _matches(heading: str, name: str) -> bool:
    heading, name = clean_title(heading).lower(), name.lower()
    return heading == name or heading.startswith(name + " ") or heading.rstrip("s") == name.rstrip("s")


def find_roles(outline: DocumentOutline, *, force: bool = False) -> Found | None:
    """The roles of a page with several of them, or None for a single-role page.

    The roles are the largest group of sibling role headings, or, on a page of families ("## Accounting"
    over its roles, "## Design" over its own), every group under those sibling headings, each spot
    knowing its group. ``force`` (a hint said the page is a ladder or lists roles): without role-like
    headings, the largest group of sibling headings is the roles.
    """
    parents = _parents(outline)
    table = role_table(outline)
    names = table[1] if table else []
    struck = {i for i, b in outline.headings() if b.text.startswith("~~")}
    series = _numbered_series(outline, parents)
    worded = _level_series(outline, parents)

    def is_role(index: int) -> bool:
        text = outline.blocks[index].text
        if index in struck or outline.blocks[index].level >= PSEUDO_LEVEL:
            return False
        if names:
            return any(_matches(text, n) for n in names)
        return force or index in series or index in worded or looks_like_role(clean_title(text))

    groups = _role_groups(outline, parents, is_role, series)
    title_is_role = bool(outline.title) and looks_like_role(outline.title or "")
    best: list[_Group] = []
    for group in groups:
        parent_block = outline.blocks[group.parent] if group.parent is not None else None
        top = parent_block is None or parent_block.level == 1 or parent_block.text == outline.title
        if (top or force or (not title_is_role and _CONTAINER.search(parent_block.text))) and (
            not best or len(group.roles) > len(best[0].roles)
        ):
            best = [group]
    families = [] if title_is_role and not force else _family_groups(outline, groups, parents)
    if sum(len(g.roles) for g in families) > sum(len(g.roles) for g in best):
        best = families
    if table and not best:
        spots = [
            _row_spot(outline, table[0], row_index) for row_index in range(len(outline.blocks[table[0]].table.rows))
        ]
        spots = [s for s in spots if s.name]
        return Found(spots, _shared(outline, set(), parents), {None})
    if not best:
        return None
    spots = []
    for group in best:
        for index in sorted(group.roles + group.beside):
            heading = outline.blocks[index]
            spot = RoleSpot(clean_title(heading.text), heading.at, outline.section(index), index, group=group.key)
            spots.append(spot)
    if table:
        order = {n.lower(): i for i, n in enumerate(names)}
        rank = {id(s): next((order[n.lower()] for n in names if _matches(s.name, n)), len(order)) for s in spots}
        spots.sort(key=lambda s: rank[id(s)])
    spot_names = {spot.heading: spot.name for spot in spots}
    ladders = {g.key for g in best if table or _is_ladder(outline, g, spot_names)}
    covered = {i for g in best for index in g.roles + g.beside for i in _section_indexes(outline, index)}
    off_ladder = {index for g in best for index in g.beside}
    return Found(spots, _shared(outline, covered, parents), ladders, off_ladder)


@dataclass
class _Group:
    parent: int | None  # the heading above the group's role headings
    roles: list[int]  # the role headings
    beside: list[int] = field(default_factory=list)  # role headings beside a numbered ladder, on no step of it
    named: int | None = None  # over a container parent ("Levels"), the heading that names the group

    @property
    def key(self) -> int | None:
        return self.named if self.named is not None else self.parent


def _role_groups(
    outline: DocumentOutline, parents: dict[int, int | None], is_role: Callable[[int], bool], series: set[int]
) -> list[_Group]:
    """Each set of sibling headings with at least two role headings, in document order."""
    siblings: dict[tuple[int | None, int], list[int]] = {}
    for index, block in outline.headings():
        siblings.setdefault((parents[index], block.level), []).append(index)
    groups = []
    for (parent, _level), members in siblings.items():
        roles = [i for i in members if is_role(i)]
        beside: list[int] = []
        if sum(1 for i in roles if i in series) >= 2:
            # a numbered series is the ladder; a role heading beside it ("Data Engineering Manager" after
            # "Data Engineer I", "II") is a role of its own, on no step of it
            beside = [i for i in roles if i not in series and _own_role(outline, i)]
            roles = [i for i in roles if i in series]
        if len(roles) >= 2:
            above = parents[parent] if parent is not None else None
            # "## Engineering" over "### Levels" over the roles: Engineering names the group
            container = above is not None and _CONTAINER.fullmatch(clean_title(outline.blocks[parent].text))
            groups.append(_Group(parent, roles, beside, above if container else None))
    return groups


def _family_groups(outline: DocumentOutline, groups: list[_Group], parents: dict[int, int | None]) -> list[_Group]:
    """The role groups under sibling headings that name no role and no section ("## Accounting", "## Design"),
    when two or more of them share a parent: a page of families, each with its roles."""
    by_parent: dict[tuple[int | None, int], list[_Group]] = {}
    for group in groups:
        if group.key is None:
            continue
        heading = outline.blocks[group.key]
        text = clean_title(heading.text)
        role_like = looks_like_role(text) and not _LADDER_HEADING.search(text)  # not "Individual contributor track"
        if role_like or classify_heading(text) is not SectionKind.OTHER:
            continue
        by_parent.setdefault((parents[group.key], heading.level), []).append(group)
    candidates = [found for found in by_parent.values() if len(found) >= 2]
    if _COMPETENCY_PAGE.search(outline.title or ""):  # "## Communication" over "### Level 1", "### Level 2" …
        candidates = [found for found in candidates if not _repeats_levels(outline, found)]
    return max(candidates, key=lambda found: sum(len(g.roles) for g in found), default=[])


# A page of competencies, each over the levels' behaviours, is no page of families, each over its roles.
_COMPETENCY_PAGE = re.compile(r"\b(?:competenc|framework|matri(?:x|ces)|behaviou?rs?|expectations)", re.I)


def _repeats_levels(outline: DocumentOutline, groups: list[_Group]) -> bool:
    """Whether the groups' headings name the same generic levels ("Level 1" under each)."""
    seen: set[str] = set()
    for group in groups:
        names = {clean_title(outline.blocks[i].text).casefold() for i in group.roles}
        levels = {name for name in names if is_generic_level(name)}
        if levels & seen:
            return True
        seen |= levels
    return False


# A heading over one ladder's levels: "Levels", "Engineering ladder", "Management track" (one track: "Tracks"
# over role headings names several, side by side).
_LADDER_HEADING = re.compile(r"\b(?:levels?|ladders?|track|progression|career\s+path)\b", re.I)


def _is_ladder(outline: DocumentOutline, group: _Group, names: dict[int | None, str]) -> bool:
    """Whether a group's roles are the levels of a ladder: its heading says so ("Levels", "Management
    track"), or two of them are levels of one role (``Engineer I`` and ``II``, ``Accountant`` and ``Senior
    Accountant``) or generic levels (``L3``, ``Senior``); ``names`` are the role names by heading."""
    parent = outline.blocks[group.parent] if group.parent is not None else None
    if parent is not None and _LADDER_HEADING.search(parent.text):
        return True
    stems = Counter(level_stem(names[i]) for i in group.roles)  # titles that differ only by their levels
    return any(count >= 2 for count in stems.values())


_NUMBERED = re.compile(r"^(?P<stem>\S.*?)\s*(?P<number>\d{1,2}|i{1,3}|iv|v|vi{1,3})$", re.I)


def _own_role(outline: DocumentOutline, index: int) -> bool:
    """Whether a heading beside a ladder describes a role of its own: it reads as a role and its section says
    what the role does or asks (a "Responsibilities" heading, a "Reports to" label), not prose comparing it."""
    if not looks_like_role(clean_title(outline.blocks[index].text)):
        return False
    return any(
        (block.kind == "heading" and classify_heading(block.text) in _CAREER_KINDS)
        or (block.kind == "label" and bool(career_field(block.label or "")))
        for block in outline.section(index)
    )


def _numbered_series(outline: DocumentOutline, parents: dict[int, int | None]) -> set[int]:
    """Sibling headings that share a stem and count up (``RSE 1``, ``RSE 2``, ``RSE 3``): levels of one ladder,
    with the siblings that put a level word to the same stem (``Engineer I``, ``Engineer II``, ``Senior
    Engineer``, ``Staff Engineer``)."""
    stems: dict[tuple[int | None, int, str], list[int]] = {}
    for index, block in outline.headings():
        match = _NUMBERED.match(clean_title(block.text))
        if match and block.level < PSEUDO_LEVEL:
            stems.setdefault((parents[index], block.level, match.group("stem").lower()), []).append(index)
    series = {key for key, members in stems.items() if len(members) >= 2}
    found = {i for key in series for i in stems[key]}
    for index, block in outline.headings():
        text = clean_title(block.text)
        stem = " ".join(_LEVEL_WORD.sub(" ", text).split()).lower()
        if stem != text.lower() and (parents[index], block.level, stem) in series:
            found.add(index)
    return found


_LEVEL_WORD = re.compile(rf"(?<!\w)(?:{LEVEL_WORDS})(?!\w)", re.I)


@lru_cache(maxsize=1 << 16)  # a page's titles are looked at by each step that finds its ladders
def level_stem(name: str) -> str:
    """A role name without its level, the role that its ladder's levels share.

    >>> level_stem("Senior Accountant"), level_stem("Level 1: Product Manager I"), level_stem("L3")
    ('accountant', 'product manager', '')
    """
    level = level_name(name)
    if level is not None:
        name = level[1] or ""
    numbered = _NUMBERED.match(name)
    if numbered:
        name = numbered.group("stem")
    return " ".join(_LEVEL_WORD.sub(" ", name).split()).lower()


def _level_series(outline: DocumentOutline, parents: dict[int, int | None]) -> set[int]:
    """Sibling headings that each carry a level word, two of them the same words but for it, whatever the
    language (``Desenvolvedor Júnior``, ``Desenvolvedor Pleno``, ``Especialista``): levels of one ladder.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "# T\\n\\n## Analista Júnior\\n\\n## Analista Pleno\\n\\n## Especialista\\n\\n## Sobre\\n"
    >>> doc = read_markdown(text, "t.md")
    >>> sorted(doc.blocks[i].text for i in _level_series(doc, _parents(doc)))
    ['Analista Júnior', 'Analista Pleno', 'Especialista']
    """
    siblings: dict[tuple[int | None, int], list[tuple[int, str]]] = {}
    for index, block in outline.headings():
        text = clean_title(block.text)
        if block.level < PSEUDO_LEVEL and _LEVEL_WORD.search(text) and len(text.split()) <= 6:
            siblings.setdefault((parents[index], block.level), []).append((index, level_stem(text)))
    found: set[int] = set()
    for members in siblings.values():
        if any(count >= 2 for count in Counter(stem for _, stem in members).values()):
            found.update(index for index, _ in members)
    return found


def name_column(table: Table) -> int:
    """The column that names each row's role: a title column (``Role``, ``Title``) when the first column
    gives levels (``| Level | Role | Expectations |``), else the first.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Level | Role | Scope |\\n|---|---|---|\\n| L1 | Engineer I | Tasks |\\n"
    >>> text += "| L2 | Engineer II | Features |\\n"
    >>> name_column(read_markdown(text, "l.md").blocks[0].table)
    1
    """
    if not table.header or not _LEVEL_COLUMN.match(clean_title(table.header[0].text)):
        return 0
    for index, cell in enumerate(table.header[1:], start=1):
        if _TITLE_COLUMN.match(clean_title(cell.text)):
            names = [clean_title(row[index].text) for row in table.rows if len(row) > index]
            if names and mostly_roles([n for n in names if n]):
                return index
    return 0


def _row_spot(outline: DocumentOutline, table_index: int, row_index: int) -> RoleSpot:
    table = outline.blocks[table_index].table
    row = table.rows[row_index]
    column = name_column(table)
    cells = {
        clean_title(h.text): c.text
        for i, (h, c) in enumerate(zip(table.header, row, strict=False))
        if i != column and c.text.strip()
    }
    return RoleSpot(clean_title(row[column].text) if column < len(row) else "", row[0].at, [], None, cells)


def _section_indexes(outline: DocumentOutline, index: int) -> range:
    return range(index, index + 1 + len(outline.section(index)))


def _shared(
    outline: DocumentOutline, covered: set[int], parents: dict[int, int | None]
) -> list[tuple[Block, list[Block]]]:
    """Sections outside every role whose heading names responsibilities, skills, requirements or KPIs."""
    shared: list[tuple[Block, list[Block]]] = []
    taken: set[int] = set()
    for index, block in outline.headings():
        if index in covered or classify_heading(block.text) not in _CAREER_KINDS:
            continue
        if parents[index] in taken:
            taken.add(index)
            continue  # inside a shared section already taken whole
        if not any(i in covered for i in _section_indexes(outline, index)):
            shared.append((block, list(outline.section(index))))
            taken.add(index)
    return shared


def level_of(name: str) -> tuple[str, str | None] | None:
    return level_name(name)


@dataclass(frozen=True)
class TrackRole:
    title: str
    level: str | None
    at: Location
    track: str | None = None  # the column header or track name, as written
    grade: int | None = None  # from a Grade or Band column beside it


def _title_shaped(text: str) -> bool:
    """Short and capitalised like a title, and no bare level name ("Senior", "L3")."""
    text = clean_title(text)
    return bool(text) and text[0].isupper() and len(text.split()) <= 6 and level_name(text) is None


def track_table(outline: DocumentOutline) -> list[list[TrackRole]]:
    """Ladders side by side in one table: each column of distinct role titles is a track, in row order.

    A title column's cells are distinct, title-shaped and mostly role titles (one title the grammar does
    not know loses no column). A column of level codes (``IC2``, ``M3``) gives the levels of the nearest
    title column; a lone column headed Grade, Band or Level gives every title column its levels (or
    grades): a job architecture's grid of grades × families is a ladder per family.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| IC | IC level | Manager |\\n|---|---|---|\\n| Engineer 1 | IC2 | |\\n| Engineer 2 | IC3 | |\\n"
    >>> text += "| Senior Engineer | IC4 | Engineering Manager |\\n"
    >>> text += "| Staff Engineer | IC5 | Director of Engineering |\\n"
    >>> text += "| Principal Engineer | IC6 | VP of Engineering |\\n"
    >>> tracks = track_table(read_markdown(text, "t.md"))
    >>> [(r.title, r.level) for r in tracks[0]][:2], [r.title for r in tracks[1]][1:]
    ([('Engineer 1', 'IC2'), ('Engineer 2', 'IC3')], ['Director of Engineering', 'VP of Engineering'])
    """
    for _, block in content_tables(outline):
        table = block.table
        if table is None or not table.rows:
            continue
        width = max(len(row) for row in table.rows)
        title_columns, level_columns = [], []
        for column in range(width):
            cells = [c for c in table.column(column) if clean_title(c.text)]
            texts = [clean_title(c.text) for c in cells]
            header = _header(table, column)
            distinct = len(set(texts)) == len(texts)
            if len(cells) >= 3 and distinct and all(_title_shaped(t) for t in texts) and mostly_roles(texts):
                title_columns.append(column)
            elif len(cells) >= 2 and (
                sum(1 for t in texts if level_name(t)) >= len(texts) - 1 or _GRADE_HEADER.fullmatch(header)
            ):
                level_columns.append(column)
        if len(title_columns) < 2:
            continue
        owner = {lc: min(title_columns, key=lambda tc, lc=lc: (abs(tc - lc), tc)) for lc in level_columns}
        lone = len(level_columns) == 1 and _GRADE_HEADER.fullmatch(_header(table, level_columns[0]))
        shared = set(level_columns) if lone else set()
        tracks = []
        for column in title_columns:
            # a column headed Grade or Level alone is every track's (a grid of grades × families); others
            # ("IC level") are the nearest title column's
            levels = [lc for lc, tc in owner.items() if tc == column or lc in shared]
            track = []
            for row in table.rows:
                if column < len(row) and clean_title(row[column].text):
                    level, grade = _level_cells(table, row, levels)
                    header = table.header[column].text if column < len(table.header) else None
                    track.append(TrackRole(clean_title(row[column].text), level, row[column].at, header, grade))
            tracks.append(track)
        return tracks
    return []


def _header(table: Table, column: int) -> str:
    return clean_title(table.header[column].text) if column < len(table.header) else ""


def _level_cells(table: Table, row: tuple[Cell, ...], columns: list[int]) -> tuple[str | None, int | None]:
    """The level and grade a row's level columns give: a Grade or Band column's number is the grade."""
    level = grade = None
    for column in columns:
        text = clean_title(row[column].text) if column < len(row) else ""
        header = _header(table, column)
        if not text:
            continue
        number = grade_of(text) if _GRADE_WORD.search(header) else None
        if number is not None:
            grade = grade if grade is not None else number
        elif level is None:
            level = text
    return level, grade


_GRADE_WORD = re.compile(r"\b(?:grades?|bands?)\b", re.I)
_TRACK_HEADER = re.compile(r"\b(?:track|family|path|ladder|discipline|department)\b", re.I)
_TITLE_HEADER = re.compile(r"\b(?:title|role|position)s?\b", re.I)
_GRADE_HEADER = re.compile(r"\b(?:grade|level|band)s?\b", re.I)


def ladder_table_header(header: str) -> bool:
    """Whether a header is one a career-track × grade × job-title table (:func:`grouped_table`) has: a
    track, family or department, or a grade, level or band.

    >>> ladder_table_header("Career Track"), ladder_table_header("Pay Grade"), ladder_table_header("Reports To")
    (True, True, False)
    """
    return bool(_TRACK_HEADER.search(header) or _GRADE_HEADER.search(header))


def grouped_table(outline: DocumentOutline) -> list[list[TrackRole]]:
    """Ladders as groups of rows: a track column naming each row's ladder and a title column naming its role.

    Consecutive rows of one track with the same title are one role (a title spanning several grades).

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Career Track | Grade | Job Title |\\n|---|---|---|\\n"
    >>> text += "| Eng | IC2 | Engineer |\\n| Eng | IC3 | Engineer |\\n| Eng | IC4 | Senior Engineer |\\n"
    >>> text += "| Data | IC2 | Data Analyst |\\n| Data | IC3 | Senior Data Analyst |\\n"
    >>> [[(r.title, r.level) for r in track] for track in grouped_table(read_markdown(text, "g.md"))]
    [[('Engineer', 'IC2'), ('Senior Engineer', 'IC4')], [('Data Analyst', 'IC2'), ('Senior Data Analyst', 'IC3')]]
    """
    for _, block in content_tables(outline):
        table = block.table
        if table is None or not table.header:
            continue
        heads = [clean_title(c.text) for c in table.header]
        track = next((i for i, h in enumerate(heads) if _TRACK_HEADER.search(h)), None)
        title = next((i for i, h in enumerate(heads) if _TITLE_HEADER.search(h) and i != track), None)
        grade = next((i for i, h in enumerate(heads) if _GRADE_HEADER.search(h) and i not in (track, title)), None)
        if track is None or title is None:
            continue
        tracks: dict[str, list[TrackRole]] = {}
        for row in table.rows:
            if max(track, title) >= len(row) or not clean_title(row[title].text):
                continue
            name = clean_title(row[title].text)
            ladder = tracks.setdefault(clean_title(row[track].text).lower(), [])
            if ladder and ladder[-1].title == name:
                continue
            level = clean_title(row[grade].text) if grade is not None and grade < len(row) else None
            ladder.append(TrackRole(name, level or None, row[title].at))
        titles = [spot.title for ladder in tracks.values() for spot in ladder]
        grouped = any(len(ladder) >= 2 for ladder in tracks.values()) and len(tracks) < len(table.rows)
        if grouped and mostly_roles(titles):
            return list(tracks.values())
    return []
