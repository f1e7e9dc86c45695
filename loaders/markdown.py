"""The block structure of a Markdown file (headings, paragraphs, list items) with file lines.

markdown-it-py finds the blocks; this module keeps only what the loaders need and turns line ranges
into ``Section`` objects and list items into ``Mention`` objects, the same way for every format.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

from graph.errors import DocumentError
from graph.model import Evidence, LoadProblem, Mention, Section, SectionKind
from loaders.text import classify_heading, clean_line, clean_text, collapse, lead_in_heading, trim_blank_lines

__all__ = [
    "MAX_BRACKETS_PER_LINE",
    "MAX_COSTLY_MARKS",
    "PSEUDO_LEVEL",
    "Block",
    "Heading",
    "Outline",
    "Span",
    "bound_markup",
    "is_name_list",
    "markdown_tokens",
    "without_site_syntax",
    "parse_outline",
]

PSEUDO_LEVEL = 7  # a bold-only line like ``**Nice-to-haves**`` acts as a heading below every real one

# markdown-it-py spends ~10 µs on each "[" (a link label is looked for) and ~2 µs on each of "]", "!",
# "<", "&" and "\\", against nothing for plain text. Real role pages have at most a few "[" per line and
# about a thousand such marks per file; these bounds keep any file's parse well under a second.
MAX_BRACKETS_PER_LINE = 100  # more "[" on one line: escaped, read as text, not as link labels
MAX_COSTLY_MARKS = 500_000  # more "[", "]", "!", "<", "&", "\\" in one file: refused before parsing
_COSTLY_MARKS = "[]!<&\\"
_OPENING_BRACKET = re.compile(r"(?<!\\)\[")

_BOLD_ONLY = re.compile(r"^\s*(\*\*|__)([^*_\n]{1,80}?)\1\s*:?\s*$")
_HEADING_ANCHOR = re.compile(r"\{#[^{}]*\}\s*$")  # no leading \s*: spaces before it are stripped after
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?:[^()\n]|\([^()\n]*\))*)\)")  # linear: a label cannot span a "["

_LIST_OPENERS = {"bullet_list_open", "ordered_list_open"}

MENTION_KINDS = {SectionKind.SKILLS, SectionKind.REQUIREMENTS, SectionKind.NICE_TO_HAVE}


@dataclass(frozen=True)
class Heading:
    index: int
    level: int
    text: str
    line: int
    end: int = 0  # first line after its section (next heading of the same or a higher level)
    body_end: int = 0  # first line of the next heading of any level
    parent: int | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph, or the first paragraph of a list item, with its raw and cleaned text."""

    kind: Literal["paragraph", "item", "row"]
    line: int
    end: int
    raw: str
    text: str
    has_sublist: bool = False  # an item with nested items
    cells: tuple[str, ...] = ()  # a table body row: its cells; ``text`` is the cell that names the row

    @property
    def sentence(self) -> str:
        return collapse(self.text)

    @property
    def is_label(self) -> bool:
        """An item that only introduces its nested items (``- Infrastructure Specialty:``): no mention itself.

        Examples
        --------
        >>> [(b.text, b.is_label) for b in parse_outline("- Cost:\\n  - Cost vs plan\\n- Uptime:\\n").blocks]
        [('Cost:', True), ('Cost vs plan', False), ('Uptime:', False)]
        """
        return self.kind == "item" and self.has_sublist and self.sentence.endswith(":")

    def links(self) -> list[tuple[str, str, int]]:
        """``(label, target, line)`` of every Markdown link in the block."""
        return [
            (clean_line(m.group(1)), m.group(2), self.line + self.raw.count("\n", 0, m.start()))
            for m in _LINK.finditer(self.raw)
        ]


@dataclass(frozen=True)
class Span:
    """A section to be: a heading's name and kind and the lines of its own text."""

    name: str
    kind: SectionKind
    start: int
    end: int
    heading: int | None = None  # index of the heading it comes from; None for intro text


def _block_line(block: Block) -> int:
    return block.line


def _heading_line(heading: Heading) -> int:
    return heading.line


