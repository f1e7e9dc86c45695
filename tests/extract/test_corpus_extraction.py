"""Extraction over everything the loaders read: the seeds and the shared GitLab job-family corpus."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from graph.extract import extract_role_facts

ITEM_LINES = 4  # a wrapped list item spans at most this many lines in these documents


def _source_file(source: str, corpus_dir: Path, repo_root: Path) -> Path:
    for root in (corpus_dir, repo_root / "seeds"):
        if (root / source).is_file():
            return root / source
    raise AssertionError(f"no file for source {source!r}")


def test_every_corpus_page_yields_a_taxonomy_skill(corpus_dir, matcher, whole_file):
    pages = sorted(p for p in corpus_dir.rglob("*.md") if p.name != "SOURCE.md")
    assert len(pages) == 35
    empty = [
        str(page.relative_to(corpus_dir))
        for page in pages
        if not any(f.in_taxonomy for f in extract_role_facts(whole_file(page, corpus_dir), matcher).skills)
    ]
    assert empty == []


def test_every_loaded_corpus_page_yields_a_taxonomy_skill(corpus_dir, loaded_facts):
    skills_by_page: dict[str, int] = defaultdict(int)
    for role, facts in loaded_facts:
        skills_by_page[role.source] += sum(f.in_taxonomy for f in facts.skills)
    corpus_pages = {str(p.relative_to(corpus_dir)) for p in corpus_dir.rglob("*.md") if p.name != "SOURCE.md"}
    pages_with_roles = corpus_pages & set(skills_by_page)
    assert len(pages_with_roles) >= 30
    assert [page for page in sorted(pages_with_roles) if skills_by_page[page] == 0] == []


def test_every_evidence_line_names_its_fact(corpus_dir, repo_root, loaded_facts, matcher):
    """The file line of each in-taxonomy fact contains a surface of it.

    An extracted surface starts on its evidence line (and may continue on the next, wrapped line); a stated
    fact's line is the first line of its list item, which may wrap over the next few lines.
    """
    files: dict[str, list[str]] = {}
    wrong = []
    for role, facts in loaded_facts:
        lines = files.setdefault(
            role.source, _source_file(role.source, corpus_dir, repo_root).read_text("utf-8").splitlines()
        )
        for kind, group in (("skill", facts.skills), ("kpi", facts.kpis)):
            for fact in group:
                if not fact.in_taxonomy or fact.evidence.line == 0:
                    continue
                assert fact.evidence.source == role.source
                first = fact.evidence.line - 1
                item_lines = 2 if fact.evidence.method == "extracted" else ITEM_LINES
                window = " ".join(lines[first : first + item_lines])
                limit = len(lines[first]) if fact.evidence.method == "extracted" else len(window)
                found = [m for m in matcher.find(window, kind) if m.canonical == fact.name and m.start < limit]
                if not found:
                    wrong.append((role.source, fact.evidence.line, fact.name))
    assert wrong == []


def test_extracted_evidence_sentences_are_short_and_name_the_fact(loaded_facts, matcher):
    for _, facts in loaded_facts:
        for fact in facts.skills:
            if fact.evidence.method == "extracted":
                assert 0 < len(fact.evidence.evidence) <= 300
                assert fact.name in {m.canonical for m in matcher.find(fact.evidence.evidence)}


def test_mean_time_to_production_is_found_in_the_infrastructure_page(matcher, whole_file, infrastructure_page):
    facts = extract_role_facts(whole_file(infrastructure_page, infrastructure_page.parent), matcher)
    mttp = next(k for k in facts.kpis if k.name == "Mean Time to Production")
    assert mttp.evidence.evidence.startswith("Owning the [Mean Time to Production]")  # raw file: links kept
    lines = infrastructure_page.read_text("utf-8").splitlines()
    assert "Mean Time to Production" in lines[mttp.evidence.line - 1]
    assert {"Infrastructure Performance Indicators", "availability"} <= {k.name for k in facts.kpis}


def test_the_delivery_specialty_owns_mean_time_to_production(loaded_facts):
    delivery = [f for r, f in loaded_facts if r.title == "Manager, Infrastructure (Delivery)"]
    assert delivery and all("Mean Time to Production" in {k.name for k in f.kpis} for f in delivery)


def test_dora_and_reliability_kpis_where_named(loaded_facts):
    kpis_by_title = defaultdict(set)
    for role, facts in loaded_facts:
        kpis_by_title[role.title] |= {k.name for k in facts.kpis}
    assert {"deployment frequency", "cycle time", "development velocity"} <= kpis_by_title["Technical Program Manager"]
    assert {"MTTD", "MTTR", "MTBF", "Mean Time to Production", "availability", "SLO attainment"} <= kpis_by_title[
        "Site Reliability Engineer"
    ]
    assert "lead time for changes" in kpis_by_title["Head of Platform Engineering"]


def test_site_reliability_engineer_page_reads_right(loaded_facts):
    sre = [facts for role, facts in loaded_facts if role.title == "Site Reliability Engineer"]
    skills = {fact.name for facts in sre for fact in facts.skills}
    assert {"Terraform", "Ansible", "Chef", "Kubernetes", "Prometheus", "Grafana", "CI/CD", "on-call"} <= skills
    assert {"Swift", "iOS"}.isdisjoint(skills)
