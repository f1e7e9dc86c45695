"""Job exports of applicant tracking systems — the JSON a careers site is built from (Greenhouse's job
board, Lever's postings, Ashby's job board, Workable, SmartRecruiters, Recruitee) — are read as the roles
their jobs describe: the title, the job code and the department, the description HTML with its own
headings, and the lists each system keeps apart (requirements, qualifications); never the export's
plumbing (ids, URLs, dates, offices, consent flags) as sections, nor the company's blurb or benefits.

Each export is written here in the shape its public API documents, with the expectations written from it
by hand; the job texts are invented.
"""

from __future__ import annotations

import html
import json

from api.build import build_from_documents
from api.settings import Settings
from graph.model import SectionKind
from graph.orggraph import OrgGraph
from loaders.load import load_file

GREENHOUSE = {
    "jobs": [
        {
            "absolute_url": "https://boards.greenhouse.io/northwind/jobs/4012345",
            "data_compliance": [{"type": "gdpr", "requires_consent": False, "retention_period": None}],
            "internal_job_id": 3312001,
            "location": {"name": "Leeds, United Kingdom"},
            "metadata": [
                {"id": 701, "name": "Job Family", "value": "Data", "value_type": "single_select"},
                {"id": 702, "name": "Hiring Manager", "value": "Ada Jones", "value_type": "short_text"},
            ],
            "id": 4012345,
            "updated_at": "2026-10-02T09:12:44-04:00",
            "requisition_id": "DE-204",
            "title": "Senior Data Engineer",
            # the board API escapes the description's HTML
            "content": html.escape(
                "<p><strong>About Northwind</strong></p><p>Northwind makes logistics software for 4,000 shops.</p>"
                "<h3>About the role</h3><p>You will report to the Data Engineering Manager.</p>"
                "<h3>What you'll do</h3><ul><li>Design and build streaming pipelines in Python</li>"
                "<li>Mentor data engineers</li></ul>"
                "<h3>What you'll bring</h3><ul><li>Experience with Spark and SQL</li><li>Airflow (desirable)</li></ul>"
            ),
            "departments": [
                {"id": 55, "name": "Engineering", "child_ids": [56], "parent_id": None},
                {"id": 56, "name": "Data Platform", "child_ids": [], "parent_id": 55},
            ],
            "offices": [
                {"id": 9, "name": "Leeds", "location": "Leeds, United Kingdom", "child_ids": [], "parent_id": None}
            ],
        },
        {
            "absolute_url": "https://boards.greenhouse.io/northwind/jobs/4012399",
            "internal_job_id": 3312077,
            "location": {"name": "Remote"},
            "metadata": None,
            "id": 4012399,
            "updated_at": "2026-10-05T10:00:00-04:00",
            "requisition_id": None,
            "title": "Data Engineering Manager",
            "content": html.escape(
                "<h3>Responsibilities</h3><ul><li>Hire and grow data engineers</li>"
                "<li>Set the roadmap for the analytics warehouse</li></ul>"
            ),
            "departments": [{"id": 56, "name": "Data Platform", "child_ids": [], "parent_id": 55}],
            "offices": [],
        },
    ],
    "meta": {"total": 2},
}