@dataclass
class Outline:
    lines: list[str]
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)  # what :func:`bound_markup` had to do

    @property
    def last_line(self) -> int:
        return len(self.lines)

    def heading_at(self, line: int) -> Heading | None:
        """The innermost heading whose section holds ``line``."""
        owner = None
        for heading in self.headings:
            if heading.line > line:
                break
            if heading.line <= line < heading.body_end:
                owner = heading
        return owner

    def parent(self, heading: Heading) -> Heading | None:
        return self.headings[heading.parent] if heading.parent is not None else None

    def ancestors(self, heading: Heading) -> list[Heading]:
        chain, current = [], self.parent(heading)
        while current is not None:
            chain.append(current)
            current = self.parent(current)
        return chain

    def headings_in(self, start: int, end: int) -> list[Heading]:
        """The headings on lines ``start`` to ``end - 1`` (in line order, as :meth:`blocks_in` finds blocks)."""
        first = bisect_left(self.headings, start, key=_heading_line)
        return self.headings[first : bisect_left(self.headings, end, lo=first, key=_heading_line)]

    def blocks_in(self, start: int, end: int) -> list[Block]:
        """The blocks that begin on lines ``start`` to ``end - 1``: two bisections, the blocks being in line
        order (a document of a thousand roles asks this once per role)."""
        first = bisect_left(self.blocks, start, key=_block_line)
        return self.blocks[first : bisect_left(self.blocks, end, lo=first, key=_block_line)]

    def section(self, span: Span) -> Section | None:
        """The cleaned text of a span as a ``Section``, or None when it has no text."""
        raw = "\n".join(self.lines[span.start - 1 : span.end - 1])
        kept, first = trim_blank_lines(clean_text(raw).split("\n"), span.start)
        if not kept:
            return None
        return Section(name=span.name, kind=span.kind, text="\n".join(kept), line=first)

    def mentions(self, span: Span, source: str) -> tuple[list[Mention], list[Mention]]:
        """Skill and KPI mentions stated by the list items (and, for KPIs, linked names) of a span."""
        skills: list[Mention] = []
        kpis: list[Mention] = []
        for block in self.blocks_in(span.start, span.end):
            target = kpis if span.kind is SectionKind.KPIS else skills
            states = span.kind in MENTION_KINDS or span.kind is SectionKind.KPIS
            if block.kind == "item" and block.sentence and not block.is_label:
                if states:
                    target.append(_mention(block.sentence, span.kind, source, block.line, block.sentence))
            elif block.kind == "row" and block.sentence and states:
                target.append(_mention(block.sentence, span.kind, source, block.line, " | ".join(block.cells)))
            elif block.kind == "paragraph" and span.kind in MENTION_KINDS and is_name_list(block.sentence):
                skills.append(_mention(block.sentence, span.kind, source, block.line, block.sentence))
            elif block.kind == "paragraph" and span.kind is SectionKind.KPIS:
                kpis.extend(
                    _mention(label, span.kind, source, line, block.sentence)
                    for label, _target, line in block.links()
                    if _names_an_indicator(label)
                )
        return skills, kpis

    def spans(self, first: int, end: int, intro_name: str, skip: list[tuple[int, int]] = ()) -> list[Span]:
        """Spans of the text from line ``first`` to ``end``: the intro, then each heading's own text.

        A heading whose wording names no kind takes the kind of the heading above it inside the range
        (``### Technical`` under ``## Requirements`` is a requirement).
        """
        inside = [h for h in self.headings_in(first, end) if not _skipped(h.line, skip)]
        intro_end = min([h.line for h in inside[:1]] + [s for s, _ in skip if s >= first] + [end])
        result = [Span(intro_name, SectionKind.SUMMARY, first, intro_end)] if first < intro_end else []
        kinds: dict[int, SectionKind] = {}
        for heading in inside:
            kind = classify_heading(heading.text)
            parent = heading.parent
            if kind is SectionKind.OTHER and parent is not None and parent in kinds:
                kind = kinds[parent]
            kinds[heading.index] = kind
            body_end = min(heading.body_end, end, *(s for s, _ in skip if s > heading.line))
            result.append(Span(heading.text, kind, heading.line + 1, body_end, heading.index))
        return result


def _skipped(line: int, skip: list[tuple[int, int]]) -> bool:
    return any(start <= line < stop for start, stop in skip)


_LIST_PARTS = re.compile(r"\s*[,;]\s*")
_STARTS_WITH_LABEL = re.compile(r"^[^:,;]{1,40}:")


def is_name_list(sentence: str) -> bool:
    """A paragraph that is only a list of names: "MLflow, Kubeflow, Docker, Kubernetes, Python"."""
    if _STARTS_WITH_LABEL.match(sentence):
        return False  # "Skills: A, B, C" is a label line; the layout's label grammar reads it
    parts = [p for p in _LIST_PARTS.split(sentence.strip(" .…")) if p]
    return len(parts) >= 3 and all(len(part.split()) <= 4 for part in parts)


# The header of a table's first column when that column numbers or ranks the rows: the name is next to it.
_RANK_HEADERS = {"#", "no", "no.", "level", "grade", "rank", "priority", "step", "phase", "tier"}


