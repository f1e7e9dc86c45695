"""Assemble a snapshot from parsed documents: merge roles, extract facts, resolve and infer lines."""

from __future__ import annotations

from collections import defaultdict

from graph.extract import Fact, Matcher, RoleFacts, extract_role_facts
from graph.extract.fold import NameFolder
from graph.ids import make_id, slugify
from graph.memory import no_cycle_collection
from graph.model import (
    KPI,
    Evidence,
    JobFamily,
    LoadProblem,
    LoadResult,
    ParsedDocument,
    ParsedRole,
    Relationship,
    RelType,
    Role,
    Skill,
    SkillCategory,
    Snapshot,
    Taxonomy,
)
from graph.pipeline.functions import FunctionTree
from graph.pipeline.inherit import inherited_facts
from graph.pipeline.lines import METHOD_PRIORITY, LineBuilder
from graph.pipeline.merge import RoleGroup, TitleIndex, merge_roles, near_duplicate_findings
from graph.pipeline.titles import NearestTitles

__all__ = ["RoleFactSheet", "build_snapshot"]


class RoleFactSheet:
    """Each parsed role's skills and KPIs (:func:`extract_role_facts`), worked out once per role.

    A role's facts depend on its own text and the taxonomy only, so they can be worked out as each
    document is parsed (:meth:`add`, e.g. as ``load_paths``'s ``on_document``), while a parse pool still
    reads the later files; :func:`build_snapshot` asks for the rest.

    Examples
    --------
    >>> from graph.model import ParsedRole, Section, SectionKind, TaxonomyEntry
    >>> taxonomy = Taxonomy(skills=[TaxonomyEntry(name="Go", category="software engineering")])
    >>> sheet = RoleFactSheet(taxonomy)
    >>> role = ParsedRole(title="SRE", source="sre.md", line=1,
    ...     sections=[Section(name="Summary", kind=SectionKind.SUMMARY, text="Writes Go.", line=2)])
    >>> [f.name for f in sheet.of(role).skills], sheet.of(role) is sheet.of(role)
    (['Go'], True)
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.matcher = Matcher.from_taxonomy(taxonomy)
        self._facts: dict[int, tuple[ParsedRole, RoleFacts]] = {}  # by id(role); the role is kept alive with it

    def add(self, document: ParsedDocument) -> None:
        """Work out the facts of every role of ``document`` now."""
        for role in document.roles:
            self.of(role)

    def of(self, role: ParsedRole) -> RoleFacts:
        """The facts of ``role``: worked out before, or now."""
        known = self._facts.get(id(role))
        if known is None or known[0] is not role:
            known = self._facts[id(role)] = (role, extract_role_facts(role, self.matcher))
        return known[1]


def build_snapshot(
    result: LoadResult, taxonomy: Taxonomy, *, inputs: list[str] | None = None, facts: RoleFactSheet | None = None
) -> Snapshot:
    """Turn a load result into the graph snapshot.

    Parameters
    ----------
    result : LoadResult
        What the loaders parsed.
    taxonomy : Taxonomy
        Skills, KPIs and functions to recognise and place roles with.
    inputs : list of str, optional
        The paths the documents were loaded from, recorded on the snapshot.
    facts : RoleFactSheet, optional
        The roles' facts, some perhaps worked out already (while the documents were parsed); it must
        be made from ``taxonomy``.

    Raises
    ------
    ValueError
        When ``facts`` was made from another taxonomy.

    Examples
    --------
    >>> from graph.model import ParsedDocument, ParsedRole, RoleRef, Evidence, Source
    >>> at = Evidence(source="r.md", line=3, evidence="Reports to: Head of SRE")
    >>> doc = ParsedDocument(source=Source(id="source:r-md", path="r.md", format="blueprint", sha256="0"),
    ...     roles=[ParsedRole(title="SRE Manager", source="r.md", line=1,
    ...                       reports_to=[RoleRef(title="Head of SRE", at=at)]),
    ...            ParsedRole(title="Head of SRE", source="r.md", line=9)])
    >>> snap = build_snapshot(LoadResult(documents=[doc]), Taxonomy())
    >>> [(r.start, r.type.value, r.end, r.method) for r in snap.relationships if r.type == "REPORTS_TO"]
    [('role:sre-manager', 'REPORTS_TO', 'role:head-of-sre', 'stated')]
    """
    if facts is not None and facts.taxonomy is not taxonomy:
        raise ValueError("the role facts were worked out with another taxonomy")
    with no_cycle_collection():
        return _build(result, taxonomy, inputs, facts or RoleFactSheet(taxonomy))


def _build(result: LoadResult, taxonomy: Taxonomy, inputs: list[str] | None, facts: RoleFactSheet) -> Snapshot:
    matcher = facts.matcher
    functions = FunctionTree(taxonomy.functions, matcher)
    groups = merge_roles(result.roles)
    roles = [group.build_role(functions) for group in groups]
    nodes = _NodeSet(taxonomy)
    relationships: list[Relationship] = []
    for group in groups:
        relationships += _structure_edges(group, nodes)
    for group in groups:
        relationships += _fact_edges(group, facts, nodes)
    index = TitleIndex(groups)
    relationships += inherited_facts(groups, index, relationships)
    lines = LineBuilder(groups, index, functions)
    lines.add_stated()
    lines.add_team_mentions()
    lines.add_family_moves(_roles_by_family(roles))
    lines.infer()
    relationships += lines.edges.values()
    formats = {doc.source.path: doc.source.format for doc in result.documents}
    problems = result.all_problems + near_duplicate_findings(groups) + _dangling(lines, formats)
    return Snapshot(
        inputs=inputs or [],
        roles=roles,
        families=sorted(nodes.families.values(), key=lambda f: f.id),
        skills=sorted(nodes.skills.values(), key=lambda s: s.id),
        categories=sorted(nodes.categories.values(), key=lambda c: c.id),
        kpis=sorted(nodes.kpis.values(), key=lambda k: k.id),
        sources=[doc.source for doc in result.documents],
        relationships=relationships + nodes.category_edges,
        functions=taxonomy.functions,
        problems=problems,
    )


class _NodeSet:
    """Skill, KPI, category and family nodes, created once each."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.skill_entries = {e.name: e for e in taxonomy.skills}
        self.kpi_entries = {e.name: e for e in taxonomy.kpis}
        self.taxonomy_source = taxonomy.sources[0] if taxonomy.sources else None
        self.skills: dict[str, Skill] = {}
        self.kpis: dict[str, KPI] = {}
        self.categories: dict[str, SkillCategory] = {}
        self.families: dict[str, JobFamily] = {}
        self.category_edges: list[Relationship] = []
        self.folders = {"skill": NameFolder(), "kpi": NameFolder()}

    def folded(self, facts: list[Fact], kind: str) -> list[Fact]:
        """Facts with the names no taxonomy entry claims folded with their near twins across documents."""
        folder = self.folders[kind]
        return [f if f.in_taxonomy else f.model_copy(update={"name": folder.fold(f.name)}) for f in facts]

    def family(self, name: str) -> JobFamily:
        family_id = make_id("JobFamily", name)
        return self.families.setdefault(family_id, JobFamily(id=family_id, name=name))

    def skill(self, fact: Fact) -> Skill:
        skill_id = make_id("Skill", fact.name)
        if skill_id not in self.skills:
            entry = self.skill_entries.get(fact.name)
            self.skills[skill_id] = Skill(
                id=skill_id,
                name=fact.name,
                aliases=entry.aliases if entry else [],
                category=fact.category,
                in_taxonomy=fact.in_taxonomy,
            )
            if fact.category:
                self._categorise(skill_id, fact.category)
        return self.skills[skill_id]

    def kpi(self, fact: Fact) -> KPI:
        kpi_id = make_id("KPI", fact.name)
        if kpi_id not in self.kpis:
            entry = self.kpi_entries.get(fact.name)
            self.kpis[kpi_id] = KPI(
                id=kpi_id,
                name=fact.name,
                aliases=entry.aliases if entry else [],
                description=entry.description if entry else "",
                in_taxonomy=fact.in_taxonomy,
            )
        return self.kpis[kpi_id]

    def _categorise(self, skill_id: str, category: str) -> None:
        category_id = make_id("SkillCategory", category)
        self.categories.setdefault(category_id, SkillCategory(id=category_id, name=category))
        self.category_edges.append(
            Relationship(
                type=RelType.IN_CATEGORY,
                start=skill_id,
                end=category_id,
                source=self.taxonomy_source,
                evidence=f"taxonomy: {category}",
                method="stated",
            )
        )


