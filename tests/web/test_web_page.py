"""The web page in a real headless Chromium against ``orgkg serve`` on the seed graph.

Expectations come from the JSON API where the page's job is to show what the API says (the overlap
test computes the highest pair from ``/overlap``), and from the seed documents where the brief states
them (the SRE Manager's skills, the Manager, Infrastructure → VP of Infrastructure ladder).
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

# The SRE Manager blueprint: "reliability practices (SLOs, error budgets, observability, incident
# management, capacity planning)".
SRE_MANAGER_STATED_SKILLS = {"slos", "error budgets", "observability", "incident management", "capacity planning"}
INFRA_LADDER = [
    "Manager, Infrastructure",
    "Senior Engineering Manager, Infrastructure (Platform)",
    "Director, Infrastructure (Reliability)",
    "Senior Director, Infrastructure",
    "VP of Infrastructure",
]
FIVE_ROLES = [
    "role:sre-manager",
    "role:sre-director",
    "role:head-of-sre",
    "role:platform-engineering-manager",
    "role:observability-engineering-manager",
]


def _role_id(api, title: str) -> str:
    return api.get(f"/roles/{quote(title)}").json()["role"]["id"]


def _option(page, list_id: str, name: str):
    """The combobox option whose name is exactly ``name``."""
    exact = re.compile(rf"^{re.escape(name)}$")
    return page.locator(f"#{list_id} [role=option]").filter(has=page.locator(".combo-name", has_text=exact))


def _full_shot(page, path) -> None:
    """A full-page screenshot from the top (the sticky header stays where it belongs)."""
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=path, full_page=True)


def _pick(page, box_id: str, text: str, name: str) -> None:
    page.fill(f"#{box_id}", "")
    page.type(f"#{box_id}", text, delay=15)
    _option(page, f"{box_id}-list", name).click()


# --------------------------------------------------------------------------- search and role card


def test_search_sre_man_picks_sre_manager_and_shows_its_stated_skills(page, api, open_view, screenshots):
    card = api.get("/roles/role:sre-manager").json()
    api_skills = {s["name"].lower(): s for group in card["skills"] for s in group["skills"]}
    assert set(api_skills) >= SRE_MANAGER_STATED_SKILLS, "the seed graph lost a skill its text states"

    open_view(page, "#/", "home")
    page.fill("#global-search", "sre man")
    _option(page, "global-search-list", "SRE Manager").wait_for()
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#global-search", "aria-activedescendant")
    page.keyboard.press("Enter")
    page.wait_for_selector('.view[data-view="role"][data-ready="true"]')

    assert page.inner_text("h1") == "SRE Manager"
    assert "#/role/role:sre-manager" in page.url
    shown = {t.strip().lower() for t in page.locator("#role-skills .item-row .entity").all_inner_texts()}
    assert shown >= SRE_MANAGER_STATED_SKILLS
    assert len(shown) == len(api_skills)
    chain = page.locator("#role-chain li a").all_inner_texts()
    assert chain == [r["title"] for r in reversed(card["reports_to"])]
    for similar in card["similar"]:
        assert page.locator("#role-similar a", has_text=similar["role"]["title"]).count() >= 1

    # the evidence of a skill: its sentence, file:line and method
    slos = api_skills["slos"]
    row = page.locator("#role-skills .item-row").filter(has=page.locator(".entity", has_text=re.compile("^SLOs$")))
    row.locator(".ev-btn").click()
    panel = row.locator(".item-evidence")
    assert panel.is_visible()
    evidence = slos["evidence"]
    assert f"{evidence['source']}:{evidence['line']}" in panel.inner_text()
    assert evidence["sentence"][:40] in panel.inner_text()
    page.screenshot(path=screenshots / "role-card-evidence.png")


def test_unknown_role_offers_its_suggestions_as_links(page, api, open_view):
    suggestions = api.get("/roles/head of chefs").json()["suggestions"]
    open_view(page, "#/role/head%20of%20chefs", "role")
    box = page.locator(".error-box")
    assert "Did you mean" in box.inner_text()
    assert box.locator("a.suggestion").all_inner_texts() == suggestions
    box.locator("a.suggestion").first.click()
    page.wait_for_function("title => document.querySelector('h1')?.textContent === title", arg=suggestions[0])


# --------------------------------------------------------------------------- career paths


def test_path_finder_draws_the_infrastructure_ladder_to_vp(page, api, open_view, screenshots):
    expected = api.get("/paths", params={"from": INFRA_LADDER[0], "to": INFRA_LADDER[-1], "k": 3}).json()
    first = expected["paths"][0]["steps"]
    assert [first[0]["start"]["title"], *[s["end"]["title"] for s in first]] == INFRA_LADDER

    open_view(page, "#/path", "path")
    _pick(page, "path-from", "manager infra", "Manager, Infrastructure")
    _pick(page, "path-to", "vp of infra", "VP of Infrastructure")
    page.click("button:has-text('Find paths')")
    page.wait_for_selector('.view[data-view="path"][data-ready="true"] .route[data-route="1"]')

    route = page.locator('.route[data-route="1"]')
    titles = [route.locator(".step-from").first.inner_text(), *route.locator(".step-to").all_inner_texts()]
    assert titles == INFRA_LADDER
    kinds = route.locator(".step").evaluate_all("els => els.map(e => e.dataset.kind)")
    assert kinds == [s["kind"] for s in first]
    # line style and a text label carry the kind, not colour alone
    assert route.locator("svg line.line-promotion").count() == kinds.count("promotion")
    assert route.locator("svg text.route-label", has_text="promotion").count() == kinds.count("promotion")
    assert page.locator(".route").count() == len(expected["paths"])
    # what each step asks for
    gains = route.locator(".step").first.locator(".gain .chip").all_inner_texts()
    assert gains == [s["name"] for s in first[0]["skills_to_gain"]] + [k["name"] for k in first[0]["kpis_to_gain"]]
    page.screenshot(path=screenshots / "path-infrastructure-ladder.png")


def test_path_finder_without_a_path_names_the_closest_reachable_role(page, api, open_view):
    answer = api.get("/paths", params={"from": "SRE Manager", "to": "Mobile Engineering Manager"}).json()
    assert answer["paths"] == [] and answer["closest"]
    hash_ = "#/path?from=role:sre-manager&to=" + _role_id(api, "Mobile Engineering Manager")
    open_view(page, hash_, "path")
    text = page.inner_text(".no-path")
    assert f"the closest reachable role is {answer['closest']['role']['title']}" in text


# --------------------------------------------------------------------------- skill overlap


def test_overlap_of_five_roles_highlights_the_api_highest_pair(page, api, open_view, screenshots):
    data = api.get("/overlap", params=[("roles", r) for r in FIVE_ROLES]).json()
    ids = [r["id"] for r in data["roles"]]
    scores = data["scores"]
    best = max(((scores[i][j], i, j) for i in range(5) for j in range(i + 1, 5)), key=lambda t: (t[0], -t[1], -t[2]))
    _, bi, bj = best

    open_view(page, "#/overlap?roles=" + ",".join(FIVE_ROLES), "overlap")
    assert page.locator(".heatmap .hm-cell").count() == 25
    chips = page.locator(".chip-input .chip-removable").all_inner_texts()
    assert [c.rstrip("×").strip() for c in chips] == [r["title"] for r in data["roles"]]
    assert "null" not in page.inner_text(".chip-input")
    # rows in the API's cluster order
    assert page.locator(".heatmap .hm-row-label").evaluate_all("els => els.map(e => e.dataset.id)") == ids
    top = page.locator("#top-pairs li").first
    assert {top.get_attribute("data-a"), top.get_attribute("data-b")} == {ids[bi], ids[bj]}
    outlined = page.locator(".heatmap .hm-top").evaluate_all("els => els.map(e => [+e.dataset.i, +e.dataset.j])")
    assert sorted(map(tuple, outlined)) == sorted([(bi, bj), (bj, bi)])
    highest = page.inner_text("#highest-pair")
    assert data["roles"][bi]["title"] in highest and data["roles"][bj]["title"] in highest

    # a cell click shows the pair's shared and unique skills, as /shared has them
    page.locator(f'.heatmap .hm-cell[data-i="{bi}"][data-j="{bj}"]').click()
    details = page.locator("#pair-details")
    shared = api.get("/shared", params=[("roles", ids[bi]), ("roles", ids[bj])]).json()
    expected_shared = sorted(s["name"] for s in shared["skills_all"])
    shown_shared = sorted(details.locator(".chips-shared .chip").all_inner_texts())
    assert shown_shared == expected_shared
    assert details.get_attribute("data-a") == ids[bi] and details.get_attribute("data-b") == ids[bj]
    # the role × skill matrix has a row per role, in the heatmap's order
    assert page.locator(".rs-matrix .rs-row").evaluate_all("els => els.map(e => e.dataset.id)") == ids
    _full_shot(page, screenshots / "overlap-five-roles.png")


def test_overlap_scales_from_two_roles_to_the_whole_graph(page, api, open_view, screenshots):
    open_view(page, "#/overlap?roles=role:sre-manager,role:sre-director", "overlap")
    assert page.locator(".heatmap .hm-cell").count() == 4
    big_cell = int(page.get_attribute(".heatmap", "data-cell"))

    everyone = [r["id"] for r in api.get("/roles", params={"limit": 200}).json()["items"]]
    n = len(everyone)
    open_view(page, "#/overlap?roles=" + ",".join(everyone), "overlap")
    assert page.locator(".heatmap .hm-cell").count() == n * n
    small_cell = int(page.get_attribute(".heatmap", "data-cell"))
    assert small_cell < big_cell
    # columns are numbered like the rows; the numbers are spelled out beside the drawing
    numbers = page.locator(".heatmap .hm-col-label").evaluate_all("els => els.map(e => e.lastChild.textContent)")
    assert numbers == [str(i) for i in range(1, n + 1)]
    assert page.locator("#hm-numbers li").count() == n
    # values as text only when the cells have room for them
    assert page.locator(".heatmap .hm-value").count() == 0
    # zoom with the keyboard and the buttons
    heatmap = page.locator(".heatmap")
    heatmap.focus()
    before = float(heatmap.get_attribute("data-zoom"))
    page.keyboard.press("+")
    assert float(heatmap.get_attribute("data-zoom")) > before
    page.locator("#heatmap-card button[aria-label='Zoom out']").click()
    page.locator("#heatmap-card button[aria-label='Zoom out']").click()
    assert float(heatmap.get_attribute("data-zoom")) < before
    _full_shot(page, screenshots / f"overlap-{n}-roles.png")


# --------------------------------------------------------------------------- graph


def test_graph_view_expands_a_node_on_click_and_restores_it_on_reload(page, open_view, screenshots):
    open_view(page, "#/graph/role:sre-manager", "graph")
    svg = page.locator(".graph-svg")
    before = int(svg.get_attribute("data-nodes"))
    node = page.locator('.gnode[data-id="role:sre-director"]')
    node.click()
    page.wait_for_function(f"+document.querySelector('.graph-svg').dataset.nodes > {before}")
    after = int(svg.get_attribute("data-nodes"))
    assert "expand=role:sre-director" in page.url
    assert page.locator('.gnode.is-expanded[data-id="role:sre-director"]').count() == 1
    page.screenshot(path=screenshots / "graph-expanded.png")

    page.reload()
    page.wait_for_selector('.view[data-view="graph"][data-ready="true"]')
    assert int(page.get_attribute(".graph-svg", "data-nodes")) == after


# --------------------------------------------------------------------------- Cypher


def _query_text(page) -> str:
    return page.evaluate("window.__orgkg.cypherEditor.get()")


def _set_query(page, text: str) -> None:
    """Replace the editor's text and leave the cursor in it (CodeMirror: the textarea is hidden)."""
    page.wait_for_function("window.__orgkg.cypherEditor")
    page.evaluate("text => { const e = window.__orgkg.cypherEditor; e.set(text); e.focus(); }", text)