def _row_name(header: list[str], cells: list[str]) -> str:
    if len(cells) > 1 and header and header[0].strip().lower() in _RANK_HEADERS:
        return cells[1]
    return cells[0] if cells else ""


_GENERIC_LABELS = {"here", "this page", "page", "link", "handbook", "see here", "read more"}


def _names_an_indicator(label: str) -> bool:
    return len(label) > 3 and label.lower() not in _GENERIC_LABELS


def _mention(name: str, kind: SectionKind, source: str, line: int, sentence: str) -> Mention:
    return Mention(name=name, section=kind, at=Evidence(source=source, line=line, evidence=sentence))


def bound_markup(text: str, source: str) -> tuple[str, list[LoadProblem]]:
    """``text`` made cheap for markdown-it: runs of "[" read as text, a file of too many marks refused.

    A line with more than :data:`MAX_BRACKETS_PER_LINE` opening brackets has them escaped (``\\[``: the
    same text, but no link label is looked for); each such line is a warning naming it. Line numbers
    do not change. The check is linear: a few ``str.count`` per line.

    Raises
    ------
    DocumentError
        When the file holds more than :data:`MAX_COSTLY_MARKS` of the marks that cost the parser most,
        naming the line where the limit is passed.

    Examples
    --------
    >>> text, problems = bound_markup("# Title\\n\\n" + "[" * 150 + "x\\n", "a.md")
    >>> text[:13], [str(p) for p in problems]
    ('# Title\\n\\n\\\\[\\\\[', ["a.md:3: warning: 150 '[' on one line (over 100): read as text, not as links"])
    """
    if text.count("[") <= MAX_BRACKETS_PER_LINE and sum(map(text.count, _COSTLY_MARKS)) <= MAX_COSTLY_MARKS:
        return text, []  # no line can be over either bound: nothing to look for line by line
    lines = text.split("\n")
    problems: list[LoadProblem] = []
    marks = 0
    for index, line in enumerate(lines):
        marks += sum(line.count(mark) for mark in _COSTLY_MARKS)
        if marks > MAX_COSTLY_MARKS:
            raise DocumentError(
                source,
                f"over {MAX_COSTLY_MARKS:,} of the Markdown marks [ ] ! < & \\ by this line (MAX_COSTLY_MARKS): "
                "too costly to parse; split the file",
                line=index + 1,
            )
        brackets = line.count("[")
        if brackets > MAX_BRACKETS_PER_LINE:
            lines[index] = _OPENING_BRACKET.sub(r"\\[", line)
            message = f"{brackets} '[' on one line (over {MAX_BRACKETS_PER_LINE}): read as text, not as links"
            problems.append(LoadProblem(path=source, line=index + 1, message=message, severity="warning"))
    return ("\n".join(lines) if problems else text), problems


def markdown_tokens(text: str, source: str) -> tuple[list[Token], list[LoadProblem]]:
    """markdown-it's tokens of ``text`` (CommonMark and tables), bounded first by :func:`bound_markup`.

    The tokens of the last few texts are kept: format detection reads a Markdown file's outline and
    then its loader reads it again, and the second parse is answered from the first. The tokens are
    shared between the two, so a caller reads them and never changes them.
    """
    bounded, problems = bound_markup(text, source)
    return list(_parsed(bounded)), problems


# What a documentation site's Markdown adds to CommonMark and shows as no text: Docusaurus' and VitePress'
# admonition fences (":::tip", ":::"), and MDX's module lines (import ... from '...', export const ...).
_ADMONITION_FENCE = re.compile(r"^[ \t]{0,3}:::+[ \t]*(?:[\w-][^\n]*)?$", re.M)
_MODULE_LINE = re.compile(
    r"""^(?:import[ \t]+[^\n]{1,300}?[ \t]from[ \t]*['"][^'"\n]{1,300}['"]|import[ \t]*['"][^'"\n]{1,300}['"]"""
    r"""|export[ \t]+(?:const|let|default|function)\b[^\n]*);?[ \t]*$""",
    re.M,
)


def without_site_syntax(text: str) -> str:
    """``text`` with admonition fences and MDX module lines emptied, line breaks kept; the admonition's own
    text stays (as a reStructuredText admonition's does). Both Markdown readers read the text this gives.

    >>> without_site_syntax("import Tabs from '@theme/Tabs';\\n# SRE\\n:::tip Read first\\nBe kind.\\n:::\\n")
    '\\n# SRE\\n\\nBe kind.\\n\\n'
    """
    if ":::" in text:
        text = _ADMONITION_FENCE.sub("", text)
    if "import" in text or "export" in text:
        text = _MODULE_LINE.sub("", text)
    return text


