"""Export a snapshot as JSON, GraphML (Gephi, Cytoscape) or CSV for ``neo4j-admin database import``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.model import NodeLabel, RelType, Snapshot
from graph.nx import to_networkx
from graph.properties import node_properties, relationship_properties

__all__ = ["to_json", "write_graphml", "write_csv"]


def _exported(properties: dict[str, Any]) -> dict[str, Any]:
    """Exports name the id beside the properties and leave out empty values."""
    return {key: value for key, value in properties.items() if value is not None and key != "id"}


def to_json(snapshot: Snapshot) -> dict[str, list[dict[str, Any]]]:
    """``{"nodes": [{id, label, properties}], "relationships": [{type, start, end, properties}]}``.

    Examples
    --------
    >>> from graph.model import Role
    >>> to_json(Snapshot(roles=[Role(id="role:a", title="A")]))["nodes"][0]["label"]
    'Role'
    """
    return {
        "nodes": [
            {"id": node.id, "label": label.value, "properties": _exported(node_properties(node))}
            for label, node in snapshot.nodes()
        ],
        "relationships": [
            {
                "type": rel.type.value,
                "start": rel.start,
                "end": rel.end,
                "properties": _exported(relationship_properties(rel)),
            }
            for rel in snapshot.relationships
        ],
    }


def write_graphml(snapshot: Snapshot, out: Path) -> None:
    """GraphML allows scalar attributes only: lists become ``; ``-joined text, nulls are left out."""
    graph = to_networkx(snapshot)
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **_scalars(data))
    for start, end, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(start, end, key=key, **_scalars(data))
    nx.write_graphml(flat, out)


def _scalars(data: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in data.items():
        if value is None:
            continue
        out[key] = "; ".join(map(str, value)) if isinstance(value, list) else value
    return out


def write_csv(snapshot: Snapshot, folder: Path) -> list[Path]:
    """One file per label and per relationship type, with neo4j-admin import headers.

    Nodes: ``id:ID``, ``:LABEL`` and properties (lists as ``string[]`` joined by ``;``); relationships:
    ``:START_ID``, ``:END_ID``, ``:TYPE`` and properties.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    exported = to_json(snapshot)
    for label in NodeLabel:
        rows = [n for n in exported["nodes"] if n["label"] == label.value]
        if rows:
            written.append(_write_table(folder / f"nodes_{label.value}.csv", rows, ("id:ID", ":LABEL"), "label"))
    for rel_type in RelType:
        rows = [r for r in exported["relationships"] if r["type"] == rel_type.value]
        if rows:
            written.append(
                _write_table(
                    folder / f"relationships_{rel_type.value}.csv", rows, (":START_ID", ":END_ID", ":TYPE"), "type"
                )
            )
    return written


def _write_table(path: Path, rows: list[dict], fixed: tuple[str, ...], kind_field: str) -> Path:
    columns: dict[str, str] = {}
    for row in rows:
        for key, value in row["properties"].items():
            columns.setdefault(key, _csv_type(value))
    header = [*fixed, *(f"{k}:{t}" if t else k for k, t in columns.items())]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        ids = [row["id"], row[kind_field]] if "id" in row else [row["start"], row["end"], row[kind_field]]
        props = [_csv_value(row["properties"].get(k)) for k in columns]
        writer.writerow([*ids, *props])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _csv_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, list):
        return "string[]"
    return ""


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)
