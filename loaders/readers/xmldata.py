"""XML files — the job feeds HR systems publish (Personio's ``/xml`` feed, the Indeed-format feed most
applicant tracking systems syndicate jobs in) and XML exports of a job catalog — as data: each element a
key of its parent (repeated elements a list, attributes keys too), text its value, every value at the line
of its element. A feed's jobs are read as postings (:mod:`loaders.readers.ats`); other XML is data like
JSON (:func:`loaders.readers.data.outline_from_data`), so a catalog export's records are a table.

An element whose children are HTML (``<description><p>…</p><ul>…</ul></description>``) is that markup as
its value, as a CDATA section's is. A document type declaration is refused (entities could expand a small
file without bound, or read other files), as is nesting deeper than :data:`MAX_DEPTH`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from graph.errors import DocumentError
from loaders.base import Reader
from loaders.document import DocumentOutline
from loaders.readers.ats import ats_postings
from loaders.readers.data import data_location, outline_from_data
from loaders.readers.jobposting import postings_outline
from loaders.readers.jsdata import DataPath

__all__ = ["MAX_DEPTH", "XML", "read_xml", "xml_data"]

MAX_DEPTH = 100
_HTML_TAGS = frozenset({"p", "br", "ul", "ol", "li", "div", "span", "strong", "b", "em", "i", "u", "table"} | {
    f"h{n}" for n in range(1, 7)
})


@dataclass
class _Element:
    tag: str
    attributes: dict[str, str]
    line: int
    content_start: int  # byte offset just after the start tag
    children: list[_Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    markup: str | None = None  # the inner markup, for an element holding HTML


def xml_data(data: bytes, source: str) -> tuple[Any, dict[DataPath, int]]:
    """The data of an XML document (its root element's) and the line of each of its paths.

    Examples
    --------
    >>> doc = b'<jobs>\\n<job id="7">\\n<title>Data Engineer</title>\\n</job>\\n'
    >>> doc += b'<job><title>Analyst</title></job>\\n</jobs>'
    >>> value, lines = xml_data(doc, "j.xml")
    >>> value, lines[("job", 0, "title")], lines[("job", 1)]
    ({'job': [{'id': '7', 'title': 'Data Engineer'}, {'title': 'Analyst'}]}, 3, 5)
    >>> xml_data(b'<jobs><job><description><p>Build <b>pipelines</b></p></description></job></jobs>', "j.xml")[0]
    {'job': {'description': '<p>Build <b>pipelines</b></p>'}}
    """
    root = _parse(data, source)
    lines: dict[DataPath, int] = {}
    return _value(root, (), lines), lines


def read_xml(data: bytes, source: str) -> DocumentOutline:
    value, lines = xml_data(data, source)
    postings = ats_postings(value)
    if postings:  # a job feed
        return postings_outline(postings, lambda path: data_location(lines, path), source, "xml")
    return outline_from_data(value, lines, source, "xml")


def _parse(data: bytes, source: str) -> _Element:
    parser = expat.ParserCreate()
    stack: list[_Element] = []
    done: list[_Element] = []

    def start(tag: str, attributes: dict[str, str]) -> None:
        if len(stack) >= MAX_DEPTH:
            raise DocumentError(source, f"XML nested deeper than {MAX_DEPTH} elements", line=parser.CurrentLineNumber)
        at = parser.CurrentByteIndex
        end = data.find(b">", at)
        names = {_local(key): value for key, value in attributes.items()}
        element = _Element(_local(tag), names, parser.CurrentLineNumber, end + 1)
        if stack:
            stack[-1].children.append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        element = stack.pop()
        if element.children and any(child.tag in _HTML_TAGS for child in element.children):
            raw = data[element.content_start : parser.CurrentByteIndex]
            element.markup = raw.decode("utf-8", "replace").strip()
        done.append(element)

    def text(value: str) -> None:
        if stack:
            stack[-1].text.append(value)

    def refuse(*_args: Any) -> None:
        raise DocumentError(
            source, "XML with a document type declaration is not read (its entities could expand without bound)",
            line=parser.CurrentLineNumber,
        )

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise DocumentError(source, f"malformed XML: {expat.errors.messages[err.code]}", line=err.lineno) from err
    if not done:
        raise DocumentError(source, "no XML element found", line=1)
    return done[-1]  # the root ends last


def _local(name: str) -> str:
    """A tag or attribute without its namespace prefix."""
    return name.rpartition(":")[2]


def _value(element: _Element, path: DataPath, lines: dict[DataPath, int]) -> Any:
    lines.setdefault(path, element.line)
    if element.markup is not None:
        return element.markup
    if not element.children:
        text = "".join(element.text).strip()
        return text if text or not element.attributes else dict(element.attributes)
    value: dict[str, Any] = dict(element.attributes)
    counts: dict[str, int] = {}
    for child in element.children:
        counts[child.tag] = counts.get(child.tag, 0) + 1
    seen: dict[str, int] = {}
    for child in element.children:
        if counts[child.tag] == 1:
            value[child.tag] = _value(child, (*path, child.tag), lines)
            continue
        index = seen[child.tag] = seen.get(child.tag, -1) + 1
        if index == 0:
            value[child.tag] = []
            lines.setdefault((*path, child.tag), child.line)
        value[child.tag].append(_value(child, (*path, child.tag, index), lines))
    return value


XML = Reader(
    name="xml",
    extensions=(".xml",),
    read=read_xml,
    description="XML job feeds (Personio, the Indeed format ATSs syndicate) and XML exports, as data.",
    library="Python expat (no document type declarations)",
    binary=True,  # expat decodes the bytes as the XML declaration says (encoding="ISO-8859-1" ...)
)
