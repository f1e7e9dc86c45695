"""The corpus in figures, per layout: roles found against roles expected, ladder orders, skills per role.

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
            found = {(r.title, p.title) for r in document.roles for p in r.promotes_to}
            row.ladder_orders_correct += found == set(expected.promotions)
        row.skills += sum(len(r.skills) for r in document.roles)
    return dict(table)


def main(argv: list[str]) -> int:
    table = figures()
    if "--json" in argv:
        print(json.dumps({k: {**asdict(v), "skills_per_role": v.skills_per_role} for k, v in table.items()}, indent=2))
        return 0
    header = f"{'layout':<12} {'docs':>4} {'skip':>4} {'routed':>6} {'roles found/expected':>21}"
    header += f" {'ladders ok':>10} {'skills/role':>11}"
    print(header)
    print("-" * len(header))
    for layout, row in sorted(table.items()):
        roles = f"{row.roles_matching}/{row.roles_expected} ({row.roles_found} found)"
        ladders = f"{row.ladder_orders_correct}/{row.ladders}"
        routed = f"{row.routed_as_expected}/{row.documents - row.skipped}"
        line = f"{layout:<12} {row.documents:>4} {row.skipped:>4} {routed:>6} {roles:>21}"
        print(f"{line} {ladders:>10} {row.skills_per_role:>11}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
