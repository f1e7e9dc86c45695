"""A tiny hand-made organisation for the examples in the query docstrings and the unit tests.

Ladder (PROMOTES_TO): Software Engineer → Engineering Manager → Senior Engineering Manager →
Director of Engineering → VP of Engineering; SRE Manager and Platform Engineering Manager are
promoted to Director too. Lateral moves (CAN_MOVE_TO) from Engineering Manager to SRE Manager,
Platform Engineering Manager and Data Engineering Manager; Engineering Manager (Delivery) is a
specialty of Engineering Manager. Product Designer has no moves and no manager.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import KPI, JobFamily, Relationship, RelType, Role, Skill, SkillCategory, Snapshot

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["sample_graph", "sample_snapshot"]

SOURCE = "sample/roles.md"

_ROLES: list[tuple[str, str, list[str], int, str]] = [
    # slug, title, aliases, grade, track
    ("engineer", "Software Engineer", ["SWE"], 6, "ic"),
    ("manager", "Engineering Manager", ["EM", "Manager, Engineering"], 8, "management"),
    ("delivery-manager", "Engineering Manager (Delivery)", [], 8, "management"),
    ("sre-manager", "SRE Manager", ["Site Reliability Engineering Manager"], 8, "management"),
    ("platform-manager", "Platform Engineering Manager", [], 8, "management"),
    ("data-manager", "Data Engineering Manager", [], 8, "management"),
    ("senior-manager", "Senior Engineering Manager", [], 9, "management"),
    ("director", "Director of Engineering", [], 10, "management"),
    ("vp", "VP of Engineering", ["VPE"], 12, "management"),
    ("designer", "Product Designer", [], 7, "ic"),
]

_SKILLS: dict[str, str] = {
    "people-leadership": "Leadership",
    "hiring": "Leadership",
    "python": "Engineering",
    "release-management": "Delivery",
    "incident-management": "Reliability",
    "slos": "Reliability",
    "observability": "Reliability",
    "kubernetes": "Platform",
    "developer-experience": "Platform",
    "data-pipelines": "Data",
    "sql": "Data",
    "strategy": "Leadership",
    "budgeting": "Leadership",
    "user-research": "Design",
}

_ROLE_SKILLS: dict[str, dict[str, float]] = {
    "engineer": {"python": 1.0, "incident-management": 0.4},
    "manager": {"people-leadership": 1.0, "hiring": 0.8, "incident-management": 0.6, "python": 0.4},
    "delivery-manager": {"people-leadership": 1.0, "hiring": 0.8, "release-management": 1.0},
    "sre-manager": {
        "people-leadership": 1.0,
        "hiring": 0.8,
        "incident-management": 1.0,
        "slos": 1.0,
        "observability": 0.8,
    },
    "platform-manager": {
        "people-leadership": 1.0,
        "hiring": 0.6,
        "kubernetes": 1.0,
        "developer-experience": 1.0,
        "observability": 0.6,
        "incident-management": 0.5,
    },
    "data-manager": {"people-leadership": 1.0, "data-pipelines": 1.0, "sql": 1.0},
    "senior-manager": {"people-leadership": 1.0, "hiring": 1.0, "incident-management": 0.6, "strategy": 0.6},
    "director": {"people-leadership": 1.0, "hiring": 1.0, "strategy": 1.0, "budgeting": 0.8},
    "vp": {"people-leadership": 1.0, "strategy": 1.0, "budgeting": 1.0},
    "designer": {"user-research": 1.0},
}

_ROLE_KPIS: dict[str, list[str]] = {
    "manager": ["team-health"],
    "sre-manager": ["availability", "mttr", "team-health"],
    "platform-manager": ["availability", "deployment-frequency", "team-health"],
    "data-manager": ["data-freshness", "team-health"],
    "director": ["team-health", "spend-efficiency"],
    "vp": ["spend-efficiency"],
}

_PROMOTIONS = [
    ("engineer", "manager"),
    ("manager", "senior-manager"),
    ("senior-manager", "director"),
    ("director", "vp"),
    ("sre-manager", "director"),
    ("platform-manager", "director"),
]
_LATERAL = [
    ("manager", "sre-manager"),
    ("manager", "platform-manager"),
    ("manager", "data-manager"),
    ("sre-manager", "platform-manager"),
]
_SPECIALIZES = [("delivery-manager", "manager")]
_REPORTS_TO = [
    ("engineer", "manager"),
    ("manager", "senior-manager"),
    ("delivery-manager", "senior-manager"),
    ("sre-manager", "senior-manager"),
    ("platform-manager", "senior-manager"),
    ("senior-manager", "director"),
    ("data-manager", "director"),
    ("director", "vp"),
]


def _name(slug: str) -> str:
    return slug.replace("-", " ").title().replace("Slos", "SLOs").replace("Sql", "SQL").replace("Mttr", "MTTR")


def sample_snapshot() -> Snapshot:
    """The sample organisation as a snapshot (a new object on every call).

    Examples
    --------
    >>> len(sample_snapshot().roles)
    10
    """
    rels: list[Relationship] = []
    line = iter(range(1, 10_000))

    def rel(rel_type: RelType, start: str, end: str, sentence: str, **extra) -> None:
        rels.append(
            Relationship(
                type=rel_type, start=start, end=end, source=SOURCE, line=next(line), evidence=sentence, **extra
            )
        )

    titles = {slug: title for slug, title, *_ in _ROLES}
    for slug, skills in _ROLE_SKILLS.items():
        for skill, weight in skills.items():
            rel(
                RelType.REQUIRES_SKILL,
                f"role:{slug}",
                f"skill:{skill}",
                f"{titles[slug]} needs {_name(skill)}.",
                weight=weight,
                method="extracted",
            )
    for slug, kpis in _ROLE_KPIS.items():
        for kpi in kpis:
            rel(RelType.MEASURED_BY, f"role:{slug}", f"kpi:{kpi}", f"{titles[slug]} is measured by {_name(kpi)}.")
    for rel_type, pairs, verb in [
        (RelType.PROMOTES_TO, _PROMOTIONS, "is promoted to"),
        (RelType.CAN_MOVE_TO, _LATERAL, "can move to"),
        (RelType.SPECIALIZES, _SPECIALIZES, "is a specialty of"),
        (RelType.REPORTS_TO, _REPORTS_TO, "reports to"),
    ]:
        for start, end in pairs:
            rel(rel_type, f"role:{start}", f"role:{end}", f"The {titles[start]} {verb} the {titles[end]}.")
    for slug, *_ in _ROLES:
        family = "family:design" if slug == "designer" else "family:engineering"
        rels.append(Relationship(type=RelType.IN_FAMILY, start=f"role:{slug}", end=family, method="inferred"))
    for skill, category in _SKILLS.items():
        rels.append(Relationship(type=RelType.IN_CATEGORY, start=f"skill:{skill}", end=f"category:{category.lower()}"))

    kpi_ids = sorted({kpi for kpis in _ROLE_KPIS.values() for kpi in kpis})
    return Snapshot(
        inputs=[SOURCE],
        roles=[
            Role(
                id=f"role:{slug}",
                title=title,
                aliases=aliases,
                grade=grade,
                level_rank=grade,
                track=track,
                level="Manager" if grade == 8 else None,
                family="Design" if slug == "designer" else "Engineering",
                specialty="Delivery" if slug == "delivery-manager" else None,
                function="Reliability" if slug == "sre-manager" else "Engineering",
                summary=f"The {title}.",
                sources=[SOURCE],
            )
            for slug, title, aliases, grade, track in _ROLES
        ],
        families=[JobFamily(id="family:engineering", name="Engineering"), JobFamily(id="family:design", name="Design")],
        skills=[Skill(id=f"skill:{slug}", name=_name(slug), category=category) for slug, category in _SKILLS.items()],
        categories=[SkillCategory(id=f"category:{name.lower()}", name=name) for name in sorted(set(_SKILLS.values()))],
        kpis=[KPI(id=f"kpi:{slug}", name=_name(slug)) for slug in kpi_ids],
        relationships=rels,
    )


def sample_graph() -> OrgGraph:
    """The sample organisation as an ``OrgGraph``.

    Examples
    --------
    >>> sample_graph().roles_by_id["role:sre-manager"].title
    'SRE Manager'
    """
    from graph.orggraph import OrgGraph

    return OrgGraph.from_snapshot(sample_snapshot())
