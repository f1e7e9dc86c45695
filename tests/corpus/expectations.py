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
    path: str  # in tests/corpus/docs or ../shared/corpus/diverse (gitlab/...: ../shared/corpus/gitlab-job-families)
    layout: str
    roles: tuple[str, ...]
    promotions: frozenset[tuple[str, str]] = frozenset()
    levels: dict[str, str] = field(default_factory=dict)
    skills: dict[str, tuple[str, ...]] = field(default_factory=dict)
    absent: dict[str, tuple[str, ...]] = field(default_factory=dict)  # skills the role must not have
    tracks: dict[str, str] = field(default_factory=dict)  # track the document puts a role on (ic/management)
    forks: frozenset[tuple[str, str]] = frozenset()  # promotions a sentence states (method extracted)
    track_sentences: dict[str, str] = field(default_factory=dict)  # role → words of the sentence giving its track


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
_MEWS_LEVELS = tuple(
    f"Competencies {level}" for level in ("Beginner", "Intermediate", "Advanced", "Expert", "Leading Expert")
)
_MLS_SHARED = ("Smart", "Team player")
_DEV = tuple(f"Developer Level {n}" for n in range(5))
_SOCIALBAKERS = ("delivery", "domain expertise", "problem solving", "communication", "leadership")
_ARTSY_IC = (
    "Intern",
    "Engineer 1",
    "Engineer 2",
    "Senior Engineer 1",
    "Senior Engineer 2",
    "Staff Engineer",
    "Senior Staff Engineer",
    "Principal Engineer",
)
_ARTSY_M = (
    "Engineering Manager 1",
    "Engineering Manager 2",
    "Senior Engineering Manager",
    "Director of Engineering",
    "Senior Director of Engineering",
)
_ARTSY_M_SKILLS = ("People & Business Leadership", "Impact", "Influence", "Discretion")
_NOVODA = tuple(f"Lead Product Engineer Level {n}" for n in range(1, 4))
_ANDROID = tuple(f"Android Level {n}" for n in range(1, 6))
_APHL = tuple(f"Bioinformatics {level}" for level in ("Beginner", "Competent", "Proficient", "Expert"))
_WWT = (
    "Software Engineer Apprentice",
    "Software Engineer 1",
    "Software Engineer 2",
    "Software Engineer 3",
    "Software Engineer 4",
    "Software Engineer 5",
    "Lead Software Engineer",
    "Software Architect",
)
_IBERIA_BACKEND = tuple(f"Backend Engineer Level {n}" for n in range(1, 7))
_IBERIA_FRONTEND = tuple(f"Frontend Engineer Level {n}" for n in range(1, 7))


def _mews_four(title: str) -> tuple[str, ...]:
    return (title, f"{title} II", f"Senior {title}", f"Senior {title} II")


