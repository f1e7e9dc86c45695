"""Roles a single-role page describes in a section of their own.

A role's page often ends with the roles around it: "Technical leadership project roles at CivicActions"
with a subsection per role ("Technical Lead (TL)", "Assistant Technical Lead (ATL)"), each a paragraph
or a list. Such a *roles section* is a heading that speaks of roles or positions (not "Roles and
responsibilities", which is the page role's own duties) whose subheadings read as role titles and
describe something.

* A subsection that names the page's role — its title, or the acronym the title gives itself
  ("Tech Lead (TL)" and "Technical Lead (TL)") — is the page role again: its wording becomes an alias.
* Every other one is a role of its own, read from its section, at its heading.
* A sentence of such a role's section that names the role and says it leads to another role of the
  page ("the first step for an engineer to grow into a Technical Lead") is a stated promotion, with
  the sentence as evidence. Only roles of the page are targets: the sentence's other titles are read
  by the pipeline like any other prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import Evidence, ParsedRole, RoleRef, SectionKind
from loaders.document import DocumentOutline
from loaders.layouts.fill import fill_role
from loaders.markdown import PSEUDO_LEVEL
from loaders.role_titles import looks_like_role
from loaders.text import classify_heading, clean_title, own_acronyms, sentences

__all__ = ["Described", "DescribedRole", "described_roles", "read_described"]

_ROLES_SECTION = re.compile(r"\b(?:roles|positions)\b", re.I)
_DESCRIBES = ("paragraph", "item", "label", "table")
# The words that say a role leads to another, up to the other's title: "grow into a", "progress to the",
# "step up to", "be promoted to", "step towards becoming a". The title is read from what follows.
_LEADS_TO = re.compile(
    r"\b(?:(?:grow|grows|growing|progress|progresses|advance|advances|move\s+up|moves\s+up)\s+(?:in)?to"
    r"|steps?\s+(?:up\s+)?(?:(?:in)?to|towards?)"
    r"|(?:be|get|gets|is|are)\s+promoted\s+to)"
    r"\s+(?:becoming\s+)?(?:(?:a|an|the)\s+)?",
    re.I,
)
_TITLE_REACH = 120  # characters after those words a title is looked for in


@dataclass(frozen=True)
class DescribedRole:
    """A subsection of a roles section: its heading's block index, the title and the acronyms it gives."""

    heading: int
    title: str
    acronyms: tuple[str, ...]

    def names(self) -> list[str]:
        return [self.title, *self.acronyms]


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def described_roles(outline: DocumentOutline, start: int) -> list[DescribedRole]:
    """The role subsections of roles sections from block ``start`` on (the page role's blocks).

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> doc = read_markdown("# Tech Lead\\n\\n## Skills\\n\\n- Go\\n\\n## Project roles\\n\\n"
    ...                     "### Assistant Technical Lead (ATL)\\n\\nSupports the TL.\\n\\n### Scrum Master\\n", "t.md")
    >>> [(r.title, r.acronyms) for r in described_roles(doc, 1)]
    [('Assistant Technical Lead', ('ATL',))]
    """
    found: list[DescribedRole] = []
    container: int | None = None  # the level of the roles section being read
    for index in range(start, len(outline.blocks)):
        block = outline.blocks[index]
        if block.kind != "heading" or block.level >= PSEUDO_LEVEL:
            continue
        if container is not None and block.level <= container:
            container = None
        if container is None:
            if _ROLES_SECTION.search(block.text) and classify_heading(block.text) is SectionKind.OTHER:
                container = block.level
            continue
        title = clean_title(block.text)
        if block.level == container + 1 and looks_like_role(title) and _describes(outline, index):
            found.append(DescribedRole(index, title, tuple(own_acronyms(block.text))))
    return found


def _describes(outline: DocumentOutline, index: int) -> bool:
    return any(block.kind in _DESCRIBES for block in outline.section(index))


@dataclass(frozen=True)
class Described:
    """The roles a page describes besides its own, and the blocks their sections take (by index)."""

    roles: list[ParsedRole]
    blocks: frozenset[int]


def read_described(
    outline: DocumentOutline, page_role: ParsedRole, page_heading: str, described: list[DescribedRole]
) -> Described:
    """The roles of ``described`` other than the page role, filled from their sections, with the
    promotions their sentences state; a subsection naming the page role adds its wording to the page
    role's aliases. ``page_heading`` is the page title as written (its acronyms name the page role)."""
    # the title as the loader will clean it ("Tech Lead project role description" is the Tech Lead)
    names = [page_role.title, clean_title(page_role.title), *page_role.aliases, *own_acronyms(page_heading)]
    page_keys = {_key(name) for name in names}
    roles: list[tuple[DescribedRole, ParsedRole]] = []
    for spot in described:
        if page_keys & {_key(name) for name in spot.names()}:
            if _key(spot.title) not in page_keys:
                page_role.aliases.append(spot.title)
                page_keys.add(_key(spot.title))
            continue
        at = outline.blocks[spot.heading].at
        role = ParsedRole(title=spot.title, source=outline.source, line=at.line, **at.beyond_line)
        fill_role(role, outline.section(spot.heading), spot.title)
        roles.append((spot, role))
    targets = dict.fromkeys(page_keys, page_role.title)
    for spot, role in roles:
        targets.update({_key(name): role.title for name in spot.names()})
    for spot, role in roles:
        _read_steps(outline, spot, role, targets)
    blocks = {
        i for spot, _ in roles for i in range(spot.heading, spot.heading + 1 + len(outline.section(spot.heading)))
    }
    return Described([role for _, role in roles], frozenset(blocks))


def _read_steps(outline: DocumentOutline, spot: DescribedRole, role: ParsedRole, targets: dict[str, str]) -> None:
    own = {_key(name) for name in spot.names()}
    for block in outline.section(spot.heading):
        if block.kind not in ("paragraph", "item"):
            continue
        for offset, sentence in sentences(block.text):
            if not any(f" {name} " in f" {_key(sentence)} " for name in own):
                continue  # a step of someone else's: "engineers grow into a TL"
            target = _target(sentence, targets)
            if target is None or target == role.title or any(r.title == target for r in role.promotes_to):
                continue
            # a text format's paragraph keeps its lines: the sentence's own line is cited
            where = block.at if block.at.beyond_line else block.at.line + block.text.count("\n", 0, offset)
            at = Evidence.at(outline.source, where, sentence, method="stated")
            role.promotes_to.append(RoleRef(title=target, at=at))


def _target(sentence: str, targets: dict[str, str]) -> str | None:
    """The role of the page the step of ``sentence`` leads to: the longest name (a key of ``targets``)
    that the words after "grow into a" (and the like) begin with."""
    for match in _LEADS_TO.finditer(sentence):
        after = f"{_key(sentence[match.end() : match.end() + _TITLE_REACH])} "
        named = [name for name in targets if after.startswith(f"{name} ")]
        if named:
            return targets[max(named, key=len)]
    return None
