"""Text hygiene shared by every loader: Markdown cleaning, heading kinds, list splitting, line counting.

The extractor downstream relies on one contract: cleaning never adds or removes a line break, so a
character's file line is always ``section.line`` plus the number of newlines before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection
from functools import lru_cache

from graph.model import SectionKind

__all__ = [
    "classify_heading",
    "lead_in_heading",
    "clean_line",
    "clean_title",
    "clean_text",
    "collapse",
    "drop_places",
    "drop_post_terms",
    "line_at",
    "line_finder",
    "own_acronyms",
    "protect_abbreviations",
    "sentence_finder",
    "sentences",
    "trim_blank_lines",
    "unshout",
]

# Every pattern here runs in linear time on any input: a repeated part cannot cross the token that starts
# the next match ("[" in a link text, "{{" or "}}" in a shortcode), so "[" × 20,000 is not 20,000 rescans.
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_SHORTCODE = re.compile(r"\{\{[<%](?:(?!\{\{|\}\}).)*?[>%]\}\}", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_REFERENCE_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_STRONG = re.compile(r"\*\*|__")
_SINGLE_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")

_NEWLINES_ONLY = re.compile(r"[^\n]+")


def _blank_keeping_lines(match: re.Match[str]) -> str:
    return _NEWLINES_ONLY.sub("", match.group(0))


def clean_line(line: str) -> str:
    """One line of Markdown as plain text: no bullet, link target, emphasis marker or HTML tag.

    Examples
    --------
    >>> clean_line("- Owning the [Mean Time to Production](/handbook/pi/#mttp) **KPI**")
    'Owning the Mean Time to Production KPI'
    >>> clean_line("1. The *Engineering Manager* role")
    'The Engineering Manager role'
    """
    # Each pattern runs only where the text it needs is there (most lines are plain words): the same result.
    start = line.lstrip()[:1]
    if not start:
        return ""
    if start in "-*_" and _RULE.match(line):
        return ""
    if start in "-*+" or start.isdigit():
        line = _BULLET.sub("", line, count=1)
    if "#" in line:
        line = _HEADING_MARK.sub("", line, count=1)
    if "](" in line:
        line = _IMAGE_OR_LINK.sub(r"\1", line)
    if "][" in line:
        line = _REFERENCE_LINK.sub(r"\1", line)
    if "<" in line:
        line = _HTML_TAG.sub("", line)
    if "*" in line or "__" in line:
        line = _STRONG.sub("", line)
        line = _SINGLE_STAR.sub(r"\1", line)
    return line.strip()


def clean_text(text: str) -> str:
    """Clean every line of ``text`` with :func:`clean_line`, dropping HTML comments and Hugo shortcodes.

    The result has exactly as many line breaks as the input.

    Examples
    --------
    >>> clean_text("Lead the team<!-- a\\nnote -->\\n- See [docs](http://x)")
    'Lead the team\\n\\nSee docs'
    """
    text = _COMMENT.sub(_blank_keeping_lines, text)
    text = _SHORTCODE.sub(_blank_keeping_lines, text)
    return "\n".join(clean_line(line) for line in text.split("\n"))


def collapse(text: str) -> str:
    """All runs of whitespace, line breaks included, as one space.

    Examples
    --------
    >>> collapse(" a\\n  b ")
    'a b'
    """
    return " ".join(text.split())


def trim_blank_lines(lines: list[str], first_line: int) -> tuple[list[str], int]:
    """Drop blank lines at both ends; return the rest and the file line of the first kept one.

    Examples
    --------
    >>> trim_blank_lines(["", "a", "b", " "], 10)
    (['a', 'b'], 11)
    """
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end], first_line + start


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """The file line of character ``offset`` of ``text`` when ``text`` starts at ``first_line``.

    Examples
    --------
    >>> line_at("a\\nb\\nc", 4, first_line=7)
    9
    """
    return first_line + text.count("\n", 0, offset)


_LINE_BREAK = re.compile("\n")


def line_finder(text: str, first_line: int = 1) -> Callable[[int], int]:
    """:func:`line_at` for many offsets of one ``text``: its line breaks found once, each offset bisected
    (counting the breaks before every offset of a long paragraph is quadratic).

    >>> line_finder("a\\nb\\nc", first_line=7)(4)
    9
    """
    breaks = [match.start() for match in _LINE_BREAK.finditer(text)]
    return lambda offset: first_line + bisect_left(breaks, offset)


# Order matters: the first kind whose pattern occurs in the heading wins, so "Nice-to-have
# Requirements" is NICE_TO_HAVE and "Director, Infrastructure (Reliability) Requirements" is
# REQUIREMENTS even though role titles can contain other words. PROCESS comes first: hiring
# logistics and company boilerplate ("Hiring process overview", "About GitLab") say nothing of the role
# whatever else their heading says. Its one-word headings ("Links", "Team") must be the whole heading,
# so that a role title such as "Team Lead, Support" stays a title. Headings that address the candidate
# name the job too: "As an SRE you will" lists responsibilities, "You may be a fit ... if you" requirements.
_KIND_PATTERNS: list[tuple[SectionKind, re.Pattern[str]]] = [
    (
        SectionKind.PROCESS,
        re.compile(
            r"\b(?:hiring|interview(?:ing)?|application|recruiting) process(?:es)?\b|\bhow to apply\b"
            r"|\bcompensation\b|\bbenefits\b|\bperks\b|\bequal (?:employment )?opportunity\b"
            r"|\babout (?:gitlab|us|the company)\b|\bwhat it's like to work\b|\b(?:life|working) at gitlab\b"
            r"|^(?:useful |relevant |related |helpful |more )?links$|^(?:the |our |about the |meet the )?team$"
            r"|^what we offer\b|^why (?:join|work (?:for|with)) us\b|^(?:what )?we offer\b|^our offer\b"
            r"|^(?:was )?wir bieten\b|^(?:das )?bieten wir\b|^ce que nous (?:vous )?offrons\b|^nous offrons\b"
            r"|^(?:lo )?que ofrecemos\b|^wat (?:wij|we) bieden\b"
        ),
    ),
    (
        SectionKind.NICE_TO_HAVE,
        re.compile(
            r"\bnice[\s-]*to[\s-]*haves?\b|\bpreferred qualifications?\b|\bbonus\b|^desirable\b"
            r"|^(?:it's |it would be )?(?:a )?plus(?:es)?\b|^extra credit\b|\bstand out\b"
        ),
    ),
    (
        SectionKind.KPIS,
        re.compile(
            r"\bkpis?\b|\bmetrics\b|\bperformance indicators?\b|\bsuccess measures?\b|\bkey results\b"
            r"|\bhow success is measured\b|\bmeasures of success\b|\bhow you(?:'ll| will) be measured\b"
            r"|\bmeasur(?:e|ing) success\b|\bsuccess (?:looks like|criteria|indicators)\b|^(?:key |expected )?outcomes$"
        ),
    ),
    (
        SectionKind.CAREER,
        re.compile(
            r"\bcareer (?:path|ladder)s?\b|\bprogression\b|\bhow you(?:'ll| will) grow\b"
            r"|\bwhere (?:this|the) role sits\b"
            r"|\breporting (?:lines?|structure|relationships)\b|^(?:next|possible next) (?:roles?|steps?)$"
            r"|^(?:key |main |working )?(?:relationships|contacts)$|^(?:key |working )relationships\b"
            r"|^organi[sz]ational (?:relationships|context|position)$|^position in the organi[sz]ation$"
            r"|^lateral (?:moves?|roles?)$|^(?:reports to|direct reports|manages|promotion paths?)$"
        ),
    ),
    (SectionKind.GRADE, re.compile(r"\bjob grades?\b")),
    (
        SectionKind.RESPONSIBILITIES,
        re.compile(
            r"\bresponsibilit|\bresponsibilties\b|\bwhat you(?:'ll| will) do\b|\bduties\b|\baccountabilities\b"
            r"|\b(?:you|who)(?:'ll| will)$|\bwhat you can expect\b|\bwhat you(?:'ll| will) (?:achieve|work on|own)\b"
            r"|^your (?:mission|impact)$|^(?:a |your )?day[\s-]to[\s-]day\b"
            r"|^(?:key |main |your )?tasks$|^(?:essential|primary|key) (?:job )?functions\b"
            # Key Result Areas (KRAs), deliverables, and what the first months hold
            r"|^key result areas?\b|^kras?$|^(?:key |main )?deliverables$"
            r"|^(?:in )?(?:the |your )?first (?:30|60|90|\d+) days\b|^in your first (?:year|months?)\b"
            # German, French, Spanish and Dutch job ads: "Ihre Aufgaben", "Vos missions", "Funciones", "Taken"
            r"|^(?:ihre |deine |die )?aufgaben(?:gebiet(?:e)?)?\b|^(?:vos |tes |les )?missions\b"
            r"|^(?:tus |sus )?(?:funciones|responsabilidades)\b|^(?:jouw |je )?taken\b|^wat ga je doen\b"
        ),
    ),
    (
        SectionKind.SKILLS,
        re.compile(
            r"\bskills?\b|\bskill ?sets?\b|\bcompetenc(?:y|ies)\b|\bexpertise\b|\b(?:abilities|capabilities)\b"
            r"|\btech(?:nical|nology)? stack\b|^knowledge$|^knowledge (?:and|&) |^behaviou?rs$"
            r"|^tools(?: (?:and|&) technolog(?:y|ies))?$"
            r"|\b(?:technical|domain|product|core|required) knowledge\b"
        ),
    ),
    (
        SectionKind.REQUIREMENTS,
        re.compile(
            r"\brequirements?\b|\bqualifications\b|\bwhat you(?:'ll| will)? (?:bring|need)\b|\bexperience\b"
            r"|\bwhat (?:we're|we are) looking for\b|^we(?:'re| are) looking for\b|^who you are\b|^about you$"
            r"|^your (?:profile|background)$|\b(?:ideal|great|good|strong|successful) candidates?\b"
            r"|^must[\s-]*haves?$|^you (?:have|are|bring)$"
            r"|^essential\b|\bperson spec(?:ification)?\b|\bselection criteria\b"
            r"|^(?:(?:minimum|required) )?(?:education|certifications?|licen[cs](?:es?|ure))(?: (?:and|&) \w+)?$"
            r"|\b(?:a|the) (?:good |great |right )?fit\b|\byou should apply\b"
            r"|^(?:ihr |dein |unser )?(?:profil|anforderungen)\b|^(?:votre |ton )?profil(?: recherch[ée])?\b"
            r"|^(?:requisitos|tu perfil|perfil)\b|^(?:wat vragen wij|jouw profiel|functie-eisen)\b"
        ),
    ),
    (
        SectionKind.SUMMARY,
        re.compile(
            r"\bsummary\b|\boverview\b|\babout\b|\bpurpose\b"
            r"|^(?:the|this|your) (?:role|job|position|opportunity)$|^(?:role|job|position) description$"
            r"|^scope of (?:the |this )?(?:role|job|position)$"
        ),
    ),
]


# "About Northwind", "About Acme Corp" — a job ad's part about the employer, named by its name (capitalised):
# no summary of the role, which "About the role", "About you", "About this position" are.
_ABOUT_EMPLOYER = re.compile(
    r"^(?i:about)\s+(?!(?i:(?:the|this|our|your|a|an|you|us|role|job|position)\b))"
    r"[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}\s*[:.!?]?$"
)


_LEAD_IN = re.compile(r"^(?P<name>[^:\n]{2,80}?)\s*:$")
_LEAD_IN_WORDS = 8


def lead_in_heading(text: str) -> str | None:
    """The section a paragraph only names, as documents without heading styles write one over its list
    ("Responsibilities:", "What you'll do:", "In this role you will:"); None for any other paragraph.

    Examples
    --------
    >>> lead_in_heading("Responsibilities:"), lead_in_heading("What you'll do:"), lead_in_heading("Note:")
    ('Responsibilities', "What you'll do", None)
    >>> lead_in_heading("Responsibilities: run the payroll"), lead_in_heading("Our values")
    (None, None)
    """
    match = _LEAD_IN.match(text.strip())
    if match is None or len(match["name"].split()) > _LEAD_IN_WORDS:
        return None
    name = " ".join(match["name"].split())
    return name if classify_heading(name) is not SectionKind.OTHER else None


@lru_cache(maxsize=1 << 12)  # a library repeats its headings ("Responsibilities", "Skills") in every document
def classify_heading(heading: str) -> SectionKind:
    """The section kind a heading names, whatever its case, wording or leading role title.

    Examples
    --------
    >>> classify_heading("Director, Infrastructure (Reliability) Requirements").value
    'requirements'
    >>> classify_heading("Nice-to-have Requirements").value
    'nice_to_have'
    >>> classify_heading("How success is measured").value
    'kpis'
    >>> classify_heading("Hiring Process").value
    'process'
    >>> classify_heading("You may be a fit to this role if you").value, classify_heading("As an SRE you will").value
    ('requirements', 'responsibilities')
    >>> classify_heading("We are looking for someone who will").value, classify_heading("A great candidate will").value
    ('responsibilities', 'requirements')
    >>> classify_heading("Projects you could work on").value
    'other'
    >>> [classify_heading(h).value for h in ("Knowledge & Technical Skill", "Domain Expertise", "Core competency")]
    ['skills', 'skills', 'skills']
    >>> [classify_heading(h).value for h in ("Person specification", "Essential criteria", "Desirable")]
    ['requirements', 'requirements', 'nice_to_have']
    >>> [classify_heading(h).value for h in ("Education", "Certifications", "Education and experience")]
    ['requirements', 'requirements', 'requirements']
    >>> [classify_heading(h).value for h in ("About Northwind", "About the role", "About this position")]
    ['process', 'summary', 'summary']
    >>> [classify_heading(h).value for h in ("What you'll bring", "Who you are", "About you", "Must-haves")]
    ['requirements', 'requirements', 'requirements', 'requirements']
    >>> [classify_heading(h).value for h in ("Your mission", "Day to day", "Bonus points", "Pluses")]
    ['responsibilities', 'responsibilities', 'nice_to_have', 'nice_to_have']
    """
    line = clean_line(heading)
    if _ABOUT_EMPLOYER.match(line):
        return SectionKind.PROCESS
    wording = line.lower().replace("’", "'")
    wording = re.sub(r"[:.!?]+$", "", wording.strip())
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(wording):
            return kind
    return SectionKind.OTHER



# Title grammar. Abbreviations end in a period that ends no sentence ("Sr. Director"); a title may
# carry a decoration naming the document ("MLOps Engineer — Role Blueprint", "CTO Role Description")
# or the employer ("Backend Engineer role at GitLab"), and an acronym of its own words
# ("Vice President (VP), Security").
_ABBREVIATION = re.compile(r"\b(Sr|Snr|Jr|Mgr|Dir|Assoc|Asst|Exec|Eng|Engr|Mgmt|Ops|Dept|Sen)\.(?=\s*\w)")
_DOCUMENT_DECORATION = re.compile(
    r"(?:\s*[\u2014\u2013|:(]\s*|\s+-\s+|\s+)(?:the\s+)?(?:project\s+)?(?:role|job|position)\s+"
    r"(?:blueprint|descr[a-z]*|profile|spec[a-z]*|card|overview|definition|summary|outline)s?\b.*$"
    r"|\s*[\u2014\u2013|:]\s*(?:blueprint|job description|overview)\s*$",
    re.I,
)
_EMPLOYER_TAIL = re.compile(
    r"\s+(?:role|position|job|opening)(?:\s+(?:at|with|in)\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)?\s*$"
)
# A job ad's title carries the post's terms after it: "(m/w/d)", "(Remote - EMEA)", "| Hybrid", "(Fixed Term,
# 12 months)", ", Part-time". Only a tail that starts with such a term goes, a region after it too: "Manager,
# Contract Management" and "VP, Americas" (a regional role) stay.
_POST_TERM = (
    r"(?:remote|hybrid|on[- ]?site|in[- ]office|office[- ]based|home[- ]based|full[- ]time|part[- ]time|contract(?:or)?"
    r"|temporary|temp|fixed[- ]term(?: contract)?|ftc|permanent|maternity cover|(?:parental|maternity) leave cover"
    r"|secondment|interim|freelance|[mwfdhx](?:\s*/\s*[mwfdhx]){1,3}|all genders|\d{1,2}[- ]months?)"
)
_POST_PLACE = r"(?:uk|us|usa|eu|emea|apac|americas|latam|europe|worldwide|global|anywhere)"
_POST_WORD = rf"(?:{_POST_TERM}|{_POST_PLACE})"
_POST_SEGMENT = re.compile(rf"{_POST_TERM}(?:[\s,/&+–—-]+(?:{_POST_WORD}|\(\s*{_POST_WORD}\s*\)))*", re.I)
_POST_SEPARATORS = (" - ", " – ", " — ", " | ", "|", ",")
_MAX_POST_SEGMENTS = 3


def _drop_post_terms(title: str) -> str:
    """``title`` without up to three trailing segments that name the post's terms (``_POST_TERM``): a
    parenthesis, or what follows a dash, bar or comma. Each segment is found from the end, without a pattern
    that scans the whole title (a long hostile title costs a few ``rfind``)."""
    for _ in range(_MAX_POST_SEGMENTS):
        text = title.rstrip()
        cut = _post_segment_start(text)
        if cut is None:
            return title
        title = text[:cut]
    return title


def _post_segment_start(text: str) -> int | None:
    """Where the last segment of ``text`` starts when it names the post's terms: a parenthesis ("(Remote)"),
    else what follows the last dash, bar or comma (", Remote (UK)")."""
    return _segment_start(text, "([", ")]", _POST_SEPARATORS, _POST_SEGMENT.fullmatch)


def _segment_start(
    text: str, opens: str, closes: str, separators: tuple[str, ...], fits: Callable[[str], object]
) -> int | None:
    """Where the last segment of ``text`` starts when ``fits`` says it is one to drop: a bracketed one (one
    of ``opens`` … ``closes`` at the end), else what follows the last of ``separators``. Found from the end
    with ``rfind``: no pattern scans the whole title."""
    if text.endswith(tuple(closes)):
        cut = max(text.rfind(bracket) for bracket in opens)
        if cut > 0 and fits(text[cut + 1 : -1].strip()):
            return cut
    cut = max(text.rfind(separator) for separator in separators)
    if cut > 0 and fits(text[cut:].lstrip("".join(set("".join(separators)))).strip()):
        return cut
    return None


_PLACE_SEPARATORS = (" - ", " – ", " — ", " | ", "|")
_PLACE_PARTS = re.compile(r"\s*(?:/|,|&|\+|\bor\b|\band\b)\s*")


def drop_places(title: str, places: Collection[str]) -> str:
    """``title`` without the trailing segments that say where the post is: one of ``places`` (a posting's
    own locations) or the post's terms, after a dash or bar or in parentheses — so the same job posted in
    two cities is one role. A comma's segment stays ("Country Manager, Germany" is a regional role).

    Examples
    --------
    >>> drop_places("Senior Data Engineer - London (m/w/d)", ["London, United Kingdom"])
    'Senior Data Engineer'
    >>> drop_places("Data Engineer | Berlin / Remote", ["Berlin"]), drop_places("Country Manager, Germany", ["Germany"])
    ('Data Engineer', 'Country Manager, Germany')
    >>> drop_places("Data Engineer - Platform", ["London"])
    'Data Engineer - Platform'
    """
    known = {part.casefold() for place in places for part in (place, *_PLACE_PARTS.split(place)) if part.strip()}
    return _without_segments(title, known) if known else title


def drop_post_terms(title: str) -> str:
    """``title`` without the trailing segments that name only the post's terms: "(Remote)", "- Full-time".

    >>> drop_post_terms("Payroll Officer (Remote)"), drop_post_terms("Engineering Manager – Payments")
    ('Payroll Officer', 'Engineering Manager – Payments')
    """
    return _without_segments(title, set())


def _without_segments(title: str, known: set[str]) -> str:
    for _ in range(_MAX_POST_SEGMENTS + 1):
        text = title.rstrip()
        cut = _post_segment_start(text)
        if cut is None:
            cut = _segment_start(text, "(", ")", _PLACE_SEPARATORS, lambda segment: _names_places(segment, known))
        if cut is None:
            return text
        title = text[:cut]
    return title.rstrip()


def _names_places(segment: str, known: set[str]) -> bool:
    parts = [part.strip() for part in _PLACE_PARTS.split(segment) if part.strip()]
    return bool(parts) and all(part.casefold() in known or _POST_SEGMENT.fullmatch(part) for part in parts)


_PAREN_ACRONYM = re.compile(r"\s*\(([A-Za-z&]{2,6})\)")
# A level written in parentheses is the title's level, not a specialty: "FinOps Engineer (Intermediate)",
# "Backend Engineer (Senior)". The unmarked level (intermediate, mid) is what the bare title already means.
_PAREN_LEVEL = re.compile(
    r"\s*\(\s*(?P<level>(?:senior|sr\.?|junior|jr\.?|associate|staff|principal|distinguished|lead|entry[- ]level"
    r"|intermediate|mid|mid[- ]level|middle)(?:\s+(?:senior|staff|principal|level))?)\s*\)",
    re.I,
)
_UNMARKED_LEVEL = re.compile(r"^(?:intermediate|mid|mid[- ]level|middle)$", re.I)
_TITLE_WORD = re.compile(r"[A-Za-z][\w&'-]*")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text``, each with its offset in ``text`` and its whitespace collapsed (a title
    abbreviation's period ends none).

    Examples
    --------
    >>> sentences("The ATL supports the Sr. Director.  It is\\n a step.\\nAnother one!")
    [(0, 'The ATL supports the Sr. Director.'), (36, 'It is a step.'), (51, 'Another one!')]
    """
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[max(0, match.start() - 5) : match.end() + 1]) is None:
            spans.append((start, text[start : match.start()]))
            start = match.end()
    spans.append((start, text[start:]))
    return [(offset, " ".join(span.split())) for offset, span in spans if span.strip()]


