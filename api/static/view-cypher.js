// Cypher console for Neo4j Browser users: a CodeMirror editor (our own copy, loaded when the console opens)
// with Cypher highlighting and completion from the live schema, warnings for names the graph does not
// have, a history, and each result as a table, a graph or its JSON.

import { get, post, seg } from "./api.js";
import { completionsAt, schemaProblems } from "./cypher-schema.js";
import { cell, graphOf, resultGraph, rowValues, toCsv } from "./cypher-result.js";
import { debounce, empty, h, uid } from "./dom.js";
import { replaceHash, routeHref } from "./router.js";
import { listOf } from "./view-home.js";

export { toCsv };

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


const HISTORY_KEY = "orgkg:cypher-history";
const HISTORY_MAX = 25;
const VENDOR = "/static/vendor/codemirror/";

/** The saved queries, newest first: [{query, params, at}]. */
export function loadHistory() {
  try {
    const list = JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]");
    return Array.isArray(list) ? list.filter((x) => x && typeof x.query === "string") : [];
  } catch {
    return [];
  }
}

function saveHistory(query, params) {
  const list = loadHistory().filter((x) => x.query !== query || x.params !== params);
  list.unshift({ query, params, at: new Date().toISOString() });
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(list.slice(0, HISTORY_MAX)));
  } catch {
    /* private mode or full storage: the history is a convenience */
  }
}

let codeMirror = null;
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const el = document.createElement("script");
    el.src = src;
    el.onload = resolve;
    el.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(el);
  });
}
/** CodeMirror 5 with its Cypher mode and hint add-on, from api/static/vendor (classic scripts, in order). */
function loadCodeMirror() {
  if (!codeMirror) {
    for (const css of ["codemirror.css", "show-hint.css"]) document.head.appendChild(h("link", { rel: "stylesheet", href: VENDOR + css }));
    codeMirror = (async () => {
      for (const js of ["codemirror.js", "cypher.js", "show-hint.js", "matchbrackets.js"]) await loadScript(VENDOR + js);
      return window.CodeMirror;
    })();
    codeMirror.catch(() => (codeMirror = null));
  }
  return codeMirror;
}

/** An editor over the textarea: CodeMirror when it loads, the plain textarea otherwise. */
async function makeEditor(textarea, { onRun, onChange, hint }) {
  let CM = null;
  try {
    CM = await loadCodeMirror();
  } catch {
    CM = null;
  }
  if (!CM) {
    textarea.addEventListener("input", onChange);
    textarea.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        onRun();
      }
    });
    return { cm: null, get: () => textarea.value, set: (v) => ((textarea.value = v), onChange()), focus: () => textarea.focus(), mark: () => {} };
  }
  const cm = CM.fromTextArea(textarea, {
    mode: "cypher",
    lineNumbers: true,
    matchBrackets: true,
    viewportMargin: Infinity,
    screenReaderLabel: "Cypher query",
    extraKeys: { "Ctrl-Enter": onRun, "Cmd-Enter": onRun, "Ctrl-Space": "autocomplete", Tab: false, "Shift-Tab": false },
    hintOptions: { hint, completeSingle: false, closeOnUnfocus: true },
  });
  cm.on("change", () => {
    cm.save();
    onChange();
  });
  cm.on("inputRead", (_, change) => {
    if (/[\w:$.]/.test(change.text.join("")) && !cm.state.completionActive) cm.showHint();
  });
  let marks = [];
  return {
    cm,
    get: () => cm.getValue(),
    set: (v) => cm.setValue(v),
    focus: () => cm.focus(),
    mark: (problems) => {
      marks.forEach((m) => m.clear());
      marks = problems.map((p) => cm.markText(cm.posFromIndex(p.from), cm.posFromIndex(p.to), { className: "cm-schema-problem", title: p.message }));
    },
  };
}

