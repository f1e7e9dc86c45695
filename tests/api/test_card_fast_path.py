"""The role card's fast path (a plain Starlette route in front of FastAPI's) answers exactly as the
documented route does, and leaves every request it does not own to the routes that own it."""

from __future__ import annotations

import pytest

from api.routers.roles import card_fast_path


def _scope(path: str, method: str = "GET", query: bytes = b"") -> dict:
    return {"type": "http", "method": method, "path": path, "query_string": query, "root_path": ""}


@pytest.mark.parametrize("path", ["role:sre-manager", "SRE%20Manager", "SRE%20Manger", "no-such-role"])
def test_the_fast_path_answers_with_the_documented_routes_bytes_and_status(api, path):
    fast = api.get(f"/roles/{path}")
    documented = api.get(f"/roles/{path}?format=json")  # a query string: FastAPI's route answers

    assert (fast.status_code, fast.content) == (documented.status_code, documented.content)
    assert fast.headers["content-type"] == documented.headers["content-type"]


@pytest.mark.parametrize("suffix", ["chain", "reports", "next", "similar", "neighbourhood"])
def test_the_cards_sub_resources_are_not_taken_by_the_fast_path(suffix):
    match, _ = card_fast_path.matches(_scope(f"/roles/sre-manager/{suffix}"))

    assert match.name == "NONE"


@pytest.mark.parametrize(
    "scope",
    [
        _scope("/roles/ "),
        _scope("/roles/" + "x" * 301),
        _scope("/roles/"),
        _scope("/roles/sre-manager", query=b"format=csv"),
        _scope("/roles/sre-manager", method="HEAD"),
        _scope("/roles/sre-manager", method="POST"),
    ],
)
def test_requests_fastapi_must_check_or_refuse_go_past_the_fast_path(scope):
    match, _ = card_fast_path.matches(scope)

    assert match.name == "NONE"


def test_a_plain_card_request_is_the_fast_paths():
    match, child = card_fast_path.matches(_scope("/roles/a/b"))

    assert match.name == "FULL" and child["path_params"] == {"role": "a/b"}


def test_a_card_asked_as_csv_is_still_refused_by_the_documented_route(api):
    response = api.get("/roles/sre-manager?format=csv")

    assert response.status_code == 400 and "format=csv works on" in response.json()["detail"]
