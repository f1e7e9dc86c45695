"""A small hand-made snapshot with every label and relationship type, for the store tests."""

from __future__ import annotations

from datetime import UTC, datetime

from graph.model import (
    KPI,
    JobFamily,
    Relationship,
    RelType,
    Role,
    Skill,
    SkillCategory,
    Snapshot,
    Source,
)

EMI = "Engineering Management - Infrastructure"
SRE = "Site Reliability Engineering"
SEC = "Security Engineering"

_FAMILIES = {
    EMI: "family:engineering-management-infrastructure",
    SRE: "family:site-reliability-engineering",
    SEC: "family:security-engineering",
}

# id, title, family, function, level, level_rank, grade, track, aliases, source
_ROLES = [
    (
        "role:site-reliability-engineer",
        "Site Reliability Engineer",
        SRE,
        "Reliability",
        "Engineer",
        0,
        7,
        "ic",
        [],
        "b",
    ),
    (
        "role:manager-infrastructure",
        "Manager, Infrastructure",
        EMI,
        "Infrastructure",
        "Manager",
        1,
        8,
        "management",
        ["Infrastructure Manager"],
        "g",
    ),
    (
        "role:manager-infrastructure-delivery",
        "Manager, Infrastructure (Delivery)",
        EMI,
        "Infrastructure",
        "Manager",
        1,
        8,
        "management",
        [],
        "g",
    ),
    (
        "role:senior-manager-infrastructure",
        "Senior Manager, Infrastructure",
        EMI,
        "Infrastructure",
        "Senior Manager",
        2,
        9,
        "management",
        [],
        "g",
    ),
    (
        "role:director-infrastructure",
        "Director, Infrastructure",
        EMI,
        "Infrastructure",
        "Director",
        3,
        10,
        "management",
        ["Infrastructure Director"],
        "g",
    ),
    ("role:vp-infrastructure", "VP, Infrastructure", EMI, "Infrastructure", "VP", 4, 12, "management", [], "g"),
    (
        "role:sre-manager",
        "SRE Manager",
        SRE,
        "Reliability",
        "Manager",
        1,
        8,
        "management",
        ["Site Reliability Engineering Manager"],
        "b",
    ),
    ("role:sre-director", "SRE Director", SRE, "Reliability", "Director", 3, 10, "management", [], "b"),
    ("role:head-of-sre", "Head of SRE", SRE, "Reliability", "Head", 4, 11, "management", ["Global Head of SRE"], "b"),
    (
        "role:security-engineering-manager",
        "Security Engineering Manager",
        SEC,
        "Security",
        "Manager",
        1,
        8,
        "management",
        [],
        "b",
    ),
]

_CATEGORIES = ["Leadership", "Reliability", "Platform", "Security"]
# name, category, aliases
_SKILLS = [
    ("Hiring", "Leadership", ["Recruiting"]),
    ("Coaching", "Leadership", []),
    ("Budgeting", "Leadership", []),
    ("Strategy", "Leadership", []),
    ("Stakeholder Management", "Leadership", []),
    ("Incident Management", "Reliability", ["Incident Response"]),
    ("SLO Design", "Reliability", ["SLOs"]),
    ("Capacity Planning", "Reliability", []),
    ("Observability", "Platform", []),
    ("Kubernetes", "Platform", ["k8s"]),
    ("Release Management", "Platform", []),
    ("Threat Modeling", "Security", []),
]
_KPIS = ["Availability", "MTTR", "Mean Time to Production", "Team Attrition", "Cloud Cost", "Vulnerability SLA"]