def sentence_finder(text: str) -> Callable[[int], tuple[int, str]]:
    """The sentence of :func:`sentences` that holds each offset of ``text``, with its offset, bisected.

    >>> sentence_finder("It leads. It reports to the CFO.")(14)
    (10, 'It reports to the CFO.')
    """
    spans = sentences(text)
    starts = [at for at, _ in spans]

    def sentence_at(offset: int) -> tuple[int, str]:
        index = bisect_right(starts, offset) - 1
        return spans[index] if index >= 0 else (0, collapse(text))

    return sentence_at


def protect_abbreviations(text: str) -> str:
    """``text`` with the period of title abbreviations dropped, so "Sr. Director" is not cut at it.

    Examples
    --------
    >>> protect_abbreviations("Reports to the Sr. Director, Engineering. Then more.")
    'Reports to the Sr Director, Engineering. Then more.'
    """
    return _ABBREVIATION.sub(r"\1", text)


def _level_out_of_parentheses(title: str) -> str:
    """The level words of a parenthesis in front of the title; the unmarked level dropped."""
    found = _PAREN_LEVEL.search(title)
    if found is None:
        return title
    rest = _PAREN_LEVEL.sub("", title, count=1).strip()
    level = found.group("level").strip()
    return rest if _UNMARKED_LEVEL.match(level) else f"{level} {rest}"


