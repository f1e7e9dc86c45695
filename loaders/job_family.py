"""GitLab-handbook job-family pages: several roles per page, told apart by their job grades.

How a page becomes roles:

* A heading whose section states a grade (``The X is a [grade 8](...)``, usually under a ``Job Grade``
  sub-heading) is a role with that grade. A grade stated at the top of the page (no heading above
  its ``## Job Grade``) makes the whole page one role, titled by the front matter.
* Headings without a grade of their own become roles too when they are specialties (under
  ``## Specialties``, or saying "the same requirements ... defined above", or ``<Base title> (<X>)``)
  or level siblings of graded headings with a role title (``### VP of Support``).
* Sections outside every role heading (the page's top Requirements or "You may be a fit to this role
  if you", its "As an SRE you will", the closing Performance Indicators and Career Ladder) apply to
  every role of the page, with their own lines; hiring processes and company blurbs do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from graph.model import Evidence, FamilyRef, LoadProblem, ParsedRole, SectionKind
from loaders.base import Loader, ParseOutcome
from loaders.content import add_spans, finish_summary, role_ref
from loaders.frontmatter import split_front_matter
from loaders.labels import career_labels, reports_to_in_prose
from loaders.markdown import Heading, Outline, Span, parse_outline
from loaders.role_titles import NOT_A_TITLE as _NOT_A_TITLE
from loaders.role_titles import ROLE_NOUN as _ROLE_NOUN
from loaders.role_titles import split_titles
from loaders.text import classify_heading, clean_title, collapse, line_finder, protect_abbreviations

__all__ = ["GRADE_SENTENCE", "LOADER", "parse_job_family"]

# The grade grammar, on the raw text (links kept) or the cleaned one: "is a [grade 8](...)", "is a grade 8",
# "is a job grade [level 5](...)", "is a job [grade 11](...)", and a bare linked number "is a [10](...)".
# A bare unlinked number ("is a 10-person team") is no grade.
GRADE_SENTENCE = re.compile(
    r"\bis\s+an?\s+(?:job\s+)?(?:\[\s*(?:job\s+)?(?:grade\s+)?(?:level\s+)?(?P<linked>\d{1,2})\s*\]"
    r"|grade\s+\[?\s*(?:level\s+)?(?P<plain>\d{1,2})\b)",
    re.I,
)
_GRADE_SUBJECT = re.compile(
    r"^(?:the\s+)?(?P<title>.+?)\s+(?:role\s+)?is\s+an?\s+(?:job\s+)?(?:grade\s+)?(?:level\s+)?\d", re.I
)
_GRADE_WORDING = re.compile(r"\bis\s+an?\s+(?:job\s+)?(?:grade\b|\[)", re.I)
_INHERITS = re.compile(
    r"\bsame\b[^.]{0,80}?\b(?:requirements|responsibilities|performance\s+indicators)\b[^.]{0,80}?"
    r"\b(?:defined|outlined|described|listed)\s+above\b",
    re.I,
)
_DEFINED_FOR = re.compile(r"\b(?:defined|outlined|described|listed)\s+above\s+for\s+the\s+(?P<rest>[^.\n]+)", re.I)
_PARENTHESISED = re.compile(r"^(?P<base>.+?)\s*\((?P<specialty>[^()]+)\)\s*$")
_SPECIALTY_CONTAINER = re.compile(r"^(?:specialt(?:y|ies)|speciali[sz]ations?)$", re.I)
_LEVEL_WORDS = {"intern", "junior", "associate", "intermediate", "senior", "staff", "principal", "distinguished"}
_FAMILY_SUFFIX = re.compile(r"\s+(?:job\s+family|roles?)$", re.I)
# Bounded gaps: an unbounded lazy gap rescans the text from every "next step" ("next step " × 20,000: 37 s).
_NEXT_ROLE = re.compile(
    r"\bnext\s+step\b[^.]{0,300}?\bmove\s+to\s+(?:a|an|the)\s+(?P<title>[^.\n]{1,120}?)\s+role\b", re.I | re.S
)
_MOVE = re.compile(r"\b(?:move|moving|pursue|transition)\b", re.I)
_CAREER_KINDS = {
    SectionKind.RESPONSIBILITIES,
    SectionKind.SKILLS,
    SectionKind.REQUIREMENTS,
    SectionKind.NICE_TO_HAVE,
    SectionKind.KPIS,
    SectionKind.CAREER,
}

_NOT_INHERITED = {SectionKind.SUMMARY, SectionKind.GRADE}
_UNRELATED_KINDS = {SectionKind.OTHER, SectionKind.PROCESS}

RoleKind = Literal["graded", "level", "specialty"]


@dataclass
class _Anchor:
    """A role in the making: the heading it hangs from (None: the whole page) and how it was found."""

    heading: Heading | None
    role: ParsedRole
    kind: RoleKind
    start: int
    end: int
    base: _Anchor | None = None
    inherits: bool = False
    own_spans: list[Span] = field(default_factory=list)


def parse_job_family(text: str, source: str) -> ParseOutcome:
    """Roles of a job-family page, with grades, specialties, inherited sections and career facts.

    Examples
    --------
    >>> page = '''---
    ... title: "Engineering Management - Infra"
    ... ---
    ... ## Manager, Infra
    ...
    ... ### Job Grade
    ...
    ... The Manager, Infra is a [grade 8](/grades).
    ...
    ... ### Requirements
    ...
    ... - Communication
    ...
    ... ## Specialties
    ...
    ... ### Manager, Infra (Delivery)
    ...
    ... In addition to the same requirements defined above for the Manager, Infra, it requires:
    ...
    ... - Release management
    ... '''
    >>> roles = parse_job_family(page, "p.md").roles
    >>> [(r.title, r.grade, r.specialty) for r in roles]
    [('Manager, Infra', 8, None), ('Manager, Infra (Delivery)', 8, 'Delivery')]
    >>> [(m.name, m.at.line) for m in roles[1].skills], roles[1].specializes.title
    ([('Communication', 12), ('Release management', 20)], 'Manager, Infra')
    """
    front = split_front_matter(text, source)
    outline = parse_outline(front.body, source)
    family = front.text("title")
    outcome = ParseOutcome(family=family, problems=[*front.problems, *outline.problems])
    anchors = _graded_anchors(outline, family, source)
    if not anchors and family:
        anchors = [_Anchor(None, _new_role(None, None, family, source), "graded", 1, outline.last_line + 1)]
    anchors += _specialty_anchors(outline, anchors, family, source)
    anchors += _level_anchors(outline, anchors, source)
    anchors.sort(key=lambda a: a.heading.line if a.heading else 0)
    heading_ranges = [(a.heading.line, a.end) for a in anchors if a.heading is not None]
    for anchor in anchors:
        _collect_own(anchor, outline, heading_ranges)
    family_spans = _family_spans(outline, heading_ranges, family)
    outcome.problems += _unread_grades(outline, source) + _role_like_headings(outline, anchors, source)
    for anchor in anchors:
        _inherit(anchor)
        if anchor.heading is not None:
            add_spans(anchor.role, outline, family_spans)
            _read_career(anchor.role, outline, family_spans)
        _deduplicate(anchor.role)
        anchor.role.family = family
        finish_summary(anchor.role)
        outcome.roles.append(anchor.role)
    return outcome


# --------------------------------------------------------------------------- finding the roles


@lru_cache(maxsize=1 << 14)
def grade_of(raw: str) -> int | None:
    """The job grade a sentence states, in any of the grade wordings (see :data:`GRADE_SENTENCE`).

    Examples
    --------
    >>> [grade_of(s) for s in ("is a [grade 8](/g)", "is a job grade [level 5](/g)", "The X is a [10](/g).",
    ...                        "is a job [grade 11](/g)", "is a 10-person team")]
    [8, 5, 10, 11, None]
    """
    match = GRADE_SENTENCE.search(" ".join(raw.split()))
    return int(match.group("linked") or match.group("plain")) if match else None


def _graded_anchors(outline: Outline, family: str | None, source: str) -> list[_Anchor]:
    found: dict[int | None, _Anchor] = {}
    for block in outline.blocks:
        grade = grade_of(block.raw)
        if grade is None:
            continue
        owner = outline.heading_at(block.line)
        holder = outline.parent(owner) if owner and classify_heading(owner.text) is SectionKind.GRADE else owner
        key = holder.index if holder else None
        if key in found:
            continue
        subject = _grade_subject(block.sentence)
        role = _new_role(holder, subject, family, source)
        role.grade = grade
        if subject and subject.lower() != role.title.lower():
            role.aliases.append(subject)
        start, end = (holder.line + 1, holder.end) if holder else (1, outline.last_line + 1)
        found[key] = _Anchor(holder, role, "graded", start, end)
    return list(found.values())


def _grade_subject(sentence: str) -> str | None:
    match = _GRADE_SUBJECT.search(sentence)
    if not match:
        return None
    subject = clean_title(" ".join(match.group("title").split()))
    return None if subject.lower() in {"role", "this role", "position", "this position"} else subject


def _new_role(heading: Heading | None, subject: str | None, family: str | None, source: str) -> ParsedRole:
    if heading is None:
        title = _FAMILY_SUFFIX.sub("", family) if family else (subject or source.rsplit("/", 1)[-1])
        return ParsedRole(title=title, source=source, line=1)
    role = ParsedRole(title=heading.text, source=source, line=heading.line)
    if heading.text.lower() in _LEVEL_WORDS:
        role.level = heading.text
        base = _FAMILY_SUFFIX.sub("", family) if family else ""
        role.title = subject or f"{heading.text} {base}".strip()
    parenthesised = _PARENTHESISED.match(role.title)
    if parenthesised:
        role.specialty = parenthesised.group("specialty")
    return role


def _is_candidate(heading: Heading, taken: set[int]) -> bool:
    return (
        heading.index not in taken
        and heading.level < 7
        and classify_heading(heading.text) is SectionKind.OTHER
        and not _NOT_A_TITLE.search(heading.text)
        and not _SPECIALTY_CONTAINER.match(heading.text)
    )


def _contains_role(heading: Heading, anchors: list[_Anchor]) -> bool:
    return any(a.heading and heading.line < a.heading.line < heading.end for a in anchors)


def _specialty_anchors(outline: Outline, graded: list[_Anchor], family: str | None, source: str) -> list[_Anchor]:
    taken = {a.heading.index for a in graded if a.heading}
    found: list[_Anchor] = []
    for heading in outline.headings:
        if not _is_candidate(heading, taken) or _contains_role(heading, graded):
            continue
        own_text = "\n".join(b.text for b in outline.blocks_in(heading.line, heading.end))
        inherits = bool(_INHERITS.search(own_text))
        parent = outline.parent(heading)
        under_container = parent is not None and bool(_SPECIALTY_CONTAINER.match(parent.text))
        base = _specialty_base(heading, own_text, graded, family)
        named_after_base = base is not None and _PARENTHESISED.match(heading.text) is not None
        if base is None or not (inherits or under_container or named_after_base):
            continue
        role = ParsedRole(title=_specialty_title(heading.text, base.role.title), source=source, line=heading.line)
        parenthesised = _PARENTHESISED.match(heading.text)
        role.specialty = parenthesised.group("specialty") if parenthesised else heading.text
        role.grade = base.role.grade
        sentence = _DEFINED_FOR.search(own_text)
        at_line = _line_of(outline, heading, sentence.group(0) if sentence else None)
        evidence = " ".join(sentence.group(0).split()) if sentence else heading.text
        role.specializes = role_ref(base.role.title, source, at_line, evidence)
        found.append(_Anchor(heading, role, "specialty", heading.line + 1, heading.end, base, inherits))
    return found


def _specialty_base(heading: Heading, own_text: str, graded: list[_Anchor], family: str | None) -> _Anchor | None:
    """The role a specialty builds on: named in "defined above for the X", in its heading, or the page's."""
    by_title = {}
    for anchor in graded:
        for name in [anchor.role.title, *anchor.role.aliases]:
            by_title.setdefault(name.lower(), anchor)
    stated = _DEFINED_FOR.search(own_text)
    if stated:
        rest = " ".join(stated.group("rest").split()).lower()
        named = [title for title in by_title if rest.startswith(title)]
        if named:
            return by_title[max(named, key=len)]
    parenthesised = _PARENTHESISED.match(heading.text)
    if parenthesised and parenthesised.group("base").lower() in by_title:
        return by_title[parenthesised.group("base").lower()]
    if family and _FAMILY_SUFFIX.sub("", family).lower() in by_title:
        return by_title[_FAMILY_SUFFIX.sub("", family).lower()]
    above = [a for a in graded if a.heading is not None and a.heading.line < heading.line]
    return above[-1] if above else None


