"""HTML mended, before pandoc reads it, where its reader would misread, refuse or stall on a page a browser
shows.

- A heading closed by another level's end tag (``<h1>Title</h2>``) is closed by it, as browsers do;
  pandoc would read it as a paragraph.
- Lists are balanced: a list still open when an outer one's end tag comes is closed there, one never
  closed is closed where the page ends, and a list end tag that closes no list is dropped. Pandoc
  backtracks over every unclosed list, doubling its time per level (twenty nested lists left open took
  it a minute). Other elements pandoc closes itself, and they are left as they are.
- A ``<q>``, ``<mark>``, ``<abbr>``, ``<dfn>`` or ``<kbd>`` left open is closed where its block ends (at
  the next paragraph, list, table or division tag), as a browser closes it: pandoc refuses the whole
  page over one ("TagClose p"). Any other inline element left open (``<p>Owns <b>payroll</p>``) is
  closed at its paragraph's, item's, cell's or block's end tag: pandoc would split the paragraph there.
- Elements are nested at most :data:`MAX_DEPTH` deep: an element opened deeper (tags opened and never
  closed, as ``<span`` after ``<span``) loses its tags, and its end tag with it; its text is kept.
  Pandoc's time grows with the square of the unclosed elements (2,000: half a minute), and its tree,
  read back, is refused a few hundred levels down.

One left-to-right scan of the page's tags; a tag is read to the next ``>`` as pandoc's tokenizer reads it.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["MAX_DEPTH", "edited", "repaired"]

MAX_DEPTH = 100

_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)((?:(?!</?h[1-6]\b).)*)</h[1-6]\s*>", re.I | re.S)
_TAG_NAME = re.compile(r"(/?)([a-zA-Z][a-zA-Z0-9:-]{0,60})")
# Elements that hold nothing, and those whose end tag may be left out (a browser closes them itself): neither
# makes the page deeper when left open.
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "command", "basefont", "bgsound", "frame",
})
_OPTIONAL_END = frozenset({
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption",
    "rb", "rt", "rtc", "rp",
})
_UNCOUNTED = _VOID | _OPTIONAL_END | {"html", "head", "body"}
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp"})
_FRAGILE = frozenset({"abbr", "dfn", "kbd", "mark", "q"})
_LISTS = frozenset({"ul", "ol"})
_TEXT_BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th"})  # end tags optional: their openings are marked
_MARKS_LOOKED_AT = 8  # how far back an end tag looks for its opening's mark (bounded: the scan stays linear)
_MENDED = _LISTS | _FRAGILE  # the elements whose missing end tags are written
_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "caption", "tr", "td", "th", "thead", "tbody", "tfoot",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "aside", "header", "footer", "main",
    "nav", "pre", "hr", "figure", "figcaption", "form", "fieldset", "details", "summary", "address",
})


def repaired(html: str) -> str:
    """``html`` with its headings closed and its elements balanced (see the module's notes).

    Examples
    --------
    >>> repaired("<h1>18F: Engineering Director</h2>\\n<h2>Basics</h2>")
    '<h1>18F: Engineering Director</h1>\\n<h2>Basics</h2>'
    >>> repaired("<p>Owns the <q>payroll calendar</p><p>Next</p>")
    '<p>Owns the <q>payroll calendar</q></p><p>Next</p>'
    >>> repaired("<li>Owns <b>payroll</li><li><strong><p>Title</p></strong></li>")
    '<li>Owns <b>payroll</b></li><li><strong><p>Title</p></strong></li>'
    >>> repaired("<body><ul><li>Go<ol><li>Generics</ul></ol><p>Next</p></body>")
    '<body><ul><li>Go<ol><li>Generics</ol></ul><p>Next</p></body>'
    >>> repaired("<ul><li>Run payroll<ul><li>Monthly")
    '<ul><li>Run payroll<ul><li>Monthly</ul></ul>'
    >>> deep = repaired("<p>" + "<span>" * 300 + "Runs payroll" + "</span>" * 300 + "</p>")
    >>> deep.count("<span>"), deep.count("</span>"), "Runs payroll" in deep
    (100, 100, True)
    """
    return _balanced(_HEADING.sub(lambda m: f"{m.group(1)}{m.group(3)}</h{m.group(2)}>", html))


def _balanced(html: str) -> str:
    opened: list[str] = []
    counts: Counter[str] = Counter()
    dropped: Counter[str] = Counter()  # elements opened past MAX_DEPTH, whose end tags go too
    marks: list[tuple[str, int]] = []  # each text block opened (its end tag optional): name, depth of ``opened``
    edits: list[tuple[int, int, str]] = []  # (start, stop, text to put there)
    lowered = html.lower()  # where raw text ends and the body ends are found in it, once for the page
    at = html.find("<")
    while at != -1:
        if html.startswith("<!--", at):
            close = html.find("-->", at + 4)
            at = -1 if close == -1 else html.find("<", close + 3)
            continue
        tag = _TAG_NAME.match(html, at + 1)
        end = html.find(">", at + 1) if tag else at
        if end == -1:
            break  # an opener that never ends: the rest of the page is text to pandoc as well
        if tag:
            closing, name = tag.group(1), tag.group(2).lower()
            if name in _BLOCKS and any(counts[fragile] for fragile in _FRAGILE):
                edits.append((at, at, _close_fragile(opened, counts)))
            if not closing and name in _BLOCKS and marks and marks[-1][0] in ("p", name):
                # a block opening ends an open paragraph, an item the item before it (as a browser reads them)
                edits.append((at, at, _close_inline_since(marks[-1][0], marks, opened, counts)))
            if closing and name in _TEXT_BLOCKS:
                edits.append((at, at, _close_inline_since(name, marks, opened, counts)))
            elif closing:
                edits.extend(_end_tag(name, at, end + 1, opened, counts, dropped))
            elif name in _TEXT_BLOCKS:
                marks.append((name, len(opened)))
            elif name in _RAW_TEXT:
                close = lowered.find(f"</{name}", end)
                end = len(html) - 1 if close == -1 else close - 1
            elif name not in _UNCOUNTED and html[end - 1] != "/":
                if len(opened) < MAX_DEPTH:
                    opened.append(name)
                    counts[name] += 1
                else:
                    dropped[name] += 1
                    edits.append((at, end + 1, ""))
        at = html.find("<", end + 1)
    closes = "".join(f"</{name}>" for name in reversed(opened) if name in _MENDED)
    if closes:
        body_end = lowered.rfind("</body")
        where = len(html) if body_end == -1 else body_end
        edits.append((where, where, closes))
    return edited(html, edits)


def _close_fragile(opened: list[str], counts: Counter[str]) -> str:
    """The end tags that close every open element of :data:`_FRAGILE` and those opened inside it."""
    closes = []
    while any(counts[fragile] for fragile in _FRAGILE):
        innermost = opened.pop()
        counts[innermost] -= 1
        if innermost in _MENDED:
            closes.append(f"</{innermost}>")
    return "".join(closes)


def _close_inline_since(name: str, marks: list[tuple[str, int]], opened: list[str], counts: Counter[str]) -> str:
    """The end tags of the inline elements opened since the text block ``name`` was, where it ends; its mark
    and those after it are dropped."""
    for back in range(len(marks) - 1, max(len(marks) - 1 - _MARKS_LOOKED_AT, -1), -1):
        if marks[back][0] == name:
            depth = marks[back][1]
            del marks[back:]
            break
    else:
        return ""
    closes = []
    while len(opened) > depth and opened[-1] not in _BLOCKS:
        innermost = opened.pop()
        counts[innermost] -= 1
        closes.append(f"</{innermost}>")
    return "".join(closes)


def _end_tag(
    name: str, start: int, stop: int, opened: list[str], counts: Counter[str], dropped: Counter[str]
) -> list[tuple[int, int, str]]:
    """The edits an end tag needs: none when it closes the innermost element; before it, the end tags of the
    lists and inline elements still open inside it; itself dropped when it closes an element dropped, or is
    a list's and closes no list."""
    if dropped[name]:
        dropped[name] -= 1
        return [(start, stop, "")]
    if not counts[name]:
        return [(start, stop, "")] if name in _LISTS else []
    inner = []
    while (innermost := opened.pop()) != name:
        counts[innermost] -= 1
        if innermost in _MENDED or innermost not in _BLOCKS:
            inner.append(f"</{innermost}>")
    counts[name] -= 1
    return [(start, start, "".join(inner))] if inner else []


def edited(html: str, edits: list[tuple[int, int, str]]) -> str:
    """``html`` with each ``(start, stop, text)`` of ``edits`` (in order, none overlapping) put in place of
    ``html[start:stop]``.

    >>> edited("<p>Run payroll", [(0, 3, "<li>"), (14, 14, "</li>")])
    '<li>Run payroll</li>'
    """
    if not edits:
        return html
    parts, last = [], 0
    for start, stop, text in edits:
        parts.append(html[last:start])
        parts.append(text)
        last = stop
    parts.append(html[last:])
    return "".join(parts)
