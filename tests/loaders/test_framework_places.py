"""Facts read from a JSON/YAML framework point at the lines of the data they came from."""

from __future__ import annotations

from pathlib import Path

from loaders.load import load_paths

LEVEL_LIST_YAML = """\
title: Data Engineering framework
levels:
  - name: L1
    skills:
      - SQL
      - Python
  - name: L2
    skills:
      - Airflow
      - Data modelling
"""

TOPICS_JSON = """\
{
  "topics": [
    {
      "title": "Craft",
      "content": [
        {"level": 1, "criteria": ["Writes tests for their code"]},
        {"level": 2, "criteria": ["Designs systems other teams build on"]}
      ]
    }
  ]
}
"""


def _roles(tmp_path: Path, name: str, text: str) -> dict[str, tuple[int, dict[str, int]]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = load_paths([tmp_path / name])
    assert not result.problems
    return {
        role.title: (role.line, {m.name: m.at.line for m in role.skills})
        for document in result.documents
        for role in document.roles
    }


def test_yaml_level_list_facts_name_the_lines_of_their_level_and_skill(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "ladder.yaml", LEVEL_LIST_YAML)
    assert roles == {
        "Data Engineering L1": (3, {"SQL": 5, "Python": 6}),
        "Data Engineering L2": (7, {"Airflow": 9, "Data modelling": 10}),
    }


def test_json_records_tagged_with_a_level_place_each_theme_at_its_criterion(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "topics.json", TOPICS_JSON)
    assert roles == {"Topics Level 1": (6, {"Craft": 6}), "Topics Level 2": (7, {"Craft": 7})}
