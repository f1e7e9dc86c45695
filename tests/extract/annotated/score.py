"""Precision and recall of the skills (and KPIs) the graph gives the hand-annotated roles of ``sample.yaml``.

Run ``python -m tests.extract.annotated.score`` from the repository root (with ``../shared/corpus``
present) to print the figures and every error left; ``test_annotated_sample.py`` asserts floors.

An extracted name matches an annotated item when it normalises like one of the item's names, or
when the taxonomy resolves one of them to it (the annotation names the skill, the graph its canonical
name). Figures are micro-averaged over every role.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from graph.extract import Matcher
from graph.extract.normalize import normalize_term
from graph.model import RelType, Snapshot
from graph.pipeline import build_snapshot
from graph.pipeline.titles import title_key
from loaders import load_paths
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy

__all__ = ["SAMPLE", "Score", "score_sample"]

SAMPLE = Path(__file__).with_name("sample.yaml")


@dataclass
class Score:
    kind: str
    true_positives: int = 0
    extracted: int = 0
    annotated: int = 0
    found: int = 0
    wrong: list[tuple[str, str]] = field(default_factory=list)  # (role, extracted name nobody annotated)
    missed: list[tuple[str, str]] = field(default_factory=list)  # (role, annotated item not extracted)

    @property
    def precision(self) -> float:
        return self.true_positives / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.annotated if self.annotated else 1.0


def _names(snapshot: Snapshot, role_id: str, rel_type: RelType) -> list[str]:
    nodes = {n.id: n.name for n in [*snapshot.skills, *snapshot.kpis]}
    return sorted({nodes[r.end] for r in snapshot.relationships if r.type == rel_type and r.start == role_id})


def _matches(name: str, item: list[str], matcher: Matcher, kind: str) -> bool:
    key = normalize_term(name)
    for alternative in item:
        if normalize_term(alternative) == key:
            return True
        canonical = matcher.lookup(alternative, kind)
        if canonical is not None and normalize_term(canonical) == key:
            return True
    return False


def score_sample(corpus: Path, sample: Path = SAMPLE) -> tuple[Score, Score, list[str]]:
    """``(skills, kpis, notes)`` for the annotated roles, the documents read from ``corpus``."""
    roles = yaml.safe_load(sample.read_text("utf-8"))["roles"]
    documents = sorted({role["document"] for role in roles})
    taxonomy = load_taxonomy(DEFAULT_TAXONOMY_DIR)
    matcher = Matcher.from_taxonomy(taxonomy)
    snapshots = {d: build_snapshot(load_paths([corpus / d], root=corpus), taxonomy) for d in documents}
    skills, kpis, notes = Score("skill"), Score("kpi"), []
    for annotated in roles:
        snapshot = snapshots[annotated["document"]]
        in_document = [r for r in snapshot.roles if annotated["document"] in r.sources]
        wanted = title_key(annotated["title"])
        role = next((r for r in in_document if wanted in {title_key(t) for t in [r.title, *r.aliases]}), None)
        if role is None and len(in_document) == 1:
            role = in_document[0]
            notes.append(f"{annotated['document']}: role titled {role.title!r}, annotated {annotated['title']!r}")
        if role is None:
            notes.append(f"{annotated['document']}: no role {annotated['title']!r}")
        label = f"{annotated['title']} ({Path(annotated['document']).name})"
        for score, rel_type, items in (
            (skills, RelType.REQUIRES_SKILL, annotated.get("skills") or []),
            (kpis, RelType.MEASURED_BY, annotated.get("kpis") or []),
        ):
            names = _names(snapshot, role.id, rel_type) if role else []
            score.extracted += len(names)
            score.annotated += len(items)
            for name in names:
                if any(_matches(name, item, matcher, score.kind) for item in items):
                    score.true_positives += 1
                else:
                    score.wrong.append((label, name))
            for item in items:
                if any(_matches(name, item, matcher, score.kind) for name in names):
                    score.found += 1
                else:
                    score.missed.append((label, item[0]))
    return skills, kpis, notes


def main() -> None:
    default = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    skills, kpis, notes = score_sample(corpus)
    for note in notes:
        print("note:", note)
    for score in (skills, kpis):
        print(
            f"{score.kind}: precision {score.precision:.3f} ({score.true_positives}/{score.extracted}), "
            f"recall {score.recall:.3f} ({score.found}/{score.annotated})"
        )
        for role, name in score.wrong:
            print(f"  wrong  {role}: {name}")
        for role, name in score.missed:
            print(f"  missed {role}: {name}")


if __name__ == "__main__":
    main()
