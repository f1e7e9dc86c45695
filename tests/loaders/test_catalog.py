import pytest

from graph.model import SectionKind
from loaders import load_file

TITLES = [
    "VP of Cloud Engineering",
    "SRE Manager",
    "SRE Director",
    "Software Engineering Manager",
    "Site Reliability Engineering Manager",
    "Security Engineering Manager",
    "QA Engineering Manager",
    "Product Security Manager",
    "Privacy Engineering Manager",
    "Platform Engineering Manager",
    "Observability Engineering Manager",
    "Mobile Engineering Manager",
    "MLOps Manager",
    "Machine Learning Engineering Manager",
    "Infrastructure Engineering Manager",
    "Head of SRE",
    "Head of Site Reliability Engineering",
    "Head of Reliability Engineering",
    "Head of Platform Engineering",
    "Head of MLOps",
    "Head of Machine Learning",
    "Head of Infrastructure Engineering",
    "Head of Infrastructure",
    "Head of Engineering",
    "Head of DevOps",
    "Head of Data Engineering",
    "Head of Cloud Engineering",
    "Head of AI Engineering",
    "Global Head of SRE",
    "Global Head of Platform Engineering",
]

SRE_MANAGER_SUMMARY = (
    "The SRE Manager leads a Site Reliability Engineering team responsible for the availability, performance, "
    "resiliency, and operational excellence of production systems. This role blends people leadership with strong "
    "technical judgment to implement reliability practices (SLOs, error budgets, observability, incident management, "
    "capacity planning) that enable engineering teams to ship changes safely at scale."
)


@pytest.fixture(scope="module")
def catalog(repo):
    return load_file(repo / "seeds" / "engineering-leadership-role-blueprints.txt", root=repo)


def test_catalog_has_all_thirty_roles_in_order(catalog):
    doc = catalog
    assert doc.source.format == "catalog"
    assert doc.source.path == "seeds/engineering-leadership-role-blueprints.txt"
    assert doc.problems == []
    assert [role.title for role in doc.roles] == TITLES


def test_catalog_role_lines_and_summary(catalog):
    roles = {role.title: role for role in catalog.roles}
    sre = roles["SRE Manager"]
    assert (sre.line, sre.summary) == (3, SRE_MANAGER_SUMMARY)
    [section] = sre.sections
    assert (section.name, section.kind, section.line) == ("Summary", SectionKind.SUMMARY, 4)
    assert section.text == SRE_MANAGER_SUMMARY
    assert roles["Global Head of Platform Engineering"].line == 59
    assert roles["Global Head of Platform Engineering"].sections[0].line == 60
    assert roles["VP of Cloud Engineering"].summary.startswith("The VP of Cloud Engineering is the executive leader")
