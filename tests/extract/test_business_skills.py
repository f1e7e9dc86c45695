"""Skills of finance, people, sales, marketing, customer-success, legal and administration roles
(``seeds/taxonomy/business.yaml``), and the everyday words that must not become them.

Each sentence is written by hand the way such job descriptions and person specifications word them; the
expected skills were written down before the code ran. The negative sentences are engineering prose (and
offer boilerplate) whose words resemble a business skill: a JD's "competitive compensation and
benefits", "a typical workday", "code churn", "the Software Engineering Manager (SEM)".
"""

from __future__ import annotations

import pytest
import yaml

from graph.extract import extract_role_facts, normalize_term
from graph.model import Evidence, Mention, ParsedRole, Section, SectionKind
from loaders.taxonomy import DEFAULT_TAXONOMY_DIR

BUSINESS = frozenset(
    entry["name"]
    for entry in yaml.safe_load((DEFAULT_TAXONOMY_DIR / "business.yaml").read_text(encoding="utf-8"))["skills"]
    if "category" in entry  # the entries this file adds, not the skills.yaml entries it extends
)


def _skills(matcher, text, kind=SectionKind.RESPONSIBILITIES):
    role = ParsedRole(
        title="Finance Manager", source="jd.md", line=1, sections=[Section(name="x", kind=kind, text=text, line=1)]
    )
    return {fact.name for fact in extract_role_facts(role, matcher).skills}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Own the month-end close, including balance sheet reconciliations and journal entries, and prepare "
            "financial statements under US GAAP and IFRS.",
            {"month-end close", "reconciliations", "journal entries", "financial statements", "GAAP", "IFRS"},
        ),
        (
            "Manage the purchase ledger and sales ledger, chase debtors through credit control and process "
            "supplier invoices on Sage and Xero.",
            {"accounts payable", "accounts receivable", "Sage", "Xero"},
        ),
        (
            "Run the monthly payroll, file VAT returns and maintain the general ledger in NetSuite.",
            {"payroll", "VAT", "general ledger", "NetSuite"},
        ),
        (
            "ACCA, CIMA or CPA qualified, with advanced Excel and experience of ERP systems such as SAP or Oracle "
            "Financials.",
            {"accounting qualifications", "spreadsheets", "ERP systems", "SAP", "Oracle Financials"},
        ),
    ],
)
def test_a_finance_sentence_names_its_accounting_skills(matcher, text, expected):
    assert _skills(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Advise managers on employee relations cases, grievances and disciplinary procedures, and keep "
            "records up to date in the HRIS (BambooHR).",
            {"employee relations", "HRIS"},
        ),
        (
            "Partner with the L&D team on performance appraisals, succession planning and the annual salary "
            "review, in line with UK employment law.",
            {
                "learning and development",
                "performance management",
                "succession planning",
                "compensation management",
                "employment law",
            },
        ),
        (
            "Run full-cycle recruitment for sales roles using Greenhouse.",
            {"hiring", "applicant tracking systems"},
        ),
    ],
)
def test_an_hr_sentence_names_its_people_skills(matcher, text, expected):
    assert _skills(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prospect into new accounts through cold calling, manage a pipeline of enterprise deals in "
            "Salesforce and negotiate contracts to close deals.",
            {"prospecting", "CRM", "contract negotiation", "deal closing"},
        ),
        (
            "Own key account management and upselling for a book of mid-market customers, running quarterly "
            "business reviews (QBRs).",
            {"account management", "upselling", "quarterly business reviews"},
        ),
        (
            "Plan and run integrated campaigns across email marketing, paid search (PPC) and social media, and "
            "report on them in Google Analytics 4.",
            {"campaign management", "email marketing", "paid search", "social media marketing", "Google Analytics"},
        ),
        (
            "Own the brand guidelines, write web copy and grow organic traffic through SEO and keyword research.",
            {"brand management", "copywriting", "SEO"},
        ),
        (
            "Lead customer onboarding and reduce churn across the portfolio.",
            {"customer onboarding", "customer retention"},
        ),
    ],
)
def test_a_sales_marketing_or_customer_success_sentence_names_its_skills(matcher, text, expected):
    assert _skills(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Draft and review commercial contracts, run RFPs with suppliers and manage supplier relationships in "
            "line with GDPR.",
            {"contract drafting", "procurement", "vendor management", "GDPR"},
        ),
        (
            "Provide administrative support to the CEO: complex diary management, minute taking at board "
            "meetings and travel arrangements, using Microsoft Office.",
            {
                "office administration",
                "diary management",
                "minute taking",
                "travel arrangements",
                "Microsoft Office",
            },
        ),
    ],
)
def test_a_legal_procurement_or_admin_sentence_names_its_skills(matcher, text, expected):
    assert _skills(matcher, text) == expected