LEVER = [
    {
        "additional": "<div>We offer 30 days of holiday and a learning budget.</div>",
        "additionalPlain": "We offer 30 days of holiday and a learning budget.",
        "categories": {
            "commitment": "Full-time",
            "department": "Engineering",
            "location": "Berlin",
            "team": "Platform",
            "allLocations": ["Berlin"],
        },
        "createdAt": 1759300000000,
        "descriptionPlain": "The Platform team runs our Kubernetes clusters.\n",
        "description": "<div>The Platform team runs our Kubernetes clusters.</div>",
        "id": "5ac21346-8e0c-4494-8e7a-3eb92ff77902",
        "lists": [
            {
                "text": "What you'll do",
                "content": "<li>Operate Kubernetes clusters</li><li>Automate infrastructure with Terraform</li>",
            },
            {
                "text": "What we're looking for",
                "content": "<li>Experience with Go</li><li>Incident management (nice to have)</li>",
            },
        ],
        "text": "Site Reliability Engineer (m/w/d)",
        "country": "DE",
        "workplaceType": "hybrid",
        "hostedUrl": "https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902",
        "applyUrl": "https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902/apply",
        "salaryRange": {"currency": "EUR", "interval": "per-year-salary", "min": 70000, "max": 90000},
    },
    {
        "additional": "",
        "additionalPlain": "",
        "categories": {"commitment": "Full-time", "department": "Engineering", "location": "Berlin"},
        "createdAt": 1759400000000,
        "descriptionPlain": "Lead the Platform team of six engineers.\n",
        "description": "<div>Lead the Platform team of six engineers.</div>",
        "id": "0b6c9f2e-1d8a-4e5b-9c7d-2f3a4b5c6d7e",
        "lists": [],
        "text": "Engineering Manager, Platform",
        "hostedUrl": "https://jobs.lever.co/acme/0b6c9f2e-1d8a-4e5b-9c7d-2f3a4b5c6d7e",
        "applyUrl": "https://jobs.lever.co/acme/0b6c9f2e-1d8a-4e5b-9c7d-2f3a4b5c6d7e/apply",
    },
]

ASHBY = {
    "apiVersion": "1",
    "jobs": [
        {
            "title": "Account Executive, Mid-Market",
            "location": "London",
            "secondaryLocations": [],
            "department": "Sales",
            "team": "Mid-Market Sales",
            "isListed": True,
            "isRemote": False,
            "descriptionHtml": (
                "<h2>Responsibilities</h2><ul><li>Own a book of mid-market accounts</li>"
                "<li>Forecast pipeline in Salesforce</li></ul>"
                "<h2>Requirements</h2><ul><li>Three years of B2B SaaS sales</li></ul>"
            ),
            "descriptionPlain": (
                "Responsibilities\n\nOwn a book of mid-market accounts\nForecast pipeline in Salesforce"
            ),
            "publishedAt": "2026-09-30T12:00:00.000+00:00",
            "employmentType": "FullTime",
            "jobUrl": "https://jobs.ashbyhq.com/acme/2b1f",
            "applyUrl": "https://jobs.ashbyhq.com/acme/2b1f/application",
        }
    ],
}

WORKABLE = {
    "name": "Acme",
    "description": "<p>Acme builds accounting software.</p>",
    "jobs": [
        {
            "title": "Payroll Officer",
            "shortcode": "7F3A21B9C4",
            "code": "FIN-118",
            "employment_type": "Full-time",
            "telecommuting": False,
            "department": "Finance",
            "url": "https://apply.workable.com/j/7F3A21B9C4",
            "application_url": "https://apply.workable.com/j/7F3A21B9C4/apply",
            "published_on": "2026-09-12",
            "country": "United Kingdom",
            "city": "Leeds",
            "education": "Bachelor's Degree",
            "experience": "Associate",
            "function": "Accounting/Auditing",
            "industry": "Computer Software",
            "description": "<p>Run the monthly payroll for 900 staff.</p>",
            "requirements": "<ul><li>Knowledge of PAYE</li><li>Advanced Excel</li></ul>",
            "benefits": "<ul><li>25 days holiday</li></ul>",
        }
    ],
}

SMARTRECRUITERS = {
    "id": "743999912345678",
    "name": "Customer Success Manager",
    "uuid": "c0a8f7e2-4b1d-4f3a-9e2c-1d2e3f4a5b6c",
    "refNumber": "REF1234X",
    "company": {"identifier": "Acme", "name": "Acme"},
    "releasedDate": "2026-10-12T08:00:00.000Z",
    "location": {"city": "Krakow", "country": "pl", "remote": False},
    "industry": {"id": "computer_software", "label": "Computer Software"},
    "department": {"id": "1234", "label": "Customer Success"},
    "function": {"id": "customer_service", "label": "Customer Service"},
    "typeOfEmployment": {"label": "Full-time"},
    "experienceLevel": {"id": "mid_senior_level", "label": "Mid-Senior Level"},
    "jobAd": {
        "sections": {
            "companyDescription": {"title": "Company Description", "text": "<p>Acme builds warehouse robots.</p>"},
            "jobDescription": {
                "title": "Job Description",
                "text": "<ul><li>Onboard new customers</li><li>Run quarterly business reviews</li></ul>",
            },
            "qualifications": {
                "title": "Qualifications",
                "text": "<ul><li>Two years in customer success</li><li>Fluent Polish and English</li></ul>",
            },
            "additionalInformation": {"title": "Additional Information", "text": "<p>Private medical care</p>"},
        }
    },
}

