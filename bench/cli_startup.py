"""CLI start-up time: ``orgkg --help``, ``orgkg roles`` and ``orgkg role X``, run as the installed command.

Run ``python -m bench.cli_startup``. Loads the seeds once into a temporary data dir, then runs each
command ``RUNS`` times in a fresh process and prints the median and the fastest wall-clock time, and
which heavy modules each command imported (``-X importtime``). The issue's targets: ``--help`` under
0.3 s, ``roles`` under 0.8 s. Asserts nothing.
"""

from __future__ import annotations

import os
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


def _run(data_dir: Path, args: list[str], *, importtime: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "80"}
    command = [str(ORGKG), "--data-dir", str(data_dir), *args]
    if importtime:
        command = [sys.executable, "-X", "importtime", "-c", "from api.cli import main; main()", *command[1:]]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT, check=False)


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
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        loaded = _run(data_dir, ["load", "seeds"])
        if loaded.returncode != 0:
            raise SystemExit(loaded.stderr)
        print(f"{'command':<28} {'median s':>9} {'min s':>7}  heavy modules imported")
        for label, args in COMMANDS:
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                _run(data_dir, args)
                times.append(time.perf_counter() - started)
            heavy = ", ".join(_heavy_imports(data_dir, args)) or "-"
            print(f"{label:<28} {statistics.median(times):>9.3f} {min(times):>7.3f}  {heavy}", flush=True)


if __name__ == "__main__":
    main()
