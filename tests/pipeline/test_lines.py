from graph.extract import Matcher
from graph.model import Evidence, FunctionEntry, ParsedRole, RoleRef, Section, SectionKind, Taxonomy
from graph.pipeline.functions import FunctionTree
from graph.pipeline.lines import LineBuilder
from graph.pipeline.merge import TitleIndex, merge_roles

ENTRIES = [
    FunctionEntry(name="Engineering", keywords=["engineering"]),
    FunctionEntry(name="Infrastructure", parent="Engineering", keywords=["infrastructure"]),
    FunctionEntry(name="Reliability", parent="Infrastructure", keywords=["reliability"]),
    FunctionEntry(name="SRE", parent="Reliability", keywords=["site reliability", "SRE"]),
]
FUNCTIONS = FunctionTree(ENTRIES, Matcher.from_taxonomy(Taxonomy(functions=ENTRIES)))


def _build(parsed: list[ParsedRole]) -> LineBuilder:
    groups = merge_roles(parsed)
    for group in groups:
        group.build_role(FUNCTIONS)
    builder = LineBuilder(groups, TitleIndex(groups), FUNCTIONS)
    builder.add_stated()
    builder.add_team_mentions()
    builder.infer()
    return builder


def _edges(builder: LineBuilder, rel_type: str) -> dict[str, tuple[str, str]]:
    return {e.start: (e.end, e.method) for e in builder.edges.values() if e.type == rel_type}


def _roles(*titles: str) -> list[ParsedRole]:
    return [ParsedRole(title=t, source="catalog.txt", line=2 * i + 1) for i, t in enumerate(titles)]


def test_sre_ladder_is_inferred_for_reports_and_promotions():
    builder = _build(_roles("Global Head of SRE", "SRE Manager", "Head of SRE", "SRE Director"))
    chain = {
        "role:sre-manager": "role:sre-director",
        "role:sre-director": "role:head-of-sre",
        "role:head-of-sre": "role:global-head-of-sre",
    }
    for rel_type in ("REPORTS_TO", "PROMOTES_TO"):
        edges = _edges(builder, rel_type)
        assert {start: end for start, (end, _) in edges.items()} == chain
        assert {method for _, method in edges.values()} == {"inferred"}


def test_inferred_edge_names_its_rule_and_points_at_the_title_line():
    builder = _build(_roles("SRE Manager", "SRE Director"))
    edge = next(e for e in builder.edges.values() if e.type == "REPORTS_TO")
    assert edge.source == "catalog.txt" and edge.line == 1
    assert "nearest higher-ranked role" in edge.evidence and 0 < edge.confidence < 1


def test_without_a_peer_in_the_function_the_parent_function_is_used():
    builder = _build(_roles("SRE Manager", "Head of Reliability Engineering"))
    edge = builder.edges[("role:sre-manager", "REPORTS_TO", "role:head-of-reliability-engineering")]
    assert "parent function Reliability" in edge.evidence
    assert ("role:sre-manager", "PROMOTES_TO", "role:head-of-reliability-engineering") not in builder.edges


def test_stated_line_wins_over_inference():
    at = Evidence(source="sre.md", line=12, evidence="Reports to: Global Head of SRE")
    parsed = _roles("SRE Director", "Head of SRE", "Global Head of SRE")
    parsed[0].reports_to.append(RoleRef(title="Global Head of SRE", at=at))
    edges = _edges(_build(parsed), "REPORTS_TO")
    assert edges["role:sre-director"] == ("role:global-head-of-sre", "stated")


def test_a_role_with_nothing_above_it_has_no_manager():
    edges = _edges(_build(_roles("Global Head of SRE", "Head of Data Engineering")), "REPORTS_TO")
    assert edges == {}


def test_inference_never_closes_a_cycle():
    at = Evidence(source="x.md", line=3, evidence="Reports to: SRE Manager")
    parsed = _roles("SRE Director", "SRE Manager")
    parsed[0].reports_to.append(RoleRef(title="SRE Manager", at=at))
    edges = _edges(_build(parsed), "REPORTS_TO")
    assert edges == {"role:sre-director": ("role:sre-manager", "stated")}


def test_managed_teams_named_in_a_responsibility_report_to_that_role():
    text = "Manage the Delivery and Scalability Infrastructure teams\nConduct managerial interviews"
    family = "Engineering Management - Infrastructure"
    parsed = [
        ParsedRole(title="Manager, Infrastructure", source="f.md", line=5, grade=8, family=family),
        ParsedRole(
            title="Manager, Infrastructure (Delivery)",
            source="f.md",
            line=40,
            grade=8,
            family=family,
            specialty="Delivery",
        ),
        ParsedRole(
            title="Manager, Infrastructure (Scalability)",
            source="f.md",
            line=60,
            grade=8,
            family=family,
            specialty="Scalability",
        ),
        ParsedRole(
            title="Manager, Infrastructure (Switchboard)",
            source="f.md",
            line=70,
            grade=8,
            family=family,
            specialty="Switchboard",
        ),
        ParsedRole(
            title="Senior Engineering Manager, Infrastructure (Platform)",
            source="f.md",
            line=100,
            grade=9,
            family=family,
            specialty="Platform",
            sections=[Section(name="Responsibilities", kind=SectionKind.RESPONSIBILITIES, text=text, line=110)],
        ),
    ]
    edges = {(e.start, e.end): e for e in _build(parsed).edges.values() if e.type == "REPORTS_TO"}
    sem = "role:senior-engineering-manager-infrastructure-platform"
    for specialty in ("delivery", "scalability"):
        edge = edges[(f"role:manager-infrastructure-{specialty}", sem)]
        assert edge.method == "extracted" and edge.line == 110
        assert edge.evidence == "Manage the Delivery and Scalability Infrastructure teams"
    assert edges[("role:manager-infrastructure-switchboard", sem)].method == "inferred"
