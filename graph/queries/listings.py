"""Lists and cards: roles filtered by family, level, track, function, skill or KPI; skill and KPI cards."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from graph.errors import InvalidParameter
from graph.model import KPI, RelType, Role, Skill
from graph.queries.checks import check_int
from graph.queries.lookup import resolve_family, resolve_kpi, resolve_skill
from graph.queries.models import Answer, EvidenceRef, RoleSummary, _Result
from graph.queries.text import name_key

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = [
    "KPICard",
    "KPISummary",
    "Page",
    "RoleRequirement",
    "SkillCard",
    "SkillSummary",
    "kpi_card",
    "list_kpis",
    "list_roles",
    "list_skills",
    "role_matcher",
    "role_order",
    "skill_card",
]

MAX_PAGE = 1000
MAX_OFFSET = 1_000_000
TRACKS = ("ic", "management")

T = TypeVar("T")


class Page(Answer, Generic[T]):
    """One page of a longer list: ``total`` is the length of the whole list."""

    total: int
    limit: int
    offset: int
    items: list[T]


class SkillSummary(_Result):
    id: str
    name: str
    category: str | None = None
    in_taxonomy: bool = True
    roles: int


class KPISummary(_Result):
    id: str
    name: str
    description: str = ""
    roles: int


class RoleRequirement(_Result):
    """A role that needs a skill (or is measured by a KPI), with the weight and the evidence."""

    role: RoleSummary
    weight: float
    evidence: EvidenceRef | None = None


class SkillCard(Answer):
    skill: Skill
    roles: list[RoleRequirement]


class KPICard(Answer):
    kpi: KPI
    roles: list[RoleRequirement]


def role_order(role: Role) -> tuple:
    """The default order of roles in a list: family, then rank (lowest first), then title."""
    rank = role.level_rank if role.level_rank is not None else role.grade
    return (role.family or "~", rank if rank is not None else 10**6, role.title.lower(), role.id)


def _page(items: list[T], limit: int, offset: int) -> Page[T]:
    check_int("limit", limit, 1, MAX_PAGE)
    check_int("offset", offset, 0, MAX_OFFSET)
    return Page[T](total=len(items), limit=limit, offset=offset, items=items[offset : offset + limit])


def _given(value: str | None) -> str | None:
    """A filter's value, or ``None`` when it is missing or blank (a blank filter filters nothing)."""
    if value is None or not value.replace("\x00", "").strip():
        return None
    return value.replace("\x00", "").strip()


def role_matcher(
    og: OrgGraph,
    *,
    family: str | None = None,
    level: str | None = None,
    track: str | None = None,
    function: str | None = None,
    skill: str | None = None,
    kpi: str | None = None,
) -> Callable[[Role], bool]:
    """A test that passes the roles matching every given filter (see :func:`list_roles`)."""
    tests: list[Callable[[Role], bool]] = []
    if family := _given(family):
        found = resolve_family(og, family)
        members = set(og.family_roles.get(found.id, []))
        tests.append(lambda r: r.id in members or name_key(r.family or "") == name_key(found.name))
    if level := _given(level):
        tests.append(lambda r: name_key(r.level or "") == name_key(level) or str(r.level_rank) == level)
    if track := _given(track):
        if track.lower() not in TRACKS:
            raise InvalidParameter("track", f"must be one of {', '.join(TRACKS)}, got {track!r}")
        tests.append(lambda r: r.track == track.lower())
    if function := _given(function):
        within = {name_key(f) for f in og.functions_within.get(function.strip().casefold(), {function})}
        tests.append(lambda r: name_key(r.function or "") in within)
    if skill := _given(skill):
        skill_id = resolve_skill(og, skill).id
        tests.append(lambda r: skill_id in og.role_skills.get(r.id, {}))
    if kpi := _given(kpi):
        kpi_id = resolve_kpi(og, kpi).id
        tests.append(lambda r: kpi_id in og.role_kpis.get(r.id, {}))
    return lambda role: all(test(role) for test in tests)


