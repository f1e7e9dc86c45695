"""Roles that say they extend another role inherit its skills and KPIs.

Job-family pages often define a role by reference: "The Senior Engineering Manager, Development role
extends the Engineering Manager role", "requirements match those of Senior Manager, Engineering". When
the referenced role is loaded, its skill and KPI links are copied to the extending role, as
``method="inferred"`` facts whose evidence is the sentence that says so.
"""

from __future__ import annotations

import re

from graph.model import PLACE_FIELDS, Location, Relationship, RelType
from graph.pipeline.merge import RoleGroup, TitleIndex

__all__ = ["inherited_facts", "EXTENDS"]

# The verb in any case ("Extends the Engineering Manager role" opens many lines; "Extends that of the
# Distinguished Engineer requirements" names a role of the same page), the title capitalised
# (its connectors "of", "and", "&" excepted): the capitals are where the title ends.
EXTENDS = re.compile(
    r"\b(?i:extends?|match(?:es)?)\s+(?i:(?:those|that)\s+of\s+)?(?i:the\s+)?"
    r"(?P<title>[A-Z][\w&/-]*(?:(?:[ ,]+|\s+(?:of|and|&)\s+)[A-Z][\w&/-]*)*)(?:\s+(?i:role))?",
)
_FACT_TYPES = (RelType.REQUIRES_SKILL, RelType.MEASURED_BY)


def inherited_facts(groups: list[RoleGroup], index: TitleIndex, facts: list[Relationship]) -> list[Relationship]:
    """Skill and KPI links that extending roles inherit, transitively, without overriding their own.

    Examples
    --------
    >>> from graph.model import ParsedRole, Section, SectionKind
    >>> from graph.pipeline.merge import merge_roles
    >>> text = "Senior Engineering Manager, Development requirements match those of Senior Manager, Engineering."
    >>> groups = merge_roles([
    ...     ParsedRole(title="Senior Manager, Engineering", source="a.md", line=1),
    ...     ParsedRole(title="Senior Engineering Manager, Development", source="b.md", line=5,
    ...                sections=[Section(name="Requirements", kind=SectionKind.REQUIREMENTS, text=text, line=9)])])
    >>> own = [Relationship(type=RelType.REQUIRES_SKILL, start=groups[0].id, end="skill:hiring", weight=1.0)]
    >>> [(r.start, r.end, r.method, r.line) for r in inherited_facts(groups, TitleIndex(groups), own)]
    [('role:senior-engineering-manager-development', 'skill:hiring', 'inferred', 9)]
    """
    have: dict[str, dict[tuple[RelType, str], Relationship]] = {}
    for fact in facts:
        if fact.type in _FACT_TYPES:
            have.setdefault(fact.start, {})[(fact.type, fact.end)] = fact
    links = [(group, parent, at) for group in groups for parent, at in _extended_roles(group, index)]
    added: list[Relationship] = []
    for _ in range(len(links)):  # enough rounds for any chain of extensions
        new = [_inherit(group, parent, at, have) for group, parent, at in links]
        new_facts = [fact for batch in new for fact in batch]
        if not new_facts:
            break
        added += new_facts
    return added


def _extended_roles(group: RoleGroup, index: TitleIndex):
    for part in group.parts:
        for section in part.sections:
            for offset, line_text in enumerate(section.text.splitlines()):
                for match in EXTENDS.finditer(line_text):
                    parent = index.find(match["title"], part)
                    if parent is not None and parent is not group:
                        yield parent, (part.source, section.location_of(offset), line_text.strip())


def _inherit(group: RoleGroup, parent: RoleGroup, at: tuple[str, Location, str], have: dict) -> list[Relationship]:
    source, where, sentence = at
    own = have.setdefault(group.id, {})
    new = []
    for key, fact in list(have.get(parent.id, {}).items()):
        if key in own:
            continue
        inherited = fact.model_copy(
            update={
                "start": group.id,
                "source": source,
                "line": where.line,
                **{name: None for name in PLACE_FIELDS},
                **where.beyond_line,
                "evidence": sentence,
                "method": "inferred",
                "confidence": round(0.9 * fact.confidence, 3),
            }
        )
        own[key] = inherited
        new.append(inherited)
    return new