# role id → [(skill, weight, method)]
_REQUIRES = {
    "role:site-reliability-engineer": [
        ("Incident Management", 0.9, "stated"),
        ("Kubernetes", 0.8, "stated"),
        ("Observability", 0.7, "extracted"),
        ("SLO Design", 0.6, "extracted"),
    ],
    "role:manager-infrastructure": [
        ("Hiring", 1.0, "stated"),
        ("Coaching", 0.8, "stated"),
        ("Incident Management", 0.7, "stated"),
        ("Kubernetes", 0.5, "extracted"),
        ("Observability", 0.4, "inferred"),
    ],
    "role:manager-infrastructure-delivery": [
        ("Hiring", 1.0, "inferred"),
        ("Coaching", 0.8, "inferred"),
        ("Release Management", 0.9, "stated"),
        ("Incident Management", 0.7, "inferred"),
    ],
    "role:senior-manager-infrastructure": [
        ("Hiring", 1.0, "stated"),
        ("Coaching", 0.8, "stated"),
        ("Budgeting", 0.6, "stated"),
        ("Capacity Planning", 0.7, "extracted"),
        ("Incident Management", 0.5, "stated"),
    ],
    "role:director-infrastructure": [
        ("Hiring", 0.9, "stated"),
        ("Budgeting", 0.9, "stated"),
        ("Strategy", 1.0, "stated"),
        ("Stakeholder Management", 0.8, "extracted"),
    ],
    "role:vp-infrastructure": [
        ("Strategy", 1.0, "stated"),
        ("Budgeting", 1.0, "stated"),
        ("Stakeholder Management", 0.9, "stated"),
    ],
    "role:sre-manager": [
        ("Hiring", 0.9, "stated"),
        ("Coaching", 0.7, "stated"),
        ("Incident Management", 1.0, "stated"),
        ("SLO Design", 0.9, "stated"),
        ("Observability", 0.8, "extracted"),
    ],
    "role:sre-director": [
        ("Hiring", 0.8, "stated"),
        ("SLO Design", 0.8, "stated"),
        ("Strategy", 0.9, "stated"),
        ("Capacity Planning", 0.8, "stated"),
        ("Budgeting", 0.6, "inferred"),
    ],
    "role:head-of-sre": [
        ("Strategy", 1.0, "stated"),
        ("SLO Design", 0.7, "stated"),
        ("Stakeholder Management", 0.8, "extracted"),
    ],
    "role:security-engineering-manager": [
        ("Hiring", 0.9, "stated"),
        ("Threat Modeling", 1.0, "stated"),
        ("Coaching", 0.6, "extracted"),
    ],
}
_MEASURED = {
    "role:manager-infrastructure": ["Availability", "Mean Time to Production"],
    "role:manager-infrastructure-delivery": ["Mean Time to Production"],
    "role:senior-manager-infrastructure": ["Availability", "Team Attrition"],
    "role:director-infrastructure": ["Cloud Cost", "Team Attrition"],
    "role:vp-infrastructure": ["Cloud Cost"],
    "role:sre-manager": ["Availability", "MTTR"],
    "role:sre-director": ["Availability", "MTTR", "Team Attrition"],
    "role:security-engineering-manager": ["Vulnerability SLA"],
}
_PROMOTES = [
    ("role:site-reliability-engineer", "role:sre-manager"),
    ("role:manager-infrastructure", "role:senior-manager-infrastructure"),
    ("role:manager-infrastructure-delivery", "role:senior-manager-infrastructure"),
    ("role:senior-manager-infrastructure", "role:director-infrastructure"),
    ("role:director-infrastructure", "role:vp-infrastructure"),
    ("role:sre-manager", "role:sre-director"),
    ("role:sre-director", "role:head-of-sre"),
]
_REPORTS = [
    ("role:site-reliability-engineer", "role:sre-manager"),
    ("role:manager-infrastructure", "role:senior-manager-infrastructure"),
    ("role:manager-infrastructure-delivery", "role:senior-manager-infrastructure"),
    ("role:senior-manager-infrastructure", "role:director-infrastructure"),
    ("role:director-infrastructure", "role:vp-infrastructure"),
    ("role:sre-manager", "role:sre-director"),
    ("role:sre-director", "role:head-of-sre"),
    ("role:head-of-sre", "role:vp-infrastructure"),
    ("role:security-engineering-manager", "role:director-infrastructure"),
]


