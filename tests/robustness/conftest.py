"""The robustness suite's report: tried / failed / lost per class of hostile input, printed after the run."""

from __future__ import annotations

from collections import defaultdict

import pytest

# class -> {"tried": n, "failed": n, "lost": n, "slowest": seconds}; filled by the tests of this folder.
REPORT: dict[str, dict[str, float]] = defaultdict(lambda: {"tried": 0, "failed": 0, "lost": 0, "slowest": 0.0})


@pytest.fixture(scope="session")
def report() -> dict[str, dict[str, float]]:
    return REPORT


def pytest_terminal_summary(terminalreporter) -> None:
    if not REPORT:
        return
    terminalreporter.section("robustness: hostile input per class")
    terminalreporter.write_line(f"{'class':24} {'tried':>6} {'failed':>7} {'lost':>5} {'slowest file (CPU)':>19}")
    for cls, row in REPORT.items():
        line = f"{cls:24} {row['tried']:>6} {row['failed']:>7} {row['lost']:>5} {row['slowest']:>17.2f} s"
        terminalreporter.write_line(line)
