"""The robustness suite's report (:mod:`tests.robustness.report`), filled by the tests of this folder."""

from __future__ import annotations

from typing import Any

import pytest

from tests.robustness.report import REPORT


@pytest.fixture(scope="session")
def report() -> dict[str, dict[str, Any]]:
    return REPORT
