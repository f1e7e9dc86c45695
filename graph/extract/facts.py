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
  Time to Recovery" name an indicator, not a skill the role needs.

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
    "UNSCANNED_FOR_SKILLS",
    "UNSCANNED_SECTIONS",
    "Fact",
    "RoleFacts",
    "extract_all",
    "extract_role_facts",
]

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from graph.extract.boilerplate import outside_boilerplate
from graph.extract.matcher import Kind, Matcher
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

_LEAD_IN = re.compile(
    r"^(?:(?:strong|solid|excellent|deep|good|proven|working|hands-on|basic)\s+)?"
    r"(?:experience (?:with|in|of)|knowledge of|familiarity with|proficiency (?:in|with)|understanding of"
    r"|ability to|expertise in)\s+",
    re.IGNORECASE,
)


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
    """The name an unmatched item becomes: lead-in words dropped, ordinary words lower-cased.

    >>> _item_name("Experience with Zendesk Administration.")
    'zendesk administration'
    """
    item = _LEAD_IN.sub("", " ".join(text.split()).strip(" -*•:;,.")).strip(" -*•:;,.")
    words = [w if any(c.isupper() for c in w[1:]) else w.lower() for w in item.split()]
    return " ".join(words)


def _stated(mention: Mention, kind: Kind, matcher: Matcher, index: int) -> list[_Observation]:
    evidence = mention.at.model_copy(update={"method": "stated"})
    occurrence = (mention.at.line, -1) if mention.at.line else (0, index)
    found = matcher.find(mention.name, kind)
    matches = outside_boilerplate(mention.name, found)
    if matches or found:  # a mention naming only the company's values names nothing of the role
        return [
            _Observation(m.canonical, True, mention.section, evidence, mention.importance, occurrence) for m in matches
        ]
    words = len(mention.name.split())
    is_item = (kind == "skill" and mention.section == SectionKind.SKILLS and words <= MAX_SKILL_ITEM_WORDS) or (
        kind == "kpi" and words <= MAX_KPI_ITEM_WORDS
    )
    name = _item_name(mention.name)
    if not is_item or not name:
        return []
    return [_Observation(name, False, mention.section, evidence, mention.importance, occurrence)]


def _extracted(section: Section, kind: Kind, matcher: Matcher, source: str) -> list[_Observation]:
    observations = []
    for match in outside_boilerplate(section.text, matcher.find(section.text, kind)):
        line = section.line + section.text.count("\n", 0, match.start)
        evidence = Evidence(
            source=source,
            line=max(line, 0),
            evidence=sentence_around(section.text, match.start, match.end),
            method="extracted",
            confidence=EXTRACTED_CONFIDENCE,
        )
        observations.append(_Observation(match.canonical, True, section.kind, evidence, None, (line, -1)))
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
    observations += [o for section in scanned for o in _extracted(section, kind, matcher, role.source)]
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
