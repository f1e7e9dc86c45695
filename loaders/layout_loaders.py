"""The layout readers as loaders: Markdown read into an outline, then interpreted with one layout.

``orgkg load --format ladder`` (or ``matrix``, ``multi-role``, ``framework``) forces a layout;
``registry.detect_format`` picks one of these for Markdown whose outline is not a blueprint or
job-family page.
"""

from __future__ import annotations

from functools import partial

from loaders.base import Loader, ParseOutcome
from loaders.layouts import interpret
from loaders.readers.markdown import read_markdown

__all__ = ["LOADERS", "parse_markdown_layout"]

_DESCRIPTIONS = {
    "ladder": "Career ladders: one role per level section, table row or record, promotions in document order.",
    "multi-role": "Several role headings on one page, each with its own lists.",
    "matrix": "Competency matrices: levels on one axis of a table, competencies on the other.",
    "framework": "Progression frameworks as data (front matter): levels and criteria found by shape.",
    "job-catalog": "Job catalogs: a role per table row, its columns its code, family, level, grade, lines, skills.",
    "single-role": "One role per page, titled by its first heading ('... role description' pages).",
}


def parse_markdown_layout(text: str, source: str, layout: str | None = None, hint: dict | None = None) -> ParseOutcome:
    """Read Markdown ``text`` and interpret it with ``layout`` (detected when None).

    Examples
    --------
    >>> outcome = parse_markdown_layout("## Junior Developer\\n\\n## Senior Developer\\n", "l.md", "ladder")
    >>> [(r.title, [p.title for p in r.promotes_to]) for r in outcome.roles]
    [('Junior Developer', ['Senior Developer']), ('Senior Developer', [])]
    """
    outline = read_markdown(text, source)
    if hint:
        outline.meta["orgkg"] = {**(outline.meta.get("orgkg") or {}), **hint}
    return interpret(outline, layout)


def _hinted(layout: str):
    return lambda text, source, hint: parse_markdown_layout(text, source, layout, hint)


LOADERS = tuple(
    Loader(
        name=name,
        extensions=(".md", ".markdown", ".mdx"),
        parse=partial(parse_markdown_layout, layout=name),
        description=text,
        parse_hinted=_hinted(name),
    )
    for name, text in _DESCRIPTIONS.items()
)
