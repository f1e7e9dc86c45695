"""The properties a node or relationship has outside Python: in the stores and in every export.

One definition for the writer, the exports and the benchmarks: every field but a role's long
``sections`` text, values reduced to what every store accepts (scalars and lists of scalars).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from graph.model import Relationship

__all__ = ["node_properties", "relationship_properties", "store_value", "stored_place"]

_NODE_EXCLUDE = {"sections"}
_REL_EXCLUDE = {"type", "start", "end"}
_SCALARS = (bool, int, float, str)


def store_value(value: Any) -> Any:
    """A property value every store accepts: scalars and lists of scalars; others become None (dropped).

    Examples
    --------
    >>> store_value(["a", {"x": 1}, 2]), store_value({"k": 1}), store_value(1.5)
    (['a', 2], None, 1.5)
    """
    if value is None or isinstance(value, _SCALARS):
        return value
    if isinstance(value, list | tuple):
        return [item for item in value if isinstance(item, _SCALARS)]
    return None


def node_properties(node: BaseModel) -> dict[str, Any]:
    """The stored properties of a node: every field but ``sections``, None kept (it removes the property).

    Examples
    --------
    >>> from graph.model import Skill
    >>> node_properties(Skill(id="skill:slo", name="SLOs"))
    {'id': 'skill:slo', 'name': 'SLOs', 'aliases': [], 'category': None, 'in_taxonomy': True}
    """
    return {key: store_value(value) for key, value in node.model_dump(mode="json", exclude=_NODE_EXCLUDE).items()}


def relationship_properties(rel: Relationship) -> dict[str, Any]:
    """The stored properties of a relationship: its provenance (with ``place`` in words), weight and mentions.

    Examples
    --------
    >>> from graph.model import RelType
    >>> props = relationship_properties(Relationship(type=RelType.REQUIRES_SKILL, start="role:a", end="skill:b",
    ...     source="m.pdf", line=0, page=2, paragraph=5, evidence="Go"))
    >>> props["page"], props["paragraph"], props["sheet"], props["place"]
    (2, 5, None, 'page 2, paragraph 5')
    """
    props = {key: store_value(value) for key, value in rel.model_dump(mode="json", exclude=_REL_EXCLUDE).items()}
    props["place"] = stored_place(rel)
    return props


def stored_place(rel: Relationship) -> str | None:
    """The ``place`` stored with a relationship: its place in words, none without a source."""
    return rel.place if rel.source else None
