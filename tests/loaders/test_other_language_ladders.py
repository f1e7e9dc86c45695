"""A ladder in another language yields its roles and their order from its structure alone.

The two Portuguese documents in ``fixtures/languages`` are written the way Brazilian companies publish
their career plans: one with full titles per level (``Desenvolvedor(a) Backend Júnior`` … ``Especialista
Backend``), one with bare level headings (``## Júnior``, ``## Pleno``, ``## Sênior``) under a title
that names the ladder. Their section names ("Responsabilidades", "Competências técnicas", "O que se
espera", "Conhecimentos") are not words orgkg knows. Expectations written by hand from the documents.
"""

from __future__ import annotations

from pathlib import Path

from graph.model import RelType
from graph.pipeline import build_snapshot
from loaders import load_paths
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "languages"
BACKEND = (
    "Desenvolvedor(a) Backend Júnior",
    "Desenvolvedor(a) Backend Pleno",
    "Desenvolvedor(a) Backend Sênior",
    "Especialista Backend",
)
DADOS = ("Engenharia de Dados Júnior", "Engenharia de Dados Pleno", "Engenharia de Dados Sênior")


def _document(name: str):
    result = load_paths([FIXTURES / name], root=FIXTURES)
    (document,) = result.documents
    assert [p.message for p in document.problems if p.severity == "error"] == []
    return document


def _order(document):
    return [(r.title, [p.title for p in r.promotes_to]) for r in document.roles]


def test_titled_levels_in_portuguese_are_a_ladder_in_document_order():
    document = _document("trilha-de-carreira-backend.md")
    assert document.source.format == "ladder"
    assert _order(document) == [
        (BACKEND[0], [BACKEND[1]]),
        (BACKEND[1], [BACKEND[2]]),
        (BACKEND[2], [BACKEND[3]]),
        (BACKEND[3], []),
    ]
    assert all(p.at.method == "stated" and "Level order in" in p.at.evidence for r in document.roles
               for p in r.promotes_to)


def test_bare_portuguese_levels_take_the_ladder_name_from_the_title():
    document = _document("plano-de-carreira-dados.md")
    assert document.source.format == "ladder"
    assert _order(document) == [(DADOS[0], [DADOS[1]]), (DADOS[1], [DADOS[2]]), (DADOS[2], [])]
    assert [(r.level, r.level_aliases, r.ladder) for r in document.roles] == [
        ("Júnior", ["Júnior"], "Engenharia de Dados"),
        ("Pleno", ["Pleno"], "Engenharia de Dados"),
        ("Sênior", ["Sênior"], "Engenharia de Dados"),
    ]


def test_sections_not_understood_keep_their_text_for_the_graph():
    document = _document("plano-de-carreira-dados.md")
    junior = document.roles[0]
    knowledge = next(s for s in junior.sections if s.name == "Conhecimentos")
    assert knowledge.text.splitlines() == ["SQL", "Python"]
    snapshot = build_snapshot(load_paths([FIXTURES], root=FIXTURES), load_taxonomy(DEFAULT_TAXONOMY_DIR))
    ids = {role.title: role.id for role in snapshot.roles}
    needs = {r.end for r in snapshot.relationships if r.type == RelType.REQUIRES_SKILL and r.start == ids[DADOS[0]]}
    assert {"skill:sql", "skill:python"} <= needs
    assert "skill:spark" not in needs  # the Sênior level's, not the Júnior's
