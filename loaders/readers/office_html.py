"""Web pages a word processor saved, given the plain HTML structure pandoc reads.

Google Docs' "Download → Web page" marks bold with CSS classes (``.c5{font-weight:700}`` on a
``<span class="c5">``) and the document title with ``<p class="title">``; what it puts on the clipboard
wraps everything in ``<b style="font-weight:normal">``. Word's "Save as Web Page" marks its title with
``<p class=MsoTitle>`` and writes each list item as a paragraph (``class=MsoListParagraph``) that
starts with the bullet or number typed in front of it, padded by a ``font:7.0pt "Times New Roman"``
spacer. Pandoc drops classes and styles, so without this a bold label is plain text, the title is a
paragraph of the summary and a numbered list is a run of paragraphs starting "1.".

Every pass is one left-to-right scan of tags whose attributes are read only up to the next ``<`` or
``>``: a page of unclosed tags costs what its length does.
"""

from __future__ import annotations

import re
from itertools import pairwise

from loaders.readers.html_repair import edited

__all__ = ["plain_structure"]

_STYLE = re.compile(r"<style\b[^<>]{0,4000}>(.*?)</style\s*>", re.I | re.S)
_RULE = re.compile(r"([^{}]{1,4000})\{([^{}]{0,4000})\}")
_CLASS_SELECTOR = re.compile(r"^\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*$", re.I)
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", re.I)
_NOT_BOLD = re.compile(r"font-weight\s*:\s*(?:normal|lighter|[1-4]00)\b", re.I)
_CLASSES = re.compile(r"""\bclass\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>]+))""", re.I)
_STYLE_ATTR = re.compile(r"""\bstyle\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')""", re.I)
_INLINE_TAG = re.compile(r"<(/?)(span|b|strong)\b([^<>]{0,4000})>", re.I)
_PARAGRAPH_TAG = re.compile(r"<(/?)p\b([^<>]{0,4000})>", re.I)
_TITLE_CLASSES = {"title", "msotitle"}
# Marks of a Google Docs export (its body's class, its list classes, its headings' ids): only there is a
# paragraph of class "title" the document's title (a web page may call anything a title).
_GOOGLE_DOC = re.compile(
    r"""\bclass\s*=\s*["'][^"'<>]*\bdoc-content\b|\blst-kix_|\bid\s*=\s*["']h\.[a-z0-9]+["']""", re.I
)
_LIST_CLASS = re.compile(r"^msolist\w*$", re.I)
_LIST_LEVEL = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.I)
# What Word writes before a list item's text: its bullet or number (in spans of the Symbol font, or in
# the conditional comment of an unfiltered export), then the 7-point spacer and the spans it closes.
_LIST_MARKER = re.compile(
    r"""^\s*(?:<!\[if\s+!supportLists\]>.{0,4000}?<!\[endif\]>"""
    r"""|(?:<span\b[^<>]{0,400}>\s*){0,3}[^<]{1,12}?<span\b[^<>]{0,400}?font\s*:\s*7\.0pt[^<>]{0,400}>[^<]{0,400}"""
    r"""</span\s*>(?:\s*</span\s*>){0,3})""",
    re.I | re.S,
)


def plain_structure(html: str) -> str:
    """``html`` with a word processor's styling turned into the elements it stands for: bold classes and
    styles into ``<strong>`` (and a ``font-weight:normal`` bold into a span), the first title paragraph
    into ``<h1>``, Word's list paragraphs into list items without their typed bullets.

    Examples
    --------
    >>> page = ('<style>.c5{font-weight:700}</style><body class="doc-content"><p class="title">Payroll Officer</p>'
    ...         '<p><span class="c5">Grade:</span><span> 5</span></p>')
    >>> out = plain_structure(page)
    >>> out[out.index("<h1") :]
    '<h1 class="title">Payroll Officer</h1><p><strong><span class="c5">Grade:</span></strong><span> 5</span></p>'
    >>> spacer = "<span style='font:7.0pt \\"Times New Roman\\"'>&nbsp; </span>"
    >>> plain_structure(f"<p class=MsoListParagraph>1.{spacer}SQL</p>")
    '<ul><li>SQL</li></ul>'
    """
    lowered = html.lower()
    if "font-weight" in lowered:
        html = _weights_as_tags(html, _bold_classes(html))
    if "msotitle" in lowered or ("title" in lowered and _GOOGLE_DOC.search(html)):
        html = _title_as_heading(html)
    if "msolist" in lowered or "mso-list" in lowered:
        html = _list_paragraphs_as_items(html)
    return html