def _is_own_acronym(title: str, match: re.Match[str]) -> bool:
    """Whether the parenthesis ``match`` of ``title`` holds the initials of the words before it."""
    acronym = match.group(1).replace("&", "").lower()
    words = [w.lower() for w in _TITLE_WORD.findall(title[: match.start()])]
    initials = "".join(w[0] for w in words[-len(acronym) :]) if len(words) >= len(acronym) else ""
    return acronym == initials


def own_acronyms(title: str) -> list[str]:
    """The acronyms a title gives itself in parentheses, as written: the initials of the words before them.

    Examples
    --------
    >>> own_acronyms("Tech Lead (TL) project role description"), own_acronyms("Engineering Manager (Delivery)")
    (['TL'], [])
    """
    return [match.group(1) for match in _PAREN_ACRONYM.finditer(title) if _is_own_acronym(title, match)]


def _drop_own_acronym(title: str) -> str:
    """ "Vice President (VP), Security" → "Vice President, Security"; a specialty "(Delivery)" stays."""
    return _PAREN_ACRONYM.sub(lambda match: "" if _is_own_acronym(title, match) else match.group(0), title)


def clean_title(title: str) -> str:
    """A role title without the decoration documents add to it.

    Examples
    --------
    >>> clean_title("MLOps Engineer — Role Blueprint"), clean_title("CTO Role Description")
    ('MLOps Engineer', 'CTO')
    >>> clean_title("Vice President (VP), Security"), clean_title("Manager, Infrastructure (Delivery)")
    ('Vice President, Security', 'Manager, Infrastructure (Delivery)')
    >>> clean_title("the Backend Engineer role at GitLab"), clean_title("Sr. Director, Engineering")
    ('Backend Engineer', 'Sr. Director, Engineering')
    >>> clean_title("FinOps Engineer (Intermediate)"), clean_title("Backend Engineer (Senior)")
    ('FinOps Engineer', 'Senior Backend Engineer')
    >>> clean_title("Senior Data Engineer (m/w/d)"), clean_title("Payroll Officer (Fixed Term, 12 months) | Hybrid")
    ('Senior Data Engineer', 'Payroll Officer')
    >>> clean_title("Data Engineer, Remote (UK)"), clean_title("Manager, Contract Management"), clean_title("VP, EMEA")
    ('Data Engineer', 'Manager, Contract Management', 'VP, EMEA')
    """
    text = collapse(title)
    text = _drop_post_terms(text)
    text = _DOCUMENT_DECORATION.sub("", text)
    text = _EMPLOYER_TAIL.sub("", text)
    text = _drop_own_acronym(text)
    text = _level_out_of_parentheses(text)
    text = re.sub(r"^(?:the|a|an)\s+", "", _trim(text), flags=re.I)
    return _trim(re.sub(r"\s+,", ",", text)) or collapse(title)


