// Cypher console: read-only queries with the catalog as examples, results as a table (and a graph).

import { get, post, seg } from "./api.js";
import { card, empty, h, s, uid } from "./dom.js";
import { forceLayout } from "./force.js";
import { panZoom } from "./panzoom.js";
import { entityLink, kindOf, replaceHash, routeHref } from "./router.js";
import { EDGE_KIND, NODE_KIND } from "./view-graph.js";
import { listOf } from "./view-home.js";

const DEFAULT_QUERY = "MATCH (r:Role)-[:REQUIRES_SKILL]->(s:Skill)\nRETURN r.title AS role, count(s) AS skills\nORDER BY skills DESC\nLIMIT 10";

/** The example parameters of a catalog entry as an object: {name: example}. */
export function exampleParams(entry) {
  const params = entry && entry.params;
  if (!params) return {};
  if (Array.isArray(params)) {
    const out = {};
    for (const p of params) {
      if (typeof p === "string") out[p] = "";
      else out[p.name] = p.example ?? p.default ?? "";
    }
    return out;
  }
  if (typeof params === "object") {
    const out = {};
    for (const [k, v] of Object.entries(params)) out[k] = v && typeof v === "object" && !Array.isArray(v) ? (v.example ?? v.default ?? "") : v;
    return out;
  }
  return {};
}

function isNode(v) {
  return v && typeof v === "object" && !Array.isArray(v) && (Array.isArray(v.labels) || typeof v.label === "string") && (v.id !== undefined || (v.properties && v.properties.id));
}
function isRel(v) {
  return v && typeof v === "object" && !Array.isArray(v) && typeof v.type === "string" && (v.start !== undefined || v.src !== undefined || v.start_node !== undefined) && (v.end !== undefined || v.dst !== undefined || v.end_node !== undefined);
}
function nodeId(v) {
  return String((v.properties && v.properties.id) || v.id);
}
function nodeName(v) {
  const p = v.properties || v;
  return p.title || p.name || nodeId(v);
}
function nodeLabel(v) {
  return Array.isArray(v.labels) ? v.labels[0] : v.label;
}

function cellText(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if (isNode(v)) return `(${nodeLabel(v)} ${nodeName(v)})`;
    if (isRel(v)) return `[${v.type}]`;
    if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) return v.join("; ");
    return JSON.stringify(v);
  }
  return String(v);
}

function cell(v) {
  if (v === null || v === undefined) return h("span", { class: "null" }, "null");
  if (isNode(v)) {
    const id = nodeId(v);
    const label = nodeLabel(v);
    return h("span", { class: "cell-node" }, h("span", { class: "kind-badge" }, label), " ", /^(role|skill|kpi|family):/.test(id) ? entityLink(id, nodeName(v)) : nodeName(v));
  }
  if (isRel(v)) return h("span", { class: "cell-rel" }, `[:${v.type}]`);
  if (typeof v === "string" && /^(role|skill|kpi|family):[a-z0-9-]+$/.test(v)) return entityLink(v, v, { kind: kindOf(v) });
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) {
    const shown = v.slice(0, 12);
    return h("span", { class: "cell-list" }, shown.map((x, i) => [i ? ", " : "", typeof x === "string" && /^(role|skill|kpi|family):[a-z0-9-]+$/.test(x) ? entityLink(x, x) : String(x)]), v.length > shown.length ? h("span", { class: "muted" }, ` … and ${v.length - shown.length} more`) : "");
  }
  if (typeof v === "number") return h("span", { class: "num" }, Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, ""));
  if (typeof v === "object") return h("code", { class: "cell-json" }, JSON.stringify(v));
  return String(v);
}