def _slug(name: str) -> str:
    from graph.ids import slugify

    return slugify(name)


def build_sample_snapshot() -> Snapshot:
    """Ten roles in three families, twelve skills, six KPIs and every relationship type."""
    sources = {
        "g": Source(
            id="source:gitlab",
            path="gitlab-engineering-management-infrastructure.md",
            format="markdown",
            sha256="0" * 64,
        ),
        "b": Source(
            id="source:blueprints", path="engineering-leadership-role-blueprints.txt", format="text", sha256="1" * 64
        ),
    }
    roles = [
        Role(
            id=rid,
            title=title,
            family=family,
            function=function,
            level=level,
            level_rank=rank,
            grade=grade,
            track=track,
            aliases=aliases,
            sources=[sources[src].path],
            summary=f"The {title} leads.",
        )
        for rid, title, family, function, level, rank, grade, track, aliases, src in _ROLES
    ]
    skills = [Skill(id=f"skill:{_slug(n)}", name=n, category=c, aliases=a) for n, c, a in _SKILLS]
    kpis = [KPI(id=f"kpi:{_slug(n)}", name=n) for n in _KPIS]
    rels: list[Relationship] = []
    for role in roles:
        src = sources["g" if role.sources[0].startswith("gitlab") else "b"]
        rels.append(Relationship(type=RelType.IN_FAMILY, start=role.id, end=_FAMILIES[role.family]))
        rels.append(Relationship(type=RelType.DEFINED_IN, start=role.id, end=src.id, source=src.path, line=1))
        for number, (skill, weight, method) in enumerate(_REQUIRES.get(role.id, []), start=10):
            rels.append(
                Relationship(
                    type=RelType.REQUIRES_SKILL,
                    start=role.id,
                    end=f"skill:{_slug(skill)}",
                    source=src.path,
                    line=number,
                    evidence=f"{role.title} needs {skill.lower()}.",
                    method=method,
                    confidence=1.0 if method == "stated" else 0.7,
                    weight=weight,
                    mentions=1,
                )
            )
        for kpi in _MEASURED.get(role.id, []):
            rels.append(
                Relationship(
                    type=RelType.MEASURED_BY,
                    start=role.id,
                    end=f"kpi:{_slug(kpi)}",
                    source=src.path,
                    line=40,
                    evidence=f"Measured by {kpi}.",
                )
            )
    for start, end in _PROMOTES:
        rels.append(Relationship(type=RelType.PROMOTES_TO, start=start, end=end, method="stated"))
    for start, end in _REPORTS:
        method = "inferred" if start == "role:head-of-sre" else "stated"
        rels.append(
            Relationship(
                type=RelType.REPORTS_TO,
                start=start,
                end=end,
                method=method,
                confidence=0.6 if method == "inferred" else 1.0,
            )
        )
    rels.append(Relationship(type=RelType.CAN_MOVE_TO, start="role:sre-manager", end="role:manager-infrastructure"))
    rels.append(Relationship(type=RelType.CAN_MOVE_TO, start="role:manager-infrastructure", end=_FAMILIES[SRE]))
    rels.append(
        Relationship(
            type=RelType.SPECIALIZES, start="role:manager-infrastructure-delivery", end="role:manager-infrastructure"
        )
    )
    for name, category, _ in _SKILLS:
        rels.append(
            Relationship(type=RelType.IN_CATEGORY, start=f"skill:{_slug(name)}", end=f"category:{_slug(category)}")
        )
    return Snapshot(
        built_at=datetime(2025, 1, 1, tzinfo=UTC),
        inputs=["seeds"],
        roles=roles,
        families=[JobFamily(id=fid, name=name) for name, fid in _FAMILIES.items()],
        skills=skills,
        categories=[SkillCategory(id=f"category:{_slug(c)}", name=c) for c in _CATEGORIES],
        kpis=kpis,
        sources=list(sources.values()),
        relationships=rels,
    )
