"""schema.org JobPosting — the JSON-LD a careers site publishes for each job (Google for Jobs asks for it)
— is read as the role it describes: from a job page's ``<script type="application/ld+json">`` or from a
JSON-LD feed of postings; a feed is a list of jobs, never a ladder.

The pages and the feed are written here in the shapes applicant tracking systems publish: the
description as HTML with its own headings and lists, skills as text or ``DefinedTerm`` nodes, experience
as ``OccupationalExperienceRequirements``, the page's text repeating the description among navigation.
"""

from __future__ import annotations

import json

from api.build import build_from_documents
from api.settings import Settings
from graph.model import SectionKind
from graph.orggraph import OrgGraph
from loaders.load import load_file

POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Senior Data Engineer",
    "identifier": {"@type": "PropertyValue", "name": "Northwind", "value": "DE-204"},
    "datePosted": "2026-10-01",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Northwind Traders", "sameAs": "https://northwind.example"},
    "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Leeds"}},
    "description": (
        "<p>Northwind is hiring a <strong>Senior Data Engineer</strong> for the Data Platform team. "
        "You will report to the Data Engineering Manager.</p>"
        "<h3>What you'll do</h3><ul><li>Design and build streaming pipelines in Python</li>"
        "<li>Mentor data engineers</li></ul>"
    ),
    "skills": "Spark, SQL, Airflow",
    "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 60},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP", "value": {"minValue": 70000, "maxValue": 85000}},
}

NAV = '<nav><a href="/">Home</a> <a href="/jobs">Kubernetes jobs</a></nav>'
FOOTER = "<footer><p>Apply now. Terraform your future with us.</p></footer>"


def _page(script: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n<title>Senior Data Engineer | Northwind careers</title>\n"
        f'<script type="application/ld+json">\n{script}\n</script>\n</head>\n<body>\n{NAV}\n{body}\n{FOOTER}\n'
        "</body>\n</html>\n"
    )


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _role(document, title):
    return next(role for role in document.roles if role.title == title)


def test_a_job_page_is_read_from_its_json_ld_posting(tmp_path):
    script = json.dumps(POSTING, indent=2)
    page = _page(script, "<main><h1>Senior Data Engineer</h1><p>Mentor data engineers.</p></main>")
    (tmp_path / "senior-data-engineer.html").write_text(page)
    document = load_file(tmp_path / "senior-data-engineer.html", root=tmp_path)
    assert [role.title for role in document.roles] == ["Senior Data Engineer"]
    role = document.roles[0]
    assert role.line == _line_of(page, '"title"')
    assert role.aliases == ["DE-204"]  # its job code
    skills = {mention.name: mention for mention in role.skills if mention.section is SectionKind.SKILLS}
    assert set(skills) == {"Spark, SQL, Airflow"}  # the skills field as the list it is
    assert skills["Spark, SQL, Airflow"].at.line == _line_of(page, '"skills"')
    sections = {section.name: section for section in role.sections}
    assert sections["What you'll do"].text == "Design and build streaming pipelines in Python\nMentor data engineers"
    assert sections["Experience"].text == "5 years of experience"
    # the page's own text (navigation, footer) is not read: it repeats the posting among other words
    assert not any("Kubernetes" in s.text or "Terraform" in s.text for s in role.sections)
    assert document.problems == []


