"""Queries over an ``OrgGraph``: plain functions that check their inputs and return pydantic models.

* ``lookup``: resolve roles, skills, KPIs and families by id, name, alias or near miss; type-ahead.
* ``listings`` / ``families``: filtered role lists, skill and KPI cards, family ladders.
* ``paths``: career paths between two roles and the next moves from one.
* ``shared``, ``overlap``, ``similar``, ``gap``: what roles have in common, all built on the one
  weighted overlap of ``similarity``.
* ``reporting``, ``neighbourhood``: reporting lines, the org tree, a role's neighbourhood.
"""

from graph.queries.cards import role_card
from graph.queries.families import family_card, list_families
from graph.queries.gap import skill_gap
from graph.queries.listings import kpi_card, list_kpis, list_roles, list_skills, skill_card
from graph.queries.lookup import resolve_family, resolve_kpi, resolve_role, resolve_skill, search, search_roles
from graph.queries.neighbourhood import neighbourhood
from graph.queries.overlap import overlap_matrix
from graph.queries.paths import career_paths, next_roles
from graph.queries.reporting import org_tree, reporting_chain, reports
from graph.queries.shared import shared_competencies
from graph.queries.similar import similar_roles

__all__ = [
    "career_paths",
    "family_card",
    "kpi_card",
    "list_families",
    "list_kpis",
    "list_roles",
    "list_skills",
    "neighbourhood",
    "next_roles",
    "org_tree",
    "overlap_matrix",
    "reporting_chain",
    "reports",
    "role_card",
    "resolve_family",
    "resolve_kpi",
    "resolve_role",
    "resolve_skill",
    "search",
    "search_roles",
    "shared_competencies",
    "similar_roles",
    "skill_card",
    "skill_gap",
]
