"""Generic level names are aliases scoped to their ladder: two ladders' "Level 1" or "Senior" never merge.

Expectations written by hand from the documents: the Novoda front matter lists ``Level 1`` … ``Level 3``
of the Lead Product Engineer framework; the vorcigernix (Socialbakers) matrix has ``Level 0`` …
``Level 4`` columns of a developer ladder; MLSDev's requirements have ``## Junior`` / ``## Middle`` /
``## Senior`` developers. The fixtures in ``fixtures/ladders`` add a data-engineer ladder that says
"Reports to: Lead" inside itself, and a blueprint that names a bare "Level 3" and "Senior" from outside
every ladder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import AmbiguousRole
from graph.model import Evidence, ParsedRole, RelType, RoleRef
from graph.orggraph import OrgGraph
from graph.pipeline import build_snapshot
from graph.pipeline.merge import TitleIndex, merge_roles
from graph.queries.cards import role_card
from graph.queries.lookup import resolve_role, search
from loaders import load_paths
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy

TESTS = Path(__file__).resolve().parents[1]
CORPUS = TESTS / "corpus" / "docs"
NOVODA = CORPUS / "structured" / "novoda__progression-framework__lead_product_engineer.md"
SOCIALBAKERS = CORPUS / "matrix" / "vorcigernix__engineeringroles__README.md"
MLSDEV = CORPUS / "ladder" / "MLSDev__development-standards__requirements.md"
LADDERS = TESTS / "pipeline" / "fixtures" / "ladders"


@pytest.fixture(scope="module")
def snapshot():
    result = load_paths([NOVODA, SOCIALBAKERS, MLSDEV, LADDERS], root=TESTS)
    return build_snapshot(result, load_taxonomy(DEFAULT_TAXONOMY_DIR))


@pytest.fixture(scope="module")
def og(snapshot):
    return OrgGraph.from_snapshot(snapshot)


def _roles(snapshot):
    return {role.title: role for role in snapshot.roles}


def _stated(snapshot, rel_type):
    titles = {role.id: role.title for role in snapshot.roles}
    return {
        (titles[r.start], titles[r.end])
        for r in snapshot.relationships
        if r.type == rel_type and r.method == "stated" and r.start in titles and r.end in titles
    }


def test_two_ladders_sharing_level_names_keep_one_role_per_level_each(snapshot):
    roles = _roles(snapshot)
    for n in (1, 2, 3):
        assert f"Lead Product Engineer Level {n}" in roles
        assert f"Developer Level {n}" in roles
    assert sum(1 for title in roles if title.startswith("Developer Level ")) == 5
    assert sum(1 for title in roles if title.startswith("Lead Product Engineer Level ")) == 3
    assert {"Junior Developer", "Senior Developer", "Junior Data Engineer", "Senior Data Engineer"} <= set(roles)


def test_a_generic_level_name_is_an_alias_of_its_ladder_only(snapshot):
    roles = _roles(snapshot)
    for title, level, ladder in [
        ("Developer Level 1", "Level 1", "Developer"),
        ("Lead Product Engineer Level 1", "Level 1", "Lead Product Engineer"),
        ("Senior Developer", "Senior", "Developer"),
        ("Senior Data Engineer", "Senior", "Data Engineer"),
    ]:
        role = roles[title]
        assert level in role.aliases, title
        assert role.level_aliases == [level], title
        assert role.ladder == ladder, title


def test_a_bare_level_name_from_inside_its_ladder_resolves_there(snapshot):
    reports = _stated(snapshot, RelType.REPORTS_TO)
    promotions = _stated(snapshot, RelType.PROMOTES_TO)
    assert ("Senior Data Engineer", "Lead Data Engineer") in reports  # "Reports to: Lead"
    assert ("Senior Data Engineer", "Lead Data Engineer") in promotions  # "Promotes to: Lead"
    assert not any(end in {"Lead Product Engineer Level 3"} for _, end in reports)


def test_a_bare_level_name_from_outside_every_ladder_is_ambiguous_and_names_the_candidates(snapshot):
    roles = _roles(snapshot)
    analytics = roles["Analytics Lead"].id
    assert not [r for r in snapshot.relationships if r.start == analytics and r.type == RelType.REPORTS_TO
                and r.method == "stated"]
    messages = [p.message for p in snapshot.problems if p.path.endswith("analytics-lead.md")]
    level3 = next(m for m in messages if "'Level 3'" in m)
    assert "ambiguous" in level3
    assert "'Lead Product Engineer Level 3'" in level3 and "'Developer Level 3'" in level3
    senior = next(m for m in messages if "'Senior'" in m)
    assert "'Senior Developer'" in senior and "'Senior Data Engineer'" in senior


def test_looking_up_a_shared_level_name_lists_the_candidates(og):
    with pytest.raises(AmbiguousRole) as raised:
        resolve_role(og, "Level 1")
    assert sorted(raised.value.suggestions) == ["Developer Level 1", "Lead Product Engineer Level 1"]
    found = [hit.name for hit in search(og, "Senior").roles]
    assert {"Senior Developer", "Senior Data Engineer"} <= set(found[:2])
    assert resolve_role(og, "Level 0").title == "Developer Level 0"  # one ladder has it: one role


def test_the_role_card_shows_the_level_alias(og):
    card = role_card(og, "Senior Developer")
    assert card.role.aliases == ["Senior"] and card.role.level_aliases == ["Senior"]


def test_a_level_name_resolves_inside_its_job_family_across_documents():
    def level(title, level, source, family):
        return ParsedRole(title=title, source=source, line=1, level=level, level_aliases=[level], ladder=family,
                          family=family)

    backend = [level("Backend Engineer L3", "L3", "backend.md", "Backend"), level("Backend Engineer L4", "L4",
               "backend.md", "Backend")]
    data = [level("Data Engineer L3", "L3", "data.md", "Data")]
    at = Evidence(source="backend-oncall.md", line=4, evidence="Reports to: L4")
    oncall = ParsedRole(title="Backend On-call Lead", source="backend-oncall.md", line=1, family="Backend",
                        reports_to=[RoleRef(title="L4", at=at)])
    stranger = ParsedRole(title="Support Lead", source="support.md", line=1, family="Support")
    index = TitleIndex(merge_roles([*backend, *data, oncall, stranger]))
    assert index.find("L4", oncall).primary.title == "Backend Engineer L4"  # the one Backend ladder with L4
    assert index.find("L3", oncall).primary.title == "Backend Engineer L3"  # Data's L3 is another family's
    assert index.find("L3", stranger) is None and index.find("L4", stranger) is None
    assert [g.primary.title for g in index.level_candidates("L3")] == ["Backend Engineer L3", "Data Engineer L3"]
