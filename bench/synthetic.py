"""A deterministic synthetic role library: blueprint, YAML and job-family documents at any size.

``write_library(folder, roles=1000, seed=7)`` writes about 0.7 documents per role over 50 job families.
Each family is a function of ``seeds/taxonomy/functions.yaml`` with an area (``Site Reliability
Engineering - Payments``); each family has specialties, and each specialty a ladder of ten roles (five
IC levels, five management levels). A specialty is written either as one GitLab-style job-family page
(the whole ladder, grades, a Career Ladder section) or as one blueprint or YAML file per role with
stated lines (``Reports to``, ``Promotes to``, ``Lateral moves``) for about half of the roles, so the
rest is inferred. Prose uses the taxonomy's skill and KPI names. Same arguments, same bytes.

Run ``python -m bench.synthetic FOLDER --roles N`` to write one.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml

__all__ = ["LibraryRole", "cli", "library_roles", "write_library"]

REPO_ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = REPO_ROOT / "seeds" / "taxonomy"

FAMILIES = 50
LADDER = 10  # roles per specialty
AREAS = [
    "Payments",
    "Identity",
    "Search",
    "Storage",
    "Messaging",
    "Billing",
    "Checkout",
    "Catalog",
    "Compute",
    "Networking",
    "Analytics",
    "Ledger",
    "Onboarding",
    "Fulfilment",
    "Pricing",
    "Growth",
    "Trust",
    "Maps",
    "Media",
    "Notifications",
    "Ads",
    "Partners",
    "Logistics",
    "Inventory",
    "Risk",
    "Lending",
    "Insurance",
    "Marketplace",
    "Travel",
    "Health",
]
SPECIALTIES = [
    "Core",
    "Edge",
    "Mobile Clients",
    "Internal Tools",
    "Data Pipelines",
    "APIs",
    "Migrations",
    "Foundations",
    "Experiments",
    "Enterprise",
    "Self-Serve",
    "Integrations",
    "Performance",
    "Tooling",
    "Workflows",
    "Ingestion",
    "Serving",
    "Reporting",
    "Compliance Systems",
    "Developer Portal",
    "Scheduling",
    "Routing",
    "Caching",
    "Streaming",
    "Batch",
    "Realtime",
    "Federation",
    "Accounts",
    "Sessions",
    "Queues",
    "Orchestration",
    "Control",
    "Gateways",
    "Quotas",
    "Replication",
    "Backups",
    "Sharding",
    "Indexing",
    "Ranking",
    "Feeds",
    "Uploads",
    "Rendering",
    "Playback",
    "Subscriptions",
    "Invoicing",
    "Refunds",
    "Disputes",
    "Ledgers",
    "Limits",
    "Alerts",
]
IC_LEVELS = ["Associate", "", "Senior", "Staff", "Principal"]
IC_GRADES = [5, 6, 7, 8, 9]
MGMT_LEVELS = ["Manager", "Senior Manager", "Director", "Senior Director", "Head of"]
MGMT_GRADES = [8, 9, 10, 11, None]
SENTENCES = [
    "The {title} owns {a} and {b} for the {area} teams.",
    "This role drives {a} across the {specialty} systems and partners with product on {b}.",
    "They are expected to improve {a}, champion {b} and mentor others in {c}.",
    "Day to day the {title} works on {a}, reviews designs for {b}, and reports on {kpi}.",
    "Success means better {kpi} and a steady improvement in {kpi2}.",
    "The team relies on strong {a} and a shared practice of {b}.",
]


@dataclass
class LibraryRole:
    title: str
    family: str
    specialty: str
    area: str
    ic: bool
    rung: int
    grade: int | None
    skills: list[str]
    kpis: list[str]
    reports_to: str | None = None
    next_role: str | None = None
    lateral: list[str] = field(default_factory=list)


def _taxonomy() -> tuple[list[str], list[str], list[dict]]:
    skills = yaml.safe_load((TAXONOMY / "skills.yaml").read_text())["skills"]
    kpis = yaml.safe_load((TAXONOMY / "kpis.yaml").read_text())["kpis"]
    functions = yaml.safe_load((TAXONOMY / "functions.yaml").read_text())["functions"]
    return [s["name"] for s in skills], [k["name"] for k in kpis], functions


def _function_words(function: dict) -> tuple[str, str]:
    """(family phrase, IC noun) of a function: ('Site Reliability Engineering', 'Site Reliability Engineer')."""
    keywords = sorted((k for k in function["keywords"] if not k.endswith("engineer")), key=len, reverse=True)
    phrase = " ".join(w if w.isupper() else w.capitalize() for w in keywords[0].split())
    if not phrase.endswith("Engineering"):
        phrase += " Engineering"
    return phrase, phrase[: -len("ing")]


def library_roles(roles: int = 1000, seed: int = 7) -> list[LibraryRole]:
    """The roles of the library, in ladders of ten per specialty, with their lines decided."""
    rng = random.Random(seed)
    skill_names, kpi_names, functions = _taxonomy()
    by_phrase = {_function_words(f)[0]: f for f in reversed(functions) if f["name"] != "Engineering"}
    functions = sorted(by_phrase.values(), key=lambda f: f["name"])
    families = []
    for i in range(FAMILIES):
        function = functions[i % len(functions)]
        area = AREAS[i % len(AREAS)]
        families.append((function, area, rng.sample(skill_names, 40), rng.sample(kpi_names, 12)))
    out: list[LibraryRole] = []
    groups = max(1, roles // LADDER)
    for g in range(groups):
        function, area, fam_skills, fam_kpis = families[g % FAMILIES]
        specialty = SPECIALTIES[(g // FAMILIES) % len(SPECIALTIES)]
        cycle = g // (FAMILIES * len(SPECIALTIES))
        if cycle:
            specialty = f"{specialty} {cycle + 1}"
        phrase, noun = _function_words(function)
        family = f"{phrase} - {area}"
        if len(families) > len(AREAS) * len(functions):
            raise ValueError("more families than function and area pairs")
        ladder: list[LibraryRole] = []
        for rung in range(LADDER):
            ic = rung < 5
            team = f"{area} {specialty}"
            if ic:
                title = f"{IC_LEVELS[rung]} {team} {noun}".strip()
                grade = IC_GRADES[rung]
            else:
                level = MGMT_LEVELS[rung - 5]
                if level in ("Manager", "Senior Manager"):
                    title = f"{'Senior ' if level != 'Manager' else ''}{team} {phrase} Manager"
                else:
                    title = f"{level}{'' if level.endswith('of') else ' of'} {team} {phrase}"
                grade = MGMT_GRADES[rung - 5]
            ladder.append(
                LibraryRole(
                    title=title,
                    family=family,
                    specialty=specialty,
                    area=area,
                    ic=ic,
                    rung=rung,
                    grade=grade,
                    skills=rng.sample(fam_skills, rng.randint(6, 12)),
                    kpis=rng.sample(fam_kpis, rng.randint(2, 5)),
                )
            )
        for rung, role in enumerate(ladder):
            # Stated lines for about half of the roles; the rest is left to inference.
            if rng.random() < 0.5:
                manager = 5 + max(0, rung - 4) if role.ic else rung + 1
                if manager < LADDER:
                    role.reports_to = ladder[manager].title
            if rng.random() < 0.5 and rung not in (4, 9):
                role.next_role = ladder[rung + 1].title
            if rng.random() < 0.2:
                role.lateral = [ladder[(rung + 5) % LADDER].title]
        out.extend(ladder)
    return out


def _prose(rng: random.Random, role: LibraryRole, sentences: int) -> str:
    parts = []
    for _ in range(sentences):
        template = rng.choice(SENTENCES)
        a, b, c = (rng.choice(role.skills) for _ in range(3))
        kpi, kpi2 = rng.choice(role.kpis), rng.choice(role.kpis)
        parts.append(
            template.format(
                title=role.title, a=a, b=b, c=c, kpi=kpi, kpi2=kpi2, area=role.area, specialty=role.specialty
            )
        )
    return " ".join(parts)


def _blueprint(rng: random.Random, role: LibraryRole) -> str:
    lines = [
        "---",
        f"title: {role.title}",
        f"family: {role.family}",
        "---",
        "",
        f"# {role.title}",
        "",
        "## Summary",
        "",
        _prose(rng, role, 3),
        "",
        "## Responsibilities",
        "",
    ]
    lines += [f"- Drive {skill} for the {role.area} {role.specialty} systems" for skill in role.skills[:4]]
    lines += ["", "## Skills", ""]
    lines += [f"- {skill}" for skill in role.skills]
    lines += ["", "## KPIs", ""]
    lines += [f"- {kpi}" for kpi in role.kpis]
    career = []
    if role.reports_to:
        career.append(f"**Reports to:** {role.reports_to}")
    if role.next_role:
        career.append(f"**Promotes to:** {role.next_role}")
    if role.lateral:
        career.append(f"**Lateral moves:** {', '.join(role.lateral)}")
    if career:
        lines += ["", "## Career Path", "", *career]
    return "\n".join(lines) + "\n"


def _yaml_role(rng: random.Random, role: LibraryRole) -> dict:
    entry: dict = {"title": role.title, "family": role.family}
    if role.grade is not None:
        entry["grade"] = role.grade
    entry["summary"] = _prose(rng, role, 2)
    entry["skills"] = [s if i % 3 else {"name": s, "importance": "high"} for i, s in enumerate(role.skills)]
    entry["kpis"] = list(role.kpis)
    if role.reports_to:
        entry["reports_to"] = role.reports_to
    if role.next_role:
        entry["next_roles"] = [role.next_role]
    if role.lateral:
        entry["lateral"] = role.lateral
    return entry


def _job_family(rng: random.Random, ladder: list[LibraryRole]) -> str:
    family = ladder[0].family
    shared = ladder[0].skills[:3]
    lines = ["---", f'title: "{family}"', "---", "", f"The {family} job family builds {shared[0]} and {shared[1]}.", ""]
    for role in ladder:
        lines += [f"## {role.title}", "", _prose(rng, role, 2), ""]
        if role.grade is not None:
            lines += ["### Job Grade", "", f"The {role.title} is a [grade {role.grade}](/handbook/grades/).", ""]
        lines += ["### Responsibilities", ""]
        lines += [f"- Improve {skill} for the team" for skill in role.skills[:4]]
        lines += ["", "### Requirements", ""]
        lines += [f"- Experience with {skill}" for skill in role.skills[4:]]
        lines += ["", "### Performance Indicators", ""]
        lines += [f"- {kpi}" for kpi in role.kpis]
        lines += [""]
    lines += ["## Career Ladder", ""]
    for low, high in pairwise(ladder):
        if low.ic == high.ic:
            lines.append(f"The next step for a {low.title} is {high.title}.")
    lines.append("")
    return "\n".join(lines)


def _slug(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-").replace("--", "-")


def write_library(folder: Path, roles: int = 1000, seed: int = 7) -> list[Path]:
    """Write the library into ``folder`` (emptied first); returns the documents written, sorted."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    rng = random.Random(seed * 31 + 1)
    all_roles = library_roles(roles, seed)
    written: list[Path] = []
    for start in range(0, len(all_roles), LADDER):
        ladder = all_roles[start : start + LADDER]
        family_dir = folder / _slug(ladder[0].family)
        family_dir.mkdir(parents=True, exist_ok=True)
        kind = (start // LADDER) % 4
        if kind == 0:
            path = family_dir / f"{_slug(ladder[0].specialty)}-job-family.md"
            path.write_text(_job_family(rng, ladder))
            written.append(path)
            continue
        for i, role in enumerate(ladder):
            if kind == 3 or (kind == 2 and i % 2):
                path = family_dir / f"{_slug(role.title)}.yaml"
                path.write_text(yaml.safe_dump(_yaml_role(rng, role), sort_keys=False, width=110))
            else:
                path = family_dir / f"{_slug(role.title)}.md"
                path.write_text(_blueprint(rng, role))
            written.append(path)
    return sorted(written)


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = write_library(args.folder, args.roles, args.seed)
    print(f"{len(paths)} documents, {sum(p.stat().st_size for p in paths):,} bytes in {args.folder}")


if __name__ == "__main__":
    cli()
