"""Place roles in the function hierarchy of the taxonomy (SRE ⊂ Reliability ⊂ Infrastructure ⊂ ...)."""

from __future__ import annotations

from graph.model import FunctionEntry
from graph.pipeline.titles import split_specialty, words_of

__all__ = ["FunctionTree"]


class FunctionTree:
    """The function hierarchy with the title keywords that place a role in each function.

    Examples
    --------
    >>> tree = FunctionTree([FunctionEntry(name="Infrastructure", keywords=["infrastructure"]),
    ...                      FunctionEntry(name="SRE", parent="Infrastructure", keywords=["site reliability"])])
    >>> tree.place("SRE Manager"), tree.ancestors("SRE")
    ('SRE', ['Infrastructure'])
    """

    def __init__(self, entries: list[FunctionEntry]) -> None:
        self.parent = {entry.name: entry.parent for entry in entries}
        self._keywords = [(" ".join(words_of(keyword)), entry.name) for entry in entries for keyword in entry.keywords]

    def ancestors(self, name: str) -> list[str]:
        """Parents of ``name``, nearest first; stops on a cycle in a user's file."""
        chain: list[str] = []
        current = self.parent.get(name)
        while current and current not in chain and current != name:
            chain.append(current)
            current = self.parent.get(current)
        return chain

    def depth(self, name: str) -> int:
        return len(self.ancestors(name))

    def place(self, title: str, family: str | None = None) -> str | None:
        """The most specific function a title names; the family's when the title names none."""
        for text in (split_specialty(title)[0], family or ""):
            padded = f" {' '.join(words_of(text))} "
            hits = [(len(kw), self.depth(name), name) for kw, name in self._keywords if kw and f" {kw} " in padded]
            if hits:
                return max(hits)[2]
        return None
