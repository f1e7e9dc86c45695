"""Find roles, skills, KPIs and job families by id, name, alias or a near miss.

Resolution order: the id (``role:x`` or the bare slug ``x``), then the name key of a title or alias
(case, accents and punctuation ignored), then a fuzzy match that tolerates typos and word order, taken
only when it is strong and clearly ahead of the next candidate. Otherwise the error carries up to five
"did you mean" suggestions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.errors import AmbiguousRole, NotFound, RoleNotFound
from graph.ids import slugify
from graph.model import KPI, JobFamily, Role, Skill
from graph.queries.checks import check_int, check_name
from graph.queries.corrections import note_correction
from graph.queries.models import RoleSummary, _Result
from graph.queries.text import NameIndex

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = [
    "RoleHit",
    "SearchHit",
    "SearchResults",
    "resolve_family",
    "resolve_kpi",
    "resolve_role",
    "resolve_roles",
    "resolve_skill",
    "search",
    "search_roles",
    "split_role_list",
]

MAX_SEARCH_LIMIT = 100


class RoleHit(_Result):
    role: RoleSummary
    matched: str
    score: float


class SearchHit(_Result):
    kind: str
    id: str
    name: str
    matched: str
    score: float


class SearchResults(_Result):
    query: str
    roles: list[SearchHit]
    skills: list[SearchHit]
    kpis: list[SearchHit]


def _candidate_ids(name: str, prefix: str) -> Iterator[str]:
    """The ids ``name`` may be as it is written, the cheapest first: the slug is made only if the others miss."""
    yield name
    yield f"{prefix}:{name}"
    yield f"{prefix}:{slugify(name)}"


def _resolve_id(index: NameIndex, ids: dict, prefix: str, kind: str, text: object) -> str:
    """The id ``text`` names among ``ids``; ``NotFound`` with suggestions otherwise."""
    name = check_name(kind, text)
    for candidate in _candidate_ids(name, prefix):
        if candidate in ids:
            return candidate
    match = index.resolve(name)
    if match is not None:
        if not index.exact(name):  # a typo or another word order: the answer says what it was read as
            note_correction(kind, name, match.id, index.display[match.id])
        return match.id
    holders = index.exact(name)
    if kind == "role" and len(holders) > 1:  # "Senior" of two ladders: the caller picks one
        raise AmbiguousRole(name, [index.display[i] for i in holders])
    suggestions = index.suggestions(name)
    if kind == "role":
        raise RoleNotFound(name, suggestions)
    raise NotFound(kind, name, suggestions)


def resolve_role(og: OrgGraph, text: str) -> Role:
    """The role ``text`` names: an id, bare slug, title, alias, or a unique near miss.

    Raises
    ------
    InvalidParameter
        ``text`` is empty or longer than a name can be.
    RoleNotFound
        Nothing matches well enough; ``suggestions`` lists up to five close titles.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> og = sample_graph()
    >>> [resolve_role(og, t).id for t in ["role:vp", "vp", "vpe", "Enginering Manager", "Manager Platform Engineering"]]
    ['role:vp', 'role:vp', 'role:vp', 'role:manager', 'role:platform-manager']
    >>> resolve_role(og, "Engineering")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.RoleNotFound: no role matches 'Engineering'; did you mean: 'VP of Engineering', ...
    """
    return og.roles_by_id[_resolve_id(og.role_names, og.roles_by_id, "role", "role", text)]


def resolve_roles(og: OrgGraph, texts: list[str]) -> list[Role]:
    """Each text resolved to a role, duplicates dropped, order kept."""
    roles: dict[str, Role] = {}
    for text in texts:
        role = resolve_role(og, text)
        roles.setdefault(role.id, role)
    return list(roles.values())


def _names_a_role(og: OrgGraph, text: str) -> bool:
    """``text`` is a role's id, slug, title or alias exactly (no fuzzy match)."""
    name = text.strip()
    return bool(name) and (
        any(c in og.roles_by_id for c in (name, f"role:{name}", f"role:{slugify(name)}"))
        or bool(og.role_names.exact(name))
    )


