"""Parameter aliases the routers share, so the OpenAPI schema says what the query functions enforce.

Every bound comes from the constant the query function checks against (``check_int``, ``check_name``):
the query functions keep their own checks (the CLI calls them directly); these only declare the same
limits on the HTTP parameters, so an out-of-range value is a 422 naming the parameter before the
function runs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Path, Query
from pydantic import StringConstraints

from graph.queries.listings import MAX_OFFSET, MAX_PAGE, TRACKS
from graph.queries.lookup import MAX_SEARCH_LIMIT
from graph.queries.neighbourhood import MAX_DEPTH as MAX_HOPS
from graph.queries.paths import MAX_K, MAX_STEPS
from graph.queries.reporting import MAX_DEPTH as MAX_REPORT_DEPTH
from graph.queries.similar import MAX_LIMIT as MAX_SIMILAR
from graph.queries.text import MAX_NAME_LENGTH

__all__ = [
    "MAX_ROWS",
    "MAX_TIME_LIMIT_MS",
    "not_a_boolean",
    "DepthQuery",
    "FilterQuery",
    "FromRoleQuery",
    "KQuery",
    "MaxDepthQuery",
    "MaxStepsQuery",
    "NAME_PATTERN",
    "Name",
    "NamePath",
    "OffsetQuery",
    "PageLimitQuery",
    "ROLE_LIST_HELP",
    "SearchLimitQuery",
    "SimilarLimitQuery",
    "ToRoleQuery",
    "TrackQuery",
]

# A name holds a character ``check_name`` keeps: not NUL, not one str.strip() removes. Spelled out, not
# ``\s``, which means other characters to Python, to pydantic's Rust regex and to JSON Schema's ECMA-262.
NAME_PATTERN = r"[^\u0000\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_NAME = "An id, slug, title or alias (fuzzy matched; an unknown one is 404 with suggestions)."

ROLE_LIST_HELP = (
    "Repeat for each role (?roles=a&roles=b), or separate them with | or commas (?roles=a,b); a comma inside a "
    "title is kept when the text around it is one role's exact title or alias (Manager, Infrastructure)."
)
# One name in a list of names (``?roles=a&roles=b``; ``graph.queries.lookup.split_role_list`` splits each).
Name = Annotated[str, StringConstraints(pattern=NAME_PATTERN, max_length=MAX_NAME_LENGTH)]
# ``{role}``, ``{skill}``, ``{kpi}``, ``{family}``: URL-encoded.
NamePath = Annotated[str, Path(pattern=NAME_PATTERN, max_length=MAX_NAME_LENGTH, description=_NAME)]
# An optional filter resolved like a name; blank means no filter.
FilterQuery = Annotated[
    str | None, Query(max_length=MAX_NAME_LENGTH, description="Resolved like a name; blank filters nothing.")
]
FromRoleQuery = Annotated[
    str, Query(alias="from", pattern=NAME_PATTERN, max_length=MAX_NAME_LENGTH, description="The role to start from.")
]
ToRoleQuery = Annotated[
    str, Query(alias="to", pattern=NAME_PATTERN, max_length=MAX_NAME_LENGTH, description="The role to reach.")
]
TrackQuery = Annotated[Literal[TRACKS] | None, Query(description="Individual contributor or management roles.")]

PageLimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
OffsetQuery = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
SearchLimitQuery = Annotated[int, Query(ge=1, le=MAX_SEARCH_LIMIT, description="Hits of each kind.")]
SimilarLimitQuery = Annotated[int, Query(ge=1, le=MAX_SIMILAR, description="How many similar roles.")]
MaxDepthQuery = Annotated[int, Query(ge=1, le=MAX_REPORT_DEPTH, description="Levels of reports to follow.")]
DepthQuery = Annotated[int, Query(ge=1, le=MAX_HOPS, description="Hops around the role.")]
KQuery = Annotated[int, Query(ge=1, le=MAX_K, description="How many paths, cheapest first.")]
MaxStepsQuery = Annotated[int, Query(ge=1, le=MAX_STEPS, description="The longest path to consider, in moves.")]


def not_a_boolean(value: Any) -> Any:
    """A before-validator: ``true`` is no 1 where a number belongs."""
    if isinstance(value, bool):
        raise ValueError("a number is needed here, not true or false")
    return value


# JSON bodies (POST /cypher, POST /queries/{name}): ``true`` is no 1 (``2.0`` is 2, as JSON Schema's
# "integer" says), bounded like the settings they may only lower.
MAX_TIME_LIMIT_MS = 600_000
MAX_ROWS = 1_000_000