def _structure_edges(group: RoleGroup, nodes: _NodeSet) -> list[Relationship]:
    """DEFINED_IN for every document that describes the role; IN_FAMILY for every family it is in."""
    edges: dict[tuple, Relationship] = {}
    for part in group.parts:
        at = Evidence.at(part.source, part.location, part.title)
        source_id = make_id("Source", part.source)
        edges.setdefault(
            (RelType.DEFINED_IN, source_id), Relationship.with_evidence(RelType.DEFINED_IN, group.id, source_id, at)
        )
        if part.family:
            family = nodes.family(part.family)
            at = at.model_copy(update={"evidence": f"{part.title} is in the {part.family} job family"})
            edges.setdefault(
                (RelType.IN_FAMILY, family.id), Relationship.with_evidence(RelType.IN_FAMILY, group.id, family.id, at)
            )
    return list(edges.values())


def _fact_edges(group: RoleGroup, sheet: RoleFactSheet, nodes: _NodeSet) -> list[Relationship]:
    skills: dict[str, Fact] = {}
    kpis: dict[str, Fact] = {}
    for part in group.parts:
        facts = sheet.of(part)
        _merge_facts(skills, nodes.folded(facts.skills, "skill"))
        _merge_facts(kpis, nodes.folded(facts.kpis, "kpi"))
    edges = [_fact_edge(RelType.REQUIRES_SKILL, group.id, nodes.skill(f).id, f) for f in skills.values()]
    edges += [_fact_edge(RelType.MEASURED_BY, group.id, nodes.kpi(f).id, f) for f in kpis.values()]
    return edges


