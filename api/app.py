"""The FastAPI application: one router per resource, the graph held in ``app.state.graphs``."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi_offline import FastAPIOffline

from api.errors import install_error_handlers
from api.routers import families, functions, gap, health, kpis, org, overlap, paths, roles, search, shared, skills, web
from api.routers import schema as cypher_schema
from api.routers.tabular import check_format
from api.security import Guard, allowed_hosts
from api.settings import Settings, get_settings
from api.state import GraphHolder
from api.store_state import install_store

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, *, bound_host: str | None = None) -> FastAPI:
    """The app over ``settings``; ``bound_host`` (the address ``orgkg serve`` listens on) is an allowed Host."""
    settings = settings or get_settings()
    app = FastAPIOffline(  # /docs and /redoc serve their assets from the package: no CDN, works offline
        title="orgkg",
        summary="Career paths, shared competencies and Cypher over your role library.",
        version="0.1.0",
        dependencies=[Depends(check_format)],  # ?format=csv where there is no CSV: a 400 naming where there is
    )
    app.state.settings = settings
    app.state.graphs = GraphHolder(settings.snapshot_path)
    install_error_handlers(app)
    # First: the role card is the busiest route, and routes match in order.
    app.router.routes.append(roles.card_fast_path)
    app.include_router(roles.router)
    app.include_router(health.router)
    for router in (skills, kpis, families, functions, search, paths, shared, overlap, gap, org):
        app.include_router(router.router)
    install_store(app)  # POST /cypher, the /queries catalog and the Cypher store's lifecycle
    app.include_router(cypher_schema.router)  # GET /cypher/schema, from the store install_store opened
    app.include_router(web.router)
    app.add_middleware(
        Guard,
        hosts=allowed_hosts(settings.allowed_host_names, bound_host),
        token=settings.api_token.get_secret_value() if settings.api_token else None,
        max_body_bytes=settings.max_body_bytes,
    )
    return app
