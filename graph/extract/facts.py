"""One fact per skill and per KPI of a role, from its explicit lists and from the prose of its sections.

Where facts come from
---------------------
* **Stated** (``method="stated"``): the role's explicit ``skills`` / ``kpis`` mentions. Each taxonomy entry
  found in a mention's text is a fact with the mention's own evidence. A mention that names no entry still
  becomes a fact with ``in_taxonomy=False`` and a normalised name when it is an item of a SKILLS list of at
  most :data:`MAX_SKILL_ITEM_WORDS` words (KPI items: any item of a KPI list of at most
  :data:`MAX_KPI_ITEM_WORDS` words); longer sentences that name nothing ("Demonstrate longevity at, at
  least, one recent job") are not skills.
* **Extracted** (``method="extracted"``, confidence :data:`EXTRACTED_CONFIDENCE`): every match in the text of
  every section except :data:`UNSCANNED_SECTIONS` (career paths name ladders and other roles, hiring
  processes and company boilerplate describe the hiring, not the role), with the sentence around it as
  evidence and the file line of the match. Neither kind counts a word of a list of the company's values
  (:mod:`graph.extract.boilerplate`). Skills are not looked for in :data:`UNSCANNED_FOR_SKILLS`
  either: a KPI section says how the role is measured, and "Hiring Actual vs. Plan" or "Disaster Recovery
  Time to Recovery" name an indicator, not a skill the role needs. A one-word naming of a skill whose
  taxonomy entry has ``context`` words counts only in such a context (:meth:`Matcher.in_context`). A
  sentence that lists indicators after a measuring cue ("metrics such as cycle time, operational health and
  retention", "measured by ...", "success looks like ...") names KPIs, in the taxonomy or not
  (:func:`graph.extract.items.kpis_in_prose`).

Merging
-------
One fact per name: its ``mentions`` count the distinct source lines naming it (a stated mention and the
prose of the same line count once), and its evidence is the best one: stated before extracted, then
skills/requirements/KPI sections before responsibilities, summary, nice-to-have and the rest, then the
earliest line.

Weight
------
``weight = min(1, base + 0.1 × (mentions − 1))`` where ``base`` is the highest :data:`SECTION_BASE_WEIGHT`
among the sections naming it (skills, requirements and KPIs 1.0, responsibilities 0.7, summary 0.6,
nice-to-have 0.4, anything else 0.5). An ``importance`` stated by the document (YAML) replaces the formula
(the highest one when several mentions state one).
"""

from __future__ import annotations

__all__ = [
    "EXTRACTED_CONFIDENCE",
    "MAX_KPI_ITEM_WORDS",
    "MAX_SKILL_ITEM_WORDS",
    "SECTION_BASE_WEIGHT",
    "STATED_SKILL_SECTIONS",
    "UNSCANNED_FOR_SKILLS",
    "UNSCANNED_SECTIONS",
    "Fact",
    "RoleFacts",
    "extract_all",
    "extract_role_facts",
    "marked_importance",
    "names_a_role",
]

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from graph.extract.boilerplate import outside_boilerplate
from graph.extract.items import item_candidates, kpis_in_prose, skill_name
from graph.extract.matcher import Kind, Match, Matcher
from graph.extract.sentences import sentence_around
from graph.model import Evidence, Mention, ParsedRole, Section, SectionKind

MAX_SKILL_ITEM_WORDS = 6
MAX_KPI_ITEM_WORDS = 12
EXTRACTED_CONFIDENCE = 0.9
EXTRA_MENTION_WEIGHT = 0.1

SECTION_BASE_WEIGHT: dict[SectionKind, float] = {
    SectionKind.SKILLS: 1.0,
    SectionKind.REQUIREMENTS: 1.0,
    SectionKind.KPIS: 1.0,
    SectionKind.RESPONSIBILITIES: 0.7,
    SectionKind.SUMMARY: 0.6,
    SectionKind.NICE_TO_HAVE: 0.4,
}
OTHER_SECTION_WEIGHT = 0.5
UNSCANNED_SECTIONS = frozenset({SectionKind.CAREER, SectionKind.PROCESS})
UNSCANNED_FOR_SKILLS = UNSCANNED_SECTIONS | {SectionKind.KPIS}
#: Sections whose stated items are skills even when the taxonomy does not know them.
STATED_SKILL_SECTIONS = frozenset({SectionKind.SKILLS, SectionKind.REQUIREMENTS, SectionKind.NICE_TO_HAVE})

