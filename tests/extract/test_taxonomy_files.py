"""The curated taxonomies and the loader's merge and error rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from graph.errors import DocumentError
from graph.extract import Matcher, alias_conflicts, function_for_title, normalize_term
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR, load_taxonomy


def test_sizes_are_in_the_curated_ranges(taxonomy):
    assert 600 <= len(taxonomy.skills) <= 800  # grown for issue 10 (technologies, management competencies)
    assert 40 <= len(taxonomy.kpis) <= 90
    assert 20 <= len(taxonomy.functions) <= 60  # business functions added with business.yaml
    assert [Path(s).name for s in taxonomy.sources] == ["skills.yaml", "kpis.yaml", "functions.yaml", "business.yaml"]


@pytest.mark.parametrize("section", ["skills", "kpis", "functions"])
def test_no_normalised_name_or_alias_is_claimed_twice(section):
    """Reads the raw files, so duplicates the loader would merge are caught too."""
    raw = yaml.safe_load((DEFAULT_TAXONOMY_DIR / f"{section}.yaml").read_text(encoding="utf-8"))[section]
    words = "keywords" if section == "functions" else "aliases"
    owners: dict[str, str] = {}
    clashes = []
    for entry in raw:
        for term in {normalize_term(t) for t in [entry["name"], *entry.get(words, [])]}:
            if owners.setdefault(term, entry["name"]) != entry["name"]:
                clashes.append((term, owners[term], entry["name"]))
    assert clashes == []


def test_the_loaded_taxonomy_has_no_alias_conflicts(taxonomy):
    assert alias_conflicts(taxonomy) == []


def test_every_category_used_is_declared(taxonomy):
    declared = set(yaml.safe_load((DEFAULT_TAXONOMY_DIR / "skills.yaml").read_text(encoding="utf-8"))["categories"])
    used = {skill.category for skill in taxonomy.skills}
    assert used <= declared
    assert 15 <= len(declared) <= 18
    assert used == declared  # no empty category


def test_brief_skills_and_kpis_are_present(matcher):
    for skill in ["hiring", "coaching", "mentoring", "performance management", "roadmapping", "budgeting",
                  "stakeholder management", "incident command", "strategic planning", "organizational design",
                  "cross-functional collaboration", "SLIs", "chaos engineering", "GitOps", "threat modeling",
                  "SAST", "DAST", "data governance", "feature stores", "model monitoring", "LLMs", "test automation",
                  "PostgreSQL"]:  # fmt: skip
        assert matcher.lookup(skill) == skill
    for kpi in ["deployment frequency", "lead time for changes", "change failure rate", "time to restore service",
                "MTTR", "MTTD", "error budget burn rate", "vulnerability remediation time", "escaped defects",
                "crash-free sessions", "model drift", "time to hire", "regretted attrition", "employee engagement",
                "team member retention"]:  # fmt: skip
        assert matcher.lookup(kpi, "kpi") == kpi


def test_functions_form_a_tree_per_business_function_with_engineering_whole(taxonomy):
    names = {f.name for f in taxonomy.functions}
    assert all(f.parent is None or f.parent in names for f in taxonomy.functions)
    roots = [f.name for f in taxonomy.functions if f.parent is None]
    assert roots == [
        "Engineering", "Finance", "People", "Sales", "Marketing", "Customer Success", "Legal", "Administration"
    ]
    engineering = yaml.safe_load((DEFAULT_TAXONOMY_DIR / "functions.yaml").read_text(encoding="utf-8"))["functions"]
    assert [f["name"] for f in engineering if f["parent"] is None] == ["Engineering"]


def test_business_titles_are_placed_in_business_functions_and_engineering_titles_stay(taxonomy):
    matcher = Matcher.from_taxonomy(taxonomy)
    placed = {title: function_for_title(title, matcher) for title in (
        "Staff Accountant", "Payroll Officer", "HR Generalist", "Recruiter", "Sales Engineer", "General Counsel",
        "Customer Success Manager", "Executive Assistant", "Software Engineer", "Database Administrator",
        "Site Reliability Engineer", "Backend Engineer, Fulfillment",
    )}
    assert placed == {
        "Staff Accountant": "Accounting", "Payroll Officer": "Payroll", "HR Generalist": "People",
        "Recruiter": "Talent Acquisition", "Sales Engineer": "Sales", "General Counsel": "Legal",
        "Customer Success Manager": "Customer Success", "Executive Assistant": "Administration",
        "Software Engineer": "Software Development", "Database Administrator": "Database Engineering",
        "Site Reliability Engineer": "SRE", "Backend Engineer, Fulfillment": "Backend",
    }


@pytest.fixture
def taxonomy_copy(tmp_path) -> Path:
    folder = tmp_path / "taxonomy"
    shutil.copytree(DEFAULT_TAXONOMY_DIR, folder)
    return folder


def test_an_extension_file_adds_skills_and_aliases(taxonomy_copy):
    (taxonomy_copy / "team-extras.yaml").write_text(
        "skills:\n"
        "  - {name: eBPF, category: observability, aliases: [extended BPF]}\n"
        "  - {name: SLOs, aliases: [reliability targets]}\n"
        "kpis:\n"
        "  - {name: pager fatigue, aliases: [pages per engineer]}\n",
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(taxonomy_copy)
    matcher = Matcher.from_taxonomy(taxonomy)
    assert [m.canonical for m in matcher.find("eBPF probes and reliability targets")] == ["eBPF", "SLOs"]
    assert matcher.lookup("pages per engineer", "kpi") == "pager fatigue"
    slos = next(s for s in taxonomy.skills if s.name == "SLOs")
    assert slos.category == "reliability" and "reliability targets" in slos.aliases
    assert Path(taxonomy.sources[-1]).name == "team-extras.yaml"


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("skills:\n  - {name: A, category: reliability}\n  - {name: B, category: nonsense}\n", 3, "not declared"),
        ("skills:\n  - {name: A}\n", 2, "no category"),
        ("skills:\n  - {name: Fresh, category: reliability, aliases: [SLO]}\n", 2, "already names 'SLOs'"),
        ("skills:\n  - {name: A, category: reliability, colour: red}\n", 2, "colour"),
        ("skills:\n  - {name: A, category: [1, 2]}\n", 2, "category"),
        ("functions:\n  - {name: Rocketry, parent: Aerospace}\n", 2, "unknown parent"),
        ("skils:\n  - {name: A}\n", 1, "unknown top-level key 'skils'"),
        ("skills:\n  - {name: A, category: reliability\n", 3, "invalid YAML"),
        ("skills: nope\n", 1, "must be a list"),
    ],
)
def test_malformed_files_raise_with_file_and_line(taxonomy_copy, content, line, message):
    (taxonomy_copy / "broken.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=message) as caught:
        load_taxonomy(taxonomy_copy)
    assert caught.value.path.endswith("broken.yaml")
    assert caught.value.line == line


def test_a_missing_folder_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError, match="not found"):
        load_taxonomy(tmp_path / "nowhere")


def test_a_parent_cycle_is_refused(taxonomy_copy):
    (taxonomy_copy / "cycle.yaml").write_text(
        "functions:\n  - {name: Loop A, parent: Loop B}\n  - {name: Loop B, parent: Loop A}\n", encoding="utf-8"
    )
    with pytest.raises(DocumentError, match="cycle"):
        load_taxonomy(taxonomy_copy)


def test_everyday_words_do_not_name_people_kpis(matcher):
    text = "improve our partnership through product engagement; retention of knowledge"
    assert [m.canonical for m in matcher.find(text, "kpi")] == []
    assert [m.canonical for m in matcher.find("Employee engagement and retention rate", "kpi")] == [
        "employee engagement",
        "team member retention",
    ]
