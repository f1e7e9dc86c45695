// Graph view: a node's neighbourhood (roles, skills, KPIs, reporting lines), grown by clicking nodes.

import { get } from "./api.js";
import { combobox } from "./combobox.js";
import { card, dataLinks, empty, h, s } from "./dom.js";
import { forceLayout } from "./force.js";
import { arrowMarker, drawEdges, placeLabels, radiusOf } from "./graph-draw.js";
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
  svg.appendChild(s("defs", null, arrowMarker("g-arrow")));
  const pz = panZoom(svg, content, { label: "graph" });
  const info = h("div", { class: "graph-info", "aria-live": "polite" });
  const status = h("p", { class: "graph-status muted" });

  let selected = null;
  const hiddenTypes = new Set();
  const visibleEdges = () => [...model.edges.values()].filter((e) => !hiddenTypes.has(e.type));
  function describe(node) {
    selected = node;
    const kind = (NODE_KIND[node.label] || {}).kind || kindOf(node.id);
    const lines = visibleEdges().filter((e) => e.source === node.id || e.target === node.id);
    const byType = new Map();
    for (const e of lines) byType.set(e.type, (byType.get(e.type) || 0) + 1);
    const expanded = model.expanded.has(node.id);
    info.replaceChildren(
      h("p", { class: "eyebrow" }, (NODE_KIND[node.label] || {}).text || node.label),
      h("h3", null, entityLink(node.id, node.name, { kind })),
      h("p", { class: "muted", id: "graph-selected-state", dataset: { expanded: String(expanded), lines: String(lines.length) } }, `${lines.length} line${lines.length === 1 ? "" : "s"} shown`, expanded ? " · its neighbours are all shown" : " · click the node to add its neighbours"),
      byType.size ? h("ul", { class: "selected-lines" }, [...byType].map(([type, n]) => h("li", null, `${n} × ${(EDGE_KIND[type] || { text: type }).text}`))) : null,
      h("p", null, h("a", { href: routeHref(kind, node.id) }, `Open the ${kind === "kpi" ? "KPI" : kind} page →`)),
    );
  }

  function draw() {
    const allNodes = [...model.nodes.values()];
    const centre = model.nodes.get(center);
    if (centre) {
      centre.x = centre.x ?? 0;
      centre.y = centre.y ?? 0;
      centre.fixed = true;
    }
    forceLayout(allNodes, [...model.edges.values()], { iterations: 300, distance: allNodes.length > 60 ? 110 : 150, seed: 11 });
    const edges = visibleEdges();
    // a node shows when a visible line reaches it (the start and the expanded nodes always show)
    const reached = new Set([center, ...model.expanded]);
    for (const e of edges) reached.add(e.source).add(e.target);
    const nodes = allNodes.filter((n) => reached.has(n.id));
    const pos = new Map(allNodes.map((n) => [n.id, n]));
    edgeLayer.replaceChildren(...drawEdges(edges, pos, { kinds: EDGE_KIND, marker: "g-arrow", radius: (n) => radiusOf(n, center) }));
    const rank = (n) => (n.id === center ? 0 : model.expanded.has(n.id) ? 1 : n.label === "Role" ? 2 : 3);
    const order = [...nodes].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
    const label = (n) => (n.name.length > 34 ? `${n.name.slice(0, 33)}…` : n.name);
    const placed = placeLabels(nodes, { order, text: label, radius: (n) => radiusOf(n, center), bold: (n) => n.label === "Role" });
    nodeLayer.replaceChildren();
    for (const n of nodes) {
      const k = NODE_KIND[n.label] || NODE_KIND.Role;
      const isRole = k.kind === "role";
      const r = radiusOf(n, center);
      const at = placed.get(n.id);
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
        s("title", null, `${k.text}: ${n.name}`),
        at ? s("text", { x: at.x.toFixed(1), y: at.y.toFixed(1), "text-anchor": at.anchor, class: isRole ? "glabel glabel-role" : "glabel" }, label(n)) : null,
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
    const unlabelled = nodes.filter((n) => !placed.get(n.id)).length;
    status.textContent = `${nodes.length} nodes, ${edges.length} lines, ${model.expanded.size} expanded.${unlabelled ? ` ${unlabelled} labels left out where they would overlap: hover or focus a node for its name.` : ""}${model.capped ? ` Stopped at ${MAX_NODES} nodes: start from a narrower node to see more.` : ""}`;
    drawFilters();
    if (selected) describe(model.nodes.get(selected.id) || selected);
  }

  const filterBox = h("fieldset", { class: "type-filters", id: "graph-filters" }, h("legend", null, "Show lines"));
  function drawFilters() {
    const counts = new Map();
    for (const e of model.edges.values()) counts.set(e.type, (counts.get(e.type) || 0) + 1);
    const legendEl = filterBox.firstChild;
    filterBox.replaceChildren(
      legendEl,
      ...[...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([type, n]) => {
        const kind = EDGE_KIND[type] || { cls: "e-other", text: type };
        const box = h("input", { type: "checkbox", value: type, checked: !hiddenTypes.has(type), dataset: { type } });
        box.addEventListener("change", () => {
          if (box.checked) hiddenTypes.delete(type);
          else hiddenTypes.add(type);
          draw();
        });
        return h("label", { class: "type-filter" }, box, s("svg", { width: 30, height: 10, "aria-hidden": "true" }, s("line", { x1: 1, y1: 5, x2: 29, y2: 5, class: `gedge ${kind.cls}` })), ` ${kind.text} (${n})`);
      }),
    );
  }

  async function expand(id) {
    const node = model.nodes.get(id);
    if (node) describe(node);
    if (model.expanded.has(id)) return;
    svg.setAttribute("aria-busy", "true");
    try {
      const added = merge(model, await get("/layout/neighbourhood", { node: id }), id);
      model.expanded.add(id);
      selected = model.nodes.get(id) || selected;
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
      h("div", { class: "col-side" }, card("Start from", picker.el), card("Selected", info, { id: "graph-selected" }), card("Filter", filterBox, { id: "graph-filter-card" }), card("Legend", legend())),
    ),
  );
  root.querySelector(".page-head").append(dataLinks("/layout/neighbourhood", { node: center }, { csv: false }));
  if (centerNode) selected = centerNode;
  draw();
  pz.fit(24);
}