@pytest.fixture
def cypher_catalog(api):
    response = api.get("/queries")
    if response.status_code == 404 and api.post("/cypher", json={"query": "RETURN 1"}).status_code == 404:
        pytest.skip("the API serves no /queries and /cypher routes yet")
    response.raise_for_status()
    body = response.json()
    return body if isinstance(body, list) else body.get("queries") or body.get("items")


def test_cypher_console_runs_a_catalog_query_and_refuses_a_write(page, api, open_view, cypher_catalog, screenshots):
    open_view(page, "#/cypher", "cypher")
    entry = (
        next(q for q in cypher_catalog if q["name"] == "most-required-skills")
        if any(q["name"] == "most-required-skills" for q in cypher_catalog)
        else cypher_catalog[0]
    )
    page.wait_for_selector(f"#cypher-example option[value='{entry['name']}']", state="attached")
    page.select_option("#cypher-example", entry["name"])
    page.wait_for_function(f"document.querySelector('.view').dataset.example === {entry['name']!r}")
    full = api.get(f"/queries/{entry['name']}").json()
    assert _query_text(page).strip() == (full.get("cypher") or full.get("query")).strip()
    page.click("#cypher-run")
    page.wait_for_selector("#cypher-out[data-state='done']")
    assert page.locator("#cypher-table tbody tr").count() >= 1
    assert re.match(r"^\d+(\.\d)? ms$", page.inner_text("#cypher-elapsed"))
    _full_shot(page, screenshots / "cypher-catalog-query.png")

    _set_query(page, "CREATE (n) RETURN n")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#cypher-out[data-state='error']")
    assert page.locator("#cypher-error").is_visible()
    assert page.locator("#cypher-table").count() == 0
    page.screenshot(path=screenshots / "cypher-refused-write.png")


