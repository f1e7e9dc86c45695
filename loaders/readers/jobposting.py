"""schema.org ``JobPosting`` — the structured data career sites publish for search engines — as a document
outline: from the JSON-LD of a job page (``<script type="application/ld+json">``) or from a JSON / JSON-LD
file of postings (one, a list, an ``@graph``, an ``ItemList``, a ``mainEntity``).

Each posting is a level-1 heading (its ``title``) followed by label lines for its job code (``identifier``)
and department, the blocks of its ``description`` (HTML, read by pandoc, its headings one level down) and a
section for each field that says what the role asks: ``responsibilities``, ``qualifications``, ``skills``,
``educationRequirements``, ``experienceRequirements`` (a term's name, a credential's category, an
experience's months in years). What is about the post rather than the role (place, pay, dates, terms of
employment, the company) is left out. Every block is at the line of its key; the blocks of an HTML value
are all at the value's line (its markup has no lines of its own).

The outline asks for the ``multi-role`` layout (``single-role`` for one posting) with every level-1 heading
a role (``meta["role_headings"]``): a list of postings is a list of jobs, never a ladder, whatever levels
or numbers their titles name. A sidecar's ``layout`` still wins.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from loaders.document import Block, DocumentOutline, Location
from loaders.readers.common import PSEUDO_LEVEL, clean, text_block
from loaders.readers.jsdata import DataPath
from loaders.readers.pandoc import has_markup, read_html_fragments
from loaders.text import drop_places

__all__ = [
    "SECTIONS",
    "PostingFields",
    "find_postings",
    "is_posting",
    "place_names",
    "postings_outline",
    "schema_org_fields",
    "value_at",
    "value_text",
]

Locate = Callable[[DataPath], Location]

#: The fields that say what the role asks, each read as a section under this heading.
SECTIONS = (
    ("responsibilities", "Responsibilities"),
    ("qualifications", "Qualifications"),
    ("skills", "Skills"),
    ("educationRequirements", "Education"),
    ("experienceRequirements", "Experience"),
)
_CONTAINERS = ("@graph", "itemListElement", "item", "mainEntity", "mainEntityOfPage")
_LINE_ITEM = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s+")


def is_posting(value: Any) -> bool:
    """Whether ``value`` is a JSON-LD node of type ``JobPosting`` (or a list of types naming it).

    Examples
    --------
    >>> is_posting({"@type": "JobPosting"}), is_posting({"@type": ["Thing", "schema:JobPosting"]})
    (True, True)
    >>> is_posting({"@type": "Organization"}), is_posting(["JobPosting"])
    (False, False)
    """
    if not isinstance(value, dict):
        return False
    kinds = value.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and re.split(r"[/:#]", name)[-1] == "JobPosting" for name in names)


def find_postings(value: Any, path: DataPath = ()) -> list[DataPath]:
    """The paths of the ``JobPosting`` nodes in parsed JSON-LD: the value itself, a list's elements, and
    what an ``@graph``, ``ItemList`` or ``mainEntity`` holds (nested as deep as they go).

    Examples
    --------
    >>> feed = {"@graph": [{"@type": "JobPosting"}, {"@type": "ItemList", "itemListElement": [
    ...     {"@type": "ListItem", "item": {"@type": "JobPosting"}}]}]}
    >>> find_postings(feed)
    [('@graph', 0), ('@graph', 1, 'itemListElement', 0, 'item')]
    """
    if is_posting(value):
        return [path]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in find_postings(item, (*path, index))]
    if isinstance(value, dict):
        return [found for key in _CONTAINERS if key in value for found in find_postings(value[key], (*path, key))]
    return []


@dataclass(frozen=True)
class PostingFields:
    """What one posting says of its role, each value with the data path it is read from: the title, label
    lines (job code, department, any role field), and bodies — the description (``heading`` None), then
    each part under its heading. A body's value is text, HTML, a list or a structured requirement."""

    title: str
    title_path: DataPath
    labels: tuple[tuple[str, str, DataPath], ...] = ()  # label, value, path
    bodies: tuple[tuple[str | None, Any, DataPath], ...] = ()  # heading, value, path
    places: tuple[str, ...] = ()  # where the post is: a title's "- London" tail naming one is dropped