RECRUITEE = {
    "offers": [
        {
            "id": 1203,
            "slug": "office-manager",
            "title": "Office Manager",
            "department": "Operations",
            "careers_url": "https://acme.recruitee.com/o/office-manager",
            "careers_apply_url": "https://acme.recruitee.com/o/office-manager/c/new",
            "description": "<p>Keep the Amsterdam office running.</p><ul><li>Manage suppliers and facilities</li></ul>",
            "requirements": "<ul><li>Two years of office management</li></ul>",
            "status": "published",
        }
    ]
}


def _write(tmp_path, name: str, data) -> str:
    text = json.dumps(data, indent=2)
    (tmp_path / name).write_text(text)
    return text


def _line_of(text: str, needle: str, start: str = "") -> int:
    return text[: text.index(needle, text.index(start) if start else 0)].count("\n") + 1


def _sections(role) -> dict[str, str]:
    return {section.name: section.text for section in role.sections}


def _role(document, title):
    return next(role for role in document.roles if role.title == title)


def test_a_greenhouse_job_board_export_is_read_as_its_jobs(tmp_path):
    text = _write(tmp_path, "greenhouse-jobs.json", GREENHOUSE)
    document = load_file(tmp_path / "greenhouse-jobs.json", root=tmp_path)
    assert [role.title for role in document.roles] == ["Senior Data Engineer", "Data Engineering Manager"]
    engineer = _role(document, "Senior Data Engineer")
    assert engineer.line == _line_of(text, '"title"')
    assert engineer.aliases == ["DE-204"]  # the requisition id
    assert engineer.department == "Data Platform"  # the most specific of its departments
    assert engineer.family == "Data"  # a custom field named as a role field
    sections = _sections(engineer)
    assert sections["What you'll do"] == "Design and build streaming pipelines in Python\nMentor data engineers"
    assert sections["What you'll bring"] == "Experience with Spark and SQL\nAirflow (desirable)"
    assert "logistics software" not in engineer.summary  # "About Northwind" is the employer's part
    # the export's plumbing is no part of the role
    assert not {"data_compliance", "location", "content", "Engineering", "Leeds"} & set(sections)
    manager = _role(document, "Data Engineering Manager")
    assert (manager.aliases, manager.department) == ([], "Data Platform")
    assert _sections(manager)["Responsibilities"] == (
        "Hire and grow data engineers\nSet the roadmap for the analytics warehouse"
    )
    assert document.problems == []


def test_a_greenhouse_export_gives_the_graph_its_skills_and_reporting_lines(tmp_path):
    text = _write(tmp_path, "greenhouse-jobs.json", GREENHOUSE)
    snapshot = build_from_documents([tmp_path], Settings(data_dir=tmp_path / "data"), save=False)
    og = OrgGraph.from_snapshot(snapshot)
    engineer = og.roles_by_id["role:senior-data-engineer"]
    skills = {
        og.skills_by_id[end].name: attrs
        for _, start, end, attrs in og.relationships_of("REQUIRES_SKILL")
        if start == engineer.id
    }
    assert {"Spark", "SQL", "data orchestration", "mentoring"} <= set(skills)  # Airflow is data orchestration
    desirable = skills["data orchestration"]
    assert desirable["evidence"] == "Airflow (desirable)"
    assert desirable["weight"] < skills["Spark"]["weight"]  # desirable, not essential
    assert skills["mentoring"]["evidence"] == "Mentor data engineers"
    assert skills["mentoring"]["line"] == _line_of(text, '"content"')
    reports = [(start, end) for _, start, end, _ in og.relationships_of("REPORTS_TO")]
    assert reports == [("role:senior-data-engineer", "role:data-engineering-manager")]
    assert list(og.relationships_of("PROMOTES_TO", "CAN_MOVE_TO")) == []  # jobs side by side, no ladder


