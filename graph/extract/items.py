"""The skill names a stated item gives, when it names skills the taxonomy does not know.

A requirement or skills list item states skills in a few shapes, and each shape says where the names are:

* a **parenthesised list** — "Data pipelines (batch and streaming: Spark, Kafka, Flink)": the words after
  the last colon (or after "e.g.", "such as", "including") inside the parentheses, split on commas;
* a **comma or semicolon list** — "k8s in production; Helm charts; GitHub Actions", "MLflow, Kubeflow,
  Docker": every part, when every part is short;
* a **label list** — "Languages: Python, Go";
* a **lead-in** — "Strong experience with Terraform": what follows "experience with", "knowledge of" ...
* a **short item** of a skills list — "Zendesk administration".

Each candidate is cleaned to the skill's name (lead-in, years, trailing "experience"/"skills" and
"in production" dropped) and kept only when it reads like a name: at most :data:`MAX_NAME_WORDS` words, no
pronoun or verb first. Outside lists, a candidate must also carry a proper name (a capital not at the
start, a mixed-case or digit word: "Terraform" after a lead-in, "GitHub Actions") — a sentence such as
"Able to thrive in a fully remote organization" names no skill. All regexes here are linear-time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["MAX_KPI_NAME_WORDS", "MAX_NAME_WORDS", "Candidate", "item_candidates", "kpis_in_prose", "skill_name"]

MAX_NAME_WORDS = 4
MAX_KPI_NAME_WORDS = 5

_PAREN = re.compile(r"\(([^()]*)\)")
# "(a) contribute R&D, (b) model engineering principles": enumerators of a sentence, not a list of names.
_ENUMERATOR = re.compile(r"\(\s*(?:[a-z]|[ivx]{1,4}|\d{1,2})\s*\)")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_LIST_INTRO = re.compile(
    r"^(?:e\.?\s?g\.?|i\.?\s?e\.?|such as|including|incl\.?|like|for example|for instance)[\s,:]*", re.I
)
_ETC = re.compile(r"^(?:etc|and so on|and more|and others|others|or similar|or equivalent|and the like)\.?$", re.I)
_SPLIT_LIST = re.compile(r"\s*[,;]\s*|\s+/\s+|\s+(?:and|or|and/or|&)\s+(?=\S+$)")
_OR = re.compile(r"\s+(?:or|and/or)\s+")
_SPLIT_PARTS = re.compile(r"\s*[,;]\s*")
_LEAD_IN = re.compile(
    r"^(?:(?:\d+\+?\s+years?\s+(?:of\s+)?)?(?:(?:strong|solid|excellent|deep|good|proven|working|hands-on|basic|practical"
    r"|demonstrated|extensive|some|prior|professional|production|in-depth|thorough|expert)\s+)*"
    r"(?:experience|knowledge|familiarity|proficiency|understanding|expertise|exposure|background|fluency|comfort"
    r"|skills?|mastery|command)\s+(?:with|in|of|using|building|running|operating|on|to|for|around)\s+"
    r"|(?:expert|proficient|fluent|skilled|experienced|comfortable)\s+(?:in|with|at)\s+)",
    re.I,
)
_TAIL = re.compile(
    r"\s+(?:experience|skills?|knowledge|expertise|proficiency|in production|at scale|(?:is|are) a plus"
    r"|preferred|a plus|required|(?:or|and) similar(?: tools)?|(?:or|and) related(?: tools)?"
    r"|equivalent(?: knowledge)?)\.?$",
    re.I,
)
_YEARS = re.compile(r"^\d+\+?\s+years?\s+(?:of\s+)?", re.I)
_EDGE = re.compile(r"^[^\w(]+|[^\w)+#]+$")
_NOT_A_NAME_START = re.compile(
    r"^(?:you|we|they|our|your|their|it|this|that|these|those|who|which|what|when|where|how|why|if|able|ability"
    r"|must|should|can|could|will|would|be|is|are|was|have|has|had|do|does|use|using|work|working|build|manage"
    r"|lead|write|drive|develop|design|run|create|own|deliver|communicate|collaborate|thrive|operate|maintain"
    r"|support|ensure|help|make|take|demonstrate|solve|learn|review|analy[sz]e|translate|influence|balance|with"
    r"|to|for|of|in|on|at|by|from|as|the|a|an|and|or|any|all|other|etc|various|multiple|one|two|three|strong"
    r"|excellent|good|great|deep|proven|passion|desire|willingness|track|preferably|ideally|especially|particularly"
    r"|mainly|mostly|example|e\.g|i\.e|eg|ie)\b",
    re.I,
)
# Eligibility, education and placeholders are no skills ("Technical degree in Engineering", "3 to 5 years").
_NOT_A_SKILL = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s|phd|diploma|years?|months?|citizens?(?:hip)?|clearance|position|role"
    r"|example|tbd|n/a)\b|^(?:senior|junior|staff|principal|lead|humble|mandatory|preferred|optional|required|other"
    r"|misc|none|yes|no)$",
    re.I,
)
_GENERIC_TAIL = re.compile(
    r"\b(?:vendors?|providers?|tools?|tooling|technologies|solutions|platforms?|frameworks?|languages?|methodologies"
    r"|practices|concepts|principles|environments?|systems?|stack|ecosystem|products?|services?|etc)$",
    re.I,
)
_PROPER = re.compile(r"^(?:[A-Z][\w+#.-]*|\w*[A-Z]\w*|\w*\d\w*)$")


class Candidate(NamedTuple):
    """A possible skill name in an item, and whether it came from a list (lists name things)."""

    name: str
    listed: bool


def skill_name(text: str) -> str:
    """A candidate cleaned to the skill's name: lead-in, years and trailing "experience" dropped.

    Examples
    --------
    >>> skill_name("Strong experience with Terraform."), skill_name("5+ years of Kubernetes experience")
    ('Terraform', 'Kubernetes')
    >>> skill_name("Hands-on experience with feature stores in production")
    'feature stores'
    """
    name = _LIST_INTRO.sub("", " ".join(text.split()).strip())
    for _ in range(2):  # "5+ years of hands-on experience with X"
        name = _EDGE.sub("", _YEARS.sub("", _LEAD_IN.sub("", name))).strip()
    name = _EDGE.sub("", _TAIL.sub("", name)).strip()
    return name


def _reads_like_a_name(name: str, max_words: int) -> bool:
    words = name.split()
    return (
        0 < len(words) <= max_words
        and (not _NOT_A_NAME_START.match(name) or (len(words) > 1 and all(w[:1].isupper() for w in words)))
        and not _GENERIC_TAIL.search(name)
        and not _NOT_A_SKILL.search(name)
        and any(c.isalpha() for c in name)
    )


def _has_proper_name(name: str, *, first_counts: bool) -> bool:
    """Whether a name carries a proper name: a mixed-case, acronym or digit word anywhere ("MLflow", "AWS",
    "k8s"), or a capitalised word after the first ("GitHub Actions"; the first word's capital is the
    sentence's, unless ``first_counts``: "Terraform" after "experience with")."""
    words = name.split()
    for position, word in enumerate(words):
        inner_capital = any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)
        if inner_capital or (_PROPER.match(word) and (position > 0 or first_counts)):
            return True
    return False


