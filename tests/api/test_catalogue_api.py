def test_skills_list_and_card(api):
    page = api.get("/skills", params={"limit": 3}).json()
    assert page["total"] == 14 and page["items"][0] == {
        "id": "skill:people-leadership",
        "name": "People Leadership",
        "category": "Leadership",
        "in_taxonomy": True,
        "roles": 8,
    }
    assert api.get("/skills", params={"category": "Data"}).json()["total"] == 2
    card = api.get("/skills/Incident%20Management").json()
    assert card["skill"]["id"] == "skill:incident-management"
    assert card["roles"][0]["role"]["id"] == "role:sre-manager" and card["roles"][0]["evidence"]["sentence"]


def test_unknown_skill_and_kpi_are_404_with_suggestions(api):
    skill = api.get("/skills/observe")
    assert skill.status_code == 404 and "Observability" in skill.json()["suggestions"]
    kpi = api.get("/kpis/availabilty%20score%20x")
    assert kpi.status_code == 404 and kpi.json()["error"] == "NotFound"


def test_kpis_list_and_card(api):
    assert api.get("/kpis").json()["items"][0]["id"] == "kpi:team-health"
    card = api.get("/kpis/kpi:availability").json()
    assert {r["role"]["id"] for r in card["roles"]} == {"role:sre-manager", "role:platform-manager"}


def test_families_list_and_ladder(api):
    assert [f["name"] for f in api.get("/families").json()] == ["Design", "Engineering"]
    card = api.get("/families/Engineering").json()
    assert [rung["rank"] for rung in card["ladder"]] == [6, 8, 9, 10, 12]
    assert api.get("/families/Marketing").status_code == 404


def test_search_covers_roles_skills_and_kpis(api):
    found = api.get("/search", params={"q": "incid"}).json()
    assert found["skills"][0]["id"] == "skill:incident-management"
    assert api.get("/search", params={"q": "sre"}).json()["roles"][0]["id"] == "role:sre-manager"
    assert api.get("/search").json() == {"query": "", "roles": [], "skills": [], "kpis": []}
    too_few = api.get("/search", params={"q": "x", "limit": 0})
    assert too_few.status_code == 422
    assert too_few.json()["detail"] == "limit: Input should be greater than or equal to 1"


def test_org_tree_nests_roles_under_managers(api):
    tree = api.get("/org-tree").json()
    assert [root["role"]["id"] for root in tree["roots"]] == ["role:designer", "role:vp"]
    assert tree["roots"][1]["children"][0]["role"]["id"] == "role:director"
    assert tree["roles"] == 10


def test_openapi_documents_every_route_and_the_csv_alternatives(api):
    spec = api.get("/openapi.json").json()
    expected = {
        "/roles",
        "/roles/{role}",
        "/roles/{role}/chain",
        "/roles/{role}/reports",
        "/roles/{role}/next",
        "/roles/{role}/similar",
        "/roles/{role}/neighbourhood",
        "/skills",
        "/skills/{skill}",
        "/kpis",
        "/kpis/{kpi}",
        "/families",
        "/families/{family}",
        "/search",
        "/paths",
        "/shared",
        "/overlap",
        "/gap",
        "/org-tree",
    }
    assert expected <= set(spec["paths"])
    for route in ("/roles", "/roles/{role}/similar", "/shared", "/overlap", "/gap"):
        assert set(spec["paths"][route]["get"]["responses"]["200"]["content"]) == {"application/json", "text/csv"}
    assert "404" in spec["paths"]["/roles/{role}"]["get"]["responses"]
