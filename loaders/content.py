"""Filling a ``ParsedRole`` from spans of a Markdown outline: sections, mentions and the summary."""

from __future__ import annotations

from graph.model import Evidence, LoadProblem, Location, ParsedRole, RoleRef, SectionKind
from loaders.labels import blank_label_lines
from loaders.markdown import Outline, Span
from loaders.role_titles import decorated_title
from loaders.text import clean_title, collapse, unshout

__all__ = ["add_role_refs", "add_spans", "clean_role_title", "finish_summary", "role_ref"]


def add_spans(role: ParsedRole, outline: Outline, spans: list[Span]) -> None:
    """Append the sections of ``spans`` and the mentions stated in them to ``role``."""
    for span in spans:
        section = outline.section(span)
        if section is None:
            continue
        section.text = blank_label_lines(section.text)
        role.sections.append(section)
        skills, kpis = outline.mentions(span, role.source)
        role.skills.extend(skills)
        role.kpis.extend(kpis)


def finish_summary(role: ParsedRole) -> None:
    """``role.summary``: its SUMMARY sections as one line."""
    role.summary = " ".join(collapse(s.text) for s in role.sections if s.kind is SectionKind.SUMMARY and s.text.strip())


def role_ref(title: str, source: str, where: Location | int, sentence: str) -> RoleRef:
    """A reference to a role by title (cleaned of decoration), with the sentence that makes it and its place."""
    at = Evidence.at(source, where, sentence, method="stated")
    return RoleRef(title=clean_title(title), at=at)


def add_role_refs(role: ParsedRole, field: str, titles: list[str], where: Location | int, sentence: str) -> None:
    """References to ``titles`` in ``role``'s ``field`` (``reports_to``, ``direct_reports`` …), each stated by
    ``sentence`` at ``where``; a title the field already holds is not added again."""
    refs = getattr(role, field)
    known = {ref.title.lower() for ref in refs}
    for title in titles:
        if title.lower() not in known:
            refs.append(role_ref(title, role.source, where, sentence))
            known.add(title.lower())


def clean_role_title(role: ParsedRole, problems: list[LoadProblem]) -> None:
    """The role's title (and the titles it references) without decoration, and in title case when the
    document writes it in capitals ("PAYROLL OFFICER"), as its department and family; a decorated title is
    reported (the evidence keeps the words as written)."""
    for refs in (role.reports_to, role.direct_reports, role.promotes_to, role.lateral):
        for ref in refs:
            ref.title = unshout(clean_title(ref.title))
    cleaned = clean_title(role.title)
    if cleaned != collapse(role.title):
        problems.append(decorated_title(role.source, role.location, role.title, cleaned))
        if role.specialty and f"({role.specialty})" in role.title and f"({role.specialty})" not in cleaned:
            role.specialty = None  # the parenthesis was the title's own acronym, not a specialty
    role.title = unshout(cleaned)
    role.department = role.department and unshout(role.department)
    role.family = role.family and unshout(role.family)
