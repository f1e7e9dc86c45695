// Career path finder: the k best routes between two roles, drawn in SVG, with what each step adds.

import { get, seg } from "./api.js";
import { combobox } from "./combobox.js";
import { card, empty, errorBox, h, s, uid } from "./dom.js";
import { evidenceBlock, evidenceOf } from "./evidence.js";
import { entityLink, navigate, routeHref } from "./router.js";
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
    evidence: evidenceOf(step),
    skills: items(step.skills_to_gain || step.gain_skills || step.new_skills || gain.skills || step.skills),
    kpis: items(step.kpis_to_gain || step.gain_kpis || step.new_kpis || gain.kpis || step.kpis),
  };
}

function pathsOf(data) {
  const list = arr(data.paths || data.routes || (Array.isArray(data) ? data : []));
  return list.map((p) => {
    const steps = arr(p.steps || p).map(stepOf);
    return { steps, cost: p.cost ?? p.score ?? p.weight ?? null, length: steps.length };
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

const DASH = { promotion: null, lateral: "9 6", specialty: "2 5" };

/** One route as SVG: role boxes joined by lines whose style (and label) says the kind of move. */
function routeSvg(path, index, vertical) {
  const roles = [path.steps[0].from, ...path.steps.map((st) => st.to)];
  const boxW = 168;
  const boxH = 64;
  const gap = vertical ? 56 : 104;
  const n = roles.length;
  const width = vertical ? boxW + 170 : n * boxW + (n - 1) * gap + 8;
  const height = vertical ? n * boxH + (n - 1) * gap + 8 : boxH + 48;
  const titleId = uid("route");
  const svg = s(
    "svg",
    { class: "route-svg", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": titleId, style: { "max-width": n > 6 && !vertical ? "none" : "100%", height: "auto" } },
    s("title", { id: titleId }, `Route ${index + 1}: ${roles.map((r) => r.title).join(" → ")}`),
    s("defs", null, s("marker", { id: `arrow-${index}`, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "11", markerHeight: "11", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }))),
  );
  const pos = roles.map((_, i) => (vertical ? { x: 4, y: 4 + i * (boxH + gap) } : { x: 4 + i * (boxW + gap), y: 28 }));
  path.steps.forEach((st, i) => {
    const a = pos[i];
    const b = pos[i + 1];
    const [x1, y1, x2, y2] = vertical ? [a.x + boxW / 2, a.y + boxH, b.x + boxW / 2, b.y - 2] : [a.x + boxW, a.y + boxH / 2, b.x - 2, b.y + boxH / 2];
    const k = STEP_KIND[st.kind] || { icon: "→", label: st.kind };
    svg.appendChild(s("line", { x1, y1, x2, y2, class: `route-line line-${st.kind}`, "stroke-dasharray": DASH[st.kind] || null, "marker-end": `url(#arrow-${index})` }));
    const label = `${k.icon} ${st.kind}`;
    if (!vertical) svg.appendChild(s("rect", { x: (x1 + x2) / 2 - 46, y: y1 - 24, width: 92, height: 18, rx: 4, class: "route-label-bg" }));
    if (vertical) svg.appendChild(s("text", { x: x1 + 12, y: (y1 + y2) / 2 + 4, class: "route-label" }, label));
    else svg.appendChild(s("text", { x: (x1 + x2) / 2, y: y1 - 10, "text-anchor": "middle", class: "route-label" }, label));
  });
  roles.forEach((r, i) => {
    const { x, y } = pos[i];
    const lines = wrap(r.title || r.id);
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
      return h(
        "li",
        { class: `step step-${st.kind}`, dataset: { kind: st.kind } },
        h(
          "p",
          { class: "step-head" },
          h("span", { class: `step-kind step-${st.kind}` }, h("span", { "aria-hidden": "true" }, `${k.icon} `), k.label),
          " ",
          entityLink(st.from.id, st.from.title, { kind: "role", className: "step-from" }),
          h("span", { class: "arrow", "aria-label": "to" }, " → "),
          entityLink(st.to.id, st.to.title, { kind: "role", className: "step-to" }),
        ),
        st.skills.length ? h("div", { class: "gain" }, h("span", { class: "gain-label" }, "Skills to gain"), chips(st.skills, "skill")) : h("p", { class: "gain muted" }, "No new skills: the next role asks for what this one already has."),
        st.kpis.length ? h("div", { class: "gain" }, h("span", { class: "gain-label" }, "KPIs to own"), chips(st.kpis, "kpi")) : null,
        st.evidence ? h("details", { class: "step-evidence" }, h("summary", null, "Why this step"), evidenceBlock(st.evidence)) : null,
      );
    }),
  );
}

function legend() {
  return h(
    "ul",
    { class: "legend", "aria-label": "Kinds of step" },
    Object.entries(STEP_KIND).map(([kind, k]) =>
      h(
        "li",
        null,
        s("svg", { width: 44, height: 12, "aria-hidden": "true" }, s("line", { x1: 2, y1: 6, x2: 42, y2: 6, class: `route-line line-${kind}`, "stroke-dasharray": DASH[kind] || null })),
        ` ${k.icon} ${k.label}`,
      ),
    ),
  );
}

async function titleOf(id) {
  if (!id) return "";
  try {
    const data = await get(`/roles/${seg(id)}`);
    return roleOf(data.role || data).title || id;
  } catch {
    return id;
  }
}

export async function render(root, route) {
  const fromId = route.params.get("from") || "";
  const toId = route.params.get("to") || "";
  const k = Number(route.params.get("k") || 3);
  const request = fromId && toId ? get("/paths", { from: fromId, to: toId, k }).then((d) => ({ data: d }), (err) => ({ err })) : null;
  const [fromTitle, toTitle] = await Promise.all([titleOf(fromId), titleOf(toId)]);

  const from = combobox({ id: "path-from", label: "From role", placeholder: "e.g. Manager, Infrastructure", value: fromTitle, selected: fromId ? { id: fromId, name: fromTitle } : null, onSelect: () => to.focus() });
  const to = combobox({ id: "path-to", label: "To role", placeholder: "e.g. VP of Infrastructure", value: toTitle, selected: toId ? { id: toId, name: toTitle } : null, onSelect: () => {} });
  const kSelect = h("select", { id: "path-k", name: "k" }, [1, 2, 3, 4, 5].map((n) => h("option", { value: String(n), selected: n === k }, String(n))));
  const valueOf = (box) => (box.selected ? box.selected.id : box.input.value.trim());
  const form = h(
    "form",
    {
      class: "toolbar path-form",
      onsubmit: (e) => {
        e.preventDefault();
        const a = valueOf(from);
        const b = valueOf(to);
        if (!a || !b) {
          (a ? to : from).focus();
          return;
        }
        navigate(routeHref("path", null, { from: a, to: b, k: kSelect.value }));
      },
    },
    from.el,
    h(
      "button",
      {
        type: "button",
        class: "icon-btn swap",
        "aria-label": "Swap from and to",
        title: "Swap",
        onclick: () => {
          const a = from.selected;
          const av = from.input.value;
          from.set(to.selected || null);
          if (!to.selected) from.input.value = to.input.value;
          to.set(a);
          if (!a) to.input.value = av;
        },
      },
      "⇄",
    ),
    to.el,
    h("div", { class: "field field-k" }, h("label", { for: "path-k" }, "Routes"), kSelect),
    h("button", { type: "submit", class: "btn btn-primary" }, "Find paths"),
  );

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
  out.append(h("div", { class: "results-head" }, h("p", null, `${paths.length} route${paths.length === 1 ? "" : "s"}, best first.`), legend()));
  paths.forEach((p, i) => {
    const summary = `${p.length} step${p.length === 1 ? "" : "s"}${p.cost != null ? ` · cost ${Number(p.cost).toFixed(2)}` : ""}`;
    out.append(
      h(
        "section",
        { class: "card route", "aria-label": `Route ${i + 1}`, dataset: { route: String(i + 1) } },
        h("h2", { class: "card-title" }, `Route ${i + 1}`, h("span", { class: "muted" }, ` · ${summary}`)),
        h("div", { class: "route-wrap" }, routeSvg(p, i, vertical)),
        stepList(p),
      ),
    );
  });
}