def _bold_classes(html: str) -> set[str]:
    """The classes a page's style sheets make bold: ``.c5{font-weight:700}``, ``span.c2, .c9 {…}``."""
    classes = set()
    for sheet in _STYLE.finditer(html):
        for selectors, declarations in _RULE.findall(sheet.group(1)):
            if _BOLD.search(declarations):
                classes.update(m.group(1) for s in selectors.split(",") if (m := _CLASS_SELECTOR.match(s)))
    return classes


def _attribute_words(attributes: str, pattern: re.Pattern[str]) -> str:
    found = pattern.search(attributes)
    return "" if found is None else next(group for group in found.groups() if group is not None)


def _weights_as_tags(html: str, bold_classes: set[str]) -> str:
    """Spans made bold by a class or a style inside ``<strong>``; a ``<b>``/``<strong>`` whose style
    says it is not bold made a span."""
    edits: list[tuple[int, int, str]] = []
    opened: dict[str, list[bool]] = {"span": [], "b": [], "strong": []}
    for tag in _INLINE_TAG.finditer(html):
        closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            if opened[name] and opened[name].pop():
                edits.append((tag.start(), tag.end(), "</span></strong>" if name == "span" else "</span>"))
            continue
        style = _attribute_words(attributes, _STYLE_ATTR)
        if name == "span":
            classes = set(_attribute_words(attributes, _CLASSES).split())
            changed = bool(_BOLD.search(style) or classes & bold_classes) and not _NOT_BOLD.search(style)
            if changed:
                edits.append((tag.start(), tag.start(), "<strong>"))
        else:
            changed = bool(_NOT_BOLD.search(style))
            if changed:
                edits.append((tag.start(), tag.end(), f"<span{attributes}>"))
        opened[name].append(changed)
    return edited(html, edits)


def _title_as_heading(html: str) -> str:
    """The first paragraph of the title style (Google Docs' ``title``, Word's ``MsoTitle``) as ``<h1>``."""
    tags = _PARAGRAPH_TAG.finditer(html)
    for tag in tags:
        classes = {word.lower() for word in _attribute_words(tag.group(2), _CLASSES).split()}
        if tag.group(1) or not classes & _TITLE_CLASSES:
            continue
        end = next(tags, None)
        if end is None or not end.group(1):
            return html
        return edited(html, [(tag.start(), tag.end(), f"<h1{tag.group(2)}>"), (end.start(), end.end(), "</h1>")])
    return html


def _list_paragraphs_as_items(html: str) -> str:
    """Each of Word's list paragraphs (``class=MsoListParagraph…``, or a style with ``mso-list``) that starts
    with a typed bullet or number as a list item at its ``mso-list`` level, the bullet left out."""
    edits: list[tuple[int, int, str]] = []
    tags = list(_PARAGRAPH_TAG.finditer(html))
    for opener, after in pairwise(tags):
        if opener.group(1):
            continue
        attributes = opener.group(2)
        style = _attribute_words(attributes, _STYLE_ATTR)
        is_list = any(_LIST_CLASS.match(word) for word in _attribute_words(attributes, _CLASSES).split())
        if not (is_list or "mso-list" in style.lower()):
            continue
        inside = html[opener.end() : after.start()]
        marker = _LIST_MARKER.match(inside)
        if marker is None:
            continue
        level = _LIST_LEVEL.search(style)
        depth = max(1, min(int(level.group(1)), 9)) if level else 1
        item = "<ul><li>" * depth + inside[marker.end() :] + "</li></ul>" * depth
        edits.append((opener.start(), after.end() if after.group(1) else after.start(), item))
    return edited(html, edits)