def _is_proper_part(name: str) -> bool:
    """A list part outside a skills list: a proper name, "Kafka" or "GitHub Actions", not "Ask great questions"."""
    words = name.split()
    if len(words) == 1:
        return _PROPER.match(words[0]) is not None
    return _has_proper_name(name, first_counts=False)


def _parenthesised(inner: str) -> list[str]:
    inner = inner.rsplit(":", 1)[-1] if ":" in inner else inner
    inner = _TAIL.sub("", _LIST_INTRO.sub("", inner.strip()))
    parts = [part for part in _SPLIT_LIST.split(inner) if part and not _ETC.match(part.strip())]
    return [piece for part in parts for piece in _OR.split(part) if piece]


@lru_cache(maxsize=1 << 14)
def item_candidates(text: str, *, short_item_words: int = 0) -> tuple[Candidate, ...]:
    """Skill name candidates of one stated item, in text order.

    Parameters
    ----------
    text : str
        The item as plain text.
    short_item_words : int
        An item of at most this many words is itself a candidate (skills lists: their items are names).

    Examples
    --------
    >>> item = "Data pipelines (batch and streaming: Spark, Kafka, Flink)"
    >>> [c.name for c in item_candidates(item, short_item_words=6)]
    ['Data pipelines', 'Spark', 'Kafka', 'Flink']
    >>> [c.name for c in item_candidates("k8s in production; data contracts; GitHub Actions")]
    ['k8s', 'GitHub Actions']
    >>> [c.name for c in item_candidates("k8s in production; data contracts; GitHub Actions", short_item_words=6)]
    ['k8s', 'data contracts', 'GitHub Actions']
    >>> [c.name for c in item_candidates("Strong experience with Terraform")]
    ['Terraform']
    >>> [c.name for c in item_candidates("Able to thrive in a fully remote organization")]
    []
    >>> [c.name for c in item_candidates(r"Chosen to \\(a\\) contribute R&D in a new area, \\(b\\) model principles")]
    []
    """
    text = " ".join(_ENUMERATOR.sub(" ", _MARKDOWN_ESCAPE.sub(r"\1", text)).split())
    found: list[Candidate] = []
    whole_name = ""
    for match in _PAREN.finditer(text):
        found += [Candidate(skill_name(part), True) for part in _parenthesised(match.group(1))]
    outer = _PAREN.sub(" ", text)
    label, colon, rest = outer.partition(":")
    if colon and rest.strip() and len(label.split()) <= 4:
        outer = rest  # "Languages: Python, Go"
    parts = [part for part in _SPLIT_PARTS.split(outer.strip(" .")) if part.strip() and not _ETC.match(part.strip())]
    listed = len(parts) > 1 and all(len(skill_name(part).split()) <= MAX_NAME_WORDS for part in parts)
    if listed or colon:
        outer_found = [Candidate(skill_name(part), True) for part in parts]
    else:
        whole = skill_name(outer)
        short = bool(short_item_words) and len(outer.split()) <= short_item_words
        lead_in = _LEAD_IN.match(outer.strip()) is not None
        named = short or _has_proper_name(whole, first_counts=lead_in)
        outer_found = [Candidate(whole, short)] if named else []
        whole_name = whole if named else ""
    ordered = outer_found + found if not text.startswith("(") else found + outer_found
    max_words = max(MAX_NAME_WORDS, short_item_words)
    lenient = short_item_words > 0  # a skills list names skills; elsewhere only proper names are sure
    return tuple(
        c
        for c in ordered
        if _reads_like_a_name(c.name, max_words) and (lenient or c.name == whole_name or _is_proper_part(c.name))
    )