def test_a_lever_postings_export_reads_its_lists_as_sections(tmp_path):
    text = _write(tmp_path, "lever.json", LEVER)
    document = load_file(tmp_path / "lever.json", root=tmp_path)
    assert [role.title for role in document.roles] == ["Site Reliability Engineer", "Engineering Manager, Platform"]
    sre = _role(document, "Site Reliability Engineer")
    assert sre.line == _line_of(text, '"text": "Site')
    assert sre.department == "Platform"  # its team, within the Engineering department
    sections = _sections(sre)
    assert sections["What you'll do"] == "Operate Kubernetes clusters\nAutomate infrastructure with Terraform"
    assert sections["What we're looking for"] == "Experience with Go\nIncident management (nice to have)"
    lines = {section.name: section.line for section in sre.sections}
    assert lines["What you'll do"] == _line_of(text, '"content": "<li>Operate')
    # the closing content is the company's offer, not the role's
    assert not any("holiday" in body for body in sections.values())
    manager = _role(document, "Engineering Manager, Platform")
    assert manager.department == "Engineering"


def test_an_ashby_job_board_reads_the_description_html(tmp_path):
    _write(tmp_path, "ashby.json", ASHBY)
    document = load_file(tmp_path / "ashby.json", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.department) == ("Account Executive, Mid-Market", "Mid-Market Sales")
    sections = _sections(role)
    assert sections["Responsibilities"] == "Own a book of mid-market accounts\nForecast pipeline in Salesforce"
    assert sections["Requirements"] == "Three years of B2B SaaS sales"


def test_a_workable_export_reads_requirements_and_education_but_not_benefits(tmp_path):
    _write(tmp_path, "workable.json", WORKABLE)
    document = load_file(tmp_path / "workable.json", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.aliases, role.department) == ("Payroll Officer", ["FIN-118"], "Finance")
    sections = _sections(role)
    assert sections["Requirements"] == "Knowledge of PAYE\nAdvanced Excel"
    assert sections["Education"] == "Bachelor's Degree"
    assert "Run the monthly payroll for 900 staff." in role.summary + "".join(sections.values())
    assert not any("holiday" in body or "accounting software" in body for body in sections.values())
    named = {mention.name for mention in role.skills if mention.section is SectionKind.REQUIREMENTS}
    assert {"Knowledge of PAYE", "Advanced Excel"} <= named


def test_a_smartrecruiters_posting_reads_its_job_ad_sections_but_not_the_company(tmp_path):
    _write(tmp_path, "csm.json", SMARTRECRUITERS)
    document = load_file(tmp_path / "csm.json", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.aliases, role.department) == ("Customer Success Manager", ["REF1234X"], "Customer Success")
    sections = _sections(role)
    assert sections["Job Description"] == "Onboard new customers\nRun quarterly business reviews"
    assert sections["Qualifications"] == "Two years in customer success\nFluent Polish and English"
    assert not any("robots" in body or "medical" in body for body in sections.values())


def test_a_recruitee_offers_export_is_read_as_its_offers(tmp_path):
    _write(tmp_path, "offers.json", RECRUITEE)
    document = load_file(tmp_path / "offers.json", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.department) == ("Office Manager", "Operations")
    assert _sections(role)["Requirements"] == "Two years of office management"



def test_an_export_with_fields_of_unexpected_types_still_loads_its_jobs(tmp_path):
    odd = [
        {"text": "Data Analyst", "hostedUrl": "https://jobs.lever.co/x/1", "categories": ["Data"],
         "lists": ["Requirements", {"text": "Skills", "content": 7}, {"text": "Tools", "content": "<li>SQL</li>"}],
         "description": {"html": "<p>x</p>"}},
        {"text": None, "hostedUrl": "https://jobs.lever.co/x/2"},
        {"text": "Data Engineer", "applyUrl": "https://jobs.lever.co/x/3", "descriptionPlain": "- Build pipelines"},
    ]
    _write(tmp_path, "lever.json", odd)
    document = load_file(tmp_path / "lever.json", root=tmp_path)
    assert [role.title for role in document.roles] == ["Data Analyst", "Data Engineer"]
    assert _sections(_role(document, "Data Analyst"))["Tools"] == "SQL"
    assert document.problems == []


