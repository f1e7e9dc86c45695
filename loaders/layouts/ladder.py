"""Career ladders: the document's order of levels as stated promotions, forks, and titles for generic levels.

* Order: each level promotes to the next one the document lists (``method: stated``), with evidence
  naming the whole order (``Level order in ladder.md: Junior → Middle → Senior``).
* Forks: a level whose text names two or more later levels ("two directions: Senior Developer ...
  or Tech Lead") promotes to each of them, and the level before the second branch no longer steps
  into it.
* The end: a level for former holders ("Emeritus ...", "Former ...") ends the order.
* Generic level names (``Level 2``, ``L3``, ``Senior``) get a title that says which ladder: the
  level word before the ladder's role noun ("Junior Developer"), or the ladder after a level code
  ("Developer Level 0"). The ladder comes from a hint, the front matter ``family``, the role noun the
  text puts after the level names ("Junior and Middle developers"), a heading listing the levels, or
  the document's title.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import PurePosixPath

from graph.model import Evidence, ParsedRole, RoleRef, SectionKind
from loaders.document import DocumentOutline
from loaders.layouts.roles import clean_title, level_stem
from loaders.role_titles import LEVEL_WORDS, looks_like_role
from loaders.text import classify_heading

__all__ = ["ladder_name", "ladder_runs", "level_title", "link_ladder", "stem_name", "track_of"]

_MANAGEMENT = re.compile(r"\bmanag(?:er|ers|ement|ing)\b|\bpeople\s+lead", re.I)
_IC = re.compile(r"\bindividual\s+contributors?\b|\bIC\b|\btechnical\b|\bcoding\b|\bengineering\s+track\b", re.I)


def track_of(text: str) -> str | None:
    """``management`` or ``ic`` when ``text`` names a track ("Individual Contributor", "for management").

    Examples
    --------
    >>> track_of("Individual Contributor"), track_of("Tech Lead for management and leadership paths"), track_of("x")
    ('ic', 'management', None)
    """
    if _MANAGEMENT.search(text):
        return "management"
    if _IC.search(text):
        return "ic"
    return None


_ENDS = re.compile(r"\b(?:emeritus|former|retired|alumni|alumnus)\b", re.I)
_FORK_WORDS = re.compile(r"\b(?:directions?|paths?|tracks?|branch(?:es)?|splits?|forks?|progression)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_ROLE_NOUNS = (
    r"developers?|engineers?|programmers?|designers?|managers?|analysts?|scientists?|testers?|architects?"
    r"|consultants?|specialists?|researchers?|leads?|leaders?"
)
_LADDER_WORDS = re.compile(
    r"\b(?:career|ladders?|levels?|framework|progression|paths?|tracks?|matrix|roles?|membership|competenc(?:y|ies)"
    r"|responsibilities|requirements|expectations|and|&|,"
    # the same words in Portuguese, Spanish, French and German titles ("Plano de Carreira — Engenharia")
    r"|plano|plan|trilhas?|carreiras?|carreras?|carri[eè]res?|karriere|n[ií]v(?:el|eis)|nivel(?:es)?|niveaux?"
    r"|stufen|cargos?|progress[ãa]o|progresi[óo]n|compet[êe]ncias?|matriz|parcours|escada|escalera)(?!\w)",
    re.I,
)
_EDGE_WORDS = re.compile(r"^(?:[^\w(]+|(?:de|da|do|das|dos|del|of|the|for|para|e|y|et|und)(?!\w)\s*)+", re.I)


def _plural_to_singular(word: str) -> str:
    return word[:-1] if word.lower().endswith("s") and not word.lower().endswith("ss") else word


def ladder_name(outline: DocumentOutline, levels: list[str], hint: str | None = None) -> str:
    """The name that tells this ladder's generic levels from another's.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "# Requirements\\n\\n## Junior\\n\\nHelp Junior and Middle developers.\\n\\n## Middle\\n"
    >>> doc = read_markdown(text, "r.md")
    >>> ladder_name(doc, ["Junior", "Middle"])
    'Developer'
    """
    if hint:
        return hint
    family = outline.meta.get("family")
    if isinstance(family, str) and family.strip():
        return family.strip()
    noun = _noun_after_levels(outline, levels)
    if noun:
        return noun
    listing = _heading_listing(outline, levels)
    if listing:
        return listing
    title = outline.title or ""
    if title and classify_heading(title) is SectionKind.OTHER:
        stripped = _trim_edges(" ".join(_LADDER_WORDS.sub(" ", title).split()))
        if stripped:
            return stripped
    return stem_name(outline.source) or clean_title(title) or PurePosixPath(outline.source).stem


_PREPOSITIONS = {"de", "da", "do", "das", "dos", "del", "of", "the", "for", "para", "e", "y", "et", "und"}


def _trim_edges(text: str) -> str:
    """``text`` without the separators and bare prepositions a removed ladder word leaves at its ends.

    >>> _trim_edges("de — Engenharia de Dados"), _trim_edges("Engineering:"), _trim_edges("Data Engineer")
    ('Engenharia de Dados', 'Engineering', 'Data Engineer')
    """
    words = _EDGE_WORDS.sub("", text).split()
    while words and (re.fullmatch(r"[^\w)]+", words[-1]) or words[-1].lower() in _PREPOSITIONS):
        words.pop()
    return " ".join(words).rstrip(" -–—:|,")


def stem_name(source: str) -> str:
    """A ladder name from a file name: ``bioinformatics_competencies_v1.csv`` → ``Bioinformatics``.

    A corpus copy named ``owner__repo__file`` counts from its last ``__`` part.

    Examples
    --------
    >>> stem_name("data/APHL__workforce__bioinformatics_competencies_v1.csv"), stem_name("backend-ladder.md")
    ('Bioinformatics', 'Backend')
    """
    stem = PurePosixPath(source).stem.rsplit("__", 1)[-1]
    words = re.sub(r"[-_.]+", " ", stem)
    words = re.sub(r"\bv\d+\b", " ", _LADDER_WORDS.sub(" ", words), flags=re.I)
    name = " ".join(words.split())
    return name[:1].upper() + name[1:]


def _noun_after_levels(outline: DocumentOutline, levels: list[str]) -> str | None:
    words = [re.escape(w) for w in {*levels, *LEVEL_WORDS.split("|")} if w]
    alternation = "|".join(sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternation})(?:\s*(?:,|and|or|&|/)\s*(?:{alternation}))*\s+({_ROLE_NOUNS})\b", re.I)
    counts: Counter[str] = Counter()
    for block in outline.blocks:
        if block.kind in ("paragraph", "item"):
            counts.update(_plural_to_singular(m.group(1)).lower() for m in pattern.finditer(block.text))
    if not counts:
        return None
    return counts.most_common(1)[0][0].title()


def _heading_listing(outline: DocumentOutline, levels: list[str]) -> str | None:
    """A heading whose list names the levels (``### Developers`` over ``- Level0``, ``- Level1`` ...)."""
    wanted = {re.sub(r"\W", "", level).lower() for level in levels}
    for index, block in outline.headings():
        section = outline.section(index)
        if any(b.kind == "item" and b.level > 1 for b in section):
            continue  # levels with their behaviours nested: a competency, not a list of the ladder's levels
        items = [re.sub(r"\W", "", b.text).lower() for b in section if b.kind == "item"]
        generic = re.search(r"\blevels?\b", block.text, re.I) or classify_heading(block.text) is not SectionKind.OTHER
        if len(wanted & set(items)) >= 2 and not generic:
            return _plural_to_singular(" ".join(block.text.split()))
    return None


def level_title(level: str, ladder: str) -> str:
    """The title of a generic level of ``ladder``.

    Examples
    --------
    >>> level_title("Junior", "Developer"), level_title("Level 0", "Developer"), level_title("Senior", "Engineering")
    ('Junior Developer', 'Developer Level 0', 'Engineering Senior')
    """
    shown = level.title() if level.islower() else level
    if re.match(rf"^(?:{LEVEL_WORDS})\b", level, re.I) and re.search(rf"\b(?:{_ROLE_NOUNS})$", ladder, re.I):
        return f"{shown} {ladder}"
    return f"{ladder} {shown}"


def link_ladder(roles: list[ParsedRole], texts: list[str], source: str, doc_name: str) -> None:
    """Stated promotions along the ladder ``roles`` (document order), with forks and an end.

    ``texts`` holds each level's own text, where a fork is stated.

    Examples
    --------
    >>> titles = ["Mid", "Senior Dev", "Tech Lead", "CTO"]
    >>> roles = [ParsedRole(title=t, source="l.md", line=i) for i, t in enumerate(titles)]
    >>> link_ladder(roles, ["Two career directions: Senior Dev or Tech Lead.", "", "", ""], "l.md", "l.md")
    >>> [(r.title, [p.title for p in r.promotes_to]) for r in roles]
    [('Mid', ['Senior Dev', 'Tech Lead']), ('Senior Dev', []), ('Tech Lead', ['CTO']), ('CTO', [])]
    """
    chain = []
    for role in roles:
        if _ENDS.search(role.title):
            break
        chain.append(role)
    if len(chain) < 2:
        return
    edges: dict[int, list[tuple[int, str | None]]] = {i: [(i + 1, None)] for i in range(len(chain) - 1)}
    for i, text in enumerate(texts[: len(chain)]):
        for sentence in _SENTENCE.split(" ".join(text.split())):
            named = _later_named(chain, i, sentence)
            if len(named) < 2 or not _FORK_WORDS.search(sentence):
                continue
            edges[i] = [(j, sentence) for j in named]
            for j in named[1:]:
                if j - 1 != i and j - 1 in edges:
                    edges[j - 1] = [(k, s) for k, s in edges[j - 1] if k != j]
            at = Evidence(source=source, line=chain[i].line, evidence=sentence, method="extracted")
            _branch_tracks(chain, named, sentence, at)
            break
    for i, targets in edges.items():
        for j, sentence in targets:
            evidence = sentence or f"Level order in {doc_name}: {_order_around(chain, i)}"
            at = Evidence.at(source, chain[i].location, evidence, method="stated")
            chain[i].promotes_to.append(RoleRef(title=chain[j].title, at=at))


def ladder_runs(titles: list[str]) -> list[list[int]]:
    """The ladders among a page's roles (``titles`` in page order), as lists of their positions.

    One ladder, unless two or more roles each have several levels on the page ("Junior" and "Senior
    Accountant", "Junior" and "Senior Designer"): then each role's levels are a ladder of their own, in page
    order, and a role of one level only is on none. A role whose name ends another's is the same ladder
    when their levels differ ("Software Engineer", "Senior Software Engineer", then "Staff Engineer",
    "Principal Engineer"), and two ladders when their levels repeat ("Junior" and "Senior Accountant",
    "Junior" and "Senior Tax Accountant").

    Examples
    --------
    >>> ladder_runs(["Junior Developer", "Senior Developer", "Tech Lead"])
    [[0, 1, 2]]
    >>> ladder_runs(["Junior Accountant", "Junior Designer", "Senior Accountant", "Senior Designer", "CFO"])
    [[0, 2], [1, 3]]
    """
    stems = [level_stem(title) for title in titles]
    levels: dict[str, set[str]] = {}
    words = [_level_words(title, stem) for title, stem in zip(titles, stems, strict=True)]
    for stem, level in zip(stems, words, strict=True):
        levels.setdefault(stem, set()).add(level)
    by_root: dict[str, list[int]] = {}
    for i, stem in enumerate(stems):
        root = _root(stem, levels)
        if root is not None:
            by_root.setdefault(root, []).append(i)
    runs = list(by_root.values())
    if len(runs) <= 1:
        runs = [list(range(len(titles)))]
    # a role's levels from the top down ("Senior Backend Engineer" before "Backend Engineer"): the ladder rises
    ranks = [_level_rank(level) if len(levels[stem]) >= 2 else None for stem, level in zip(stems, words, strict=True)]
    return [run[::-1] if _falls([ranks[i] for i in run]) else run for run in runs]


# The rising order of the level words of one role's titles ("" is the role's plain title: "Backend Engineer").
_RISING_LEVELS = (
    "intern trainee apprentice graduate entry entry-level",
    "junior jr associate",
    "intermediate mid mid-level middle",
    "senior sr",
    "staff lead",
    "principal",
    "distinguished",
    "fellow",
)
_LEVEL_ORDER = {word: rank for rank, group in enumerate(_RISING_LEVELS) for word in group.split()}
_NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}