export function toCsv(columns, rows) {
  const quote = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [columns.map((c) => quote(String(c))).join(",")];
  for (const row of rows) {
    const values = Array.isArray(row) ? row : columns.map((c) => row[c]);
    lines.push(values.map((v) => quote(cellText(v))).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function rowValues(columns, row) {
  return Array.isArray(row) ? row : columns.map((c) => row[c]);
}

/** Nodes and relationships found anywhere in the result (including inside lists/paths). */
function graphOf(columns, rows) {
  const nodes = new Map();
  const rels = [];
  const visit = (v) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== "object") return;
    if (isNode(v)) nodes.set(nodeId(v), { id: nodeId(v), label: nodeLabel(v), name: nodeName(v) });
    else if (isRel(v)) rels.push({ source: String(v.start ?? v.src ?? v.start_node), target: String(v.end ?? v.dst ?? v.end_node), type: v.type });
    else if (Array.isArray(v.nodes)) {
      v.nodes.forEach(visit);
      (v.relationships || v.edges || []).forEach(visit);
    }
  };
  rows.forEach((row) => rowValues(columns, row).forEach(visit));
  const edges = rels.filter((e) => nodes.has(e.source) && nodes.has(e.target));
  return { nodes: [...nodes.values()], edges };
}

function resultGraph(g) {
  const svg = s("svg", { class: "graph-svg small", viewBox: "-400 -200 800 400", role: "img", "aria-label": `Result graph: ${g.nodes.length} nodes, ${g.edges.length} relationships` });
  const content = s("g");
  svg.appendChild(content);
  forceLayout(g.nodes, g.edges, { iterations: 250, distance: 70, seed: 3 });
  const pos = new Map(g.nodes.map((n) => [n.id, n]));
  for (const e of g.edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    content.appendChild(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `gedge ${(EDGE_KIND[e.type] || { cls: "e-other" }).cls}` }, s("title", null, e.type)));
  }
  for (const n of g.nodes) {
    const k = NODE_KIND[n.label] || { kind: "other" };
    content.appendChild(s("g", { class: `gnode g-${k.kind}`, transform: `translate(${n.x.toFixed(1)} ${n.y.toFixed(1)})` }, s("circle", { r: 6 }), s("text", { x: 9, y: 4, class: "glabel" }, n.name)));
  }
  const pz = panZoom(svg, content, { label: "result graph" });
  return { el: h("div", { class: "figure" }, h("div", { class: "figure-bar" }, h("span", { class: "muted" }, `${g.nodes.length} nodes, ${g.edges.length} relationships`), pz.controls), h("div", { class: "svg-frame" }, svg)), pz };
}

const ERROR_TITLE = {
  QueryRefused: "Refused: the console is read-only",
  QueryFailed: "The query has an error",
  QueryTimeout: "The query ran out of time",
  InvalidParameter: "A parameter is not valid",
  InvalidRequest: "The request is not valid",
};

/** The error box of a failed query: its message, and the offending line with a caret under the column. */
export function queryError(err, query) {
  let line = err.line;
  let column = err.column;
  if ((line == null || column == null) && err.message) {
    const m = /line:?\s*(\d+),?\s*(?:col(?:umn)?|offset):?\s*(\d+)/i.exec(err.message);
    if (m) [line, column] = [Number(m[1]), Number(m[2])];
  }
  const lines = query.split("\n");
  let where = null;
  if (line != null && line >= 1 && line <= lines.length) {
    const text = lines[line - 1];
    const col = Math.max(1, Math.min(column || 1, text.length + 1));
    const gutter = `${line} | `;
    where = h("pre", { class: "error-where", "aria-label": `Line ${line}, column ${col}` }, `${gutter}${text}\n${" ".repeat(gutter.length + col - 1)}^`);
  }
  return h(
    "div",
    { class: "error-box", role: "alert", id: "cypher-error" },
    h("p", { class: "error-title" }, ERROR_TITLE[err.error] || err.error || "Query failed", line != null ? ` at line ${line}, column ${column ?? "?"}` : ""),
    h("p", { class: "error-detail" }, err.message),
    where,
    err.error === "QueryRefused" || /read-only|write|refus/i.test(err.message) ? h("p", { class: "muted" }, "The console only reads: use MATCH … RETURN. To change the graph, edit the documents and run ", h("code", null, "orgkg load"), ".") : null,
  );
}

