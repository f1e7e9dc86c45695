"""Fixtures of the extraction tests: the seed taxonomy, its matcher and hand-built roles.

The roles of the first seed are built here from the catalog file itself (a title line
``<Title>: Role Blueprint, ...`` followed by its summary line), so these tests do not depend on the
document loaders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import ParsedRole, Section, SectionKind

REPO_ROOT = Path(__file__).resolve().parents[2]
BLUEPRINTS = REPO_ROOT / "seeds" / "engineering-leadership-role-blueprints.txt"
INFRASTRUCTURE_PAGE = REPO_ROOT / "seeds" / "gitlab-engineering-management-infrastructure.md"
TITLE_MARKER = ": Role Blueprint"


def blueprint_roles(path: Path = BLUEPRINTS) -> list[ParsedRole]:
    """One role per ``<Title>: Role Blueprint...`` line, its summary the line after it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    roles = []
    for index, line in enumerate(lines):
        if TITLE_MARKER not in line or index + 1 >= len(lines):
            continue
        title = line.split(TITLE_MARKER, 1)[0].strip()
        summary = lines[index + 1].replace("**", "")
        section = Section(name="Summary", kind=SectionKind.SUMMARY, text=summary, line=index + 2)
        roles.append(ParsedRole(title=title, source=path.name, line=index + 1, summary=summary, sections=[section]))
    return roles


def whole_file_role(path: Path, root: Path) -> ParsedRole:
    """A role whose only section is the whole file, as one OTHER section starting at line 1."""
    text = path.read_text(encoding="utf-8")
    section = Section(name="Document", kind=SectionKind.OTHER, text=text, line=1)
    return ParsedRole(title=path.stem, source=str(path.relative_to(root)), line=1, sections=[section])


@pytest.fixture(scope="session")
def taxonomy():
    from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy

    return load_taxonomy(DEFAULT_TAXONOMY_DIR)


@pytest.fixture(scope="session")
def matcher(taxonomy):
    from graph.extract import Matcher

    return Matcher.from_taxonomy(taxonomy)


@pytest.fixture(scope="session")
def seed_roles() -> dict[str, ParsedRole]:
    return {role.title: role for role in blueprint_roles()}


@pytest.fixture(scope="session")
def seed_facts(seed_roles, matcher):
    from graph.extract import extract_role_facts

    return {title: extract_role_facts(role, matcher) for title, role in seed_roles.items()}


@pytest.fixture(scope="session")
def loaded_roles(corpus_dir) -> list[ParsedRole]:
    """Every role the document loaders find in the seeds and the shared corpus."""
    from loaders import load_paths

    seeds = REPO_ROOT / "seeds"
    return load_paths([corpus_dir], root=corpus_dir).roles + load_paths([seeds], root=seeds).roles


@pytest.fixture(scope="session")
def loaded_facts(loaded_roles, matcher):
    """``(role, facts)`` for every role of :func:`loaded_roles`."""
    from graph.extract import extract_all

    return list(zip(loaded_roles, extract_all(loaded_roles, matcher), strict=True))


@pytest.fixture(scope="session")
def whole_file():
    """``whole_file(path, root)``: the file as one role with one OTHER section (no loader involved)."""
    return whole_file_role


@pytest.fixture(scope="session")
def infrastructure_page() -> Path:
    return INFRASTRUCTURE_PAGE
