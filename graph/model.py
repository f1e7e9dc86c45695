"""The typed model: what loaders produce and what the graph, the stores and the queries read.

Two layers live here:

* **Parsed documents** (``ParsedDocument``, ``ParsedRole``, ``Mention``, ``RoleRef``): what a loader
  found in one file, with titles still as text. Loaders produce these and nothing else.
* **The graph snapshot** (``Snapshot`` with ``Role``, ``Skill``, ``KPI``, ... and ``Relationship``):
  resolved nodes with deterministic ids and typed relationships carrying their provenance. The
  networkx graph, the Cypher stores and the exports are all built from a snapshot.

This module imports nothing from the project, so every layer may depend on it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "KPI",
    "SNAPSHOT_VERSION",
    "Evidence",
    "FamilyRef",
    "FunctionEntry",
    "JobFamily",
    "KPIEntry",
    "LoadProblem",
    "LoadResult",
    "Location",
    "Mention",
    "Method",
    "Placed",
    "NodeLabel",
    "PLACE_FIELDS",
    "EDGE_EVIDENCE",
    "place_words",
    "ParsedDocument",
    "ParsedRole",
    "RelType",
    "Relationship",
    "Role",
    "RoleRef",
    "Section",
    "SectionKind",
    "Skill",
    "SkillCategory",
    "Snapshot",
    "Source",
    "Taxonomy",
    "TaxonomyEntry",
]

Method = Literal["stated", "extracted", "inferred"]
Track = Literal["ic", "management"]
Severity = Literal["error", "warning"]

SNAPSHOT_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SectionKind(StrEnum):
    """What a section of a role document is about, whatever its heading says."""

    SUMMARY = "summary"
    RESPONSIBILITIES = "responsibilities"
    SKILLS = "skills"
    REQUIREMENTS = "requirements"
    NICE_TO_HAVE = "nice_to_have"
    KPIS = "kpis"
    CAREER = "career"
    GRADE = "grade"
    OTHER = "other"
    PROCESS = "process"


def column_letters(number: int) -> str:
    """A spreadsheet's name for the 1-based column ``number``: 1 → A, 27 → AA.

    Examples
    --------
    >>> column_letters(1), column_letters(3), column_letters(26), column_letters(28)
    ('A', 'C', 'Z', 'AB')
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class Location(BaseModel):
    """Where something is in a document, as a person can follow it.

    ``line`` (1-based) for text formats, 0 when the format has none; ``page`` and ``paragraph`` for
    PDF and Word documents; ``sheet``, ``row`` and ``column`` (1-based numbers) for spreadsheets and
    tables. Any that apply are set. ``str()`` is the place in words; in a spreadsheet the column is
    named by its letter, as the spreadsheet shows it.

    Examples
    --------
    >>> str(Location(line=12)), str(Location(page=3, paragraph=4)), str(Location(sheet="Levels", row=5, column=2))
    ('line 12', 'page 3, paragraph 4', 'sheet Levels, row 5, column B')
    >>> str(Location(line=6, row=6, column=3)), str(Location())
    ('line 6, row 6, column 3', '')
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    line: int = Field(default=0, ge=0)
    page: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=1)
    sheet: str | None = None
    row: int | None = Field(default=None, ge=1)
    column: int | None = Field(default=None, ge=1)

    def __str__(self) -> str:
        parts = [f"line {self.line}"] if self.line and self.page is None and self.sheet is None else []
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet}")
        for name in ("page", "paragraph", "row"):
            if getattr(self, name) is not None:
                parts.append(f"{name} {getattr(self, name)}")
        if self.column is not None:
            parts.append(f"column {column_letters(self.column) if self.sheet is not None else self.column}")
        return ", ".join(parts)

    def cite(self, path: str) -> str:
        """``path`` with this place, as messages show it: ``roles.md:4``, ``m.pdf (page 2, paragraph 1)``."""
        if self.beyond_line:
            return f"{path} ({self})"
        return f"{path}:{self.line}" if self.line else path

    @property
    def beyond_line(self) -> dict[str, int | str]:
        """The place fields beyond ``line`` that are set (for ``Evidence``, ``LoadProblem`` ...)."""
        return {name: getattr(self, name) for name in PLACE_FIELDS if getattr(self, name) is not None}


PLACE_FIELDS = ("page", "paragraph", "sheet", "row", "column")
# A relationship's provenance, in the order ``EvidenceRef.fields_of_values`` takes it (graph.queries.models).
EDGE_EVIDENCE = ("source", "evidence", "line", *PLACE_FIELDS, "method", "confidence")


@lru_cache(maxsize=4096)  # few distinct places (lines, pages, cells) recur over many facts and edges
def place_words(
    line: int,
    page: int | None = None,
    paragraph: int | None = None,
    sheet: str | None = None,
    row: int | None = None,
    column: int | None = None,
) -> str:
    """``str(Location(...))`` of these fields: the place in words, made once per distinct place.

    Examples
    --------
    >>> place_words(4), place_words(0, sheet="Matrix", row=4, column=3)
    ('line 4', 'sheet Matrix, row 4, column C')
    """
    return str(Location(line=line, page=page, paragraph=paragraph, sheet=sheet, row=row, column=column))


class Placed(_Model):
    """The place fields a fact or a problem carries beyond its ``line``: page, paragraph, sheet, row, column.

    They are set for binary formats (PDF/DOCX pages and paragraphs, XLSX/CSV sheets, rows, columns)
    and for table cells; ``place`` says it in words (``"page 3, paragraph 2"``).
    """

    page: int | None = Field(default=None, ge=1, description="1-based page (PDF) of the fact, if any.")
    paragraph: int | None = Field(
        default=None, ge=1, description="1-based paragraph (of the page for PDF, of the document for DOCX)."
    )
    sheet: str | None = Field(default=None, description="The spreadsheet's sheet (XLSX), if any.")
    row: int | None = Field(default=None, ge=1, description="1-based row of a spreadsheet or table, if any.")
    column: int | None = Field(default=None, ge=1, description="1-based column of a spreadsheet or table, if any.")

    @property
    def location(self) -> Location:
        line = getattr(self, "line", 0) or 0
        return Location(line=line, **{name: getattr(self, name) for name in PLACE_FIELDS})

    @property
    def place(self) -> str:
        """Where it is, in words: ``"line 12"``, ``"page 3, paragraph 2"``, ``"sheet Matrix, row 4, column C"``."""
        line = getattr(self, "line", 0) or 0
        return place_words(line, self.page, self.paragraph, self.sheet, self.row, self.column)


class Evidence(Placed):
    """Where a fact comes from: the file, the place in it, the sentence and how it was obtained.

    Examples
    --------
    >>> at = Evidence.at("m.xlsx", Location(sheet="Matrix", row=4, column=3), "Go: fluent")
    >>> at.line, at.sheet, at.row, at.column, at.place
    (0, 'Matrix', 4, 3, 'sheet Matrix, row 4, column C')
    """

    source: str = Field(description="Path of the source document, relative to the load root.")
    line: int = Field(ge=0, description="1-based line of the sentence; 0 when the fact has no line.")
    evidence: str = Field(description="The sentence (or rule, for inferred facts) behind the fact.")
    method: Method = "stated"
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    @classmethod
    def at(cls, source: str, where: Location | int, evidence: str, **extra) -> Evidence:
        """Evidence for ``evidence`` at ``where`` (a ``Location``, or a bare line for text formats)."""
        if isinstance(where, int):
            return cls(source=source, line=where, evidence=evidence, **extra)
        return cls(source=source, line=where.line, evidence=evidence, **where.beyond_line, **extra)


# --------------------------------------------------------------------------- parsed documents


class Mention(_Model):
    """A skill or KPI named by a document, before it is resolved to a node."""

    name: str
    section: SectionKind
    at: Evidence
    importance: float | None = Field(
        default=None, description="Weight stated by the document (YAML `importance`), if any."
    )


class RoleRef(_Model):
    """A reference to another role by its title, as the document wrote it."""

    title: str
    at: Evidence


class FamilyRef(_Model):
    """A reference to a whole job family (``can also move to roles in the X job family``)."""

    name: str
    at: Evidence


class Section(_Model):
    """A section of a role's document: its heading, kind and text, starting at ``line``.

    For text formats line ``n`` of ``text`` is the file's line ``line + n``. For binary formats
    (DOCX, PDF, XLSX), whose blocks have no file line, ``places`` holds the place of each line of
    ``text`` instead.

    Examples
    --------
    >>> Section(name="Skills", kind="skills", text="Go\\nSQL", line=4).location_of(1)
    Location(line=5, page=None, paragraph=None, sheet=None, row=None, column=None)
    >>> str(Section(name="Skills", kind="skills", text="Go\\nSQL", line=0,
    ...             places=[Location(page=1, paragraph=3), Location(page=1, paragraph=4)]).location_of(1))
    'page 1, paragraph 4'
    """

    name: str = Field(description="The heading as written.")
    kind: SectionKind
    text: str
    line: int
    places: list[Location] = Field(
        default_factory=list, description="The place of each line of text, for formats without file lines."
    )

    def location_of(self, offset: int) -> Location:
        """The place of line ``offset`` (0-based) of the section's text."""
        if self.places:
            return self.places[min(max(offset, 0), len(self.places) - 1)]
        return Location(line=max(self.line + offset, 0))


