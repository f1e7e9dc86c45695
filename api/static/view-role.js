// The role card: who the role is, what it needs, where it sits and where it leads.

import { get, seg } from "./api.js";
import { card, correctionNote, dataLinks, empty, h, pct } from "./dom.js";
import { evidenceBlock, evidenceOf, itemRow, methodBadge } from "./evidence.js";
import { entityLink, routeHref } from "./router.js";
import { hideTip, showTipFor } from "./tooltip.js";

export const STEP_KIND = {
  promotion: { icon: "▲", label: "promotion" },
  lateral: { icon: "↔", label: "lateral move" },
  specialty: { icon: "◆", label: "specialty" },
};

/** A role summary from any of the shapes the API uses ({role: {...}} or flat). */
export function roleOf(x) {
  if (!x) return null;
  if (typeof x === "string") return { id: x, title: x };
  if (x.role && typeof x.role === "object") return { ...x.role, ...x, role: undefined };
  return x;
}

function arr(x) {
  return Array.isArray(x) ? x : [];
}

/** Skills grouped by category: [[category, items]] from a list, a mapping or a list of groups. */
export function groupSkills(skills) {
  const groups = new Map();
  const add = (cat, item) => {
    const key = cat || "Other";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  };
  if (Array.isArray(skills)) {
    for (const x of skills) {
      if (x && Array.isArray(x.skills || x.items)) (x.skills || x.items).forEach((it) => add(x.category || x.name, it));
      else add(x.category, x);
    }
  } else if (skills && typeof skills === "object") {
    for (const [cat, items] of Object.entries(skills)) arr(items).forEach((it) => add(cat, it));
  }
  return [...groups.entries()].sort((a, b) => (a[0] === "Other") - (b[0] === "Other") || b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

function badge(label, value) {
  if (value === null || value === undefined || value === "") return null;
  return h("span", { class: "badge" }, h("span", { class: "badge-label" }, label), " ", h("span", { class: "badge-value" }, String(value)));
}

function roleList(items, { extra, emptyText } = {}) {
  const list = arr(items).map(roleOf).filter(Boolean);
  if (!list.length) return h("p", { class: "muted" }, emptyText || "None recorded.");
  return h(
    "ul",
    { class: "role-list" },
    list.map((r) => h("li", null, entityLink(r.id, r.title || r.name, { kind: "role" }), r.level ? h("span", { class: "muted" }, ` · ${r.level}`) : null, extra ? extra(r) : null)),
  );
}

function chainList(chain, self) {
  const list = arr(chain).map(roleOf).filter(Boolean);
  if (!list.length) return h("p", { class: "muted" }, "No manager recorded: this role is at the top of its line, or the documents do not say.");
  // the API lists the chain nearest manager first; draw it top-down, ending at this role
  const topDown = [...list].reverse();
  return h(
    "ol",
    { class: "chain", "aria-label": "Reporting chain, most senior first" },
    topDown.map((r) => h("li", null, entityLink(r.id, r.title || r.name, { kind: "role" }))),
    h("li", { class: "chain-self", "aria-current": "true" }, h("strong", null, self.title)),
  );
}

function stepKind(kind) {
  const k = STEP_KIND[kind] || { icon: "→", label: kind || "move" };
  return h("span", { class: `step-kind step-${kind || "move"}` }, h("span", { "aria-hidden": "true" }, `${k.icon} `), k.label);
}

function sharedNames(x) {
  const shared = arr(x.top_shared || x.shared || x.shared_skills || x.skills);
  return shared.map((s) => (typeof s === "string" ? { id: s, name: s } : s));
}

export async function render(root, route) {
  const id = route.arg;
  if (!id) {
    root.append(h("h1", null, "Roles"), empty("No role chosen.", "Use the search box at the top to find a role."));
    return;
  }
  const data = await get(`/roles/${seg(id)}`);
  const role = roleOf(data.role || data);
  const skills = groupSkills(data.skills || data.skills_by_category || role.skills);
  const kpis = arr(data.kpis || role.kpis);
  const similar = arr(data.similar || data.similar_roles);
  const next = arr(data.next_roles || data.next || data.career_next);
  const sources = arr(data.sources || role.sources);
  const aliases = arr(role.aliases);

  const compareIds = [role.id, ...similar.slice(0, 4).map((x) => roleOf(x).id)];
  root.append(
    h(
      "header",
      { class: "page-head" },
      h("p", { class: "eyebrow" }, "Role", role.family ? [" · ", role.family_id ? entityLink(role.family_id, role.family, { kind: "family" }) : role.family] : null),
      h("h1", { class: "role-title" }, role.title),
      correctionNote(data),
      h("div", { class: "badges" }, badge("Level", role.level), badge("Grade", role.grade), badge("Family", role.family), badge("Department", role.department !== role.family && role.department !== role.function ? role.department : null), badge("Function", role.function), badge("Track", role.track === "ic" ? "individual contributor" : role.track), badge("Specialty", role.specialty)),
      aliases.length ? h("p", { class: "aliases" }, "Also called ", aliases.map((a, i) => [i ? ", " : "", h("q", null, a)])) : null,
      role.summary ? h("p", { class: "summary" }, role.summary) : null,
      h(
        "div",
        { class: "actions" },
        h("a", { class: "btn", href: routeHref("path", null, { from: role.id }) }, "Career paths from here"),
        compareIds.length > 1 ? h("a", { class: "btn", href: routeHref("overlap", null, { roles: compareIds }) }, "Compare with similar roles") : null,
        h("a", { class: "btn", href: routeHref("graph", role.id) }, "Show in graph"),
      ),
      dataLinks(`/roles/${seg(role.id)}`, {}, { csv: false }),
    ),
  );

  const skillCount = skills.reduce((n, [, items]) => n + items.length, 0);
  const skillsBody = skills.length
    ? h(
        "div",
        { class: "skill-groups" },
        skills.map(([cat, items]) =>
          h(
            "div",
            { class: "skill-group" },
            h("h3", { class: "group-title" }, cat, h("span", { class: "count" }, ` ${items.length}`)),
            h("ul", { class: "item-list" }, items.map((it) => itemRow(it, "skill"))),
          ),
        ),
      )
    : empty("No skills recorded for this role.", "Skills come from the role's document; check its Skills or Requirements section.");
  const kpiBody = kpis.length ? h("ul", { class: "item-list" }, kpis.map((it) => itemRow(it, "kpi"))) : empty("No KPIs recorded for this role.");

  const similarBody = similar.length
    ? h(
        "ul",
        { class: "similar-list" },
        similar.map((x) => {
          const r = roleOf(x);
          const shared = sharedNames(x);
          return h(
            "li",
            null,
            h("div", { class: "similar-head" }, entityLink(r.id, r.title || r.name, { kind: "role" }), h("span", { class: "score", title: "similarity score" }, pct(x.score))),
            h("span", { class: "scorebar", "aria-hidden": "true" }, h("span", { style: { width: pct(x.score) } })),
            shared.length ? h("p", { class: "shared" }, h("span", { class: "muted" }, "Shared: "), shared.slice(0, 6).map((s, i) => [i ? ", " : "", entityLink(s.id, s.name, { kind: "skill" })]), (x.shared_count ?? shared.length) > Math.min(6, shared.length) ? ` and ${(x.shared_count ?? shared.length) - Math.min(6, shared.length)} more` : "") : null,
          );
        }),
      )
    : h("p", { class: "muted" }, "No similar roles found.");

  const nextBody = next.length
    ? h(
        "ul",
        { class: "role-list next-list" },
        next.map((x) => {
          const r = roleOf(x.end || x.to || x);
          const ev = evidenceOf(x);
          const inferred = ev && ev.method === "inferred";
          const li = h("li", { class: inferred ? "next-inferred" : null, dataset: { method: inferred ? "inferred" : "stated" } }, stepKind(x.kind || x.type), " ", entityLink(r.id, r.title || r.name, { kind: "role" }), ev ? [" ", methodBadge(ev.method), inferred && ev.confidence != null ? h("span", { class: "muted" }, ` ${Math.round(ev.confidence * 100)}% confidence`) : null] : null);
          if (ev) {
            li.tabIndex = 0;
            const show = () => showTipFor(evidenceBlock(ev), li);
            li.addEventListener("mouseenter", show);
            li.addEventListener("focus", show);
            li.addEventListener("mouseleave", hideTip);
            li.addEventListener("blur", hideTip);
          }
          return li;
        }),
      )
    : h("p", { class: "muted" }, "No next roles recorded.");

  const sourcesBody = sources.length
    ? h("ul", { class: "source-list" }, sources.map((x) => h("li", null, h("code", null, typeof x === "string" ? x : x.path || x.id))))
    : h("p", { class: "muted" }, "No sources.");

  root.append(
    h(
      "div",
      { class: "grid-2" },
      h("div", { class: "col-main" }, card("Skills", skillsBody, { count: skillCount, id: "role-skills" }), card("KPIs", kpiBody, { count: kpis.length, id: "role-kpis" })),
      h(
        "div",
        { class: "col-side" },
        card("Reporting line", chainList(data.reports_to || data.reports_to_chain || data.chain, role), { id: "role-chain" }),
        card("Direct reports", roleList(data.direct_reports, { emptyText: "No direct reports recorded." }), { id: "role-reports" }),
        card("Next roles", nextBody, { id: "role-next" }),
        card("Similar roles", similarBody, { id: "role-similar" }),
        card("Sources", sourcesBody, { id: "role-sources" }),
      ),
    ),
  );
}