# Rank of a section as evidence (lower is better).
_SECTION_RANK: dict[SectionKind, int] = {
    SectionKind.SKILLS: 0,
    SectionKind.REQUIREMENTS: 0,
    SectionKind.KPIS: 0,
    SectionKind.RESPONSIBILITIES: 1,
    SectionKind.SUMMARY: 2,
    SectionKind.NICE_TO_HAVE: 3,
}
_OTHER_RANK = 4


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Fact(_Model):
    """A skill or KPI of one role, with how much it matters and the best evidence for it."""

    name: str = Field(description="Canonical taxonomy name, or the normalised item when not in the taxonomy.")
    category: str | None = Field(default=None, description="Skill category; None for KPIs and unknown skills.")
    in_taxonomy: bool = True
    weight: float = Field(gt=0.0, le=1.0)
    mentions: int = Field(ge=1, description="Distinct source lines naming it.")
    evidence: Evidence


class RoleFacts(_Model):
    skills: list[Fact] = Field(default_factory=list)
    kpis: list[Fact] = Field(default_factory=list)


@dataclass(frozen=True)
class _Observation:
    name: str
    in_taxonomy: bool
    section: SectionKind
    evidence: Evidence
    importance: float | None = None
    occurrence: tuple[int, int] = (0, 0)  # (line, position) that identifies one naming in the source

    @property
    def rank(self) -> tuple[int, int, int]:
        stated = 0 if self.evidence.method == "stated" else 1
        return (stated, _SECTION_RANK.get(self.section, _OTHER_RANK), self.evidence.line or 1 << 30)


def _item_name(text: str) -> str:
    """The name an unmatched item becomes: lead-in words dropped, a sentence-case first word lower-cased.

    >>> _item_name("Experience with Zendesk Administration."), _item_name("Data contracts"), _item_name("MLflow")
    ('Zendesk Administration', 'data contracts', 'MLflow')
    """
    words = skill_name(text).split()
    if len(words) > 1 and words[0][1:].islower() and all(w.islower() for w in words[1:] if w.isalpha()):
        words[0] = words[0].lower()
    return " ".join(words)


def _stated(mention: Mention, kind: Kind, matcher: Matcher, index: int) -> list[_Observation]:
    at = mention.at  # nothing changes evidence once made: a stated one is shared, not copied
    evidence = at if at.method == "stated" else at.model_copy(update={"method": "stated"})
    occurrence = (mention.at.line, -1) if mention.at.line else (0, index)
    text, section = marked_importance(mention.name, mention.section)
    return [
        _Observation(name, in_taxonomy, section, evidence, mention.importance, occurrence)
        for name, in_taxonomy in _stated_names(text, section, kind, matcher)
    ]


# An item's own word on how much it matters, at its end: "CIPP (desirable)", "Python - preferred".
_MARK = r"\s*(?:[(\[]\s*(?P<{0}>{1})\s*[)\]]|[-–—:,]\s*(?P<{0}2>{1}))\s*\.?\s*$"
_DESIRABLE_MARK = re.compile(
    _MARK.format("d", r"desirable|preferred|nice[ -]to[ -]have|a plus|an advantage|advantageous|optional|bonus"), re.I
)
_ESSENTIAL_MARK = re.compile(_MARK.format("e", r"essential|required|must[ -]have|mandatory"), re.I)


