"""Relationships as columns: no Python object per relationship, one small array per field.

A snapshot of 10,000 roles holds about 180,000 relationships; a pydantic ``Relationship`` each costs
seconds to build and hundreds of megabytes to keep. :class:`RelationshipTable` keeps each field of
``Relationship`` (whatever fields the model has: a new one simply becomes a new column) as its distinct
values plus one integer code per row, the way a columnar file does. The indexes of ``OrgGraph`` are
built from the codes; a ``Relationship`` (or an edge's attribute dict) is made only for the rows a
caller asks for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import orjson
from pydantic import TypeAdapter, ValidationError

from graph.errors import SnapshotError
from graph.model import Relationship

__all__ = ["ENDPOINTS", "RelationshipTable"]

# The fields that make an edge what it is; the others are its attributes (provenance, weight ...).
ENDPOINTS = ("type", "start", "end")

_RELATIONSHIPS = TypeAdapter(list[Relationship])


def _key(value: Any) -> Any:
    """A hashable stand-in for a JSON value (lists and objects by their bytes)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS) if isinstance(value, dict | list) else (type(value), value)


def _fields() -> list[str]:
    return list(Relationship.model_fields)


class RelationshipTable:
    """Every relationship of a snapshot, by column.

    Each column is ``(values, codes)``: the field's distinct JSON values and, per row, the index of the
    row's value. Rows keep the snapshot's order.

    Examples
    --------
    >>> from graph.model import RelType
    >>> table = RelationshipTable.from_models([
    ...     Relationship(type=RelType.PROMOTES_TO, start="role:a", end="role:b", source="a.md", line=3),
    ...     Relationship(type=RelType.PROMOTES_TO, start="role:b", end="role:c", source="a.md", line=9)])
    >>> len(table), table.values("source"), table.value("line", 1)
    (2, ['a.md'], 9)
    >>> table.attrs(0)["line"], table.to_models()[1].end
    (3, 'role:c')
    """

    __slots__ = ("_attr_columns", "_columns", "_size")

    def __init__(self, columns: dict[str, tuple[list[Any], np.ndarray]], size: int) -> None:
        for name, (values, codes) in columns.items():
            if len(codes) != size or (size and (codes.min() < 0 or codes.max() >= len(values))):
                raise SnapshotError(f"the relationship column {name!r} does not match the {size} relationships")
        self._columns = columns
        self._size = size
        # The attribute columns with a memoryview of their codes: indexing one gives a Python int at
        # once (a numpy array makes a numpy scalar first), which is most of what ``attrs`` costs.
        self._attr_columns = [
            (name, values, memoryview(np.ascontiguousarray(codes, dtype=np.int32)))
            for name, (values, codes) in columns.items()
            if name not in ENDPOINTS
        ]

    # ------------------------------------------------------------------ making one

    @classmethod
    def from_rows(cls, rows: Sequence[dict[str, Any]]) -> RelationshipTable:
        """The table of relationships given as JSON-mode dicts (``Relationship.model_dump(mode="json")``)."""
        columns: dict[str, tuple[list[Any], np.ndarray]] = {}
        names = list(dict.fromkeys([*_fields(), *(name for row in rows[:1] for name in row)]))
        for name in names:
            cells = [row.get(name) for row in rows]
            if any(issubclass(kind, dict | list) for kind in set(map(type, cells))):
                keys = [_key(value) for value in cells]
            else:  # scalars only: _key's (type, value) pairs, made without a call per cell
                keys = list(zip(map(type, cells), cells, strict=True))
            index: dict[Any, int] = {}  # a value's key → its code, in order of first use
            codes = [index.setdefault(key, len(index)) for key in keys]  # len(index): the next code, when new
            first = dict(zip(reversed(keys), reversed(cells), strict=True))  # a key → its value as first met
            columns[name] = ([first[key] for key in index], np.array(codes, dtype=np.int32))
        return cls(columns, len(rows))

    @classmethod
    def from_models(cls, relationships: Sequence[Relationship]) -> RelationshipTable:
        return cls.from_rows(_RELATIONSHIPS.dump_python(list(relationships), mode="json"))

    @classmethod
    def from_json(cls, data: Any) -> RelationshipTable:
        """The table from :meth:`to_json`'s form; a :class:`SnapshotError` when it is not that form."""
        try:
            size = int(data["count"])
            columns = {
                str(name): (list(column["values"]), np.asarray(column["codes"], dtype=np.int32))
                for name, column in data["columns"].items()
            }
        except (KeyError, TypeError, ValueError) as err:
            raise SnapshotError(f"the relationships are not in columns: {err}") from err
        for name in ENDPOINTS:
            if name not in columns:
                raise SnapshotError(f"the relationships have no {name!r} column")
        return cls(columns, size)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"count": n, "columns": {field: {"values": [...], "codes": [...]}}}``."""
        return {
            "count": self._size,
            "columns": {name: {"values": values, "codes": codes} for name, (values, codes) in self._columns.items()},
        }

    # ------------------------------------------------------------------ reading it

    def __len__(self) -> int:
        return self._size

    @property
    def names(self) -> list[str]:
        return list(self._columns)

    def values(self, name: str) -> list[Any]:
        """The distinct values of column ``name`` (an absent column: its model default only)."""
        return self._column(name)[0]

    def codes(self, name: str) -> np.ndarray:
        return self._column(name)[1]

    def _column(self, name: str) -> tuple[list[Any], np.ndarray]:
        column = self._columns.get(name)
        if column is None:  # a field added to the model after the file was written: its default
            field = Relationship.model_fields.get(name)
            if field is None:
                raise KeyError(name)
            default = field.get_default(call_default_factory=True)
            column = ([default], np.zeros(self._size, dtype=np.int32))
        return column

    def value(self, name: str, row: int) -> Any:
        values, codes = self._column(name)
        return values[codes[row]]

    def column(self, name: str, rows: np.ndarray | None = None) -> list[Any]:
        """The values of ``name`` at ``rows`` (every row by default), in that order."""
        values, codes = self._column(name)
        picked = codes if rows is None else codes[rows]
        return [values[code] for code in picked.tolist()]

    def rows_of(self, types: Iterable[str]) -> np.ndarray:
        """Row numbers of the relationships of ``types``, in snapshot order."""
        values, codes = self._columns["type"]
        wanted = [code for code, value in enumerate(values) if value in set(types)]
        return np.flatnonzero(np.isin(codes, wanted))

    def attrs(self, row: int) -> dict[str, Any]:
        """Row ``row`` as an edge's attributes: every field but type, start and end."""
        return {name: values[codes[row]] for name, values, codes in self._attr_columns}

    def tuples(self, names: Sequence[str]) -> list[tuple[Any, ...]]:
        """Every row's values of columns ``names``, in that order: one tuple a row, for a caller that reads a
        few known fields of many rows (a tuple holds the column's values; no dict per row).

        >>> from graph.model import RelType
        >>> table = RelationshipTable.from_models([Relationship(type=RelType.PROMOTES_TO, start="role:a",
        ...                                                     end="role:b", source="a.md", line=3)])
        >>> table.tuples(("line", "source", "confidence"))
        [(3, 'a.md', 1.0)]
        """
        return list(zip(*(self.column(name) for name in names), strict=True))

    def counts(self) -> dict[str, int]:
        """How many relationships of each type."""
        values, codes = self._columns["type"]
        tally = np.bincount(codes, minlength=len(values)).tolist()
        return {value: n for value, n in zip(values, tally, strict=True) if n}

    def rows(self, rows: Iterable[int] | None = None) -> Iterator[dict[str, Any]]:
        """Rows as JSON-mode dicts of every column."""
        numbers = range(self._size) if rows is None else rows
        columns = [(name, values, codes.tolist()) for name, (values, codes) in self._columns.items()]
        for row in numbers:
            yield {name: values[codes[row]] for name, values, codes in columns}

    def to_models(self) -> list[Relationship]:
        """Every row as a ``Relationship`` (validated: a column the model does not know is an error)."""
        try:
            return _RELATIONSHIPS.validate_python(list(self.rows()))
        except ValidationError as err:
            raise SnapshotError(f"the relationships do not fit this orgkg's model: {err.errors()[0]['msg']}") from err