def _merge_facts(merged: dict[str, Fact], facts: list[Fact]) -> None:
    """Facts about the same skill from several documents of one role: strongest weight, all mentions."""
    for fact in facts:
        seen = merged.get(fact.name)
        if seen is None:
            merged[fact.name] = fact
            continue
        better = fact if METHOD_PRIORITY[fact.evidence.method] < METHOD_PRIORITY[seen.evidence.method] else seen
        merged[fact.name] = better.model_copy(
            update={"weight": max(seen.weight, fact.weight), "mentions": seen.mentions + fact.mentions}
        )


def _fact_edge(rel_type: RelType, start: str, end: str, fact: Fact) -> Relationship:
    weight = round(fact.weight, 3) if rel_type == RelType.REQUIRES_SKILL else None
    return Relationship.with_evidence(rel_type, start, end, fact.evidence, mentions=fact.mentions, weight=weight)


def _roles_by_family(roles: list[Role]) -> dict[str, list[Role]]:
    by_family: dict[str, list[Role]] = defaultdict(list)
    for role in roles:
        if role.family:
            by_family[slugify(role.family)].append(role)
    return by_family


# Formats whose references are fields a person filled in: one that names no role is a mistake to fix.
# Job-family pages name roles in running prose, often roles outside the library ("reports to the CEO").
_STRUCTURED_FORMATS = {"blueprint", "yaml"}


def _dangling(lines: LineBuilder, formats: dict[str, str]) -> list[LoadProblem]:
    problems = []
    nearest_title = NearestTitles(title for group in lines.groups for title in group.titles())
    unresolved = [(ref, message, True) for ref, message in lines.dangling]
    unresolved += [(ref, message, False) for ref, message in lines.ambiguous]  # the message names the candidates
    for ref, message, hinted in unresolved:
        structured = formats.get(ref.at.source) in _STRUCTURED_FORMATS
        hint = "; fix the title or load the document that defines it" if structured else " (outside the library?)"
        nearest = nearest_title(ref.title) if hinted else None
        hint += f"; nearest loaded title: {nearest!r}" if nearest else ""
        hint = hint if hinted else ""
        problems.append(
            LoadProblem(
                path=ref.at.source,
                line=ref.at.line,
                **ref.at.location.beyond_line,
                message=message + hint,
                severity="error" if structured else "warning",
                cause="unresolved-reference",
            )
        )
    return problems