def _specialty_title(heading_text: str, base_title: str) -> str:
    if _PARENTHESISED.match(heading_text) or "," in heading_text or _ROLE_NOUN.search(heading_text):
        return heading_text
    return f"{base_title} ({heading_text})"


def _level_anchors(outline: Outline, anchors: list[_Anchor], source: str) -> list[_Anchor]:
    """Ungraded siblings of graded headings that carry a role title (``### VP of Support``)."""
    taken = {a.heading.index for a in anchors if a.heading}
    graded_parents = {(a.heading.parent, a.heading.level) for a in anchors if a.heading and a.kind == "graded"}
    found = []
    for heading in outline.headings:
        if (heading.parent, heading.level) not in graded_parents or not _is_candidate(heading, taken):
            continue
        if not _ROLE_NOUN.search(heading.text) or _contains_role(heading, anchors):
            continue
        role = _new_role(heading, None, None, source)
        found.append(_Anchor(heading, role, "level", heading.line + 1, heading.end))
    return found


def _unread_grades(outline: Outline, source: str) -> list[LoadProblem]:
    """Sentences that speak of a job grade in a wording the grade grammar does not read."""
    problems = []
    for block in outline.blocks:
        owner = outline.heading_at(block.line)
        in_grade_section = owner is not None and classify_heading(owner.text) is SectionKind.GRADE
        states = _GRADE_WORDING.search(block.raw) or (in_grade_section and re.search(r"\d", block.sentence))
        if states and grade_of(block.raw) is None:
            message = f"grade sentence not understood: {block.sentence[:120]!r}"
            cause = "grade-not-understood"
            problems.append(LoadProblem(path=source, line=block.line, message=message, severity="warning", cause=cause))
    return problems


