"""Filling a ``ParsedRole`` from outline blocks: sections by heading kind, stated mentions, label lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.model import Evidence, Location, Mention, ParsedRole, Section, SectionKind
from loaders.content import add_role_refs, finish_summary, role_ref
from loaders.document import Block, Table
from loaders.labels import (
    career_field,
    code_label,
    grade_of,
    known_label,
    own_reports_in_prose,
    reports_to_in_prose,
    role_field,
    section_label,
    staff_in_prose,
    titles_in_prose,
)
from loaders.layouts.particulars import (
    cell_items,
    particular_parts,
    person_specification,
    staff_titles,
)
from loaders.markdown import MENTION_KINDS, is_name_list
from loaders.role_titles import split_titles
from loaders.text import classify_heading, collapse, line_finder, sentence_finder

__all__ = ["add_code", "fill_role", "measure_mentions", "mention", "table_mentions"]

_SYMBOLS = re.compile(r"^[^\w(\[\"']+")
_COMPETENCY_HEADER = ("competenc", "skill", "principle", "area", "topic", "dimension", "capabilit", "criteri", "trait")


def mention(name: str, kind: SectionKind, source: str, where: Location | int, evidence: str) -> Mention:
    """A stated mention of ``name`` with ``evidence`` at ``where`` (a block's or cell's location)."""
    name = _SYMBOLS.sub("", collapse(name)).strip()
    return Mention(name=name, section=kind, at=Evidence.at(source, where, collapse(evidence)))


def fill_role(role: ParsedRole, blocks: Iterable[Block], name: str, kind: SectionKind = SectionKind.SUMMARY) -> None:
    """Append the sections, mentions and label facts of ``blocks`` to ``role``.

    ``blocks`` start under a heading called ``name`` of kind ``kind``; a sub-heading opens a new
    section of the kind its wording names (or its parent's when it names none).

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> doc = read_markdown("Leads people.\\n\\n### Skills\\n\\n- Coaching\\n\\nReports to: CTO\\n", "a.md")
    >>> role = ParsedRole(title="EM", source="a.md", line=1)
    >>> fill_role(role, doc.blocks, "EM")
    >>> role.summary, [m.name for m in role.skills], [(r.title, r.at.line) for r in role.reports_to]
    ('Leads people.', ['Coaching'], [('CTO', 7)])
    """
    blocks = list(blocks)
    stack: list[tuple[int, SectionKind]] = [(0, kind)]
    current: tuple[str, SectionKind, list[Block]] = (name, kind, [])
    sections: list[tuple[str, SectionKind, list[Block]]] = [current]
    head: list[Block] = []
    headed = False  # a heading has opened a section: label lines are no longer the page's particulars
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            headed = True
            while len(stack) > 1 and stack[-1][0] >= block.level:
                stack.pop()
            own = classify_heading(block.text)
            own = stack[-1][1] if own is SectionKind.OTHER and len(stack) > 1 else own
            stack.append((block.level, own))
            current = (block.text, own, [])
            sections.append(current)
            continue
        part = section_label(block.label or "") if block.kind == "label" and block.value else None
        if part is not None:  # "Key responsibilities: Run the payroll; reconcile the ledger"
            sections.append(_labelled_section(role, block.label or "", part, block.value or "", block.at))
            continue
        if block.kind == "label" and career_field(block.label or ""):
            _label(role, block)  # a career label names roles: its line is no section text to scan
            continue
        if block.kind == "label" and not headed and known_label(block.label or ""):
            _label(role, block)  # the page's particulars ("Department: Finance") say where the role sits
            head.append(block)
            continue
        if block.kind == "table" and block.table is not None:
            read = _job_table(role, block.table, current[0])
            if read is not None:
                sections += read
                continue
        current[2].append(block)
        target = role.kpis if current[1] is SectionKind.KPIS else role.skills
        states = current[1] in MENTION_KINDS or current[1] is SectionKind.KPIS
        if block.kind == "label":
            _label(role, block)
        elif block.kind == "item" and not _introduces_list(blocks, index):
            _item(role, block, current[1])
        elif block.kind == "table" and block.table is not None:
            if measures := measure_mentions(block.table, role.source):
                role.kpis.extend(measures)  # "| Key result area | Performance indicators |": the measures
            elif states:  # a table of a skills or KPI section: its rows name them
                target.extend(table_mentions(block.table, role.source, current[1]))
            else:
                role.skills.extend(table_mentions(block.table, role.source))
        elif block.kind == "paragraph":
            _paragraph(role, block, current[0], current[1])
    if head:
        sections.append((name, SectionKind.CAREER, head))
    for section_name, section_kind, members in sections:
        section = _section(section_name, section_kind, members)
        if section is not None:
            role.sections.append(section)
    finish_summary(role)


def table_mentions(table: Table, source: str, kind: SectionKind | None = None) -> list[Mention]:
    """Competencies a table inside a role's section states: its first column when the header names them.

    In a section of ``kind`` skills, requirements or KPIs, every table's first column names them
    (``| Cost per TB processed | down 15% |`` under "How we measure success").
    """
    named = table.header and any(word in table.header[0].text.lower() for word in _COMPETENCY_HEADER)
    if kind is None and not named:
        return []
    found = []
    for row in table.rows:
        if row and row[0].text.strip():
            evidence = " | ".join(collapse(cell.text) for cell in row if cell.text.strip())
            name = row[0].text.split("\n")[0]
            found.append(mention(name, kind or SectionKind.SKILLS, source, row[0].at, evidence))
    return found


def measure_mentions(table: Table, source: str) -> list[Mention]:
    """The KPIs of a table whose column beside the first is headed as measures ("| Key result area |
    Performance indicators |", "| Objective | Success measures |"): each item of its cells (a line, bullet or
    semicolon each), with the row as evidence. Empty for any other table.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "| Key result area | Performance indicators |\\n|---|---|\\n| Service | CSAT above 90%; FCR rate |\\n"
    >>> [(m.name, m.at.evidence) for m in measure_mentions(read_markdown(text, "t.md").blocks[0].table, "t.md")]
    [('CSAT above 90%', 'Service | CSAT above 90%; FCR rate'), ('FCR rate', 'Service | CSAT above 90%; FCR rate')]
    """
    if not table.header or classify_heading(table.header[0].text) is SectionKind.KPIS:
        return []
    columns = [i for i, cell in enumerate(table.header) if i and classify_heading(cell.text) is SectionKind.KPIS]
    found = []
    for row in table.rows:
        evidence = " | ".join(collapse(cell.text) for cell in row if cell.text.strip())
        for column in columns:
            if column < len(row):
                for item in cell_items(row[column].text):
                    found.append(mention(item, SectionKind.KPIS, source, row[column].at, evidence))
    return found


def _job_table(role: ParsedRole, table: Table, heading: str) -> list[tuple[str, SectionKind, list[Block]]] | None:
    """A job description's particulars or person specification (``loaders.layouts.particulars``) read into
    ``role``, with the sections they make; None for any other table.

    Particulars say where the role sits (a career section: never scanned for skills); essential criteria
    are requirements, desirable ones nice to have.
    """
    parts = particular_parts(table)
    if parts is not None:
        pairs, sections = parts
        for pair in pairs:
            _label(role, pair)
        written = [_labelled_section(role, name, kind, cell.text, cell.at) for name, kind, cell in sections]
        return [(heading, SectionKind.CAREER, pairs), *written]
    criteria = person_specification(table)
    if criteria is None:
        return None
    read: dict[tuple[str, SectionKind], list[Block]] = {}
    for criterion in criteria:
        role.skills.append(mention(criterion.text, criterion.kind, role.source, criterion.at.at, criterion.text))
        item = Block(kind="item", text=criterion.text, at=criterion.at.at)
        read.setdefault((criterion.column, criterion.kind), []).append(item)
    return [(column, kind, items) for (column, kind), items in read.items()]


def _labelled_section(
    role: ParsedRole, name: str, kind: SectionKind, text: str, at: Location
) -> tuple[str, SectionKind, list[Block]]:
    """A part of the job written beside its heading — a table's row, or a label line ("Key responsibilities:
    Run the payroll; reconcile the ledger") — read as that heading and its text or list would be: a
    summary's paragraph; a list's items (a line, bullet or semicolon each) the skills, requirements or KPIs
    they state."""
    if kind is SectionKind.SUMMARY:
        blocks = [Block(kind="paragraph", text=collapse(text), at=at)]
        _staff(role, blocks[0])
    else:
        blocks = [Block(kind="item", text=item, at=at, level=1) for item in cell_items(text)]
        for block in blocks:
            _item(role, block, kind)
    return collapse(name).rstrip(":").strip(), kind, blocks


def _item(role: ParsedRole, block: Block, kind: SectionKind) -> None:
    """A list item of a section of ``kind``: a duty may name the staff the role supervises; a skills,
    requirements or KPI item is a mention of what it names."""
    if kind in _DUTY_KINDS:
        _staff(role, block)
    if kind in MENTION_KINDS or kind is SectionKind.KPIS:
        target = role.kpis if kind is SectionKind.KPIS else role.skills
        target.append(mention(block.text, kind, role.source, block.at, block.text))


# Sections whose sentences say whom the role supervises ("Supervises two Staff Accountants"), its duties' and
# where it sits ("Working relationships: … and manages two Assistant Accountants").
_DUTY_KINDS = frozenset({SectionKind.SUMMARY, SectionKind.RESPONSIBILITIES, SectionKind.CAREER})


def _staff(role: ParsedRole, block: Block) -> None:
    """The staff a duty says the role supervises, as direct reports stated by that sentence."""
    _prose_refs(role, block, "direct_reports", staff_in_prose(block.text))


def _prose_refs(role: ParsedRole, block: Block, field: str, found: list[tuple[str, int]]) -> None:
    """The roles ``found`` at offsets of ``block``'s text, as references of ``field`` stated by their sentence."""
    if not found:
        return
    refs = getattr(role, field)
    known = {ref.title.lower() for ref in refs}
    sentence_at, line_of = sentence_finder(block.text), line_finder(block.text, block.at.line or 1)
    for title, offset in found:
        if title.lower() in known or title.lower() == role.title.lower():
            continue
        start, sentence = sentence_at(offset)
        where = block.at
        if where.line:  # the sentence's own line of a paragraph written over several
            where = where.model_copy(update={"line": line_of(start)})
        refs.append(role_ref(title, role.source, where, collapse(sentence)))
        known.add(title.lower())


def _paragraph(role: ParsedRole, block: Block, heading: str, kind: SectionKind) -> None:
    """Prose the label grammar reads: titles under a career heading, "reports to" in a career section,
    a bare list of names in a skills or KPI section ("MLflow, Kubeflow, Docker")."""
    field = career_field(heading)
    if field:
        add_role_refs(role, field, titles_in_prose(block.text), block.at, collapse(block.text))
    elif kind is SectionKind.CAREER:
        for title, _offset in reports_to_in_prose(block.text):
            role.reports_to.append(role_ref(title, role.source, block.at, collapse(block.text)))
    elif (kind in MENTION_KINDS or kind is SectionKind.KPIS) and is_name_list(collapse(block.text)):
        target = role.kpis if kind is SectionKind.KPIS else role.skills
        target.append(mention(block.text, kind, role.source, block.at, block.text))
    if kind in _DUTY_KINDS:
        _staff(role, block)
    if kind in (SectionKind.SUMMARY, SectionKind.RESPONSIBILITIES):  # "This role reports to the CFO."
        _prose_refs(role, block, "reports_to", own_reports_in_prose(block.text, role.title))


def _introduces_list(blocks: list[Block], index: int) -> bool:
    """An item ending with ':' whose next block is a deeper item only introduces that list."""
    block = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        block.text.rstrip().endswith(":")
        and following is not None
        and following.kind == "item"
        and following.level > block.level
    )