def _level_rank(level: str) -> float | None:
    """The place of a title's level words in :data:`_LEVEL_ORDER` (a number after them, "II", "3", counts
    within it); None for words it does not know.

    >>> _level_rank(""), _level_rank("senior"), _level_rank("senior ii"), _level_rank("fancy")
    (2, 3, 3.2, None)
    """
    rank: float = 2
    for word in level.split():
        if word in _LEVEL_ORDER:
            rank = _LEVEL_ORDER[word]
        elif word in _NUMERALS or word.isdigit():
            rank += (_NUMERALS.get(word) or int(word)) / 10
        else:
            return None
    return rank


def _falls(ranks: list[float | None]) -> bool:
    """Whether the known ranks of a ladder's roles, in page order, only ever fall (and fall at least once)."""
    known = [rank for rank in ranks if rank is not None]
    return len(known) >= 2 and known[0] > known[-1] and all(a >= b for a, b in pairwise(known))


def _level_words(title: str, stem: str) -> str:
    """The words of ``title`` its level ``stem`` does not have: its level ("senior", "ii", "" for none)."""
    own = set(stem.split())
    return " ".join(word for word in title.lower().split() if word not in own)


def _root(stem: str, levels: dict[str, set[str]]) -> str | None:
    """The shortest ending of ``stem`` that names a ladder (several roles' stem) of other levels than its own
    (``engineer`` of ``software engineer``); None for a role of one level only."""
    words = stem.split()
    for start in range(len(words) - 1, 0, -1):
        ending = " ".join(words[start:])
        if len(levels.get(ending, ())) >= 2 and not levels[ending] & levels[stem]:
            return ending
    return stem if len(levels[stem]) >= 2 else None


