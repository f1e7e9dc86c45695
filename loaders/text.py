"""Text hygiene shared by every loader: Markdown cleaning, heading kinds, list splitting, line counting.

The extractor downstream relies on one contract: cleaning never adds or removes a line break, so a
character's file line is always ``section.line`` plus the number of newlines before it.
"""

from __future__ import annotations

import re

from graph.model import SectionKind

__all__ = [
    "classify_heading",
    "clean_line",
    "clean_text",
    "collapse",
    "line_at",
    "split_titles",
    "trim_blank_lines",
]

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
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
    if _RULE.match(line):
        return ""
    line = _BULLET.sub("", line, count=1)
    line = _HEADING_MARK.sub("", line, count=1)
    line = _IMAGE_OR_LINK.sub(r"\1", line)
    line = _REFERENCE_LINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
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
        ),
    ),
    (SectionKind.NICE_TO_HAVE, re.compile(r"\bnice[\s-]*to[\s-]*haves?\b|\bpreferred qualifications?\b|\bbonus\b")),
    (
        SectionKind.KPIS,
        re.compile(
            r"\bkpis?\b|\bmetrics\b|\bperformance indicators?\b|\bsuccess measures?\b|\bkey results\b"
            r"|\bhow success is measured\b|\bmeasures of success\b|\bhow you(?:'ll| will) be measured\b"
        ),
    ),
    (SectionKind.CAREER, re.compile(r"\bcareer (?:path|ladder)s?\b|\bprogression\b|\bhow you(?:'ll| will) grow\b")),
    (SectionKind.GRADE, re.compile(r"\bjob grades?\b")),
    (
        SectionKind.RESPONSIBILITIES,
        re.compile(
            r"\bresponsibilit|\bresponsibilties\b|\bwhat you(?:'ll| will) do\b|\bduties\b|\baccountabilities\b"
            r"|\byou(?:'ll| will)$|\bwhat you can expect\b"
        ),
    ),
    (SectionKind.SKILLS, re.compile(r"\bskills\b|\bcompetencies\b")),
    (
        SectionKind.REQUIREMENTS,
        re.compile(
            r"\brequirements?\b|\bqualifications\b|\bwhat you (?:bring|need)\b|\bexperience\b"
            r"|\b(?:a|the) (?:good |great |right )?fit\b|\byou should apply\b"
        ),
    ),
    (SectionKind.SUMMARY, re.compile(r"\bsummary\b|\boverview\b|\babout\b|\bpurpose\b")),
]


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
    >>> classify_heading("Projects you could work on").value
    'other'
    """
    wording = clean_line(heading).lower().replace("’", "'")
    wording = re.sub(r"[:.!?]+$", "", wording.strip())
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(wording):
            return kind
    return SectionKind.OTHER


_TITLE_SEPARATORS = re.compile(r"\s*(?:[,;/]|\bor\b|\band\b|&)\s*")


def split_titles(value: str) -> list[str]:
    """Split a list of role titles written on one line (commas, semicolons, slashes, ``or``, ``and``).

    Examples
    --------
    >>> split_titles("Platform Engineering Manager or Observability Engineering Manager; SRE Director.")
    ['Platform Engineering Manager', 'Observability Engineering Manager', 'SRE Director']
    """
    parts = _TITLE_SEPARATORS.split(clean_line(value))
    return [part.strip(" .") for part in parts if part.strip(" .")]
