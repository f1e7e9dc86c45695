// The start page: what the graph holds, and a way into each view.

import { get } from "./api.js";
import { combobox } from "./combobox.js";
import { card, h } from "./dom.js";
import { navigate, routeHref } from "./router.js";

export function listOf(body, ...keys) {
  if (Array.isArray(body)) return body;
  for (const key of keys) if (body && Array.isArray(body[key])) return body[key];
  return [];
}

const TILES = [
  ["path", "Career paths", "The best routes from one role to another, step by step, with the skills and KPIs each step adds."],
  ["overlap", "Skill overlap", "A heatmap of how much a set of roles share, and the network of roles and skills behind it."],
  ["graph", "Graph", "A role's neighbourhood of skills, KPIs and reporting lines; click a node to grow it."],
  ["cypher", "Cypher console", "Ask your own questions with read-only Cypher, starting from the catalog of saved queries."],
];

export async function render(root) {
  const [ready, families, functions] = await Promise.all([
    get("/readyz").catch((err) => ({ ready: false, detail: err.message })),
    get("/families").catch(() => null),
    get("/functions").catch(() => null),
  ]);
  const counts = (ready && ready.counts) || {};
  const search = combobox({
    id: "home-search",
    label: "Find a role, skill or KPI",
    placeholder: "e.g. SRE Manager, observability, MTTR",
    kinds: ["role", "skill", "kpi"],
    className: "combo-hero",
    onSelect: (hit) => navigate(routeHref(hit.kind, hit.id)),
  });
  const stat = (n, label) => h("div", { class: "stat" }, h("span", { class: "stat-n" }, n ?? "–"), h("span", { class: "stat-label" }, label));

  root.append(
    h(
      "div",
      { class: "hero" },
      h("h1", null, "Your organisation’s roles, as a graph"),
      h("p", { class: "lede" }, "Look up a role to see the skills and KPIs it asks for, where it reports, where it leads and which roles are like it. Every fact links back to the sentence it came from."),
      search.el,
      ready && ready.ready
        ? h("div", { class: "stats", "aria-label": "What the graph holds" }, stat(counts.Role, "roles"), stat(counts.Skill, "skills"), stat(counts.KPI, "KPIs"), stat(counts.JobFamily, "job families"), stat(counts.PROMOTES_TO, "promotions"), stat(counts.REPORTS_TO, "reporting lines"))
        : h("p", { class: "notice" }, "The graph is not loaded yet: ", (ready && ready.detail) || "run `orgkg load` and reload this page."),
    ),
    h(
      "div",
      { class: "tiles" },
      TILES.map(([name, title, text]) => h("a", { class: "tile", href: routeHref(name) }, h("span", { class: "tile-title" }, title), h("span", { class: "tile-text" }, text))),
    ),
  );

  const famList = listOf(families, "families", "items");
  if (famList.length) {
    root.append(
      card(
        "Job families",
        h(
          "ul",
          { class: "family-list" },
          famList.map((f) => {
            const count = f.roles_count ?? f.role_count ?? (Array.isArray(f.roles) ? f.roles.length : f.roles);
            return h(
              "li",
              null,
              h("a", { href: routeHref("family", f.id) }, f.name || f.id),
              count != null ? h("span", { class: "muted" }, ` · ${count} role${count === 1 ? "" : "s"}`) : null,
              count == null || count > 1 ? [" ", h("a", { class: "subtle-link", href: routeHref("overlap", null, { family: f.id }) }, "compare skills")] : null,
            );
          }),
        ),
        { count: famList.length },
      ),
    );
  }

  const functionList = listOf(functions);
  if (functionList.length) root.append(functionIndex(functionList));
}

/** Every role, under the function it sits in (indented by depth), with a way to compare each function. */
function functionIndex(functionList) {
  return card(
    "Roles by function",
    h(
      "ul",
      { class: "function-tree" },
      functionList.map((fn) =>
        h(
          "li",
          { class: "function-node", style: `--depth: ${fn.depth}` },
          h(
            "div",
            { class: "function-head" },
            h("span", { class: "function-name" }, fn.name),
            h("span", { class: "muted" }, ` · ${fn.total} role${fn.total === 1 ? "" : "s"}`),
            fn.total > 1 ? [" ", h("a", { class: "subtle-link", href: routeHref("overlap", null, { function: fn.name }) }, "compare skills")] : null,
          ),
          fn.roles.length
            ? h("ul", { class: "function-roles" }, fn.roles.map((r) => h("li", null, h("a", { href: routeHref("role", r.id) }, r.title))))
            : null,
        ),
      ),
    ),
    { count: functionList.length, id: "function-index" },
  );
}
