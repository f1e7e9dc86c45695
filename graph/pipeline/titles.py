"""Role titles as comparable keys: the same role written several ways gets one key.

A title is split into its *level* words (``senior``, ``manager``, ``head``, ``vice president`` ...),
its *function* words (``site reliability engineering``, ``platform``) and its specialty (the
parenthesised part). Acronyms are expanded first, the comma form ``Manager, Infrastructure`` is the
same as ``Infrastructure Manager``, and ``VP of X`` the same as ``Vice President, X``. Two titles are
the same role only when all three parts are equal; a function that merely contains the other's
(``Head of Infrastructure`` vs ``Head of Infrastructure Engineering``) is a *near duplicate*, which is
reported but never merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from graph.ids import spell_symbols

__all__ = ["NearestTitles", "TitleKey", "title_key", "near_duplicates", "split_specialty", "words_of"]

ACRONYMS = {
    "sre": "site reliability engineering",
    "sres": "site reliability engineers",
    "vp": "vice president",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "ciso": "chief information security officer",
    "cpo": "chief product officer",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "qa": "quality assurance",
    "infra": "infrastructure",
    "eng": "engineering",
    "mgr": "manager",
    "sr": "senior",
    "jr": "junior",
    "dir": "director",
    "swe": "software engineer",
}

# Words that say how senior a role is, and nouns that say what kind of position it is.
MODIFIERS = {
    "senior",
    "junior",
    "associate",
    "intermediate",
    "staff",
    "principal",
    "distinguished",
    "global",
    "executive",
    "lead",
    "chief",
    "deputy",
    "interim",
    "group",
}
POSITION_NOUNS = {
    "manager",
    "director",
    "head",
    "vice president",
    "president",
    "officer",
    "engineer",
    "fellow",
    "intern",
    "analyst",
    "specialist",
    "architect",
    "lead",
    "researcher",
    "scientist",
}
GENERIC_FUNCTION_WORDS = {
    "engineering",
    "engineers",
    "operations",
    "team",
    "teams",
    "services",
    "group",
    "department",
    "organization",
}
FILLER = {"of", "the", "for", "and", "a", "an", "in"}
# Professions whose "staff" title is the profession's ordinary grade, not the senior IC level of
# "Staff Engineer": a Staff Accountant or Staff Nurse is not above a Senior Accountant.
_STAFF_PROFESSIONS = {
    "accountant", "auditor", "nurse", "assistant", "attorney", "accountants", "writer", "pharmacist",
    "physician", "member", "officer", "sergeant", "aide", "photographer", "counsel", "therapist",
}
# Plural position nouns, as references write them ("Managers, Solutions Architects").
PLURAL_NOUNS = {
    "managers": "manager",
    "directors": "director",
    "heads": "head",
    "presidents": "president",
    "officers": "officer",
    "engineers": "engineer",
    "fellows": "fellow",
    "interns": "intern",
    "analysts": "analyst",
    "specialists": "specialist",
    "architects": "architect",
    "leads": "lead",
    "researchers": "researcher",
    "scientists": "scientist",
}
# Professions whose title ends in "Manager" without managing people: "Senior Product Manager" is an
# individual contributor, "Manager, Product" or "Senior Manager, Product Management" a people manager.
# The words right before "manager" name the profession.
IC_MANAGER_PROFESSIONS = {
    ("product",),
    ("program",),
    ("project",),
    ("account",),
    ("partner",),
    ("community",),
    ("release",),
    ("content",),
    ("campaign",),
    ("brand",),
    ("category",),
    ("channel",),
    ("territory",),
    ("alliance",),
    ("alliances",),
    ("customer", "success"),
    ("fp", "and", "a"),
}
#: The marker a title key's level gets for such a profession title.
IC_MARKER = "individual contributor"

_PAREN = re.compile(r"\(([^()]*)\)")
_LEVEL_FILLER = {"level", "mid", "middle", "entry"}
_UNMARKED_LEVELS = {"intermediate", "mid", "mid-level", "middle"}
_NON_WORD = re.compile(r"[^a-z0-9]+")


def split_specialty(title: str) -> tuple[str, str | None]:
    """Split ``Manager, Infrastructure (Delivery)`` into the base title and the specialty.

    Examples
    --------
    >>> split_specialty("Manager, Infrastructure (Delivery)")
    ('Manager, Infrastructure', 'Delivery')
    >>> split_specialty("Head of SRE")
    ('Head of SRE', None)

    A parenthesis of level words is the title's level, not a specialty (the unmarked level, intermediate,
    is what the bare title means):

    >>> split_specialty("FinOps Engineer (Intermediate)"), split_specialty("Backend Engineer (Senior)")
    (('FinOps Engineer', None), ('Senior Backend Engineer', None))
    """
    found = _PAREN.findall(title)
    base = _PAREN.sub(" ", title)
    base = re.sub(r"\s+", " ", base).strip(" ,")
    if not found:
        return base, None
    specialty = found[-1].strip() or None
    words = words_of(specialty) if specialty else []
    if words and all(word in MODIFIERS or word in _LEVEL_FILLER for word in words):
        marked = [word for word in specialty.split() if word.lower() not in _UNMARKED_LEVELS]
        return " ".join([*marked, base]), None
    return base, specialty


@dataclass(frozen=True, order=True)
class TitleKey:
    level: tuple[str, ...]
    function: tuple[str, ...]
    specialty: str | None = None

    def __str__(self) -> str:
        spec = f" ({self.specialty})" if self.specialty else ""
        return f"{' '.join(self.level)} | {' '.join(self.function)}{spec}"


def words_of(text: str) -> list[str]:
    """Lower-case words of ``text`` with acronyms expanded (``SRE`` → ``site reliability engineering``)."""
    words = _NON_WORD.sub(" ", spell_symbols(text).lower().replace("&", " and ")).split()
    expanded: list[str] = []
    for word in words:
        expanded.extend(ACRONYMS.get(word, PLURAL_NOUNS.get(word, word)).split())
    return expanded


def _is_profession_manager(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` ("manager") ends a profession title such as "Product Manager"."""
    return any(tuple(words[max(0, index - len(p)) : index]) == p for p in IC_MANAGER_PROFESSIONS)


