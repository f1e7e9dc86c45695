"""Load the taxonomies (skills, KPIs, functions) from a folder of YAML files.

The folder holds ``skills.yaml``, ``kpis.yaml`` and ``functions.yaml`` (read first, in that order) and any
number of extension files (``*.yaml`` / ``*.yml``, read next in name order). Each file is a mapping whose
keys are among:

* ``categories``: the skill categories allowed (the union over all files);
* ``skills``: ``{name, category, aliases, context}`` entries (``context``: words one of which the sentence
  must name for a one-word naming of the skill to count, see :meth:`graph.extract.Matcher.in_context`);
* ``kpis``: ``{name, aliases, description}`` entries;
* ``functions``: ``{name, parent, keywords}`` entries.

An entry whose name (normalised like an alias) repeats an earlier one extends it: its aliases/keywords are
added, and a category, description or parent it states replaces the earlier one. A malformed file, an
unknown key, a skill without a declared category, an unknown parent and a name or alias claimed by two
entries raise :class:`graph.errors.DocumentError` naming the file and the line.
"""

from __future__ import annotations

__all__ = ["BASE_FILES", "DEFAULT_TAXONOMY_DIR", "load_taxonomy"]

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from graph.errors import DocumentError
from graph.extract.matcher import alias_conflicts
from graph.extract.normalize import normalize_term
from graph.model import FunctionEntry, KPIEntry, Taxonomy, TaxonomyEntry
from loaders.safe_yaml import safe_load

DEFAULT_TAXONOMY_DIR = Path(__file__).resolve().parents[1] / "seeds" / "taxonomy"
BASE_FILES = ("skills.yaml", "kpis.yaml", "functions.yaml")
_LINE = "__line__"
_SECTIONS = ("categories", "skills", "kpis", "functions")


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


class _SkillItem(_Item):
    category: str | None = None
    aliases: list[str] = []
    context: list[str] = []


class _KPIItem(_Item):
    aliases: list[str] = []
    description: str | None = None


class _FunctionItem(_Item):
    parent: str | None = None
    keywords: list[str] = []


_ITEM_MODELS: dict[str, type[_Item]] = {"skills": _SkillItem, "kpis": _KPIItem, "functions": _FunctionItem}
_LIST_FIELD = {"skills": "aliases", "kpis": "aliases", "functions": "keywords"}
_REPLACED_FIELD = {"skills": "category", "kpis": "description", "functions": "parent"}


@dataclass
class _Merged:
    """One entry while merging: its fields and where it was (first) defined."""

    path: str
    line: int
    fields: dict[str, Any]


@dataclass
class _Collected:
    categories: set[str] = field(default_factory=set)
    entries: dict[str, dict[str, _Merged]] = field(default_factory=lambda: {s: {} for s in _ITEM_MODELS})
    sources: list[str] = field(default_factory=list)


def _taxonomy_files(folder: Path) -> list[Path]:
    base = [folder / name for name in BASE_FILES if (folder / name).is_file()]
    extra = sorted(
        path for path in folder.iterdir() if path.suffix in (".yaml", ".yml") and path.is_file() and path not in base
    )
    return base + extra


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DocumentError(str(path), f"cannot read taxonomy file: {err}") from err
    try:
        return safe_load(text, line_key=_LINE)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DocumentError(str(path), f"invalid YAML: {getattr(err, 'problem', None) or err}", line) from err


def _validate(path: Path, section: str, raw: Any, line: int) -> _Item:
    if not isinstance(raw, dict):
        raise DocumentError(str(path), f"each {section} entry must be a mapping", line)
    line = raw.pop(_LINE, line)
    try:
        return _ITEM_MODELS[section].model_validate(raw)
    except ValidationError as err:
        problem = err.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or section
        raise DocumentError(str(path), f"{section} entry: {where}: {problem['msg']}", line) from err


def _add_entry(collected: _Collected, path: Path, section: str, item: _Item, line: int) -> None:
    list_field, replaced_field = _LIST_FIELD[section], _REPLACED_FIELD[section]
    key = normalize_term(item.name)
    if not key:
        raise DocumentError(str(path), f"{section} entry name {item.name!r} has no letters or digits", line)
    known = collected.entries[section].get(key)
    if known is None:
        collected.entries[section][key] = _Merged(str(path), line, item.model_dump())
        return
    for value in getattr(item, list_field):
        if value not in known.fields[list_field]:
            known.fields[list_field].append(value)
    if replaced_field in item.model_fields_set:
        known.fields[replaced_field] = getattr(item, replaced_field)
    if "context" in item.model_fields_set:
        known.fields["context"] = list(item.context)  # type: ignore[attr-defined]