def test_a_job_pages_skills_come_from_the_posting_with_the_lines_of_its_fields(tmp_path):
    script = json.dumps(POSTING, indent=2)
    page = _page(script, "<main><h1>Senior Data Engineer</h1></main>")
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "de.html").write_text(page)
    snapshot = build_from_documents([tmp_path / "jobs"], Settings(data_dir=tmp_path / "data"), save=False)
    og = OrgGraph.from_snapshot(snapshot)
    role = og.roles_by_id["role:senior-data-engineer"]
    assert role.level == "Senior"
    evidence = {
        og.skills_by_id[end].name: attrs
        for rel, start, end, attrs in og.relationships_of("REQUIRES_SKILL")
        if start == role.id
    }
    for stated in ("Spark", "SQL"):
        assert (evidence[stated]["line"], evidence[stated]["method"]) == (_line_of(page, '"skills"'), "stated")
    assert evidence["mentoring"]["evidence"] == "Mentor data engineers"
    assert evidence["mentoring"]["line"] == _line_of(page, '"description"')
    # "Northwind is hiring a Senior Data Engineer" announces the post: no hiring skill of the role
    assert "hiring" not in evidence
    assert not {"Kubernetes", "Terraform"} & set(evidence)


FEED = {
    "@context": "https://schema.org",
    "@graph": [
        POSTING,
        {
            "@type": "JobPosting",
            "title": "Data Engineering Manager",
            "department": "Data Platform",
            "description": "<p>Lead the Data Platform team of eight engineers.</p>",
            "responsibilities": "• Hire and grow data engineers\n• Set the roadmap for the analytics warehouse",
            "qualifications": ["Three years leading engineering teams", "Experience with data warehouses"],
            "skills": [{"@type": "DefinedTerm", "name": "People management"}, {"@type": "DefinedTerm", "name": "dbt"}],
            "educationRequirements": {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "bachelor degree",
            },
        },
    ],
}


def test_a_feed_of_postings_is_one_role_each_and_no_ladder(tmp_path):
    text = json.dumps(FEED, indent=2)
    (tmp_path / "feed.jsonld").write_text(text)
    snapshot = build_from_documents([tmp_path], Settings(data_dir=tmp_path / "data"), save=False)
    og = OrgGraph.from_snapshot(snapshot)
    titles = sorted(role.title for role in og.roles_by_id.values())
    assert titles == ["Data Engineering Manager", "Senior Data Engineer"]
    manager = og.roles_by_id["role:data-engineering-manager"]
    assert manager.department == "Data Platform"
    moves = list(og.relationships_of("PROMOTES_TO", "CAN_MOVE_TO"))
    assert moves == []  # two postings side by side state no promotion
    reports = [(start, end) for _, start, end, _ in og.relationships_of("REPORTS_TO")]
    assert reports == [("role:senior-data-engineer", "role:data-engineering-manager")]
    skills = {
        og.skills_by_id[end].name: attrs
        for _, start, end, attrs in og.relationships_of("REQUIRES_SKILL")
        if start == manager.id
    }
    assert {"people leadership", "dbt", "hiring", "roadmapping", "data warehousing"} <= set(skills)
    assert skills["dbt"]["line"] == _line_of(text, '"name": "dbt"')
    assert skills["hiring"]["evidence"] == "Hire and grow data engineers"


def test_a_feed_names_its_postings_structured_requirements_in_words(tmp_path):
    (tmp_path / "feed.json").write_text(json.dumps(FEED, indent=2))
    document = load_file(tmp_path / "feed.json", root=tmp_path)
    manager = _role(document, "Data Engineering Manager")
    sections = {section.name: section.text for section in manager.sections}
    assert sections["Education"] == "bachelor degree"
    assert sections["Qualifications"] == "Three years leading engineering teams\nExperience with data warehouses"
    assert sections["Responsibilities"] == "Hire and grow data engineers\nSet the roadmap for the analytics warehouse"
    named = [mention.name for mention in manager.skills if mention.section is SectionKind.SKILLS]
    assert named == ["People management", "dbt"]


def test_a_careers_page_listing_postings_in_an_item_list_gives_each_role(tmp_path):
    listing = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "item": {"@type": "JobPosting", "title": title, "description": text}}
            for n, (title, text) in enumerate(
                [("Payroll Specialist", "<p>Run the monthly payroll.</p>"), ("Tax Manager", "<p>Own VAT returns.</p>")],
                start=1,
            )
        ],
    }
    (tmp_path / "careers.html").write_text(_page(json.dumps(listing), "<h1>Open roles</h1>"))
    document = load_file(tmp_path / "careers.html", root=tmp_path)
    assert [role.title for role in document.roles] == ["Payroll Specialist", "Tax Manager"]
    assert [role.promotes_to for role in document.roles] == [[], []]


