"""The label grammar every layout shares: which label names a career fact, a role field or an inline list.

A label is the text before a colon on a line (``Reports to: Head of SRE``, ``**Next step:** X``,
``* Manages: A, B``) or a heading whose section lists the values (``### Next roles``). Labels are
compared lower-cased, without emphasis, bullets, a trailing colon or a final plural ``s``, so
``Next Roles``, ``next role`` and ``NEXT ROLES:`` are one label.

Import the grammar from here (readers and layout interpreters do): :data:`CAREER_LABELS` maps a label to
the ``ParsedRole`` reference field it fills, :data:`ROLE_LABELS` to a field of the role itself,
:data:`LIST_LABELS` names inline lists of skills or KPIs, and :data:`CAREER_CONTAINERS` are headings
("Where this role sits", "Career path") whose section holds career labels.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from graph.model import SectionKind
from loaders.role_titles import POSITION_NOUN, split_titles
from loaders.text import classify_heading, clean_title, protect_abbreviations

__all__ = [
    "CAREER_CONTAINERS",
    "CAREER_LABELS",
    "CODE_LABELS",
    "COUNT_WORDS",
    "LABEL_LINE",
    "LIST_LABELS",
    "ROLE_LABELS",
    "TITLE_LABELS",
    "BARE_TITLE_LABELS",
    "STAFF_LABELS",
    "PLACE_LABELS",
    "POST_LABELS",
    "blank_label_lines",
    "career_field",
    "code_label",
    "career_labels",
    "grade_of",
    "label_segments",
    "known_label",
    "label_key",
    "own_reports_in_prose",
    "reports_to_in_prose",
    "post_label",
    "staff_label",
    "title_label",
    "singular_title",
    "staff_in_prose",
    "titles_in_prose",
    "list_label",
    "role_field",
    "section_label",
]

CAREER_LABELS: dict[str, str] = {
    "reports to": "reports_to",
    "reporting to": "reports_to",
    "reports into": "reports_to",
    "reporting line": "reports_to",
    "line manager": "reports_to",
    "responsible to": "reports_to",
    "accountable to": "reports_to",
    "manager": "reports_to",
    "supervisor": "reports_to",
    "reporting manager": "reports_to",
    "manager title": "reports_to",
    "reports to position": "reports_to",
    "reports to title": "reports_to",
    "direct reports": "direct_reports",
    "manages": "direct_reports",
    "managing": "direct_reports",
    "next roles": "promotes_to",
    "next role": "promotes_to",
    "next step": "promotes_to",
    "next steps": "promotes_to",
    "next level": "promotes_to",
    "promotes to": "promotes_to",
    "promotion": "promotes_to",
    "promotion path": "promotes_to",
    "progresses to": "promotes_to",
    "next job": "promotes_to",
    "next position": "promotes_to",
    "lateral moves": "lateral",
    "lateral move": "lateral",
    "lateral roles": "lateral",
    "lateral": "lateral",
    "related roles": "lateral",
}
ROLE_LABELS: dict[str, str] = {
    "level": "level",
    "job level": "level",
    "career level": "level",
    "management level": "level",
    "seniority": "level",
    "seniority level": "level",
    "family": "family",
    "job family": "family",
    "discipline": "family",
    "department": "department",
    "division": "department",
    "directorate": "department",
    "function": "department",
    "job function": "department",
    "business unit": "department",
    "grade": "grade",
    "job grade": "grade",
    "band": "grade",
    "pay band": "grade",
    "pay grade": "grade",
    "salary grade": "grade",
    "compensation grade": "grade",
    "grade level": "grade",
    "salary band": "grade",
}
#: Labels that give the role's own title (``Job title: Senior Data Analyst``); the bare ones ("Post",
#: "Position", "Role") only when their value reads as a role title.
TITLE_LABELS: frozenset[str] = frozenset(
    {
        "job title", "role title", "post title", "position title", "title of post", "title of role", "job role",
        "job profile", "job profile name", "job profile title", "job name", "role name", "position name",
    }
)
BARE_TITLE_LABELS: frozenset[str] = frozenset({"title", "job", "post", "position", "role"})
#: Labels whose value is the job's code in the organisation's catalog (``Job code: FIN-101``): a name people
#: look the role up by.
CODE_LABELS: frozenset[str] = frozenset(
    {
        "job code", "job number", "job id", "job profile code", "job profile id", "profile code", "position code",
        "position number", "post number", "reference", "job reference", "reference number",
    }
)
#: Labels of a job description's particulars besides career facts and role fields: where and on what terms
#: the post is (``Location: Leeds``, ``FLSA status: Exempt``).
POST_LABELS: frozenset[str] = frozenset(
    {
        "faculty", "school", "service", "team", "unit", "section", "organisation", "organization", "location",
        "base", "work location", "place of work",
        "salary", "salary range", "pay", "hours", "working hours", "hours of work", "contract", "contract type",
        "duration", "term", "date", "last reviewed", "date reviewed", "budget", "budget responsibility",
        "sub-family", "job sub-family", "contract length", "flsa status", "flsa", "employment type",
        "exempt", "exemption status", "status", "job family group", "family group",
        # a wiki page's own properties (Notion, Confluence): when and by whom it was written, its tags
        "created", "created time", "created at", "created by", "created on", "last edited", "last edited time",
        "last edited by", "last modified", "last modified by", "last updated", "updated", "tags", "owner",
        "page owner", "author", "version", "approved by", "review date", "next review", "effective date",
    }
) | CODE_LABELS
#: Labels of the post's particulars that say where it is ("Location: Berlin, Germany").
PLACE_LABELS: frozenset[str] = frozenset(
    {"location", "locations", "work location", "place of work", "base", "office", "city"}
)
#: Labels that may name the staff a role manages ("Responsible for: 3 x Data Analysts"), read as direct
#: reports only when their value names roles (``loaders.layouts.particulars.staff_titles``).
STAFF_LABELS: frozenset[str] = frozenset(
    {"responsible for", "line management responsibility", "line management", "staff managed", "supervises"}
)
LIST_LABELS: tuple[str, ...] = (
    "skills",
    "competencies",
    "core competencies",
    "technical skills",
    "skills & tools",
    "skills and tools",
    "tools",
    "tech stack",
    "technologies",
    "kpis",
    "metrics",
    "requirements",
)
#: Headings whose section states career facts as labels ("Where this role sits": ``Reports to: X``).
CAREER_CONTAINERS = re.compile(
    r"^(?:where (?:this|the) role sits|career (?:path|ladder|progression)s?|reporting(?: lines?)?"
    r"|position in the (?:team|organi[sz]ation)|relationships)$"
)

#: A label line: up to four words (letters, spaces, ``&``, ``/``, ``-``) before a colon, then the value.
LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &/-]{1,30}?)\s*:\s*(?P<value>.*)$")

_MARKUP = re.compile(r"[*_`]+")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")


@lru_cache(maxsize=4096)  # a catalog's headers and a template's labels come back on every row and page
def label_key(label: str) -> str:
    """A label as the grammar compares it.

    Examples
    --------
    >>> label_key("**Next Roles:**"), label_key("* Reports to"), label_key("Manages")
    ('next roles', 'reports to', 'manages')
    """
    text = _BULLET.sub("", label)
    text = _MARKUP.sub("", text).replace("’", "'")
    return " ".join(text.strip().rstrip(":").strip().lower().split())


def _lookup(table: dict[str, str], label: str) -> str | None:
    key = label_key(label)
    found = _lookup_key(table, key)
    if found is None and (bare := _TITLE_QUALIFIER.sub("", key)) != key:
        found = _lookup_key(table, bare)  # an export's "Manager Job Title", "Supervisor Position", "Reports To (Title)"
    return found


_TITLE_QUALIFIER = re.compile(r"\s*\((?:job\s+)?(?:title|position|role|name)\)$|\s+(?:job\s+)?(?:title|position|role)$")


def _lookup_key(table: dict[str, str], key: str) -> str | None:
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    return table.get(key + "s")


def career_field(label: str) -> str | None:
    """The reference field (``reports_to``, ``direct_reports``, ``promotes_to``, ``lateral``) a label fills.

    Examples
    --------
    >>> career_field("Next step"), career_field("**Manages:**"), career_field("Lateral Moves"), career_field("Skills")
    ('promotes_to', 'direct_reports', 'lateral', None)
    >>> career_field("Manager Job Title"), career_field("Supervisor Position"), career_field("Reports To (Title)")
    ('reports_to', 'reports_to', 'reports_to')
    """
    return _lookup(CAREER_LABELS, label)


def role_field(label: str) -> str | None:
    """The role field (``level``, ``family``, ``grade``, ``department``) a label sets.

    Examples
    --------
    >>> role_field("Job grade"), role_field("Team")
    ('grade', None)
    """
    return _lookup(ROLE_LABELS, label)


def title_label(label: str) -> bool:
    """Whether a label may give the role's own title (``Job title``, ``Post``); see :data:`TITLE_LABELS`.

    >>> title_label("**Job Title:**"), title_label("Position"), title_label("Team")
    (True, True, False)
    """
    key = label_key(label)
    return key in TITLE_LABELS or key in BARE_TITLE_LABELS


def code_label(label: str) -> bool:
    """Whether a label gives the job's code in the organisation's catalog (:data:`CODE_LABELS`).

    >>> code_label("**Job Code:**"), code_label("Reference number"), code_label("Grade")
    (True, True, False)
    """
    return label_key(label) in CODE_LABELS


def section_label(label: str) -> SectionKind | None:
    """The part of the role a label names, as a heading would ("Key responsibilities", "Skills and
    experience", "Job purpose"), when it is no particular's label; else None.

    >>> section_label("Key responsibilities:").value, section_label("Reports to"), section_label("Location")
    ('responsibilities', None, None)
    """
    key = label_key(label)
    kind = classify_heading(key) if key else None
    return kind if kind in _SECTION_KINDS and not known_label(key) else None


#: The parts of a role a label may name as a heading would, beside its value ("Key responsibilities: ...").
_SECTION_KINDS = frozenset(
    {SectionKind.SUMMARY, SectionKind.RESPONSIBILITIES, SectionKind.SKILLS, SectionKind.REQUIREMENTS,
     SectionKind.NICE_TO_HAVE, SectionKind.KPIS}
)  # fmt: skip


def post_label(label: str) -> bool:
    """Whether a label gives one of a post's particulars (:data:`POST_LABELS`).

    >>> post_label("**Location:**"), post_label("FLSA Status"), post_label("Skills")
    (True, True, False)
    """
    return label_key(label) in POST_LABELS


def staff_label(label: str) -> bool:
    """Whether a label may name the staff a role manages (:data:`STAFF_LABELS`).

    >>> staff_label("Responsible for:"), staff_label("Responsibilities")
    (True, False)
    """
    return label_key(label) in STAFF_LABELS


def known_label(label: str) -> bool:
    """Whether a label is one of the grammar's — a career fact, a role field, the title, the staff or a
    post particular — in any case, plural, or as one part of ``Grade/Band``.

    >>> known_label("Grade/Band"), known_label("Departments"), known_label("Why we hire")
    (True, True, False)
    """
    key = label_key(label)
    if not key:
        return False
    return (
        key in _KNOWN_LABELS
        or key.rstrip("s") in _KNOWN_LABELS
        or any(part.strip() in _KNOWN_LABELS for part in key.split("/"))
        or career_field(key) is not None  # "Manager Job Title": a career label with its column's qualifier
        or role_field(key) is not None
    )


_KNOWN_LABELS = POST_LABELS | STAFF_LABELS | TITLE_LABELS | BARE_TITLE_LABELS | set(CAREER_LABELS) | set(ROLE_LABELS)


def grade_of(value: str) -> int | None:
    """The grade number a grade label's value states (``Grade 7``, ``Band 6 (£35,000 - £40,000)``, ``G7``).

    Examples
    --------
    >>> grade_of("Grade 7 (£35,000 - £40,000)"), grade_of("G7"), grade_of("£35,000"), grade_of("n/a")
    (7, 7, None, None)
    """
    found = _GRADE_NUMBER.search(value)
    return int(found.group(1)) if found else None


_GRADE_NUMBER = re.compile(r"(?<![\d£$€.,])(\d{1,3})(?!\d|[,.]\d)")


def list_label(label: str) -> bool:
    """Whether a label introduces an inline list of skills or KPIs (``Skills & tools: A, B``).

    Examples
    --------
    >>> list_label("Skills & tools"), list_label("Reports to")
    (True, False)
    """
    return label_key(label) in LIST_LABELS


def career_labels(text: str) -> list[tuple[int, tuple[str, str]]]:
    """``(line offset, (field, value))`` of every career label line with a value in a cleaned text.

    Examples
    --------
    >>> career_labels("Leads ML.\\nManages: MLOps Engineers\\nNext step: Head of Data.")
    [(1, ('direct_reports', 'MLOps Engineers')), (2, ('promotes_to', 'Head of Data.'))]
    """
    found = []
    for offset, line in enumerate(text.split("\n")):
        match = LABEL_LINE.match(_BULLET.sub("", _MARKUP.sub("", line)).strip())
        if match and match.group("value").strip() and (field := career_field(match.group("label"))):
            found.append((offset, (field, match.group("value").strip())))
    return found


_RUN_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def label_segments(line: str) -> list[str]:
    """The label lines of a line that runs several together ("Location: Leeds | Reports to: Head of Payroll"),
    as a job ad's header writes its particulars; ``[line]`` for any other line.

    >>> label_segments("Location: Leeds | Reports to: Head of Payroll | Grade: 5")
    ['Location: Leeds', 'Reports to: Head of Payroll', 'Grade: 5']
    >>> label_segments("Tools: Git | GitHub"), label_segments("Reports to: Head of Payroll")
    (['Tools: Git | GitHub'], ['Reports to: Head of Payroll'])
    """
    parts = _RUN_SEPARATOR.split(line)
    shaped = len(parts) >= 2 and all(LABEL_LINE.match(part) for part in parts)
    if shaped and any(known_label(part.split(":")[0]) for part in parts):
        return parts
    return [line]


def blank_label_lines(text: str) -> str:
    """``text`` with every line that is a career label (``Reports to: MLOps Manager``), a role field
    (``Level: L4``, ``Department: Data Platform``), the staff the role manages (``Responsible for: Payroll
    Clerk``) or a particular of the post or the page (``Location: Leeds``, ``Created: 5 January 2023``)
    emptied, line breaks kept.

    Such a line names roles, places and dates, not what the role does: it is never scanned for skills or
    KPIs ("Department: Data Platform" is no data platform skill), nor read as the role's summary.

    Examples
    --------
    >>> blank_label_lines("Own the SLOs.\\nReports to: MLOps Manager\\nLateral moves: ML Platform")
    'Own the SLOs.\\n\\n'
    >>> blank_label_lines("Department: Data Platform\\nTags: Backend\\nSkills: Python")
    '\\n\\nSkills: Python'
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = LABEL_LINE.match(_BULLET.sub("", _MARKUP.sub("", line)).strip())
        if match and _names_no_skill(match.group("label")):
            lines[index] = ""
    return "\n".join(lines)


def _names_no_skill(label: str) -> bool:
    key = label_key(label)
    return bool(career_field(label) or role_field(label) or key in POST_LABELS or key in STAFF_LABELS)


_REPORTS_TO = re.compile(
    r"\breports?\s+(?:in)?to\s*:?\s+(?:and\s+collaborates?\s+directly\s+with\s+)?(?:the\s+|an?\s+)?(?P<title>[^.;:\n]+)",
    re.I,
)
_TITLE_TAIL = re.compile(
    r"\s+(?:of\s+their|and\s+acts|and\s+above|who|which|in\s+order|to\s+|for\s+|on\s+|within\s+|as\s+|at\s+|with\s+"
    # "reports to the Financial Controller and manages two Assistant Accountants": the sentence goes on
    r"|,?\s*and\s+(?:(?:line[\s-]+)?manages?|leads?|supervises?|oversees|works|is|has|holds|will)\b"
    # "reports to the Payroll Manager and work with HR": a lower-case word after "and" goes on with the sentence
    r"|,?\s*and\s+(?-i:[a-z])\w*)\b.*$",
    re.I,
)
_PRONOUN = re.compile(r"^(?:you|them|me|us|him|her|it|their|whoever)\b", re.I)
# "reports to and acts as the individual contributor equivalent of a Senior Director or Director, X role"
_REPORTS_TO_EQUIVALENT = re.compile(
    r"\breports?\s+to\s+and\s+(?:acts|serves)\s+as\s+[^.;\n]{0,80}?\b(?:equivalent|counterpart|peer|partner)\s+(?:of|to)"
    r"\s+(?:the\s+|an?\s+)?(?P<title>[^.;:\n]+)",
    re.I,
)
_LINK = re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{0,300}\)")  # bounded: linear on "[a](" × 100,000
# "Director-level managers", "a senior leader": a kind of manager, not a title.
_NOT_A_MANAGER_TITLE = re.compile(r"\b\w+-level\b|^(?:senior\s+)?(?:leaders?|leadership|management|managers)$", re.I)


def reports_to_in_prose(text: str) -> list[tuple[str, int]]:
    """``(title, offset)`` of every manager a sentence names: "reports to the X", "Reports to: X or Y".

    Examples
    --------
    >>> reports_to_in_prose("The SRE reports to the Sr. Director, Infrastructure or the VP of Engineering.")
    [('Sr Director, Infrastructure', 8), ('VP of Engineering', 8)]
    >>> reports_to_in_prose("Whoever reports to you")
    []
    >>> reports_to_in_prose("This role reports to [Director, Engineering](/x) of their sub-department.")
    [('Director, Engineering', 10)]
    >>> reports_to_in_prose("It reports to and acts as the IC equivalent of a Director or Director, Security role.")
    [('Director', 3), ('Director, Security', 3)]
    >>> reports_to_in_prose("This role reports to Director-level managers.")
    []
    """
    found = []
    text = protect_abbreviations(_LINK.sub(r"\1", text))
    for match in [*_REPORTS_TO.finditer(text), *_REPORTS_TO_EQUIVALENT.finditer(text)]:
        titles = _TITLE_TAIL.sub("", " ".join(match.group("title").split())).strip(" ,")
        if titles.lower().startswith("and "):
            continue  # "reports to and acts as ..." is read by the second pattern
        for title in re.split(r"\s+or\s+(?:the\s+|an?\s+)?", titles):
            if title and not _PRONOUN.match(title) and not _NOT_A_MANAGER_TITLE.search(title):
                found.append((clean_title(title), match.start()))
    return sorted(found, key=lambda item: item[1])


# The subject of a sentence that says where the role itself reports, outside its career section.
_OWN_SUBJECT = re.compile(
    r"^(?:(?:this|the)\s+(?:role|position|post|post\s*holder|job\s*holder|incumbent"
    r"|successful\s+(?:candidate|applicant))|you|it)(?:'ll|\s+will|\s+also|\s+directly)*$",
    re.I,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)")
_SUBJECT_CHARS = 80
_REPORTING_TO = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:you(?:'ll|\s+will)\s+be\s+)?(?P<verb>reporting)\s+(?:directly\s+)?(?:in)?to\s+"
    r"(?:the\s+|an?\s+)?(?P<title>[^,.;:\n]{1,120})",
    re.I,
)


def own_reports_in_prose(text: str, title: str = "") -> list[tuple[str, int]]:
    """The managers a sentence of a role's summary or duties names as the role's own: "This role reports to
    the CFO", "You will report to the Head of Payroll", "The Payroll Officer reports to …" (``title``); not
    the lines of the people it works with ("the teams that report to the CTO").

    >>> own_reports_in_prose("Leads payroll. This role reports to the Chief Financial Officer.")
    [('Chief Financial Officer', 25)]
    >>> own_reports_in_prose("You will report to the Head of Payroll.")
    [('Head of Payroll', 9)]
    >>> own_reports_in_prose("Works with teams that report to the CTO.")
    []
    >>> own_reports_in_prose("Reporting to the Head of Finance, you will lead the close.")
    [('Head of Finance', 0)]
    >>> text = "Reporting to the CFO, you run payroll. The Payroll Officer reports to the COO."
    >>> own_reports_in_prose(text, "Payroll Officer")
    [('CFO', 0), ('COO', 59)]
    """
    if "report" not in text.lower():  # every summary and duty paragraph comes here; most name no line
        return []
    own = []
    for match in _REPORTING_TO.finditer(text):  # "Reporting to the CFO, you will …", "You will be reporting to …"
        manager = _TITLE_TAIL.sub("", " ".join(match.group("title").split())).strip(" ,")
        if manager and not _PRONOUN.match(manager) and not _NOT_A_MANAGER_TITLE.search(manager):
            own.append((clean_title(manager), match.start("verb")))
    found_lines = reports_to_in_prose(text)
    starts = [m.end() for m in _SENTENCE_START.finditer(text)] if found_lines else []  # once, not per match
    for found, offset in found_lines:
        start = starts[bisect_right(starts, offset) - 1] if starts and starts[0] <= offset else 0
        if offset - start > _SUBJECT_CHARS:
            continue  # a long way into its sentence: its subject is no "This role"
        subject = " ".join(text[start:offset].split())
        named = bool(title) and subject.casefold() in (title.casefold(), f"the {title.casefold()}")
        if named or _OWN_SUBJECT.match(subject):
            own.append((found, offset))
    return own


_TITLE_RUN = re.compile(r"[A-Z][\w&'/+-]*(?:(?:\s+(?:of|and|&)\s+|,\s*|\s+)[A-Z][\w&'/+-]*)*")
_RUN_STOP_WORDS = re.compile(
    r"^(?:(?:The|A|An|This|That|These|Our|Your|You|We|It|In|For|As|After|Once|From|Either|Or|And|Then|Next|Most"
    r"|Typical|Typically|Natural|Usually|Often|Possible)\s+)+"
)
def titles_in_prose(text: str) -> list[str]:
    """Role titles named in a sentence: runs of capitalised words that end in a position noun.

    Examples
    --------
    >>> titles_in_prose("Typically Head of Data Engineering, or a Principal MLOps Engineer for IC growth.")
    ['Head of Data Engineering', 'Principal MLOps Engineer']
    """
    titles = []
    for match in _TITLE_RUN.finditer(protect_abbreviations(text)):
        for part in split_titles(match.group(0)):
            part = _RUN_STOP_WORDS.sub("", part).strip(" ,")
            if part and POSITION_NOUN.search(part):
                titles.append(clean_title(part))
    return list(dict.fromkeys(titles))


# "Supervises two Staff Accountants", "line manages the Data Analysts", "manages a team of 4 Data Engineers":
# a supervising verb, then the staff it names (bounded: linear on a run of verbs).
#: A head count as written before staff titles ("3 Data Analysts", "two Staff Accountants"), as a pattern.
COUNT_WORDS = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten"
_SUPERVISES = re.compile(
    r"(?i:\b(?:supervis(?:e|es|ing)|line[- ]manag(?:e|es|ing)|manag(?:e|es|ing)|oversee(?:s|ing)?)\s+"
    r"(?:(?:a|the)\s+team\s+of\s+|up\s+to\s+|the\s+)?"
    rf"(?:(?:{COUNT_WORDS}|several|all)\s+(?:the\s+)?)?)"
    r"(?P<staff>[A-Z][^.;:]{0,150})"
)
_COUNTED_AND = re.compile(rf"\b(?:and|or|&)\s+(?:{COUNT_WORDS})\s+", re.I)  # "... and one Payroll Clerk"
_STAFF_STOP = re.compile(r"\s+(?:in|on|at|for|to|who|which|within|across|from|of\s+the|,\s*(?:and\s+)?[a-z])\b.*$")


def staff_in_prose(text: str) -> list[tuple[str, int]]:
    """``(title, offset)`` of the staff a sentence says the role supervises, plural titles made singular.

    Examples
    --------
    >>> staff_in_prose("Supervises two Staff Accountants and one Payroll Clerk.")
    [('Staff Accountant', 0), ('Payroll Clerk', 0)]
    >>> staff_in_prose("Mentor and line manage the Data Analysts in the team.")
    [('Data Analyst', 11)]
    >>> staff_in_prose("Manages Stakeholder Relationships."), staff_in_prose("manages the budget")
    ([], [])
    """
    found = []
    for match in _SUPERVISES.finditer(protect_abbreviations(text)):
        staff = _STAFF_STOP.sub("", match.group("staff"))
        staff = _COUNTED_AND.sub("and ", staff)
        for title in titles_in_prose(staff):
            found.append((singular_title(title), match.start()))
    return found


def singular_title(title: str) -> str:
    """A title's last word without its plural ``s``.

    >>> singular_title("Staff Accountants"), singular_title("Payroll Secretaries"), singular_title("Head of Data")
    ('Staff Accountant', 'Payroll Secretary', 'Head of Data')
    """
    head, _, last = title.rpartition(" ")
    if len(last) > 3 and last.endswith("ies") and last[:1].isupper():
        last = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return f"{head} {last}".strip()
