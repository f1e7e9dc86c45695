"""Tracks and fork points read from sentences by one grammar (``loaders.layouts.tracks``).

Each document is a small ladder written for the sentence under test; the expectations say what a
reader takes from the sentence.
"""

from __future__ import annotations

import pytest

from loaders.layouts import interpret
from loaders.readers.markdown import read_markdown

_LEVELS = "## Junior Engineer\n\n- Git\n\n## Engineer\n\n- Go\n\n## Senior Engineer\n\n- Design\n\n"
_LEVELS += "## Staff Engineer\n\n- Strategy\n\n## Engineering Manager\n\n- Hiring\n"


def _roles(intro: str, levels: str = _LEVELS):
    outcome = interpret(read_markdown(f"# Engineering ladder\n\n{intro}\n\n{levels}", "ladder.md"))
    assert outcome.layout == "ladder"
    return {role.title: role for role in outcome.roles}


def _extracted(roles):
    return {(r.title, p.title) for r in roles.values() for p in r.promotes_to if p.at.method == "extracted"}


@pytest.mark.parametrize(
    "sentence",
    [
        "At Senior Engineer the ladder splits into Staff Engineer and Engineering Manager.",
        "From Senior Engineer on, the ladder splits into Staff Engineer or Engineering Manager.",
        "After Senior Engineer the path branches into Staff Engineer and Engineering Manager.",
    ],
)
def test_a_fork_point_and_the_levels_it_splits_into(sentence):
    roles = _roles(sentence)
    assert [p.title for p in roles["Senior Engineer"].promotes_to] == ["Staff Engineer", "Engineering Manager"]
    assert _extracted(roles) == {("Senior Engineer", "Engineering Manager")}  # the other branch is the order's
    assert roles["Staff Engineer"].promotes_to == []  # the branch before the second one does not step into it
    ref = roles["Senior Engineer"].promotes_to[1]
    assert ref.at.evidence == sentence and ref.at.method == "extracted" and ref.at.line == 3


def test_a_track_that_opens_after_a_level_starts_at_its_first_level():
    levels = _LEVELS + "\n## Director of Engineering\n\n- Budgets\n"
    roles = _roles("The management track is open to people who have reached Senior Engineer.", levels)
    assert _extracted(roles) == {("Senior Engineer", "Engineering Manager")}


def test_levels_in_a_stated_range_take_its_track():
    levels = "## IC1\n\n- Git\n\n## IC2\n\n- Go\n\n## IC3\n\n- Design\n\n## M1\n\n- Hiring\n\n## M2\n\n- Budgets\n"
    roles = _roles("The ladder has an individual contributor track (IC1–IC3) and a manager track (M1-M2).", levels)
    assert {title: role.track for title, role in roles.items()} == {
        "Engineering IC1": "ic",
        "Engineering IC2": "ic",
        "Engineering IC3": "ic",
        "Engineering M1": "management",
        "Engineering M2": "management",
    }
    assert roles["Engineering M2"].track_at.evidence.startswith("The ladder has an individual contributor track")


@pytest.mark.parametrize(
    ("sentence", "track"),
    [
        ("These levels describe a technical track for engineers who want to keep coding.", "ic"),
        ("The levels below are not a people management track.", "ic"),
        ("This ladder is the management track of the engineering department.", "management"),
    ],
)
def test_a_sentence_about_the_whole_ladder_puts_its_levels_on_a_track(sentence, track):
    levels = "## Level 1\n\n- Git\n\n## Level 2\n\n- Go\n\n## Level 3\n\n- Design\n"
    roles = _roles(sentence, levels)
    assert {role.track for role in roles.values()} == {track}
    assert all(role.track_at.evidence == sentence for role in roles.values())


@pytest.mark.parametrize(
    "sentence",
    [
        "Product Management and engineering work together on technical debt.",
        "Different competencies matter for different career tracks.",
        "From Senior Engineer we expect design reviews.",
        "At Senior Engineer you own the design of a service.",
        "Engineers keep track of their goals after Senior Engineer reviews.",
    ],
)
def test_sentences_that_state_no_track_or_fork_add_nothing(sentence):
    roles = _roles(sentence)
    assert _extracted(roles) == set()
    assert all(role.track_at is None or role.track_at.method == "stated" for role in roles.values())
