"""The org tree: every role under its primary manager."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import GraphDep
from api.models import SNAPSHOT_ERRORS
from graph.queries import org_tree
from graph.queries.reporting import OrgTree

router = APIRouter(tags=["reporting"], responses=SNAPSHOT_ERRORS)


@router.get("/org-tree", response_model=OrgTree, summary="Roles nested under their managers")
def get_org_tree(og: GraphDep):
    return org_tree(og)
