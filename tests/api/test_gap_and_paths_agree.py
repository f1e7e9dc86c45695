"""One gap computation: a path's gains per step, its total and ``/gap`` agree; steps say how they are known
and what their cost is made of; a corrected name is said, not silent."""

from __future__ import annotations

from urllib.parse import quote

import pytest


def _ids(items: list[dict]) -> set[str]:
    return {item["id"] for item in items}


def _check_cumulative(api, path: dict, kind: str) -> None:
    """No step lists what the start role has or an earlier step gave; the total is the union of the steps."""
    start = path["steps"][0]["start"]["id"]
    card = api.get(f"/roles/{start}").json()
    have = {s["id"] for group in card["skills"] for s in group["skills"]} if kind == "skill" else _ids(card["kpis"])
    gained: list[str] = []
    for step in path["steps"]:
        ids = [item["id"] for item in step[f"{kind}s_to_gain"]]
        assert not set(ids) & have, (step["end"]["title"], set(ids) & have)
        have |= set(ids)
        gained += ids
    assert len(gained) == len(set(gained))
    assert [item["id"] for item in path[f"{kind}s_to_gain"]] == gained


def test_seed_path_never_asks_to_gain_what_the_sre_manager_already_has(seed_api):
    body = seed_api.get("/paths", params={"from": "SRE Manager", "to": "Global Head of SRE", "k": 3}).json()
    assert body["paths"]
    for path in body["paths"]:
        for kind in ("skill", "kpi"):
            _check_cumulative(seed_api, path, kind)
        # the report: these came back in step 2 although the SRE Manager has them
        names = {i["name"].lower() for step in path["steps"] for i in step["skills_to_gain"] + step["kpis_to_gain"]}
        assert not names & {"people leadership", "operational excellence", "mttr", "mean time to recovery"}


def test_sample_paths_gain_each_skill_once(api):
    body = api.get("/paths", params={"from": "Software Engineer", "to": "VP of Engineering", "k": 3}).json()
    assert len(body["paths"]) >= 2
    for path in body["paths"]:
        for kind in ("skill", "kpi"):
            _check_cumulative(api, path, kind)
    # via SRE Manager: Engineering Manager gives people leadership and hiring, SRE Manager SLOs and
    # observability, so the Director step leaves only strategy and budgeting
    via_sre = next(p for p in body["paths"] if any(s["end"]["id"] == "role:sre-manager" for s in p["steps"]))
    director = next(s for s in via_sre["steps"] if s["end"]["id"] == "role:director")
    assert [i["name"] for i in director["skills_to_gain"]] == ["Strategy", "Budgeting"]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("SRE Manager", "Head of SRE"),
        ("SRE Manager", "Global Head of SRE"),
        ("Manager, Infrastructure", "VP of Infrastructure"),
    ],
)
def test_seed_gap_missing_items_are_gained_exactly_once_along_the_path(seed_api, start, end):
    gap = seed_api.get("/gap", params={"from": start, "to": end}).json()
    path = seed_api.get("/paths", params={"from": start, "to": end, "k": 1}).json()["paths"][0]
    assert [r["id"] for r in gap["route"]] == [
        path["steps"][0]["start"]["id"],
        *[s["end"]["id"] for s in path["steps"]],
    ]
    for kind in ("skill", "kpi"):
        missing = _ids(gap[f"missing_{kind}s"])
        assert not missing & _ids(gap[f"shared_{kind}s"])
        gained_per_step = [_ids(step[f"{kind}s_to_gain"]) & missing for step in path["steps"]]
        assert sum(len(g) for g in gained_per_step) == len(missing)
        assert set().union(*gained_per_step) == missing


def test_seed_gap_calls_people_leadership_had_and_never_missing(seed_api):
    gap = seed_api.get("/gap", params={"from": "SRE Manager", "to": "Head of SRE"}).json()
    assert "people leadership" in {s["name"] for s in gap["shared_skills"]}
    assert "people leadership" not in {s["name"] for s in gap["missing_skills"]}
    weights = [s["weight"] for s in gap["missing_skills"]]
    assert weights == sorted(weights, reverse=True)