class ParsedRole(Placed):
    """One role as one document describes it; ``line`` (or page, sheet, row ...) is where it is defined."""

    title: str
    source: str
    line: int
    aliases: list[str] = Field(default_factory=list)
    level_aliases: list[str] = Field(
        default_factory=list,
        description="Names that hold only inside the role's ladder (its generic level name: 'Senior', 'L3');"
        " never merged on, resolved only from the same ladder or family.",
    )
    ladder: str | None = Field(default=None, description="The ladder of its document the role is a level of.")
    summary: str = ""
    level: str | None = None
    grade: int | None = None
    family: str | None = None
    department: str | None = Field(
        default=None, description="The department, division or function the document names the role in."
    )
    track: Track | None = Field(default=None, description="The ladder track the document states (ic or management).")
    track_at: Evidence | None = Field(default=None, description="Where the document states the track.")
    specialty: str | None = None
    specializes: RoleRef | None = Field(default=None, description="Base role of a specialty.")
    sections: list[Section] = Field(default_factory=list)
    skills: list[Mention] = Field(default_factory=list)
    kpis: list[Mention] = Field(default_factory=list)
    reports_to: list[RoleRef] = Field(default_factory=list)
    direct_reports: list[RoleRef] = Field(default_factory=list)
    promotes_to: list[RoleRef] = Field(default_factory=list)
    lateral: list[RoleRef] = Field(default_factory=list)
    lateral_families: list[FamilyRef] = Field(default_factory=list)


