"""``GET /cypher/schema``: the labels, relationship types and property keys the Cypher store holds now.

The console completes and checks queries against it. The writer's bookkeeping keys (``HIDDEN_PROPERTIES``)
are left out, as they are from query results. Read from the store itself (not the snapshot), so
it is what a query will meet: for Neo4j, whatever the last ``orgkg sync --neo4j`` wrote.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from api.models import CYPHER_ERRORS
from api.store_state import store_for
from graph.stores.base import HIDDEN_PROPERTIES

__all__ = ["CypherSchema", "SchemaEntry", "router"]

router = APIRouter(tags=["cypher"], responses=CYPHER_ERRORS)

_NODE_KEYS = "MATCH (n) UNWIND labels(n) AS label UNWIND keys(n) AS key RETURN label, collect(DISTINCT key) AS keys"
_LABELS = "MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label"
_REL_KEYS = "MATCH ()-[r]->() UNWIND keys(r) AS key RETURN type(r) AS type, collect(DISTINCT key) AS keys"
_TYPES = "MATCH ()-[r]->() RETURN DISTINCT type(r) AS type"


class SchemaEntry(BaseModel):
    name: str
    properties: list[str] = Field(description="Property keys found on at least one element, sorted.")


class CypherSchema(BaseModel):
    engine: str
    labels: list[SchemaEntry]
    relationship_types: list[SchemaEntry]
    property_keys: list[str] = Field(description="Every property key of any node or relationship, sorted.")


def _entries(names: list[list], keyed: list[list]) -> list[SchemaEntry]:
    keys = {str(name): sorted({str(k) for k in found} - HIDDEN_PROPERTIES) for name, found in keyed}
    return [SchemaEntry(name=name, properties=keys.get(name, [])) for name in sorted({str(row[0]) for row in names})]


@router.get("/cypher/schema", response_model=CypherSchema, summary="Labels, relationship types and properties")
def cypher_schema(request: Request) -> CypherSchema:
    store = store_for(request)
    labels = _entries(store.fetch_all(_LABELS), store.fetch_all(_NODE_KEYS))
    types = _entries(store.fetch_all(_TYPES), store.fetch_all(_REL_KEYS))
    every = sorted({p for entry in [*labels, *types] for p in entry.properties})
    return CypherSchema(engine=store.engine, labels=labels, relationship_types=types, property_keys=every)