def test_gap_names_the_roles_on_the_way_that_teach_each_missing_skill(api):
    gap = api.get("/gap", params={"from": "Software Engineer", "to": "Director of Engineering"}).json()
    assert [r["title"] for r in gap["route"]] == [
        "Software Engineer",
        "Engineering Manager",
        "Senior Engineering Manager",
        "Director of Engineering",
    ]
    taught = {s["name"]: [r["title"] for r in s["taught_by"]] for s in gap["missing_skills"]}
    assert taught["Strategy"] == ["Senior Engineering Manager"]
    assert taught["Hiring"] == ["Engineering Manager", "Senior Engineering Manager"]
    assert taught["Budgeting"] == []  # only the Director asks for it
    rows = api.get("/gap", params={"from": "Software Engineer", "to": "Director of Engineering", "format": "csv"})
    strategy = next(line for line in rows.text.splitlines() if ",missing,skill:strategy," in line)
    assert strategy.endswith(",Senior Engineering Manager")


def test_gap_without_a_route_says_why(api):
    gap = api.get("/gap", params={"from": "Engineering Manager", "to": "Product Designer"}).json()
    assert gap["route"] == [] and "no path" in gap["route_message"]
    assert all(s["taught_by"] == [] for s in gap["missing_skills"])


def test_seed_inferred_steps_say_so_with_their_confidence(seed_api):
    path = seed_api.get("/paths", params={"from": "SRE Manager", "to": "Global Head of SRE", "k": 1}).json()["paths"][0]
    methods = {step["end"]["title"]: (step["method"], step["confidence"]) for step in path["steps"]}
    assert methods["SRE Director"] == ("stated", 1.0)
    method, confidence = methods["Head of SRE"]
    assert method == "inferred" and 0 < confidence < 1
    inferred = next(s for s in path["steps"] if s["method"] == "inferred")
    assert f"confidence {confidence:.2f}" in inferred["cost_explained"]
    assert path["inferred_steps"] == 1 and "1 of the 3 moves inferred" in path["cost_explained"]


def test_step_costs_are_explained_with_the_terms_that_make_them(api):
    body = api.get("/paths", params={"from": "Engineering Manager", "to": "SRE Manager", "k": 1}).json()
    step = body["paths"][0]["steps"][0]
    assert step["kind"] == "lateral"
    terms = [t["value"] for t in step["cost_terms"]]
    assert terms[0] == 1.0 and sum(terms) == pytest.approx(step["cost"])
    assert terms[1] == pytest.approx(1 - step["skill_overlap"])
    assert f"{step['skill_overlap']:.2f}" in step["cost_explained"] and f"{step['cost']:.2f}" in step["cost_explained"]
    promotion = api.get("/paths", params={"from": "Software Engineer", "to": "Engineering Manager"}).json()
    assert promotion["paths"][0]["steps"][0]["cost_terms"] == [{"label": "promotion", "value": 1.0}]


def test_next_moves_carry_method_and_cost_explanation(api):
    moves = api.get("/roles/role:manager/next").json()["moves"]
    assert moves and all(m["method"] in ("stated", "extracted", "inferred") and m["cost_explained"] for m in moves)


def test_a_typo_in_a_role_name_is_answered_and_said(api):
    response = api.get("/roles/" + quote("SRE Manger", safe=""))
    assert response.status_code == 200
    body = response.json()
    assert body["role"]["title"] == "SRE Manager"
    [correction] = body["corrections"]
    assert correction["corrected_from"] == "SRE Manger" and correction["corrected_to"] == "SRE Manager"
    assert correction["kind"] == "role" and correction["id"] == "role:sre-manager"
    assert "SRE Manger" in correction["note"] and "SRE Manager" in correction["note"]


@pytest.mark.parametrize("name", ["SRE Manager", "sre manager", "role:sre-manager", "sre-manager"])
def test_an_exact_name_id_or_slug_is_no_correction(api, name):
    assert api.get("/roles/" + quote(name, safe="")).json()["corrections"] == []


def test_corrections_on_paths_gap_and_lists_name_each_corrected_parameter(api):
    paths = api.get("/paths", params={"from": "Sofware Engineer", "to": "VP of Engineering"}).json()
    assert [c["corrected_to"] for c in paths["corrections"]] == ["Software Engineer"]
    gap = api.get("/gap", params={"from": "Enginering Manager", "to": "SRE Manger"}).json()
    assert [(c["corrected_from"], c["corrected_to"]) for c in gap["corrections"]] == [
        ("Enginering Manager", "Engineering Manager"),
        ("SRE Manger", "SRE Manager"),
    ]
    skills = api.get("/roles", params={"skill": "obsevability"}).json()
    assert [c["corrected_to"] for c in skills["corrections"]] == ["Observability"]
