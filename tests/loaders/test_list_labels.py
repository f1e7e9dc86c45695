"""A list item that ends with a colon and introduces a sub-list is a label, not a skill or a KPI."""

from graph.model import SectionKind
from loaders import load_file
from loaders.markdown import Span, parse_outline

PAGE = """## Performance Indicators

- Handbook MR Rate
- Infrastructure Specialty:
  - Infrastructure cost vs plan
- Uptime:
- Apdex
"""


def test_a_label_item_with_nested_items_is_no_mention():
    outline = parse_outline(PAGE)
    _, kpis = outline.mentions(Span("Performance Indicators", SectionKind.KPIS, 2, 8), "p.md")
    assert [(k.name, k.at.line) for k in kpis] == [
        ("Handbook MR Rate", 3),
        ("Infrastructure cost vs plan", 5),
        ("Uptime:", 6),  # ends with a colon but introduces nothing: still an item
        ("Apdex", 7),
    ]


def test_the_engineering_analyst_kpis_leave_out_the_specialty_label(corpus):
    page = load_file(corpus / "engineering/quality/engineering-analytics/engineering-analyst.md", root=corpus)
    assert len(page.roles) == 9
    for role in page.roles:
        assert [(k.name, k.at.line) for k in role.kpis if k.at.line >= 157] == [
            ("Engineering PI Content MR Rate", 157),
            ("Handbook MR Rate", 158),
            ("Open Engineering Analytics Issue Age", 159),
            ("Infrastructure Cost per GitLab.com Monthly Active Users", 161),
            ("Infrastructure cost vs plan", 162),
        ], role.title
