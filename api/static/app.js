// orgkg web page: a hash router over small view modules. Each view root gets data-ready="true" once drawn;
// window.__orgkg.timings records how long that took (performance.now() since navigation start).

import { combobox } from "./combobox.js";
import { errorBox, h } from "./dom.js";
import { navigate, parseHash, routeHref } from "./router.js";
import { hideTip } from "./tooltip.js";
import * as cypher from "./view-cypher.js";
import * as detail from "./view-detail.js";
import * as gap from "./view-gap.js";
import * as graph from "./view-graph.js";
import * as home from "./view-home.js";
import * as overlap from "./view-overlap.js";
import * as path from "./view-path.js";
import * as role from "./view-role.js";

const VIEWS = {
  home,
  role,
  skill: detail.skill,
  kpi: detail.kpi,
  family: detail.family,
  path,
  gap,
  overlap,
  graph,
  cypher,
};
const NAV_OF = { role: "home", skill: "home", kpi: "home", family: "home" };

window.__orgkg = { timings: [], renders: 0 };
let renderToken = 0;
let firstRender = true;

function mountGlobalSearch() {
  const slot = document.getElementById("global-search-slot");
  const box = combobox({
    id: "global-search",
    label: "Search roles, skills and KPIs",
    hideLabel: true,
    placeholder: "Search roles, skills, KPIs…",
    kinds: ["role", "skill", "kpi"],
    className: "combo-global",
    onSelect: (hit) => navigate(routeHref(hit.kind, hit.id)),
  });
  slot.appendChild(box.el);
  document.addEventListener("keydown", (e) => {
    const tag = (e.target && e.target.tagName) || "";
    if (e.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(tag) && !e.target.isContentEditable) {
      e.preventDefault();
      box.focus();
    }
  });
}

async function renderRoute() {
  const token = ++renderToken;
  const started = performance.now();
  const route = parseHash(location.hash);
  const view = VIEWS[route.name];
  const slot = document.getElementById("view-slot");
  const root = h("section", { class: "view", "data-view": route.name, "data-ready": "false", "aria-busy": "true" });
  slot.replaceChildren(root);
  hideTip();
  const nav = NAV_OF[route.name] || route.name;
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === nav) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  try {
    if (!view) {
      root.append(
        h("h1", null, "Page not found"),
        errorBox(new Error(`There is no view called “${route.name}”.`), h("p", null, h("a", { href: "#/" }, "Go to the start page"))),
      );
    } else {
      await view.render(root, route);
    }
  } catch (err) {
    if (token !== renderToken) return;
    console.error(err);
    const kind = ["role", "skill", "kpi", "family"].includes(route.name) ? route.name : null;
    root.append(errorBox(err, h("p", null, "Pick one of the suggestions, search with the box at the top, or ", h("a", { href: "#/" }, "start from the home page"), "."), kind));
  }
  if (token !== renderToken) return;
  const heading = root.querySelector("h1");
  document.title = heading ? `${heading.textContent} · orgkg` : "orgkg";
  root.dataset.ready = "true";
  root.removeAttribute("aria-busy");
  const ready = performance.now();
  window.__orgkg.renders += 1;
  window.__orgkg.timings.push({ view: route.name, hash: route.hash, first: firstRender, render_ms: ready - started, since_navigation_ms: ready });
  if (!firstRender && heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
  if (!firstRender) window.scrollTo(0, 0);
  firstRender = false;
}

// The skip link must not change the hash (that is the router's): move focus instead.
document.querySelector(".skip-link").addEventListener("click", (e) => {
  e.preventDefault();
  const main = document.getElementById("main");
  main.focus();
  main.scrollIntoView();
});
mountGlobalSearch();
window.addEventListener("hashchange", renderRoute);
renderRoute();
