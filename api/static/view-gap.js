// Skill gap between two roles: what the person has, what is missing (heaviest first), and which roles on
// the cheapest career path ask for each missing skill — all from /gap, nothing computed here.

import { get } from "./api.js";
import { card, correctionNote, dataLinks, empty, errorBox, h, pct } from "./dom.js";
import { pairForm, titleOf } from "./pair-form.js";
import { entityLink, routeHref } from "./router.js";

function arr(x) {
  return Array.isArray(x) ? x : [];
}

function weightBar(w) {
  const v = Math.max(0, Math.min(1, Number(w) || 0));
  return h("span", { class: "gap-weight", title: `weight ${v.toFixed(2)} (1.00 = core to the role)` }, h("span", { class: "bar", "aria-hidden": "true" }, h("span", { style: { width: `${Math.round(v * 100)}%` } })), v.toFixed(2));
}

function missingList(list, kind, target) {
  if (!list.length) return h("p", { class: "muted" }, kind === "skill" ? "Nothing: the person already has every skill the target role asks for." : "No KPI to take on.");
  return h(
    "ol",
    { class: `gap-list gap-missing gap-missing-${kind}s` },
    list.map((it) => {
      const t = arr(it.taught_by);
      return h(
        "li",
        { dataset: { id: it.id, weight: String(it.weight) } },
        entityLink(it.id, it.name, { kind }),
        weightBar(it.weight),
        h(
          "p",
          { class: "gap-teach" },
          t.length
            ? ["Asked on the way by ", t.map((r, i) => [i ? ", then " : "", entityLink(r.id, r.title, { kind: "role", className: "gap-teacher" })])]
            : h("span", { class: "muted" }, `not taught on the way: first asked for by ${target.title}`),
        ),
      );
    }),
  );
}

function haveList(list, kind) {
  if (!list.length) return h("p", { class: "muted" }, "None in common.");
  return h(
    "ul",
    { class: `gap-list gap-have gap-have-${kind}s` },
    list.map((it) => h("li", { dataset: { id: it.id } }, entityLink(it.id, it.name, { kind }), weightBar(it.to_weight ?? it.weight))),
  );
}

export async function render(root, route) {
  const fromId = route.params.get("from") || "";
  const toId = route.params.get("to") || "";
  const both = fromId && toId;
  const gapReq = both ? get("/gap", { from: fromId, to: toId }).then((d) => ({ data: d }), (err) => ({ err })) : null;
  const [fromTitle, toTitle] = await Promise.all([titleOf(fromId), titleOf(toId)]);
  root.append(
    h("header", { class: "page-head" }, h("p", { class: "eyebrow" }, "Skill gap"), h("h1", null, both ? `From ${fromTitle} to ${toTitle}` : "Skill gap between two roles"), h("p", { class: "lede" }, "What the person has, what the target role asks for that they do not have yet (the heaviest first), and which roles on the way teach it.")),
    pairForm({ view: "gap", idPrefix: "gap", submit: "Show the gap", fromId, toId, fromTitle, toTitle }),
  );
  if (!gapReq) {
    root.append(empty("Choose a start and a target role.", "Type part of a title in each box and pick from the list."));
    return;
  }
  const { data, err } = await gapReq;
  if (err) {
    root.append(errorBox(err, h("p", null, "Pick both roles from the suggestions."), "role"));
    return;
  }
  const way = arr(data.route);
  const target = data.to_role;
  const missing = arr(data.missing_skills);
  const have = arr(data.shared_skills);
  const out = h("div", { class: "gap-results", id: "gap-results" });
  root.append(out);
  const note = correctionNote(data);
  if (note) out.append(note);
  out.append(
    h(
      "p",
      { class: "gap-summary", id: "gap-summary" },
      `${data.from_role.title} has ${have.length} of the skills ${target.title} asks for and lacks ${missing.length}`,
      arr(data.missing_kpis).length ? `, plus ${data.missing_kpis.length} KPI${data.missing_kpis.length === 1 ? "" : "s"} to take on` : "",
      `. Weighted skill overlap: ${pct(data.skill_overlap)}.`,
    ),
    way.length
      ? h("p", { class: "gap-route", id: "gap-route" }, "On the cheapest route: ", way.map((r, i) => [i ? " → " : "", entityLink(r.id, r.title, { kind: "role" })]), " (", h("a", { href: routeHref("path", null, { from: fromId, to: toId }) }, "see the career paths"), ").")
      : h("p", { class: "muted", id: "gap-route" }, data.route_message || `No career path leads from ${data.from_role.title} to ${target.title}: the gap is all there is.`),
    dataLinks("/gap", { from: fromId, to: toId }),
    h(
      "div",
      { class: "gap-grid" },
      h(
        "div",
        null,
        card("Missing skills, heaviest first", missingList(missing, "skill", target), { id: "gap-missing", count: missing.length }),
        card("KPIs to take on", missingList(arr(data.missing_kpis), "kpi", target), { id: "gap-missing-kpis", count: arr(data.missing_kpis).length }),
      ),
      h(
        "div",
        null,
        card("Has already", haveList(have, "skill"), { id: "gap-have", count: have.length }),
        card("KPIs already owned", haveList(arr(data.shared_kpis), "kpi"), { id: "gap-have-kpis", count: arr(data.shared_kpis).length }),
        arr(data.surplus_skills).length ? card(`Has, but ${target.title} does not ask for`, haveList(arr(data.surplus_skills), "skill"), { id: "gap-surplus", count: data.surplus_skills.length }) : null,
      ),
    ),
  );
  if (!missing.length && !have.length) out.append(empty("Neither role lists any skill.", "Check the role documents."));
}
