"""The formats orgkg reads and how a file's format is chosen."""

from __future__ import annotations

import re
from pathlib import Path

from graph.errors import DocumentError
from loaders import blueprint, catalog, job_family, layout_loaders, yaml_roles
from loaders.base import Loader
from loaders.layouts import describes_one_role, detect, hints
from loaders.readers.markdown import read_markdown

__all__ = ["FORMATS", "detect_format"]

FORMATS: dict[str, Loader] = {
    loader.name: loader
    for loader in (catalog.LOADER, blueprint.LOADER, job_family.LOADER, yaml_roles.LOADER, *layout_loaders.LOADERS)
}

_H1 = re.compile(r"^#\s+\S", re.M)
_JOB_GRADE = re.compile(r"^#{1,6}\s.*\bjob grades?\b|\bgrade\s+\d{1,2}\]", re.I | re.M)
_FRONT_TITLE = re.compile(r"\A---\s*\n(?:.*\n)*?title\s*:", re.M)


def detect_format(path: Path | str, text: str) -> str:
    """The name of the loader for a file, from its extension and, for Markdown, its content.

    Markdown with a job grade sentence, or with front matter and no ``#`` title, is a job-family
    page; Markdown whose outline is a ladder, a matrix, a framework or several roles goes to that
    layout's reader (``loaders.layouts``); other Markdown is a blueprint.

    Raises
    ------
    DocumentError
        When no loader reads files with this extension (``load_paths`` turns it into a problem).

    Examples
    --------
    >>> detect_format("roles/sre.yaml", "title: SRE")
    'yaml'
    >>> detect_format("sre.md", "# SRE Manager\\n")
    'blueprint'
    >>> detect_format("infra.md", "---\\ntitle: Infra\\n---\\n## Manager\\nThe Manager is a grade 8.\\n")
    'job-family'
    >>> detect_format("ladder.md", "# Ladder\\n\\n## Junior Developer\\n\\n## Senior Developer\\n")
    'ladder'
    """
    suffix = Path(path).suffix.lower()
    if suffix in yaml_roles.LOADER.extensions:
        return yaml_roles.LOADER.name
    if suffix in catalog.LOADER.extensions:
        return catalog.LOADER.name
    if suffix in blueprint.LOADER.extensions:
        if job_family.GRADE_SENTENCE.search(" ".join(text.split())):
            return job_family.LOADER.name
        hinted = _front_matter_layout(text)
        if hinted in FORMATS:
            return hinted
        outline = None if _JOB_GRADE.search(text) else read_markdown(text, str(path))
        layout = detect(outline) if outline is not None else None
        if layout is not None and layout != "single-role":
            return layout
        if outline is not None and describes_one_role(outline.title or ""):
            return layout
        if not _H1.search(text) and _FRONT_TITLE.match(text):
            return job_family.LOADER.name
        return blueprint.LOADER.name
    known = sorted({ext for loader in FORMATS.values() for ext in loader.extensions})
    raise DocumentError(str(path), f"unknown file type {suffix or '(no extension)'!r}; orgkg reads {', '.join(known)}")


def _front_matter_layout(text: str) -> str | None:
    """The ``orgkg: {layout: ...}`` hint of a Markdown file's front matter, if it has one."""
    if "orgkg" not in text[:4000]:
        return None
    layout = hints(read_markdown(text, "")).get("layout")
    return layout if isinstance(layout, str) else None
