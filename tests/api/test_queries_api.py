import pytest


def test_paths_returns_ranked_paths_with_steps(api):
    body = api.get("/paths", params={"from": "Software Engineer", "to": "VP of Engineering", "k": 2}).json()
    assert len(body["paths"]) == 2 and body["paths"][0]["cost"] <= body["paths"][1]["cost"]
    first = body["paths"][0]["steps"][0]
    assert first["kind"] == "promotion" and first["evidence"]["source"] == "sample/roles.md"
    assert [s["name"] for s in first["skills_to_gain"]][:2] == ["People Leadership", "Hiring"]


def test_paths_promotions_only_and_no_path_answer_200_with_closest(api):
    body = api.get("/paths", params={"from": "EM", "to": "SRE Manager", "promotions_only": "true"}).json()
    assert body["paths"] == [] and body["promotions_only"] is True
    assert body["closest"]["role"]["id"] and body["message"].startswith("no path from Engineering Manager")
    lonely = api.get("/paths", params={"from": "Product Designer", "to": "EM"})
    assert lonely.status_code == 200 and lonely.json()["closest"] is None


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"from": "swe", "to": "vpe", "k": 0}, 422, "k: Input should be greater than or equal to 1"),
        ({"from": "swe", "to": "vpe", "k": 21}, 422, "k: Input should be less than or equal to 20"),
        ({"from": "swe", "to": "vpe", "max_steps": 99}, 422, "max_steps: Input should be less than or equal to 20"),
        ({"to": "vpe"}, 422, "from: Field required"),
        ({"from": "swe"}, 422, "to: Field required"),
        ({"from": " ", "to": "vpe"}, 422, "from: give an id, name or alias, not only blanks"),
        ({"from": "swe", "to": "swe"}, 400, "same role"),
        ({"from": "swe", "to": "Chief Fun Officer"}, 404, "no role matches"),
        ({"from": "swe", "to": "vpe", "k": "three"}, 422, "k"),
    ],
)
def test_paths_errors_say_what_to_fix(api, params, status, message):
    response = api.get("/paths", params=params)
    assert response.status_code == status and message in response.json()["detail"]


def test_shared_competencies_json_and_csv(api):
    params = {"roles": ["SRE Manager", "Platform Engineering Manager", "EM"]}
    body = api.get("/shared", params=params).json()
    assert [s["name"] for s in body["skills_all"]] == ["People Leadership", "Hiring", "Incident Management"]
    assert body["min_roles"] == 2 and body["skills_some"][0]["name"] == "Observability"
    csv = api.get("/shared", params={**params, "format": "csv"})
    assert csv.headers["content-disposition"].endswith('.csv"')
    header, *rows = csv.text.strip().splitlines()
    assert header.split(",")[-3:] == ["SRE Manager", "Platform Engineering Manager", "Engineering Manager"]
    assert rows[0].startswith("skill,True,skill:people-leadership")


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({}, 422, "roles: Field required"),
        ({"roles": ["em"]}, 400, "roles: give at least two roles"),  # one value may hold several: a,b
        ({"roles": ["em", "swe"], "min_roles": 1}, 422, "min_roles: Input should be greater than or equal to 2"),
        ({"roles": ["em", "EM"]}, 400, "two different roles"),
        ({"roles": ["em", "swe"], "min_roles": 3}, 400, "min_roles: must be between 2 and the number of roles (2)"),
    ],
)
def test_shared_refuses_bad_role_sets(api, params, status, message):
    response = api.get("/shared", params=params)
    assert response.status_code == status and message in response.json()["detail"]


def test_overlap_matrix_json_and_csv(api):
    body = api.get("/overlap", params={"family": "Engineering"}).json()
    n = len(body["roles"])
    assert n == 9 and len(body["scores"]) == n and all(len(row) == n for row in body["scores"])
    chosen = api.get("/overlap", params={"roles": ["em", "sre-manager"]}).json()
    assert chosen["scores"][0][1] == chosen["scores"][1][0] == 0.48
    csv = api.get("/overlap", params={"roles": ["em", "sre-manager"]}, headers={"Accept": "text/csv"})
    assert csv.text.splitlines()[0] == "role,Engineering Manager,SRE Manager"
    assert csv.headers["content-disposition"] == 'attachment; filename="overlap.csv"'
    assert api.get("/overlap", params={"family": "Design"}).status_code == 400


def test_gap_json_and_csv(api):
    body = api.get("/gap", params={"from": "EM", "to": "SRE Manager"}).json()
    assert [s["name"] for s in body["missing_skills"]] == ["SLOs", "Observability"]
    assert body["skill_overlap"] == 0.48
    csv = api.get("/gap", params={"from": "EM", "to": "SRE Manager", "format": "csv"})
    assert csv.headers["content-disposition"] == 'attachment; filename="gap-engineering-manager-to-sre-manager.csv"'
    assert "skill,missing,skill:slos,SLOs,Reliability,,1.0," in csv.text.splitlines()  # no role on the way
    assert api.get("/gap", params={"from": "EM"}).json()["detail"] == "to: Field required"
    assert api.get("/gap", params={"from": "EM", "to": "nobody at all"}).status_code == 404
