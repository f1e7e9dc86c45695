"""The overlap explorer with sixty roles: every cell drawn, the API's highest pair named, the role × skill matrix."""

from __future__ import annotations

from itertools import combinations

import httpx


def test_overlap_of_sixty_roles_draws_every_cell_and_names_the_api_highest_pair(
    page, library_server, open_library_view, screenshots
):
    roles = httpx.get(f"{library_server}/roles", params={"limit": 200}, timeout=30).json()["items"]
    assert len(roles) >= 60
    chosen = [r["id"] for r in roles[:60]]
    timing = open_library_view(page, "#/overlap?roles=" + ",".join(chosen), "overlap")
    assert page.locator(".heatmap .hm-cell").count() == 60 * 60

    matrix = httpx.get(f"{library_server}/overlap", params={"roles": chosen}, timeout=30).json()
    scores, titles = matrix["scores"], [r["title"] for r in matrix["roles"]]
    best = max(scores[a][b] for a, b in combinations(range(60), 2))
    tied = [(a, b) for a, b in combinations(range(60), 2) if scores[a][b] == best]
    highest = page.locator("#highest-pair").inner_text()
    assert any(titles[a] in highest and titles[b] in highest for a, b in tied), (highest, best)
    assert page.locator(".rs-matrix .rs-row").count() == 60
    assert int(page.get_attribute(".rs-matrix", "data-columns")) <= 80
    assert timing["since_navigation_ms"] < 10_000
    page.screenshot(path=str(screenshots / "overlap-60-roles.png"), full_page=True)
