"""One job catalog of 1,000 and of 10,000 rows — the whole library in one spreadsheet, as an HR system
exports it — loaded and built (documents → snapshot), beside a bare ``csv`` parse of the same bytes.

Run ``python -m bench.catalog_load`` (``BENCH_ONLY=catalog_load make bench``). A large organisation's
library is often one file: every per-document step (reference resolution, the nearest-title hints of
unresolved references, repeated-title checks) must stay linear in its rows. Prints medians (3 runs at
1,000 rows, 1 at 10,000) and the growth for 10× the rows (target ≤ 11×); asserts nothing.
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from api.build import build_from_documents
from api.settings import Settings

SIZES = (1000, 10000)
HEADER = ["Job Code", "Job Title", "Job Family", "Management Level", "Pay Grade", "Reports To", "Location",
          "Job Summary", "Required Skills"]  # fmt: skip
FAMILIES = {
    "Accounting": ("Accountant", ["GAAP", "Reconciliations", "Month-end close", "Excel"]),
    "Payroll": ("Payroll Specialist", ["Payroll processing", "HRIS", "Excel"]),
    "Talent Acquisition": ("Recruiter", ["Sourcing", "Interviewing", "Applicant tracking systems"]),
    "Sales": ("Account Executive", ["Pipeline management", "Negotiation", "Salesforce"]),
    "Customer Success": ("Customer Success Specialist", ["Onboarding", "Renewals", "Account management"]),
    "Legal": ("Counsel", ["Contract negotiation", "GDPR", "Legal research"]),
}
LEVELS = ["Associate", "", "Senior", "Lead", "Principal"]
AREAS = [
    "Revenue", "Payments", "Billing", "Identity", "Growth", "Platform", "Retail", "Wholesale", "Partners",
    "Europe", "Americas", "Asia", "Public Sector", "Enterprise", "Consumer", "Logistics", "Research", "Health",
]  # fmt: skip


def job(number: int) -> tuple[str, str, list[str], str, int, str, str]:
    """The ``number``-th job of the synthetic organisation: family, noun, skills, area, rung (``len(LEVELS)``
    for the area's manager), title and the title it reports to — ladders of five levels per family and area,
    a manager per area reporting to a head of the family."""
    families = list(FAMILIES)
    family = families[number % len(families)]
    noun, skills = FAMILIES[family]
    team, rung = divmod(number // len(families), len(LEVELS) + 1)
    cycle, area = divmod(team, len(AREAS))
    area = f"{AREAS[area]} {cycle + 1}" if cycle else AREAS[area]
    if rung == len(LEVELS):
        return family, noun, skills, area, rung, f"{area} {family} Manager", f"Head of {family}"
    title = f"{LEVELS[rung]} {area} {noun}".replace("  ", " ").strip()
    return family, noun, skills, area, rung, title, f"{area} {family} Manager"


def catalog(rows: int, seed: int = 11) -> bytes:
    """A deterministic catalog: ladders of five levels per family and area, a manager per area, and a
    reporting line to a head of the family that is outside the catalog (an unresolved reference)."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for number in range(rows):
        family, _noun, skills, area, rung, title, manager = job(number)
        level = "Manager" if rung == len(LEVELS) else "Individual Contributor"
        summary = f"Owns {rng.choice(skills).lower()} for {area} and works with the {family.lower()} leads."
        writer.writerow([
            f"{family[:3].upper()}-{number}", title, family, level, f"G{4 + min(rung, len(LEVELS))}", manager,
            rng.choice(["London", "Leeds", "Remote"]), summary, "; ".join(rng.sample(skills, 2)),
        ])  # fmt: skip
    return out.getvalue().encode()


def measure_file(data: bytes, name: str, bare_parse: Callable[[bytes], object], runs: int) -> dict[str, float]:
    """``orgkg load``'s work in process on one file ``name`` holding ``data`` (documents → snapshot, not
    saved), and ``bare_parse`` of the same bytes first. Each run has a data folder of its own: no run reads
    the parse cache another wrote."""
    bare = statistics.median(_seconds(bare_parse, data) for _ in range(runs))
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "jobs").mkdir()
        (Path(folder) / "jobs" / name).write_bytes(data)
        times = []
        for run in range(runs):
            settings = Settings(data_dir=Path(folder) / f"data-{run}")
            started = time.perf_counter()
            snapshot = build_from_documents([Path(folder) / "jobs"], settings, save=False)
            times.append(time.perf_counter() - started)
    return {
        "roles": len(snapshot.roles),
        "relationships": len(snapshot.relationships),
        "total_s": statistics.median(times),
        "bare_s": bare,
    }


def _seconds(call: Callable[[bytes], object], data: bytes) -> float:
    started = time.perf_counter()
    call(data)
    return time.perf_counter() - started


def one_file_bench(
    unit: str, what: str, make: Callable[[int], bytes], name: str, bare_parse: Callable[[bytes], object], bare: str
) -> None:
    """Print the table of one file of ``SIZES`` ``unit`` (``make(size)`` its bytes, saved as ``name``) loaded
    in process beside ``bare_parse`` of the same bytes, and the growth for the largest size over the smallest
    (target ≤ 1.1× the growth of the size)."""
    table = Table(
        unit, "roles", "relationships", "documents → snapshot s", f"bare {bare} s", "ratio",
        title=f"{what}, orgkg load in process: median of 3 at {SIZES[0]:,} {unit}, 1 run at {SIZES[-1]:,}",
    )  # fmt: skip
    totals = {}
    for size in SIZES:
        m = measure_file(make(size), name, bare_parse, runs=3 if size < 10000 else 1)
        total = totals[size] = m["total_s"]
        table.add_row(
            f"{size:,}", f"{m['roles']:,}", f"{m['relationships']:,}", f"{total:.2f}", f"{m['bare_s']:.3f}",
            f"{total / m['bare_s']:.0f}x",
        )  # fmt: skip
    Console().print(table)
    growth, bound = totals[SIZES[-1]] / totals[SIZES[0]], 1.1 * SIZES[-1] / SIZES[0]
    verdict = "met" if growth <= bound else "NOT met"
    print(f"growth for {SIZES[-1] // SIZES[0]}x the {unit}: {growth:.2f}x (target <= {bound:g}x): {verdict}")


def _bare_csv(data: bytes) -> object:
    return list(csv.reader(io.StringIO(data.decode())))


def main() -> None:
    one_file_bench("rows", "one job catalog (CSV)", catalog, "catalog.csv", _bare_csv, "csv parse")


if __name__ == "__main__":
    main()