_MEWS_TITLES = (
    "VP Engineering, Product",
    "VP Engineering, Platform",
    "Engineering Manager",
    "Director of Engineering",
    "Senior Director of Engineering",
    "IT and Security Manager",
    "Director of IT and Security",
    "Senior Director of IT and Security",
    "Senior Engineering Manager",
    "Product Security Team Lead",
    "Senior Product Security Team Lead",
    "Team Lead, Data Science",
    "Senior Team Lead, Data Science",
    "Senior IT and Security Manager",
    "Staff Engineer",
    "Senior Staff Engineer",
    "Principal Engineer",
    "Agile Coach",
    "Agile Coach II",
    "Senior Agile Coach",
    "Senior Agile Coach II",
    "Community Manager",
    "Senior Community Manager",
    "Engineer",
    "Engineer II",
    "Senior Engineer",
    "Senior Engineer II",
    *_mews_four("Product Security Engineer"),
    *_mews_four("Data Scientist"),
    *_mews_four("IT Security Engineer"),
    *_mews_four("Data Analyst"),
    *_mews_four("IT Infrastructure Engineer"),
    *_mews_four("QA Engineer"),
    *_mews_four("IT Specialist"),
    *_mews_four("Community Coordinator"),
)
_SNOWFLAKE = tuple(f"Electronics Level {n}" for n in range(1, 6))

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
        # "Technical leadership project roles" describes the TL again and the Assistant Technical Lead, "the
        # first step for an engineer to grow into a Technical Lead"
        roles=("Tech Lead", "Assistant Technical Lead"),
        promotions=frozenset({("Assistant Technical Lead", "Tech Lead")}),
        skills={"Tech Lead": ("Coaching and mentoring engineers", "Complex problem solving", "Release management")},
        absent={"Assistant Technical Lead": ("Coaching and mentoring engineers", "Release management")},
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
        tracks={"Senior Full Stack Developer": "ic", "Tech Lead": "management", "CTO": "management"},
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
        # "The levels below follow a growth track in the art and craft of Product Management and not in a
        # person management track."
        tracks={title: "ic" for title in _PM},
        track_sentences={_PM[0]: "not in a person management track", _PM[-1]: "The levels below follow"},
    ),
    Expected(
        "jd/DoSomething__darwin__director-of-engineering.md",
        layout="blueprint",
        roles=("Director of Engineering",),
    ),
    Expected(
        "jd/adam-from-meiro__handbook__cto.md",
        layout="single-role",
        roles=("CTO",),
    ),
    Expected(
        "jd/cds-snc__digital-canada-ca__director-of-digital-practice--c284600b-aa90-4bc9-86b3-ca6aad8f45a7.md",
        layout="job-family",
        roles=("Director of Digital Practice",),
    ),
    # ----------------------------------------------------------------- competency matrices
    Expected(
        "matrix/vorcigernix__engineeringroles__README.md",
        layout="matrix",
        roles=_DEV,
        promotions=_chain(*_DEV),
        levels={"Developer Level 0": "Level 0", "Developer Level 4": "Level 4"},
        skills={title: _SOCIALBAKERS for title in _DEV},
    ),
    Expected(
        "matrix/artsy__README__ladder.md",
        layout="ladder",
        roles=(*_ARTSY_IC, *_ARTSY_M),
        promotions=_chain(*_ARTSY_IC) | _chain(*_ARTSY_M),
        levels={"Engineer 1": "IC2", "Principal Engineer": "IC8", "Engineering Manager 1": "M2"},
        skills={
            "Engineer 1": ("Technical understanding", "Code quality", "Team impact", "Communication", "Initiative"),
            "Staff Engineer": ("Technical decision-making", "Cross-functional collaboration", "Oversight"),
            "Engineering Manager 1": _ARTSY_M_SKILLS,
            "Senior Director of Engineering": _ARTSY_M_SKILLS,
        },
        tracks={
            "Engineer 1": "ic",
            "Principal Engineer": "ic",
            "Engineering Manager 1": "management",
            "Senior Director of Engineering": "management",
        },
        # "The manager track is available to engineers who have achieved an "IC5 Senior Engineer" level on
        # the individual contributor ladder": IC5 is Senior Engineer 2; the manager track starts at M2.
        forks=frozenset({("Senior Engineer 2", "Engineering Manager 1")}),
    ),
    # ----------------------------------------------------------------- structured frameworks (front matter)
    Expected(
        "structured/novoda__progression-framework__lead_product_engineer.md",
        layout="framework",
        roles=_NOVODA,
        promotions=_chain(*_NOVODA),
        levels={_NOVODA[0]: "Level 1", _NOVODA[2]: "Level 3"},
        skills={title: ("Competencies",) for title in _NOVODA},
    ),
    Expected(
        "structured/zkusznir__applover-pgf__android.md",
        layout="framework",
        roles=_ANDROID,
        promotions=_chain(*_ANDROID),
        levels={_ANDROID[0]: "Level 1", _ANDROID[4]: "Level 5"},
        skills={title: ("Development skills", "Mastery") for title in _ANDROID},
    ),
    # ----------------------------------------------------------------- other formats (the formats readers)
    Expected(
        "other/18F__join.tts.gsa.gov__index.html",
        layout="single-role",
        roles=("Engineering Director",),
        skills={
            "Engineering Director": (
                "Experience managing individuals who work in the technology space",
                "Experience building alignment with stakeholders",
            )
        },
    ),
    Expected(
        "other/AaltoSciComp__scicomp-docs__job-descriptions.rst",
        layout="ladder",
        roles=("RSE 1", "RSE 2", "RSE 3"),
        promotions=_chain("RSE 1", "RSE 2", "RSE 3"),
    ),
    Expected(
        "other/bisq-network__bisq-docs__roles.adoc",
        layout="multi-role",
        roles=("Maintainer", "Operator", "Administrator", "Moderator"),
    ),
    Expected(
        "other/APHL-Global-Health__workforce-competency__bioinformatics_competencies_v1.csv",
        layout="matrix",
        roles=_APHL,
        promotions=_chain(*_APHL),
        levels={"Bioinformatics Beginner": "beginner", "Bioinformatics Expert": "expert"},
        skills={title: ("Domain- specific biology principles", "Statistical analysis") for title in _APHL},
    ),
    Expected(
        "structured/Babblesort__wwt-se-career-framework__job-data.js",
        layout="framework",
        roles=_WWT,
        promotions=_chain(*_WWT),
        skills={
            "Software Engineer Apprentice": (
                "Agile Engineering Best Practices",
                "Application Development & Programming",
                "Technical Communication & Presentation",
                "Technology Requirements Analysis",
            ),
            "Software Architect": ("Architecture Design", "Technical Leadership", "Technical Advising & Consulting"),
        },
        absent={"Software Engineer Apprentice": ("Architecture Design", "Technical Leadership")},
    ),
    Expected(
        "structured/automata-tech__snowflake__electronics.js",
        layout="framework",
        roles=_SNOWFLAKE,
        promotions=_chain(*_SNOWFLAKE),
        levels={_SNOWFLAKE[0]: "Level 1", _SNOWFLAKE[4]: "Level 5"},
        skills={title: ("Electronics Design", "PCB Design", "Cabling") for title in _SNOWFLAKE},
    ),
    Expected(
        "matrix/Iberia-Ent__software-engineering--roles-definition__engineer.md",
        layout="matrix",
        roles=(*_IBERIA_BACKEND, *_IBERIA_FRONTEND),
        promotions=_chain(*_IBERIA_BACKEND) | _chain(*_IBERIA_FRONTEND),
        levels={"Backend Engineer Level 1": "Level 1", "Frontend Engineer Level 6": "Level 6"},
        skills={
            "Backend Engineer Level 1": ("Aptitud", "Teamwork", "HTML y CSS", "Unit test"),
            "Backend Engineer Level 2": ("Problem solving", "Ramificación y Fusión"),
            "Backend Engineer Level 6": ("Decision maker", "Strategic thinking"),
            "Frontend Engineer Level 1": ("HTML y CSS", "Diseño Responsivo y Experiencia del Usuario"),
        },
        absent={"Backend Engineer Level 1": ("Decision maker", "Problem solving")},
    ),
    Expected(
        "matrix/marian-kamenistak__mews-career-framework__grades.md",
        layout="ladder",
        roles=_MEWS_TITLES,
        promotions=frozenset(
            {
                ("Engineering Manager", "Director of Engineering"),
                ("Director of Engineering", "Senior Director of Engineering"),
                ("IT and Security Manager", "Director of IT and Security"),
                ("Director of IT and Security", "Senior Director of IT and Security"),
                ("Engineering Manager", "Senior Engineering Manager"),
                ("Product Security Team Lead", "Senior Product Security Team Lead"),
                ("Team Lead, Data Science", "Senior Team Lead, Data Science"),
                ("IT and Security Manager", "Senior IT and Security Manager"),
                *_chain("Staff Engineer", "Senior Staff Engineer", "Principal Engineer"),
                *_chain("Agile Coach", "Agile Coach II", "Senior Agile Coach", "Senior Agile Coach II"),
                ("Community Manager", "Senior Community Manager"),
                *_chain("Engineer", "Engineer II", "Senior Engineer", "Senior Engineer II"),
                *_chain(*_mews_four("Product Security Engineer")),
                *_chain(*_mews_four("Data Scientist")),
                *_chain(*_mews_four("IT Security Engineer")),
                *_chain(*_mews_four("Data Analyst")),
                *_chain(*_mews_four("IT Infrastructure Engineer")),
                *_chain(*_mews_four("QA Engineer")),
                *_chain(*_mews_four("IT Specialist")),
                *_chain(*_mews_four("Community Coordinator")),
            }
        ),
        levels={"Engineer": "IC2", "Senior Engineer II": "IC5", "VP Engineering, Product": "L1", "QA Engineer": "IC1"},
    ),
    # ----------------------------------------------------------------- a GitLab job-family page (job-family loader)
    Expected(
        "gitlab/engineering/monitoring-manager.md",
        layout="job-family",
        roles=("Engineering Manager, Monitoring",),
        skills={
            "Engineering Manager, Monitoring": (
                "Experience managing a team of developers",
                "Excellent written and verbal communication skills",
                "Experience working with time-series databases",
            )
        },
    ),
    Expected(
        "ladder/marian-kamenistak__mews-career-framework__competencies.md",
        layout="matrix",
        roles=_MEWS_LEVELS,
        promotions=_chain(*_MEWS_LEVELS),
        levels={"Competencies Beginner": "Beginner", "Competencies Leading Expert": "Leading Expert"},
        skills={title: _MEWS for title in _MEWS_LEVELS},
    ),
]