def test_cypher_syntax_error_points_at_its_line_and_column(page, api, open_view, cypher_catalog):
    query = "MATCH (r:Role)\nRETURN r.title AS title ORDER BY"
    answer = api.post("/cypher", json={"query": query, "params": {}})
    assert answer.status_code == 400
    body = answer.json()
    open_view(page, "#/cypher?q=" + quote(query), "cypher")
    page.wait_for_selector("#cypher-out[data-state='error']")
    if body.get("line"):
        where = page.inner_text(".error-where")
        caret_line = where.splitlines()[-1]
        assert where.splitlines()[0].endswith(query.splitlines()[body["line"] - 1])
        assert caret_line.strip() == "^"


# --------------------------------------------------------------------------- shareable URLs


@pytest.mark.parametrize(
    ("hash_", "view", "probe"),
    [
        ("#/role/role:sre-manager", "role", "#role-skills"),
        ("#/path?from=role:manager-infrastructure&to=role:vp-of-infrastructure&k=2", "path", "#path-results"),
        ("#/overlap?roles=" + ",".join(FIVE_ROLES), "overlap", "#top-pairs"),
        ("#/graph/role:sre-manager", "graph", "#graph-selected"),
        ("#/skill/skill:observability", "skill", ".data-table"),
        ("#/family/family:engineering-management-infrastructure", "family", ".data-table"),
    ],
)
def test_shareable_url_restores_the_view_on_reload(page, open_view, hash_, view, probe):
    open_view(page, hash_, view)
    before = (page.inner_text("h1"), page.inner_text(probe))
    page.reload()
    page.wait_for_selector(f'.view[data-view="{view}"][data-ready="true"]')
    assert (page.inner_text("h1"), page.inner_text(probe)) == before


