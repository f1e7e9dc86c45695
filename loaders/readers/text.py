"""Plain text (``.txt`` that is neither the role-blueprint catalog nor Markdown): paragraphs, headings
and list items by the conventions people type.

A heading is a short line in capitals (``SENIOR ENGINEER``), a line underlined with ``===``/``---``/
``~~~`` (level 1, 2, 3), or a short numbered title line (``2. Responsibilities``) standing alone;
a short line that names a part of a job with its text on the next line (``Key responsibilities``); a
line starting with ``-``, ``*``, ``•`` or ``1.``/``a)`` is a list item whose depth comes from its
indent. Other lines are joined into paragraphs at blank lines, but a label line (``Reports to: X``)
starts a block of its own, and lines that each name one thing (a few capitalised words, no punctuation
of a sentence) are a list typed without bullets, an item each. Every block is at its first line.
"""

from __future__ import annotations

import re

from graph.model import SectionKind
from loaders.base import Reader
from loaders.document import Block, DocumentOutline, Location
from loaders.readers.common import clean, label_parts, text_block
from loaders.reading import decode
from loaders.text import classify_heading

__all__ = ["TEXT", "read_text"]

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-*•◦▪‣+]|\d{1,2}[.)]|[a-z][.)])[ \t]+(?P<text>\S.*)$")
_UNDERLINE = re.compile(r"^[ \t]*(=+|-+|~+)[ \t]*$")
_UNDERLINE_LEVELS = {"=": 1, "-": 2, "~": 3}


def read_text(data: bytes, source: str) -> DocumentOutline:
    """The outline of a plain-text file.

    Examples
    --------
    >>> text = b"ENGINEERING LADDER\\n\\nJunior\\n------\\nLearns fast\\nand well.\\n\\n- Go\\n  - gRPC\\n"
    >>> doc = read_text(text, "l.txt")
    >>> [(b.kind, b.text, b.level, b.at.line) for b in doc.blocks]  # doctest: +NORMALIZE_WHITESPACE
    [('heading', 'ENGINEERING LADDER', 1, 1), ('heading', 'Junior', 2, 3),
     ('paragraph', 'Learns fast and well.', 0, 5), ('item', 'Go', 1, 8), ('item', 'gRPC', 2, 9)]
    """
    lines = decode(data, source).split("\n")
    outline = DocumentOutline(source=source, format="text")
    indents: list[int] = []  # indents of the open list levels
    pending: list[str] = []
    start = 0

    def flush() -> None:
        nonlocal pending
        if len(pending) >= 2 and all(_is_list_line(text) for text in pending):
            for offset, text in enumerate(pending):  # one name a line: a list typed without bullets
                outline.blocks.append(text_block(text, Location(line=start + offset), item_depth=1))
        elif pending:
            outline.blocks.append(text_block(" ".join(pending), Location(line=start)))
        pending = []

    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        stripped = line.strip()
        following = lines[number] if number < len(lines) else ""
        if not stripped:
            flush()
            indents = []
            continue
        if not pending and _UNDERLINE.match(following) and len(following.strip()) >= max(3, len(stripped) // 2):
            outline.blocks.append(
                Block("heading", clean(stripped), Location(line=number), _UNDERLINE_LEVELS[following.strip()[0]])
            )
            number += 1
            continue
        bullet = _BULLET.match(line)
        if bullet and not _is_caps_heading(stripped):
            flush()
            indent = len(bullet.group("indent").expandtabs(4))
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
            outline.blocks.append(text_block(bullet.group("text"), Location(line=number), item_depth=len(indents)))
            continue
        if not pending and (
            (_is_caps_heading(stripped) and not following.strip()) or _names_a_part(stripped, following)
        ):
            outline.blocks.append(
                Block("heading", clean(stripped).rstrip(":"), Location(line=number), 1 if not outline.blocks else 2)
            )
            continue
        if pending and label_parts(stripped):
            flush()  # "Department: Finance" then "Reports to: Payroll Manager": a label line each
        if indents and outline.blocks and outline.blocks[-1].kind == "item" and line[:1].isspace():
            last = outline.blocks[-1]  # a wrapped list item: its continuation line
            outline.blocks[-1] = text_block(f"{last.text} {stripped}", last.at, item_depth=last.level)
            continue
        if not pending:
            start = number
        pending.append(stripped)
    flush()
    first = next((b for b in outline.blocks if b.kind == "heading"), None)
    outline.title = first.text if first is not None and first is outline.blocks[0] else None
    return outline


def _is_short_line(line: str) -> bool:
    """A line of a few words that no punctuation makes part of a sentence, and no label line."""
    return len(line.split()) <= 6 and not line.endswith((".", ",", ";", "!", "?")) and label_parts(line) is None


def _is_list_line(line: str) -> bool:
    """A line that names one thing ("Advanced Excel", "Knowledge of PAYE"): a few words, a capital first and
    no punctuation that would make it part of a sentence; lines of prose wrapped in a paragraph are not all
    like that."""
    return _is_short_line(line) and (line[:1].isupper() or line[:1].isdigit()) and not line.endswith(":")


def _names_a_part(line: str, following: str) -> bool:
    """A short line that names a part of a job ("Key responsibilities", "Skills and experience") with its
    text or list on the next line, as people type a job description."""
    return (
        bool(following.strip())
        and _is_short_line(line)
        and line[:1].isupper()
        and classify_heading(line.rstrip(":")) is not SectionKind.OTHER
    )


def _is_caps_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(line) <= 80 and len(letters) >= 3 and all(c.isupper() for c in letters) and not line.endswith(".")


TEXT = Reader(
    name="text",
    extensions=(".txt", ".text"),
    read=read_text,
    description="Plain text: capitalised or underlined headings, bullet lines, paragraphs.",
    library="orgkg (line rules)",
)
