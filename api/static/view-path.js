// Career path finder: the k best routes between two roles, drawn in SVG, with what each step adds.

import { get } from "./api.js";
import { card, correctionNote, dataLinks, empty, errorBox, h, s, uid } from "./dom.js";
import { evidenceBlock, evidenceOf, METHOD_TEXT } from "./evidence.js";
import { pairForm, titleOf } from "./pair-form.js";
import { entityLink, routeHref } from "./router.js";
import { roleOf, STEP_KIND } from "./view-role.js";

function arr(x) {
  return Array.isArray(x) ? x : [];
}

function items(x) {
  return arr(x).map((it) => (typeof it === "string" ? { id: it, name: it } : it));
}

/** A step in any of the shapes the API may use. */
export function stepOf(step) {
  const gain = step.gain || step.to_gain || {};
  return {
    from: roleOf(step.from || step.start || step.source),
    to: roleOf(step.to || step.end || step.target),
    kind: step.kind || step.type || "promotion",
    cost: step.cost ?? null,
    costExplained: step.cost_explained || null,
    method: step.method || (step.evidence && step.evidence.method) || "stated",
    confidence: step.confidence ?? (step.evidence ? step.evidence.confidence : null),
    evidence: evidenceOf(step),
    skills: items(step.skills_to_gain || step.gain_skills || step.new_skills || gain.skills || step.skills),
    kpis: items(step.kpis_to_gain || step.gain_kpis || step.new_kpis || gain.kpis || step.kpis),
  };
}

/** "stated" or "inferred" (extracted lines come from the document's own words: drawn as stated). */
export function methodOf(st) {
  return st.method === "inferred" ? "inferred" : "stated";
}

/** "inferred · 70% confidence" / "stated" / "extracted from the text". */
export function methodText(st) {
  if (methodOf(st) === "inferred") return `inferred · ${st.confidence != null ? `${Math.round(st.confidence * 100)}% confidence` : "no confidence given"}`;
  return st.method === "extracted" ? "extracted from the text" : "stated";
}

function pathsOf(data) {
  const list = arr(data.paths || data.routes || (Array.isArray(data) ? data : []));
  return list.map((p) => {
    const steps = arr(p.steps || p).map(stepOf);
    return { steps, cost: p.cost ?? p.score ?? p.weight ?? null, costExplained: p.cost_explained || null, length: steps.length, skills: items(p.skills_to_gain), kpis: items(p.kpis_to_gain) };
  });
}

/** Word-wrap a title into lines of at most `width` characters (at most `max` lines). */
function wrap(text, width = 22, max = 3) {
  const words = String(text).split(/\s+/);
  const lines = [];
  let line = "";
  for (const word of words) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = `${kept[max - 1].slice(0, width - 1)}…`;
    return kept;
  }
  return lines;
}

// Line style says how we know a step (stated: solid; inferred: dashed); colour and label say its kind.
const DASH = { stated: null, inferred: "7 5" };

/** One route as SVG: role boxes joined by lines whose style (and label) says the kind of move. */
function routeSvg(path, index, vertical) {
  const roles = [path.steps[0].from, ...path.steps.map((st) => st.to)];
  const boxW = 168;
  const wrapped = roles.map((r) => wrap(r.title || r.id, 22, 4));
  const boxH = Math.max(64, 16 * Math.max(...wrapped.map((l) => l.length)) + 18);
  const gap = vertical ? 56 : 104;
  const n = roles.length;
  const width = vertical ? boxW + 170 : n * boxW + (n - 1) * gap + 8;
  const height = vertical ? n * boxH + (n - 1) * gap + 8 : boxH + 62;
  const titleId = uid("route");
  const svg = s(
    "svg",
    { class: "route-svg", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": titleId, style: { "max-width": n > 6 && !vertical ? "none" : "100%", height: "auto" } },
    s("title", { id: titleId }, `Route ${index + 1}: ${roles.map((r) => r.title).join(" → ")}`),
    s("defs", null, s("marker", { id: `arrow-${index}`, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "11", markerHeight: "11", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }))),
  );
  const pos = roles.map((_, i) => (vertical ? { x: 4, y: 4 + i * (boxH + gap) } : { x: 4 + i * (boxW + gap), y: 24 }));
  path.steps.forEach((st, i) => {
    const a = pos[i];
    const b = pos[i + 1];
    const [x1, y1, x2, y2] = vertical ? [a.x + boxW / 2, a.y + boxH, b.x + boxW / 2, b.y - 2] : [a.x + boxW, a.y + boxH / 2, b.x - 2, b.y + boxH / 2];
    const k = STEP_KIND[st.kind] || { icon: "→", label: st.kind };
    const method = methodOf(st);
    const conf = method === "inferred" && st.confidence != null ? ` ${Math.round(st.confidence * 100)}%` : "";
    svg.appendChild(s("line", { x1, y1, x2, y2, class: `route-line line-${st.kind} line-${method}`, "stroke-dasharray": DASH[method], "marker-end": `url(#arrow-${index})`, dataset: { method } }, s("title", null, `${k.label}, ${methodText(st)}`)));
    const label = `${k.icon} ${st.kind}`;
    const sub = method === "inferred" ? `inferred${conf}` : "stated";
    if (vertical) {
      svg.appendChild(s("text", { x: x1 + 12, y: (y1 + y2) / 2 - 3, class: "route-label" }, label));
      svg.appendChild(s("text", { x: x1 + 12, y: (y1 + y2) / 2 + 12, class: `route-method route-method-${method}` }, sub));
    } else {
      svg.appendChild(s("text", { x: (x1 + x2) / 2, y: y1 - 10, "text-anchor": "middle", class: "route-label" }, label));
      svg.appendChild(s("text", { x: (x1 + x2) / 2, y: y1 + 18, "text-anchor": "middle", class: `route-method route-method-${method}` }, sub));
    }
  });
  roles.forEach((r, i) => {
    const { x, y } = pos[i];
    const lines = wrapped[i];
    const g = s("a", { href: routeHref("role", r.id), class: ["route-node", i === 0 && "is-start", i === n - 1 && "is-end"] });
    g.appendChild(s("rect", { x, y, width: boxW, height: boxH, rx: 10 }));
    const top = y + boxH / 2 - (lines.length - 1) * 8 + 4;
    lines.forEach((line, j) => g.appendChild(s("text", { x: x + boxW / 2, y: top + j * 16, "text-anchor": "middle", class: "route-node-text" }, line)));
    svg.appendChild(g);
  });
  return svg;
}

