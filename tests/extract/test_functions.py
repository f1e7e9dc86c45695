"""Every role title of the seeds and the corpus lands in a sensible function."""

from __future__ import annotations

import pytest

from graph.extract import function_for_title

PLACEMENTS = {
    "Head of SRE": "SRE",
    "SRE Director": "SRE",
    "Site Reliability Engineering Manager": "SRE",
    "Staff Site Reliability Engineer": "SRE",
    "Head of Reliability Engineering": "Reliability",
    "Director, Infrastructure (Reliability)": "Reliability",
    "Senior Database Reliability Engineer": "Database Reliability",
    "Head of Infrastructure": "Infrastructure",
    "Manager, Infrastructure": "Infrastructure",
    "Distinguished Engineer Infrastructure": "Infrastructure",
    "Manager, Infrastructure (Delivery)": "Delivery",
    "Senior Engineering Manager, Infrastructure (Platform)": "Platform Engineering",
    "Global Head of Platform Engineering": "Platform Engineering",
    "VP of Cloud Engineering": "Cloud Engineering",
    "Manager, Engineering (Cloud Efficiency Engineering)": "FinOps",
    "Staff FinOps Engineer": "FinOps",
    "Observability Engineering Manager": "Observability",
    "Engineering Manager, Monitoring": "Observability",
    "Head of DevOps": "DevOps",
    "Security Engineering Manager": "Security",
    "Product Security Manager": "Product Security",
    "Vulnerability Research Engineer": "Product Security",
    "Privacy Engineering Manager": "Privacy",
    "QA Engineering Manager": "Quality",
    "VP of Quality": "Quality",
    "Staff Software Engineer in Test": "Quality",
    "Senior Engineering Manager, Engineering Productivity": "Engineering Productivity",
    "Engineering Analyst": "Engineering Analytics",
    "Mobile Engineering Manager": "Mobile",
    "Head of Data Engineering": "Data Engineering",
    "Database Engineer": "Database Engineering",
    "Head of AI Engineering": "AI",
    "Machine Learning Engineering Manager": "ML",
    "Head of MLOps": "MLOps",
    "Software Engineering Manager": "Software Development",
    "VP of Development": "Software Development",
    "Senior Backend Engineer": "Backend",
    "Incubation Engineer": "Software Development",
    "Technical Program Manager": "Technical Program Management",
    "Director of Support Readiness": "Support Readiness",
    "Staff Support Engineer": "Support Engineering",
    "VP of Support": "Support",
    "Head of Engineering": "Engineering",
    "Chief Technology Officer": "Engineering",
    "Engineering Fellow": "Engineering",
}


@pytest.mark.parametrize(("title", "function"), sorted(PLACEMENTS.items()))
def test_titles_land_in_their_function(matcher, title, function):
    assert function_for_title(title, matcher) == function


def test_every_seed_and_corpus_title_has_a_function(matcher, loaded_roles):
    unplaced = sorted({role.title for role in loaded_roles if function_for_title(role.title, matcher) is None})
    assert unplaced == []


def test_a_title_without_keywords_has_no_function(matcher):
    assert function_for_title("Chief Happiness Officer", matcher) is None