_PLACE_KEYS = (
    "name", "location", "city", "region", "state", "country", "addressLocality", "addressRegion", "addressCountry",
    "address", "office", "postalAddress",
)


def place_names(*values: Any) -> tuple[str, ...]:
    """The place names in a posting's location values: text, a list, or a mapping of city, region, country
    (schema.org ``Place``/``PostalAddress``, an ATS's location object), nested a few levels.

    Examples
    --------
    >>> place_names({"@type": "Place", "address": {"addressLocality": "Leeds", "addressCountry": "GB"}}, "Remote")
    ('Leeds', 'GB', 'Remote')
    """
    names: list[str] = []

    def visit(value: Any, depth: int) -> None:
        if depth > 4:
            return
        if isinstance(value, list):
            for item in value[:50]:
                visit(item, depth + 1)
        elif isinstance(value, dict):
            for key in _PLACE_KEYS:
                if key in value:
                    visit(value[key], depth + 1)
        elif (text := value_text(value)) and len(text) <= 80:
            names.append(text)

    for value in values:
        visit(value, 0)
    return tuple(dict.fromkeys(names))


def schema_org_fields(data: Any, path: DataPath) -> PostingFields | None:
    """The fields of the schema.org ``JobPosting`` at ``path`` of ``data``; None when it has no title.

    Examples
    --------
    >>> fields = schema_org_fields({"title": "Data Engineer", "department": {"name": "Data"}, "skills": "SQL"}, ())
    >>> fields.labels, fields.bodies
    ((('Department', 'Data', ('department',)),), (('Skills', 'SQL', ('skills',)),))
    """
    posting = value_at(data, path)
    title = value_text(posting.get("title") or posting.get("name"))
    if not title:
        return None
    labels = tuple(
        (label, value, (*path, key))
        for label, key, value in (
            ("Job code", "identifier", _identifier(posting.get("identifier"))),
            ("Department", "department", _name(posting.get("department"))),
        )
        if value
    )
    parts = ((None, "description"), *((heading, key) for key, heading in SECTIONS))
    bodies = tuple((heading, posting[key], (*path, key)) for heading, key in parts if not _blank(posting.get(key)))
    places = place_names(posting.get("jobLocation"), posting.get("applicantLocationRequirements"))
    return PostingFields(title, (*path, "title"), labels, bodies, places)


def postings_outline(postings: list[PostingFields], locate: Locate, source: str, format: str) -> DocumentOutline:
    """The outline of ``postings``; ``locate`` gives the location of a data path.

    Examples
    --------
    >>> posting = {"@type": "JobPosting", "title": "Data Engineer", "identifier": {"value": "DE-2"},
    ...            "skills": [{"@type": "DefinedTerm", "name": "SQL"}, "dbt"],
    ...            "experienceRequirements": {"monthsOfExperience": 36}}
    >>> fields = [schema_org_fields(posting, ())]
    >>> doc = postings_outline(fields, lambda path: Location(line=len(path) + 1), "p.json", "json")
    >>> [(b.kind, b.text, b.level) for b in doc.blocks]  # doctest: +NORMALIZE_WHITESPACE
    [('heading', 'Data Engineer', 1), ('label', 'Job code: DE-2', 0), ('heading', 'Skills', 2),
     ('item', 'SQL', 1), ('item', 'dbt', 1), ('heading', 'Experience', 2),
     ('item', '3 years of experience', 1)]
    >>> doc.title, doc.meta["orgkg"]
    ('Data Engineer', {'layout': 'single-role'})
    """
    builder = _Builder(locate)
    for posting in postings:
        builder.posting(posting)
    fragments = read_html_fragments([markup for markup, _ in builder.fragments], source)
    blocks = builder.assemble(fragments)
    titles = [b.text for b in blocks if b.kind == "heading" and b.level == 1]
    outline = DocumentOutline(source=source, format=format, blocks=blocks, title=titles[0] if titles else None)
    outline.meta["orgkg"] = {"layout": "multi-role" if len(postings) > 1 else "single-role"}
    outline.meta["role_headings"] = 1  # each posting's title, whatever it looks like ("Accountant II")
    return outline


