"""The role card shows where a fact from a Word document or a spreadsheet is: the file with its
paragraph, or its sheet, row and column, not a line number the file does not have."""

from __future__ import annotations

import json
import re

import pytest

from tests.readers.test_fact_locations import _docx, _xlsx
from tests.web.conftest import running_server


@pytest.fixture(scope="module")
def places_server(tmp_path_factory):
    docs = tmp_path_factory.mktemp("places-docs")
    _docx(docs / "sre.docx")
    (docs / "sre.md").unlink()
    _xlsx(docs / "matrix.xlsx")
    data = tmp_path_factory.mktemp("places-data")
    with running_server(data, env={"ORGKG_SEEDS": json.dumps([str(docs)])}) as base:
        yield base


def _evidence_text(page, base, role_id, skill):
    page.goto(f"{base}/#/role/{role_id}")
    page.wait_for_selector('.view[data-view="role"][data-ready="true"]')
    row = page.locator("#role-skills .item-row").filter(has=page.locator(".entity", has_text=re.compile(f"^{skill}$")))
    row.locator(".ev-btn").click()
    panel = row.locator(".item-evidence")
    assert panel.is_visible()
    return panel.inner_text()


def test_role_card_evidence_names_the_paragraph_of_a_docx_and_the_cell_of_an_xlsx(page, places_server):
    import httpx

    roles = httpx.get(f"{places_server}/roles", params={"limit": 50}, timeout=30).json()["items"]
    by_title = {r["title"]: r["id"] for r in roles}
    text = _evidence_text(page, places_server, by_title["Site Reliability Engineer"], "Kubernetes")
    assert "sre.docx (paragraph 4)" in text
    assert "sre.docx:0" not in text
    senior = next(r["id"] for r in roles if r["level"] == "Senior")
    text = _evidence_text(page, places_server, senior, "Go")
    assert "matrix.xlsx (sheet Matrix, row 3, column C)" in text
    assert "Go: designs services" in text
