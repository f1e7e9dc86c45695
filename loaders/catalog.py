"""The role-blueprint catalog: plain text, one block per role.

Each block is a title line ``<Role Title>: Role Blueprint, ...`` followed by summary paragraph(s)
up to the next title line.
"""

from __future__ import annotations

import re

from graph.model import LoadProblem, ParsedRole, Section, SectionKind
from loaders.base import Loader, ParseOutcome
from loaders.text import clean_line, clean_text, collapse, trim_blank_lines

__all__ = ["LOADER", "TITLE_LINE", "parse_catalog"]

TITLE_LINE = re.compile(r"^\s*(?:#+\s*)?(?P<title>[^:\n]+?)\s*:\s*Role Blueprint\b.*$", re.IGNORECASE)


def parse_catalog(text: str, source: str) -> ParseOutcome:
    """Roles of a catalog: title, summary and one SUMMARY section at its file line.

    Examples
    --------
    >>> outcome = parse_catalog("SRE Manager: Role Blueprint, Skills\\nThe **SRE Manager** leads SRE.\\n", "c.txt")
    >>> role = outcome.roles[0]
    >>> role.title, role.line, role.summary, role.sections[0].line
    ('SRE Manager', 1, 'The SRE Manager leads SRE.', 2)
    """
    lines = text.split("\n")
    starts = [(number, match) for number, line in enumerate(lines, 1) if (match := TITLE_LINE.match(line))]
    outcome = ParseOutcome()
    preamble, _ = trim_blank_lines(lines[: starts[0][0] - 1] if starts else lines, 1)
    if preamble and starts:
        outcome.problems.append(
            LoadProblem(path=source, line=1, message="text before the first role title was ignored", severity="warning")
        )
    for position, (number, match) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else len(lines) + 1
        outcome.roles.append(_role(clean_line(match.group("title")), number, lines[number : stop - 1], source))
    return outcome


def _role(title: str, line: int, body: list[str], source: str) -> ParsedRole:
    cleaned, first = trim_blank_lines(clean_text("\n".join(body)).split("\n"), line + 1)
    role = ParsedRole(title=title, source=source, line=line)
    if cleaned:
        summary = Section(name="Summary", kind=SectionKind.SUMMARY, text="\n".join(cleaned), line=first)
        role.sections.append(summary)
        role.summary = collapse(summary.text)
    return role


LOADER = Loader(
    name="catalog",
    extensions=(".txt",),
    parse=parse_catalog,
    description="Role-blueprint catalog: '<Title>: Role Blueprint ...' lines, each followed by its summary.",
)
