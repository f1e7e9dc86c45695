"""Role-blueprint Markdown: ``# <Title>`` then Summary, Responsibilities, Skills, KPIs and Career Path.

Career facts are written as labels — ``**Reports to:** Head of SRE``, ``- Promotes to: X`` — or as a
heading (``### Next roles``) followed by a bullet list. ``Level:``, ``Family:`` and ``Grade:`` labels
and optional YAML front matter (title, aliases, level, family, grade) describe the role itself.
"""

from __future__ import annotations

import re

from graph.model import Evidence, LoadProblem, Location, Mention, ParsedRole, SectionKind
from loaders.base import Loader, ParseOutcome
from loaders.content import add_role_refs, add_spans, finish_summary
from loaders.frontmatter import FrontMatter, split_front_matter
from loaders.labels import (
    CAREER_LABELS,
    LABEL_LINE,
    PLACE_LABELS,
    career_field,
    grade_of,
    label_key,
    label_segments,
    list_label,
    own_reports_in_prose,
    reports_to_in_prose,
    role_field,
    staff_in_prose,
    staff_label,
    titles_in_prose,
)
from loaders.layouts.particulars import staff_titles
from loaders.markdown import Block, Heading, Outline, parse_outline
from loaders.role_titles import decorated_title, role_like_headings, split_titles
from loaders.text import classify_heading, clean_line, collapse, drop_places, line_finder, sentence_finder

__all__ = ["CAREER_LABELS", "LOADER", "parse_blueprint"]

_LABEL = LABEL_LINE


def parse_blueprint(text: str, source: str) -> ParseOutcome:
    """Roles of a blueprint document: one per ``#`` heading (or the front matter title).

    Examples
    --------
    >>> doc = "# SRE Manager\\n\\nLeads SRE.\\n\\n## Skills\\n\\n- SLOs\\n\\n**Reports to:** SRE Director\\n"
    >>> role = parse_blueprint(doc, "b.md").roles[0]
    >>> role.summary, [m.name for m in role.skills], [(r.title, r.at.line) for r in role.reports_to]
    ('Leads SRE.', ['SLOs'], [('SRE Director', 9)])
    """
    front = split_front_matter(text, source)
    outline = parse_outline(front.body, source)
    outcome = ParseOutcome(family=front.text("family"))
    titles = [h for h in outline.headings if h.level == 1]
    if titles:
        for heading in titles:
            role = _role(outline, heading.text, heading.line, heading.line + 1, heading.end, source)
            if role.title != heading.text:  # the place its "Location:" gives, dropped: said as the layouts say it
                outcome.problems.append(decorated_title(source, Location(line=heading.line), heading.text, role.title))
            outcome.roles.append(role)
    elif front.text("title"):
        outcome.roles.append(_role(outline, front.text("title") or "", 1, 1, outline.last_line + 1, source))
    if outcome.roles:
        _apply_front_matter(outcome.roles[0], front, outcome)
    for role in outcome.roles:
        role.family = role.family or outcome.family
    headings = ((h.text, h.line) for h in outline.headings if h.level > 1)
    outcome.problems += role_like_headings(headings, outcome.roles, source)
    outcome.problems[:0] = [*front.problems, *outline.problems]  # the front matter's (also applying it), the bounds'
    return outcome


def _role(outline: Outline, title: str, line: int, first: int, end: int, source: str) -> ParsedRole:
    role = ParsedRole(title=title, source=source, line=line)
    add_spans(role, outline, outline.spans(first, end, intro_name=title))
    role.title = drop_places(title, _read_labels(role, outline, first, end))
    role.skills.sort(key=lambda mention: mention.at.line)
    role.kpis.sort(key=lambda mention: mention.at.line)
    finish_summary(role)
    return role


