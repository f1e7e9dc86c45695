"""Reporting lines and career steps: stated ones resolved, the missing ones inferred.

Rules, in order (a later rule never overrides an earlier one):

1. **Stated** — ``reports_to`` / ``direct_reports`` / ``promotes_to`` / lateral references of the
   documents, resolved by title key.
2. **Extracted** — a responsibility such as "Manage the Delivery and Scalability Infrastructure teams"
   makes the roles of that document whose specialty is named report to the role that says it.
3. **Inferred** — a role with no manager reports to the nearest higher-ranked role of its family, else of
   its function, else of the nearest parent function; a role with no stated next step promotes to the
   nearest higher-ranked role of the same track in its family, else its function. Specialty roles are
   never inferred targets. Inferred edges carry ``method="inferred"``, a confidence and the rule in
   ``evidence``; an inferred edge that would close a cycle is not added.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from graph.ids import slugify
from graph.model import Evidence, Location, ParsedRole, Relationship, RelType, Role, RoleRef
from graph.pipeline.functions import FunctionTree
from graph.pipeline.merge import RoleGroup, TitleIndex

__all__ = ["LineBuilder", "METHOD_PRIORITY"]

METHOD_PRIORITY = {"stated": 0, "extracted": 1, "inferred": 2}

# The names are bounded (a sentence naming teams is short): an unbounded lazy ``.+?`` rescans the rest of
# the line from every "manage the", which made "manage the " × 10,000 take 40 s.
_MANAGES_TEAMS = re.compile(
    r"\b(?:manage|manages|lead|leads|oversee|oversees)\s+the\s+(?P<names>[^\n]{1,200}?)(?:\s+\w{1,40})?\s+teams?\b",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*", re.IGNORECASE)


class LineBuilder:
    """Collects the line and step relationships of a set of role groups."""

    def __init__(self, groups: list[RoleGroup], index: TitleIndex, functions: FunctionTree) -> None:
        self.groups = groups
        self.index = index
        self.functions = functions
        self.edges: dict[tuple[str, str, str], Relationship] = {}
        self.dangling: list[tuple[RoleRef, str]] = []
        self.ambiguous: list[tuple[RoleRef, str]] = []  # a bare level name from outside its ladder
        # Each line's moves so far, as successor sets: enough to refuse an inferred move that closes a cycle.
        self._graphs: dict[RelType, defaultdict[str, set[str]]] = {
            t: defaultdict(set) for t in (RelType.REPORTS_TO, RelType.PROMOTES_TO)
        }
        self._groups_by_source: dict[str, list[RoleGroup]] | None = None
        self._places = {group.id: group.primary.location for group in groups}

    # ------------------------------------------------------------------ stated

    def add_stated(self) -> None:
        for group in self.groups:
            for part in group.parts:
                for ref in part.reports_to:
                    self._ref_edge(RelType.REPORTS_TO, group, part, ref, "reports to")
                for ref in part.direct_reports:
                    self._ref_edge(RelType.REPORTS_TO, group, part, ref, "direct report", reverse=True)
                for ref in part.promotes_to:
                    self._ref_edge(RelType.PROMOTES_TO, group, part, ref, "next role")
                for ref in part.lateral:
                    self._ref_edge(RelType.CAN_MOVE_TO, group, part, ref, "lateral move")
                if part.specializes:
                    self._ref_edge(RelType.SPECIALIZES, group, part, part.specializes, "specialty of")

    def add_family_moves(self, roles_by_family: dict[str, list[Role]]) -> None:
        """``can also move to roles in the X job family``: a lateral move to the peer level there.

        Specialty roles are left out as targets: the move is to the family's base roles.
        """
        specialties = self._specialties()
        for group in self.groups:
            role = group.role
            for part in group.parts:
                for ref in part.lateral_families:
                    family = roles_by_family.get(slugify(ref.name), [])
                    peers = [r for r in family if r.id != role.id and r.id not in specialties]
                    for peer in _nearest_in_rank(role, peers):
                        self._add(RelType.CAN_MOVE_TO, role.id, peer.id, ref.at)

    def _ref_edge(
        self, rel_type: RelType, group: RoleGroup, part: ParsedRole, ref: RoleRef, what: str, reverse=False
    ) -> None:
        target = self.index.find(ref.title, part)
        if target is None:
            candidates = self.index.level_candidates(ref.title)
            if candidates:
                titles = ", ".join(repr(c.primary.title) for c in candidates)
                message = f"{what} {ref.title!r} is ambiguous: a level of another ladder ({titles}), not of this one"
                self.ambiguous.append((ref, message + "; name the role"))
            else:
                self.dangling.append((ref, f"{what} {ref.title!r} names no loaded role"))
            return
        start, end = (target.id, group.id) if reverse else (group.id, target.id)
        self._add(rel_type, start, end, ref.at)

    # ------------------------------------------------------------------ extracted

    def add_team_mentions(self) -> None:
        for group in self.groups:
            for part in group.parts:
                for section in part.sections:
                    for offset, line_text in enumerate(section.text.splitlines()):
                        for match in _MANAGES_TEAMS.finditer(line_text):
                            names = {n.casefold() for n in _LIST_SPLIT.split(match["names"]) if n}
                            at = Evidence.at(
                                part.source,
                                section.location_of(offset),
                                line_text.strip(),
                                method="extracted",
                                confidence=0.9,
                            )
                            self._team_reports(group, part.source, names, at)

    def _team_reports(self, manager: RoleGroup, source: str, names: set[str], at: Evidence) -> None:
        for group in self._by_source().get(source, []):
            role = group.role
            if group is manager or not role.specialty or role.specialty.casefold() not in names:
                continue
            if _rank(role) < _rank(manager.role):
                self._add(RelType.REPORTS_TO, role.id, manager.id, at)

    def _by_source(self) -> dict[str, list[RoleGroup]]:
        """The groups each document describes, in group order (built once)."""
        if self._groups_by_source is None:
            self._groups_by_source = {}
            for group in self.groups:
                for source in group.role.sources:
                    self._groups_by_source.setdefault(source, []).append(group)
        return self._groups_by_source

    # ------------------------------------------------------------------ inferred

    def infer(self) -> None:
        roles = [g.role for g in self.groups]
        specialties = self._specialties()
        targets = _TargetIndex(r for r in roles if r.level_rank is not None and r.id not in specialties)
        for role in sorted(roles, key=lambda r: (-(r.level_rank or 0), r.id)):
            if role.level_rank is None:
                continue
            if not self._has_out(role.id, RelType.REPORTS_TO):
                self._infer_one(RelType.REPORTS_TO, role, targets, with_ancestors=True, same_track=False)
            if not self._has_out(role.id, RelType.PROMOTES_TO):
                self._infer_one(RelType.PROMOTES_TO, role, targets, with_ancestors=False, same_track=True)

    def _infer_one(self, rel_type, role: Role, targets: _TargetIndex, *, with_ancestors: bool, same_track: bool):
        if rel_type == RelType.REPORTS_TO:
            tracks = ["management"] if not same_track or role.track == "management" else []
        else:
            tracks = [role.track] if same_track else None
        for scope, confidence, kind, value in self._scopes(role, with_ancestors):
            nearest = targets.nearest_above(kind, value, role.level_rank, tracks)
            if nearest is None:
                continue
            target, tied = nearest
            if tied > 1:
                confidence = round(confidence * 0.8, 2)
            rule = (
                f"inferred: {target.title!r} is the nearest higher-ranked role ({target.level}) "
                f"in {scope} above {role.title!r} ({role.level})"
            )
            at = Evidence.at(
                role.sources[0],
                self._title_place(role),
                rule,
                method="inferred",
                confidence=confidence,
            )
            if self._add(rel_type, role.id, target.id, at):
                return

    def _scopes(self, role: Role, with_ancestors: bool) -> Iterable[tuple[str, float, str, str]]:
        if role.family:
            yield f"the {role.family} family", 0.8, "family", role.family
        if role.function:
            yield f"the {role.function} function", 0.7, "function", role.function
            if with_ancestors:
                for depth, ancestor in enumerate(self.functions.ancestors(role.function), start=1):
                    confidence = max(0.3, 0.6 - 0.1 * (depth - 1))
                    yield f"the parent function {ancestor}", confidence, "function", ancestor

    def _title_place(self, role: Role) -> Location:
        return self._places[role.id]

    # ------------------------------------------------------------------ bookkeeping

    def _specialties(self) -> set[str]:
        return {e.start for e in self.edges.values() if e.type == RelType.SPECIALIZES}

    def _has_out(self, node: str, rel_type: RelType) -> bool:
        return bool(self._graphs[rel_type].get(node))

    def _add(self, rel_type: RelType, start: str, end: str, at: Evidence) -> bool:
        if start == end:
            return False
        key = (start, rel_type.value, end)
        existing = self.edges.get(key)
        if existing and METHOD_PRIORITY[existing.method] <= METHOD_PRIORITY[at.method]:
            return True
        graph = self._graphs.get(rel_type)
        if graph is not None and at.method == "inferred" and _reaches(graph, end, start):
            return False
        if graph is not None:
            graph[start].add(end)
        self.edges[key] = Relationship.with_evidence(rel_type, start, end, at)
        return True


class _TargetIndex:
    """Inference targets by family and by function, each sorted by rank: the nearest higher rank by bisection."""

    def __init__(self, targets: Iterable[Role]) -> None:
        self._scopes: dict[tuple[str, str | None, str | None], list[Role]] = defaultdict(list)
        for target in targets:
            for kind, value in (("family", target.family), ("function", target.function)):
                if value:
                    self._scopes[(kind, value, target.track)].append(target)
        for members in self._scopes.values():
            members.sort(key=lambda t: (t.level_rank, t.title))  # a rank's first member is its first title
        self._ranks = {key: [t.level_rank for t in members] for key, members in self._scopes.items()}
        self._tracks: dict[tuple[str, str], list[str | None]] = defaultdict(list)
        for kind, value, track in self._scopes:
            self._tracks[(kind, value)].append(track)

    def nearest_above(
        self, kind: str, value: str, rank: int, tracks: list[str | None] | None
    ) -> tuple[Role, int] | None:
        """Of the targets of the scope on ``tracks`` (None: any) with the lowest rank above ``rank``, the
        first by title and how many there are; None when none is above.

        By bisection and a count, not by listing them: a catalog's hundreds of roles of one rank in a
        family would make every role's inference sort them all.
        """
        best: int | None = None
        first: Role | None = None
        tied = 0
        for track in self._tracks.get((kind, value), []) if tracks is None else tracks:
            key = (kind, value, track)
            ranks = self._ranks.get(key)
            if not ranks:
                continue
            start = bisect_right(ranks, rank)
            if start == len(ranks):
                continue
            lowest = ranks[start]
            if best is not None and lowest > best:
                continue
            candidate = self._scopes[key][start]
            if best is None or lowest < best:
                best, first, tied = lowest, candidate, 0
            elif first is None or candidate.title < first.title:
                first = candidate
            tied += bisect_right(ranks, lowest) - start
        return (first, tied) if first is not None else None


def _reaches(successors: dict[str, set[str]], source: str, target: str) -> bool:
    """Whether ``target`` can be reached from ``source`` (a move ``target`` → ``source`` closes a cycle).

    A plain walk, not networkx: importing networkx costs every ``orgkg load`` ~0.36 s, and a line's
    walk up from one role is short (its managers, or the steps above it).

    Examples
    --------
    >>> _reaches({"a": {"b"}, "b": {"c"}}, "a", "c"), _reaches({"a": {"b"}}, "b", "a")
    (True, False)
    """
    seen, stack = {source}, [source]
    while stack:
        for other in successors.get(stack.pop(), ()):
            if other == target:
                return True
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return False


def _rank(role: Role) -> int:
    return role.level_rank if role.level_rank is not None else -1


def _nearest_in_rank(role: Role, peers: list[Role]) -> list[Role]:
    """The peers closest in rank, of either track: an IC may move into a management family."""
    ranked = [p for p in peers if p.level_rank is not None]
    if not ranked or role.level_rank is None:
        return []
    best = min(abs(p.level_rank - role.level_rank) for p in ranked)
    return [p for p in ranked if abs(p.level_rank - role.level_rank) == best]