def _split_commas(og: OrgGraph, text: str) -> list[str]:
    """``text`` split on commas, keeping together each longest run of pieces that names a role exactly."""
    if "," not in text or _names_a_role(og, text):
        return [text]
    pieces, names, start = text.split(","), [], 0
    while start < len(pieces):
        end = next(
            (e for e in range(len(pieces), start + 1, -1) if _names_a_role(og, ",".join(pieces[start:e]))), start + 1
        )
        names.append(",".join(pieces[start:end]))
        start = end
    return names


def split_role_list(og: OrgGraph, values: list[str]) -> list[str]:
    """Role names from a list parameter given repeated (``?roles=a&roles=b``), separated by ``|``, or by
    commas (``?roles=a,b,c``) — titles hold commas too, so a comma splits only where the text on either
    side is not one role's exact title, alias, id or slug: ``Manager, Infrastructure`` stays one name.
    Blank pieces are dropped.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> split_role_list(sample_graph(), ["SRE Manager,vp|Engineering Manager (Delivery)", "role:director"])
    ['SRE Manager', 'vp', 'Engineering Manager (Delivery)', 'role:director']
    >>> split_role_list(sample_graph(), ["Manager, Engineering,SRE Manger, "])
    ['Manager, Engineering', 'SRE Manger']
    """
    names = []
    for value in values:
        for part in value.split("|"):
            names += [name.strip() for name in _split_commas(og, part) if name.strip()]
    return names


def resolve_skill(og: OrgGraph, text: str) -> Skill:
    """The skill ``text`` names (id, slug, name, alias or near miss); ``NotFound`` with suggestions.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> resolve_skill(sample_graph(), "obsevability").id
    'skill:observability'
    """
    return og.skills_by_id[_resolve_id(og.skill_names, og.skills_by_id, "skill", "skill", text)]


def resolve_kpi(og: OrgGraph, text: str) -> KPI:
    """The KPI ``text`` names (id, slug, name, alias or near miss); ``NotFound`` with suggestions.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> resolve_kpi(sample_graph(), "MTTR").id
    'kpi:mttr'
    """
    return og.kpis_by_id[_resolve_id(og.kpi_names, og.kpis_by_id, "kpi", "KPI", text)]


def resolve_family(og: OrgGraph, text: str) -> JobFamily:
    """The job family ``text`` names (id, slug, name or near miss); ``NotFound`` with suggestions.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> resolve_family(sample_graph(), "engineering").id
    'family:engineering'
    """
    return og.families_by_id[_resolve_id(og.family_names, og.families_by_id, "family", "job family", text)]


def search_roles(og: OrgGraph, text: str, limit: int = 10) -> list[RoleHit]:
    """Roles for a type-ahead box: whole name, prefix, word prefix, substring, then fuzzy matches.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [hit.role.title for hit in search_roles(sample_graph(), "eng", limit=3)]
    ['Engineering Manager', 'Engineering Manager (Delivery)', 'Software Engineer']
    """
    check_int("limit", limit, 1, MAX_SEARCH_LIMIT)
    if not isinstance(text, str):
        return []
    return [
        RoleHit(role=RoleSummary.of(og.roles_by_id[m.id]), matched=m.name, score=m.score)
        for m in og.role_names.search(text[:300], limit=limit)
    ]


def search(og: OrgGraph, text: str, limit: int = 10) -> SearchResults:
    """Type-ahead over roles, skills and KPIs at once, ``limit`` of each.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> found = search(sample_graph(), "reli")
    >>> [h.name for h in found.roles], [h.name for h in found.skills]
    (['SRE Manager'], [])
    """
    check_int("limit", limit, 1, MAX_SEARCH_LIMIT)
    query = text[:300] if isinstance(text, str) else ""

    def hits(kind: str, index: NameIndex) -> list[SearchHit]:
        return [
            SearchHit(kind=kind, id=m.id, name=index.display[m.id], matched=m.name, score=m.score)
            for m in index.search(query, limit=limit)
        ]

    return SearchResults(
        query=query,
        roles=hits("role", og.role_names),
        skills=hits("skill", og.skill_names),
        kpis=hits("kpi", og.kpi_names),
    )