def test_a_posting_that_says_nothing_of_the_role_leaves_the_page_to_be_read(tmp_path):
    bare = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Site Reliability Engineer",
            "datePosted": "2026-11-01", "hiringOrganization": {"@type": "Organization", "name": "Northwind"}}
    body = "<h1>Site Reliability Engineer</h1>\n<h2>Responsibilities</h2>\n<ul><li>Run Kubernetes clusters</li></ul>"
    page = _page(json.dumps(bare), body)
    (tmp_path / "sre.html").write_text(page)
    document = load_file(tmp_path / "sre.html", root=tmp_path)
    role = _role(document, "Site Reliability Engineer")
    assert any("Run Kubernetes clusters" in section.text for section in role.sections)
    assert role.line == _line_of(page, "<h1>")


def test_a_malformed_json_ld_posting_is_reported_at_its_line_and_the_page_still_loads(tmp_path):
    broken = (  # no comma after the description
        '{"@type": "JobPosting",\n "title": "Site Reliability Engineer",\n "description": "<p>Run clusters</p>"\n'
        ' "skills": "Go"}'
    )
    body = "<h1>Site Reliability Engineer</h1>\n<h2>Responsibilities</h2>\n<ul><li>Run Kubernetes clusters</li></ul>"
    page = _page(broken, body)
    (tmp_path / "sre.html").write_text(page)
    document = load_file(tmp_path / "sre.html", root=tmp_path)
    assert [role.title for role in document.roles] == ["Site Reliability Engineer"]
    [problem] = [p for p in document.problems if "JSON-LD" in p.message]
    assert (problem.path, problem.severity) == ("sre.html", "warning")
    assert problem.line == _line_of(page, '"skills"')
    assert "job posting not read" in problem.message


def test_a_description_whose_markup_breaks_out_of_its_place_leaves_the_others_whole(tmp_path):
    """Pandoc reads a document's descriptions in one run, each in a ``div``; a stray ``</div>`` closes that
    early, and the run is read again in halves rather than giving one posting's lines to another."""
    postings = [
        {"@type": "JobPosting", "title": title, "description": text}
        for title, text in [
            ("Payroll Specialist", "<ul><li>Run the monthly payroll</li></ul>"),
            ("Tax Manager", "<p>Own VAT returns</p></div></div><ul><li>Plan corporation tax</li></ul>"),
            ("Credit Controller", "<ul><li>Chase overdue invoices</li></ul>"),
        ]
    ]
    (tmp_path / "finance.jsonld").write_text(json.dumps({"@graph": postings}))
    document = load_file(tmp_path / "finance.jsonld", root=tmp_path)
    texts = {role.title: " / ".join(s.text for s in role.sections) for role in document.roles}
    assert texts["Payroll Specialist"] == "Run the monthly payroll"
    assert "Own VAT returns" in texts["Tax Manager"] and "Plan corporation tax" in texts["Tax Manager"]
    assert texts["Credit Controller"] == "Chase overdue invoices"


def test_a_postings_title_loses_the_posts_terms_and_the_same_job_posted_twice_is_one_role(tmp_path):
    postings = [
        {"@type": "JobPosting", "title": title, "description": "<p>Build pipelines in Python.</p>"}
        for title in ("Senior Data Engineer (m/w/d)", "Senior Data Engineer, Remote (UK)", "Director, EMEA Sales")
    ]
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "jobs.jsonld").write_text(json.dumps({"@graph": postings}))
    document = load_file(tmp_path / "jobs" / "jobs.jsonld", root=tmp_path)
    assert [role.title for role in document.roles] == ["Senior Data Engineer"] * 2 + ["Director, EMEA Sales"]
    dropped = [p.message for p in document.problems if "decoration dropped" in p.message]
    assert len(dropped) == 2 and "'Senior Data Engineer (m/w/d)'" in dropped[0]
    snapshot = build_from_documents([tmp_path / "jobs"], Settings(data_dir=tmp_path / "data"), save=False)
    assert sorted(role.title for role in snapshot.roles) == ["Director, EMEA Sales", "Senior Data Engineer"]


