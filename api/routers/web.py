"""The web page: ``/`` serves the single-page app, ``/static/*`` its CSS and ES modules.

Everything the page shows comes from the JSON API; this router only adds what a browser needs to
draw: ``/layout/role-skills`` (the bipartite role–skill network of the overlap explorer) and
``/layout/neighbourhood`` (any node's neighbours, for the graph view to expand skills and KPIs too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from api.deps import GraphDep
from graph.errors import InvalidParameter, NotFound
from graph.model import NodeLabel
from graph.orggraph import OrgGraph

__all__ = ["STATIC_DIR", "router"]

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
MAX_LAYOUT_ROLES = 200
MAX_NEIGHBOURS = 400

router = APIRouter(include_in_schema=False)
_static = StaticFiles(directory=STATIC_DIR, check_dir=False)
_NO_CACHE = {"Cache-Control": "no-cache"}


@router.get("/")
def index() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html", headers=_NO_CACHE)


@router.get("/static/{path:path}")
async def static(path: str, request: Request) -> Response:
    """A file of ``api/static`` (ETag and 304 from Starlette's StaticFiles; no directory listing)."""
    response = await _static.get_response(path, request.scope)
    response.headers.setdefault("Cache-Control", "no-cache")
    return response


# --------------------------------------------------------------------------- layouts


def _role_ids(og: OrgGraph, roles: list[str]) -> list[str]:
    """Role ids for ids, slugs, titles or aliases, duplicates dropped, order kept."""
    from graph.queries.lookup import resolve_role

    ids: dict[str, None] = {}
    for text in roles:
        ids.setdefault(resolve_role(og, text).id, None)
    return list(ids)


@router.get("/layout/role-skills")
def role_skills(og: GraphDep, roles: Annotated[list[str] | None, Query()] = None) -> dict:
    """The role–skill network of ``roles``: each skill with how many of the roles require it."""
    if not roles:
        raise InvalidParameter("roles", "give at least one role")
    if len(roles) > MAX_LAYOUT_ROLES:
        raise InvalidParameter("roles", f"at most {MAX_LAYOUT_ROLES} roles, got {len(roles)}")
    role_ids = _role_ids(og, roles)
    edges, degree = [], {}
    for role_id in role_ids:
        for skill_id, weight in sorted(og.role_skills.get(role_id, {}).items()):
            edges.append({"role": role_id, "skill": skill_id, "weight": weight})
            degree[skill_id] = degree.get(skill_id, 0) + 1
    skills = []
    for skill_id, count in degree.items():
        skill = og.skills_by_id.get(skill_id)
        skills.append(
            {
                "id": skill_id,
                "name": skill.name if skill else skill_id,
                "category": skill.category if skill else None,
                "roles": count,
            }
        )
    skills.sort(key=lambda s: (-s["roles"], s["name"].lower()))
    return {
        "roles": [{"id": r, "title": og.roles_by_id[r].title} for r in role_ids],
        "skills": skills,
        "edges": edges,
    }


def _node(og: OrgGraph, node_id: str) -> dict:
    label = og.node_field(node_id, "label")
    node = {"id": node_id, "label": label, "name": og.node_name(node_id)}
    if label == NodeLabel.ROLE.value:
        node.update({k: og.node_field(node_id, k) for k in ("level", "grade", "family", "track")})
    if label == NodeLabel.SKILL.value:
        node["category"] = og.node_field(node_id, "category")
    return node


@router.get("/layout/neighbourhood")
def neighbourhood(og: GraphDep, node: Annotated[str, Query(max_length=300)]) -> dict:
    """``node`` (any id: role, skill, KPI, family) with its direct neighbours and the edges between them.

    Sources and skill categories are left out: they would join everything to everything. Read from
    the relationship columns (``OrgGraph.adjacent``): no networkx graph is built for it.
    """
    if not og.has_node(node):
        if node.startswith("role:") or ":" not in node:
            node = _role_ids(og, [node])[0]
        else:
            raise NotFound("node", node)
    hidden = {NodeLabel.SOURCE.value, NodeLabel.SKILL_CATEGORY.value}
    ids = [node]
    successors = dict.fromkeys(other for other, _, _ in og.adjacent(node, "out"))
    predecessors = dict.fromkeys(other for other, _, _ in og.adjacent(node, "in"))
    for other in [*sorted(successors), *sorted(predecessors)]:
        if other not in ids and og.node_field(other, "label") not in hidden:
            ids.append(other)
    ids = ids[: MAX_NEIGHBOURS + 1]
    keep = set(ids)
    edges = [
        {"source": start, "target": end, "type": key}
        for start in ids
        for end, key, _ in og.adjacent(start, "out")
        if end in keep and (start == node or end == node)
    ]
    return {"center": node, "nodes": [_node(og, n) for n in ids], "edges": edges}