def _role_like_headings(outline: Outline, anchors: list[_Anchor], source: str) -> list[LoadProblem]:
    """Headings worded like a role title that did not become a role (no grade, no specialty of one)."""
    taken = {a.heading.index for a in anchors if a.heading}
    titles = {name.lower() for a in anchors for name in [a.role.title, *a.role.aliases]}
    problems = []
    for heading in outline.headings:
        if not _is_candidate(heading, taken) or not _ROLE_NOUN.search(heading.text) or _contains_role(heading, anchors):
            continue
        if heading.text.lower() in titles:
            continue
        if len(heading.text.split()) > 8 or heading.text.lower().endswith(" at gitlab"):
            continue
        message = f"heading {heading.text!r} looks like a role title but states no grade; it is not read as a role"
        problems.append(
            LoadProblem(path=source, line=heading.line, message=message, severity="warning", cause="role-like-heading")
        )
    return problems


# --------------------------------------------------------------------------- filling the roles


def _collect_own(anchor: _Anchor, outline: Outline, heading_ranges: list[tuple[int, int]]) -> None:
    nested = [(start, end) for start, end in heading_ranges if anchor.start <= start < anchor.end]
    spans = outline.spans(anchor.start, anchor.end, intro_name=anchor.role.title, skip=nested)
    spans = _split_inheriting_intro(spans, outline) if anchor.inherits else spans
    anchor.own_spans = _promote_summary(spans, anchor.role.title)
    add_spans(anchor.role, outline, anchor.own_spans)
    _read_career(anchor.role, outline, anchor.own_spans)