function chips(list, kind) {
  return h("ul", { class: "chips" }, list.map((it) => h("li", null, entityLink(it.id, it.name || it.id, { kind, className: "chip" }))));
}

function stepList(path) {
  return h(
    "ol",
    { class: "steps" },
    path.steps.map((st) => {
      const k = STEP_KIND[st.kind] || { icon: "→", label: st.kind };
      const method = methodOf(st);
      return h(
        "li",
        { class: `step step-${st.kind} step-${method}`, dataset: { kind: st.kind, method } },
        h(
          "p",
          { class: "step-head" },
          h("span", { class: `step-kind step-${st.kind}` }, h("span", { "aria-hidden": "true" }, `${k.icon} `), k.label),
          " ",
          entityLink(st.from.id, st.from.title, { kind: "role", className: "step-from" }),
          h("span", { class: "arrow", "aria-label": "to" }, " → "),
          entityLink(st.to.id, st.to.title, { kind: "role", className: "step-to" }),
          " ",
          h("span", { class: `method method-${method} step-method`, title: method === "inferred" ? "No document states this move: a rule inferred it from the ladder" : METHOD_TEXT.stated }, methodText(st)),
        ),
        st.costExplained ? h("p", { class: "step-cost muted" }, `Cost of this step — ${st.costExplained}.`) : null,
        st.skills.length ? h("div", { class: "gain gain-skills" }, h("span", { class: "gain-label" }, "Skills to gain"), chips(st.skills, "skill")) : h("p", { class: "gain muted" }, "No new skills: the next role asks for nothing the person does not already have."),
        st.kpis.length ? h("div", { class: "gain gain-kpis" }, h("span", { class: "gain-label" }, "KPIs to own"), chips(st.kpis, "kpi")) : null,
        st.evidence ? h("details", { class: "step-evidence" }, h("summary", null, "Why this step"), evidenceBlock(st.evidence)) : null,
      );
    }),
  );
}

function legend() {
  const sample = (cls, dash) => s("svg", { width: 44, height: 12, "aria-hidden": "true" }, s("line", { x1: 2, y1: 6, x2: 42, y2: 6, class: `route-line ${cls}`, "stroke-dasharray": dash }));
  return h(
    "div",
    { class: "path-legend" },
    h("ul", { class: "legend", "aria-label": "Kinds of step (colour and label)" }, Object.entries(STEP_KIND).map(([kind, k]) => h("li", null, sample(`line-${kind}`, null), ` ${k.icon} ${k.label}`))),
    h(
      "ul",
      { class: "legend", "aria-label": "How we know a step (line style)" },
      h("li", null, sample("line-neutral", DASH.stated), " stated in a document"),
      h("li", null, sample("line-neutral line-inferred", DASH.inferred), " inferred by a rule, with its confidence"),
    ),
  );
}

function costNote(paths) {
  const kinds = new Set(paths.flatMap((p) => p.steps.map((st) => st.kind)));
  return h(
    "details",
    { class: "cost-note", id: "cost-note" },
    h("summary", null, "What “cost” means"),
    h(
      "p",
      null,
      "Routes are ranked by cost, lowest first: the sum of their steps' costs. A step's cost is how big a move it is — ",
      "a promotion adds 1.00, a specialty switch 0.50, a lateral move 1.00 plus the share of skills the two roles do not have in common (so a move to an unrelated role costs up to 2.00).",
      kinds.size ? ` Each step below shows its own cost and what made it.` : "",
    ),
    h("p", null, "Skills to gain at a step are what its role asks that the person does not have yet: not in the start role, and not gained at an earlier step."),
  );
}