def list_roles(
    og: OrgGraph,
    *,
    q: str | None = None,
    family: str | None = None,
    level: str | None = None,
    track: str | None = None,
    function: str | None = None,
    skill: str | None = None,
    kpi: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[RoleSummary]:
    """Roles that pass every given filter, best match first with ``q``, else by family, rank and title.

    ``family``, ``skill`` and ``kpi`` are resolved like role names (unknown → ``NotFound`` with
    suggestions); ``level`` matches the level name or the level rank; ``track`` is ``ic`` or
    ``management``; ``function`` matches the function and every function below it. Blank filters are ignored.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> page = list_roles(sample_graph(), skill="SLOs", limit=5)
    >>> page.total, [r.title for r in page.items]
    (1, ['SRE Manager'])
    >>> list_roles(sample_graph(), level="manager", track="management", limit=2).total
    5
    """
    check_int("limit", limit, 1, MAX_PAGE)
    check_int("offset", offset, 0, MAX_OFFSET)
    matches = role_matcher(og, family=family, level=level, track=track, function=function, skill=skill, kpi=kpi)
    if query := _given(q):
        ranked = [og.roles_by_id[m.id] for m in og.role_names.search(query[:300], limit=len(og.roles_by_id) or 1)]
    else:
        ranked = sorted(og.roles_by_id.values(), key=role_order)
    kept = [RoleSummary.of(role) for role in ranked if matches(role)]
    return _page(kept, limit, offset)


def list_skills(
    og: OrgGraph, *, q: str | None = None, category: str | None = None, limit: int = 100, offset: int = 0
) -> Page[SkillSummary]:
    """Skills with how many roles need them; most needed first (or best match with ``q``).

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(s.name, s.roles) for s in list_skills(sample_graph(), limit=2).items]
    [('People Leadership', 8), ('Hiring', 6)]
    """
    counts = _holders(og.role_skills)
    if query := _given(q):
        skills = [og.skills_by_id[m.id] for m in og.skill_names.search(query[:300], limit=len(og.skills_by_id) or 1)]
    else:
        skills = sorted(og.skills_by_id.values(), key=lambda s: (-counts.get(s.id, 0), s.name.lower()))
    if wanted := _given(category):
        skills = [s for s in skills if name_key(s.category or "") == name_key(wanted)]
    items = [SkillSummary(**s.model_dump(exclude={"aliases"}), roles=counts.get(s.id, 0)) for s in skills]
    return _page(items, limit, offset)


def list_kpis(og: OrgGraph, *, q: str | None = None, limit: int = 100, offset: int = 0) -> Page[KPISummary]:
    """KPIs with how many roles are measured by them; most used first (or best match with ``q``).

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(k.name, k.roles) for k in list_kpis(sample_graph(), limit=1).items]
    [('Team Health', 5)]
    """
    counts = _holders(og.role_kpis)
    if query := _given(q):
        kpis = [og.kpis_by_id[m.id] for m in og.kpi_names.search(query[:300], limit=len(og.kpis_by_id) or 1)]
    else:
        kpis = sorted(og.kpis_by_id.values(), key=lambda k: (-counts.get(k.id, 0), k.name.lower()))
    items = [KPISummary(id=k.id, name=k.name, description=k.description, roles=counts.get(k.id, 0)) for k in kpis]
    return _page(items, limit, offset)


def _holders(profiles: dict[str, dict[str, float]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for profile in profiles.values():
        for item_id in profile:
            counts[item_id] = counts.get(item_id, 0) + 1
    return counts


def _requirements(og: OrgGraph, item_id: str, rel_type: RelType) -> list[RoleRequirement]:
    found = [
        RoleRequirement(
            role=RoleSummary.of(og.roles_by_id[start]),
            weight=data.get("weight") if data.get("weight") is not None else 1.0,
            evidence=EvidenceRef.of_edge(data),
        )
        for start, data in og.in_edges(item_id, rel_type)
        if start in og.roles_by_id
    ]
    return sorted(found, key=lambda req: (-req.weight, req.role.title.lower()))


def skill_card(og: OrgGraph, skill: str) -> SkillCard:
    """A skill and the roles that need it, heaviest weight first, each with its evidence.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> card = skill_card(sample_graph(), "observability")
    >>> [(r.role.title, r.weight) for r in card.roles]
    [('SRE Manager', 0.8), ('Platform Engineering Manager', 0.6)]
    """
    found = resolve_skill(og, skill)
    return SkillCard(skill=found, roles=_requirements(og, found.id, RelType.REQUIRES_SKILL))


def kpi_card(og: OrgGraph, kpi: str) -> KPICard:
    """A KPI and the roles measured by it, each with its evidence.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [r.role.title for r in kpi_card(sample_graph(), "availability").roles]
    ['Platform Engineering Manager', 'SRE Manager']
    """
    found = resolve_kpi(og, kpi)
    return KPICard(kpi=found, roles=_requirements(og, found.id, RelType.MEASURED_BY))
