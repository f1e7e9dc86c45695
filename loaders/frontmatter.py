"""YAML front matter (``---`` ... ``---`` at the top of a Markdown file)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from graph.model import LoadProblem
from loaders.safe_yaml import safe_load

__all__ = ["FrontMatter", "split_front_matter"]

_FENCE = "---"
_CLOSERS = ("---", "...")
_HEADING = re.compile(r"^#{1,6}\s")


@dataclass
class FrontMatter:
    """The front matter's mapping and the body with the front matter lines blanked.

    Blanking (rather than cutting) keeps every body line at its file line number.
    """

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    path: str = ""
    problems: list[LoadProblem] = field(default_factory=list)

    def text(self, key: str) -> str | None:
        """The value of ``key`` as one stripped text, or None; a list or mapping is reported, not printed."""
        value = self.meta.get(key)
        if isinstance(value, list | dict):
            self._wrong_type(key, "a text", value)
            return None
        return str(value).strip() if value is not None and str(value).strip() else None

    def texts(self, key: str) -> list[str]:
        """The value of ``key`` as a list of texts: a text alone, or a list of texts (others are reported).

        Examples
        --------
        >>> fm = split_front_matter("---\\naliases: 5\\n---\\n", "a.md")
        >>> fm.texts("aliases"), str(fm.problems[0])
        ([], "a.md:1: error: front matter 'aliases' must be a text or a list of texts, not int")
        """
        value = self.meta.get(key)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        if isinstance(value, dict | bool | int | float) or not all(isinstance(i, str | int | float) for i in items):
            self._wrong_type(key, "a text or a list of texts", value)
            return []
        return [text for item in items if (text := str(item).strip())]

    def _wrong_type(self, key: str, expected: str, value: object) -> None:
        message = f"front matter {key!r} must be {expected}, not {type(value).__name__}"
        if not any(p.message == message for p in self.problems):
            self.problems.append(LoadProblem(path=self.path, line=1, message=message))


def _unterminated_end(lines: list[str]) -> int:
    """Where the body probably starts when the closing fence is missing: the first heading."""
    for index, line in enumerate(lines[1:], start=1):
        if _HEADING.match(line):
            return index
    for index, line in enumerate(lines[1:], start=1):
        if not line.strip():
            return index
    return len(lines)


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Separate the front matter of ``text``; problems carry the file line.

    Examples
    --------
    >>> fm = split_front_matter('---\\ntitle: "X"\\n---\\n## A\\n', "a.md")
    >>> fm.meta, fm.body
    ({'title': 'X'}, '\\n\\n\\n## A\\n')
    >>> print(split_front_matter('---\\ntitle: [x\\n---\\n', "a.md").problems[0])
    a.md:2: error: malformed YAML front matter: expected ',' or ']', but got '<stream end>'
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FENCE:
        return FrontMatter(body=text, path=path)
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in _CLOSERS), None)
    result = FrontMatter(path=path)
    if end is None:
        end = _unterminated_end(lines)
        result.problems.append(
            LoadProblem(path=path, line=1, message="unterminated YAML front matter: no closing '---'; it was ignored")
        )
        body_start = end
    else:
        body_start = end + 1
        result.meta = _parse_meta("\n".join(lines[1:end]), path, result.problems)
    result.body = "\n" * body_start + "\n".join(lines[body_start:])
    return result


def _parse_meta(source: str, path: str, problems: list[LoadProblem]) -> dict[str, Any]:
    try:
        meta = safe_load(source)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(err, "problem", None) or str(err)
        problems.append(LoadProblem(path=path, line=line, message=f"malformed YAML front matter: {reason}"))
        return {}
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        problems.append(LoadProblem(path=path, line=2, message="YAML front matter is not a mapping of keys to values"))
        return {}
    return {str(key): value for key, value in meta.items()}
