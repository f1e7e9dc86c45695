"""The function hierarchy of the taxonomy (SRE ⊂ Reliability ⊂ Infrastructure ⊂ ...) and where roles sit in it."""

from __future__ import annotations

from graph.extract import Matcher, function_for_title
from graph.model import FunctionEntry

__all__ = ["FunctionTree"]


class FunctionTree:
    """Parents of each function, and the placing of role titles (by the taxonomy's title keywords).

    Examples
    --------
    >>> from graph.model import Taxonomy
    >>> entries = [FunctionEntry(name="Infrastructure", keywords=["infrastructure"]),
    ...            FunctionEntry(name="SRE", parent="Infrastructure", keywords=["site reliability", "sre"])]
    >>> tree = FunctionTree(entries, Matcher.from_taxonomy(Taxonomy(functions=entries)))
    >>> tree.place("SRE Manager"), tree.ancestors("SRE")
    ('SRE', ['Infrastructure'])
    """

    def __init__(self, entries: list[FunctionEntry], matcher: Matcher) -> None:
        self.parent = {entry.name: entry.parent for entry in entries}
        self.matcher = matcher

    def ancestors(self, name: str) -> list[str]:
        """Parents of ``name``, nearest first; stops on a cycle in a user's file."""
        chain: list[str] = []
        current = self.parent.get(name)
        while current and current not in chain and current != name:
            chain.append(current)
            current = self.parent.get(current)
        return chain

    def place(
        self, title: str, family: str | None = None, base_title: str | None = None, department: str | None = None
    ) -> str | None:
        """The most specific function the title (or a specialty's base title) names; else the family's; else
        the department's the document names ("Analyst" in the Finance department)."""
        placed = [f for f in (function_for_title(t, self.matcher) for t in (title, base_title) if t) if f]
        if placed:
            return max(placed, key=lambda name: len(self.ancestors(name)))
        for name in (family, department):
            function = function_for_title(name, self.matcher) if name else None
            if function:
                return function
        return None
