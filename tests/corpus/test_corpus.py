"""Each real document of the corpus yields exactly the roles, levels, order and skills a reader sees in it.

Expectations are in ``expectations.py``, written by hand from the documents. Documents whose licence
does not allow a copy in the repository are read from ``../shared/corpus/diverse`` and skipped, with
the reason, where that folder is absent.
"""

from __future__ import annotations

import pytest

from tests.corpus.corpus import locate, parse, skill_key
from tests.corpus.expectations import DOCUMENTS, Expected


def _document(expected: Expected):
    path = locate(expected)
    if path is None:
        pytest.skip(f"{expected.path}: not in tests/corpus/docs (licence) and ../shared/corpus/diverse is absent")
    document = parse(path)
    unread = [p.message for p in document.problems if "unknown file type" in p.message]
    if unread:
        pytest.skip(f"{expected.path}: no reader for {path.suffix} files yet ({unread[0]})")
    return document


@pytest.mark.parametrize("expected", DOCUMENTS, ids=lambda e: e.path.rsplit("/", 1)[-1][:60])
def test_corpus_document_yields_the_roles_it_defines(expected: Expected):
    document = _document(expected)
    assert [p.message for p in document.problems if p.severity == "error"] == []
    assert document.source.format.rsplit(":", 1)[-1] == expected.layout
    assert tuple(r.title for r in document.roles) == expected.roles


@pytest.mark.parametrize("expected", DOCUMENTS, ids=lambda e: e.path.rsplit("/", 1)[-1][:60])
def test_corpus_ladder_order_is_stated_as_promotions(expected: Expected):
    document = _document(expected)
    stated = {(r.title, p.title) for r in document.roles for p in r.promotes_to if p.at.method == "stated"}
    assert stated == set(expected.promotions)
    levels = {r.title: r.level for r in document.roles if r.title in expected.levels}
    assert levels == expected.levels


@pytest.mark.parametrize("expected", DOCUMENTS, ids=lambda e: e.path.rsplit("/", 1)[-1][:60])
def test_corpus_tracks_and_forks_come_from_the_text(expected: Expected):
    document = _document(expected)
    tracks = {r.title: r.track for r in document.roles if r.title in expected.tracks}
    assert tracks == expected.tracks
    extracted = [(r.title, p) for r in document.roles for p in r.promotes_to if p.at.method != "stated"]
    assert {(title, p.title) for title, p in extracted} == set(expected.forks)
    text = " ".join(locate(expected).read_text(encoding="utf-8").split())
    assert all(p.at.method == "extracted" and p.at.evidence in text for _, p in extracted)
    roles = {r.title: r for r in document.roles}
    for title, words in expected.track_sentences.items():
        at = roles[title].track_at
        assert at is not None and at.method == "extracted" and words in at.evidence and at.evidence in text


@pytest.mark.parametrize("expected", DOCUMENTS, ids=lambda e: e.path.rsplit("/", 1)[-1][:60])
def test_corpus_roles_state_their_skills(expected: Expected):
    document = _document(expected)
    roles = {r.title: r for r in document.roles}
    for title, skills in expected.skills.items():
        found = {skill_key(m.name) for m in roles[title].skills}
        missing = [s for s in skills if skill_key(s) not in found]
        assert missing == [], f"{title}: {sorted(found)}"
    for title, skills in expected.absent.items():
        found = {skill_key(m.name) for m in roles[title].skills}
        assert [s for s in skills if skill_key(s) in found] == []
