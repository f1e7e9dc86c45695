import pytest

from graph.errors import InvalidParameter, NotFound, RoleNotFound
from graph.queries import (
    family_card,
    kpi_card,
    list_families,
    list_kpis,
    list_roles,
    list_skills,
    resolve_kpi,
    resolve_role,
    resolve_skill,
    search,
    search_roles,
    skill_card,
)
from graph.queries.text import name_key


@pytest.mark.parametrize(
    "text",
    [
        "role:sre-manager",
        "sre-manager",
        "SRE Manager",
        "sre manager",
        "  S.R.E. manager ",
        "SRE-MANAGER",
        "Site Reliability Engineering Manager",
        "site reliability engineering manager!",
    ],
)
def test_resolve_role_by_id_slug_title_or_alias_ignoring_case_and_punctuation(og, text):
    assert resolve_role(og, text).id == "role:sre-manager"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enginering Manger", "role:manager"),
        ("Directr of Engineering", "role:director"),
        ("Manager Platform Engineering", "role:platform-manager"),
        ("Engineering Director of", "role:director"),
        ("Senior Enginering Manager", "role:senior-manager"),
        ("Engineering Managr of Data", "role:data-manager"),
        ("Engineering Manager (Deliver)", "role:delivery-manager"),
        ("Delivery Engineering Manager", "role:delivery-manager"),
    ],
)
def test_resolve_role_tolerates_typos_and_word_order(og, text, expected):
    assert resolve_role(og, text).id == expected


def test_ambiguous_name_raises_with_at_most_five_suggestions(og):
    with pytest.raises(RoleNotFound) as caught:
        resolve_role(og, "Engineering")
    assert 1 <= len(caught.value.suggestions) <= 5
    assert "Engineering Manager" in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_unknown_role_suggests_close_titles(og):
    with pytest.raises(RoleNotFound) as caught:
        resolve_role(og, "Data Platform Manager")
    assert {"Data Engineering Manager", "Platform Engineering Manager"} <= set(caught.value.suggestions)


def test_nonsense_role_has_no_suggestions(og):
    with pytest.raises(RoleNotFound) as caught:
        resolve_role(og, "zzqx")
    assert caught.value.suggestions == []


@pytest.mark.parametrize("text", ["", "   ", "\x00", "x" * 301])
def test_resolve_role_refuses_empty_or_huge_names(og, text):
    with pytest.raises(InvalidParameter):
        resolve_role(og, text)


def test_name_key_ignores_accents_case_and_punctuation():
    assert name_key("Héad  of S.R.E.") == name_key("head of s r e") == "head of s r e"


def test_search_roles_ranks_prefix_before_fuzzy(og):
    titles = [hit.role.title for hit in search_roles(og, "plat")]
    assert titles[0] == "Platform Engineering Manager"
    assert [hit.role.title for hit in search_roles(og, "senior eng", limit=1)] == ["Senior Engineering Manager"]


def test_search_roles_finds_typos_and_checks_its_limit(og):
    assert search_roles(og, "Desginer")[0].role.title == "Product Designer"
    assert search_roles(og, "") == []
    with pytest.raises(InvalidParameter, match="limit"):
        search_roles(og, "eng", limit=0)


def test_search_covers_roles_skills_and_kpis(og):
    found = search(og, "avail")
    assert [hit.id for hit in found.kpis] == ["kpi:availability"]
    assert found.roles == [] and found.skills == []


def test_resolve_skill_and_kpi_raise_not_found_with_suggestions(og):
    assert resolve_skill(og, "kubernets").id == "skill:kubernetes"
    assert resolve_kpi(og, "kpi:mttr").name == "MTTR"
    with pytest.raises(NotFound) as caught:
        resolve_skill(og, "observe")
    assert caught.value.kind == "skill" and "Observability" in caught.value.suggestions


def test_list_roles_filters_combine_and_paginate(og):
    page = list_roles(og, family="Engineering", track="management", limit=3, offset=1)
    assert page.total == 8 and len(page.items) == 3 and page.offset == 1
    assert [r.id for r in list_roles(og, skill="SQL").items] == ["role:data-manager"]
    assert [r.id for r in list_roles(og, kpi="MTTR").items] == ["role:sre-manager"]
    assert [r.id for r in list_roles(og, function="reliability").items] == ["role:sre-manager"]
    assert list_roles(og, level="12").items[0].title == "VP of Engineering"
    assert list_roles(og, q="designer").items[0].title == "Product Designer"
    assert list_roles(og, family="", q="  ").total == 10


def test_list_roles_rejects_bad_filters(og):
    with pytest.raises(InvalidParameter, match="track"):
        list_roles(og, track="wizard")
    with pytest.raises(NotFound):
        list_roles(og, family="Marketing")
    with pytest.raises(InvalidParameter, match="limit"):
        list_roles(og, limit=0)
    with pytest.raises(InvalidParameter, match="offset"):
        list_roles(og, offset=-1)


def test_skill_card_lists_roles_by_weight_with_evidence(og):
    card = skill_card(og, "Incident Management")
    weights = [req.weight for req in card.roles]
    assert weights == sorted(weights, reverse=True) and card.roles[0].role.id == "role:sre-manager"
    assert card.roles[0].evidence.source == "sample/roles.md" and card.roles[0].evidence.line > 0


def test_kpi_card_and_lists_count_roles(og):
    assert {r.role.id for r in kpi_card(og, "Spend Efficiency").roles} == {"role:director", "role:vp"}
    assert list_skills(og, category="data").total == 2
    assert list_kpis(og, q="mttr").items[0].roles == 1


def test_family_card_orders_ladder_by_rank(og):
    card = family_card(og, "family:engineering")
    ranks = [rung.rank for rung in card.ladder]
    assert ranks == sorted(ranks)
    assert {"start": "role:director", "end": "role:vp"} in [p.model_dump() for p in card.promotions]
    assert [f.id for f in list_families(og)] == ["family:design", "family:engineering"]
