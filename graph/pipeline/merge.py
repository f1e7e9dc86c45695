"""One node per real role: parsed roles whose titles or aliases share a title key become one group."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.ids import make_id
from graph.model import LoadProblem, ParsedRole, Role
from graph.pipeline.functions import FunctionTree
from graph.pipeline.levels import classify_level
from graph.pipeline.titles import GENERIC_FUNCTION_WORDS, TitleKey, near_duplicates, title_key

__all__ = ["RoleGroup", "merge_roles", "TitleIndex", "near_duplicate_findings"]


@dataclass
class RoleGroup:
    """The parsed roles that describe one real role, in input order."""

    parts: list[ParsedRole]
    id: str = ""
    role: Role | None = None
    keys: set[TitleKey] = field(default_factory=set)

    @property
    def primary(self) -> ParsedRole:
        return self.parts[0]

    def first(self, attribute: str):
        """The first value any part states for ``attribute``."""
        return next((getattr(p, attribute) for p in self.parts if getattr(p, attribute)), None)

    def titles(self) -> list[str]:
        seen: dict[str, None] = {}
        for part in self.parts:
            for title in [part.title, *part.aliases]:
                seen.setdefault(title.strip(), None)
        return list(seen)

    def level_aliases(self) -> list[str]:
        """The names its parts give it only inside their ladders (not among its own titles)."""
        titles = {title_key(t) for t in self.titles()}
        seen: dict[str, None] = {}
        for part in self.parts:
            for name in part.level_aliases:
                if title_key(name) not in titles:
                    seen.setdefault(name.strip(), None)
        return list(seen)

    def build_role(self, functions: FunctionTree) -> Role:
        title = self.primary.title
        grade = self.first("grade")
        family = self.first("family")
        department = self.first("department")
        level = classify_level(title, grade)
        scoped = self.level_aliases()
        self.role = Role(
            id=self.id,
            title=title,
            aliases=[t for t in self.titles() if t != title] + scoped,
            level_aliases=scoped,
            ladder=self.first("ladder") if scoped else None,
            summary=self.first("summary") or "",
            level=self.first("level") or level.level,
            level_rank=level.rank,
            track=self.first("track") or level.track,
            track_at=next((p.track_at for p in self.parts if p.track), None),
            grade=grade,
            family=family,
            department=department,
            specialty=self.first("specialty"),
            function=functions.place(
                title, family, base.title if (base := self.first("specializes")) else None, department
            ),
            sources=list(dict.fromkeys(p.source for p in self.parts)),
            sections=[s for p in self.parts for s in p.sections],
        )
        return self.role


def merge_roles(parsed: list[ParsedRole]) -> list[RoleGroup]:
    """Group parsed roles that name the same role (by title or alias key).

    Examples
    --------
    >>> groups = merge_roles([ParsedRole(title="SRE Manager", source="a", line=1),
    ...                       ParsedRole(title="Site Reliability Engineering Manager", source="b", line=3),
    ...                       ParsedRole(title="Head of SRE", source="a", line=5)])
    >>> [(g.id, len(g.parts)) for g in groups]
    [('role:sre-manager', 2), ('role:head-of-sre', 1)]
    """
    parent = list(range(len(parsed)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[TitleKey, int] = {}
    for i, role in enumerate(parsed):
        for title in [role.title, *role.aliases]:
            key = title_key(title)
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    by_root: dict[int, RoleGroup] = {}
    for i, role in enumerate(parsed):
        group = by_root.setdefault(find(i), RoleGroup(parts=[]))
        group.parts.append(role)
    groups = list(by_root.values())  # in order of each group's first part, as parts are visited in input order
    _assign_ids(groups)
    return groups


def _assign_ids(groups: list[RoleGroup]) -> None:
    taken: set[str] = set()
    for group in groups:
        base = make_id("Role", group.primary.title)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        group.id = candidate
        group.keys = {title_key(t) for t in group.titles()}


class TitleIndex:
    """Find the group a referenced title names.

    A title or alias names its group from anywhere. A level alias ("Senior", "L3") names a group only
    from inside its ladder: a reference from the same ladder of the same document, else from the one
    document (or the one job family) whose ladders hold that level once. From elsewhere it names no
    group; :meth:`level_candidates` lists the roles it could mean.

    Examples
    --------
    >>> a = ParsedRole(title="Senior Developer", source="a.md", line=1, level_aliases=["Senior"], ladder="Developer")
    >>> b = ParsedRole(title="Senior Designer", source="b.md", line=1, level_aliases=["Senior"], ladder="Designer")
    >>> lead = ParsedRole(title="Lead Developer", source="a.md", line=9, ladder="Developer")
    >>> index = TitleIndex(merge_roles([a, b, lead]))
    >>> index.find("Senior", lead).id, index.find("Senior"), [g.id for g in index.level_candidates("Senior")]
    ('role:senior-developer', None, ['role:senior-developer', 'role:senior-designer'])
    """

    def __init__(self, groups: list[RoleGroup]) -> None:
        self._by_key = {key: group for group in groups for key in group.keys}
        self._levels: dict[TitleKey, list[tuple[RoleGroup, ParsedRole]]] = {}
        for group in groups:
            for part in group.parts:
                for name in part.level_aliases:
                    self._levels.setdefault(title_key(name), []).append((group, part))

    def find(self, title: str, within: ParsedRole | None = None) -> RoleGroup | None:
        """The group ``title`` names, read from the role ``within`` (where the reference is written)."""
        key = title_key(title)
        if within is not None and key in self._levels:
            inside = _in_scope(self._levels[key], within)
            if inside is not None:
                return inside
        return self._by_key.get(key)

    def level_candidates(self, title: str) -> list[RoleGroup]:
        """The groups that hold ``title`` as a level alias of their ladder, in group order."""
        return list({id(g): g for g, _ in self._levels.get(title_key(title), [])}.values())


def _in_scope(holders: list[tuple[RoleGroup, ParsedRole]], within: ParsedRole) -> RoleGroup | None:
    """The one group of ``holders`` in the scope of ``within``: its ladder, else its document, else its family."""
    same_source = [(g, p) for g, p in holders if p.source == within.source]
    scopes = [
        [g for g, p in same_source if within.ladder and p.ladder == within.ladder],
        [g for g, _ in same_source],
        [g for g, p in holders if within.family and p.family and title_key(p.family) == title_key(within.family)],
    ]
    for groups in scopes:
        distinct = {id(g): g for g in groups}
        if len(distinct) == 1:
            return next(iter(distinct.values()))
        if distinct:
            return None  # several ladders of this scope hold the level: not for a wider scope to decide
    return None


def near_duplicate_findings(groups: list[RoleGroup]) -> list[LoadProblem]:
    """Warnings for roles that may be one role but are not provably so; they stay separate.

    Near duplicates share level, specialty and the function words that are not generic, so only titles
    in one such bucket are compared (linear in the roles, not quadratic); the warnings keep the order
    of an all-pairs scan.
    """
    keys = [title_key(g.primary.title) for g in groups]
    buckets: dict[tuple, list[int]] = {}
    for i, key in enumerate(keys):
        core = frozenset(key.function) - GENERIC_FUNCTION_WORDS
        buckets.setdefault((key.level, key.specialty, core), []).append(i)
    pairs = sorted(
        (i, j)
        for members in buckets.values()
        for n, i in enumerate(members)
        for j in members[n + 1 :]
        if near_duplicates(keys[i], keys[j])
    )
    findings = []
    for i, j in pairs:
        a, b = groups[i], groups[j]
        findings.append(
            LoadProblem(
                path=b.primary.source,
                line=b.primary.line,
                **b.primary.location.beyond_line,
                severity="warning",
                message=(
                    f"possible duplicate roles, not merged: {a.primary.title!r} and "
                    f"{b.primary.title!r}; add one as an alias of the other if they are the same"
                ),
            )
        )
    return findings
