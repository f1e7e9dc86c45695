import pytest

from graph.model import ParsedRole
from graph.pipeline.levels import classify_level
from graph.pipeline.merge import merge_roles, near_duplicate_findings
from graph.pipeline.titles import title_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("SRE Manager", "Site Reliability Engineering Manager"),
        ("Manager, Infrastructure", "Infrastructure Manager"),
        ("VP of Infrastructure", "Vice President, Infrastructure"),
        ("Head of SRE", "Head of Site Reliability Engineering"),
        ("SRE Director", "Director of Site Reliability Engineering"),
        ("Head of ML", "Head of Machine Learning"),
        ("QA Engineering Manager", "qa engineering manager!"),
    ],
)
def test_same_role_written_differently_gets_one_key(a, b):
    assert title_key(a) == title_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Head of SRE", "Global Head of SRE"),
        ("Head of SRE", "SRE Director"),
        ("Head of Infrastructure", "Head of Infrastructure Engineering"),
        ("Manager, Infrastructure", "Manager, Infrastructure (Delivery)"),
        ("Senior Director, Infrastructure", "Director, Infrastructure"),
        ("Head of MLOps", "Head of Machine Learning"),
    ],
)
def test_distinct_roles_keep_distinct_keys(a, b):
    assert title_key(a) != title_key(b)


def _role(title, line=1, source="doc.md", **fields):
    return ParsedRole(title=title, source=source, line=line, **fields)


def test_merging_keeps_every_title_as_alias_and_every_source():
    groups = merge_roles(
        [_role("SRE Manager", source="a.txt"), _role("Site Reliability Engineering Manager", 9, "b.md")]
    )
    assert len(groups) == 1
    assert groups[0].titles() == ["SRE Manager", "Site Reliability Engineering Manager"]
    assert [p.source for p in groups[0].parts] == ["a.txt", "b.md"]


def test_roles_linked_through_an_alias_merge():
    groups = merge_roles(
        [
            _role("Director, Infrastructure (Reliability)", aliases=["Director, Infrastructure"]),
            _role("Infrastructure Director"),
        ]
    )
    assert len(groups) == 1


def test_near_duplicates_are_reported_and_not_merged():
    groups = merge_roles([_role("Head of Infrastructure"), _role("Head of Infrastructure Engineering", 3)])
    assert len(groups) == 2
    findings = near_duplicate_findings(groups)
    assert len(findings) == 1
    assert "Head of Infrastructure" in findings[0].message and findings[0].severity == "warning"


def test_global_head_ranks_above_head_and_below_vp():
    ranks = [classify_level(t).rank for t in ("SRE Director", "Head of SRE", "Global Head of SRE", "VP of SRE")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 4


def test_ic_levels_follow_the_ladder():
    titles = [
        "Intern",
        "Associate Engineer",
        "Backend Engineer",
        "Senior Engineer",
        "Staff Engineer",
        "Principal Engineer",
        "Distinguished Engineer",
        "Engineering Fellow",
    ]
    infos = [classify_level(t) for t in titles]
    assert all(i.track == "ic" for i in infos)
    assert [i.rank for i in infos] == sorted(i.rank for i in infos)
