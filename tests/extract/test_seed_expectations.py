"""What the first seed's roles must yield, written by hand from the seed text before any extraction ran.

Each expectation quotes (in a comment) the words of the summary it comes from; the names are the
canonical names of ``seeds/taxonomy``.
"""

from __future__ import annotations

import pytest

EXPECTED_SKILLS: dict[str, set[str]] = {
    # "strategy, reliability, security, cost efficiency ... cloud platforms ... cloud infrastructure"
    "VP of Cloud Engineering": {"strategic planning", "cost optimization", "cloud infrastructure"},
    # "Site Reliability Engineering team ... resiliency ... operational excellence ... people leadership ...
    # technical judgment ... reliability practices (SLOs, error budgets, observability, incident management,
    # capacity planning)"
    "SRE Manager": {
        "site reliability engineering",
        "SLOs",
        "error budgets",
        "observability",
        "incident management",
        "capacity planning",
        "people leadership",
        "technical leadership",
        "reliability engineering",
        "resilience engineering",
        "operational excellence",
    },
    # "reliability roadmap ... reliability standards (SLOs/SLIs/error budgets), incident and problem management
    # rigor, observability maturity, capacity and resilience engineering practices, and automation that
    # reduces toil"
    "SRE Director": {
        "site reliability engineering",
        "SLOs",
        "SLIs",
        "error budgets",
        "incident management",
        "problem management",
        "observability",
        "capacity planning",
        "resilience engineering",
        "automation",
        "toil reduction",
        "reliability engineering",
        "roadmapping",
        "operating model design",
    },
    # "reliably delivering software outcomes ... engineering culture ... execution management ... people
    # leadership (coaching, performance, hiring) and technical stewardship (engineering standards, quality,
    # architecture alignment)"
    "Software Engineering Manager": {
        "software delivery",
        "engineering culture",
        "delivery management",
        "people leadership",
        "coaching",
        "hiring",
        "technical leadership",
        "engineering standards",
        "software architecture",
    },
    # "operational excellence ... a team of SREs who build the systems, automation ... people leadership with
    # hands-on technical direction"
    "Site Reliability Engineering Manager": {
        "site reliability engineering",
        "operational excellence",
        "automation",
        "people leadership",
        "technical leadership",
    },
    # "security strategy into pragmatic engineering roadmaps, ensures secure-by-default architecture patterns,
    # and embeds security controls into modern SDLC and cloud-native platforms"
    "Security Engineering Manager": {
        "security engineering",
        "security strategy",
        "roadmapping",
        "security architecture",
        "security controls",
        "software development lifecycle",
        "cloud-native architecture",
    },
    # "quality engineering function ... reliability, usability ... end-to-end test strategy ... balancing
    # automation and human judgment to prevent defects"
    "QA Engineering Manager": {
        "quality engineering",
        "user experience",
        "test strategy",
        "automation",
        "defect prevention",
    },
    # "reducing security risk ... release processes ... the product security (application security) program"
    "Product Security Manager": {"security risk management", "release management", "application security"},
    # "protect personal data ... privacy requirements (legal, regulatory, and policy) ... "privacy by design"
    # into the software development lifecycle"
    "Privacy Engineering Manager": {
        "privacy engineering",
        "data protection",
        "privacy compliance",
        "privacy by design",
        "software development lifecycle",
    },
    # "Internal Developer Platform (IDP) ... ship software safely, quickly, and cost-effectively ... people
    # leadership, platform product thinking ... "paved roads" (golden paths), self-service workflows"
    "Platform Engineering Manager": {
        "platform engineering",
        "internal developer platform",
        "software delivery",
        "cost optimization",
        "people leadership",
        "platform as a product",
        "golden paths",
        "self-service platforms",
    },
    # "observability capabilities—logs, metrics, traces, profiling, alerting, and service-level reporting ...
    # people leadership with platform engineering, reliability practices, and cross-functional enablement"
    "Observability Engineering Manager": {
        "observability",
        "logging",
        "metrics",
        "distributed tracing",
        "profiling",
        "alerting",
        "SLO reporting",
        "people leadership",
        "platform engineering",
        "reliability engineering",
        "cross-functional collaboration",
    },
    # "mobile applications (iOS and/or Android) ... people leadership and delivery accountability with strong
    # technical judgment across mobile architecture, release engineering, and operational excellence"
    "Mobile Engineering Manager": {
        "mobile development",
        "iOS",
        "Android",
        "people leadership",
        "delivery management",
        "technical leadership",
        "mobile architecture",
        "release engineering",
        "operational excellence",
    },
    # "machine learning (ML) models ... ML engineering, platform engineering, DevOps/SRE, data engineering ...
    # data science output ... cost-effective"
    "MLOps Manager": {
        "MLOps",
        "machine learning",
        "ML engineering",
        "platform engineering",
        "DevOps",
        "site reliability engineering",
        "data engineering",
        "data science",
        "cost optimization",
    },
    # "people leadership with hands-on technical direction across model development, ML platforms (MLOps),
    # production reliability, and cross-functional delivery"
    "Machine Learning Engineering Manager": {
        "ML engineering",
        "machine learning",
        "people leadership",
        "technical leadership",
        "model development",
        "ML platforms",
        "MLOps",
        "reliability engineering",
        "cross-functional collaboration",
    },
    # "compute, network, storage ... people leadership, operational excellence, and technical direction ...
    # cost-effective"
    "Infrastructure Engineering Manager": {
        "infrastructure engineering",
        "compute platforms",
        "networking",
        "storage",
        "people leadership",
        "operational excellence",
        "technical leadership",
        "cost optimization",
    },
    # "strategy and operating model for reliability ... operational excellence ... service-level objectives
    # (SLOs) and risk tolerances"
    "Head of SRE": {
        "site reliability engineering",
        "strategic planning",
        "operating model design",
        "operational excellence",
        "SLOs",
        "risk management",
    },
    # "SRE strategy, operating model, and reliability standards ... scalable automation, observability, incident
    # response capabilities, and resilient infrastructure patterns"
    "Head of Site Reliability Engineering": {
        "site reliability engineering",
        "operational excellence",
        "strategic planning",
        "operating model design",
        "reliability engineering",
        "automation",
        "observability",
        "incident response",
        "resilience engineering",
    },
    # "the reliability strategy, operating model, and engineering standards ... control operational risk"
    "Head of Reliability Engineering": {
        "reliability engineering",
        "operating model design",
        "engineering standards",
        "risk management",
    },
    # "internal developer platform ... ship software ... strategy, roadmap ... (cloud foundations, CI/CD,
    # infrastructure automation, observability, reliability practices, and developer experience)"
    "Head of Platform Engineering": {
        "platform engineering",
        "internal developer platform",
        "software delivery",
        "strategic planning",
        "roadmapping",
        "cloud infrastructure",
        "CI/CD",
        "infrastructure as code",
        "observability",
        "reliability engineering",
        "developer experience",
    },
    # "operating model ... machine learning (ML) and AI solutions ... privacy"
    "Head of MLOps": {"MLOps", "operating model design", "machine learning", "AI engineering", "privacy engineering"},
    # "business strategy into machine learning (ML) capabilities ... ML vision and operating model ... ML
    # engineering and applied science teams ... strong MLOps, governance"
    "Head of Machine Learning": {
        "business acumen",
        "machine learning",
        "strategic planning",
        "operating model design",
        "ML engineering",
        "data science",
        "MLOps",
        "technology governance",
    },
    # "ship software safely, quickly, and cost-effectively ... (often including cloud infrastructure,
    # Kubernetes/platform engineering, networking, observability, and incident management)"
    "Head of Infrastructure Engineering": {
        "infrastructure engineering",
        "software delivery",
        "cost optimization",
        "cloud infrastructure",
        "Kubernetes",
        "platform engineering",
        "networking",
        "observability",
        "incident management",
    },
    # "reliability, scalability, security, and cost-effectiveness ... infrastructure platforms ... infrastructure
    # strategy and operating model"
    "Head of Infrastructure": {
        "scalability",
        "cost optimization",
        "infrastructure engineering",
        "strategic planning",
        "operating model design",
    },
    # "translates product and business strategy ... establishes the operating model"
    "Head of Engineering": {"product strategy", "business acumen", "operating model design"},
    # "cost efficiency ... owns the DevOps/SRE/platform engineering strategy and operating model"
    "Head of DevOps": {
        "cost optimization",
        "DevOps",
        "site reliability engineering",
        "platform engineering",
        "strategic planning",
        "operating model design",
    },
    # "data engineering capability ... governance mechanisms ... data products ... data engineering strategy ...
    # ingestion, transformation, orchestration, storage ... analytics ... machine learning"
    "Head of Data Engineering": {
        "data engineering",
        "technology governance",
        "data products",
        "strategic planning",
        "data ingestion",
        "data orchestration",
        "storage",
        "data analytics",
        "machine learning",
    },
    # "cost efficiency ... cloud platforms ... landing zones, networking, identity, compute platforms, CI/CD
    # enablement, observability foundations, infrastructure as code, and operational automation"
    "Head of Cloud Engineering": {
        "cost optimization",
        "cloud infrastructure",
        "landing zones",
        "networking",
        "identity and access management",
        "compute platforms",
        "CI/CD",
        "observability",
        "infrastructure as code",
        "automation",
    },
    # "AI engineering capability ... AI services ... AI strategy ... cost-effective"
    "Head of AI Engineering": {"AI engineering", "artificial intelligence", "strategic planning", "cost optimization"},
    # "reliability, resilience, and operational excellence ... Site Reliability Engineering strategy ...
    # operational readiness"
    "Global Head of SRE": {
        "site reliability engineering",
        "resilience engineering",
        "operational excellence",
        "strategic planning",
        "production readiness",
    },
    # "internal platform(s) ... platform engineering strategy and operating model ... developer experience,
    # reliability engineering, security, and cost management"
    "Global Head of Platform Engineering": {
        "internal developer platform",
        "platform engineering",
        "strategic planning",
        "operating model design",
        "developer experience",
        "reliability engineering",
        "cost optimization",
    },
}

