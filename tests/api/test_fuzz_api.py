"""Odd input on every route never makes a 500, on the sample graph or on an empty one."""

from urllib.parse import quote

import pytest

from graph.model import Snapshot
from tests.api.conftest import serve_snapshot

ODD = [
    "",
    " ",
    "%00",
    "\x00",
    "-1",
    "0",
    "99999999999999999999999",
    "NaN",
    "true",
    "role:",
    "role:x/../y",
    "ñ🙂漢字",
    "Ｍａｎａｇｅｒ",
    "x" * 5000,
    "'; MATCH (n) DETACH DELETE n //",
    "a" * 301,
    "%",
    "/",
    "?&=#",
]

PATH_ROUTES = [
    "/roles/{}",
    "/roles/{}/chain",
    "/roles/{}/reports",
    "/roles/{}/next",
    "/roles/{}/similar",
    "/roles/{}/neighbourhood",
    "/skills/{}",
    "/kpis/{}",
    "/families/{}",
]

QUERY_ROUTES = {
    "/roles": ["q", "family", "level", "track", "function", "skill", "kpi", "limit", "offset", "format"],
    "/roles/sre-manager/similar": ["limit", "format"],
    "/roles/sre-manager/reports": ["max_depth"],
    "/roles/sre-manager/neighbourhood": ["depth"],
    "/skills": ["q", "category", "limit", "offset"],
    "/kpis": ["q", "limit", "offset"],
    "/search": ["q", "limit"],
    "/paths": ["from", "to", "k", "max_steps", "promotions_only"],
    "/shared": ["roles", "min_roles", "format"],
    "/overlap": ["roles", "family", "function", "level", "format"],
    "/gap": ["from", "to", "format"],
    "/org-tree": ["anything"],
}
DEFAULTS = {"/paths": "from=swe&to=vpe", "/gap": "from=swe&to=vpe", "/shared": "roles=swe&roles=em"}


def encode(value: str) -> str:
    return value if value == "%00" else quote(value, safe="")


@pytest.fixture(scope="module", params=["sample", "empty"])
def any_api(request, api, tmp_path_factory):
    if request.param == "sample":
        return api
    return serve_snapshot(tmp_path_factory.mktemp("empty"), Snapshot())


@pytest.mark.parametrize("route", PATH_ROUTES)
def test_path_routes_never_fail_on_odd_names(any_api, route):
    for value in ODD:
        if not value.strip("/ "):
            continue  # would name another route (or none): not this route's input
        response = any_api.get(route.format(encode(value)))
        assert response.status_code < 500, (route, value, response.text[:200])
        assert response.status_code in (200, 400, 404, 422), (route, value)


@pytest.mark.parametrize("route", sorted(QUERY_ROUTES))
def test_query_routes_never_fail_on_odd_parameters(any_api, route):
    for name in QUERY_ROUTES[route]:
        for value in ODD:
            base = DEFAULTS.get(route, "")
            url = f"{route}?{base}&{name}={encode(value)}" if base else f"{route}?{name}={encode(value)}"
            response = any_api.get(url)
            assert response.status_code < 500, (url[:120], response.text[:200])
            if response.status_code >= 400:
                assert response.json()["detail"], url[:120]
