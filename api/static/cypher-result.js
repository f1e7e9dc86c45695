// One Cypher result shown three ways — a table, a graph, the JSON — with nodes and relationships found
// anywhere in it (columns, lists, paths), each relationship counted once.

import { get } from "./api.js";
import { h, s } from "./dom.js";
import { forceLayout } from "./force.js";
import { arrowMarker, drawEdges, placeLabels, radiusOf } from "./graph-draw.js";
import { panZoom } from "./panzoom.js";
import { entityLink, kindOf, routeHref } from "./router.js";
import { EDGE_KIND, NODE_KIND, merge } from "./view-graph.js";

export function isNode(v) {
  return v && typeof v === "object" && !Array.isArray(v) && (Array.isArray(v.labels) || typeof v.label === "string") && (v.id !== undefined || (v.properties && v.properties.id));
}
export function isRel(v) {
  return v && typeof v === "object" && !Array.isArray(v) && typeof v.type === "string" && (v.start !== undefined || v.src !== undefined || v.start_node !== undefined) && (v.end !== undefined || v.dst !== undefined || v.end_node !== undefined);
}
export function isPath(v) {
  return v && typeof v === "object" && !Array.isArray(v) && Array.isArray(v.nodes) && Array.isArray(v.relationships || v.edges);
}
export function nodeId(v) {
  return String((v.properties && v.properties.id) || v.id);
}
export function nodeName(v) {
  const p = v.properties || v;
  return p.title || p.name || nodeId(v);
}
export function nodeLabel(v) {
  return Array.isArray(v.labels) ? v.labels[0] : v.label;
}
function relEnds(v) {
  return [String(v.start ?? v.src ?? v.start_node), String(v.end ?? v.dst ?? v.end_node)];
}
/** One relationship's identity: its ends, type and properties (the API gives relationships no id). */
export function relKey(v) {
  const [a, b] = relEnds(v);
  return `${a}|${v.type}|${b}|${JSON.stringify(v.properties || {})}`;
}

export function rowValues(columns, row) {
  return Array.isArray(row) ? row : columns.map((c) => row[c]);
}

const ENTITY_ID = /^(role|skill|kpi|family):[a-z0-9-]+$/;

export function cellText(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if (isNode(v)) return `(${nodeLabel(v)} ${nodeName(v)})`;
    if (isRel(v)) return `[${v.type}]`;
    if (isPath(v)) return pathText(v);
    if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) return v.join("; ");
    return JSON.stringify(v);
  }
  return String(v);
}

function pathText(p) {
  const rels = p.relationships || p.edges;
  return p.nodes.map((n, i) => (i ? `${relArrow(rels[i - 1], p.nodes[i - 1])}${nodeName(n)}` : nodeName(n))).join("");
}

function relArrow(rel, before) {
  if (!rel) return " — ";
  const forward = relEnds(rel)[0] === nodeId(before);
  return forward ? ` -[${rel.type}]-> ` : ` <-[${rel.type}]- `;
}

/** A table cell: nodes as links, paths as a chain of nodes and arrows, numbers right-aligned. */
export function cell(v) {
  if (v === null || v === undefined) return h("span", { class: "null" }, "null");
  if (isNode(v)) {
    const id = nodeId(v);
    return h("span", { class: "cell-node" }, h("span", { class: "kind-badge" }, nodeLabel(v)), " ", ENTITY_ID.test(id) ? entityLink(id, nodeName(v)) : nodeName(v));
  }
  if (isRel(v)) return h("span", { class: "cell-rel" }, `[:${v.type}]`);
  if (isPath(v)) {
    const rels = v.relationships || v.edges;
    return h(
      "span",
      { class: "cell-path", dataset: { length: String(rels.length) } },
      v.nodes.map((n, i) => [i ? h("span", { class: "path-rel" }, relArrow(rels[i - 1], v.nodes[i - 1])) : null, ENTITY_ID.test(nodeId(n)) ? entityLink(nodeId(n), nodeName(n), { className: "path-node" }) : h("span", { class: "path-node" }, nodeName(n))]),
    );
  }
  if (typeof v === "string" && ENTITY_ID.test(v)) return entityLink(v, v, { kind: kindOf(v) });
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) {
    const shown = v.slice(0, 12);
    return h("span", { class: "cell-list" }, shown.map((x, i) => [i ? ", " : "", typeof x === "string" && ENTITY_ID.test(x) ? entityLink(x, x) : String(x)]), v.length > shown.length ? h("span", { class: "muted" }, ` … and ${v.length - shown.length} more`) : "");
  }
  if (typeof v === "number") return h("span", { class: "num" }, Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, ""));
  if (typeof v === "object") return h("code", { class: "cell-json" }, JSON.stringify(v));
  return String(v);
}

