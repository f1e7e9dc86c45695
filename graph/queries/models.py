"""Result building blocks every query shares: a role's summary, a weighted skill or KPI, evidence, and
the corrections an answer made to the names it was given."""

from __future__ import annotations

from collections.abc import Mapping
from operator import itemgetter
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from graph.model import PLACE_FIELDS, Location, Method, Role, place_words

__all__ = ["Answer", "Correction", "EvidenceRef", "Item", "ItemKind", "RoleSummary", "WEIGHT_RANGE", "WeightedItem"]

ItemKind = Literal["skill", "kpi"]


# The four slots of a pydantic model that model_construct fills, set through their own descriptors
# (half the cost of object.__setattr__ by name).
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @classmethod
    def trusted(cls, fields: dict[str, Any]) -> Self:
        """The model of ``fields`` as they are, checked and converted by nothing.

        For an answer built from data already validated (the graph's models, their typed fields):
        validating it again costs more than building it. ``fields`` must hold every field of the
        model, each as validation would leave it (a nested model as a model, a float as a float) —
        what :meth:`model_construct` makes, without its per-field defaults and aliases.

        Examples
        --------
        >>> fields = {"id": "skill:go", "name": "Go", "kind": "skill", "category": None}
        >>> Item.trusted(fields) == Item.model_validate(fields)
        True
        """
        model = _new(cls)
        _set_dict(model, fields)
        _set_fields_set(model, set(fields))
        _set_extra(model, None)
        _set_private(model, None)
        return model


class Correction(_Result):
    """A name that matched nothing exactly and was read as the closest one (a typo, another word order)."""

    kind: str = Field(description="role, skill, KPI or job family")
    corrected_from: str = Field(description="The name as given.")
    corrected_to: str = Field(description="The name it was read as.")
    id: str
    note: str = Field(description="One sentence to show the reader, e.g. 'SRE Manger' was read as SRE Manager.")


class Answer(_Result):
    """A query's whole answer: it says which of the names it was given it corrected."""

    corrections: list[Correction] = Field(
        default_factory=list, description="Names read as a close match instead of exactly; empty when none."
    )


class RoleSummary(_Result):
    """What a list needs to show a role and link to it."""

    id: str
    title: str
    level: str | None = None
    level_rank: int | None = None
    grade: int | None = None
    track: str | None = None
    family: str | None = None
    specialty: str | None = None
    function: str | None = None

    @classmethod
    def of(cls, role: Role) -> RoleSummary:
        """The summary of ``role``: its fields of the same types, taken as they are (``trusted``).

        >>> from graph.model import Role
        >>> role = Role(id="role:sre", title="SRE Manager", grade=8, track="management")
        >>> RoleSummary.of(role) == RoleSummary.model_validate(role.model_dump(include=set(RoleSummary.model_fields)))
        True
        """
        return cls.trusted(cls.fields_of(role))

    @classmethod
    def fields_of(cls, role: Role) -> dict[str, Any]:
        """The fields :meth:`of` validates, as a dict (for an answer that nests summaries, validated with it).

        >>> from graph.model import Role
        >>> RoleSummary.fields_of(Role(id="role:sre", title="SRE Manager", grade=8))["grade"]
        8
        """
        names = cls.__pydantic_fields__  # model_fields: a property per call
        return dict(zip(names, _summary_values(role.__dict__), strict=True))  # a Role keeps its fields in __dict__


_summary_values = itemgetter(*RoleSummary.__pydantic_fields__)


class EvidenceRef(_Result):
    """Where an edge comes from: file, place (line; page, paragraph; sheet, row, column), the sentence, and
    how it was obtained.

    Examples
    --------
    >>> ref = EvidenceRef.of_edge({"source": "m.xlsx", "line": 0, "sheet": "Matrix", "row": 4, "column": 3,
    ...                            "evidence": "Go | fluent"})
    >>> ref.place, ref.sheet, ref.row, ref.column
    ('sheet Matrix, row 4, column C', 'Matrix', 4, 3)
    """

    source: str | None = None
    line: int | None = None
    page: int | None = Field(default=None, description="1-based page of a PDF.")
    paragraph: int | None = Field(default=None, description="1-based paragraph (of the page for a PDF, of a DOCX).")
    sheet: str | None = Field(default=None, description="The spreadsheet's sheet (XLSX).")
    row: int | None = Field(default=None, description="1-based row of a spreadsheet or table.")
    column: int | None = Field(default=None, description="1-based column of a spreadsheet or table.")
    place: str = Field(
        default="", description="The place in words: 'line 12', 'page 3, paragraph 2', 'sheet Matrix, row 4, column C'."
    )
    sentence: str | None = None
    method: Method = "stated"
    confidence: float = 1.0

    @property
    def location(self) -> Location:
        """The place as a ``Location`` (``location.cite(source)`` is how messages show it)."""
        return Location(line=self.line or 0, **{name: getattr(self, name) for name in PLACE_FIELDS})

    @classmethod
    def of_edge(cls, attrs: Mapping[str, Any] | None) -> EvidenceRef | None:
        """The evidence of an edge's attributes; ``None`` when the edge has no provenance at all."""
        fields = cls.fields_of_edge(attrs)
        return None if fields is None else cls(**fields)

    @staticmethod
    def fields_of_edge(attrs: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """The fields :meth:`of_edge` validates, as a dict (for a model that nests one, validated with it)."""
        if not attrs:
            return None
        get = attrs.get
        return EvidenceRef.fields_of_values(
            get("source"), get("evidence"), get("line"), get("page"), get("paragraph"), get("sheet"), get("row"),
            get("column"), get("method"), get("confidence", 1.0),
        )

    @staticmethod
    def fields_of_values(
        source: str | None,
        sentence: str | None,
        line: int | None,
        page: int | None,
        paragraph: int | None,
        sheet: str | None,
        row: int | None,
        column: int | None,
        method: str | None,
        confidence: float,
    ) -> dict[str, Any] | None:
        """:meth:`fields_of_edge` of an edge's fields given as values, in the order of
        :data:`graph.model.EDGE_EVIDENCE` (as ``OrgGraph.edge_evidence`` gives them)."""
        if not (source or sentence):
            return None
        return {
            "source": source,
            "line": line,
            "page": page,
            "paragraph": paragraph,
            "sheet": sheet,
            "row": row,
            "column": column,
            "place": place_words(line or 0, page, paragraph, sheet, row, column),
            "sentence": sentence,
            "method": method or "stated",
            "confidence": confidence,
        }


class Item(_Result):
    """A skill or KPI by id and name."""

    id: str
    name: str
    kind: ItemKind = "skill"
    category: str | None = None


WEIGHT_RANGE = (0.0, 1.0)
"""The least and the greatest weight a role gives a skill or KPI (``WeightedItem.weight``)."""


class WeightedItem(Item):
    """A skill or KPI with the weight one role gives it and the evidence for it."""

    weight: float = Field(ge=WEIGHT_RANGE[0], le=WEIGHT_RANGE[1])
    evidence: EvidenceRef | None = None
