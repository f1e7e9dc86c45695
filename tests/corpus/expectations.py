"""What each corpus document defines, written by hand from reading the document (before the code ran).

For each document: the layout it uses (the reader's route), its roles in document order, the level a
generic level name keeps, the promotions its order states (``(from, to)``), and a few skills each
role's own lists or tables state. Skill names compare without case and trailing full stops.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

__all__ = ["DOCUMENTS", "Expected"]


@dataclass(frozen=True)
class Expected:
    path: str  # relative to the corpus folder (tests/corpus/docs or ../shared/corpus/diverse)
    layout: str
    roles: tuple[str, ...]
    promotions: frozenset[tuple[str, str]] = frozenset()
    levels: dict[str, str] = field(default_factory=dict)
    skills: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _chain(*titles: str) -> frozenset[tuple[str, str]]:
    return frozenset(itertools.pairwise(titles))


_PM = (
    "Product Manager I (Level 1)",
    "Product Manager I (Level 2)",
    "Product Manager II (Level 3)",
    "Product Manager II (Level 4)",
    "Senior Product Manager (Level 5)",
    "Senior Product Manager (Level 6)",
    "Staff Product Manager",
    "Principal Product Manager",
    "Distinguished Product Manager",
)
_PM_PRINCIPLES = ("Ownership", "High-Impact", "Earn Trust", "Customer Obsession", "Self-Awareness")
_MEWS = ("Delivery", "Domain Expertise", "Problem Solving", "Communication", "Leadership")
_MLS_SHARED = ("Smart", "Team player")

DOCUMENTS: list[Expected] = [
    # ----------------------------------------------------------------- job descriptions (single role)
    Expected(
        "jd/vorcigernix__engineeringroles__engineering_manager.md",
        layout="blueprint",
        roles=("Engineering Manager",),
    ),
    Expected(
        "jd/Carvago__career-framework__engineering-manager.md",
        layout="ladder",
        roles=("Engineering Manager", "Senior Engineering Manager", "Director of Engineering"),
        promotions=_chain("Engineering Manager", "Senior Engineering Manager", "Director of Engineering"),
        skills={"Engineering Manager": _MEWS, "Director of Engineering": _MEWS},
    ),
    Expected(
        "jd/CivicActions__guidebook__README.md",
        layout="single-role",
        roles=("Tech Lead (TL)",),
        skills={
            "Tech Lead (TL)": ("Coaching and mentoring engineers", "Complex problem solving", "Release management")
        },
    ),
    # ----------------------------------------------------------------- career ladders
    Expected(
        "ladder/ttoss__ttoss__01-roles.md",
        layout="ladder",
        roles=(
            "Intern",
            "Junior Full Stack Developer",
            "Mid-Level Full Stack Developer",
            "Senior Full Stack Developer",
            "Tech Lead",
            "CTO",
        ),
        promotions=frozenset(
            {
                ("Intern", "Junior Full Stack Developer"),
                ("Junior Full Stack Developer", "Mid-Level Full Stack Developer"),
                ("Mid-Level Full Stack Developer", "Senior Full Stack Developer"),
                ("Mid-Level Full Stack Developer", "Tech Lead"),
                ("Tech Lead", "CTO"),
            }
        ),
    ),
    Expected(
        "ladder/MLSDev__development-standards__requirements.md",
        layout="ladder",
        roles=("Junior Developer", "Middle Developer", "Senior Developer", "Team Leader"),
        promotions=_chain("Junior Developer", "Middle Developer", "Senior Developer", "Team Leader"),
        levels={"Junior Developer": "Junior", "Middle Developer": "Middle", "Senior Developer": "Senior"},
        skills={
            "Junior Developer": ("Data Structures", "Algorithms", *_MLS_SHARED),
            "Middle Developer": ("Can speak with client (confident spoken English)", *_MLS_SHARED),
            "Senior Developer": ("C programming language", "Networking", *_MLS_SHARED),
            "Team Leader": ("Organizational skills", "Leadership abilities", *_MLS_SHARED),
        },
    ),
    Expected(
        "ladder/kubernetes__community__community-membership.md",
        layout="ladder",
        roles=("Member", "Reviewer", "Approver", "Subproject Owner"),
        promotions=_chain("Member", "Reviewer", "Approver", "Subproject Owner"),
        skills={
            "Member": ("Have read the contributor guide", "Actively contributing to 1 or more subprojects"),
            "Reviewer": ("member for at least 3 months", "Knowledgeable about the codebase"),
        },
    ),
    Expected(
        "ladder/open-telemetry__community__membership.md",
        layout="ladder",
        roles=(
            "Member",
            "Triager",
            "Approver",
            "Maintainer",
            "Emeritus Maintainer/Approver/Triager",
            "Specification Sponsor",
        ),
        promotions=_chain("Member", "Triager", "Approver", "Maintainer"),
        skills={
            "Triager": ("Nominated by a maintainer, with no objections from other maintainers",),
            "Approver": ("Reviewer of the codebase for at least 1 month", "Nominated by a maintainer"),
        },
    ),
    Expected(
        "ladder/mattermost__mattermost-handbook__pm-levels.md",
        layout="ladder",
        roles=_PM,
        promotions=_chain(*_PM),
        levels={"Product Manager I (Level 1)": "Level 1", "Staff Product Manager": "Level 7"},
        skills={_PM[0]: _PM_PRINCIPLES, _PM[-1]: _PM_PRINCIPLES},
    ),
]
