"""XML job feeds and XML exports: Personio's ``/xml`` feed and the Indeed-format feed applicant tracking
systems syndicate jobs in are read as postings (title, job code, department, the description's HTML and
parts); other XML is data, so a job catalog exported as XML is a table of roles. A document type
declaration is refused with the file's path and line; a malformed file is an error at its line and the
other files still load.

The feeds are written in the shapes their publishers document; the job texts are invented.
"""

from __future__ import annotations

from graph.model import SectionKind
from loaders.load import load_file, load_paths

PERSONIO = """<?xml version="1.0" encoding="UTF-8"?>
<workzag-jobs>
  <position>
    <id>1187345</id>
    <subcompany>Northwind GmbH</subcompany>
    <office>Berlin</office>
    <department>Finance</department>
    <recruitingCategory>Finance</recruitingCategory>
    <name>Payroll Specialist (m/w/d)</name>
    <jobDescriptions>
      <jobDescription>
        <name>About us</name>
        <value><![CDATA[<p>Northwind makes logistics software.</p>]]></value>
      </jobDescription>
      <jobDescription>
        <name>Your tasks</name>
        <value><![CDATA[<ul><li>Run the monthly payroll in DATEV</li><li>Answer payroll questions</li></ul>]]></value>
      </jobDescription>
      <jobDescription>
        <name>Your profile</name>
        <value><![CDATA[<ul><li>Three years of payroll experience</li><li>Fluent German</li></ul>]]></value>
      </jobDescription>
    </jobDescriptions>
    <employmentType>permanent</employmentType>
    <seniority>experienced</seniority>
    <schedule>full-time</schedule>
    <occupationCategory>finance</occupationCategory>
    <createdAt>2026-10-01T09:00:00+00:00</createdAt>
  </position>
</workzag-jobs>
"""

INDEED = """<?xml version="1.0" encoding="ISO-8859-1"?>
<source>
  <publisher>Acme Careers</publisher>
  <publisherurl>https://careers.acme.example</publisherurl>
  <job>
    <title><![CDATA[Site Reliability Engineer]]></title>
    <date><![CDATA[Mon, 02 Nov 2026 10:00:00 GMT]]></date>
    <referencenumber><![CDATA[SRE-2031]]></referencenumber>
    <url><![CDATA[https://careers.acme.example/jobs/sre-2031]]></url>
    <company><![CDATA[Acme]]></company>
    <city><![CDATA[M\xfcnchen]]></city>
    <country><![CDATA[DE]]></country>
    <description><![CDATA[<h3>Responsibilities</h3>
      <ul><li>Run Kubernetes clusters</li><li>Own the on-call rota</li></ul>]]></description>
    <education><![CDATA[Bachelor's degree]]></education>
    <jobtype><![CDATA[fulltime]]></jobtype>
  </job>
  <job>
    <title><![CDATA[Engineering Manager, Platform]]></title>
    <referencenumber><![CDATA[EM-2032]]></referencenumber>
    <description><![CDATA[<p>Lead the platform team of six engineers.</p>]]></description>
  </job>
</source>
"""


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _sections(role) -> dict[str, str]:
    return {section.name: section.text for section in role.sections}


def test_a_personio_feed_is_read_as_its_positions(tmp_path):
    (tmp_path / "personio.xml").write_text(PERSONIO)
    document = load_file(tmp_path / "personio.xml", root=tmp_path)
    [role] = document.roles
    assert (role.title, role.department) == ("Payroll Specialist", "Finance")  # the post's (m/w/d) dropped
    assert role.line == _line_of(PERSONIO, "<name>Payroll")
    sections = _sections(role)
    assert sections["Your tasks"] == "Run the monthly payroll in DATEV\nAnswer payroll questions"
    assert sections["Your profile"] == "Three years of payroll experience\nFluent German"
    assert "logistics software" not in role.summary  # "About us" is the employer's part
    requirements = [m for m in role.skills if m.section is SectionKind.REQUIREMENTS]
    assert [m.at.line for m in requirements] == [_line_of(PERSONIO, "<value><![CDATA[<ul><li>Three")] * 2


def test_an_indeed_format_feed_in_latin_1_is_read_as_its_jobs(tmp_path):
    (tmp_path / "feed.xml").write_bytes(INDEED.encode("latin-1"))
    document = load_file(tmp_path / "feed.xml", root=tmp_path)
    roles = {role.title: role for role in document.roles}
    assert list(roles) == ["Site Reliability Engineer", "Engineering Manager, Platform"]
    sre = roles["Site Reliability Engineer"]
    assert sre.aliases == ["SRE-2031"]
    assert _sections(sre)["Responsibilities"] == "Run Kubernetes clusters\nOwn the on-call rota"
    assert _sections(sre)["Education"] == "Bachelor's degree"
    assert not any("München" in text or "Acme" in text for text in _sections(sre).values())
    assert document.problems == []


def test_an_xml_job_catalog_export_is_a_table_of_roles(tmp_path):
    export = (
        '<?xml version="1.0"?>\n<JobProfiles xmlns:wd="urn:com.workday/bsvc">\n'
        '  <wd:JobProfile>\n    <wd:JobCode>FIN-101</wd:JobCode>\n    <wd:JobTitle>Staff Accountant</wd:JobTitle>\n'
        "    <wd:JobFamily>Accounting</wd:JobFamily>\n    <wd:ReportsTo>Accounting Manager</wd:ReportsTo>\n"
        "  </wd:JobProfile>\n"
        '  <wd:JobProfile>\n    <wd:JobCode>FIN-201</wd:JobCode>\n    <wd:JobTitle>Accounting Manager</wd:JobTitle>\n'
        "    <wd:JobFamily>Accounting</wd:JobFamily>\n    <wd:ReportsTo>Controller</wd:ReportsTo>\n"
        "  </wd:JobProfile>\n</JobProfiles>\n"
    )
    (tmp_path / "profiles.xml").write_text(export)
    document = load_file(tmp_path / "profiles.xml", root=tmp_path)
    roles = {role.title: role for role in document.roles}
    assert list(roles) == ["Staff Accountant", "Accounting Manager"]
    accountant = roles["Staff Accountant"]
    assert (accountant.family, accountant.aliases) == ("Accounting", ["FIN-101"])
    assert [(ref.title, ref.at.line) for ref in accountant.reports_to] == [("Accounting Manager", 7)]


def test_xml_with_a_document_type_or_broken_markup_is_reported_and_the_rest_loads(tmp_path):
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
        "<source><job><title>&lol2;</title></job></source>\n"
    )
    (tmp_path / "bomb.xml").write_text(bomb)
    (tmp_path / "broken.xml").write_text('<?xml version="1.0"?>\n<source>\n<job><title>SRE</job>\n</source>\n')
    (tmp_path / "personio.xml").write_text(PERSONIO)
    result = load_paths([tmp_path], root=tmp_path)
    assert [role.title for role in result.roles] == ["Payroll Specialist"]
    problems = {problem.path: problem for problem in result.all_problems if problem.severity == "error"}
    assert problems["bomb.xml"].line == 2 and "document type" in problems["bomb.xml"].message
    assert problems["broken.xml"].line == 3 and "malformed XML" in problems["broken.xml"].message
