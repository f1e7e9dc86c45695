"""The graph view after expansions (issue 13): labels that never overlap, relationships between the same
two roles drawn apart, filters by relationship type, and a side panel that stays true.

Expectations come from ``/layout/neighbourhood`` (what the view draws) and the drawing's geometry.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OVERLAPS_JS = """() => {
  const boxes = [...document.querySelectorAll('.graph-svg .glabel')]
    .map(t => [t.textContent, t.getBoundingClientRect()]);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i], [b, rb] = boxes[j];
    const x = ra.left < rb.right - 0.5 && rb.left < ra.right - 0.5;
    if (x && ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5) out.push([a, b]);
  }
  return {count: boxes.length, overlaps: out};
}"""


def _expand(page, node_id: str) -> None:
    before = int(page.get_attribute(".graph-svg", "data-nodes"))
    page.locator(f'.gnode[data-id="{node_id}"]').click()
    page.wait_for_function(f"+document.querySelector('.graph-svg').dataset.nodes > {before}")


def test_no_two_labels_overlap_after_expanding(page, open_view, screenshots):
    open_view(page, "#/graph/role:sre-manager", "graph")
    first = page.evaluate(OVERLAPS_JS)
    assert first["count"] >= 10 and first["overlaps"] == []
    _expand(page, "role:sre-director")
    _expand(page, "role:head-of-sre")
    after = page.evaluate(OVERLAPS_JS)
    assert after["overlaps"] == [], after["overlaps"][:5]
    assert after["count"] >= first["count"]
    page.screenshot(path=screenshots / "graph-two-expansions.png")


def test_reports_to_and_promotes_to_between_the_same_roles_are_drawn_apart(page, api, open_view):
    hood = api.get("/layout/neighbourhood", params={"node": "role:sre-manager"}).json()
    pair = {"role:sre-manager", "role:sre-director"}
    between = {e["type"] for e in hood["edges"] if {e["source"], e["target"]} == pair}
    assert {"REPORTS_TO", "PROMOTES_TO"} <= between, "the seed lost one of the two lines"
    open_view(page, "#/graph/role:sre-manager", "graph")
    mids = page.evaluate(
        """() => [...document.querySelectorAll('.graph-svg path.gedge')]
             .filter(p => [p.dataset.source, p.dataset.target].sort().join() === 'role:sre-director,role:sre-manager')
             .map(p => { const m = p.getPointAtLength(p.getTotalLength() / 2); return [p.dataset.type, m.x, m.y]; })"""
    )
    assert {m[0] for m in mids} == between
    for i in range(len(mids)):
        for j in range(i + 1, len(mids)):
            apart = ((mids[i][1] - mids[j][1]) ** 2 + (mids[i][2] - mids[j][2]) ** 2) ** 0.5
            assert apart >= 10, f"{mids[i][0]} and {mids[j][0]} are drawn {apart:.1f} px apart"


def test_filters_hide_a_relationship_type_and_the_side_panel_stays_true(page, api, open_view):
    hood = api.get("/layout/neighbourhood", params={"node": "role:sre-manager"}).json()
    skills = sum(1 for e in hood["edges"] if e["type"] == "REQUIRES_SKILL")
    open_view(page, "#/graph/role:sre-manager", "graph")
    total = int(page.get_attribute(".graph-svg", "data-edges"))
    assert total == len(hood["edges"])
    page.locator('#graph-filters input[data-type="REQUIRES_SKILL"]').uncheck()
    assert int(page.get_attribute(".graph-svg", "data-edges")) == total - skills
    assert page.locator('.graph-svg path.gedge[data-type="REQUIRES_SKILL"]').count() == 0
    state = page.locator("#graph-selected-state")
    assert state.get_attribute("data-lines") == str(total - skills)
    page.locator('#graph-filters input[data-type="REQUIRES_SKILL"]').check()

    # the panel after an expansion: the expanded node, expanded, with the lines now drawn to it
    _expand(page, "role:sre-director")
    assert "SRE Director" in page.inner_text("#graph-selected h3")
    assert state.get_attribute("data-expanded") == "true"
    assert "click the node to add" not in state.inner_text()
    drawn = page.locator(
        '.graph-svg path.gedge[data-source="role:sre-director"], .graph-svg path.gedge[data-target="role:sre-director"]'
    ).count()
    assert state.get_attribute("data-lines") == str(drawn)