_PARSER = MarkdownIt("commonmark").enable("table")  # parse() keeps no state between calls


@lru_cache(maxsize=4)
def _parsed(bounded: str) -> tuple[Token, ...]:
    return tuple(_PARSER.parse(bounded))


def parse_outline(text: str, source: str = "") -> Outline:
    """Headings, paragraphs and list items of ``text``, each at its 1-based file line.

    Examples
    --------
    >>> outline = parse_outline("## Skills\\n\\n- Go\\n- [SQL](x)\\n\\n**Bonus**\\n\\n- Rust\\n")
    >>> [(h.level, h.text, h.line, h.end) for h in outline.headings]
    [(2, 'Skills', 1, 9), (7, 'Bonus', 6, 9)]
    >>> [(b.kind, b.text, b.line) for b in outline.blocks]
    [('item', 'Go', 3), ('item', 'SQL', 4), ('item', 'Rust', 8)]
    """
    text = without_site_syntax(text)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    tokens, problems = markdown_tokens(text, source)
    outline = Outline(lines=lines, problems=problems)
    open_items: list[int | None] = []  # per open list item: the block of its first paragraph, once seen
    raw_headings: list[tuple[int, str, int]] = []
    header: list[str] = []
    in_body = False
    for position, token in enumerate(tokens):
        if token.type in ("thead_open", "tbody_open"):
            in_body = token.type == "tbody_open"
            header = [] if not in_body else header
        elif token.type == "tr_open" and token.map:
            cells = _row_cells(tokens, position)
            if not in_body:
                header = cells
            elif any(cells):
                start, stop = token.map
                raw = "\n".join(lines[start:stop])
                name = _row_name(header, cells)
                outline.blocks.append(Block("row", start + 1, stop + 1, raw, name, cells=tuple(cells)))
        elif token.type == "list_item_open":
            open_items.append(None)
        elif token.type == "list_item_close":
            open_items.pop()
        elif token.type in _LIST_OPENERS and open_items and open_items[-1] is not None:
            outline.blocks[open_items[-1]] = replace(outline.blocks[open_items[-1]], has_sublist=True)
        elif token.type == "heading_open" and token.map:
            content = tokens[position + 1].content
            heading = _HEADING_ANCHOR.sub("", clean_line(content)).rstrip()
            raw_headings.append((int(token.tag[1:]), heading, token.map[0] + 1))
        elif token.type == "paragraph_open" and token.map:
            start, stop = token.map
            raw = "\n".join(lines[start:stop])
            is_item = bool(open_items) and open_items[-1] is None
            if is_item:
                open_items[-1] = len(outline.blocks)
            bold = _BOLD_ONLY.match(raw) if not open_items else None
            if bold:
                raw_headings.append((PSEUDO_LEVEL, clean_line(bold.group(2)), start + 1))
                continue
            named = lead_in_heading(clean_line(raw)) if not open_items and stop - start == 1 else None
            if named:  # "Responsibilities:" over its list, in a page written without headings
                raw_headings.append((PSEUDO_LEVEL, named, start + 1))
                continue
            kind: Literal["paragraph", "item"] = "item" if is_item else "paragraph"
            outline.blocks.append(Block(kind, start + 1, stop + 1, raw, clean_text(raw)))
    outline.headings = _link_headings(raw_headings, len(lines) + 1)
    return outline


def _row_cells(tokens: list, position: int) -> list[str]:
    """The cleaned cell texts of the table row that opens at ``tokens[position]``."""
    cells = []
    for token in tokens[position + 1 :]:
        if token.type == "tr_close":
            break
        if token.type == "inline":
            cells.append(_LEADING_SYMBOLS.sub("", clean_line(token.content)).strip())
    return cells


_LEADING_SYMBOLS = re.compile(r"^[^\w(\[]+")


def _link_headings(raw: list[tuple[int, str, int]], eof: int) -> list[Heading]:
    """Each heading with its section's end (the next heading of its level or higher), its body's end (the
    next heading) and its parent (the nearest heading above of a higher level), in one pass: a stack holds
    the headings whose sections are still open."""
    ends: list[int] = [eof] * len(raw)
    parents: list[int | None] = [None] * len(raw)
    open_sections: list[int] = []
    for index, (level, _, line) in enumerate(raw):
        while open_sections and raw[open_sections[-1]][0] >= level:
            ends[open_sections.pop()] = line
        parents[index] = open_sections[-1] if open_sections else None
        open_sections.append(index)
    return [
        Heading(index, level, text, line, ends[index], raw[index + 1][2] if index + 1 < len(raw) else eof,
                parents[index])
        for index, (level, text, line) in enumerate(raw)
    ]