@lru_cache(maxsize=65536)  # called for every title and reference of every role; keys are immutable
def title_key(title: str) -> TitleKey:
    """The key under which two titles are the same role.

    Examples
    --------
    >>> title_key("SRE Manager") == title_key("Site Reliability Engineering Manager")
    True
    >>> title_key("Manager, Infrastructure") == title_key("Infrastructure Manager")
    True
    >>> title_key("VP of Infrastructure") == title_key("Vice President, Infrastructure")
    True
    >>> title_key("Head of SRE") == title_key("Global Head of SRE")
    False
    >>> title_key("Head of SRE") == title_key("SRE Director")
    False
    >>> str(title_key("Manager, Infrastructure (Delivery)"))
    'manager | infrastructure (delivery)'
    >>> title_key("Managers, Solutions Architects") == title_key("Manager, Solutions Architect")
    True
    >>> title_key("FP&A Manager") == title_key("Manager, FP&A"), str(title_key("Senior Product Manager"))
    (False, 'individual contributor senior | manager product')
    >>> str(title_key("Staff Engineer")), str(title_key("Staff Accountant"))
    ('engineer staff | ', ' | accountant staff')
    """
    base, specialty = split_specialty(title)
    words = words_of(base)
    level: list[str] = []
    function: list[str] = []
    index = 0
    while index < len(words):
        pair = " ".join(words[index : index + 2])
        if words[index] == "manager" and _is_profession_manager(words, index):
            level.append(IC_MARKER)
            function.append("manager")
            index += 1
            continue
        if pair in POSITION_NOUNS:
            level.append(pair)
            index += 2
            continue
        word = words[index]
        if word == "staff" and index + 1 < len(words) and words[index + 1] in _STAFF_PROFESSIONS:
            function.append(word)
        elif word in MODIFIERS or word in POSITION_NOUNS:
            level.append(word)
        elif word not in FILLER:
            function.append(word)
        index += 1
    spec = " ".join(words_of(specialty)) if specialty else None
    return TitleKey(level=tuple(sorted(level)), function=tuple(sorted(function)), specialty=spec)


def near_duplicates(a: TitleKey, b: TitleKey) -> bool:
    """Titles that may be the same role but are not provably so.

    Same level and specialty, and one function adds only generic words (``engineering``,
    ``operations`` ...) to the other's: ``Head of Infrastructure`` and ``Head of Infrastructure
    Engineering`` may be one role; ``Head of Engineering`` and ``Head of Data Engineering`` are not.

    Examples
    --------
    >>> near_duplicates(title_key("Head of Infrastructure"), title_key("Head of Infrastructure Engineering"))
    True
    >>> near_duplicates(title_key("Head of Engineering"), title_key("Head of Data Engineering"))
    False
    >>> near_duplicates(title_key("Head of SRE"), title_key("Global Head of SRE"))
    False
    """
    if a == b or a.level != b.level or a.specialty != b.specialty:
        return False
    small, large = sorted((set(a.function), set(b.function)), key=len)
    return bool(small) and small < large and (large - small) <= GENERIC_FUNCTION_WORDS


class NearestTitles:
    """The loaded title closest to an unresolved reference (for ``orgkg validate``), if any is close.

    The titles are normalised once, and each distinct reference is looked up once: a library of thousands
    of roles whose rows all name the same manager outside it costs one search, not one per row. Past
    ``limit`` distinct references no nearest title is searched (each search is linear in the titles).

    Examples
    --------
    >>> nearest = NearestTitles(["Senior Manager, Solutions Architects", "CEO"])
    >>> nearest("Sr Manager, Solutions Architecture")
    'Senior Manager, Solutions Architects'
    >>> NearestTitles(["Backend Engineer"])("Chief Executive Officer") is None
    True
    """

    def __init__(self, titles: Iterable[str], cutoff: float = 60.0, limit: int = 1000) -> None:
        self._choices = {" ".join(words_of(t)): t for t in titles}
        self._keys = list(self._choices)
        self._cutoff = cutoff
        self._limit = limit
        self._found: dict[str, str | None] = {}

    def __call__(self, title: str) -> str | None:
        query = " ".join(words_of(title))
        if query not in self._found:
            if len(self._found) >= self._limit:
                return None
            best = process.extractOne(query, self._keys, scorer=fuzz.token_sort_ratio, score_cutoff=self._cutoff)
            self._found[query] = self._choices[best[0]] if best else None
        return self._found[query]