def test_shareable_path_url_fills_the_form(page, api, open_view):
    open_view(page, "#/path?from=role:manager-infrastructure&to=role:vp-of-infrastructure", "path")
    assert page.input_value("#path-from") == "Manager, Infrastructure"
    assert page.input_value("#path-to") == "VP of Infrastructure"


# --------------------------------------------------------------------------- keyboard and narrow windows


def _tab_to(page, element_id: str, limit: int = 60) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return presses
    raise AssertionError(f"#{element_id} not reached with {limit} Tab presses")


def test_keyboard_alone_reaches_search_and_the_run_button(page, open_view):
    open_view(page, "#/cypher", "cypher")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    _tab_to(page, "global-search")
    _tab_to(page, "cypher-run")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused run button shows no focus ring"

    # search and open a role without the mouse
    page.keyboard.press("Shift+Tab")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "global-search"
    page.keyboard.type("sre man", delay=15)
    _option(page, "global-search-list", "SRE Manager").wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector('.view[data-view="role"][data-ready="true"]')
    assert page.inner_text("h1") == "SRE Manager"


def test_skip_link_moves_focus_to_the_content(page, open_view):
    open_view(page, "#/", "home")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


PATH_QUERY = "MATCH p = (:Role {id: 'role:sre-manager'})-[:PROMOTES_TO*1..2]->(:Role) RETURN p"
NARROW_VIEWS = [
    ("#/", "home"),
    ("#/role/role:sre-manager", "role"),
    ("#/path?from=role:manager-infrastructure&to=role:vp-of-infrastructure", "path"),
    ("#/gap?from=role:sre-manager&to=role:head-of-sre", "gap"),
    ("#/overlap?roles=" + ",".join(FIVE_ROLES), "overlap"),
    ("#/graph/role:sre-manager", "graph"),
    ("#/cypher?q=" + quote(PATH_QUERY), "cypher"),
    ("#/skill/skill:observability", "skill"),
    ("#/family/family:engineering-management-infrastructure", "family"),
]