def _trim(text: str) -> str:
    """Punctuation off both ends, except the dot of a leading ``.NET`` (the name, not decoration)."""
    trimmed = text.strip(" .,:;-\u2014\u2013")
    if text.lstrip(" ,:;-\u2014\u2013").lower().startswith(".net") and trimmed.lower().startswith("net"):
        return "." + trimmed
    return trimmed




# Capitals kept when a title written in capitals is put in title case: acronyms of roles, functions and
# places, and the words whose own case is not a title's ("DevOps").
_ACRONYM_WORDS = """
    HR IT QA QC UX UI VP SVP EVP AVP CEO CFO CTO COO CIO CISO CMO CPO CRO CDO CHRO CCO SRE ML AI BI PR ICT ERP
    CRM SEO PPC GIS DBA SQL AWS GCP API SDK HSE EHS PMO HRBP NHS GP RN LPN CNA PA EA IC PM TPM EM SDET SAP SME KYC
    AML GRC SOC NOC DEI EDI CSR ESG OT VC EMEA APAC LATAM UK US USA EU MEA ANZ DACH NA CX CS BD SDR BDR AE AM MD
    GM ETL BA"""
_ACRONYMS = frozenset(_ACRONYM_WORDS.split())
_OWN_CASE = {
    "devops": "DevOps", "mlops": "MLOps", "finops": "FinOps", "devsecops": "DevSecOps", "secops": "SecOps",
    "dataops": "DataOps", "ios": "iOS", "saas": "SaaS", "phd": "PhD", "javascript": "JavaScript",
    "typescript": "TypeScript", "gitlab": "GitLab", "github": "GitHub", "e-commerce": "E-commerce",
}
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "in", "on", "at", "a", "an", "or", "with", "by"})
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)$")


