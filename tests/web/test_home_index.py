"""The start page lists every role under its function, so roles without a job family can be browsed too."""

from __future__ import annotations


def test_home_lists_every_role_under_its_function(page, api, open_view, screenshots):
    open_view(page, "#/", "home")
    index = page.locator("#function-index")
    index.wait_for()
    functions = api.get("/functions").json()
    placed = {r["id"] for fn in functions for r in fn["roles"]}
    links = index.locator(".function-roles a")
    assert links.count() == len(placed)
    assert {link.get_attribute("href").removeprefix("#/role/") for link in links.all()} == placed
    sre = index.locator(".function-node", has=page.locator(".function-name", has_text="SRE")).first
    assert "SRE Manager" in sre.inner_text()
    sre.get_by_role("link", name="compare skills").click()
    page.wait_for_selector('.view[data-view="overlap"][data-ready="true"]')
    assert page.locator(".heatmap .hm-cell").count() >= 4
    open_view(page, "#/", "home")
    page.screenshot(path=str(screenshots / "home-function-index.png"), full_page=True)


def test_functions_route_counts_roles_at_and_below_each_function(api):
    functions = {fn["name"]: fn for fn in api.get("/functions").json()}
    roles = api.get("/roles", params={"limit": 200}).json()["items"]
    placed = [r for r in roles if r["function"]]
    assert sum(len(fn["roles"]) for fn in functions.values()) == len(placed)
    assert functions["Reliability"]["total"] >= functions["SRE"]["total"] + 1
    assert functions["SRE"]["parent"] == "Reliability"