def _family_spans(outline: Outline, heading_ranges: list[tuple[int, int]], family: str | None) -> list[Span]:
    """Sections outside every role that apply to all of them.

    A section nested under an unrelated heading (a team description inside ``## Hiring Process``)
    is left out; the page's first heading (``## Backend Engineering Roles at GitLab``) is no such heading.
    """
    spans = outline.spans(1, outline.last_line + 1, intro_name=family or "", skip=heading_ranges)
    first = outline.headings[0].index if outline.headings else None

    def nested_in_other(span: Span) -> bool:
        if span.heading is None:
            return False
        ancestors = outline.ancestors(outline.headings[span.heading])
        return any(a.index != first and classify_heading(a.text) in _UNRELATED_KINDS for a in ancestors)

    return [span for span in spans if span.kind in _CAREER_KINDS and not nested_in_other(span)]


def _split_inheriting_intro(spans: list[Span], outline: Outline) -> list[Span]:
    """From "In addition to the same requirements ... requires:" on, the intro states requirements."""
    if not spans or spans[0].kind is not SectionKind.SUMMARY:
        return spans
    intro = spans[0]
    sentence = next((b for b in outline.blocks_in(intro.start, intro.end) if _INHERITS.search(b.text)), None)
    if sentence is None:
        return spans
    head = [Span(intro.name, SectionKind.SUMMARY, intro.start, sentence.line)] if sentence.line > intro.start else []
    return [*head, Span("Requirements", SectionKind.REQUIREMENTS, sentence.line, intro.end), *spans[1:]]


