"""The corpus in figures, per layout: roles found against roles expected, ladder orders, tracks, forks, skills.

Tracks: roles whose track (ic/management) is as expected, of those the expectations give one; forks:
promotions a sentence states (``method: extracted``) found, of those expected, and how many were found
in all.

Run ``python -m tests.corpus.report`` (``--json`` for machine-readable output). Documents whose file is
absent (the shared corpus is not there) or whose format has no reader yet are counted as skipped.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass

from tests.corpus.corpus import locate, parse
from tests.corpus.expectations import DOCUMENTS

__all__ = ["LayoutFigures", "figures", "main"]


@dataclass
class LayoutFigures:
    documents: int = 0
    skipped: int = 0
    routed_as_expected: int = 0
    roles_expected: int = 0
    roles_found: int = 0
    roles_matching: int = 0
    ladders: int = 0
    ladder_orders_correct: int = 0
    tracks_expected: int = 0
    tracks_correct: int = 0
    roles_with_track: int = 0
    forks_expected: int = 0
    forks_matching: int = 0
    forks_found: int = 0
    skills: int = 0

    @property
    def skills_per_role(self) -> float:
        return round(self.skills / self.roles_found, 1) if self.roles_found else 0.0


def figures() -> dict[str, LayoutFigures]:
    """Per expected layout, what the loaders found in the corpus."""
    table: dict[str, LayoutFigures] = defaultdict(LayoutFigures)
    for expected in DOCUMENTS:
        row = table[expected.layout]
        row.documents += 1
        path = locate(expected)
        document = parse(path) if path is not None else None
        if document is None or any("unknown file type" in p.message for p in document.problems):
            row.skipped += 1
            continue
        titles = [r.title for r in document.roles]
        row.routed_as_expected += document.source.format.rsplit(":", 1)[-1] == expected.layout
        row.roles_expected += len(expected.roles)
        row.roles_found += len(titles)
        row.roles_matching += len(set(titles) & set(expected.roles))
        if expected.promotions:
            row.ladders += 1
            found = {(r.title, p.title) for r in document.roles for p in r.promotes_to if p.at.method == "stated"}
            row.ladder_orders_correct += found == set(expected.promotions)
        tracks = {r.title: r.track for r in document.roles}
        row.tracks_expected += len(expected.tracks)
        row.tracks_correct += sum(1 for title, track in expected.tracks.items() if tracks.get(title) == track)
        row.roles_with_track += sum(1 for track in tracks.values() if track)
        forks = {(r.title, p.title) for r in document.roles for p in r.promotes_to if p.at.method == "extracted"}
        row.forks_expected += len(expected.forks)
        row.forks_matching += len(forks & set(expected.forks))
        row.forks_found += len(forks)
        row.skills += sum(len(r.skills) for r in document.roles)
    return dict(table)


def main(argv: list[str]) -> int:
    table = figures()
    if "--json" in argv:
        print(json.dumps({k: {**asdict(v), "skills_per_role": v.skills_per_role} for k, v in table.items()}, indent=2))
        return 0
    header = f"{'layout':<12} {'docs':>4} {'skip':>4} {'routed':>6} {'roles found/expected':>21}"
    header += f" {'ladders ok':>10} {'tracks ok':>14} {'forks':>11} {'skills/role':>11}"
    print(header)
    print("-" * len(header))
    for layout, row in sorted(table.items()):
        roles = f"{row.roles_matching}/{row.roles_expected} ({row.roles_found} found)"
        ladders = f"{row.ladder_orders_correct}/{row.ladders}"
        routed = f"{row.routed_as_expected}/{row.documents - row.skipped}"
        tracks = f"{row.tracks_correct}/{row.tracks_expected} ({row.roles_with_track})"
        forks = f"{row.forks_matching}/{row.forks_expected} ({row.forks_found})"
        line = f"{layout:<12} {row.documents:>4} {row.skipped:>4} {routed:>6} {roles:>21}"
        print(f"{line} {ladders:>10} {tracks:>14} {forks:>11} {row.skills_per_role:>11}")
    print("tracks ok: roles on the expected track/roles with an expected track (roles with any track);")
    print("forks: extracted fork promotions expected and found/expected (found in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