def _collect_file(collected: _Collected, path: Path) -> None:
    document = _read_yaml(path)
    if document is None:
        return
    if not isinstance(document, dict):
        raise DocumentError(str(path), "a taxonomy file must be a mapping with skills:, kpis: or functions:", 1)
    top_line = document.pop(_LINE, 1)
    unknown = sorted(str(key) for key in document if key not in _SECTIONS)
    if unknown:
        expected = ", ".join(_SECTIONS)
        raise DocumentError(str(path), f"unknown top-level key {unknown[0]!r} (expected {expected})", top_line)
    collected.sources.append(str(path))
    categories = document.get("categories") or []
    if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
        raise DocumentError(str(path), "categories: must be a list of names", top_line)
    collected.categories.update(categories)
    for section in _ITEM_MODELS:
        items = document.get(section) or []
        if not isinstance(items, list):
            raise DocumentError(str(path), f"{section}: must be a list of entries", top_line)
        for raw in items:
            line = raw.get(_LINE, top_line) if isinstance(raw, dict) else top_line
            _add_entry(collected, path, section, _validate(path, section, raw, line), line)


def _check(collected: _Collected, taxonomy: Taxonomy) -> None:
    for merged in collected.entries["skills"].values():
        category = merged.fields["category"]
        if not category:
            raise DocumentError(merged.path, f"skill {merged.fields['name']!r} has no category", merged.line)
        if collected.categories and category not in collected.categories:
            raise DocumentError(
                merged.path, f"skill {merged.fields['name']!r}: category {category!r} is not declared", merged.line
            )
    names = {entry.name for entry in taxonomy.functions}
    for merged in collected.entries["functions"].values():
        parent = merged.fields["parent"]
        if parent is not None and parent not in names:
            message = f"function {merged.fields['name']!r}: unknown parent {parent!r}"
            raise DocumentError(merged.path, message, merged.line)
    for conflict in alias_conflicts(taxonomy):
        section = {"skill": "skills", "kpi": "kpis", "function": "functions"}[conflict.kind]
        merged = collected.entries[section][normalize_term(conflict.second)]
        raise DocumentError(
            merged.path,
            f"{conflict.kind} {conflict.second!r}: {conflict.key!r} already names {conflict.first!r}",
            merged.line,
        )


def load_taxonomy(folder: Path = DEFAULT_TAXONOMY_DIR) -> Taxonomy:
    """Read and merge every taxonomy file of ``folder``.

    Parameters
    ----------
    folder : Path
        The taxonomy folder (default: ``seeds/taxonomy`` of the repository).

    Returns
    -------
    Taxonomy
        Skills, KPIs and functions in file order, with ``sources`` listing the files read.

    Raises
    ------
    DocumentError
        When the folder is missing or a file is malformed (with the file and the line).

    Examples
    --------
    >>> taxonomy = load_taxonomy()
    >>> next(s for s in taxonomy.skills if s.name == "SLOs").category
    'reliability'
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DocumentError(str(folder), "taxonomy folder not found")
    collected = _Collected()
    for path in _taxonomy_files(folder):
        _collect_file(collected, path)
    entries = {section: [m.fields for m in merged.values()] for section, merged in collected.entries.items()}
    taxonomy = Taxonomy(
        skills=[TaxonomyEntry(**{**fields, "category": fields["category"] or ""}) for fields in entries["skills"]],
        kpis=[KPIEntry(**{**fields, "description": fields["description"] or ""}) for fields in entries["kpis"]],
        functions=[FunctionEntry(**fields) for fields in entries["functions"]],
        sources=collected.sources,
    )
    _check(collected, taxonomy)
    _check_function_cycles(collected)
    return taxonomy


def _check_function_cycles(collected: _Collected) -> None:
    parents = {m.fields["name"]: m.fields["parent"] for m in collected.entries["functions"].values()}
    for merged in collected.entries["functions"].values():
        seen, name = set(), merged.fields["name"]
        while name is not None:
            if name in seen:
                raise DocumentError(merged.path, f"function {merged.fields['name']!r}: parent cycle", merged.line)
            seen.add(name)
            name = parents.get(name)