def _promote_summary(spans: list[Span], title: str) -> list[Span]:
    """Without intro text, a first heading naming the role (``## Database Engineer``) is its summary."""
    if not spans or spans[0].kind is SectionKind.SUMMARY:
        return spans
    first = spans[0]
    names_role = title.lower() in first.name.lower() or "roles at gitlab" in first.name.lower()
    if first.kind is SectionKind.OTHER and names_role:
        return [Span(first.name, SectionKind.SUMMARY, first.start, first.end), *spans[1:]]
    return spans


def _inherit(anchor: _Anchor) -> None:
    if not anchor.inherits or anchor.base is None:
        return
    base, role = anchor.base.role, anchor.role
    role.sections = [s.model_copy() for s in base.sections if s.kind not in _NOT_INHERITED] + role.sections
    role.skills = [m.model_copy() for m in base.skills] + role.skills
    role.kpis = [m.model_copy() for m in base.kpis] + role.kpis
    role.reports_to = [r.model_copy() for r in base.reports_to] + role.reports_to


def _deduplicate(role: ParsedRole) -> None:
    role.sections = _unique(sorted(role.sections, key=lambda s: s.line), lambda s: (s.line, s.name))
    role.skills = _unique(sorted(role.skills, key=lambda m: m.at.line), lambda m: (m.at.line, m.name))
    role.kpis = _unique(sorted(role.kpis, key=lambda m: m.at.line), lambda m: (m.at.line, m.name))
    for refs in (role.reports_to, role.promotes_to, role.lateral):
        refs[:] = _unique(refs, lambda r: r.title.lower())
    role.lateral_families = _unique(role.lateral_families, lambda f: f.name.lower())


def _unique(items, key):
    seen, kept = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return kept


def _line_of(outline: Outline, heading: Heading, sentence: str | None) -> int:
    if sentence:
        for block in outline.blocks_in(heading.line, heading.end):
            if sentence in block.text:
                return block.line + block.text[: block.text.index(sentence)].count("\n")
    return heading.line


# --------------------------------------------------------------------------- career facts


def _read_career(role: ParsedRole, outline: Outline, spans: list[Span]) -> None:
    for span in spans:
        for block in outline.blocks_in(span.start, span.end):
            labelled = _read_career_labels(role, block.text, block.line)
            if not labelled:
                _read_reports_to(role, block.text, block.line)
            _read_next_role(role, block.text, block.line)
            if _MOVE.search(block.text):
                for label, target, line in block.links():
                    if "/job-families/" in target:
                        at = Evidence(source=role.source, line=line, evidence=block.sentence)
                        role.lateral_families.append(FamilyRef(name=label, at=at))


def _read_career_labels(role: ParsedRole, text: str, first_line: int) -> bool:
    """``Reports to: X``, ``**Manages:** A, B``, ``Next step: Y`` lines of a block; whether it had any."""
    found = career_labels(text)
    evidence = collapse(text) if found else ""  # once: collapsing the block per title is quadratic
    for offset, (ref_field, value) in found:
        for title in split_titles(value):
            getattr(role, ref_field).append(role_ref(title, role.source, first_line + offset, evidence))
    return bool(found)


def _read_reports_to(role: ParsedRole, text: str, first_line: int) -> None:
    found = reports_to_in_prose(text)
    if not found:
        return
    evidence, line_of = collapse(text), line_finder(text, first_line)
    for title, offset in found:
        role.reports_to.append(role_ref(title, role.source, line_of(offset), evidence))


def _read_next_role(role: ParsedRole, text: str, first_line: int) -> None:
    matches = list(_NEXT_ROLE.finditer(protect_abbreviations(text)))
    if not matches:
        return
    evidence, line_of = collapse(text), line_finder(text, first_line)
    for match in matches:
        title = clean_title(match.group("title"))
        role.promotes_to.append(role_ref(title, role.source, line_of(match.start()), evidence))


LOADER = Loader(
    name="job-family",
    extensions=(".md", ".markdown", ".mdx"),
    parse=parse_job_family,
    description="GitLab-handbook job-family pages: roles by job grade, specialties, inherited requirements.",
)
