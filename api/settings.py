"""Settings from the environment (``ORGKG_*``) with safe defaults; CLI flags override them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "REPO_ROOT"]

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORGKG_", extra="ignore")

    seeds: list[Path] = Field(default_factory=lambda: [REPO_ROOT / "seeds"])
    taxonomy_dir: Path = REPO_ROOT / "seeds" / "taxonomy"
    queries_dir: Path = REPO_ROOT / "queries"
    data_dir: Path = Field(default_factory=lambda: Path.cwd() / ".orgkg")

    store: Literal["falkordb", "neo4j"] = "falkordb"
    graph_name: str = "orgkg"
    falkordb_url: str | None = Field(
        default=None, description="An external FalkorDB (redis://...) instead of the embedded one."
    )
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"

    cypher_time_limit_ms: int = Field(default=5000, ge=1, le=600_000)
    cypher_max_rows: int = Field(default=1000, ge=1, le=1_000_000)
    sync_batch_size: int = Field(default=5000, ge=1, le=1_000_000)
    max_file_bytes: int = Field(default=10 * 1024 * 1024, ge=1)

    @property
    def snapshot_path(self) -> Path:
        return self.data_dir / "snapshot.json"

    @property
    def falkordb_dir(self) -> Path:
        return self.data_dir / "falkordb"


@lru_cache
def get_settings() -> Settings:
    return Settings()