export async function render(root, route) {
  const fromId = route.params.get("from") || "";
  const toId = route.params.get("to") || "";
  const k = Number(route.params.get("k") || 3);
  const request = fromId && toId ? get("/paths", { from: fromId, to: toId, k }).then((d) => ({ data: d }), (err) => ({ err })) : null;
  const [fromTitle, toTitle] = await Promise.all([titleOf(fromId), titleOf(toId)]);

  const kSelect = h("select", { id: "path-k", name: "k" }, [1, 2, 3, 4, 5].map((n) => h("option", { value: String(n), selected: n === k }, String(n))));
  const form = pairForm({ view: "path", idPrefix: "path", submit: "Find paths", fromId, toId, fromTitle, toTitle, extra: [h("div", { class: "field field-k" }, h("label", { for: "path-k" }, "Routes"), kSelect)] });

  root.append(h("header", { class: "page-head" }, h("p", { class: "eyebrow" }, "Career paths"), h("h1", null, "Find a career path"), h("p", { class: "lede" }, "Pick where someone is and where they want to go. You get the best routes, the kind of each step and what it takes.")), form);

  if (!request) {
    root.append(empty("Choose a start and a target role.", "Type part of a title in each box and pick from the list, then press Find paths."));
    return;
  }
  const { data, err } = await request;
  if (err) {
    root.append(errorBox(err, h("p", null, "Pick both roles from the suggestions, or try a shorter part of the title.")));
    return;
  }
  const paths = pathsOf(data);
  const out = h("div", { class: "path-results", id: "path-results" });
  root.append(out);
  if (!paths.length) {
    const closest = data.closest || data.closest_reachable || data.nearest;
    const c = closest ? roleOf(closest) : null;
    const closestSteps = closest ? arr(closest.steps || (closest.path && closest.path.steps) || closest.path) : [];
    out.append(
      h(
        "div",
        { class: "empty no-path", role: "status" },
        h("p", { class: "empty-msg" }, `No path from ${fromTitle || fromId} to ${toTitle || toId}.`),
        c ? h("p", null, "No path: the closest reachable role is ", entityLink(c.id, c.title || c.name, { kind: "role" }), ".") : h("p", null, "No role on the way is any closer."),
        h("p", { class: "empty-hint" }, "Try another target in the same family, or open the graph to see which moves exist."),
      ),
    );
    if (closestSteps.length) {
      const p = { steps: closestSteps.map(stepOf) };
      out.append(card(`Route to ${c.title || c.name}`, h("div", null, h("div", { class: "route-wrap" }, routeSvg(p, 0, root.clientWidth < 640)), stepList(p))));
    }
    return;
  }
  const vertical = (root.clientWidth || window.innerWidth) < 640;
  out.append(
    h("div", { class: "results-head" }, h("p", null, `${paths.length} route${paths.length === 1 ? "" : "s"}, lowest cost first.`), legend()),
    costNote(paths),
    correctionNote(data) || "",
    dataLinks("/paths", { from: fromId, to: toId, k }),
    h("p", { class: "gap-link" }, h("a", { href: routeHref("gap", null, { from: fromId, to: toId }) }, `Skill gap from ${fromTitle || fromId} to ${toTitle || toId} →`)),
  );
  paths.forEach((p, i) => {
    const inferred = p.steps.filter((st) => methodOf(st) === "inferred").length;
    const summary = `${p.length} step${p.length === 1 ? "" : "s"}${p.cost != null ? ` · cost ${Number(p.cost).toFixed(2)}` : ""}${inferred ? ` · ${inferred} inferred` : ""}`;
    out.append(
      h(
        "section",
        { class: "card route", "aria-label": `Route ${i + 1}`, dataset: { route: String(i + 1) } },
        h("h2", { class: "card-title" }, `Route ${i + 1}`, h("span", { class: "muted" }, ` · ${summary}`)),
        p.costExplained ? h("p", { class: "route-cost muted" }, `How the cost adds up: ${p.costExplained}.`) : null,
        h("div", { class: "route-wrap" }, routeSvg(p, i, vertical)),
        stepList(p),
        p.skills.length || p.kpis.length
          ? h(
              "div",
              { class: "route-total" },
              h("p", { class: "gain-label" }, `In total, this route asks for ${p.skills.length} new skill${p.skills.length === 1 ? "" : "s"}${p.kpis.length ? ` and ${p.kpis.length} KPI${p.kpis.length === 1 ? "" : "s"}` : ""}`),
              chips(p.skills, "skill"),
              p.kpis.length ? chips(p.kpis, "kpi") : null,
            )
          : null,
      ),
    );
  });
}
