"""Settings from the environment (``ORGKG_*``) with safe defaults; CLI flags override them."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

from graph.errors import InvalidSetting

__all__ = ["Settings", "get_settings", "read_settings", "REPO_ROOT"]

REPO_ROOT = Path(__file__).resolve().parents[1]


def _default_engine_memory_mb() -> int:
    """A quarter of the machine's memory, at most 4 GiB: the embedded engine's address-space cap."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (ValueError, OSError):
        total = 8192
    return max(1536, min(4096, total // 4))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORGKG_", extra="ignore")

    # ORGKG_SEEDS: one path, several separated by os.pathsep (":"), or a JSON list of them.
    seeds: Annotated[list[Path], NoDecode] = Field(default_factory=lambda: [REPO_ROOT / "seeds"])
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
    # Bounds on what an analyst may send (the guard checks them before the engine sees the query).
    cypher_max_query_bytes: int = Field(default=16_384, ge=64, le=1_000_000)
    cypher_max_nesting: int = Field(default=8, ge=2, le=40)
    cypher_max_param_bytes: int = Field(default=65_536, ge=64, le=10_000_000)
    cypher_max_param_depth: int = Field(default=8, ge=1, le=40)
    cypher_max_range: int = Field(default=10_000_000, ge=1)
    # Analyst queries running at once; more are answered 503 with Retry-After.
    cypher_max_in_flight: int = Field(default=4, ge=1, le=256)
    # The embedded engine's own caps: memory (address space and query memory) and queued queries.
    falkordb_memory_mb: int = Field(default_factory=lambda: _default_engine_memory_mb(), ge=256)
    falkordb_query_memory_mb: int = Field(default=512, ge=16)
    falkordb_max_queued: int = Field(default=64, ge=1)
    falkordb_write_timeout_s: float = Field(default=300.0, gt=0)
    sync_batch_size: int = Field(default=5000, ge=1, le=1_000_000)
    max_file_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    load_workers: int = Field(
        default=0,
        ge=0,
        le=64,
        description=(
            "Processes that parse documents; 0: one per core for a load of 64 files or more when the pool can be"
            " forked (Linux, a process with no other thread), of 2,000 or more else; 1: this process only."
        ),
    )

    # Exposure (api/security.py, api/cli/serve.py).
    api_token: SecretStr | None = Field(
        default=None, description="When set, every route needs it (Bearer header, or ?token= once for the page)."
    )
    allowed_hosts: str = Field(
        default="",
        description="Comma-separated Host names served besides 127.0.0.1, localhost, [::1] and the bound host; "
        "'*' accepts any (behind a proxy that checks it).",
    )
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, le=1024**3)
    http_keepalive_s: float = Field(default=5.0, gt=0, le=600, description="An idle connection is closed after it.")
    http_header_timeout_s: float = Field(
        default=10.0, gt=0, le=600, description="A connection whose request head has not arrived by then is closed."
    )

    @property
    def allowed_host_names(self) -> list[str]:
        return [name.strip() for name in self.allowed_hosts.split(",") if name.strip()]

    @property
    def snapshot_path(self) -> Path:
        return self.data_dir / "snapshot.json"

    @property
    def falkordb_dir(self) -> Path:
        return self.data_dir / "falkordb"


    @field_validator("seeds", mode="before")
    @classmethod
    def _split_paths(cls, value: Any) -> Any:
        if isinstance(value, str):
            if value.lstrip().startswith("["):
                return json.loads(value)
            return [part for part in value.split(os.pathsep) if part.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    """:func:`read_settings`, read once."""
    return read_settings()


def read_settings() -> Settings:
    """The settings of the environment; a variable that cannot be used is an :class:`InvalidSetting`
    naming it, what it held and what it takes (never a traceback from the settings library).

    Examples
    --------
    >>> import os
    >>> os.environ["ORGKG_SEEDS"] = os.pathsep.join(["roles", "more-roles"])
    >>> [str(p) for p in Settings().seeds]
    ['roles', 'more-roles']
    >>> os.environ["ORGKG_CYPHER_MAX_ROWS"] = "lots"
    >>> try:
    ...     read_settings()
    ... except InvalidSetting as err:
    ...     print(err)
    ORGKG_CYPHER_MAX_ROWS: 'lots' is not usable: Input should be a valid integer, unable to parse string as an integer
    >>> del os.environ["ORGKG_SEEDS"], os.environ["ORGKG_CYPHER_MAX_ROWS"]
    """
    try:
        return Settings()
    except ValidationError as err:
        problem = err.errors()[0]
        name = _variable(str(problem["loc"][0]) if problem["loc"] else "")
        raise InvalidSetting(name, f"{problem.get('input')!r} is not usable: {problem['msg']}") from err
    except SettingsError as err:  # a list or mapping field pydantic-settings decodes as JSON, should one come
        field = str(err).split('"')[1] if str(err).count('"') >= 2 else ""
        raise InvalidSetting(_variable(field), f"cannot be read ({err.__cause__ or err})") from err


def _variable(field: str) -> str:
    return f"ORGKG_{field.upper()}" if field else "an ORGKG_ variable"
