"""An item of a skills list that says how much it matters — "CIPP qualification (desirable)", "Python
(preferred)", "Knowledge of PAYE (essential)" — counts as its word says, and the word is no skill."""

from __future__ import annotations

import pytest

from graph.extract.facts import SECTION_BASE_WEIGHT, extract_role_facts
from graph.model import Evidence, Mention, ParsedRole, Section, SectionKind

ITEMS = [
    "Advanced Excel",
    "CIPP qualification (desirable)",
    "Python (preferred)",
    "Experience with Airflow - nice to have",
    "Knowledge of PAYE (essential)",
]


def _facts(matcher, kind: SectionKind):
    mentions = [
        Mention(name=text, section=kind, at=Evidence(source="jd.md", line=10 + number, evidence=text))
        for number, text in enumerate(ITEMS)
    ]
    section = Section(name="Skills and experience", kind=kind, text="\n".join(ITEMS), line=10)
    role = ParsedRole(title="Payroll Officer", source="jd.md", line=1, sections=[section], skills=mentions)
    return {fact.name: fact for fact in extract_role_facts(role, matcher).skills}


def test_a_desirable_item_of_a_skills_list_weighs_as_nice_to_have(matcher):
    facts = _facts(matcher, SectionKind.SKILLS)
    nice = SECTION_BASE_WEIGHT[SectionKind.NICE_TO_HAVE]
    assert {name: facts[name].weight for name in ("CIPP qualification", "Python", "data orchestration")} == {
        "CIPP qualification": nice, "Python": nice, "data orchestration": nice
    }
    assert facts["spreadsheets"].weight == facts["PAYE"].weight == 1.0
    assert facts["CIPP qualification"].evidence.evidence == "CIPP qualification (desirable)"


def test_an_essential_item_of_a_nice_to_have_list_weighs_as_a_requirement(matcher):
    facts = _facts(matcher, SectionKind.NICE_TO_HAVE)
    assert facts["PAYE"].weight == 1.0
    assert facts["spreadsheets"].weight == SECTION_BASE_WEIGHT[SectionKind.NICE_TO_HAVE]


@pytest.mark.parametrize("kind", [SectionKind.SKILLS, SectionKind.REQUIREMENTS])
def test_the_word_that_marks_an_item_is_no_skill(matcher, kind):
    assert not {"desirable", "preferred", "essential", "nice to have"} & set(_facts(matcher, kind))
