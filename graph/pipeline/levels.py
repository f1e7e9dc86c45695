"""Level, track and a numeric ``level_rank`` from a role's title and job grade.

Ranks line up with GitLab's job grades times ten where both ladders meet (Staff and Manager are
grade 8, so rank 80), so an IC and a manager role can be compared. Management titles above Director
that grades do not name (Head, Global Head, VP ...) sit between and above, in the order the issue of
record gives: Director < Senior Director < Head < Global Head < VP < SVP < C-level.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.pipeline.titles import IC_MARKER, title_key

__all__ = ["LevelInfo", "classify_level", "IC_LEVELS", "MANAGEMENT_LEVELS"]

IC_LEVELS: dict[str, int] = {
    "Intern": 30,
    "Junior": 50,
    "Associate": 50,
    "Intermediate": 60,
    "Senior": 70,
    "Staff": 80,
    "Principal": 90,
    "Distinguished": 100,
    "Fellow": 110,
}
MANAGEMENT_LEVELS: dict[str, int] = {
    "Manager": 80,
    "Senior Manager": 90,
    "Director": 100,
    "Senior Director": 110,
    "Head": 112,
    "Global Head": 115,
    "VP": 120,
    "SVP": 130,
    "C-level": 140,
}

# Level words of a title key, most senior reading first.
_MANAGEMENT_PATTERNS: list[tuple[set[str], str]] = [
    ({"chief", "officer"}, "C-level"),
    ({"senior", "vice president"}, "SVP"),
    ({"executive", "vice president"}, "SVP"),
    ({"vice president"}, "VP"),
    ({"global", "head"}, "Global Head"),
    ({"head"}, "Head"),
    ({"senior", "director"}, "Senior Director"),
    ({"director"}, "Director"),
    ({"senior", "manager"}, "Senior Manager"),
    ({"manager"}, "Manager"),
]
_IC_NOUNS = {"engineer", "analyst", "specialist", "architect", "researcher", "scientist", "fellow", "intern"}


@dataclass(frozen=True)
class LevelInfo:
    level: str | None
    track: str | None
    rank: int | None


def classify_level(title: str, grade: int | None = None) -> LevelInfo:
    """Level, track and rank of a role.

    Parameters
    ----------
    title : str
        The role title.
    grade : int, optional
        A job grade the document states; it decides the rank of a title whose words name no level.

    Examples
    --------
    >>> classify_level("Global Head of SRE")
    LevelInfo(level='Global Head', track='management', rank=115)
    >>> classify_level("Senior Backend Engineer", grade=7)
    LevelInfo(level='Senior', track='ic', rank=70)
    >>> classify_level("Backend Engineer", grade=6)
    LevelInfo(level='Intermediate', track='ic', rank=60)
    >>> classify_level("Distinguished Engineer, Infrastructure")
    LevelInfo(level='Distinguished', track='ic', rank=100)
    >>> classify_level("Senior Product Manager"), classify_level("Senior Manager, Product Management")
    (LevelInfo(level='Senior', track='ic', rank=70), LevelInfo(level='Senior Manager', track='management', rank=90))
    """
    words = set(title_key(title).level)
    if IC_MARKER in words:  # "Principal Product Manager": the profession is the title, not people management
        return _ic_level(words, grade)
    for pattern, level in _MANAGEMENT_PATTERNS:
        if pattern <= words:
            return LevelInfo(level, "management", MANAGEMENT_LEVELS[level])
    if words & _IC_NOUNS or words & {w.lower() for w in IC_LEVELS}:
        return _ic_level(words, grade)
    if grade is not None:
        return LevelInfo(None, None, grade * 10)
    return LevelInfo(None, None, None)


def _ic_level(words: set[str], grade: int | None) -> LevelInfo:
    for level, rank in sorted(IC_LEVELS.items(), key=lambda item: -item[1]):
        if level.lower() in words:
            return LevelInfo(level, "ic", rank)
    return _ic_from_grade(grade)


def _ic_from_grade(grade: int | None) -> LevelInfo:
    if grade is None:
        return LevelInfo("Intermediate", "ic", IC_LEVELS["Intermediate"])
    closest = min(IC_LEVELS.items(), key=lambda item: abs(item[1] - grade * 10))
    return LevelInfo(closest[0], "ic", grade * 10)
