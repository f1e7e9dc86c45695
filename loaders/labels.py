"""The label grammar every layout shares: which label names a career fact, a role field or an inline list.

A label is the text before a colon on a line (``Reports to: Head of SRE``, ``**Next step:** X``,
``* Manages: A, B``) or a heading whose section lists the values (``### Next roles``). Labels are
compared lower-cased, without emphasis, bullets, a trailing colon or a final plural ``s``, so
``Next Roles``, ``next role`` and ``NEXT ROLES:`` are one label.

Import the grammar from here (readers and layout interpreters do): :data:`CAREER_LABELS` maps a label to
the ``ParsedRole`` reference field it fills, :data:`ROLE_LABELS` to a field of the role itself,
:data:`LIST_LABELS` names inline lists of skills or KPIs, and :data:`CAREER_CONTAINERS` are headings
("Where this role sits", "Career path") whose section holds career labels.
"""

from __future__ import annotations

import re

__all__ = [
    "CAREER_CONTAINERS",
    "CAREER_LABELS",
    "LIST_LABELS",
    "ROLE_LABELS",
    "career_field",
    "label_key",
    "list_label",
    "role_field",
]

CAREER_LABELS: dict[str, str] = {
    "reports to": "reports_to",
    "reporting to": "reports_to",
    "reports into": "reports_to",
    "reporting line": "reports_to",
    "line manager": "reports_to",
    "manager": "reports_to",
    "direct reports": "direct_reports",
    "manages": "direct_reports",
    "managing": "direct_reports",
    "next roles": "promotes_to",
    "next role": "promotes_to",
    "next step": "promotes_to",
    "next steps": "promotes_to",
    "next level": "promotes_to",
    "promotes to": "promotes_to",
    "promotion": "promotes_to",
    "promotion path": "promotes_to",
    "progresses to": "promotes_to",
    "lateral moves": "lateral",
    "lateral move": "lateral",
    "lateral roles": "lateral",
    "lateral": "lateral",
    "related roles": "lateral",
}
ROLE_LABELS: dict[str, str] = {
    "level": "level",
    "family": "family",
    "job family": "family",
    "grade": "grade",
    "job grade": "grade",
}
LIST_LABELS: tuple[str, ...] = (
    "skills",
    "competencies",
    "core competencies",
    "technical skills",
    "skills & tools",
    "skills and tools",
    "tools",
    "tech stack",
    "technologies",
    "kpis",
    "metrics",
    "requirements",
)
#: Headings whose section states career facts as labels ("Where this role sits": ``Reports to: X``).
CAREER_CONTAINERS = re.compile(
    r"^(?:where (?:this|the) role sits|career (?:path|ladder|progression)s?|reporting(?: lines?)?"
    r"|position in the (?:team|organi[sz]ation)|relationships)$"
)

_MARKUP = re.compile(r"[*_`]+")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")


def label_key(label: str) -> str:
    """A label as the grammar compares it.

    Examples
    --------
    >>> label_key("**Next Roles:**"), label_key("* Reports to"), label_key("Manages")
    ('next roles', 'reports to', 'manages')
    """
    text = _BULLET.sub("", label)
    text = _MARKUP.sub("", text).replace("’", "'")
    return " ".join(text.strip().rstrip(":").strip().lower().split())


def _lookup(table: dict[str, str], label: str) -> str | None:
    key = label_key(label)
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    return table.get(key + "s")


def career_field(label: str) -> str | None:
    """The reference field (``reports_to``, ``direct_reports``, ``promotes_to``, ``lateral``) a label fills.

    Examples
    --------
    >>> career_field("Next step"), career_field("**Manages:**"), career_field("Lateral Moves"), career_field("Skills")
    ('promotes_to', 'direct_reports', 'lateral', None)
    """
    return _lookup(CAREER_LABELS, label)


def role_field(label: str) -> str | None:
    """The role field (``level``, ``family``, ``grade``) a label sets.

    Examples
    --------
    >>> role_field("Job grade"), role_field("Team")
    ('grade', None)
    """
    return _lookup(ROLE_LABELS, label)


def list_label(label: str) -> bool:
    """Whether a label introduces an inline list of skills or KPIs (``Skills & tools: A, B``).

    Examples
    --------
    >>> list_label("Skills & tools"), list_label("Reports to")
    (True, False)
    """
    return label_key(label) in LIST_LABELS