def value_at(data: Any, path: DataPath) -> Any:
    """The value at ``path`` (keys and indexes) of parsed data."""
    for key in path:
        data = data[key]
    return data


class _Builder:
    """The blocks of the postings in order, an HTML value standing as a placeholder until pandoc has read
    every value of the document in one run."""

    def __init__(self, locate: Locate) -> None:
        self.locate = locate
        self.parts: list[Block | int] = []  # an int: the index of an HTML fragment
        self.fragments: list[tuple[str, Location]] = []

    def posting(self, posting: PostingFields) -> None:
        title = drop_places(posting.title, posting.places)
        self.parts.append(Block(kind="heading", text=title, at=self.locate(posting.title_path), level=1))
        for label, value, path in posting.labels:
            at = self.locate(path)
            self.parts.append(Block(kind="label", text=f"{label}: {value}", at=at, label=label, value=value))
        for heading, value, path in posting.bodies:
            if heading is not None:
                self.parts.append(Block(kind="heading", text=heading, at=self.locate(path), level=2))
            self.value(value, path)

    def value(self, value: Any, path: DataPath) -> None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                self.item(item, (*path, index))
        elif isinstance(value, dict):
            self.item(value, path)
        elif isinstance(value, str) and has_markup(value):
            self.parts.append(len(self.fragments))
            self.fragments.append((value, self.locate(path)))
        elif isinstance(value, str):
            self.plain(value, self.locate(path))

    def item(self, item: Any, path: DataPath) -> None:
        if isinstance(item, str) and has_markup(item):
            self.value(item, path)
            return
        text, key = _requirement(item) if isinstance(item, dict) else (value_text(item), None)
        if text:
            self.parts.append(text_block(text, self.locate((*path, key) if key else path), item_depth=1))

    def plain(self, text: str, at: Location) -> None:
        """Plain text: a line that starts with a bullet is an item, any other line a paragraph (a skills
        section reads a paragraph that only lists names, "Python, SQL, dbt", as those names)."""
        for line in html.unescape(text).splitlines():
            if not line.strip():
                continue
            bulleted = _LINE_ITEM.match(line)
            depth = 1 if bulleted else 0
            self.parts.append(text_block(line[bulleted.end() :] if bulleted else line, at, item_depth=depth))

    def assemble(self, fragments: list[list[Block]]) -> list[Block]:
        blocks: list[Block] = []
        for part in self.parts:
            if isinstance(part, Block):
                blocks.append(part)
                continue
            at = self.fragments[part][1]
            for block in fragments[part]:
                lower = block.kind == "heading" and block.level < PSEUDO_LEVEL  # under the posting's title
                blocks.append(replace(block, at=at, level=min(block.level + 1, 6) if lower else block.level))
        return blocks


def _requirement(value: dict[str, Any]) -> tuple[str, str | None]:
    """A structured requirement in words, with the key it is read from: a term or credential by its name
    or category, an experience requirement by its years (or months) and description."""
    months = value.get("monthsOfExperience")
    if isinstance(months, int | float) and not isinstance(months, bool) and months > 0:
        years = months / 12
        span = f"{years:g} years" if years == int(years) else f"{months:g} months"
        described = value_text(value.get("description"))
        return f"{span} of experience" + (f": {described}" if described else ""), "monthsOfExperience"
    for key in ("name", "credentialCategory", "educationalLevel", "description", "value"):
        text = _name(value.get(key))
        if text:
            return text, key
    return "", None


def _identifier(value: Any) -> str:
    if isinstance(value, dict):
        return value_text(value.get("value") or value.get("name"))
    return value_text(value)


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return value_text(value.get("name") or value.get("value"))
    return value_text(value)


def value_text(value: Any) -> str:
    """A scalar as clean text, its HTML entities decoded; a list, mapping, boolean or None as nothing."""
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return ""
    return clean(html.unescape(str(value)))


def _blank(value: Any) -> bool:
    return value is None or value in ("", [], {}) or (isinstance(value, str) and not value.strip())
