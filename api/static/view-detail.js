// Skill, KPI and job-family pages: the thing, and the roles that hold it.

import { get, seg } from "./api.js";
import { card, dataLinks, empty, h } from "./dom.js";
import { evidenceBlock, evidenceOf, methodBadge, whereText } from "./evidence.js";
import { entityLink, routeHref } from "./router.js";
import { hideTip, showTipFor } from "./tooltip.js";
import { roleOf } from "./view-role.js";

function arr(x) {
  return Array.isArray(x) ? x : [];
}

function rolesTable(rows, { weight }) {
  if (!rows.length) return empty("No roles hold this.");
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "data-table" },
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "Role"), h("th", { scope: "col" }, "Level"), weight ? h("th", { scope: "col", class: "num" }, "Weight") : null, h("th", { scope: "col" }, "Evidence"))),
      h(
        "tbody",
        null,
        rows.map((x) => {
          const r = roleOf(x);
          const ev = evidenceOf(x);
          const evCell = h("td", null, ev ? [methodBadge(ev.method), " ", h("span", { class: "muted" }, ev.source ? whereText(ev) : "")] : h("span", { class: "muted" }, "–"));
          if (ev) {
            evCell.tabIndex = 0;
            const show = () => showTipFor(evidenceBlock(ev), evCell);
            evCell.addEventListener("mouseenter", show);
            evCell.addEventListener("focus", show);
            evCell.addEventListener("mouseleave", hideTip);
            evCell.addEventListener("blur", hideTip);
          }
          return h(
            "tr",
            null,
            h("td", null, entityLink(r.id, r.title || r.name, { kind: "role" })),
            h("td", null, r.level || "–"),
            weight ? h("td", { class: "num" }, x.weight != null ? Number(x.weight).toFixed(2) : "–") : null,
            evCell,
          );
        }),
      ),
    ),
  );
}

function entityPage(kind, path, eyebrow) {
  return async function render(root, route) {
    const id = route.arg;
    if (!id) {
      root.append(h("h1", null, eyebrow), empty(`No ${eyebrow.toLowerCase()} chosen.`, "Use the search box at the top."));
      return;
    }
    const data = await get(`/${path}/${seg(id)}`);
    const thing = data[kind] && typeof data[kind] === "object" ? { ...data[kind] } : data;
    const roles = arr(data.roles || data.required_by || data.measured_by || data.members);
    const aliases = arr(thing.aliases);
    const roleIds = roles.map((x) => roleOf(x).id).filter(Boolean);
    root.append(
      h(
        "header",
        { class: "page-head" },
        h("p", { class: "eyebrow" }, eyebrow, thing.category ? ` · ${thing.category}` : ""),
        h("h1", null, thing.name || thing.title || id),
        aliases.length ? h("p", { class: "aliases" }, "Also called ", aliases.map((a, i) => [i ? ", " : "", h("q", null, a)])) : null,
        thing.description ? h("p", { class: "summary" }, thing.description) : null,
        roleIds.length > 1
          ? h("div", { class: "actions" }, h("a", { class: "btn", href: routeHref("overlap", null, kind === "family" ? { family: thing.id || id } : { roles: roleIds.slice(0, 60) }) }, "Compare these roles’ skills"), kind !== "family" ? h("a", { class: "btn", href: routeHref("graph", thing.id || id) }, "Show in graph") : null)
          : null,
        dataLinks(`/${path}/${seg(thing.id || id)}`, {}, { csv: false }),
      ),
      card(kind === "family" ? "Roles in this family" : kind === "kpi" ? "Roles measured by it" : "Roles that need it", rolesTable(roles, { weight: kind !== "family" }), { count: roles.length }),
    );
  };
}

export const skill = { render: entityPage("skill", "skills", "Skill") };
export const kpi = { render: entityPage("kpi", "kpis", "KPI") };
export const family = { render: entityPage("family", "families", "Job family") };