EXPECTED_KPIS: dict[str, set[str]] = {
    "SRE Manager": {"availability"},  # "the availability, performance, resiliency"
    "Site Reliability Engineering Manager": {"availability", "development velocity"},  # "delivery velocity"
    "Head of SRE": {"availability"},
    "Head of DevOps": {"availability"},  # "uptime and performance expectations"
    "Global Head of SRE": {"availability", "latency"},  # "availability, latency, durability"
}

# Everything the Head of SRE summary may yield: its expected skills and nothing else.
HEAD_OF_SRE_ALLOWED = EXPECTED_SKILLS["Head of SRE"]


def _names(facts) -> set[str]:
    return {fact.name for fact in facts}


def test_every_blueprint_role_is_covered(seed_roles):
    assert len(seed_roles) == 30
    assert set(EXPECTED_SKILLS) == set(seed_roles)


@pytest.mark.parametrize("title", sorted(EXPECTED_SKILLS))
def test_role_has_its_expected_skills(seed_facts, title):
    extracted = _names(seed_facts[title].skills)
    assert EXPECTED_SKILLS[title] <= extracted, sorted(EXPECTED_SKILLS[title] - extracted)


@pytest.mark.parametrize("title", sorted(EXPECTED_KPIS))
def test_role_has_its_expected_kpis(seed_facts, title):
    extracted = _names(seed_facts[title].kpis)
    assert EXPECTED_KPIS[title] <= extracted, sorted(EXPECTED_KPIS[title] - extracted)


def test_blueprint_skills_all_come_from_the_taxonomy(seed_facts):
    for facts in seed_facts.values():
        assert all(fact.in_taxonomy and fact.category for fact in facts.skills)


def test_head_of_sre_yields_nothing_else(seed_facts):
    assert _names(seed_facts["Head of SRE"].skills) == HEAD_OF_SRE_ALLOWED


def test_no_programming_language_from_ordinary_words(seed_facts):
    # "good", "going", "ai" inside words, "R" in nothing: languages only where named.
    languages = {"Go", "Ruby", "Python", "Java", "Swift", "Kotlin"}
    for facts in seed_facts.values():
        assert not _names(facts.skills) & languages


def test_blueprints_name_no_kpi_they_do_not_mention(seed_facts):
    assert not _names(seed_facts["Privacy Engineering Manager"].kpis)
    assert not _names(seed_facts["Head of AI Engineering"].kpis)
