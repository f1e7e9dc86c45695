// Graph view: a node's neighbourhood (roles, skills, KPIs, reporting lines), grown by clicking nodes.

import { get } from "./api.js";
import { combobox } from "./combobox.js";
import { card, empty, h, s } from "./dom.js";
import { forceLayout } from "./force.js";
import { panZoom } from "./panzoom.js";
import { entityLink, kindOf, navigate, replaceHash, routeHref } from "./router.js";

const MAX_NODES = 400;

export const NODE_KIND = {
  Role: { kind: "role", text: "Role", shape: "circle" },
  Skill: { kind: "skill", text: "Skill", shape: "square" },
  KPI: { kind: "kpi", text: "KPI", shape: "diamond" },
  JobFamily: { kind: "family", text: "Job family", shape: "hex" },
};

export const EDGE_KIND = {
  REPORTS_TO: { text: "reports to", cls: "e-reports" },
  PROMOTES_TO: { text: "promotes to", cls: "e-promotes" },
  CAN_MOVE_TO: { text: "can move to", cls: "e-lateral" },
  SPECIALIZES: { text: "specialty of", cls: "e-specialty" },
  REQUIRES_SKILL: { text: "requires skill", cls: "e-skill" },
  MEASURED_BY: { text: "measured by", cls: "e-kpi" },
  IN_FAMILY: { text: "in family", cls: "e-family" },
};

function shape(kindName, r) {
  const k = NODE_KIND[kindName] || NODE_KIND.Role;
  if (k.shape === "square") return s("rect", { x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 3 });
  if (k.shape === "diamond") return s("path", { d: `M0,${-r * 1.25} L${r * 1.25},0 L0,${r * 1.25} L${-r * 1.25},0 Z` });
  if (k.shape === "hex") {
    const pts = [...Array(6)].map((_, i) => `${(r * 1.2 * Math.cos((Math.PI / 3) * i)).toFixed(1)},${(r * 1.2 * Math.sin((Math.PI / 3) * i)).toFixed(1)}`);
    return s("polygon", { points: pts.join(" ") });
  }
  return s("circle", { r });
}

/** Merge a neighbourhood answer ({nodes, edges} or {nodes, relationships}) into the graph model. */
export function merge(model, data, around) {
  let added = 0;
  for (const n of data.nodes || []) {
    if (model.nodes.has(n.id)) continue;
    if (model.nodes.size >= MAX_NODES) {
      model.capped = true;
      break;
    }
    model.nodes.set(n.id, { id: n.id, label: n.label || n.labels?.[0] || "Role", name: n.name || n.title || n.id, near: around, level: n.level });
    added++;
  }
  for (const e of data.edges || data.relationships || []) {
    const source = e.source || e.start;
    const target = e.target || e.end;
    const type = e.type || e.key;
    const key = `${source}|${type}|${target}`;
    if (model.nodes.has(source) && model.nodes.has(target) && !model.edges.has(key)) model.edges.set(key, { source, target, type });
  }
  return added;
}

function legend() {
  return h(
    "div",
    { class: "graph-legend" },
    h(
      "ul",
      { class: "legend", "aria-label": "Kinds of node" },
      Object.entries(NODE_KIND).map(([name, k]) => h("li", null, s("svg", { width: 18, height: 18, viewBox: "-9 -9 18 18", "aria-hidden": "true", class: `gnode g-${k.kind}` }, shape(name, 6)), ` ${k.text}`)),
    ),
    h(
      "ul",
      { class: "legend", "aria-label": "Kinds of line" },
      Object.values(EDGE_KIND).map((e) => h("li", null, s("svg", { width: 36, height: 10, "aria-hidden": "true" }, s("line", { x1: 2, y1: 5, x2: 34, y2: 5, class: `gedge ${e.cls}` })), ` ${e.text}`)),
    ),
  );
}