def test_a_posting_whose_description_nests_thousands_deep_is_read_to_its_text(tmp_path):
    # elements past html_repair.MAX_DEPTH lose their tags, not their text (pandoc's tree would be refused)
    deep = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Site Reliability Engineer",
            "description": "<div>" * 20000 + "Run clusters" + "</div>" * 20000}
    body = "<h1>Site Reliability Engineer</h1>\n<h2>Responsibilities</h2>\n<ul><li>Run Kubernetes clusters</li></ul>"
    page = _page(json.dumps(deep), body)
    (tmp_path / "sre.html").write_text(page)
    document = load_file(tmp_path / "sre.html", root=tmp_path)
    role = _role(document, "Site Reliability Engineer")
    assert role.summary == "Run clusters"
    assert [p for p in document.problems if "JSON-LD" in p.message] == []


MICRODATA_PAGE = """<!DOCTYPE html>
<html>
<head><title>Payroll Officer | Northwind careers</title></head>
<body>
<nav><a href="/">Home</a> <a href="/jobs">Kubernetes jobs</a></nav>
<div itemscope itemtype="http://schema.org/JobPosting">
  <h1 itemprop="title">Payroll Officer - Leeds</h1>
  <meta itemprop="datePosted" content="2026-10-01">
  <span itemprop="identifier">FIN-118</span>
  <div itemprop="jobLocation" itemscope itemtype="http://schema.org/Place">
    <div itemprop="address" itemscope itemtype="http://schema.org/PostalAddress">
      <span itemprop="addressLocality">Leeds</span>
    </div>
  </div>
  <div itemprop="description">
    <p>Run the monthly payroll for 900 staff.</p>
    <h3>Responsibilities</h3>
    <ul><li>Run the monthly payroll</li><li>Reconcile payroll to the ledger</li></ul>
  </div>
  <div itemprop="qualifications"><ul><li>Knowledge of PAYE</li></ul></div>
</div>
<footer><p>Apply now. Terraform your future with us.</p></footer>
</body>
</html>
"""


def test_a_job_page_marked_with_microdata_is_read_from_its_posting(tmp_path):
    (tmp_path / "payroll-officer.html").write_text(MICRODATA_PAGE)
    document = load_file(tmp_path / "payroll-officer.html", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.aliases) == ("Payroll Officer", ["FIN-118"])  # "- Leeds" is where the post is
    assert role.line == _line_of(MICRODATA_PAGE, 'itemprop="title"')
    sections = {section.name: section for section in role.sections}
    assert sections["Responsibilities"].text == "Run the monthly payroll\nReconcile payroll to the ledger"
    assert sections["Qualifications"].text == "Knowledge of PAYE"
    assert sections["Qualifications"].line == _line_of(MICRODATA_PAGE, 'itemprop="qualifications"')
    assert not any("Kubernetes" in s.text or "Terraform" in s.text for s in role.sections)


def test_a_job_page_titled_by_its_site_is_the_role_its_heading_names(tmp_path):
    page = (
        "<html><head><title>Acme - Senior Backend Engineer</title></head><body>\n"
        "<div class=\"posting-headline\"><h2>Senior Backend Engineer</h2></div>\n"
        "<div><h3>What you'll do</h3><ul><li>Build services in Go</li></ul></div>\n</body></html>\n"
    )
    (tmp_path / "job.html").write_text(page)
    document = load_file(tmp_path / "job.html", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.line) == ("Senior Backend Engineer", 2)  # not "Acme - Senior Backend Engineer"
