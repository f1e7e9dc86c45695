"""Precision and recall of the graph's skills on the hand-annotated sample stay at what was measured.

The sample (``sample.yaml``) was annotated before the extractor was run on it; ``score.py`` computes the
figures. Measured when written: skills precision 0.841 (143/170), recall 0.602 (151/251) — the floors
below leave a little room for unrelated taxonomy growth, not for a regression.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.annotated.score import score_sample

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def scores():
    if not (CORPUS / "diverse").is_dir() or not (CORPUS / "gitlab-job-families").is_dir():
        pytest.skip(f"the shared corpus is missing: expected it at {CORPUS}")
    return score_sample(CORPUS)


def test_skill_precision_and_recall_on_the_annotated_sample(scores):
    skills, _kpis, _notes = scores
    assert skills.annotated == 251
    assert skills.precision >= 0.82, skills.wrong
    assert skills.recall >= 0.59, skills.missed


def test_every_annotated_role_but_one_is_found(scores):
    _skills, _kpis, notes = scores
    assert [n for n in notes if "no role" in n] == [
        "gitlab-job-families/engineering/infrastructure/finops-engineer.md: no role 'FinOps Engineer'"
    ]
