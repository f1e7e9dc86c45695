"""Career paths and the skill gap as a person planning their next steps reads them (issue 13).

Expectations come from the JSON API (``/paths``, ``/gap``, ``/roles/{id}``): the page's job is to show
what the API says, with how each step is known (stated or inferred, and how sure) and what its cost is.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

INFRA = "#/path?from=role:manager-infrastructure&to=role:vp-of-infrastructure&k=3"


def _paths(api, start: str, end: str, k: int = 3) -> list[dict]:
    return api.get("/paths", params={"from": start, "to": end, "k": k}).json()["paths"]


def test_inferred_steps_are_dashed_and_carry_their_confidence(page, api, open_view):
    expected = _paths(api, "role:manager-infrastructure", "role:vp-of-infrastructure")
    methods = [s["evidence"]["method"] for p in expected for s in p["steps"]]
    assert "inferred" in methods, "the seed ladder lost its inferred promotions"
    open_view(page, INFRA, "path")
    for n, path in enumerate(expected, start=1):
        route = page.locator(f'.route[data-route="{n}"]')
        drawn = route.locator("svg line.route-line").evaluate_all(
            "els => els.map(e => [e.dataset.method, e.getAttribute('stroke-dasharray')])"
        )
        listed = route.locator(".step").evaluate_all("els => els.map(e => e.dataset.method)")
        badges = route.locator(".step .step-method").all_inner_texts()
        for i, step in enumerate(path["steps"]):
            ev = step["evidence"]
            if ev["method"] == "inferred":
                assert drawn[i][0] == "inferred" and drawn[i][1], f"step {i + 1} of route {n} is not dashed"
                assert listed[i] == "inferred"
                assert f"{round(ev['confidence'] * 100)}% confidence" in badges[i].lower()
            else:
                assert drawn[i] == ["stated", None], f"stated step {i + 1} of route {n} is drawn {drawn[i]}"
                assert "inferred" not in badges[i].lower()


def test_route_cost_is_explained_with_the_costs_of_its_steps(page, api, open_view):
    expected = _paths(api, "role:sre-manager", "role:platform-engineering-manager")
    open_view(page, "#/path?from=role:sre-manager&to=role:platform-engineering-manager&k=3", "path")
    note = page.locator("#cost-note")
    note.locator("summary").click()
    assert "lowest first" in note.inner_text() and "promotion adds 1.00" in note.inner_text()
    for n, path in enumerate(expected, start=1):
        route = page.locator(f'.route[data-route="{n}"]')
        assert f"cost {path['cost']:.2f}" in route.locator(".card-title").inner_text()
        costs = route.locator(".step-cost").all_inner_texts()
        for text, step in zip(costs, path["steps"], strict=True):
            assert text.startswith(f"Cost {step['cost']:.2f}")
            if step["kind"] == "lateral":
                unshared = round((1 - step["skill_overlap"]) * 100)
                assert f"{unshared}% of skills the two roles do not share" in text


def test_gap_view_lists_missing_skills_by_weight_with_the_roles_that_teach_them(page, api, open_view):
    gap = api.get("/gap", params={"from": "role:sre-manager", "to": "role:head-of-sre"}).json()
    best = _paths(api, "role:sre-manager", "role:head-of-sre", k=1)[0]["steps"]
    open_view(page, "#/gap?from=role:sre-manager&to=role:head-of-sre", "gap")
    missing = page.locator("#gap-missing .gap-list li")
    assert missing.evaluate_all("els => els.map(e => e.dataset.id)") == [s["id"] for s in gap["missing_skills"]]
    weights = [float(w) for w in missing.evaluate_all("els => els.map(e => e.dataset.weight)")]
    assert weights == sorted(weights, reverse=True)
    have = page.locator("#gap-have .gap-list li").evaluate_all("els => els.map(e => e.dataset.id)")
    assert sorted(have) == sorted(s["id"] for s in gap["shared_skills"])
    # a skill gained at an intermediate step names that role; one only the target asks for says so
    on_the_way = {s["id"]: st["end"]["title"] for st in best[:-1] for s in st["skills_to_gain"]}
    for item in gap["missing_skills"]:
        text = page.locator(f'#gap-missing li[data-id="{item["id"]}"] .gap-teach').inner_text()
        if item["id"] in on_the_way:
            assert on_the_way[item["id"]] in text
        else:
            assert "not taught on the way" in text
    assert any(s["id"] in on_the_way for s in gap["missing_skills"]), "no missing skill is taught on the way"


def test_each_view_links_its_json_and_csv_and_the_page_links_the_docs(page, api, open_view):
    open_view(page, "#/gap?from=role:sre-manager&to=role:head-of-sre", "gap")
    assert page.locator(".mainnav a[href='/docs']").count() == 1
    json_href = page.get_attribute(".data-links a.data-json", "href")
    csv_href = page.get_attribute(".data-links a.data-csv", "href")
    assert api.get(json_href).json()["to_role"]["id"] == "role:head-of-sre"
    assert api.get(csv_href).headers["content-type"].startswith("text/csv")
    for hash_, view, route in [
        (INFRA, "path", "/paths?"),
        ("#/role/role:sre-manager", "role", "/roles/role:sre-manager"),
    ]:
        open_view(page, hash_, view)
        href = page.get_attribute(".data-links a.data-json", "href")
        assert href.startswith(route) and api.get(href).status_code == 200


def test_phone_header_is_compact_and_its_targets_are_at_least_24_px(narrow_page, open_view):
    open_view(narrow_page, INFRA, "path")
    header = narrow_page.locator(".topbar").bounding_box()
    assert header["height"] <= 0.12 * 844, f"the header takes {header['height']:.0f} px of 844"
    small = narrow_page.evaluate(
        """() => [...document.querySelectorAll('.mainnav a, .btn, .icon-btn, a.chip, .data-links a, summary')]
             .filter(e => e.offsetParent !== null)
             .map(e => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect().height])
             .filter(([, h]) => h < 24)"""
    )
    assert small == []