export function toCsv(columns, rows) {
  const quote = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [columns.map((c) => quote(String(c))).join(",")];
  for (const row of rows) lines.push(rowValues(columns, row).map((v) => quote(cellText(v))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** The nodes and relationships anywhere in the result; a relationship met twice is one relationship. */
export function graphOf(columns, rows) {
  const nodes = new Map();
  const rels = new Map();
  const visit = (v) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== "object") return;
    if (isNode(v)) nodes.set(nodeId(v), { id: nodeId(v), label: nodeLabel(v), name: nodeName(v) });
    else if (isRel(v)) {
      const [source, target] = relEnds(v);
      rels.set(relKey(v), { source, target, type: v.type });
    } else if (isPath(v)) {
      v.nodes.forEach(visit);
      (v.relationships || v.edges).forEach(visit);
    } else Object.values(v).forEach((x) => x && typeof x === "object" && visit(x));
  };
  rows.forEach((row) => rowValues(columns, row).forEach(visit));
  const edges = [...rels.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target));
  return { nodes: [...nodes.values()], edges };
}

/** The result graph: arrowheads, parallel relationships apart, labels that do not collide, and nodes
 * that open their card or expand (their neighbourhood is added) when clicked. */
export function resultGraph(g, { markerId = "cy-arrow" } = {}) {
  const svg = s("svg", { class: "graph-svg small result-graph", viewBox: "-400 -200 800 400", role: "group", "aria-label": "Result graph" });
  const content = s("g");
  const edgeLayer = s("g", { class: "g-edges" });
  const nodeLayer = s("g", { class: "g-nodes" });
  content.append(edgeLayer, nodeLayer);
  svg.append(s("defs", null, arrowMarker(markerId)), content);
  const pz = panZoom(svg, content, { label: "result graph" });
  const count = h("span", { class: "muted", id: "cypher-graph-count" });
  const side = h("div", { class: "result-node", id: "cypher-node", "aria-live": "polite" }, h("p", { class: "muted" }, "Click a node to open its card or add its neighbours."));
  const model = { nodes: new Map(g.nodes.map((n) => [n.id, { ...n }])), edges: new Map(g.edges.map((e) => [`${e.source}|${e.type}|${e.target}`, e])), expanded: new Set(), capped: false };

  function draw() {
    const nodes = [...model.nodes.values()];
    const edges = [...model.edges.values()];
    forceLayout(nodes, edges, { iterations: 250, distance: 90, seed: 3 });
    const pos = new Map(nodes.map((n) => [n.id, n]));
    edgeLayer.replaceChildren(...drawEdges(edges, pos, { kinds: EDGE_KIND, marker: markerId, radius: (n) => radiusOf(n) }));
    const order = [...nodes].sort((a, b) => (b.label === "Role") - (a.label === "Role") || a.name.localeCompare(b.name));
    const labels = placeLabels(nodes, { order, text: (n) => n.name, radius: (n) => radiusOf(n), bold: (n) => n.label === "Role" });
    nodeLayer.replaceChildren(
      ...nodes.map((n) => {
        const k = NODE_KIND[n.label] || { kind: "other", text: n.label };
        const at = labels.get(n.id);
        const node = s(
          "g",
          { class: ["gnode", `g-${k.kind}`, model.expanded.has(n.id) && "is-expanded"], transform: `translate(${n.x.toFixed(1)} ${n.y.toFixed(1)})`, tabindex: "0", role: "button", "aria-label": `${k.text}: ${n.name}`, dataset: { id: n.id } },
          s("circle", { r: radiusOf(n) }),
          s("title", null, `${k.text}: ${n.name}`),
          at ? s("text", { x: at.x.toFixed(1), y: at.y.toFixed(1), "text-anchor": at.anchor, class: n.label === "Role" ? "glabel glabel-role" : "glabel" }, n.name) : null,
        );
        node.addEventListener("click", () => select(n));
        node.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            select(n);
          }
        });
        return node;
      }),
    );
    svg.dataset.nodes = String(nodes.length);
    svg.dataset.edges = String(edges.length);
    count.textContent = `${nodes.length} node${nodes.length === 1 ? "" : "s"}, ${edges.length} relationship${edges.length === 1 ? "" : "s"}`;
  }

  function select(n) {
    const kind = (NODE_KIND[n.label] || {}).kind || kindOf(n.id);
    const card = ENTITY_ID.test(n.id) ? h("a", { class: "btn btn-small", href: routeHref(kind, n.id), id: "cypher-node-open" }, `Open the ${kind === "kpi" ? "KPI" : kind} card`) : null;
    const expandBtn = h("button", { type: "button", class: "btn btn-small", id: "cypher-node-expand", disabled: model.expanded.has(n.id) }, model.expanded.has(n.id) ? "Neighbours shown" : "Add its neighbours");
    expandBtn.addEventListener("click", async () => {
      expandBtn.disabled = true;
      try {
        const data = await get("/layout/neighbourhood", { node: n.id });
        merge(model, data, n.id);
        model.expanded.add(n.id);
        draw();
        pz.fit(16);
        select(model.nodes.get(n.id));
      } catch (err) {
        side.append(h("p", { class: "error-detail" }, `Could not expand ${n.name}: ${err.message}`));
      }
    });
    side.replaceChildren(h("p", { class: "eyebrow" }, (NODE_KIND[n.label] || {}).text || n.label), h("h3", null, n.name), h("p", { class: "actions" }, card, " ", expandBtn));
  }

  draw();
  const el = h("div", { class: "figure" }, h("div", { class: "figure-bar" }, count, pz.controls), h("div", { class: "result-graph-grid" }, h("div", { class: "svg-frame" }, svg), side));
  return { el, pz };
}
