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
    assert any(s["kind"] == "lateral" for p in expected for s in p["steps"])
    open_view(page, "#/path?from=role:sre-manager&to=role:platform-engineering-manager&k=3", "path")
    note = page.locator("#cost-note")
    note.locator("summary").click()
    assert "lowest first" in note.inner_text() and "promotion adds 1.00" in note.inner_text()
    for n, path in enumerate(expected, start=1):
        route = page.locator(f'.route[data-route="{n}"]')
        assert f"cost {path['cost']:.2f}" in route.locator(".card-title").inner_text()
        assert path["cost_explained"] in route.locator(".route-cost").inner_text()
        costs = route.locator(".step-cost").all_inner_texts()
        assert len(costs) == len(path["steps"])
        for text, step in zip(costs, path["steps"], strict=True):
            assert step["cost_explained"] in text


def _shown_ids(locator) -> list[str]:
    return [href.rsplit("/", 1)[-1] for href in locator.evaluate_all("els => els.map(e => e.getAttribute('href'))")]


@pytest.mark.parametrize(
    ("start", "end"),
    [("role:sre-manager", "role:global-head-of-sre"), ("role:manager-infrastructure", "role:vp-of-infrastructure")],
)
def test_path_gains_never_include_what_the_start_role_or_an_earlier_step_has(page, api, open_view, start, end):
    card = api.get(f"/roles/{start}").json()
    had = {s["id"] for group in card["skills"] for s in group["skills"]} | {k["id"] for k in card["kpis"]}
    expected = _paths(api, start, end)
    assert expected, f"no path from {start} to {end} in the seeds"
    open_view(page, f"#/path?from={start}&to={end}&k=3", "path")
    for n, _ in enumerate(expected, start=1):
        have = set(had)
        steps = page.locator(f'.route[data-route="{n}"] .step')
        for i in range(steps.count()):
            gained = _shown_ids(steps.nth(i).locator(".gain .chip"))
            again = have & set(gained)
            assert not again, f"route {n} step {i + 1} asks for {sorted(again)}, which the person already has"
            have |= set(gained)
        # the route's total is every step's gains, each once
        total = _shown_ids(page.locator(f'.route[data-route="{n}"] .route-total .chip'))
        assert sorted(total) == sorted(have - had)


def test_a_corrected_name_is_said_on_the_page(page, open_view):
    open_view(page, "#/path?from=SRE%20Manger&to=role:head-of-sre", "path")
    assert "Showing SRE Manager for “SRE Manger”" in page.inner_text(".correction-note")


def test_gap_view_lists_missing_skills_by_weight_with_the_roles_that_teach_them(page, api, open_view):
    gap = api.get("/gap", params={"from": "role:sre-manager", "to": "role:head-of-sre"}).json()
    open_view(page, "#/gap?from=role:sre-manager&to=role:head-of-sre", "gap")
    missing = page.locator("#gap-missing .gap-list li")
    assert missing.evaluate_all("els => els.map(e => e.dataset.id)") == [s["id"] for s in gap["missing_skills"]]
    weights = [float(w) for w in missing.evaluate_all("els => els.map(e => e.dataset.weight)")]
    assert weights == sorted(weights, reverse=True)
    have = page.locator("#gap-have .gap-list li").evaluate_all("els => els.map(e => e.dataset.id)")
    assert sorted(have) == sorted(s["id"] for s in gap["shared_skills"])
    assert page.locator("#gap-route a.entity").all_inner_texts() == [r["title"] for r in gap["route"]]
    for item in gap["missing_skills"]:
        row = page.locator(f'#gap-missing li[data-id="{item["id"]}"] .gap-teach')
        if item["taught_by"]:
            assert row.locator(".gap-teacher").all_inner_texts() == [r["title"] for r in item["taught_by"]]
        else:
            assert "not taught on the way" in row.inner_text()
    assert any(s["taught_by"] for s in gap["missing_skills"]), "no missing skill is taught on the way"


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
