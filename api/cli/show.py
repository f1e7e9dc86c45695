"""How the CLI prints answers that are not plain tables: role cards, career paths, gaps, corrections.

Blocks of wrapped text rather than wide tables, so that at 80 columns words wrap whole (a word breaks
only when it is longer than the line), and evidence is printed whole: ``file:line`` and the sentence.
Imported by the commands that print, never at start-up (it imports rich).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.text import Text

from api.cli.app import console

if TYPE_CHECKING:
    from graph.queries.cards import RoleCard
    from graph.queries.gap import SkillGap
    from graph.queries.models import Correction, EvidenceRef, WeightedItem
    from graph.queries.paths import CareerPath, CareerStep

__all__ = ["line", "print_card", "print_corrections", "print_gap", "print_path", "print_step", "where"]

SHORT_CARD_SKILLS = 6  # per category on the short card
SHORT_GAINS = 6


def line(text: str | Text, indent: int = 0, style: str | None = None) -> None:
    """One paragraph, wrapped at word boundaries, every line indented by ``indent``."""
    body = text if isinstance(text, Text) else Text(text, style=style or "")
    console.print(Padding(body, (0, 0, 0, indent), expand=False), highlight=False, soft_wrap=False)


def where(evidence: EvidenceRef | None) -> str:
    """``file:line`` of the evidence (the whole path as loaded), ``file (page 3, paragraph 2)`` for a binary
    document's place, or the file alone.

    Examples
    --------
    >>> from graph.queries.models import EvidenceRef
    >>> cell = EvidenceRef(source="m.xlsx", sheet="Matrix", row=4, column=3)
    >>> where(EvidenceRef(source="roles/sre.md", line=12)), where(cell)
    ('roles/sre.md:12', 'm.xlsx (sheet Matrix, row 4, column C)')
    """
    if evidence is None or not evidence.source:
        return ""
    return evidence.location.cite(evidence.source)


def _evidence(evidence: EvidenceRef | None, indent: int) -> None:
    if evidence is None:
        return
    head = where(evidence)
    sentence = (evidence.sentence or "").strip()
    text = Text(head, style="cyan")
    if sentence:
        text.append(("  " if head else "") + f"\u201c{sentence}\u201d")
    line(text, indent)


def _names(items: Sequence[WeightedItem], limit: int | None = None, weights: bool = True) -> str:
    shown = items if limit is None else items[:limit]
    text = ", ".join(f"{i.name} ({i.weight:g})" if weights else i.name for i in shown)
    if limit is not None and len(items) > limit:
        text += f", +{len(items) - limit} more"
    return text


def _method(method: str, confidence: float) -> str:
    return f"{method}, confidence {confidence:.2f}" if method == "inferred" else method


def _known(evidence: EvidenceRef | None) -> str:
    return _method(evidence.method, evidence.confidence) if evidence else ""


def print_corrections(corrections: Iterable[Correction]) -> None:
    for correction in corrections:
        line(f"note: {correction.note}", style="yellow")


def print_card(card: RoleCard, *, full: bool) -> None:
    """The short card (fields, top skills per category, KPIs, lines, next roles), or with ``full`` every
    skill and KPI with its weight, how it is known and its evidence."""
    print_corrections(card.corrections)
    role = card.role
    line(Text.assemble((role.title, "bold"), f"  ({role.id})"))
    department = role.department if role.department not in (role.family, role.function) else None
    facts = [
        role.level, f"grade {role.grade}" if role.grade else None, role.family,
        f"{department} department" if department else None, role.function,
    ]  # fmt: skip
    line(" · ".join(str(f) for f in facts if f), 2)
    if role.aliases:
        line(f"also called: {', '.join(role.aliases)}", 2)
    if role.summary:
        console.print()
        line(role.summary if full else role.summary.split("\n\n")[0], 2)
    count = sum(len(g.skills) for g in card.skills)
    console.print()
    line(Text(f"Skills ({count})", style="bold"))
    for group in card.skills:
        if full:
            line(group.category or "Other", 2, style="bold")
            for skill in group.skills:
                line(f"{skill.name}  {skill.weight:.2f}  {_known(skill.evidence)}", 4)
                _evidence(skill.evidence, 6)
        else:
            line(f"{group.category or 'Other'}: {_names(group.skills, SHORT_CARD_SKILLS)}", 2)
    if card.kpis:
        line(Text(f"KPIs ({len(card.kpis)})", style="bold"))
        if full:
            for kpi in card.kpis:
                line(f"{kpi.name}  {_known(kpi.evidence)}", 2)
                _evidence(kpi.evidence, 4)
        else:
            line(_names(card.kpis, weights=False), 2)
    console.print()
    moves = [f"{m.end.title} ({m.kind}, {_method(m.method, m.confidence)})" for m in card.next_roles]
    lines = [
        ("Reports to", " → ".join(r.title for r in card.reports_to)),
        ("Direct reports", ", ".join(r.title for r in card.direct_reports)),
        ("Next roles", ", ".join(moves)),
        ("Similar", ", ".join(f"{s.role.title} ({s.score:.2f})" for s in card.similar) if full else ""),
        ("Sources", ", ".join(s.path for s in card.sources)),
    ]
    for label, value in lines:
        if value:
            line(Text.assemble((f"{label}: ", "bold"), value))
    if not full:
        line("(orgkg role --full for every skill and KPI with its evidence)", style="dim")


def print_step(number: int, step: CareerStep, *, full: bool = True) -> None:
    """One move: where to, its kind and how it is known, its cost in words, what to gain, its evidence."""
    style = "yellow" if step.method == "inferred" else ""
    head = Text(f"{number}. ")
    head.append(step.end.title, style="bold")
    head.append(f" — {step.kind}, ")
    head.append(_method(step.method, step.confidence), style=style)
    line(head, 2)
    line(step.cost_explained, 5)
    limit = None if full else SHORT_GAINS
    if step.skills_to_gain:
        line(f"skills to gain: {_names(step.skills_to_gain, limit)}", 5)
    if step.kpis_to_gain:
        line(f"KPIs to gain: {_names(step.kpis_to_gain, limit, weights=False)}", 5)
    if not step.skills_to_gain and not step.kpis_to_gain:
        line("nothing new to gain: the earlier roles give all it asks", 5, style="dim")
    _evidence(step.evidence, 5)


def print_path(heading: str, path: CareerPath) -> None:
    start, end = path.steps[0].start.title, path.steps[-1].end.title
    moves = f"{len(path.steps)} move{'s' * (len(path.steps) != 1)}"
    line(Text(f"{heading}: {start} → {end}, {moves}", style="bold"))
    line(path.cost_explained, 2)
    for number, step in enumerate(path.steps, start=1):
        print_step(number, step)
    total = len(path.skills_to_gain) + len(path.kpis_to_gain)
    line(f"in all: {len(path.skills_to_gain)} skills and {len(path.kpis_to_gain)} KPIs to gain" if total else "", 2)


def print_gap(gap: SkillGap) -> None:
    """Had, missing by weight with the roles on the way that ask for each, and what only the start has."""
    print_corrections(gap.corrections)
    line(Text(f"{gap.from_role.title} → {gap.to_role.title} (skill overlap {gap.skill_overlap:.0%})", style="bold"))
    if gap.route:
        line("cheapest path: " + " → ".join(r.title for r in gap.route), 2)
    elif gap.route_message:
        line(gap.route_message, 2, style="dim")
    for kind, label in (("skill", "skills"), ("kpi", "KPIs")):
        missing, shared = getattr(gap, f"missing_{kind}s"), getattr(gap, f"shared_{kind}s")
        surplus = getattr(gap, f"surplus_{kind}s")
        console.print()
        line(Text(f"Missing {label} ({len(missing)}), heaviest first", style="bold"))
        for item in missing:
            taught = f" — on the way at {', '.join(r.title for r in item.taught_by)}" if item.taught_by else ""
            line(f"{item.name} ({item.weight:g}){taught}", 2)
        line(Text(f"Already had ({len(shared)})", style="bold"))
        if shared:
            line(", ".join(f"{i.name} ({i.from_weight:g} → {i.to_weight:g})" for i in shared), 2)
        if surplus:
            line(Text(f"Only {gap.from_role.title} asks ({len(surplus)})", style="bold"))
            line(_names(surplus), 2)