def _label(role: ParsedRole, block: Block) -> None:
    label = block.label or ""
    value = (block.value or "").strip()
    if not value:
        return
    field = career_field(label)
    if field:
        add_role_refs(role, field, split_titles(value), block.at, block.text)
        return
    setting = role_field(label)
    if setting == "level":
        role.level = role.level or value
    elif setting == "family":
        role.family = role.family or value
    elif setting == "grade":
        role.grade = role.grade if role.grade is not None else grade_of(value)
    elif setting == "department":
        role.department = role.department or value
    elif code_label(label):
        if any(character.isdigit() for character in value):  # "Reference: see below" names no code
            add_code(role, value)
    else:
        add_role_refs(role, "direct_reports", staff_titles(label, value), block.at, block.text)


def add_code(role: ParsedRole, text: str) -> None:
    """The job's code (``FIN-101``) as an alias of the role: a name people look it up by."""
    code = collapse(text)
    if 0 < len(code) <= 30 and code.lower() not in (alias.lower() for alias in role.aliases):
        role.aliases.append(code)


def _section(name: str, kind: SectionKind, blocks: list[Block]) -> Section | None:
    """The blocks' text as one section, each block at its own line offset (the extractor counts lines).

    Blocks without file lines (DOCX, PDF, XLSX) are one line each, and ``places`` keeps where each is; so
    are blocks that share a file line (an HTML list written on one line, a minified page), which would
    otherwise run together into one sentence.
    """
    parts = [(b.at, b.text) for b in blocks if b.kind != "table" and b.text.strip()]
    parts += [
        (cell.at, collapse(cell.text))
        for b in blocks
        if b.kind == "table" and b.table is not None
        for row in b.table.rows
        for cell in row
        if cell.text.strip()
    ]
    if not parts:
        return None
    parts.sort(key=lambda part: part[0].line)
    first = parts[0][0].line
    if _shares_lines(parts):
        places = [at.model_copy(update={"line": at.line + n}) if n and at.line else at
                  for at, part in parts for n in range(part.count("\n") + 1)]
        return Section(name=name, kind=kind, text="\n".join(part for _, part in parts), line=first, places=places)
    text, current = "", first
    for at, part in parts:
        line = at.line
        if line and line > current:
            text += "\n" * (line - current)
        elif text:
            text += "\n" if not line or line > current else " "
        text += part
        current = (line or current) + part.count("\n")
    return Section(name=name, kind=kind, text=text, line=first)


def _shares_lines(parts: list[tuple[Location, str]]) -> bool:
    """Whether some block has no file line of its own: none has one and they have other places, or one
    starts on a line an earlier block is on (``parts`` sorted by line)."""
    if not any(at.line for at, _ in parts):
        return any(at.beyond_line for at, _ in parts)
    end = 0
    for at, part in parts:
        if at.line and at.line <= end:
            return True
        end = max(end, at.line + part.count("\n"))
    return False
