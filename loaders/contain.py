"""One file's parse, contained: whatever goes wrong inside it is a problem of that file, never a crash.

A loader raises on purpose only :class:`graph.errors.DocumentError`; anything else escaping a parser
(a ``TypeError`` on an odd value, a ``RecursionError`` on absurd nesting, a ``MemoryError``) is a bug or
a hostile file, and either way the other files must still load. After parsing, every name the graph
will make an id from (titles, references, skill and KPI names, families) is checked here, so the
pipeline never meets a title such as ``"!!!"`` it cannot name.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.errors import DocumentError
from graph.ids import slugify
from graph.model import LoadProblem, ParsedRole
from loaders.base import ParseOutcome

__all__ = ["MAX_MENTION_CHARS", "MAX_NAME_CHARS", "drop_unnamed", "parse_contained"]

MAX_NAME_CHARS = 300  # a title, alias, reference or family name: the longest name the API accepts
MAX_MENTION_CHARS = 2000  # a skill or KPI item: a long sentence at most


def parse_contained(parse: Callable[[str, str], ParseOutcome], text: str, shown: str) -> ParseOutcome:
    """``parse(text, shown)``; an exception from inside it becomes the file's one error.

    Examples
    --------
    >>> def broken(text, source):
    ...     return {}["title"]
    >>> print(parse_contained(broken, "x", "a.md").problems[0])
    a.md: error: cannot be parsed, file skipped (KeyError: 'title')
    """
    try:
        return parse(text, shown)
    except DocumentError:
        raise  # the file cannot be read at all: the caller reports it as such
    except RecursionError:
        return _failed(shown, None, "nested too deeply to read")
    except MemoryError:
        return _failed(shown, None, "too big to read in memory")
    except Exception as err:  # a bug or a hostile file: the other files still load
        detail = str(err)[:200]
        return _failed(shown, _line_of(err), f"{type(err).__name__}: {detail}" if detail else type(err).__name__)


def _failed(shown: str, line: int | None, reason: str) -> ParseOutcome:
    problem = LoadProblem(path=shown, line=line, message=f"cannot be parsed, file skipped ({reason})")
    return ParseOutcome(problems=[problem])


def _line_of(err: BaseException | None) -> int | None:
    """The 1-based document line an exception names, when it carries one (YAML marks, ``lineno``)."""
    mark = getattr(err, "problem_mark", None)
    if mark is not None:
        return mark.line + 1
    line = getattr(err, "lineno", None)
    return line if isinstance(line, int) and line > 0 else None


def _nameable(name: str | None, limit: int = MAX_NAME_CHARS) -> bool:
    return bool(name) and len(name) <= limit and bool(slugify(name))


def _why(name: str, limit: int = MAX_NAME_CHARS) -> str:
    if len(name) > limit:
        return f"is {len(name):,} characters long, over the limit of {limit}"
    return "has no letter or digit to name it by"


def _shown_name(name: str) -> str:
    return repr(name if len(name) <= 60 else name[:57] + "...")


def drop_unnamed(outcome: ParseOutcome, shown: str) -> ParseOutcome:
    """Remove what cannot be named: no letter or digit (``title: "!!!"``, ``# ``) or absurdly long.

    A role without a usable title is dropped (an error); an unusable alias, skill, KPI, reference or
    family is left out of its role (a warning). Names are at most :data:`MAX_NAME_CHARS` characters,
    skill and KPI items :data:`MAX_MENTION_CHARS`.

    Examples
    --------
    >>> role = ParsedRole(title="!!!", source="a.md", line=3)
    >>> [str(p) for p in drop_unnamed(ParseOutcome(roles=[role]), "a.md").problems]
    ["a.md:3: error: role title '!!!' has no letter or digit to name it by; role skipped"]
    """
    kept: list[ParsedRole] = []
    for role in outcome.roles:
        if not _nameable(role.title):
            message = f"role title {_shown_name(role.title)} {_why(role.title)}; role skipped"
            outcome.problems.append(LoadProblem(path=shown, line=role.line, message=message))
            continue
        _clean_role(role, shown, outcome.problems)
        kept.append(role)
    outcome.roles = kept
    if outcome.family is not None and not _nameable(outcome.family):
        outcome.problems.append(_ignored(shown, None, "job family", outcome.family))
        outcome.family = None
    return outcome


def _ignored(shown: str, line: int | None, what: str, name: str, limit: int = MAX_NAME_CHARS) -> LoadProblem:
    message = f"{what} {_shown_name(name)} {_why(name, limit)}; ignored"
    return LoadProblem(path=shown, line=line, message=message, severity="warning")


def _clean_role(role: ParsedRole, shown: str, problems: list[LoadProblem]) -> None:
    if role.family is not None and not _nameable(role.family):
        problems.append(_ignored(shown, role.line, "job family", role.family))
        role.family = None
    for alias in role.aliases:
        if not _nameable(alias):
            problems.append(_ignored(shown, role.line, "alias", alias))
    role.aliases = [alias for alias in role.aliases if _nameable(alias)]
    for field in ("skills", "kpis"):
        mentions = getattr(role, field)
        for mention in mentions:
            if not _nameable(mention.name, MAX_MENTION_CHARS):
                what = field[:-1].replace("kpi", "KPI")
                problems.append(_ignored(shown, mention.at.line, what, mention.name, MAX_MENTION_CHARS))
        setattr(role, field, [m for m in mentions if _nameable(m.name, MAX_MENTION_CHARS)])
    for field in ("reports_to", "direct_reports", "promotes_to", "lateral"):
        refs = getattr(role, field)
        for ref in refs:
            if not _nameable(ref.title):
                problems.append(_ignored(shown, ref.at.line, "role reference", ref.title))
        setattr(role, field, [r for r in refs if _nameable(r.title)])
    if role.specializes is not None and not _nameable(role.specializes.title):
        problems.append(_ignored(shown, role.specializes.at.line, "base role", role.specializes.title))
        role.specializes = None
    families = role.lateral_families
    for ref in families:
        if not _nameable(ref.name):
            problems.append(_ignored(shown, ref.at.line, "job family", ref.name))
    role.lateral_families = [f for f in families if _nameable(f.name)]
