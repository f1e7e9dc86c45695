"""Filling a ``ParsedRole`` from spans of a Markdown outline: sections, mentions and the summary."""

from __future__ import annotations

from graph.model import Evidence, ParsedRole, RoleRef, SectionKind
from loaders.markdown import Outline, Span
from loaders.text import collapse

__all__ = ["add_spans", "finish_summary", "role_ref"]


def add_spans(role: ParsedRole, outline: Outline, spans: list[Span]) -> None:
    """Append the sections of ``spans`` and the mentions stated in them to ``role``."""
    for span in spans:
        section = outline.section(span)
        if section is None:
            continue
        role.sections.append(section)
        skills, kpis = outline.mentions(span, role.source)
        role.skills.extend(skills)
        role.kpis.extend(kpis)


def finish_summary(role: ParsedRole) -> None:
    """``role.summary``: its SUMMARY sections as one line."""
    role.summary = " ".join(collapse(s.text) for s in role.sections if s.kind is SectionKind.SUMMARY)


def role_ref(title: str, source: str, line: int, sentence: str) -> RoleRef:
    return RoleRef(title=title, at=Evidence(source=source, line=line, evidence=sentence, method="stated"))
