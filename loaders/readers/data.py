"""Structured data files — JSON, YAML data (not YAML role files), TOML and JavaScript data modules —
as an outline that keeps the data's shape, with the parsed data itself in ``meta["data"]``.

Keys become headings (nesting depth = heading level, at most 6), a short scalar a label line
(``key: value``), a long string a heading and its paragraphs, a list of scalars list items, a list
of records with the same keys a table (keys as header), and other lists a heading per element (its
``title``/``name``/``displayName`` ... if it has one). Every block is at the line of its key or
element. Layout interpreters that look for levels and criteria by shape read ``meta["data"]``.

A list of records whose values include lists of scalars (an export's ``"skills": ["Python", "SQL"]``) is
headings per element as above, and also a table in ``meta["record_tables"]``: a cell per key, a list's
items a line each, every cell at the line of its key (the job catalog layout reads them).

JSON that holds schema.org ``JobPosting`` nodes (a JSON-LD feed of a careers site) or an applicant
tracking system's job export is read as postings instead (:mod:`loaders.readers.jobposting`,
:mod:`loaders.readers.ats`).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from graph.errors import DocumentError
from loaders.base import Reader
from loaders.document import Block, Cell, DocumentOutline, Location, Table
from loaders.readers.ats import ats_postings
from loaders.readers.common import clean, text_block
from loaders.readers.jobposting import find_postings, postings_outline, schema_org_fields
from loaders.readers.jsdata import DataPath, ParsedData, parse_js_module, parse_literal
from loaders.reading import decode

__all__ = ["JSON", "JS", "MAX_BLOCKS", "TOML", "YAML_DATA", "data_location", "outline_from_data"]

MAX_BLOCKS = 200_000  # an outline larger than this (YAML aliases can multiply a small file) is refused
LONG_TEXT = 120  # a string longer than this (or with a line break) is a paragraph, not a label value

_TITLE_KEYS = ("title", "name", "displayName", "display_name", "label", "role", "level", "id")
_TOML_LINE = re.compile(r"at line (\d+)")
_TOML_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)

Scalar = str | int | float | bool | None


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool) or not isinstance(value, dict | list)


def _is_scalar_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_scalar(item) for item in value)


def _cell_text(value: Any) -> str:
    """A record's value as a table cell: a list's items a line each."""
    if _is_scalar_list(value):
        return "\n".join(_text(item) for item in value if not _is_blank(item))
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value if not _is_blank(v))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items() if not _is_blank(v))
    return clean("" if value is None else str(value))


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Builder:
    def __init__(self, lines: dict[DataPath, int], source: str) -> None:
        self.lines = lines
        self.source = source
        self.blocks: list[Block] = []
        self.record_tables: list[Table] = []

    def at(self, path: DataPath) -> Location:
        return data_location(self.lines, path)

    def add(self, block: Block) -> None:
        if len(self.blocks) >= MAX_BLOCKS:
            raise DocumentError(self.source, f"the data gives over {MAX_BLOCKS} blocks (MAX_BLOCKS); split the file")
        self.blocks.append(block)

    def heading(self, text: str, path: DataPath, depth: int) -> None:
        self.add(Block(kind="heading", text=clean(text), at=self.at(path), level=min(depth, 6)))

    def walk(self, value: Any, path: DataPath, depth: int) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                self.member(str(key), item, (*path, key), depth)
        elif isinstance(value, list):
            self.sequence(value, path, depth)
        elif not _is_blank(value):
            self.add(text_block(_text(value), self.at(path)))

    def member(self, key: str, value: Any, path: DataPath, depth: int) -> None:
        if _is_blank(value) or value in ([], {}):
            return
        if _is_scalar(value):
            text = "" if value is None else str(value) if not isinstance(value, bool) else _text(value)
            if len(text) > LONG_TEXT or "\n" in text.strip():
                self.heading(key, path, depth)
                for part in re.split(r"\n\s*\n", text.strip()):
                    self.add(Block(kind="paragraph", text=clean(part), at=self.at(path)))
            else:
                shown = clean(text)
                self.add(Block(kind="label", text=f"{key}: {shown}", at=self.at(path), label=key, value=shown))
            return
        self.heading(key, path, depth)
        self.walk(value, path, depth + 1)

    def sequence(self, values: list[Any], path: DataPath, depth: int) -> None:
        if all(_is_scalar(v) for v in values):
            for index, item in enumerate(values):
                if not _is_blank(item):
                    self.add(text_block(_text(item), self.at((*path, index)), item_depth=1))
            return
        header = _record_keys(values)
        if header is not None:
            self.add(self.table(values, header, path))
            return
        header = _record_keys(values, lists=True)
        if header is not None:
            self.record_tables.append(self.table(values, header, path).table)
        parent = str(path[-1]) if path else "item"
        for index, item in enumerate(values):
            where = (*path, index)
            if isinstance(item, dict):
                title_key = next((k for k in _TITLE_KEYS if _is_short_text(item.get(k))), None)
                self.heading(_text(item[title_key]) if title_key else f"{parent} {index + 1}", where, depth)
                rest = {k: v for k, v in item.items() if k != title_key}
                self.walk(rest, where, depth + 1)
            elif isinstance(item, list):
                self.heading(f"{parent} {index + 1}", where, depth)
                self.sequence(item, where, depth + 1)
            elif not _is_blank(item):
                self.add(text_block(_text(item), self.at(where), item_depth=1))

    def table(self, records: list[dict[str, Any]], header: list[str], path: DataPath) -> Block:
        def row_cells(values: list[str], index: int | None) -> tuple[Cell, ...]:
            return tuple(
                Cell(text, self._cell_at(path, index, header[c], index + 2 if index is not None else 1, c + 1))
                for c, text in enumerate(values)
            )

        rows = tuple(row_cells([_cell_text(r.get(k)) for k in header], i) for i, r in enumerate(records))
        table = Table(header=row_cells(header, None), rows=rows)
        return Block(kind="table", text=str(path[-1]) if path else "", at=self.at(path), table=table)

    def _cell_at(self, path: DataPath, index: int | None, key: str, row: int, column: int) -> Location:
        where = (*path, index, key) if index is not None else path
        return Location(line=self.at(where).line, row=row, column=column)


def data_location(lines: dict[DataPath, int], path: DataPath) -> Location:
    """The line of ``path`` (or of the nearest key above it that has one; line 1 when none has).

    Examples
    --------
    >>> str(data_location({("levels",): 2, ("levels", 0): 3}, ("levels", 0, "name"))), str(data_location({}, ("x",)))
    ('line 3', 'line 1')
    """
    while path and path not in lines:
        path = path[:-1]
    return Location(line=lines.get(path, 1))


def _is_short_text(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool) and 0 < len(str(value).strip()) <= 80


def _record_keys(values: list[Any], *, lists: bool = False) -> list[str] | None:
    """The header of a list that reads as a table: two or more records of scalars sharing a key (with
    ``lists``, of scalars or lists of scalars, one of them a list).

    A record holding a list or a mapping is no table row of the outline: its criteria are kept as items
    under a heading of its own.
    """
    if len(values) < 2 or not all(isinstance(v, dict) and v for v in values):
        return None
    if lists and not any(_is_scalar_list(value) for record in values for value in record.values()):
        return None
    keys: dict[str, None] = {}
    for record in values:
        if not all(_is_scalar(value) or (lists and _is_scalar_list(value)) for value in record.values()):
            return None
        keys.update(dict.fromkeys(str(key) for key in record))
    first = set(values[0])
    if any(not first & set(record) for record in values):
        return None
    return list(keys)


def outline_from_data(data: Any, lines: dict[DataPath, int], source: str, format: str) -> DocumentOutline:
    """The outline of parsed data (``lines`` maps key/index paths to file lines).

    Examples
    --------
    >>> levels = [{"name": "L1", "skills": "Go"}, {"name": "L2"}]
    >>> doc = outline_from_data({"title": "Engineering ladder", "levels": levels}, {}, "l.json", "json")
    >>> doc.title, [(b.kind, b.text, b.level) for b in doc.blocks if b.kind != "table"]
    ('Engineering ladder', [('label', 'title: Engineering ladder', 0), ('heading', 'levels', 1)])
    >>> doc.blocks[-1].table.header_texts, [[c.text for c in r] for r in doc.blocks[-1].table.rows]
    (['name', 'skills'], [['L1', 'Go'], ['L2', '']])
    >>> doc = outline_from_data({"levels": [{"name": "L1", "skills": ["Go", "SQL"]}]}, {}, "l.json", "json")
    >>> [(b.kind, b.text, b.level) for b in doc.blocks]
    [('heading', 'levels', 1), ('heading', 'L1', 2), ('heading', 'skills', 3), ('item', 'Go', 1), ('item', 'SQL', 1)]
    """
    builder = _Builder(lines, source)
    builder.walk(data, (), 1)
    title = next((data[k] for k in _TITLE_KEYS if isinstance(data, dict) and _is_short_text(data.get(k))), None)
    outline = DocumentOutline(
        source=source, format=format, blocks=builder.blocks, title=_text(title) if title else None
    )
    outline.meta["data"] = data
    if builder.record_tables:
        outline.meta["record_tables"] = builder.record_tables
    return outline


# ---------------------------------------------------------------------- the formats


def read_json(data: bytes, source: str) -> DocumentOutline:
    text = decode(data, source)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise DocumentError(source, f"malformed JSON: {err.msg} (column {err.colno})", line=err.lineno) from err
    try:
        lines = parse_literal(text, source).lines
    except DocumentError:  # valid JSON the line finder does not follow: the blocks keep line 1
        lines = {}
    # schema.org job postings (a JSON-LD feed) or an applicant tracking system's job export: read as
    # postings, not as data
    postings = [fields for path in find_postings(value) if (fields := schema_org_fields(value, path))]
    postings = postings or ats_postings(value)
    if postings:
        return postings_outline(postings, lambda path: data_location(lines, path), source, "json")
    return outline_from_data(value, lines, source, "json")


def read_js(data: bytes, source: str) -> DocumentOutline:
    parsed = parse_js_module(decode(data, source), source)
    value = next(iter(parsed.data.values())) if list(parsed.data) == ["default"] else parsed.data
    lines = (
        {path[1:]: line for path, line in parsed.lines.items()} if list(parsed.data) == ["default"] else parsed.lines
    )
    return outline_from_data(value, lines, source, "js-data")


def read_yaml(data: bytes, source: str) -> DocumentOutline:
    parsed = yaml_data(decode(data, source), source)
    return outline_from_data(parsed.data, parsed.lines, source, "yaml-data")


def yaml_data(text: str, source: str) -> ParsedData:
    """YAML documents (one, or a list of several) with the line of every key and element."""
    loader = yaml.SafeLoader(text)
    documents: list[Any] = []
    lines: dict[DataPath, int] = {}
    try:
        nodes = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
        for node in nodes:
            documents.append(loader.construct_document(node))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        reason = getattr(err, "problem", None) or str(err)
        raise DocumentError(source, f"malformed YAML: {reason}", line=mark.line + 1 if mark else None) from err
    finally:
        loader.dispose()
    several = len(nodes) > 1
    for index, node in enumerate(nodes):
        _node_lines(node, (index,) if several else (), lines, set())
    return ParsedData(data=documents if several else (documents[0] if documents else None), lines=lines)


def _node_lines(node: Node, path: DataPath, lines: dict[DataPath, int], seen: set[int]) -> None:
    if id(node) in seen:  # an alias: its lines are those of the anchor
        return
    seen.add(id(node))
    if isinstance(node, MappingNode):
        for key, value in node.value:
            child = (*path, key.value)
            lines[child] = key.start_mark.line + 1
            _node_lines(value, child, lines, seen)
    elif isinstance(node, SequenceNode):
        for index, value in enumerate(node.value):
            lines[(*path, index)] = value.start_mark.line + 1
            _node_lines(value, (*path, index), lines, seen)


def read_toml(data: bytes, source: str) -> DocumentOutline:
    text = decode(data, source)
    try:
        value = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        found = _TOML_LINE.search(str(err))
        raise DocumentError(source, f"malformed TOML: {err}", line=int(found.group(1)) if found else None) from err
    return outline_from_data(value, toml_lines(text), source, "toml")


def toml_lines(text: str) -> dict[DataPath, int]:
    """The line of every table header and key of a TOML file (``[[array]]`` tables by index).

    Examples
    --------
    >>> text = 'title = "x"\\n[[levels]]\\nname = "L1"\\n[[levels]]\\nname = "L2"\\n'
    >>> toml_lines(text)  # doctest: +NORMALIZE_WHITESPACE
    {('title',): 1, ('levels',): 2, ('levels', 0): 2, ('levels', 0, 'name'): 3,
     ('levels', 1): 4, ('levels', 1, 'name'): 5}
    """
    lines: dict[DataPath, int] = {}
    counts: dict[DataPath, int] = {}
    table: DataPath = ()
    for number, line in enumerate(text.split("\n"), start=1):
        header = _TOML_HEADER.match(line)
        if header:
            keys = _toml_keys(header.group(2))
            lines.setdefault(keys, number)
            if header.group(1) == "[[":
                index = counts.get(keys, 0)
                counts[keys] = index + 1
                table = (*keys, index)
                lines[table] = number
            else:
                table = keys
            continue
        key = _TOML_KEY.match(line)
        if key:
            lines.setdefault((*table, *_toml_keys(key.group(1))), number)
    return lines


def _toml_keys(dotted: str) -> DataPath:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', dotted)
    return tuple(next(p for p in part if p) if any(part) else "" for part in parts)


def _reader(name: str, extensions: tuple[str, ...], read: Callable[[bytes, str], DocumentOutline], what: str, lib: str):
    return Reader(name=name, extensions=extensions, read=read, description=what, library=lib)


JSON = _reader(
    "json",
    (".json", ".jsonld"),
    read_json,
    "JSON data (progression frameworks, exports) and schema.org JobPosting JSON-LD.",
    "Python json module",
)
YAML_DATA = _reader(
    "yaml-data", (".yaml", ".yml"), read_yaml, "YAML data that is no orgkg role file (frameworks, ladders).", "PyYAML"
)
TOML = _reader("toml", (".toml",), read_toml, "TOML data.", "Python tomllib")
JS = _reader(
    "js-data",
    (".js", ".mjs", ".cjs", ".ts"),
    read_js,
    "Object and array literals in JavaScript modules.",
    "orgkg (tokenizer)",
)
