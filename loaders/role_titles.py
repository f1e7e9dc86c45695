"""What a role title looks like: the shared word lists and tests of every loader that finds roles.

``ROLE_NOUN`` and ``NOT_A_TITLE`` are the tests the job-family loader has always used (kept exactly,
so its results do not move); the layout interpreters add ``looks_like_role`` (a wider set of role
nouns: developer, leader, member, CTO ...) and ``level_name`` (generic level names such as
``Level 2``, ``L3``, ``IC4``, ``Senior``, ``Pleno``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.model import LoadProblem, Location, ParsedRole, SectionKind
from loaders.text import classify_heading, clean_line, clean_title, protect_abbreviations

__all__ = [
    "LEVEL_WORDS",
    "POSITION_NOUN",
    "NOT_A_ROLE",
    "NOT_A_TITLE",
    "ROLE_NOUN",
    "decorated_title",
    "has_level_word",
    "is_generic_level",
    "level_name",
    "looks_like_role",
    "names_no_role",
    "role_like_headings",
    "split_titles",
]

def decorated_title(source: str, at: Location, title: str, shown: str) -> LoadProblem:
    """The warning that ``title`` (at ``at`` in ``source``) is read as ``shown``, its decoration dropped."""
    return LoadProblem(
        path=source,
        line=at.line,
        **at.beyond_line,
        message=f"title {title!r} read as {shown!r} (decoration dropped)",
        severity="warning",
        cause="decorated-title",
    )


NOT_A_TITLE = re.compile(r"\b(?:what|how|why|you|your|we|our|like|roles)\b|[?'’]", re.I)
ROLE_NOUN = re.compile(
    r"\b(?:engineers?|managers?|directors?|analysts?|specialists?|leads?|vp|officer|fellow|representative|head"
    r"|architect|scientist|president|chief)\b",
    re.I,
)
# Role nouns of the functions beyond engineering (finance, people, administration, health, education, law).
_SERVICE_NOUNS = (
    r"assistants?|advisers?|accountants?|clerks?|supervisors?|planners?|auditors?|recruiters?|receptionists?"
    r"|secretary|secretaries|nurses?|teachers?|lecturers?|librarians?|therapists?|pharmacists?|surveyors?|solicitors?"
    r"|generalists?|controllers?|paralegals?|bookkeepers?|buyers?|copywriters?|cashiers?|tellers?|underwriters?"
    r"|actuary|actuaries|economists?|strategists?|trainers?|counsel|attorneys?|lawyers?|representatives?"
)
_MORE_ROLE_NOUNS = re.compile(
    r"\b(?:developers?|programmers?|leaders?|designers?|consultants?|coach|administrators?|owners?|members?"
    r"|reviewers?|approvers?|maintainers?|triagers?|sponsors?|contributors?|committers?|testers?|researchers?"
    r"|scientists?|interns?|trainees?|apprentices?|coordinators?|producers?|writers?|editors?|advisors?"
    r"|c[teiopfd]o|ciso|svp|evp|partner|principal|steward|champion|moderator|operator|technician|executive"
    rf"|{_SERVICE_NOUNS})\b",
    re.I,
)
#: The nouns that end a role title named in prose ("a Principal MLOps Engineer", "two Staff Accountants").
POSITION_NOUN = re.compile(
    r"\b(?:managers?|directors?|heads?|leads?|engineers?|architects?|analysts?|scientists?|specialists?|officers?"
    r"|president|vp|svp|evp|cto|cio|ciso|cpo|ceo|coo|cfo|fellow|researchers?|designers?|consultants?|partners?"
    rf"|developers?|administrators?|coordinators?|technicians?|advisors?|{_SERVICE_NOUNS})\b",
    re.I,
)
# Level words a ladder uses alone as a level's name (English, and the Portuguese/Spanish ones that occur).
LEVEL_WORDS = (
    "intern|trainee|apprentice|graduate|entry|entry-level|junior|jr|associate|intermediate|mid|mid-level|middle"
    "|senior|sr|staff|senior staff|principal|distinguished|fellow|lead|expert|beginner|advanced|novice|competent"
    "|proficient"
    "|pleno|júnior|sênior|semi-senior|semisenior|especialista|practitioner|leading expert"
)
_STANDALONE = re.compile(r"^(?:intern|trainee|apprentice|graduate|fellow)$", re.I)  # roles of their own
_LEVEL_WORD = re.compile(rf"^(?:{LEVEL_WORDS})(?:\s+(?:i{{1,3}}|iv|v|[1-9]))?$", re.I)
_LEVEL_CODE = re.compile(
    r"^(?:(?:level|lvl|grade|band|tier|step|stage|rank|nivel|nível|niveau|stufe)\s*-?\s*\d{1,2}[a-z]?"
    r"|(?:l|ic|m|e|p|t|s|d|g|sde|swe)\s*-?\s*\d{1,2})$",
    re.I,
)
_LEVEL_PREFIX = re.compile(
    r"^(?P<level>(?:level|lvl|grade|band|tier|step|stage|nivel|nível)\s*-?\s*\d{1,2}|(?:l|ic|m|e|p)\s*-?\s*\d{1,2})"
    r"\s*[:.\-–—)]\s*(?P<name>.+)$",
    re.I,
)
_HAS_LEVEL_WORD = re.compile(rf"\b(?:{LEVEL_WORDS})\b", re.I)
NOT_A_ROLE = re.compile(
    r"^(?:levels?|example behaviou?rs?|examples?|other pages|hiring process|overview|introduction|summary"
    r"|references?|faqs?|links|resources|tracks?|notes?|glossary|background|contents|table of contents"
    r"|commons?|changelog|history|definitions?|principles|values|how .*|what .*|why .*"
    # "General", "General requirements": a section; "General Counsel", "General Manager": a role
    r"|general(?!\s+(?:counsel|managers?|partners?|practitioners?|secretary|assistants?)$).*)$",
    re.I,
)


def is_generic_level(text: str) -> bool:
    """Whether ``text`` names only a level, not a role (``Level 2``, ``L3``, ``IC4``, ``Senior``, ``Pleno``).

    Examples
    --------
    >>> [is_generic_level(t) for t in ("Level 2", "L3", "IC4", "Senior", "Pleno", "Senior Engineer", "Member")]
    [True, True, True, True, True, False, False]
    """
    words = " ".join(text.replace("_", " ").split()).strip(" .:")
    if _STANDALONE.match(words):
        return False
    return bool(_LEVEL_WORD.match(words) or _LEVEL_CODE.match(words) or _LEVEL_CODE.match(words.replace(" ", "")))


def level_name(text: str) -> tuple[str, str | None] | None:
    """``(level, name)`` when ``text`` names a level (``Level 1: Product Manager I``), else None.

    Examples
    --------
    >>> level_name("Level 1: Product Manager I"), level_name("L3"), level_name("Senior Full Stack Developer")
    (('Level 1', 'Product Manager I'), ('L3', None), None)
    """
    text = " ".join(text.split()).strip()
    prefixed = _LEVEL_PREFIX.match(text)
    if prefixed:
        return prefixed.group("level"), prefixed.group("name").strip()
    if is_generic_level(text):
        return text.strip(" .:"), None
    return None


def has_level_word(text: str) -> bool:
    """Whether a title carries a level (``Senior Full Stack Developer``, ``Mid-Level ...``, ``Level 3``)."""
    return bool(_HAS_LEVEL_WORD.search(text)) or level_name(text) is not None


def looks_like_role(text: str) -> bool:
    """Whether a heading or cell reads as a role title rather than a section or a sentence.

    Examples
    --------
    >>> [looks_like_role(t) for t in ("Engineering Manager", "Tech Lead", "CTO", "Example behaviours",
    ...  "Hiring process", "Levels", "Junior", "What we look for", "Responsibilities", "General Counsel")]
    [True, True, True, False, False, False, True, False, False, True]
    """
    words = " ".join(text.split()).strip(" :")
    if not words or len(words) > 80 or NOT_A_ROLE.match(words) or NOT_A_TITLE.search(words):
        return False
    if classify_heading(words) is not SectionKind.OTHER:
        return False
    return bool(ROLE_NOUN.search(words) or _MORE_ROLE_NOUNS.search(words) or level_name(words))


_WORDS = re.compile(r"[\w&+#]+")
_MAX_TITLE_WORDS = 16


def _runs(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [words[i:j] for i in range(len(words)) for j in range(i + 1, len(words) + 1)]


def role_like_headings(headings: Iterable[tuple[str, int]], roles: list[ParsedRole], source: str) -> list[LoadProblem]:
    """Headings ``(text, line)`` worded like a role title that no role of ``roles`` was read from.

    A heading that names a role's title (or alias), or a generic level ("Senior", "L3"), is not reported;
    every layout reports the others so ``orgkg validate`` lists them under one cause.

    Examples
    --------
    >>> roles = [ParsedRole(title="Engineering Manager", source="em.md", line=1)]
    >>> headings = [("Engineering Manager — Role Description", 1), ("Responsibilities", 3),
    ...             ("Senior", 5), ("Technical Program Manager", 9)]
    >>> [(p.line, p.cause) for p in role_like_headings(headings, roles, "em.md")]
    [(9, 'role-like-heading')]
    """
    titles: set[tuple[str, ...]] = set()
    inside_titles: set[tuple[str, ...]] = set()  # every run of words of a title
    for role in roles:
        for name in [role.title, *role.aliases]:
            words = tuple(_WORDS.findall(clean_title(name).lower()))[:_MAX_TITLE_WORDS]
            titles.add(words)
            inside_titles.update(_runs(words))
    problems = []
    for text, line in headings:
        words = " ".join(text.split())
        if not looks_like_role(words) or is_generic_level(words) or len(words.split()) > 8:
            continue
        cleaned = tuple(_WORDS.findall(clean_title(words).lower()))
        if cleaned in inside_titles or any(run in titles for run in _runs(cleaned)):
            continue  # names a role, or is named inside one: word runs keep this linear in headings and roles
        message = f"heading {words!r} looks like a role title but is not read as a role"
        problems.append(
            LoadProblem(path=source, line=line, message=message, severity="warning", cause="role-like-heading")
        )
    return problems


_TITLE_SEPARATORS_KEPT = re.compile(r"(\s*[,;/]\s*|\s+(?:or|and|&)\s+)")
_POSITION_ONLY = re.compile(
    r"^(?:(?:senior|sr|junior|jr|associate|staff|principal|group|global|executive|deputy|interim)\s+)*"
    r"(?:managers?|directors?|vice\s+presidents?|vps?|svps?|heads?|leads?|engineers?|officers?)$",
    re.I,
)


def split_titles(value: str) -> list[str]:
    """Split a list of role titles written on one line (commas, semicolons, slashes, ``or``, ``and``).

    A comma belongs to the title after a bare position ("Manager, Infrastructure", "Senior Managers,
    Solutions Architects") and before a qualifier that is no title of its own ("Backend Engineer,
    Fulfillment", "Accounting Manager, EMEA").

    Examples
    --------
    >>> split_titles("Platform Engineering Manager or Observability Engineering Manager; SRE Director.")
    ['Platform Engineering Manager', 'Observability Engineering Manager', 'SRE Director']
    >>> split_titles("Manager, Infrastructure or Sr. Director, Engineering")
    ['Manager, Infrastructure', 'Sr Director, Engineering']
    >>> split_titles("Accounting Manager, EMEA"), split_titles("Head of Data, CTO")
    (['Accounting Manager, EMEA'], ['Head of Data', 'CTO'])

    The name of the person in the post beside a title is no title ("Jane Smith, Head of Finance"):

    >>> split_titles("Jane Smith, Head of Finance"), split_titles("N/A")
    (['Head of Finance'], [])
    >>> split_titles("Head of Finance, via the Finance Business Partner")
    ['Head of Finance']
    """
    if names_no_role(value):
        return []
    pieces = _TITLE_SEPARATORS_KEPT.split(protect_abbreviations(clean_line(value)))
    titles: list[str] = []
    joining = False
    for index in range(0, len(pieces), 2):
        part = pieces[index].strip()
        if joining and titles:
            titles[-1] = f"{titles[-1]}, {part}"
        elif part.strip(" ."):
            titles.append(part)
        separator = pieces[index + 1] if index + 1 < len(pieces) else ""
        following = pieces[index + 2].strip(" .") if index + 2 < len(pieces) else ""
        joining = separator.strip() == "," and (
            bool(_POSITION_ONLY.match(part.strip(" ."))) or (bool(following) and not looks_like_role(following))
        )
    # "Head of Finance, via the Finance Business Partner": the line runs through another role, named apart
    titles = [clean_title(title) for title in titles if title.strip(" .") and not _VIA.match(title)]
    if len(titles) > 1 and any(looks_like_role(title) for title in titles):
        titles = [title for title in titles if looks_like_role(title) or not _PERSON_NAME.match(title)]
    return titles


_NO_ROLE_VALUE = re.compile(
    r"^(?:none|n/?a|nil|no|not applicable|tb[cd]|to be (?:confirmed|determined|decided|agreed)|vacant|varies"
    r"|various|see .*|-+|–|—)\.?$",
    re.I,
)


def names_no_role(value: str) -> bool:
    """Whether a career line's value is a placeholder, not a role ("N/A", "None", "TBC", "See org chart").

    >>> [names_no_role(v) for v in ("N/A", "TBC", "See the org chart", "Head of Payroll", "Nurse")]
    [True, True, True, False, False]
    """
    return bool(_NO_ROLE_VALUE.match(clean_line(value).strip()))


_VIA = re.compile(r"^\s*(?:via|through)\b", re.I)
# A person's name as a post holder's is written beside the post ("Jane Smith", "Mary J. Lee").
_PERSON_NAME = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}$")
