"""CLI start-up time: ``orgkg --help``, ``orgkg roles`` and ``orgkg role X``, run as the installed command.

Run ``python -m bench.cli_startup``. Loads the seeds once into a temporary data dir, then runs each
command ``RUNS`` times in a fresh process and prints the median and the fastest wall-clock time, and
which heavy modules each command imported (``-X importtime``). The issue's targets: ``--help`` under
0.3 s, ``roles`` under 0.8 s. Asserts nothing.

Python's bytecode cache is on, as on a user's machine (``PYTHONDONTWRITEBYTECODE`` is dropped and the
cache goes to a temporary ``PYTHONPYCACHEPREFIX``; one warm-up run per command fills it);
``--cold`` keeps the environment's setting, so that every run compiles every module it imports.

``python -m bench.cli_startup --before DIR`` also times the code of another checkout (e.g. a
``git worktree`` of an older commit, run through ``PYTHONPATH``), alternating runs of the two so that
both see the same machine load.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from api.settings import REPO_ROOT

ORGKG = Path(sys.executable).with_name("orgkg")
RUNS = 7
HEAVY = ("fastapi", "falkordb", "networkx", "rapidfuzz", "uvicorn", "redis", "neo4j", "starlette")
COMMANDS = [
    ("orgkg --help", ["--help"]),
    ("orgkg roles", ["roles"]),
    ("orgkg role 'SRE Manager'", ["role", "SRE Manager"]),
    ("orgkg gap ...", ["gap", "SRE Manager", "Head of SRE"]),
]


def _run(
    data_dir: Path, args: list[str], *, importtime: bool = False, code: Path | None = None
) -> subprocess.CompletedProcess:
    """``orgkg --data-dir data_dir *args`` in a fresh process; ``code``: another checkout's code."""
    env = {**os.environ, "COLUMNS": "80"}
    if _PYCACHE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = _PYCACHE[0]
    if code is not None:
        env["PYTHONPATH"] = str(code)
    start = ["-X", "importtime"] if importtime else []
    command = [sys.executable, *start, "-c", "from api.cli import main; main()", "--data-dir", str(data_dir), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=code or REPO_ROOT, check=False)


_PYCACHE: list[str] = []  # the bytecode cache directory, unless --cold


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time(data_dir: Path, args: list[str], code: Path | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run; CPU time barely depends on the load of a
    shared machine, wall-clock time does."""
    started, cpu = time.perf_counter(), _cpu()
    _run(data_dir, args, code=code)
    return time.perf_counter() - started, _cpu() - cpu


def _heavy_imports(data_dir: Path, args: list[str]) -> list[str]:
    stderr = _run(data_dir, args, importtime=True).stderr
    found = set()
    for line in stderr.splitlines():
        name = line.rsplit("|", 1)[-1].strip()
        top = name.split(".")[0]
        if top in HEAVY:
            found.add(top)
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cli_startup")
    parser.add_argument("--before", type=Path, help="another checkout to time against, runs alternating")
    parser.add_argument("--cold", action="store_true", help="no bytecode cache: every run compiles its imports")
    options = parser.parse_args()
    before = options.before
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        if not options.cold:
            _PYCACHE.append(str(Path(tmp) / "pycache"))
        loaded = _run(data_dir, ["load", "seeds"])
        if loaded.returncode != 0:
            raise SystemExit(loaded.stderr)
        cache = "no bytecode cache" if options.cold else "bytecode cached"
        print(f"load average {os.getloadavg()[0]:.1f}; {cache}; {RUNS} runs each; medians in s, wall-clock / CPU")
        columns = f"{'before':>13}  " if before else ""
        print(f"{'command':<28} {columns}{'now':>13}  heavy modules imported")
        for label, args in COMMANDS:
            now, then = [], []
            for code in (before, None) if before else (None,):
                _run(data_dir, args, code=code)  # warm-up: fills the bytecode cache
            for _ in range(RUNS):
                if before:
                    then.append(_time(data_dir, args, before))
                now.append(_time(data_dir, args))
            old = f"{_medians(then):>13}  " if before else ""
            heavy = ", ".join(_heavy_imports(data_dir, args)) or "-"
            print(f"{label:<28} {old}{_medians(now):>13}  {heavy}", flush=True)


def _medians(times: list[tuple[float, float]]) -> str:
    return f"{statistics.median(t[0] for t in times):.3f} / {statistics.median(t[1] for t in times):.3f}"


if __name__ == "__main__":
    main()
