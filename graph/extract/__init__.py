"""Skill and KPI extraction: taxonomy matching over role documents, with evidence for every fact.

* :mod:`graph.extract.normalize` — words with offsets, normalised for matching.
* :mod:`graph.extract.matcher` — :class:`Matcher`, the multi-pattern matcher built from a taxonomy.
* :mod:`graph.extract.sentences` — the sentence around a match, for evidence.
* :mod:`graph.extract.boilerplate` — company boilerplate (a list of its values) whose words are no facts.
* :mod:`graph.extract.facts` — :func:`extract_role_facts`: one fact per skill/KPI of a role, weighted.
* :mod:`graph.extract.functions` — :func:`function_for_title`: where a role title sits in the functions.
"""

from __future__ import annotations

__all__ = [
    "Fact",
    "Match",
    "Matcher",
    "RoleFacts",
    "alias_conflicts",
    "extract_all",
    "extract_role_facts",
    "function_for_title",
    "normalize_term",
    "sentence_around",
]

from graph.extract.facts import Fact, RoleFacts, extract_all, extract_role_facts
from graph.extract.functions import function_for_title
from graph.extract.matcher import Match, Matcher, alias_conflicts
from graph.extract.normalize import normalize_term
from graph.extract.sentences import sentence_around