def test_a_person_specification_list_names_business_skills(matcher):
    items = ["Payroll", "Advanced Excel", "CIPD Level 5", "Knowledge of IFRS 16"]
    mentions = [
        Mention(name=item, section=SectionKind.REQUIREMENTS, at=Evidence(source="jd.md", line=10 + i, evidence=item))
        for i, item in enumerate(items)
    ]
    role = ParsedRole(title="Payroll Officer", source="jd.md", line=1, skills=mentions)
    facts = {fact.name: fact for fact in extract_role_facts(role, matcher).skills}
    assert set(facts) == {"payroll", "spreadsheets", "HR qualifications", "IFRS"}
    assert all(fact.in_taxonomy for fact in facts.values())
    assert facts["payroll"].category == "finance & cost"
    assert facts["HR qualifications"].category == "leadership & people"


def test_business_phrasings_extend_the_existing_entries(taxonomy, matcher):
    assert matcher.lookup("supplier management") == "vendor management"
    assert matcher.lookup("full-cycle recruiting") == "hiring"
    assert matcher.lookup("Excel skills") == "spreadsheets"
    assert matcher.lookup("strategic sourcing") == "procurement"
    assert matcher.lookup("customer relationship management") == "CRM"
    categories = {skill.name: skill.category for skill in taxonomy.skills}
    assert categories["vendor management"] == "finance & cost"  # an extension keeps the skills.yaml category
    assert categories["hiring"] == "leadership & people"


def test_the_business_file_adds_entries_in_declared_categories(taxonomy):
    declared = set(yaml.safe_load((DEFAULT_TAXONOMY_DIR / "skills.yaml").read_text(encoding="utf-8"))["categories"])
    added = [skill for skill in taxonomy.skills if skill.name in BUSINESS]
    assert 80 <= len(added) <= 140
    assert {skill.category for skill in added} <= declared


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("We close the sprint with a demo and ship benefits to users quickly.", "month-end close"),
        ("Our offer: competitive compensation and benefits, and a pension.", "compensation management"),
        ("You will excel at debugging distributed systems.", "spreadsheets"),
        ("Reduce code churn and certificate renewals in the TLS pipeline.", "customer retention"),
        ("Cross-disciplinary teams review each PR before merge.", "employee relations"),
        ("Cross-disciplinary teams review each PR before merge.", "public relations"),
        ("In a typical workday you will pair with other engineers.", "HRIS"),
        ("Offer sage advice to junior engineers on their careers.", "Sage"),
        ("Cut the greenhouse gas emissions of our data centres.", "applicant tracking systems"),
        ("The Software Engineering Manager (SEM) leads a team of engineers.", "paid search"),
        ("Build AR and VR features and manage IP allow-lists.", "accounts receivable"),
        ("Build AR and VR features and manage IP allow-lists.", "intellectual property"),
        ("Work alongside the Customer Success and Sales teams.", "customer success management"),
        ("Work with People Operations on the hiring plan.", "HR operations"),
        ("Run the nightly data reconciliation job before the release.", "reconciliations"),
    ],
)
def test_an_everyday_word_in_engineering_prose_is_not_a_business_skill(matcher, text, wrong):
    assert matcher.lookup(wrong) == wrong  # a skill of the taxonomy, so the test can fail
    assert wrong not in _skills(matcher, text)


def test_engineering_prose_names_no_business_skill(matcher):
    text = (
        "You will close incidents quickly, excel at code review, take minutes-long builds down to seconds, "
        "keep a healthy pipeline of merge requests and offer sound advice to the team during the workday."
    )
    assert _skills(matcher, text) & BUSINESS == set()


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("Post month-end journals in Sage.", "Sage"),
        ("Configure Workday and payroll integrations for the HR team.", "HRIS"),
        ("Reconciliations of bank and credit card accounts.", "reconciliations"),
    ],
)
def test_a_word_that_needs_context_counts_in_a_finance_or_hr_sentence(matcher, text, right):
    assert right in _skills(matcher, text)


def test_every_business_term_names_its_own_entry_and_no_kpi(matcher):
    """Reads the raw file, so a term repeated within it (which the loader would merge) is caught too."""
    raw = yaml.safe_load((DEFAULT_TAXONOMY_DIR / "business.yaml").read_text(encoding="utf-8"))["skills"]
    owners: dict[str, str] = {}
    wrong = []
    for entry in raw:
        for term in [entry["name"], *entry.get("aliases", [])]:
            if "…" in term:
                continue  # a gapped alias is matched by its words, not looked up
            key = normalize_term(term)
            if owners.setdefault(key, entry["name"]) != entry["name"] or matcher.lookup(term) != entry["name"]:
                wrong.append((term, entry["name"]))
            if matcher.lookup(term, "kpi") is not None:
                wrong.append((term, f"KPI {matcher.lookup(term, 'kpi')}"))
    assert wrong == []


def test_excel_written_as_the_product_is_spreadsheets_and_the_verb_is_not(matcher):
    assert _skills(matcher, "Confident with Microsoft Word, Excel and PowerPoint.") >= {"spreadsheets"}
    assert "spreadsheets" not in _skills(matcher, "You will excel at building relationships with suppliers.")