# A sentence that says what the role is measured by, and the list that follows the cue.
_KPI_CUE = re.compile(
    r"\b(?:(?:metrics|kpis?|indicators|measures)\s+(?:such\s+as|like|including|e\.\s?g\.,?)"
    r"|measured\s+(?:by|on|against|through)|success\s+(?:looks\s+like|is\s+measured\s+by|means))\s*:?\s+"
    r"(?P<list>[^.;:\n]+)",
    re.I,
)
# "CvD = committed versus delivered: metric showing ..."
_KPI_DEFINITION = re.compile(
    r"\b[A-Z][A-Za-z]{1,6}\s*=\s*(?P<name>[a-z][a-z \-]{2,60}?)\s*:\s*"
    r"(?:an?\s+|the\s+)?(?:metric|kpi|measure|indicator)\b"
)
_ARTICLE = re.compile(r"^(?:the|a|an|our|their|your|its)\s+", re.I)
_KPI_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+")


def kpis_in_prose(text: str) -> list[tuple[str, int]]:
    """``(name, offset)`` of the indicators a sentence lists after a measuring cue.

    "accountable for ... metrics such as cycle time, operational health, hiring and retention", "measured
    by uptime and MTTR", "success looks like ...", and a definition "CvD = committed versus delivered:
    metric showing ...". Each listed part reads like a name of at most :data:`MAX_KPI_NAME_WORDS` words.

    Examples
    --------
    >>> [n for n, _ in kpis_in_prose("Owns metrics such as product development cycle time, operational health, "
    ...                              "hiring and retention.")]
    ['product development cycle time', 'operational health', 'hiring', 'retention']
    >>> kpis_in_prose("[1] CvD = committed versus delivered: metric showing the stories delivered")
    [('committed versus delivered', 10)]
    >>> kpis_in_prose("We like metrics.")
    []
    """
    found = []
    for match in _KPI_CUE.finditer(text):
        for part in _KPI_SPLIT.split(match.group("list").strip()):
            name = _ARTICLE.sub("", _EDGE.sub("", part.strip())).strip()
            if name and _reads_like_a_name(name, MAX_KPI_NAME_WORDS) and not _ETC.match(name):
                found.append((name, match.start("list") + max(match.group("list").find(part), 0)))
    for match in _KPI_DEFINITION.finditer(text):
        found.append((match.group("name").strip(), match.start("name")))
    return found
