"""Deterministic ids: ``<kind>:<slug>``, the same for the same name on every run.

The kind prefix keeps ids unique across labels, which the networkx graph and neo4j-admin's CSV
import both need.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["ID_PREFIXES", "make_id", "slugify", "spell_symbols"]

ID_PREFIXES = {
    "Role": "role",
    "JobFamily": "family",
    "Skill": "skill",
    "SkillCategory": "category",
    "KPI": "kpi",
    "Source": "source",
}

_NON_WORD = re.compile(r"[^a-z0-9]+")

# Names whose symbols are the name: without them "C++ Engineer" and "C# Developer" would be "C Engineer"
# and "C Developer". Spelled as the words these languages go by in URLs and package names.
SYMBOL_WORDS = {"c++": "cpp", "c#": "csharp", "f#": "fsharp", ".net": "dotnet"}
_SYMBOL = re.compile(r"(?<![\w.+#])(c\+\+|c#|f#|\.net)(?![\w+#])", re.IGNORECASE)


def spell_symbols(text: str) -> str:
    """``text`` with ``C++``, ``C#``, ``F#`` and ``.NET`` spelled as words, so they survive punctuation removal.

    Examples
    --------
    >>> spell_symbols("Senior C++ Engineer, C#/.NET and F#")
    'Senior cpp Engineer, csharp/dotnet and fsharp'
    >>> spell_symbols("ASP.NET, C, Objective-C")
    'ASP.NET, C, Objective-C'
    """
    return _SYMBOL.sub(lambda m: SYMBOL_WORDS[m.group(1).lower()], text)


@lru_cache(maxsize=1 << 15)  # the same titles, skills and paths are slugged over and over in a load
def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens.

    Examples
    --------
    >>> slugify("Manager, Infrastructure (Delivery)")
    'manager-infrastructure-delivery'
    >>> slugify("Crème brûlée & CI/CD")
    'creme-brulee-ci-cd'
    >>> slugify("C++ Engineer"), slugify("C# Developer"), slugify("C Engineer")
    ('cpp-engineer', 'csharp-developer', 'c-engineer')
    """
    ascii_text = unicodedata.normalize("NFKD", spell_symbols(text)).encode("ascii", "ignore").decode()
    return _NON_WORD.sub("-", ascii_text.lower()).strip("-")


def make_id(label: str, name: str) -> str:
    """The id of the node with this label and name.

    Examples
    --------
    >>> make_id("Role", "SRE Manager")
    'role:sre-manager'
    """
    try:
        prefix = ID_PREFIXES[label]
    except KeyError as err:
        raise ValueError(f"unknown node label {label!r}") from err
    slug = slugify(name)
    if not slug:
        raise ValueError(f"{name!r} has no letters or digits to make an id from")
    return f"{prefix}:{slug}"