export async function render(root, route) {
  const initialQuery = route.params.get("q");
  const initialParams = route.params.get("params");
  const catalogReq = get("/queries").catch(() => null);

  const editorId = uid("cypher");
  const gutter = h("div", { class: "gutter", "aria-hidden": "true" });
  const editor = h("textarea", { id: "cypher-query", class: "code-input", rows: 8, spellcheck: "false", autocapitalize: "off", autocomplete: "off", "aria-describedby": `${editorId}-hint`, value: initialQuery ?? DEFAULT_QUERY });
  const paramsInput = h("textarea", { id: "cypher-params", class: "code-input params-input", rows: 2, spellcheck: "false", value: initialParams ?? "{}" });
  const catalogSel = h("select", { id: "cypher-example" }, h("option", { value: "" }, "Loading the catalog…"));
  const catalogDesc = h("p", { class: "muted catalog-desc", id: "cypher-example-desc" });
  const runBtn = h("button", { type: "submit", class: "btn btn-primary", id: "cypher-run" }, "Run query", h("kbd", { class: "kbd" }, "Ctrl+Enter"));
  const out = h("div", { class: "cypher-out", id: "cypher-out", "aria-live": "polite" });

  const syncGutter = () => {
    const n = editor.value.split("\n").length;
    if (gutter.childElementCount !== n) gutter.replaceChildren(...Array.from({ length: n }, (_, i) => h("span", null, String(i + 1))));
    gutter.scrollTop = editor.scrollTop;
  };
  editor.addEventListener("input", syncGutter);
  editor.addEventListener("scroll", () => (gutter.scrollTop = editor.scrollTop));

  let running = 0;
  async function run() {
    const query = editor.value;
    let params = {};
    const paramText = paramsInput.value.trim();
    if (paramText) {
      try {
        params = JSON.parse(paramText);
        if (!params || typeof params !== "object" || Array.isArray(params)) throw new Error("parameters must be a JSON object");
      } catch (err) {
        out.replaceChildren(h("div", { class: "error-box", role: "alert", id: "cypher-error" }, h("p", { class: "error-title" }, "Parameters are not valid JSON"), h("p", null, err.message), h("p", { class: "muted" }, 'Write an object such as {"role": "role:sre-manager"}.')));
        return;
      }
    }
    if (!query.trim()) {
      out.replaceChildren(empty("The query is empty.", "Pick an example above or write MATCH … RETURN …"));
      return;
    }
    const mine = ++running;
    runBtn.disabled = true;
    out.dataset.state = "running";
    out.replaceChildren(h("p", { class: "loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), "Running…"));
    replaceHash(routeHref("cypher", null, { q: query, params: paramText && paramText !== "{}" ? paramText : null }));
    try {
      const res = await post("/cypher", { query, params });
      if (mine !== running) return;
      showResult(res);
    } catch (err) {
      if (mine !== running) return;
      out.replaceChildren(queryError(err, query));
      out.dataset.state = "error";
      out.scrollIntoView({ block: "nearest" });
    } finally {
      if (mine === running) runBtn.disabled = false;
    }
  }

  function showResult(res) {
    const columns = res.columns || [];
    const rows = res.rows || [];
    const meta = h(
      "div",
      { class: "result-meta" },
      h("span", { id: "cypher-count" }, `${rows.length} row${rows.length === 1 ? "" : "s"}`),
      res.elapsed_ms != null ? h("span", { id: "cypher-elapsed" }, `${Number(res.elapsed_ms).toFixed(1)} ms`) : null,
      h(
        "button",
        {
          type: "button",
          class: "btn btn-small",
          id: "cypher-csv",
          disabled: !rows.length,
          onclick: () => {
            const blob = new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" });
            const a = h("a", { href: URL.createObjectURL(blob), download: "orgkg-query.csv" });
            document.body.appendChild(a);
            a.click();
            setTimeout(() => {
              URL.revokeObjectURL(a.href);
              a.remove();
            }, 0);
          },
        },
        "Download CSV",
      ),
    );
    const parts = [meta];
    if (res.truncated) parts.push(h("p", { class: "notice", id: "cypher-truncated", role: "status" }, `Showing the first ${rows.length} rows: the result was cut at the row limit. Add a LIMIT or narrow the MATCH to see everything.`));
    if (!rows.length) parts.push(empty("The query returned no rows.", "Check names and labels: roles are :Role with title, skills :Skill with name."));
    else {
      parts.push(
        h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { class: "data-table", id: "cypher-table" },
            h("thead", null, h("tr", null, columns.map((c) => h("th", { scope: "col" }, c)))),
            h("tbody", null, rows.map((row) => h("tr", null, rowValues(columns, row).map((v) => h("td", null, cell(v)))))),
          ),
        ),
      );
      const g = graphOf(columns, rows);
      if (g.nodes.length && g.edges.length) {
        const rg = resultGraph(g);
        parts.push(card("As a graph", rg.el));
        requestAnimationFrame(() => rg.pz.fit(16));
      }
    }
    out.replaceChildren(...parts);
    out.dataset.state = "done";
    out.scrollIntoView({ block: "nearest" });
  }

  editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  paramsInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });

  const schema = [
    "(:Role)-[:REQUIRES_SKILL]->(:Skill)",
    "(:Role)-[:MEASURED_BY]->(:KPI)",
    "(:Role)-[:REPORTS_TO|PROMOTES_TO|CAN_MOVE_TO|SPECIALIZES]->(:Role)",
    "(:Role)-[:IN_FAMILY]->(:JobFamily)",
    "(:Skill)-[:IN_CATEGORY]->(:SkillCategory)",
  ];
  root.append(
    h("header", { class: "page-head" }, h("p", { class: "eyebrow" }, "Cypher"), h("h1", null, "Cypher console"), h("p", { class: "lede" }, "Ask your own questions in read-only Cypher. Start from an example of the catalog, change it, run it.")),
    h(
      "form",
      { class: "cypher-form card", onsubmit: (e) => { e.preventDefault(); run(); } },
      h(
        "div",
        { class: "cypher-main" },
        h("div", { class: "field" }, h("label", { for: "cypher-query" }, "Query"), h("div", { class: "editor" }, gutter, editor), h("p", { id: `${editorId}-hint`, class: "hint" }, "Ctrl+Enter (⌘+Enter) runs the query. Writes are refused.")),
        h("div", { class: "field" }, h("label", { for: "cypher-params" }, "Parameters (JSON)"), paramsInput),
      ),
      h(
        "div",
        { class: "cypher-side" },
        h("div", null, h("label", { for: "cypher-example" }, "Example from the catalog"), catalogSel, catalogDesc),
        runBtn,
        h("div", null, h("h2", { class: "group-title" }, "Schema"), h("ul", { class: "schema" }, schema.map((line) => h("li", null, h("code", null, line))))),
      ),
    ),
    out,
  );
  syncGutter();

  const catalog = listOf(await catalogReq, "queries", "items");
  if (!catalog.length) {
    catalogSel.replaceChildren(h("option", { value: "" }, "No catalog queries available"));
  } else {
    catalogSel.replaceChildren(h("option", { value: "" }, `Choose one of ${catalog.length} queries…`), ...catalog.map((q) => h("option", { value: q.name }, q.title || q.name)));
  }
  catalogSel.addEventListener("change", async () => {
    const name = catalogSel.value;
    if (!name) return (catalogDesc.textContent = "");
    const entry = catalog.find((q) => q.name === name) || {};
    catalogDesc.textContent = entry.description || "";
    try {
      const full = await get(`/queries/${seg(name)}`);
      editor.value = full.cypher || full.query || full.text || editor.value;
      paramsInput.value = JSON.stringify(exampleParams(full.params ? full : entry), null, 0);
      syncGutter();
      editor.focus();
    } catch (err) {
      catalogDesc.textContent = `Could not load ${name}: ${err.message}`;
    }
  });
  if (initialQuery) await run();
}
