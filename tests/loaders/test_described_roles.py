"""A single-role page's roles section: the page role again (an alias), other roles of their own, and the
steps between them its sentences state."""

from __future__ import annotations

import pytest

from loaders.load import load_file

PAGE = """# Tech Lead (TL) project role description

The Tech Lead is responsible for the technical direction of the project.

## Skills

- Release management
- Code review

## Technical leadership project roles

Any of these roles may be used on a project.

### Technical Lead (TL)

Technical Lead is the de facto role for a project engineering lead.

### Assistant Technical Lead (ATL)

The Assistant Technical Lead project role is the first step for an engineer to grow into a Technical Lead.
The ATL supports the TL on the project team.

## FAQs

- An individual could volunteer for the project role.
"""


@pytest.fixture
def read(tmp_path):
    """The document a Markdown text is read as (loaded from a file, as ``orgkg load`` reads it), and its
    roles by title."""

    def load(text: str, name: str = "tl.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        document = load_file(tmp_path / name, root=tmp_path)
        return document, {role.title: role for role in document.roles}

    return load


def test_a_subsection_naming_the_page_role_by_its_acronym_is_an_alias_not_a_second_role(read):
    document, roles = read(PAGE)
    assert document.source.format.rsplit(":", 1)[-1] == "single-role"
    assert list(roles) == ["Tech Lead", "Assistant Technical Lead"]
    assert roles["Tech Lead"].aliases == ["Technical Lead"]


def test_a_described_role_is_read_from_its_own_section_at_its_heading(read):
    _, roles = read(PAGE)
    assistant, lead = roles["Assistant Technical Lead"], roles["Tech Lead"]
    assert assistant.line == 18
    assert assistant.summary.startswith("The Assistant Technical Lead project role is the first step")
    assert "first step" not in " ".join(section.text for section in lead.sections)
    assert [m.name for m in lead.skills] == ["Release management", "Code review"]
    assert assistant.skills == []


def test_the_step_a_described_role_states_is_a_promotion_with_its_sentence(read):
    _, roles = read(PAGE)
    [step] = roles["Assistant Technical Lead"].promotes_to
    assert step.title == "Tech Lead"
    assert (step.at.source, step.at.line, step.at.method) == ("tl.md", 20, "stated")
    assert step.at.evidence == (
        "The Assistant Technical Lead project role is the first step for an engineer to grow into a Technical Lead."
    )
    assert roles["Tech Lead"].promotes_to == []


def test_a_step_sentence_that_does_not_name_the_role_itself_states_no_promotion(read):
    text = PAGE.replace(
        "The Assistant Technical Lead project role is the first step for an engineer to grow into a Technical Lead.",
        "Engineers often grow into a Technical Lead.",
    )
    _, roles = read(text)
    assert roles["Assistant Technical Lead"].promotes_to == []


def test_a_step_to_a_role_the_page_does_not_describe_is_left_to_the_prose_readers(read):
    text = PAGE.replace("grow into a Technical Lead", "grow into a Staff Engineer")
    _, roles = read(text)
    assert roles["Assistant Technical Lead"].promotes_to == []


def test_role_headings_under_roles_and_responsibilities_are_the_page_roles_duties(read):
    text = (
        "# Engineering Manager\n\nLeads a team.\n\n## Roles and responsibilities\n\n"
        "### People leader\n\nHires and coaches.\n\n### Technical leader\n\nSets direction.\n"
    )
    _, roles = read(text, "em.md")
    assert list(roles) == ["Engineering Manager"]


def test_a_role_heading_with_nothing_under_it_is_not_a_described_role(read):
    document, roles = read(PAGE + "\n## Other roles\n\n### Delivery Manager\n")
    assert list(roles) == ["Tech Lead", "Assistant Technical Lead"]
    assert [p.line for p in document.problems if p.cause == "role-like-heading"] == [29]


def test_a_described_role_can_sit_in_a_related_roles_section_of_a_page_without_acronyms(read):
    text = (
        "# Site Reliability Engineer\n\n## Skills\n\n- SLOs\n\n## Related roles\n\n"
        "### SRE Manager\n\nThe SRE Manager leads the SRE team.\n\n"
        "### Associate Site Reliability Engineer\n\n"
        "An Associate Site Reliability Engineer grows into a Site Reliability Engineer within two years.\n"
    )
    _, roles = read(text, "sre.md")
    assert list(roles) == ["Site Reliability Engineer", "SRE Manager", "Associate Site Reliability Engineer"]
    assert [p.title for p in roles["Associate Site Reliability Engineer"].promotes_to] == ["Site Reliability Engineer"]
    assert roles["SRE Manager"].promotes_to == []
    assert [m.name for m in roles["Site Reliability Engineer"].skills] == ["SLOs"]


def test_a_role_page_with_front_matter_aliases_stays_a_blueprint_and_keeps_them(read):
    text = (
        "---\naliases: [SRE]\n---\n# Site Reliability Engineer\n\n## Related roles\n\n"
        "### SRE Manager\n\nThe SRE Manager leads the SRE team.\n"
    )
    document, roles = read(text, "sre.md")
    assert document.source.format == "blueprint"
    assert list(roles) == ["Site Reliability Engineer"]
    assert roles["Site Reliability Engineer"].aliases == ["SRE"]
