"""schema.org ``JobPosting`` microdata — the ``itemscope``/``itemprop`` attributes older careers sites and
ATS page templates mark a job page with — as the same posting data JSON-LD gives: each posting a mapping
of its properties (text; HTML for the description and requirement fields; nested items as mappings), every
property at the line of its element.

Only what :func:`loaders.readers.jobposting.schema_org_fields` reads is kept; the page's own text is read
when the page marks no posting.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from loaders.readers.jobposting import SECTIONS
from loaders.readers.jsdata import DataPath

__all__ = ["microdata_postings"]

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
_MARKUP_PROPS = frozenset({"description", *(key for key, _ in SECTIONS)})
_MAX_DEPTH = 200


def microdata_postings(page: str) -> tuple[list[dict[str, Any]], dict[DataPath, int]]:
    """The ``JobPosting`` items of a page's microdata, and the line of each property's path.

    Examples
    --------
    >>> page = ('<div itemscope itemtype="https://schema.org/JobPosting">\\n<h1 itemprop="title">Data Engineer</h1>\\n'
    ...         '<div itemprop="description"><ul><li>Build pipelines</li></ul></div>\\n'
    ...         '<div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">'
    ...         '<span itemprop="addressLocality">Leeds</span></div></div>')
    >>> postings, lines = microdata_postings(page)
    >>> postings  # doctest: +NORMALIZE_WHITESPACE
    [{'title': 'Data Engineer', 'description': '<ul><li>Build pipelines</li></ul>',
      'jobLocation': {'addressLocality': 'Leeds'}}]
    >>> lines[(0, "description")]
    3
    """
    if "itemscope" not in page or "JobPosting" not in page:
        return [], {}
    reader = _Reader(page)
    reader.feed(page)
    reader.close()
    return reader.postings, reader.lines


class _Element:
    __slots__ = ("item", "path", "prop", "start", "tag", "text")

    def __init__(self, tag: str, prop: str | None, item: dict[str, Any] | None, start: int, path: DataPath | None):
        self.tag, self.prop, self.item, self.start, self.path = tag, prop, item, start, path
        self.text: list[str] = []


class _Reader(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.line_starts = [0] + [i + 1 for i, c in enumerate(page) if c == "\n"]
        self.stack: list[_Element] = []
        self.postings: list[dict[str, Any]] = []
        self.lines: dict[DataPath, int] = {}

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def scope(self) -> tuple[dict[str, Any] | None, DataPath | None]:
        """The innermost item being read (a posting or an item nested in one), and its path."""
        for element in reversed(self.stack):
            if element.item is not None:
                return element.item, element.path
        return None, None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.stack) >= _MAX_DEPTH:
            return
        attributes = dict(attrs)
        prop = (attributes.get("itemprop") or "").split()[0] if attributes.get("itemprop") else None
        kinds = attributes.get("itemtype") or ""
        line = self.getpos()[0]
        parent, parent_path = self.scope()
        item, path = None, None
        if "itemscope" in attributes:
            if parent is None and "JobPosting" in kinds:
                item, path = {}, (len(self.postings),)
                self.postings.append(item)
            elif parent is not None and prop:
                item, path = {}, (*parent_path, prop)
                parent.setdefault(prop, item)
        if parent is not None and prop and item is None:
            value = attributes.get("content") or attributes.get("datetime")
            if value is not None or tag in _VOID:
                parent.setdefault(prop, value or attributes.get("href") or "")
                self.lines.setdefault((*parent_path, prop), line)
                prop = None  # its value is read
        if path is not None:
            self.lines.setdefault(path, line)
        if tag in _VOID:
            return
        start = self.position() + len(self.get_starttag_text() or "")
        element = _Element(tag, prop if parent is not None else None, item, start, path)
        if element.prop:
            self.lines.setdefault((*parent_path, element.prop), line)
        self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if not any(element.tag == tag for element in self.stack):
            return
        end = self.position()
        while self.stack:
            element = self.stack.pop()
            self._close(element, end)
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            if element.prop:
                element.text.append(data)

    def _close(self, element: _Element, end: int) -> None:
        if not element.prop or element.item is not None:
            return
        parent, _ = self.scope()
        if parent is None:
            return
        if element.prop in _MARKUP_PROPS:
            value = self.page[element.start : end].strip()
        else:
            value = " ".join("".join(element.text).split())
        parent.setdefault(element.prop, value)
