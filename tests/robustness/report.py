"""The robustness report: tried / failed / lost per class of hostile input, and the load figures.

The tests of ``tests/robustness`` and ``tests/robustness_engine`` fill :data:`REPORT` (documents) and
:data:`ENGINE` / :data:`FIGURES` (analyst Cypher); at the end of the run the table is printed and kept
in ``tests/artifacts/robustness.json`` and ``robustness.md`` (git-ignored), so a run's numbers can be
read, compared and quoted afterwards. A class whose mixed-with-the-seeds test did not run shows no
``lost`` figure ("-"), not a 0 that was never measured.
"""

from __future__ import annotations

import json
import platform
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["ARTIFACTS", "ENGINE", "FIGURES", "REPORT", "pytest_terminal_summary", "to_markdown", "write_report"]

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _row() -> dict[str, Any]:
    return {"tried": 0, "failed": 0, "lost": None, "slowest": 0.0}


# class -> {"tried", "failed", "lost" (None until the class was mixed with the seeds), "slowest" CPU s}
REPORT: dict[str, dict[str, Any]] = defaultdict(_row)
# class of adversarial Cypher -> {"tried", "failed", "slowest" wall s}
ENGINE: dict[str, dict[str, Any]] = defaultdict(lambda: {"tried": 0, "failed": 0, "slowest": 0.0})
# name -> a figure measured under load (p99 of /roles ...), as the test recorded it
FIGURES: dict[str, Any] = {}


def _lost(value: int | None) -> str:
    return "-" if value is None else str(value)


def to_markdown(report: dict[str, dict[str, Any]], engine: dict[str, dict[str, Any]], figures: dict[str, Any]) -> str:
    """The report as Markdown tables.

    Examples
    --------
    >>> text = to_markdown({"odd values": {"tried": 3, "failed": 0, "lost": None, "slowest": 0.25}}, {}, {})
    >>> text.splitlines()[-1]
    '| odd values | 3 | 0 | - | 0.25 |'
    """
    lines = ["# Robustness report", ""]
    if report:
        lines += [
            "## Hostile documents",
            "",
            "| class | tried | failed | lost | slowest file (CPU s) |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {cls} | {row['tried']} | {row['failed']} | {_lost(row['lost'])} | {row['slowest']:.2f} |"
            for cls, row in report.items()
        ]
        lines.append("")
    if engine:
        lines += [
            "## Adversarial Cypher",
            "",
            "| class | tried | failed | slowest answer (s) |",
            "|---|---:|---:|---:|",
        ]
        lines += [f"| {cls} | {row['tried']} | {row['failed']} | {row['slowest']:.2f} |" for cls, row in engine.items()]
        lines.append("")
    if figures:
        lines += ["## Figures", ""] + [f"- {name}: {json.dumps(value)}" for name, value in figures.items()] + [""]
    return "\n".join(lines)


def write_report(directory: Path = ARTIFACTS) -> tuple[Path, Path] | None:
    """Write ``robustness.json`` and ``robustness.md`` into ``directory``; None when nothing was measured."""
    if not (REPORT or ENGINE or FIGURES):
        return None
    directory.mkdir(parents=True, exist_ok=True)
    body = {
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": _cpus()},
        "documents": dict(REPORT),
        "cypher": dict(ENGINE),
        "figures": FIGURES,
    }
    as_json, as_markdown = directory / "robustness.json", directory / "robustness.md"
    as_json.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    as_markdown.write_text(to_markdown(REPORT, ENGINE, FIGURES), encoding="utf-8")
    return as_json, as_markdown


def _cpus() -> int | None:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the table and keep it in ``tests/artifacts`` (a hook: ``tests/conftest.py`` imports it)."""
    written = write_report()
    if written is None:
        return
    terminalreporter.section("robustness: hostile input per class")
    for line in to_markdown(REPORT, ENGINE, FIGURES).splitlines()[2:]:
        terminalreporter.write_line(line)
    terminalreporter.write_line(f"kept in {written[0]} and {written[1].name}")
