import pytest


def test_roles_list_is_paginated_with_total(api):
    first = api.get("/roles", params={"limit": 4}).json()
    second = api.get("/roles", params={"limit": 4, "offset": 4}).json()
    assert first["total"] == second["total"] == 10
    assert len(first["items"]) == 4 and {r["id"] for r in first["items"]}.isdisjoint(r["id"] for r in second["items"])
    assert api.get("/roles", params={"offset": 100}).json()["items"] == []


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({"skill": "SLOs"}, ["role:sre-manager"]),
        ({"kpi": "mttr"}, ["role:sre-manager"]),
        ({"family": "design"}, ["role:designer"]),
        ({"function": "Reliability"}, ["role:sre-manager"]),
        ({"level": "12"}, ["role:vp"]),
        ({"track": "ic", "family": "Engineering"}, ["role:engineer"]),
        ({"q": "platfrom"}, ["role:platform-manager"]),
    ],
)
def test_roles_list_filters(api, params, ids):
    assert [r["id"] for r in api.get("/roles", params=params).json()["items"]][: len(ids)] == ids


def test_roles_list_as_csv_download(api):
    for response in (api.get("/roles?format=csv"), api.get("/roles", headers={"Accept": "text/csv"})):
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        assert response.headers["content-disposition"] == 'attachment; filename="roles.csv"'
        lines = response.text.strip().splitlines()
        assert lines[0].startswith("id,title,level") and len(lines) == 11


def test_roles_list_bad_filters_say_what_to_fix(api):
    response = api.get("/roles", params={"track": "wizard"})
    assert response.status_code == 422 and response.json()["detail"] == "track: Input should be 'ic' or 'management'"
    unknown = api.get("/roles", params={"skill": "kubernets ops"})
    assert unknown.status_code == 404 and unknown.json()["error"] == "NotFound"
    assert api.get("/roles", params={"limit": "many"}).status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "role:sre-manager",
        "sre-manager",
        "SRE%20Manager",
        "site%20reliability%20engineering%20manager",
        "Manager%2C%20SRE",
    ],
)
def test_role_card_by_id_slug_title_or_alias(api, path):
    card = api.get(f"/roles/{path}")
    assert card.status_code == 200
    body = card.json()
    assert body["role"]["id"] == "role:sre-manager"
    assert [g["category"] for g in body["skills"]] == ["Reliability", "Leadership"]
    assert body["skills"][0]["skills"][0]["evidence"]["line"] > 0
    assert {k["id"] for k in body["kpis"]} == {"kpi:availability", "kpi:mttr", "kpi:team-health"}
    assert [r["id"] for r in body["reports_to"]] == ["role:senior-manager", "role:director", "role:vp"]
    assert [m["end"]["id"] for m in body["next_roles"]] == ["role:director", "role:platform-manager"]
    assert len(body["similar"]) == 5 and body["role"]["sections"] == []


def test_unknown_role_is_404_with_suggestions(api):
    response = api.get("/roles/Platfrm%20Enginering%20Director")
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "RoleNotFound" and "Platform Engineering Manager" in body["suggestions"]
    assert body["detail"].startswith("no role matches")


def test_role_chain_reports_next_similar_and_neighbourhood(api):
    assert [r["id"] for r in api.get("/roles/swe/chain").json()["chain"]][:1] == ["role:manager"]
    reports = api.get("/roles/director/reports").json()
    assert {r["id"] for r in reports["direct"]} == {"role:senior-manager", "role:data-manager"}
    assert max(r["depth"] for r in reports["all"]) == 3
    moves = api.get("/roles/EM/next").json()["moves"]
    assert moves[0]["kind"] == "promotion" and moves[0]["skills_to_gain"][0]["name"] == "Strategy"
    similar = api.get("/roles/sre-manager/similar", params={"limit": 2}).json()
    assert len(similar["results"]) == 2 and similar["results"][0]["top_shared"]
    hood = api.get("/roles/sre-manager/neighbourhood", params={"depth": 2}).json()
    assert hood["centre"] == "role:sre-manager" and any(n["id"] == "role:vp" for n in hood["nodes"])
    assert {e["type"] for e in hood["edges"]} >= {"REQUIRES_SKILL", "REPORTS_TO", "PROMOTES_TO"}


def test_similar_roles_as_csv(api):
    response = api.get("/roles/sre-manager/similar?format=csv")
    assert response.headers["content-disposition"] == 'attachment; filename="similar-to-sre-manager.csv"'
    assert response.text.splitlines()[0] == "rank,id,title,score,shared_count,top_shared"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/roles/sre-manager/neighbourhood?depth=0", "depth: Input should be greater than or equal to 1"),
        ("/roles/sre-manager/neighbourhood?depth=4", "depth: Input should be less than or equal to 3"),
        ("/roles/sre-manager/similar?limit=1000", "limit: Input should be less than or equal to 100"),
        ("/roles/sre-manager/reports?max_depth=-1", "max_depth: Input should be greater than or equal to 1"),
        ("/roles/%20", "role: give an id, name or alias, not only blanks"),
        ("/roles/" + "x" * 301, "role: String should have at most 300 characters"),
    ],
)
def test_role_routes_refuse_out_of_range_parameters(api, url, message):
    response = api.get(url)
    assert response.status_code == 422 and response.json()["detail"] == message