def marked_importance(text: str, section: SectionKind) -> tuple[str, SectionKind]:
    """An item of a skills or requirements list without the word at its end that says how much it matters,
    and the section that word puts it in: desirable, preferred or nice to have → nice-to-have; essential,
    required or must have → requirements. Other items and sections are as they are.

    Examples
    --------
    >>> marked_importance("CIPP qualification (desirable)", SectionKind.SKILLS)
    ('CIPP qualification', <SectionKind.NICE_TO_HAVE: 'nice_to_have'>)
    >>> marked_importance("Knowledge of PAYE - essential", SectionKind.NICE_TO_HAVE)
    ('Knowledge of PAYE', <SectionKind.REQUIREMENTS: 'requirements'>)
    >>> marked_importance("Required reading (optional)", SectionKind.RESPONSIBILITIES)[1]
    <SectionKind.RESPONSIBILITIES: 'responsibilities'>
    """
    if section not in STATED_SKILL_SECTIONS:
        return text, section
    for pattern, marked in ((_DESIRABLE_MARK, SectionKind.NICE_TO_HAVE), (_ESSENTIAL_MARK, SectionKind.REQUIREMENTS)):
        found = pattern.search(text)
        if found and found.start() > 0:
            return text[: found.start()].rstrip(" ,;:-–—"), marked
    return text, section


# Family-wide requirement items repeat in every role of a page: their names are worked out once per matcher.
_STATED_CACHE: weakref.WeakKeyDictionary[Matcher, dict] = weakref.WeakKeyDictionary()


def _stated_names(text: str, section: SectionKind, kind: Kind, matcher: Matcher) -> tuple[tuple[str, bool], ...]:
    """``(name, in_taxonomy)`` of what one stated item names."""
    cache = _STATED_CACHE.setdefault(matcher, {})
    key = (text, section, kind)
    if key not in cache:
        cache[key] = _work_out_stated_names(text, section, kind, matcher)
    return cache[key]


def _work_out_stated_names(text: str, section: SectionKind, kind: Kind, matcher: Matcher) -> tuple:
    found = matcher.find(text, kind)
    matches = outside_boilerplate(text, found)
    if found and not matches:
        return ()  # a mention naming only the company's values names nothing of the role
    if kind == "skill":
        matches = [m for m in matches if matcher.in_context(text, m, found)]
    names = [(m.canonical, True) for m in matches]
    if kind == "skill" and section in STATED_SKILL_SECTIONS:
        short = MAX_SKILL_ITEM_WORDS if section is SectionKind.SKILLS else 0
        surfaces = [m.surface.lower() for m in found]
        for candidate in item_candidates(text, short_item_words=short):
            lowered = candidate.name.lower()
            if any(lowered in s or s in lowered for s in surfaces) or matcher.find(candidate.name, kind):
                continue  # the taxonomy names it (found above): "Developer" of "Developer experience"
            name = _item_name(candidate.name)
            if name:
                names.append((name, False))
    elif kind == "kpi" and not matches:
        names += [(name, False) for part in _kpi_parts(text) if (name := _item_name(part))]
    return tuple(names)


_KPI_LIST = re.compile(r"\s*[,;]\s*")
_KPI_PART_WORDS = 4


def _kpi_parts(text: str) -> list[str]:
    """The KPIs one stated item names: each of a list of short names ("Dashboard adoption, report
    accuracy"), else the item when it is short (a comma inside a longer name stays), else none.

    >>> _kpi_parts("Dashboard adoption, report accuracy"), _kpi_parts("Revenue growth")
    (['Dashboard adoption', 'report accuracy'], ['Revenue growth'])
    >>> _kpi_parts("Customer satisfaction, measured every quarter by survey")
    ['Customer satisfaction, measured every quarter by survey']
    """
    parts = [part for part in _KPI_LIST.split(text.strip(" .")) if part]
    if len(parts) > 1 and all(len(part.split()) <= _KPI_PART_WORDS for part in parts):
        return parts
    return [text] if len(text.split()) <= MAX_KPI_ITEM_WORDS else []