def _read_labels(role: ParsedRole, outline: Outline, first: int, end: int) -> list[str]:
    """Career, level and inline-list labels, in paragraphs, list items and headings; returns the places
    the role's particulars give the post ("**Location:** Berlin, Germany").

    A career heading (``### Next roles``) takes the items and the prose that follow it up to the next
    heading; a label with no value (``Reports to:``) the items right after it. In a career section
    ("Career path", "Where this role sits") prose also states lines: "reports to the Head of ML".
    """
    places: list[str] = []
    pending: str | None = None  # a label with no value takes the list items that follow it
    heading_field: str | None = None  # the career field a heading names, for its whole section
    in_career = False
    headings = {h.line: h for h in outline.headings_in(first, end)}
    events: list[tuple[int, Block | Heading]] = [(b.line, b) for b in outline.blocks_in(first, end)]
    events += [(line, h) for line, h in headings.items()]
    for _, event in sorted(events, key=lambda pair: pair[0]):
        if isinstance(event, Heading):
            pending = heading_field = career_field(event.text)
            in_career = heading_field is not None or classify_heading(event.text) is SectionKind.CAREER
            continue
        if event.kind == "item" and (pending or heading_field) and not _LABEL.match(event.sentence):
            _add_refs(role, pending or heading_field or "", event.sentence, event.line, event.sentence)
            continue
        pending = None
        labelled = False
        for offset, raw_line in enumerate(event.raw.split("\n")):
            for text in label_segments(clean_line(raw_line)):  # "Location: Leeds | Reports to: X": each label
                labelled = labelled or bool(_LABEL.match(text))
                pending = _read_label_line(role, text, event.line + offset, event.kind, places) or pending
        if not labelled and event.kind == "paragraph" and heading_field:
            for title in titles_in_prose(event.sentence):
                _add_refs(role, heading_field, title, event.line, event.sentence)
        elif not labelled and in_career:
            for field, found in (("reports_to", reports_to_in_prose), ("direct_reports", staff_in_prose)):
                for title, offset in found(event.text):
                    line = event.line + event.text.count("\n", 0, offset)
                    _add_refs(role, field, title, line, event.sentence)
        elif not labelled and event.kind == "paragraph":  # "This role reports to the CFO." in its summary
            _read_own_line(role, event)
    return places


def _read_own_line(role: ParsedRole, event: Block) -> None:
    """The managers a paragraph names as the role's own ("This role reports to the CFO"), each with its sentence."""
    found = own_reports_in_prose(event.text, role.title)
    if not found:
        return
    sentence_at, line_of = sentence_finder(event.text), line_finder(event.text, event.line)
    for title, offset in found:
        add_role_refs(role, "reports_to", [title], line_of(offset), collapse(sentence_at(offset)[1]))


def _read_label_line(role: ParsedRole, text: str, line: int, block_kind: str, places: list[str]) -> str | None:
    match = _LABEL.match(text)
    if not match:
        return None
    label, value = match.group("label"), match.group("value").strip()
    if value and label_key(label) in PLACE_LABELS:
        places.append(value)
    career, field = career_field(label), role_field(label)
    if career:
        if not value:
            return career
        _add_refs(role, career, value, line, text)
    elif field and value:
        _set_role_field(role, field, value)
    elif value and staff_label(label):  # "Responsible for: Payroll Clerk (x2)": the staff it manages
        add_role_refs(role, "direct_reports", staff_titles(label, value), line, text)
    elif list_label(label) and value and block_kind == "paragraph":
        _add_inline_list(role, classify_heading(label), value, line, text)
    return None


def _add_refs(role: ParsedRole, field: str, value: str, line: int, sentence: str) -> None:
    add_role_refs(role, field, split_titles(value), line, sentence)


def _add_inline_list(role: ParsedRole, kind: SectionKind, value: str, line: int, sentence: str) -> None:
    target = role.kpis if kind is SectionKind.KPIS else role.skills
    for name in re.split(r"\s*[,;]\s*", value):
        if name.strip(" ."):
            evidence = Evidence(source=role.source, line=line, evidence=sentence)
            target.append(Mention(name=name.strip(" ."), section=kind, at=evidence))


def _set_role_field(role: ParsedRole, field: str, value: str) -> None:
    if field == "grade":
        grade = grade_of(value)
        role.grade = grade if grade is not None else role.grade
    else:
        setattr(role, field, value)


def _apply_front_matter(role: ParsedRole, front: FrontMatter, outcome: ParseOutcome) -> None:
    role.title = front.text("title") or role.title
    role.level = front.text("level") or role.level
    role.family = front.text("family") or role.family
    role.aliases = front.texts("aliases")
    grade = front.meta.get("grade")
    if isinstance(grade, int) and not isinstance(grade, bool):
        role.grade = grade
    elif grade is not None:
        message = f"front matter grade must be a whole number, not {grade!r}"
        outcome.problems.append(LoadProblem(path=role.source, line=1, message=message))


LOADER = Loader(
    name="blueprint",
    extensions=(".md", ".markdown", ".mdx"),
    parse=parse_blueprint,
    description="Role-blueprint Markdown: '# Title', sections, and 'Reports to:'-style career labels.",
)
