"""Precision and recall of the facts the graph gives hand-annotated roles (``sample.yaml``, ``heldout.yaml``).

Run ``python -m tests.extract.annotated.score [sample.yaml|heldout.yaml] [corpus]`` from the repository
root (with ``../shared/corpus`` present) to print the figures and every error left;
``test_annotated_sample.py`` asserts floors.

Skills and KPIs are scored as below; an annotation may also list ``also_ok`` names (counted correct,
never missed) and ``must_not`` names (plainly wrong; counted apart as well). Reporting lines
(``reports_to``), next steps (``next``: PROMOTES_TO and CAN_MOVE_TO) and ``grade`` are scored when the
role's annotation has them: a line matches when the target role's title (or an alias) has the title key
of one acceptable title. A reference to a role the document does not define (so it stays unresolved
when the document is loaded alone) counts as the line it states.

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

__all__ = ["HELDOUT", "SAMPLE", "Score", "score_all", "score_sample"]

SAMPLE = Path(__file__).with_name("sample.yaml")
HELDOUT = Path(__file__).with_name("heldout.yaml")


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


def _items(value) -> list[list[str]]:
    """Annotated items: a list of name lists; YAML anchors may nest a group of items one level deeper."""
    out: list[list[str]] = []
    for entry in value or []:
        if isinstance(entry, list) and entry and isinstance(entry[0], list):
            out.extend(_items(entry))
        else:
            out.append([entry] if isinstance(entry, str) else list(entry))
    return out


def _flat(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [name for entry in value or [] for name in _flat(entry)]


def _line_titles(snapshot: Snapshot, role_id: str, rel_types: tuple[RelType, ...]) -> list[set[str]]:
    roles = {r.id: r for r in snapshot.roles}
    out = []
    for rel in snapshot.relationships:
        if rel.type in rel_types and rel.start == role_id and rel.end in roles:
            target = roles[rel.end]
            out.append({title_key(t) for t in [target.title, *target.aliases]} | {title_key(target.title)})
    return out


def _dangling_titles(snapshot: Snapshot, parsed: list, role, kind: str) -> list[set[str]]:
    """Lines the document states to roles it does not define (the reference stays unresolved)."""
    loaded = {title_key(t) for r in snapshot.roles for t in [r.title, *r.aliases]}
    own = {title_key(t) for t in [role.title, *role.aliases]}
    fields = ("reports_to",) if kind == "reports_to" else ("promotes_to", "lateral")
    refs = [ref for p in parsed if title_key(p.title) in own for f in fields for ref in getattr(p, f)]
    return [{title_key(ref.title)} for ref in refs if title_key(ref.title) not in loaded]


def _score_lines(score: Score, label: str, targets: list[set[str]], items: list[list[str]]) -> None:
    keys = [{title_key(t) for t in item} for item in items]
    score.extracted += len(targets)
    score.annotated += len(items)
    for target in targets:
        if any(target & k for k in keys):
            score.true_positives += 1
        else:
            score.wrong.append((label, sorted(target)[0]))
    for item, k in zip(items, keys, strict=True):
        if any(target & k for target in targets):
            score.found += 1
        else:
            score.missed.append((label, item[0]))


def score_all(corpus: Path, sample: Path = SAMPLE) -> tuple[dict[str, Score], list[str]]:
    """Every score (skill, kpi, must_not, reports_to, next, grade) and notes, documents read from ``corpus``."""
    roles = yaml.safe_load(sample.read_text("utf-8"))["roles"]
    documents = sorted({role["document"] for role in roles})
    taxonomy = load_taxonomy(DEFAULT_TAXONOMY_DIR)
    matcher = Matcher.from_taxonomy(taxonomy)
    loaded = {d: load_paths([corpus / d], root=corpus) for d in documents}
    snapshots = {d: build_snapshot(result, taxonomy) for d, result in loaded.items()}
    scores = {k: Score(k) for k in ("skill", "kpi", "must_not", "reports_to", "next", "grade")}
    notes: list[str] = []
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
        also_ok = [[name] for name in _flat(annotated.get("also_ok"))]
        for kind, rel_type in (("skill", RelType.REQUIRES_SKILL), ("kpi", RelType.MEASURED_BY)):
            score = scores[kind]
            items = _items(annotated.get("skills" if kind == "skill" else "kpis"))
            names = _names(snapshot, role.id, rel_type) if role else []
            score.extracted += len(names)
            score.annotated += len(items)
            accepted = items + also_ok if kind == "skill" else items
            for name in names:
                if any(_matches(name, item, matcher, kind) for item in accepted):
                    score.true_positives += 1
                else:
                    score.wrong.append((label, name))
            for item in items:
                if any(_matches(name, item, matcher, kind) for name in names):
                    score.found += 1
                else:
                    score.missed.append((label, item[0]))
            if kind == "skill":
                forbidden = [[name] for name in _flat(annotated.get("must_not"))]
                scores["must_not"].annotated += len(forbidden)
                for name in names:
                    if any(_matches(name, item, matcher, kind) for item in forbidden):
                        scores["must_not"].extracted += 1
                        scores["must_not"].wrong.append((label, name))
        for kind, rel_types in (
            ("reports_to", (RelType.REPORTS_TO,)),
            ("next", (RelType.PROMOTES_TO, RelType.CAN_MOVE_TO)),
        ):
            if kind in annotated:
                targets = _line_titles(snapshot, role.id, rel_types) if role else []
                if role:
                    targets += _dangling_titles(snapshot, loaded[annotated["document"]].roles, role, kind)
                _score_lines(scores[kind], label, targets, _items(annotated[kind]))
        if "grade" in annotated:
            grade = scores["grade"]
            grade.annotated += 1
            got = role.grade if role else None
            if got is not None:
                grade.extracted += 1
            if got == annotated["grade"]:
                grade.true_positives += 1
                grade.found += 1
            else:
                error = (label, f"{got} (annotated {annotated['grade']})")
                (grade.wrong if got is not None else grade.missed).append(error)
    return scores, notes


def score_sample(corpus: Path, sample: Path = SAMPLE) -> tuple[Score, Score, list[str]]:
    """``(skills, kpis, notes)`` for the annotated roles, the documents read from ``corpus``."""
    scores, notes = score_all(corpus, sample)
    return scores["skill"], scores["kpi"], notes


def main() -> None:
    args = sys.argv[1:]
    sample = SAMPLE
    if args and args[0].endswith(".yaml"):
        sample = Path(__file__).with_name(args.pop(0)) if "/" not in args[0] else Path(args.pop(0))
    default = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
    corpus = Path(args[0]) if args else default
    scores, notes = score_all(corpus, sample)
    for note in notes:
        print("note:", note)
    for score in scores.values():
        if score.kind == "must_not":
            print(f"must_not: {score.extracted} forbidden names extracted (of {score.annotated} listed)")
            for role, name in score.wrong:
                print(f"  forbidden {role}: {name}")
            continue
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