def unshout(text: str) -> str:
    """``text`` in title case when it is written in capitals ("PAYROLL OFFICER"), its acronyms, roman
    numerals and codes kept; any other text as it is (``CTO``, ``VP, HR`` and ``Head of HR`` are not shouted).

    Examples
    --------
    >>> unshout("HEAD OF HR OPERATIONS"), unshout("SENIOR DEVOPS ENGINEER II"), unshout("FRONT-END DEVELOPER (EMEA)")
    ('Head of HR Operations', 'Senior DevOps Engineer II', 'Front-End Developer (EMEA)')
    >>> unshout("CTO"), unshout("VP, HR"), unshout("Head of HR"), unshout("R&D LAB MANAGER, L3")
    ('CTO', 'VP, HR', 'Head of HR', 'R&D Lab Manager, L3')
    """
    letters = [c for c in text if c.isalpha()]
    if any(c.islower() for c in letters):
        return text
    tokens = text.split(" ")
    if not any(len(core) >= 4 and core not in _ACRONYMS for core in (_split_token(t)[1] for t in tokens)):
        return text
    return " ".join(_unshout_token(token, first=i == 0) for i, token in enumerate(tokens))


def _split_token(token: str) -> tuple[str, str, str]:
    """A word's leading punctuation, the word, and its trailing punctuation ("(EMEA)," → "(", "EMEA", "),");
    scanned from both ends (a pattern with a lazy middle backtracks on a long run of punctuation)."""
    start, end = 0, len(token)
    while start < end and not (token[start].isalnum() or token[start] == "_"):
        start += 1
    while end > start and not (token[end - 1].isalnum() or token[end - 1] == "_"):
        end -= 1
    return token[:start], token[start:end], token[end:]


def _unshout_token(token: str, *, first: bool) -> str:
    lead, core, tail = _split_token(token)
    if core in _ACRONYMS or _ROMAN.match(core) or any(c.isdigit() or c == "&" for c in core):
        return token
    if core.lower() in _OWN_CASE:
        return lead + _OWN_CASE[core.lower()] + tail
    if core.lower() in _SMALL_WORDS and not first and not lead:
        return lead + core.lower() + tail
    return lead + "-".join(part[:1] + part[1:].lower() for part in core.split("-")) + tail