export async function render(root, route) {
  const start = route.arg;
  const expandParam = (route.params.get("expand") || "").split(",").filter(Boolean);
  const picker = combobox({ id: "graph-start", label: "Role, skill or KPI", hideLabel: true, placeholder: "A role, skill or KPI…", kinds: ["role", "skill", "kpi"], onSelect: (hit) => navigate(routeHref("graph", hit.id)) });
  root.append(
    h("header", { class: "page-head" }, h("p", { class: "eyebrow" }, "Graph"), h("h1", { id: "graph-title" }, "Neighbourhood"), h("p", { class: "lede" }, "Click (or press Enter on) a node to add its neighbours. Drag to pan, scroll or use + and − to zoom.")),
  );
  if (!start) {
    root.querySelector("h1").textContent = "Explore the graph";
    root.append(h("div", { class: "toolbar" }, picker.el), empty("Pick a role, skill or KPI to start from.", "Type in the box above; the graph shows what it is linked to."));
    return;
  }
  const model = { nodes: new Map(), edges: new Map(), expanded: new Set(), capped: false };
  const first = await get("/layout/neighbourhood", { node: start });
  merge(model, first, null);
  const center = first.center || start;
  model.expanded.add(center);
  for (const id of expandParam) {
    if (!model.nodes.has(id) || model.expanded.has(id)) continue;
    try {
      merge(model, await get("/layout/neighbourhood", { node: id }), id);
      model.expanded.add(id);
    } catch {
      /* a node that vanished from the graph: skip it */
    }
  }
  const centerNode = model.nodes.get(center);
  root.querySelector("h1").textContent = `Neighbourhood of ${centerNode ? centerNode.name : center}`;

  const svg = s("svg", { class: "graph-svg", viewBox: "-500 -320 1000 640", role: "group", "aria-label": "Graph of nodes and their links" });
  const content = s("g");
  const edgeLayer = s("g", { class: "g-edges" });
  const nodeLayer = s("g", { class: "g-nodes" });
  content.append(edgeLayer, nodeLayer);
  svg.appendChild(content);
  svg.appendChild(s("defs", null, s("marker", { id: "g-arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "6", markerHeight: "6", orient: "auto" }, s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }))));
  const pz = panZoom(svg, content, { label: "graph" });
  const info = h("div", { class: "graph-info", "aria-live": "polite" });
  const status = h("p", { class: "graph-status muted" });

  function describe(node) {
    const kind = (NODE_KIND[node.label] || {}).kind || kindOf(node.id);
    const links = [...model.edges.values()].filter((e) => e.source === node.id || e.target === node.id).length;
    info.replaceChildren(
      h("p", { class: "eyebrow" }, (NODE_KIND[node.label] || {}).text || node.label),
      h("h3", null, entityLink(node.id, node.name, { kind })),
      h("p", { class: "muted" }, `${links} line${links === 1 ? "" : "s"} shown`, model.expanded.has(node.id) ? " · expanded" : " · click to expand"),
      h("p", null, h("a", { href: routeHref(kind, node.id) }, `Open the ${kind === "kpi" ? "KPI" : kind} page →`)),
    );
  }

  function draw() {
    const nodes = [...model.nodes.values()];
    const edges = [...model.edges.values()];
    const centre = model.nodes.get(center);
    if (centre) {
      centre.x = centre.x ?? 0;
      centre.y = centre.y ?? 0;
      centre.fixed = true;
    }
    forceLayout(nodes, edges, { iterations: 300, distance: nodes.length > 60 ? 110 : 150, seed: 11 });
    const cx = centre ? centre.x : 0;
    edgeLayer.replaceChildren();
    nodeLayer.replaceChildren();
    const pos = new Map(nodes.map((n) => [n.id, n]));
    for (const e of edges) {
      const a = pos.get(e.source);
      const b = pos.get(e.target);
      const kind = EDGE_KIND[e.type] || { cls: "e-other", text: e.type };
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.hypot(dx, dy) || 1;
      const pad = 12;
      edgeLayer.appendChild(
        s("line", { x1: a.x, y1: a.y, x2: b.x - (dx / d) * pad, y2: b.y - (dy / d) * pad, class: `gedge ${kind.cls}`, "marker-end": "url(#g-arrow)", dataset: { type: e.type } }, s("title", null, `${a.name} ${kind.text} ${b.name}`)),
      );
    }
    for (const n of nodes) {
      const k = NODE_KIND[n.label] || NODE_KIND.Role;
      const isRole = k.kind === "role";
      const r = n.id === center ? 11 : isRole ? 8 : 6;
      const g = s(
        "g",
        {
          class: ["gnode", `g-${k.kind}`, n.id === center && "is-center", model.expanded.has(n.id) && "is-expanded"],
          transform: `translate(${n.x.toFixed(1)} ${n.y.toFixed(1)})`,
          tabindex: "0",
          role: "button",
          "aria-label": `${k.text}: ${n.name}${model.expanded.has(n.id) ? " (expanded)" : ", press Enter to expand"}`,
          dataset: { id: n.id, kind: k.kind },
        },
        shape(n.label, r),
        s("text", { x: n.x < cx - 1 ? -r - 4 : r + 4, y: 4, "text-anchor": n.x < cx - 1 ? "end" : "start", class: isRole ? "glabel glabel-role" : "glabel" }, n.name.length > 34 ? `${n.name.slice(0, 33)}…` : n.name),
      );
      g.addEventListener("click", () => expand(n.id));
      g.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          expand(n.id);
        }
      });
      g.addEventListener("focus", () => describe(n));
      g.addEventListener("mouseenter", () => describe(n));
      nodeLayer.appendChild(g);
    }
    svg.dataset.nodes = String(nodes.length);
    svg.dataset.edges = String(edges.length);
    status.textContent = `${nodes.length} nodes, ${edges.length} lines, ${model.expanded.size} expanded.${model.capped ? ` Stopped at ${MAX_NODES} nodes: start from a narrower node to see more.` : ""}`;
  }

  async function expand(id) {
    const node = model.nodes.get(id);
    if (node) describe(node);
    if (model.expanded.has(id)) return;
    svg.setAttribute("aria-busy", "true");
    try {
      const added = merge(model, await get("/layout/neighbourhood", { node: id }), id);
      model.expanded.add(id);
      draw();
      if (added) pz.fit(24);
      const expandedList = [...model.expanded].filter((x) => x !== center);
      replaceHash(routeHref("graph", center, { expand: expandedList }));
      const again = nodeLayer.querySelector(`[data-id="${CSS.escape(id)}"]`);
      if (again && document.activeElement && document.activeElement.closest && document.activeElement.closest(".graph-svg")) again.focus();
    } catch (err) {
      status.textContent = `Could not expand ${node ? node.name : id}: ${err.message}`;
    } finally {
      svg.removeAttribute("aria-busy");
    }
  }

  root.append(
    h(
      "div",
      { class: "grid-2 graph-grid" },
      h("div", { class: "col-main" }, h("section", { class: "card", "aria-label": "Graph" }, h("div", { class: "figure-bar" }, status, pz.controls), h("div", { class: "svg-frame graph-frame" }, svg))),
      h("div", { class: "col-side" }, card("Start from", picker.el), card("Selected", info, { id: "graph-selected" }), card("Legend", legend())),
    ),
  );
  draw();
  pz.fit(24);
  if (centerNode) describe(centerNode);
}