def test_workday_job_posting_details_are_read_as_their_jobs(tmp_path):
    details = [
        {
            "jobPostingInfo": {
                "id": "9f1c2d3e4b5a",
                "title": "Senior Financial Analyst",
                "jobDescription": "<p><b>Responsibilities</b></p><ul><li>Build the quarterly forecast</li></ul>",
                "location": "London",
                "postedOn": "Posted 3 Days Ago",
                "timeType": "Full time",
                "jobReqId": "R-104233",
                "externalUrl": "https://acme.wd3.myworkdayjobs.com/en-US/External/job/London/R-104233",
            },
            "hiringOrganization": {"name": "Acme", "url": ""},
        }
    ]
    _write(tmp_path, "workday.json", details)
    document = load_file(tmp_path / "workday.json", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.aliases) == ("Senior Financial Analyst", ["R-104233"])
    assert "Build the quarterly forecast" in "".join(section.text for section in role.sections)


def test_a_teamtailor_jobs_document_reads_its_jobs_and_skips_other_records(tmp_path):
    document = {
        "data": [
            {"id": "1", "type": "jobs", "links": {"careersite-job-url": "https://acme.teamtailor.com/jobs/1"},
             "attributes": {"title": "Office Manager", "body": "<h3>Your tasks</h3><ul><li>Run the office</li></ul>"},
             "relationships": {"department": {"links": {"related": "https://api.teamtailor.com/v1/jobs/1/department"}}}},
            {"id": "7", "type": "departments", "attributes": {"name": "Operations"}, "relationships": {}},
        ]
    }
    _write(tmp_path, "teamtailor.json", document)
    loaded = load_file(tmp_path / "teamtailor.json", root=tmp_path)
    [role] = loaded.roles
    assert role.title == "Office Manager"
    assert _sections(role)["Your tasks"] == "Run the office"


def test_a_job_posted_in_two_cities_is_one_role_without_its_places(tmp_path):
    jobs = [
        {"title": f"Senior Data Engineer - {city} (m/w/d)", "absolute_url": f"https://boards.greenhouse.io/x/jobs/{n}",
         "location": {"name": f"{city}, {country}"}, "content": html.escape("<ul><li>Build pipelines</li></ul>")}
        for n, (city, country) in enumerate([("London", "United Kingdom"), ("Berlin", "Germany")])
    ]
    jobs.append({"title": "Country Manager, Germany", "absolute_url": "https://boards.greenhouse.io/x/jobs/9",
                 "location": {"name": "Berlin, Germany"}, "content": "&lt;p&gt;Lead the German business.&lt;/p&gt;"})
    jobs.append({"title": "Data Engineer - Platform", "absolute_url": "https://boards.greenhouse.io/x/jobs/10",
                 "location": {"name": "London"}, "content": "&lt;p&gt;Run the platform.&lt;/p&gt;"})
    _write(tmp_path, "greenhouse.json", {"jobs": jobs})
    document = load_file(tmp_path / "greenhouse.json", root=tmp_path)
    titles = sorted({role.title for role in document.roles})
    # a regional role's comma and a team after a dash are the title's own
    assert titles == ["Country Manager, Germany", "Data Engineer - Platform", "Senior Data Engineer"]


def test_lever_postings_grouped_by_team_are_read_with_the_lines_of_their_fields(tmp_path):
    grouped = [{"title": "Platform", "postings": [LEVER[0]]}, {"title": "Leadership", "postings": [LEVER[1]]}]
    text = _write(tmp_path, "lever-by-team.json", grouped)
    document = load_file(tmp_path / "lever-by-team.json", root=tmp_path)
    assert [role.title for role in document.roles] == ["Site Reliability Engineer", "Engineering Manager, Platform"]
    assert document.roles[1].line == _line_of(text, '"text": "Engineering Manager')
