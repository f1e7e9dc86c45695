"""What a person gains along a route of roles — the one gap computation paths, the gap view, the CLI
and the API share.

At each step the person has the start role's skills (or KPIs) plus everything the earlier steps asked
for; a step's gains are what its role asks that the person does not have yet. So nothing listed as to
gain is something the start role already has, nothing is gained twice, and for a route of one step the
gains are exactly the skill gap of the two roles.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from typing import TYPE_CHECKING, Any

from graph.queries.items import profile, weighted_items
from graph.queries.models import ItemKind, WeightedItem

if TYPE_CHECKING:
    from graph.orggraph import OrgGraph

__all__ = ["gains_along", "to_gain"]


def gains_along(
    og: OrgGraph,
    route: Sequence[str],
    kind: ItemKind,
    items: Callable[[OrgGraph, str, ItemKind, Container[str]], list[Any]] = weighted_items,
) -> list[list[WeightedItem]]:
    """For each step of ``route`` (role ids, start first), the skills (or KPIs) its role asks that the
    start role and the earlier steps' roles do not have, with that role's weights, heaviest first.

    ``items`` makes each step's list: :func:`~graph.queries.items.weighted_item_fields` gives their
    fields as dicts instead of models (for an answer serialised as it is, like the role card).

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> og = sample_graph()
    >>> route = ["role:engineer", "role:manager", "role:sre-manager"]
    >>> [[i.name for i in step] for step in gains_along(og, route, "skill")]
    [['People Leadership', 'Hiring'], ['SLOs', 'Observability']]
    >>> gains_along(og, ["role:manager"], "skill")
    []
    """
    if not route:
        return []
    have = set(profile(og, route[0], kind))
    gains = []
    for role_id in route[1:]:
        gains.append(items(og, role_id, kind, have))
        have.update(profile(og, role_id, kind))
    return gains


def to_gain(og: OrgGraph, start: str, end: str, kind: ItemKind) -> list[WeightedItem]:
    """Skills (or KPIs) of role ``end`` that role ``start`` lacks, with ``end``'s weights, heaviest first:
    the gains of the one-step route ``[start, end]``.

    Examples
    --------
    >>> from graph.queries.sample import sample_graph
    >>> [(i.name, i.weight) for i in to_gain(sample_graph(), "role:manager", "role:sre-manager", "skill")]
    [('SLOs', 1.0), ('Observability', 0.8)]
    """
    return gains_along(og, [start, end], kind)[0]