export async function render(root, route) {
  const initialQuery = route.params.get("q");
  const initialParams = route.params.get("params");
  const catalogReq = get("/queries").catch(() => null);
  const schemaReq = get("/cypher/schema").catch(() => null);

  const editorId = uid("cypher");
  const textarea = h("textarea", { id: "cypher-query", class: "code-input", rows: 8, spellcheck: "false", autocapitalize: "off", autocomplete: "off", "aria-describedby": `${editorId}-hint`, value: initialQuery ?? DEFAULT_QUERY });
  const paramsInput = h("textarea", { id: "cypher-params", class: "code-input params-input", rows: 2, spellcheck: "false", value: initialParams ?? "{}" });
  const catalogSel = h("select", { id: "cypher-example" }, h("option", { value: "" }, "Loading the catalog…"));
  const catalogDesc = h("p", { class: "muted catalog-desc", id: "cypher-example-desc" });
  const runBtn = h("button", { type: "submit", class: "btn btn-primary", id: "cypher-run" }, "Run query", h("kbd", { class: "kbd" }, "Ctrl+Enter"));
  const warnings = h("div", { class: "cypher-warnings", id: "cypher-warnings", role: "status", "aria-live": "polite" });
  const historyList = h("ol", { class: "history", id: "cypher-history", "aria-label": "Queries run before, newest first" });
  const schemaBox = h("div", { class: "schema-box", id: "cypher-schema" }, h("p", { class: "muted" }, "Loading the schema…"));
  const out = h("div", { class: "cypher-out", id: "cypher-out", "aria-live": "polite" });
  let schema = null;
  let catalog = [];
  let view = "table";

  const paramNames = () => {
    const names = catalog.flatMap((q) => Object.keys(exampleParams(q)));
    try {
      const own = JSON.parse(paramsInput.value || "{}");
      if (own && typeof own === "object") names.push(...Object.keys(own));
    } catch {
      /* not JSON yet */
    }
    return names;
  };
  const hint = (cm) => {
    const cur = cm.getCursor();
    const before = cm.getRange({ line: 0, ch: 0 }, cur);
    const found = completionsAt(before, schema, paramNames());
    if (!found || !found.candidates.length) return null;
    return {
      list: found.candidates.map((c) => ({ text: c.text, displayText: c.text, className: `hint-${found.kind}`, render: (el) => el.append(h("span", { class: "hint-text" }, c.text), h("span", { class: "hint-detail" }, c.detail)) })),
      from: { line: cur.line, ch: cur.ch - found.prefix.length },
      to: cur,
    };
  };
  const check = () => {
    const problems = schemaProblems(editor.get(), schema);
    editor.mark(problems);
    warnings.replaceChildren(...(problems.length ? [h("ul", null, problems.map((p) => h("li", { dataset: { kind: p.kind, name: p.name } }, h("span", { class: "warn-icon", "aria-hidden": "true" }, "⚠ "), p.message)))] : []));
    warnings.hidden = !problems.length;
    return problems;
  };
  const checkSoon = debounce(check, 200);

  let running = 0;
  async function run() {
    const query = editor.get();
    let params = {};
    const paramText = paramsInput.value.trim();
    if (paramText) {
      try {
        params = JSON.parse(paramText);
        if (!params || typeof params !== "object" || Array.isArray(params)) throw new Error("parameters must be a JSON object");
      } catch (err) {
        out.replaceChildren(h("div", { class: "error-box", role: "alert", id: "cypher-error" }, h("p", { class: "error-title" }, "Parameters are not valid JSON"), h("p", null, err.message), h("p", { class: "muted" }, 'Write an object such as {"role": "role:sre-manager"}.')));
        out.dataset.state = "error";
        return;
      }
    }
    if (!query.trim()) {
      out.replaceChildren(empty("The query is empty.", "Pick an example above or write MATCH … RETURN …"));
      return;
    }
    const problems = check();
    const mine = ++running;
    runBtn.disabled = true;
    out.dataset.state = "running";
    out.replaceChildren(h("p", { class: "loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), "Running…"));
    replaceHash(routeHref("cypher", null, { q: query, params: paramText && paramText !== "{}" ? paramText : null }));
    try {
      const res = await post("/cypher", { query, params });
      if (mine !== running) return;
      saveHistory(query, paramText);
      drawHistory();
      showResult(res, problems);
    } catch (err) {
      if (mine !== running) return;
      out.replaceChildren(queryError(err, query));
      out.dataset.state = "error";
      out.scrollIntoView({ block: "nearest" });
    } finally {
      if (mine === running) runBtn.disabled = false;
    }
  }

  function showResult(res, problems) {
    const columns = res.columns || [];
    const rows = res.rows || [];
    const g = graphOf(columns, rows);
    const csvBtn = h("button", { type: "button", class: "btn btn-small", id: "cypher-csv", disabled: !rows.length }, "Download CSV");
    csvBtn.addEventListener("click", () => {
      const blob = new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" });
      const a = h("a", { href: URL.createObjectURL(blob), download: "orgkg-query.csv" });
      document.body.appendChild(a);
      a.click();
      setTimeout(() => {
        URL.revokeObjectURL(a.href);
        a.remove();
      }, 0);
    });
    const jsonBtn = h("button", { type: "button", class: "btn btn-small", id: "cypher-json-download" }, "Download JSON");
    jsonBtn.addEventListener("click", () => {
      const a = h("a", { href: URL.createObjectURL(new Blob([JSON.stringify(res, null, 2)], { type: "application/json" })), download: "orgkg-query.json" });
      document.body.appendChild(a);
      a.click();
      setTimeout(() => a.remove(), 0);
    });
    const meta = h(
      "div",
      { class: "result-meta" },
      h("span", { id: "cypher-count" }, `${rows.length} row${rows.length === 1 ? "" : "s"}`),
      g.nodes.length ? h("span", { id: "cypher-elements" }, `${g.nodes.length} node${g.nodes.length === 1 ? "" : "s"}, ${g.edges.length} relationship${g.edges.length === 1 ? "" : "s"}`) : null,
      res.elapsed_ms != null ? h("span", { id: "cypher-elapsed" }, `${Number(res.elapsed_ms).toFixed(1)} ms`) : null,
      h("span", { class: "result-downloads" }, csvBtn, jsonBtn),
    );
    const parts = [meta];
    if (res.truncated) parts.push(h("p", { class: "notice", id: "cypher-truncated", role: "status" }, `Showing the first ${rows.length} rows: the result was cut at the row limit. Add a LIMIT or narrow the MATCH to see everything.`));
    if (!rows.length) {
      parts.push(empty("The query returned no rows.", problems.length ? `It names what the graph does not have — ${problems.map((p) => p.message).join(" · ")}` : "Check names and labels: roles are :Role with title, skills :Skill with name."));
      out.replaceChildren(...parts);
      out.dataset.state = "done";
      return;
    }
    const table = h(
      "div",
      { class: "table-wrap" },
      h("table", { class: "data-table", id: "cypher-table" }, h("thead", null, h("tr", null, columns.map((c) => h("th", { scope: "col" }, c)))), h("tbody", null, rows.map((row) => h("tr", null, rowValues(columns, row).map((v) => h("td", null, cell(v))))))),
    );
    const graph = g.nodes.length ? resultGraph(g) : null;
    const json = h("pre", { class: "result-json", id: "cypher-json" }, JSON.stringify({ columns, rows }, null, 2));
    const panels = { table, graph: graph ? graph.el : h("p", { class: "muted" }, "This result has no nodes to draw: return nodes, relationships or paths (RETURN p) to see a graph."), json };
    const tabs = h("div", { class: "tabs", role: "tablist", "aria-label": "Show the result as" });
    const bodies = Object.fromEntries(Object.entries(panels).map(([name, el]) => [name, h("div", { class: "tab-panel", role: "tabpanel", id: `cypher-view-${name}`, "aria-labelledby": `cypher-tab-${name}`, hidden: true }, el)]));
    const show = (name) => {
      view = name;
      for (const b of tabs.children) b.setAttribute("aria-selected", String(b.dataset.view === name));
      for (const [key, el] of Object.entries(bodies)) el.hidden = key !== name;
      out.dataset.view = name;
      if (name === "graph" && graph) requestAnimationFrame(() => graph.pz.fit(16));
    };
    for (const [name, text] of [
      ["table", "Table"],
      ["graph", "Graph"],
      ["json", "JSON"],
    ]) {
      tabs.append(h("button", { type: "button", role: "tab", class: "tab", id: `cypher-tab-${name}`, dataset: { view: name }, "aria-controls": `cypher-view-${name}`, onclick: () => show(name) }, text));
    }
    parts.push(tabs, ...Object.values(bodies));
    out.replaceChildren(...parts);
    show(view === "graph" && !graph ? "table" : view);
    out.dataset.state = "done";
    out.scrollIntoView({ block: "nearest" });
  }

  function drawHistory() {
    const list = loadHistory();
    historyList.replaceChildren(
      ...(list.length
        ? list.map((x) =>
            h(
              "li",
              null,
              h(
                "button",
                {
                  type: "button",
                  class: "linklike history-item",
                  title: x.query,
                  onclick: () => {
                    editor.set(x.query);
                    paramsInput.value = x.params || "{}";
                    editor.focus();
                  },
                },
                x.query.replace(/\s+/g, " ").slice(0, 80),
              ),
            ),
          )
        : [h("li", { class: "muted" }, "Queries you run are kept here (in this browser only).")]),
    );
  }

  function drawSchema() {
    if (!schema) {
      schemaBox.replaceChildren(h("p", { class: "muted" }, "The schema could not be read: completion and checks are off."));
      return;
    }
    schemaBox.replaceChildren(
      h("h3", { class: "group-title" }, "Labels"),
      h("ul", { class: "schema" }, schema.labels.map((l) => h("li", null, h("code", null, `:${l.name}`), h("span", { class: "muted" }, ` ${l.properties.join(", ")}`)))),
      h("h3", { class: "group-title" }, "Relationship types"),
      h("ul", { class: "schema" }, schema.relationship_types.map((t) => h("li", null, h("code", null, `:${t.name}`), t.properties.length ? h("span", { class: "muted" }, ` ${t.properties.join(", ")}`) : null))),
    );
  }

  paramsInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });

  root.append(
    h("header", { class: "page-head" }, h("p", { class: "eyebrow" }, "Cypher"), h("h1", null, "Cypher console"), h("p", { class: "lede" }, "Ask your own questions in read-only Cypher, as in Neo4j Browser: labels, types, properties and $parameters complete as you type. Start from an example of the catalog, change it, run it.")),
    h(
      "form",
      { class: "cypher-form card", onsubmit: (e) => { e.preventDefault(); run(); } },
      h(
        "div",
        { class: "cypher-main" },
        h("div", { class: "field" }, h("label", { for: "cypher-query" }, "Query"), h("div", { class: "editor" }, textarea), warnings, h("p", { id: `${editorId}-hint`, class: "hint" }, "Ctrl+Enter (⌘+Enter) runs the query, Ctrl+Space completes. Writes are refused.")),
        h("div", { class: "field" }, h("label", { for: "cypher-params" }, "Parameters (JSON)"), paramsInput),
      ),
      h(
        "div",
        { class: "cypher-side" },
        h("div", null, h("label", { for: "cypher-example" }, "Example from the catalog"), catalogSel, catalogDesc),
        runBtn,
        h("details", { class: "history-box", open: true }, h("summary", null, "History"), historyList),
        h("details", { class: "schema-details" }, h("summary", null, "Schema"), schemaBox),
      ),
    ),
    out,
  );
  warnings.hidden = true;
  drawHistory();
  const editor = await makeEditor(textarea, { onRun: run, onChange: checkSoon, hint });

  [schema, catalog] = await Promise.all([schemaReq, catalogReq.then((c) => listOf(c, "queries", "items"))]);
  drawSchema();
  check();
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
      editor.set(full.cypher || full.query || full.text || editor.get());
      paramsInput.value = JSON.stringify(exampleParams(full.params ? full : entry), null, 0);
      editor.focus();
      root.dataset.example = name;
    } catch (err) {
      catalogDesc.textContent = `Could not load ${name}: ${err.message}`;
    }
  });
  window.__orgkg.cypherEditor = editor;
  if (initialQuery) await run();
}