# A skill's words inside a role title name the role, not a skill it needs: "reports to the MLOps Manager",
# "partner with Product Managers", "the Head of Data Engineering".
_TITLE_AFTER = re.compile(
    r"\s+(?:(?:senior|staff|principal|lead)\s+)?(?:managers?|engineers?|directors?|leads?|architects?|analysts?"
    r"|specialists?|scientists?|officers?|developers?|designers?|consultants?)\b",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(r"\b(?:head|vp|vice\s+president|director|chief)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_CONTEXT = 32


def names_a_role(text: str, start: int, end: int) -> bool:
    """Whether the match ``text[start:end]`` is part of a role title rather than a skill.

    Examples
    --------
    >>> text = "Reports to the MLOps Manager and owns MLOps tooling."
    >>> names_a_role(text, 15, 20), names_a_role(text, 38, 43)
    (True, False)
    >>> names_a_role("Works with the Head of Data Engineering", 23, 39)
    True
    """
    return bool(
        _TITLE_AFTER.match(text, end, end + _CONTEXT) or _TITLE_BEFORE.search(text[max(0, start - _CONTEXT) : start])
    )


def _own_title_spans(text: str, title: str) -> list[tuple[int, int]]:
    """Where the role's own title is written: its words name what the role does ("Head of MLOps")."""
    if not title:
        return []
    lowered, needle = text.lower(), title.lower()
    spans, at = [], lowered.find(needle)
    while at >= 0:
        spans.append((at, at + len(needle)))
        at = lowered.find(needle, at + 1)
    return spans


def _extracted(section: Section, kind: Kind, matcher: Matcher, source: str, title: str = "") -> list[_Observation]:
    observations = []
    own = _own_title_spans(section.text, title) if kind == "skill" else []
    first: dict[str, Evidence] = {}  # the first naming of each fact in the section: the best evidence it has here
    seen: set[tuple[str, int]] = set()
    line, counted = section.line, 0  # lines are counted on from the previous match, not from the top each time
    found = matcher.find(section.text, kind)
    for match in outside_boilerplate(section.text, found):
        in_own_title = any(start <= match.start and match.end <= end for start, end in own)
        if kind == "skill" and not in_own_title and names_a_role(section.text, match.start, match.end):
            continue
        if kind == "skill" and not matcher.in_context(section.text, match, found):
            continue
        if match.start < counted:
            line, counted = section.line, 0
        line += section.text.count("\n", counted, match.start)
        counted = match.start
        if (match.canonical, line) in seen:
            continue  # the same fact again on the same line adds no mention and no better evidence
        seen.add((match.canonical, line))
        evidence = first.get(match.canonical)
        if evidence is None:  # later namings count as mentions; their sentence is never chosen over this one
            evidence = first[match.canonical] = Evidence.at(
                source,
                section.location_of(line - section.line),
                sentence_around(section.text, match.start, match.end),
                method="extracted",
                confidence=EXTRACTED_CONFIDENCE,
            )
        counts_in = _line_section(section, match)
        observations.append(_Observation(match.canonical, True, counts_in, evidence, None, (line, -1)))
    return observations


def _line_section(section: Section, match: Match) -> SectionKind:
    """The section a match of a skills or requirements list counts in: the list's, or the one its line's own
    word says (``marked_importance``: "Python (preferred)" is nice to have)."""
    if section.kind not in STATED_SKILL_SECTIONS:
        return section.kind
    text = section.text
    start, end = text.rfind("\n", 0, match.start) + 1, text.find("\n", match.end)
    return marked_importance(text[start : end if end >= 0 else len(text)], section.kind)[1]


def _listed_kpis(section: Section, matcher: Matcher, source: str) -> list[_Observation]:
    """KPIs a sentence lists after a measuring cue ("metrics such as ..."), in the taxonomy or not."""
    observations = []
    for name, offset in kpis_in_prose(section.text):
        canonical = matcher.lookup(name, "kpi")
        line = section.line + section.text.count("\n", 0, offset)
        evidence = Evidence(
            source=source,
            line=max(line, 0),
            evidence=sentence_around(section.text, offset, offset + len(name)),
            method="extracted",
            confidence=EXTRACTED_CONFIDENCE,
        )
        observations.append(
            _Observation(canonical or name, canonical is not None, section.kind, evidence, None, (line, -1))
        )
    return observations


def _weight(observations: list[_Observation], mentions: int) -> float:
    stated = [o.importance for o in observations if o.importance is not None]
    if stated:
        return min(max(max(stated), 0.01), 1.0)
    base = max(SECTION_BASE_WEIGHT.get(o.section, OTHER_SECTION_WEIGHT) for o in observations)
    return round(min(1.0, base + EXTRA_MENTION_WEIGHT * (mentions - 1)), 3)


def _merge(observations: list[_Observation], matcher: Matcher, kind: Kind) -> list[Fact]:
    by_name: dict[str, list[_Observation]] = {}
    for observation in observations:
        by_name.setdefault(observation.name, []).append(observation)
    facts = []
    for name, group in by_name.items():
        mentions = len({o.occurrence for o in group})
        best = min(group, key=lambda o: o.rank)
        facts.append(
            Fact(
                name=name,
                category=matcher.category(name) if kind == "skill" and best.in_taxonomy else None,
                in_taxonomy=best.in_taxonomy,
                weight=_weight(group, mentions),
                mentions=mentions,
                evidence=best.evidence,
            )
        )
    return sorted(facts, key=lambda fact: (-fact.weight, fact.name.lower()))


def _facts_of_kind(role: ParsedRole, matcher: Matcher, kind: Kind, mentions: list[Mention]) -> list[Fact]:
    observations = [o for i, m in enumerate(mentions) for o in _stated(m, kind, matcher, i)]
    unscanned = UNSCANNED_FOR_SKILLS if kind == "skill" else UNSCANNED_SECTIONS
    scanned = [section for section in role.sections if section.kind not in unscanned]
    observations += [o for section in scanned for o in _extracted(section, kind, matcher, role.source, role.title)]
    if kind == "kpi":
        observations += [o for section in scanned for o in _listed_kpis(section, matcher, role.source)]
    return _merge(observations, matcher, kind)


def extract_role_facts(role: ParsedRole, matcher: Matcher) -> RoleFacts:
    """The skills and KPIs of one role (see the module docstring for the rules and the weight formula).

    Parameters
    ----------
    role : ParsedRole
        A role as a loader parsed it: its sections and its explicit skill and KPI mentions.
    matcher : Matcher
        The taxonomy matcher, built once with :meth:`Matcher.from_taxonomy`.

    Returns
    -------
    RoleFacts
        One fact per canonical skill and per KPI, heaviest first.

    Examples
    --------
    >>> from graph.model import Taxonomy, TaxonomyEntry, KPIEntry
    >>> matcher = Matcher.from_taxonomy(Taxonomy(
    ...     skills=[TaxonomyEntry(name="SLOs", category="reliability", aliases=["SLO"])],
    ...     kpis=[KPIEntry(name="MTTR", aliases=["mean time to recovery"])]))
    >>> text = "Own the SLOs.\\nCut the mean time to recovery; review SLO misses."
    >>> role = ParsedRole(title="SRE", source="sre.md", line=1,
    ...     sections=[Section(name="Summary", kind=SectionKind.SUMMARY, text=text, line=3)])
    >>> facts = extract_role_facts(role, matcher)
    >>> slo = facts.skills[0]
    >>> (slo.name, slo.mentions, slo.weight, slo.evidence.line, slo.evidence.evidence)
    ('SLOs', 2, 0.7, 3, 'Own the SLOs.')
    >>> (facts.kpis[0].name, facts.kpis[0].evidence.line)
    ('MTTR', 4)
    """
    return RoleFacts(
        skills=_facts_of_kind(role, matcher, "skill", role.skills),
        kpis=_facts_of_kind(role, matcher, "kpi", role.kpis),
    )


def extract_all(roles: Iterable[ParsedRole], matcher: Matcher) -> list[RoleFacts]:
    """:func:`extract_role_facts` for each role, in the same order."""
    return [extract_role_facts(role, matcher) for role in roles]
