from __future__ import annotations

import pytest

from graph.orggraph import OrgGraph
from graph.queries.sample import sample_graph


@pytest.fixture(scope="session")
def og() -> OrgGraph:
    """The sample organisation of ``graph.queries.sample``."""
    return sample_graph()


@pytest.fixture(scope="session")
def seed(request) -> OrgGraph:
    """The graph built from seeds/ (skipped until the build pipeline is importable)."""
    try:
        import api.build  # noqa: F401
    except ImportError:
        pytest.skip("the seed build (api.build) has not landed yet")
    return request.getfixturevalue("seed_graph")
