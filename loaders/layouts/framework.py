"""Structured frameworks: levels and the criteria under them, found by the data's shape (no schema per company).

The data is ``outline.meta["data"]`` (a JSON/YAML/TOML/JS data file) or the front matter itself.
A *record* is a mapping with a level key (``level``, ``grade``, ``milestone`` ...) somewhere in a
list of at least two such mappings. Its *theme* is its own theme key (``theme``, ``competency``,
``category`` ...) or the ``title``/``name`` of the mapping that holds its list (topics × levels ×
criteria); its *criteria* are the strings below it. One role per level, in level order, gets each
theme as a skill with the criteria as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.model import Location, ParsedRole, Section, SectionKind
from loaders.document import DocumentOutline
from loaders.layouts.fill import mention
from loaders.layouts.ladder import level_title, link_ladder, stem_name
from loaders.layouts.roles import clean_title
from loaders.role_titles import is_generic_level, looks_like_role
from loaders.text import classify_heading, collapse

__all__ = ["Framework", "find_framework", "framework_roles"]

_LEVEL_KEYS = ("level", "grade", "milestone", "rank", "tier", "stage", "band", "seniority")
_THEME_KEYS = ("theme", "competency", "category", "area", "topic", "skill", "dimension", "pillar", "track")
_NAME_KEYS = ("title", "displayName", "name", "label")
_LISTED_SKILLS = {SectionKind.SKILLS, SectionKind.REQUIREMENTS, SectionKind.NICE_TO_HAVE}
_LEVEL_LISTS = re.compile(r"^(?:milestones?|levels?|grades?|stages?|steps?|ranks?|tiers?)$", re.I)
_TITLE_LISTS = re.compile(r"(?:job)?_?(?:titles?|roles?|levels?|positions?|ladder)$", re.I)
_TITLE_NOISE = re.compile(r"\b(?:progression|career|competenc(?:y|ies))?\s*(?:framework|ladder|matrix|levels?)\b", re.I)


@dataclass
class Framework:
    """Levels in order, and per level the ``(theme, criteria)`` it states."""

    levels: list[str] = field(default_factory=list)
    themes: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)


def _key(mapping: dict, keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in mapping.items()}
    return next((lowered[k.lower()] for k in keys if k.lower() in lowered), None)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if value.strip():
            yield " ".join(value.split())
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if str(key).lower() not in _LEVEL_KEYS:
                yield from _strings(item)


def _level_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return f"Level {value:g}"
    text = " ".join(str(value).split())
    return text or None


def _records(data: Any, holder: str | None) -> Iterator[tuple[str, str | None, list[str]]]:
    """``(level, theme, criteria)`` of every record below ``data``."""
    if isinstance(data, dict):
        name = _key(data, _NAME_KEYS)
        name = name if isinstance(name, str) else holder
        for key, value in data.items():
            positional = isinstance(value, list) and len(value) >= 2 and _LEVEL_LISTS.match(str(key))
            if positional and not any(isinstance(v, dict) and _key(v, _LEVEL_KEYS) is not None for v in value):
                for position, entry in enumerate(value, start=1):
                    yield from _listed_level(entry, position, name)
            else:
                yield from _records(value, name)
    elif isinstance(data, list):
        tagged = [d for d in data if isinstance(d, dict) and _level_text(_key(d, _LEVEL_KEYS))]
        if len(tagged) >= 2 and _titles_roles(tagged):
            return  # records of roles, each at its level ("title: Software Engineer II, level: 2"): no framework
        if len(tagged) >= 2:
            for record in tagged:
                theme = _key(record, _THEME_KEYS)
                theme = theme if isinstance(theme, str) else holder
                level = _level_text(_key(record, _LEVEL_KEYS)) or ""
                criteria = [s for k, v in record.items() if str(k).lower() not in _THEME_KEYS for s in _strings(v)]
                yield level, theme, criteria
            return
        for item in data:
            yield from _records(item, holder)


def _titles_roles(records: list[dict]) -> bool:
    """Whether most level records are titled as roles ("Software Engineer I"), not as themes ("Craft")."""
    names = [_key(record, _NAME_KEYS) for record in records]
    roles = [n for n in names if isinstance(n, str) and looks_like_role(n) and not is_generic_level(n)]
    return 2 * len(roles) > len(records)


def _listed_level(entry: Any, position: int, holder: str | None) -> Iterator[tuple[str, str | None, list[str]]]:
    """One entry of a ``levels:``/``milestones:`` list: a level name, a named level with its lists, or criteria.

    ``- Junior`` names a level; ``- {name: L1, skills: [Go, SQL]}`` is level L1 requiring Go and SQL
    (a skills/requirements key lists skills by name; another key is a theme with its criteria);
    ``- {summary: ..., signals: [...]}`` is level ``position`` of the holder's theme.
    """
    if isinstance(entry, str) and len(entry.split()) <= 6:
        yield " ".join(entry.split()), None, []
        return
    named = _key(entry, _NAME_KEYS) if isinstance(entry, dict) else None
    if not isinstance(named, str | int) or isinstance(named, bool):
        yield f"Level {position}", holder, list(_strings(entry))
        return
    level = _level_text(named) or f"Level {position}"
    yielded = False
    for key, value in entry.items():
        if str(key) in _NAME_KEYS or not isinstance(value, list | str):
            continue
        criteria = list(_strings(value))
        if not criteria:
            continue
        if isinstance(value, list) and classify_heading(str(key)) in _LISTED_SKILLS:
            for criterion in criteria:
                yield level, criterion, [criterion]
        else:
            yield level, str(key).replace("_", " ").capitalize(), criteria
        yielded = True
    if not yielded:
        yield level, None, []


def _aligned(data: Any) -> Framework | None:
    """A list of titles and mappings of lists aligned with it (``jobTitles`` + ``{skill: [per title]}``)."""
    if not isinstance(data, dict):
        return None
    titles = next(
        (
            v
            for k, v in data.items()
            if _TITLE_LISTS.search(str(k))
            and isinstance(v, list)
            and len(v) >= 2
            and all(isinstance(t, str) for t in v)
        ),
        None,
    )
    if titles is None:
        return None
    found = Framework(levels=[" ".join(t.split()) for t in titles])
    found.themes = {title: [] for title in found.levels}
    for value in data.values():
        if not isinstance(value, dict):
            continue
        for theme, cells in value.items():
            if isinstance(cells, list) and len(cells) == len(titles):
                for title, cell in zip(found.levels, cells, strict=True):
                    criteria = list(_strings(cell))
                    if criteria:
                        found.themes[title].append((str(theme), criteria))
    return found if any(found.themes.values()) else None


def find_framework(outline: DocumentOutline) -> Framework | None:
    """The levels and criteria of a data file or front matter, or None when it holds no such list.

    Examples
    --------
    >>> content = [{"level": 1, "criteria": ["Writes tests"]}, {"level": 2, "criteria": ["Designs"]}]
    >>> doc = DocumentOutline(source="f.yaml", format="yaml", meta={"data": {"topics": [
    ...     {"title": "Craft", "content": content}]}})
    >>> find_framework(doc).levels, find_framework(doc).themes["Level 2"]
    (['Level 1', 'Level 2'], [('Craft', ['Designs'])])
    >>> tracks = {"PCB": {"displayName": "PCB Design", "milestones": [{"summary": "Routes"}, {"summary": "Reviews"}]}}
    >>> find_framework(DocumentOutline(source="t.js", format="js", meta={"data": tracks})).themes["Level 2"]
    [('PCB Design', ['Reviews'])]
    >>> levels = {"levels": [{"name": "L1", "skills": ["Go", "SQL"]}, {"name": "L2", "scope": "Team"}]}
    >>> find_framework(DocumentOutline(source="l.json", format="json", meta={"data": levels})).themes
    {'L1': [('Go', ['Go']), ('SQL', ['SQL'])], 'L2': [('Scope', ['Team'])]}
    >>> find_framework(DocumentOutline(source="l.md", format="markdown", meta={"levels": ["Junior", "Senior"]})).levels
    ['Junior', 'Senior']
    >>> skills = {"Design": ["", "Leading"], "Agile": ["Developing", "Leading"]}
    >>> data = {"jobTitles": ["Engineer 1", "Architect"], "skills": skills}
    >>> find_framework(DocumentOutline(source="j.js", format="js", meta={"data": data})).themes["Engineer 1"]
    [('Agile', ['Developing'])]
    """
    data = outline.meta.get("data", outline.meta)
    aligned = _aligned(data)
    if aligned is not None:
        return aligned
    found = Framework()
    for level, theme, criteria in _records(data, None):
        if level not in found.themes:
            found.levels.append(level)
            found.themes[level] = []
        if theme or criteria:
            found.themes[level].append((theme or level, criteria))
    if len(found.levels) < 2:
        return None
    numbers = [re.fullmatch(r"Level (\d+(?:\.\d+)?)", lv) for lv in found.levels]
    if all(numbers):
        found.levels.sort(key=lambda lv: float(lv.split()[1]))
    return found


def framework_roles(outline: DocumentOutline, family: str | None) -> list[ParsedRole]:
    """One role per level of the framework, each theme a skill, the level order stated."""
    found = find_framework(outline)
    if found is None:
        return []
    data = outline.meta.get("data", outline.meta)
    named = _key(data, _NAME_KEYS) if isinstance(data, dict) else None
    ladder = family or _ladder(named if isinstance(named, str) else outline.title, outline.source, data)
    places = _places(outline)
    roles = []
    for level in found.levels:
        title = level_title(level, ladder) if is_generic_level(level) else level
        generic = is_generic_level(level)
        first = [text for theme, criteria in found.themes[level][:1] for text in (*criteria, theme)]
        line = _place(places, level, *first).line  # a numeric level is placed at its first criterion
        role = ParsedRole(
            title=title, source=outline.source, line=line, level=level if generic else None, ladder=ladder
        )
        for theme, criteria in found.themes[level]:
            evidence = "; ".join(criteria) or theme
            at = _place(places, *criteria, theme)
            role.skills.append(mention(clean_title(theme), SectionKind.SKILLS, outline.source, at, evidence))
            if criteria:
                text = "\n".join(criteria)
                role.sections.append(Section(name=clean_title(theme), kind=SectionKind.SKILLS, text=text, line=at.line))
        roles.append(role)
    link_ladder(roles, [""] * len(roles), outline.source, outline.source.rsplit("/", 1)[-1])
    return roles


def _places(outline: DocumentOutline) -> dict[str, Location]:
    """Where each text of the outline first stands (a block's text, or a label line's value).

    The framework is found in the parsed data; its strings are placed back through the outline, whose
    blocks the data reader put at the lines of their keys and values.
    """
    places: dict[str, Location] = {}
    for block in outline.blocks:
        for text in (block.text, block.value):
            if text:
                places.setdefault(collapse(text), block.at)
    return places


def _place(places: dict[str, Location], *texts: str) -> Location:
    """The place of the first of ``texts`` the outline holds (line 1 when it holds none)."""
    return next((places[key] for key in map(collapse, texts) if key in places), Location(line=1))


def _ladder(title: str | None, source: str, data: Any) -> str:
    categories = {c for c in _categories(data)}
    if len(categories) == 1:
        return categories.pop()
    name = clean_title(_TITLE_NOISE.sub("", title or "")) if title else ""
    return name or stem_name(source) or source.rsplit("/", 1)[-1]


def _categories(data: Any) -> Iterator[str]:
    """The ``category`` (or ``family``) values the data's mappings state."""
    if isinstance(data, dict):
        value = _key(data, ("category", "family", "jobFamily"))
        if isinstance(value, str) and value.strip():
            yield " ".join(value.split())
        for item in data.values():
            yield from _categories(item)
    elif isinstance(data, list):
        for item in data:
            yield from _categories(item)
