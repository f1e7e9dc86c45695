"""The overlap view read by someone comparing roles (issue 13): every role name whole, a colour scale
fitted to the set, a role × skill matrix, and on a phone the pair's details where the finger is.

Expectations come from the API (``/overlap``, ``/roles/{id}``); the drawing's own geometry (bounding
boxes) shows whether a label is cut.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FIVE = [
    "role:sre-manager",
    "role:sre-director",
    "role:head-of-sre",
    "role:platform-engineering-manager",
    "role:observability-engineering-manager",
]
FIVE_HASH = "#/overlap?roles=" + ",".join(FIVE)

# For each row label: the title it stands for, what it shows, how, and whether its box stays in the drawing.
LABELS_JS = """(sel) => [...document.querySelectorAll(sel)].map(t => {
  const svg = t.ownerSVGElement.getBoundingClientRect();
  const b = t.getBoundingClientRect();
  const shown = [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ') || t.textContent;
  const n = t.dataset.n;
  const legend = n && [...document.querySelectorAll(`.num-legend li[data-n="${n}"]`)].map(li => li.textContent);
  return {title: t.dataset.title, shown, mode: t.dataset.mode || 'full', legend,
          inside: t.dataset.mode === 'number' || (b.left >= svg.left - 1 && b.right <= svg.right + 1
                  && b.top >= svg.top - 1 && b.bottom <= svg.bottom + 1)};
})"""


def _assert_whole(labels: list[dict], titles: list[str] | None = None) -> None:
    assert labels
    if titles is not None:
        assert [label["title"] for label in labels] == titles
    for label in labels:
        assert label["inside"], f"{label['title']!r} runs out of its drawing"
        if label["mode"] == "number":
            assert any(text.endswith(label["title"]) for text in label["legend"]), label
        else:
            assert label["shown"] == label["title"], f"{label['shown']!r} is not the whole of {label['title']!r}"


@pytest.mark.parametrize("width", ["wide", "phone"])
def test_no_role_or_skill_label_is_cut(page, narrow_page, api, open_view, width):
    p = page if width == "wide" else narrow_page
    titles = [r["title"] for r in api.get("/overlap", params=[("roles", r) for r in FIVE]).json()["roles"]]
    open_view(p, FIVE_HASH, "overlap")
    _assert_whole(p.evaluate(LABELS_JS, ".heatmap .hm-row-label"), titles)
    _assert_whole(p.evaluate(LABELS_JS, ".rs-matrix .rs-row-label"), titles)
    _assert_whole(p.evaluate(LABELS_JS, ".rs-matrix .rs-col-label"))


def test_no_label_is_cut_with_every_role_of_the_graph(page, api, open_view):
    everyone = [r["id"] for r in api.get("/roles", params={"limit": 200}).json()["items"]]
    titles = [r["title"] for r in api.get("/overlap", params=[("roles", r) for r in everyone]).json()["roles"]]
    open_view(page, "#/overlap?roles=" + ",".join(everyone), "overlap")
    labels = page.evaluate(LABELS_JS, ".heatmap .hm-row-label")
    _assert_whole(labels, titles)
    assert any(label["mode"] == "full" for label in labels)


def test_colour_scale_runs_from_the_lowest_to_the_highest_pair_of_the_set(page, api, open_view):
    data = api.get("/overlap", params=[("roles", r) for r in FIVE]).json()
    scores = data["scores"]
    off = [(scores[i][j], i, j) for i in range(5) for j in range(5) if i != j]
    lo, hi = min(off), max(off)
    assert hi[0] < 0.5, "the seed set's best pair no longer shares under half: pick a paler set"
    open_view(page, FIVE_HASH, "overlap")
    svg = page.locator(".heatmap")
    assert float(svg.get_attribute("data-lo")) == pytest.approx(lo[0], abs=1e-4)
    assert float(svg.get_attribute("data-hi")) == pytest.approx(hi[0], abs=1e-4)
    assert page.inner_text("#hm-legend .hm-lo") == f"{round(lo[0] * 100)}%"
    assert page.inner_text("#hm-legend .hm-hi") == f"{round(hi[0] * 100)}%"

    def fill(i, j):
        return page.evaluate(
            f'getComputedStyle(document.querySelector(\'.heatmap .hm-cell[data-i="{i}"][data-j="{j}"]\')).fill'
        )

    # the set's weakest pair gets the lightest colour of the legend's scale, its best pair the darkest
    gradient = page.evaluate("getComputedStyle(document.querySelector('#hm-legend .hm-gradient')).backgroundImage")
    stops = ["oklch(" + part.split(")")[0] + ")" for part in gradient.split("oklch(")[1:]]
    assert len(stops) >= 2
    assert fill(lo[1], lo[2]) == stops[0]
    assert fill(hi[1], hi[2]) == stops[-1]


def test_matrix_columns_are_sorted_by_how_many_roles_need_the_skill(page, api, open_view):
    data = api.get("/overlap", params=[("roles", r) for r in FIVE]).json()
    needs: dict[str, set[str]] = {}
    for role in data["roles"]:
        card = api.get(f"/roles/{role['id']}").json()
        for group in card["skills"]:
            for skill in group["skills"]:
                needs.setdefault(skill["id"], set()).add(role["id"])
    open_view(page, FIVE_HASH, "overlap")
    columns = page.locator(".rs-matrix .rs-col-label").evaluate_all(
        "els => els.map(e => [e.dataset.id, +e.dataset.roles])"
    )
    counts = [c for _, c in columns]
    assert counts == sorted(counts, reverse=True)
    assert {sid: c for sid, c in columns} == {sid: len(roles) for sid, roles in needs.items()}
    cells = page.locator(".rs-matrix .rs-cell").evaluate_all("els => els.map(e => [e.dataset.role, e.dataset.skill])")
    assert sorted(map(tuple, cells)) == sorted((r, s) for s, roles in needs.items() for r in roles)


def test_phone_pair_details_open_in_the_viewport_next_to_the_tapped_cell(narrow_page, api, open_view):
    page = narrow_page
    open_view(page, FIVE_HASH, "overlap")
    cell = page.locator('.heatmap .hm-cell[data-i="4"][data-j="0"]')
    cell.scroll_into_view_if_needed()
    cell.click()
    details = page.locator("#pair-details")
    details.wait_for()
    box = page.locator("#pair-pop").bounding_box()
    tapped = cell.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, f"the details are at {box}, out of the viewport"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    gap = min(abs(box["y"] - (tapped["y"] + tapped["height"])), abs(tapped["y"] - (box["y"] + box["height"])))
    assert gap <= 40, f"the details open {gap:.0f} px away from the tapped cell"
    ids = [r["id"] for r in api.get("/overlap", params=[("roles", r) for r in FIVE]).json()["roles"]]
    assert {details.get_attribute("data-a"), details.get_attribute("data-b")} == {ids[4], ids[0]}