class LoadProblem(Placed):
    """Something wrong with an input file. Errors skip the file (or part of it); warnings do not.

    Its place is ``line`` for text formats and the page, sheet, row ... fields for binary ones.

    Examples
    --------
    >>> str(LoadProblem(path="roles.md", line=4, message="bad"))
    'roles.md:4: error: bad'
    >>> str(LoadProblem(path="m.xlsx", sheet="Matrix", row=2, column=3, message="bad cell"))
    'm.xlsx (sheet Matrix, row 2, column C): error: bad cell'
    """

    path: str
    line: int | None = None
    message: str
    severity: Severity = "error"
    cause: str | None = None  # what kind of problem it is, for ``orgkg validate`` to group by

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"

    @property
    def where(self) -> str:
        """The path with the place: ``roles.md:4`` for a line alone, ``m.pdf (page 2)`` otherwise."""
        return self.location.cite(self.path)


class Source(_Model):
    id: str
    path: str
    format: str
    sha256: str


class ParsedDocument(_Model):
    source: Source
    roles: list[ParsedRole] = Field(default_factory=list)
    family: str | None = None
    problems: list[LoadProblem] = Field(default_factory=list)


class LoadResult(_Model):
    documents: list[ParsedDocument] = Field(default_factory=list)
    problems: list[LoadProblem] = Field(default_factory=list)

    @property
    def roles(self) -> list[ParsedRole]:
        return [role for doc in self.documents for role in doc.roles]

    @property
    def all_problems(self) -> list[LoadProblem]:
        return self.problems + [p for doc in self.documents for p in doc.problems]


# --------------------------------------------------------------------------- taxonomies


class TaxonomyEntry(_Model):
    """A canonical skill with the other names documents use for it."""

    name: str
    category: str
    aliases: list[str] = Field(default_factory=list)
    context: list[str] = Field(
        default_factory=list,
        description="Words one of which a sentence must name for a one-word naming of this skill to count.",
    )


class KPIEntry(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    description: str = ""


class FunctionEntry(_Model):
    """A node of the function hierarchy (SRE ⊂ Reliability ⊂ Infrastructure ⊂ Engineering).

    ``keywords`` are the words and phrases of a role title that place the role in this function.
    """

    name: str
    parent: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Taxonomy(_Model):
    skills: list[TaxonomyEntry] = Field(default_factory=list)
    kpis: list[KPIEntry] = Field(default_factory=list)
    functions: list[FunctionEntry] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="The files it was read from.")


