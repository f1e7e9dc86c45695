"""Markdown → ``DocumentOutline``: headings of any style, lists with depth, tables, labels, front matter.

markdown-it-py (CommonMark with GFM tables) finds the blocks. ATX and Setext headings are alike;
a bold-only line (``**Nice-to-haves**``) is a pseudo-heading at ``PSEUDO_LEVEL``; a line such as
``Reports to: Head of SRE`` is a label; ``<table>`` elements in HTML blocks become tables and other
HTML blocks paragraphs. YAML front matter goes to ``meta`` (its problems to ``problems``). Every
block keeps its 1-based file line.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from loaders.document import Block, Cell, DocumentOutline, Location, Table
from loaders.frontmatter import split_front_matter
from loaders.labels import (
    career_field,
    label_segments,
    post_label,
    role_field,
    section_label,
    staff_label,
    title_label,
)
from loaders.markdown import PSEUDO_LEVEL, markdown_tokens, without_site_syntax
from loaders.readers.html_tables import read_html_tables, strip_html
from loaders.text import clean_line, clean_text, collapse, lead_in_heading

__all__ = ["inline_text", "read_markdown"]

_BOLD_ONLY = re.compile(r"^\s*(\*\*|__)([^*_\n]{1,80}?)\1\s*:?\s*$")
_HEADING_ANCHOR = re.compile(r"\{#[^{}]*\}\s*$")  # linear: no leading \s* (spaces are stripped after)
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z -]{1,30}?)\s*:\s*(?P<value>.*)$")
_BR = re.compile(r"<br\s*/?>", re.I)
_LIST_OPENERS = {"bullet_list_open", "ordered_list_open"}


def read_markdown(text: str, source: str) -> DocumentOutline:
    """The outline of a Markdown document.

    Examples
    --------
    >>> text = "Ladder\\n======\\n\\n## L1\\n\\n- Code\\n  - Tests\\n\\nReports to: Lead\\n\\n"
    >>> doc = read_markdown(text + "| Skill | L1 |\\n|---|---|\\n| Go | basic |\\n", "x.md")
    >>> [(b.kind, b.level, b.text, b.at.line) for b in doc.blocks]  # doctest: +NORMALIZE_WHITESPACE
    [('heading', 1, 'Ladder', 1), ('heading', 2, 'L1', 4), ('item', 1, 'Code', 6), ('item', 2, 'Tests', 7),
     ('label', 0, 'Reports to: Lead', 9), ('table', 0, 'Skill | L1', 11)]
    >>> doc.title, doc.blocks[4].value, doc.blocks[5].table.rows[0][1]
    ('Ladder', 'Lead', Cell(text='basic', at=Location(line=13, page=None, paragraph=None, sheet=None, row=2, column=2)))
    """
    front = split_front_matter(text, source)
    outline = DocumentOutline(source=source, format="markdown", meta=dict(front.meta))
    outline.problems.extend(front.problems)
    body = without_site_syntax(front.body)
    lines = body.split("\n")
    tokens, problems = markdown_tokens(body, source)
    outline.problems.extend(problems)
    open_items: list[bool] = []  # per open list item: has its first paragraph been seen
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.type == "list_item_open":
            open_items.append(False)
        elif token.type == "list_item_close":
            open_items.pop()
        elif token.type == "heading_open" and token.map:
            content = _HEADING_ANCHOR.sub("", " ".join(inline_text(tokens[position + 1]).split())).rstrip()
            if content:
                at = Location(line=token.map[0] + 1)
                outline.blocks.append(Block("heading", content, at, level=int(token.tag[1:])))
        elif token.type == "paragraph_open" and token.map:
            start, stop = token.map
            raw = "\n".join(lines[start:stop])
            is_item = bool(open_items) and not open_items[-1]
            if is_item:
                open_items[-1] = True
            text = inline_text(tokens[position + 1])
            _paragraph(outline, raw, text, start + 1, depth=len(open_items) if is_item else 0)
        elif token.type == "table_open":
            position = _table(outline, tokens, position)
        elif token.type == "html_block" and token.map:
            _html_block(outline, token)
        position += 1
    first_title = next((b.text for b in outline.blocks if b.kind == "heading" and b.level == 1), None)
    outline.title = front.text("title") or first_title
    return outline


def inline_text(token: Token) -> str:
    """The plain text of an inline token: link and emphasis marks gone, line breaks kept.

    Examples
    --------
    >>> inline_text(markdown_tokens("Read [the guide][g] and *this*\\nnow<br>ok\\n\\n[g]: /x", "x.md")[0][1])
    'Read the guide and this\\nnow\\nok'
    """
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and _BR.match(child.content)):
            parts.append("\n")
    return "".join(parts)


def _paragraph(outline: DocumentOutline, raw: str, text: str, line: int, depth: int) -> None:
    """A paragraph or list item; known label lines (``Reports to: X``) become label blocks of their own."""
    bold = _BOLD_ONLY.match(raw) if depth == 0 else None
    if bold:
        outline.blocks.append(Block("heading", clean_line(bold.group(2)), Location(line=line), level=PSEUDO_LEVEL))
        return
    named = lead_in_heading(clean_line(text)) if depth == 0 and "\n" not in text.strip() else None
    if named:  # "Responsibilities:" over its list, in a page written without headings
        outline.blocks.append(Block("heading", named, Location(line=line), level=PSEUDO_LEVEL))
        return
    cleaned = clean_text(text).split("\n") if text.count("\n") == raw.count("\n") else clean_text(raw).split("\n")
    pending: list[str] = []
    pending_line = line

    def flush(next_line: int) -> None:
        nonlocal pending, pending_line
        text = "\n".join(pending).strip("\n")
        if text.strip():
            first = pending_line + next((i for i, part in enumerate(pending) if part.strip()), 0)
            kind = "item" if depth else "paragraph"
            outline.blocks.append(Block(kind, text, Location(line=first), level=depth))
        pending, pending_line = [], next_line

    for offset, text_line in enumerate(cleaned):
        segments = label_segments(text_line)  # "Location: Leeds | Reports to: X": a label block each
        for part in segments:
            label = _LABEL.match(part)
            if label and (len(segments) > 1 or any(known(label.group("label")) for known in _LABEL_KINDS)):
                flush(line + offset + 1)
                name, value = label.group("label").strip(), label.group("value").strip()
                at = Location(line=line + offset)
                outline.blocks.append(Block("label", part, at, level=depth, label=name, value=value))
            else:
                pending.append(part)
    flush(line + len(cleaned))


# the labels made label blocks: particulars, and the parts of a job written beside their heading
_LABEL_KINDS = (career_field, role_field, title_label, staff_label, post_label, section_label)


def _cell_text(token: Token) -> str:
    return "\n".join(" ".join(part.split()) for part in inline_text(token).split("\n")).strip("\n")


def _table(outline: DocumentOutline, tokens: list[Token], start: int) -> int:
    """Read the table opened at ``tokens[start]``; return the index of its ``table_close``."""
    header: list[Cell] = []
    rows: list[tuple[Cell, ...]] = []
    row: list[Cell] = []
    in_head = False
    row_line = 0
    row_number = 0
    position = start
    while tokens[position].type != "table_close":
        token = tokens[position]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row, row_line = [], (token.map[0] + 1 if token.map else 0)
            row_number += 1
        elif token.type == "inline":
            at = Location(line=row_line, row=row_number, column=len(row) + 1)
            row.append(Cell(_cell_text(token), at))
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
        position += 1
    table = Table(header=tuple(header), rows=tuple(rows))
    line = tokens[start].map[0] + 1 if tokens[start].map else 0
    outline.blocks.append(Block("table", collapse(" | ".join(table.header_texts)), Location(line=line), table=table))
    return position


def _html_block(outline: DocumentOutline, token: Token) -> None:
    first = token.map[0] + 1
    if "<table" in token.content.lower():
        for table, line in read_html_tables(token.content, first):
            text = collapse(" | ".join(table.header_texts or [c.text for c in table.rows[0]]))
            outline.blocks.append(Block("table", text, Location(line=line), table=table))
        return
    text = clean_text(strip_html(token.content))
    for offset, part in enumerate(text.split("\n")):
        if part.strip():
            outline.blocks.append(Block("paragraph", part.strip(), Location(line=first + offset)))