@pytest.mark.parametrize(("hash_", "view"), NARROW_VIEWS, ids=[v for _, v in NARROW_VIEWS])
def test_phone_window_has_no_horizontal_scroll(narrow_page, wide_page, open_view, screenshots, hash_, view):
    open_view(wide_page, hash_, view)
    _full_shot(wide_page, screenshots / f"1440-{view}.png")
    open_view(narrow_page, hash_, view)
    overflow = narrow_page.evaluate(
        "() => ({doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,"
        " body: document.body.scrollWidth - document.body.clientWidth})"
    )
    assert overflow == {"doc": 0, "body": 0}
    _full_shot(narrow_page, screenshots / f"390-{view}.png")


# --------------------------------------------------------------------------- first render


FIRST_RENDER = [
    ("home", "#/"),
    ("role", "#/role/role:sre-manager"),
    ("path", "#/path?from=role:manager-infrastructure&to=role:vp-of-infrastructure&k=3"),
    ("overlap", "#/overlap?roles=" + ",".join(FIVE_ROLES)),
    ("graph", "#/graph/role:sre-manager"),
    ("cypher", "#/cypher"),
    ("skill", "#/skill/skill:observability"),
]


def test_first_render_of_each_view_is_recorded(page, open_view, timings, screenshots):
    for view, hash_ in FIRST_RENDER:
        page.goto("about:blank")
        entry = open_view(page, hash_, view)
        assert entry["view"] == view and entry["first"] is True
        assert entry["since_navigation_ms"] < 10_000, f"{view} took {entry['since_navigation_ms']:.0f} ms"
        timings[view] = {k: round(entry[k], 1) for k in ("since_navigation_ms", "render_ms")} | {"hash": hash_}
        page.wait_for_timeout(150)
        page.screenshot(path=screenshots / f"{view}.png")


def test_cypher_result_with_nodes_and_relationships_is_also_drawn_as_a_graph(
    page, open_view, cypher_catalog, screenshots
):
    query = "MATCH (a:Role {id: 'role:sre-manager'})-[r:PROMOTES_TO|CAN_MOVE_TO]->(b:Role) RETURN a, r, b"
    open_view(page, "#/cypher?q=" + quote(query), "cypher")
    page.wait_for_selector("#cypher-out[data-state='done']")
    rows = page.locator("#cypher-table tbody tr").count()
    assert rows >= 1
    drawn = page.locator("#cypher-out .graph-svg .gnode")
    assert drawn.count() == rows + 1  # the SRE Manager and each role it moves to
    assert page.locator("#cypher-out .graph-svg path.gedge").count() == rows
    _full_shot(page, screenshots / "cypher-result-graph.png")