def _branch_tracks(chain: list[ParsedRole], named: list[int], sentence: str, at: Evidence) -> None:
    """Each branch of a fork takes the track its part of the sentence names, down to the next branch."""
    lowered = sentence.lower()
    starts = [lowered.index(chain[j].title.lower()) for j in named]
    for n, j in enumerate(named):
        after = starts[n] + len(chain[j].title)
        part = sentence[after : starts[n + 1] if n + 1 < len(named) else len(sentence)]
        track = track_of(part)
        end = named[n + 1] if n + 1 < len(named) else len(chain)
        for role in chain[j:end] if track and not chain[j].track else []:
            if role.track is None:
                role.track, role.track_at = track, at


# A ladder of more levels than this shows the levels around a step as its evidence, not the whole order (a
# page of thousands of levels would repeat them all in every step), and a fork sentence is looked for among
# the levels this close after it.
ORDER_SHOWN = 12
_FORK_REACH = 16


def _order_around(chain: list[ParsedRole], i: int) -> str:
    """The ladder's order as a step's evidence: all of it, or for a long ladder the levels around step ``i``.

    >>> chain = [ParsedRole(title=f"L{n}", source="l.md", line=n) for n in range(1, 30)]
    >>> _order_around(chain, 0), _order_around(chain, 10)
    ('L1 → L2 → L3 → …', '… → L9 → L10 → L11 → L12 → L13 → …')
    """
    if len(chain) <= ORDER_SHOWN:
        return " → ".join(r.title for r in chain)
    first, last = max(i - 2, 0), min(i + 3, len(chain))
    shown = " → ".join(r.title for r in chain[first:last])
    return f"{'… → ' if first else ''}{shown}{' → …' if last < len(chain) else ''}"


def _later_named(chain: list[ParsedRole], i: int, text: str) -> list[int]:
    lowered = text.lower()
    return [j for j in range(i + 1, min(i + 1 + _FORK_REACH, len(chain))) if chain[j].title.lower() in lowered]


def is_role_name(text: str) -> bool:
    return looks_like_role(text)