# --------------------------------------------------------------------------- graph snapshot


class NodeLabel(StrEnum):
    ROLE = "Role"
    JOB_FAMILY = "JobFamily"
    SKILL = "Skill"
    SKILL_CATEGORY = "SkillCategory"
    KPI = "KPI"
    SOURCE = "Source"


class RelType(StrEnum):
    REQUIRES_SKILL = "REQUIRES_SKILL"
    MEASURED_BY = "MEASURED_BY"
    REPORTS_TO = "REPORTS_TO"
    PROMOTES_TO = "PROMOTES_TO"
    CAN_MOVE_TO = "CAN_MOVE_TO"
    SPECIALIZES = "SPECIALIZES"
    IN_FAMILY = "IN_FAMILY"
    IN_CATEGORY = "IN_CATEGORY"
    DEFINED_IN = "DEFINED_IN"


class Role(_Model):
    id: str
    title: str
    aliases: list[str] = Field(default_factory=list, description="Every other name, the level aliases too.")
    level_aliases: list[str] = Field(
        default_factory=list,
        description="The aliases that name it only inside its ladder ('Senior'); a bare one names no single role.",
    )
    ladder: str | None = Field(default=None, description="The ladder its level aliases belong to.")
    summary: str = ""
    level: str | None = None
    level_rank: int | None = None
    track: Track | None = None
    track_at: Evidence | None = Field(
        default=None, description="The sentence or column header that puts it on its track, when a document does."
    )
    grade: int | None = None
    family: str | None = None
    department: str | None = Field(default=None, description="The department or division a document names it in.")
    specialty: str | None = None
    function: str | None = None
    sources: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class JobFamily(_Model):
    id: str
    name: str


class Skill(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    category: str | None = None
    in_taxonomy: bool = True


class SkillCategory(_Model):
    id: str
    name: str


class KPI(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    description: str = ""
    in_taxonomy: bool = True


class Relationship(Placed):
    """A typed edge. Every edge that comes from a document carries its provenance (file, place, sentence)."""

    type: RelType
    start: str
    end: str
    source: str | None = None
    line: int | None = None
    evidence: str | None = None
    method: Method = "stated"
    confidence: float = 1.0
    weight: float | None = Field(default=None, description="Importance of a REQUIRES_SKILL edge.")
    mentions: int | None = Field(default=None, description="How often the text names the skill or KPI.")

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.start, self.type.value, self.end)

    @classmethod
    def with_evidence(cls, rel_type: RelType, start: str, end: str, at: Evidence, **extra) -> Relationship:
        """An edge carrying the provenance of ``at``."""
        return cls(type=rel_type, start=start, end=end, **at.__dict__, **extra)  # its fields: model_dump, uncopied


class Snapshot(_Model):
    """The whole graph as built from one load: what the server, the exports and the stores read."""

    version: int = SNAPSHOT_VERSION
    built_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    inputs: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    families: list[JobFamily] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    categories: list[SkillCategory] = Field(default_factory=list)
    kpis: list[KPI] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    functions: list[FunctionEntry] = Field(
        default_factory=list, description="The function hierarchy roles were placed in (from the taxonomy)."
    )
    problems: list[LoadProblem] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list, description="Findings of the build for `orgkg validate` (merge candidates ...)."
    )

    def nodes(self) -> list[tuple[NodeLabel, BaseModel]]:
        """Every node with its label, in the order a writer creates them."""
        groups: list[tuple[NodeLabel, list]] = [
            (NodeLabel.SOURCE, self.sources),
            (NodeLabel.JOB_FAMILY, self.families),
            (NodeLabel.SKILL_CATEGORY, self.categories),
            (NodeLabel.SKILL, self.skills),
            (NodeLabel.KPI, self.kpis),
            (NodeLabel.ROLE, self.roles),
        ]
        return [(label, node) for label, items in groups for node in items]

    def counts(self) -> dict[str, int]:
        counts = {label.value: 0 for label in NodeLabel}
        for label, _ in self.nodes():
            counts[label.value] += 1
        for rel_type in RelType:
            counts[rel_type.value] = 0
        for rel in self.relationships:
            counts[rel.type.value] += 1
        return counts
