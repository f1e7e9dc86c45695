// Drawing a laid-out graph in SVG for the graph view and the Cypher console: arrowheads that stop at the
// node, relationships between the same two nodes drawn apart as arcs, and labels placed so that no two
// overlap (a label with no free place is left out of the drawing and stays in the node's tooltip).

import { s } from "./dom.js";
import { textWidth } from "./role-labels.js";

/** The radius each kind of node is drawn with. */
export function radiusOf(node, centre) {
  if (node.id === centre) return 11;
  return node.label === "Role" ? 8 : 6;
}

/** An arrowhead marker, to put in the svg's <defs>. */
export function arrowMarker(id) {
  return s("marker", { id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", markerUnits: "userSpaceOnUse", orient: "auto" }, s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }));
}

/**
 * Curvature offsets so that relationships joining the same two nodes (either way) do not lie on top of
 * each other: {edge key → signed offset in px}. One edge between a pair is straight (offset 0).
 */
export function parallelOffsets(edges, spacing = 22) {
  const groups = new Map();
  for (const e of edges) {
    const pair = e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`;
    if (!groups.has(pair)) groups.set(pair, []);
    groups.get(pair).push(e);
  }
  const out = new Map();
  for (const list of groups.values()) {
    list.forEach((e, i) => {
      const offset = (i - (list.length - 1) / 2) * spacing;
      out.set(e, offset); // along the pair's canonical normal (see edgePath): A→B and B→A bend apart

    });
  }
  return out;
}

/** The SVG path of one relationship from a to b, bent by `offset`, ending at b's border. */
export function edgePath(a, b, offset, rb) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const d = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / d, dy / d];
  // canonical normal: the same for both directions of a pair (offset signs already account for it)
  const flip = a.id < b.id ? 1 : -1;
  const [nx, ny] = [-uy * flip, ux * flip];
  const cx = (a.x + b.x) / 2 + nx * offset * 2;
  const cy = (a.y + b.y) / 2 + ny * offset * 2;
  // end on b's border, along the tangent at the end of the curve
  const tx = b.x - cx;
  const ty = b.y - cy;
  const td = Math.hypot(tx, ty) || 1;
  const ex = b.x - (tx / td) * (rb + 2);
  const ey = b.y - (ty / td) * (rb + 2);
  if (!offset) return `M${a.x.toFixed(1)},${a.y.toFixed(1)} L${(b.x - ux * (rb + 2)).toFixed(1)},${(b.y - uy * (rb + 2)).toFixed(1)}`;
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

/**
 * The relationships of a laid-out graph as SVG paths, for an edge layer: `pos` maps node ids to placed
 * nodes ({x, y, name}); parallel relationships bend apart (parallelOffsets), each ends at its target's
 * border (edgePath with `radius(target)`), is classed and titled by `kinds[type]` ({cls, text}) and ends
 * in the arrowhead marker `marker`.
 */
export function drawEdges(edges, pos, { kinds, marker, radius }) {
  const offsets = parallelOffsets(edges);
  return edges.map((e) => {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    const kind = kinds[e.type] || { cls: "e-other", text: e.type };
    return s("path", { d: edgePath(a, b, offsets.get(e), radius(b)), fill: "none", class: `gedge ${kind.cls}`, "marker-end": `url(#${marker})`, dataset: { type: e.type, source: e.source, target: e.target } }, s("title", null, `${a.name} ${kind.text} ${b.name}`));
  });
}

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Where each node's label goes: {node id → {x, y, anchor} | null}. Nodes are served in `order` (most
 * important first); each tries right, left, below, above, then further out; a label that would overlap an
 * earlier label or another node is not drawn.
 */
export function placeLabels(nodes, { order, text, px = 11, bold, radius }) {
  const placed = [];
  const discs = nodes.map((n) => ({ x: n.x - radius(n), y: n.y - radius(n), w: 2 * radius(n), h: 2 * radius(n), id: n.id }));
  const out = new Map();
  for (const n of order) {
    const t = text(n);
    const size = bold(n) ? px + 1.5 : px;
    const w = textWidth(t, size, bold(n) ? 650 : 400) + 4;
    const h = size * 1.25;
    const r = radius(n) + 4;
    const candidates = [];
    for (const far of [0, 10, 22]) {
      candidates.push(
        { x: n.x + r + far, y: n.y - h / 2, anchor: "start" },
        { x: n.x - r - far - w, y: n.y - h / 2, anchor: "end" },
        { x: n.x - w / 2, y: n.y + r + far, anchor: "middle" },
        { x: n.x - w / 2, y: n.y - r - far - h, anchor: "middle" },
      );
    }
    let chosen = null;
    for (const c of candidates) {
      const box = { x: c.x, y: c.y, w, h };
      if (placed.some((p) => overlaps(p, box))) continue;
      if (discs.some((d) => d.id !== n.id && overlaps(d, box))) continue;
      chosen = { box, anchor: c.anchor };
      break;
    }
    if (!chosen) {
      out.set(n.id, null);
      continue;
    }
    placed.push(chosen.box);
    const { box, anchor } = chosen;
    const x = anchor === "start" ? box.x + 2 : anchor === "end" ? box.x + box.w - 2 : box.x + box.w / 2;
    out.set(n.id, { x: x - n.x, y: box.y + h * 0.78 - n.y, anchor, size });
  }
  return out;
}
