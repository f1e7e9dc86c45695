"""The formats orgkg reads and how a file's format is chosen."""

from __future__ import annotations

import re
from pathlib import Path

from graph.errors import DocumentError
from loaders import blueprint, catalog, job_family, yaml_roles
from loaders.base import Loader

__all__ = ["FORMATS", "detect_format"]

FORMATS: dict[str, Loader] = {
    loader.name: loader for loader in (catalog.LOADER, blueprint.LOADER, job_family.LOADER, yaml_roles.LOADER)
}

_H1 = re.compile(r"^#\s+\S", re.M)
_FRONT_TITLE = re.compile(r"\A---\s*\n(?:.*\n)*?title\s*:", re.M)


def detect_format(path: Path | str, text: str) -> str:
    """The name of the loader for a file, from its extension and, for Markdown, its content.

    Markdown with a job grade sentence, or with front matter and no ``#`` title, is a job-family
    page; other Markdown is a blueprint.

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
    """
    suffix = Path(path).suffix.lower()
    if suffix in yaml_roles.LOADER.extensions:
        return yaml_roles.LOADER.name
    if suffix in catalog.LOADER.extensions:
        return catalog.LOADER.name
    if suffix in blueprint.LOADER.extensions:
        if job_family.GRADE_SENTENCE.search(" ".join(text.split())):
            return job_family.LOADER.name
        if not _H1.search(text) and _FRONT_TITLE.match(text):
            return job_family.LOADER.name
        return blueprint.LOADER.name
    known = sorted({ext for loader in FORMATS.values() for ext in loader.extensions})
    raise DocumentError(str(path), f"unknown file type {suffix or '(no extension)'!r}; orgkg reads {', '.join(known)}")
