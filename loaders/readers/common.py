"""What every reader shares: label lines, block builders and a forward-only line locator.

Readers produce a :class:`loaders.document.DocumentOutline` and nothing else; these helpers keep the
rules that decide what a block is (a bold-only line is a pseudo-heading, ``Reports to: X`` is a label)
in one place, so every format applies them the same way.
"""

from __future__ import annotations

import bisect
import re

from loaders.document import Block, Location
from loaders.text import lead_in_heading

__all__ = ["PSEUDO_LEVEL", "LineLocator", "clean", "clean_cell", "label_parts", "text_block"]

PSEUDO_LEVEL = 7  # a bold-only paragraph acts as a heading below every real one, as in Markdown

_LABEL = re.compile(r"^(?P<label>[A-Z][\w/&'’()\- ]{0,40}?)\s*:\s+(?P<value>\S.*)$", re.S)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w{2,}")


def clean(text: str) -> str:
    """``text`` with runs of white space made one space and the ends trimmed.

    Examples
    --------
    >>> clean("  Reports \\n to:\\tCTO ")
    'Reports to: CTO'
    """
    return _SPACES.sub(" ", text).strip()


def clean_cell(text: str) -> str:
    """A table cell's text with each of its lines cleaned (:func:`clean`) and blank lines dropped: the
    lines a cell is written in (a duty or criterion a line, Alt+Enter in a spreadsheet) stay apart.

    Examples
    --------
    >>> clean_cell(" Process payroll \\r\\n\\n  Reconcile   payroll ")
    'Process payroll\\nReconcile payroll'
    """
    return "\n".join(line for line in (clean(part) for part in text.splitlines()) if line)


def label_parts(text: str) -> tuple[str, str] | None:
    """``(label, value)`` of a label line such as ``Reports to: Head of SRE``, else None.

    A label is at most five words before the colon, starting with a capital; a colon later in a
    sentence (``We value this: ...``) makes no label.

    Examples
    --------
    >>> label_parts("Reports to: Head of SRE"), label_parts("Pay/job level: like a postdoc.")
    (('Reports to', 'Head of SRE'), ('Pay/job level', 'like a postdoc.'))
    >>> label_parts("The team we are hiring for works on many things: ops and more") is None
    True
    """
    match = _LABEL.match(text)
    if match is None or len(match.group("label").split()) > 5:
        return None
    return match.group("label").strip(), match.group("value").strip()


def text_block(text: str, at: Location, *, item_depth: int = 0, bold_only: bool = False) -> Block:
    """The block for one paragraph of text: an item at ``item_depth`` (> 0), a pseudo-heading when the
    paragraph is bold only, a label line, or a paragraph.

    Examples
    --------
    >>> at = Location(line=3)
    >>> [(b.kind, b.level, b.label) for b in (
    ...     text_block("Skills", at, bold_only=True), text_block("Reports to: CTO", at),
    ...     text_block("Go", at, item_depth=2), text_block("Runs the team.", at))]
    [('heading', 7, None), ('label', 0, 'Reports to'), ('item', 2, None), ('paragraph', 0, None)]
    """
    text = clean(text)
    parts = label_parts(text)
    if item_depth > 0:
        label, value = parts if parts else (None, None)
        return Block(kind="item", text=text, at=at, level=item_depth, label=label, value=value)
    if bold_only:
        return Block(kind="heading", text=text.rstrip(":").strip(), at=at, level=PSEUDO_LEVEL)
    if named := lead_in_heading(text):  # "Responsibilities:" over its list, in a document without headings
        return Block(kind="heading", text=named, at=at, level=PSEUDO_LEVEL)
    if parts:
        return Block(kind="label", text=text, at=at, label=parts[0], value=parts[1])
    return Block(kind="paragraph", text=text, at=at)


class LineLocator:
    """The 1-based source line of each block's text, searched forward from the previous block.

    A block's first words are looked for after the end of the previous match, allowing markup and
    white space between them (``<b>Senior</b>\\n Engineer``); the search looks ``window`` characters
    ahead (and, a bounded number of times, to the end), so locating every block of a file stays
    linear. A block whose words are not found takes the line of the previous one.

    Examples
    --------
    >>> loc = LineLocator("<h1>Title</h1>\\n<p>First <b>para</b>\\ngraph</p>\\n<li>Item &amp; more</li>\\n")
    >>> loc.line_of("Title"), loc.line_of("First para graph"), loc.line_of("Item & more"), loc.line_of("zzz")
    (1, 2, 4, 4)
    """

    def __init__(self, source: str, start: int = 0, window: int = 20_000, far_searches: int = 64) -> None:
        self.source = source
        self.cursor = start
        self.window = window
        self.far_searches = far_searches  # searches past the window left (each may scan to the end)
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.last = self._line(start)

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def line_of(self, text: str) -> int:
        words = _WORD.findall(text)[:3]
        if not words:
            return self.last
        gap = r"(?:\W|<[^>]*>|&#?\w+;)*?"
        patterns = [re.compile(gap.join(re.escape(word) for word in words[:n])) for n in range(len(words), 0, -1)]
        stop = min(len(self.source), self.cursor + self.window)
        match = next((m for p in patterns if (m := p.search(self.source, self.cursor, stop))), None)
        if match is None and stop < len(self.source) and self.far_searches > 0:
            self.far_searches -= 1  # a block far ahead (after a long script or SVG): look once to the end
            match = patterns[0].search(self.source, self.cursor)
        if match is not None:
            self.cursor = match.end()
            self.last = self._line(match.start())
        return self.last
