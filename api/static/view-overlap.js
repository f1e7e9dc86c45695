// Skill overlap explorer: a heatmap of pairwise overlap and the role–skill network behind it.

import { get } from "./api.js";
import { combobox } from "./combobox.js";
import { card, correctionNote, dataLinks, empty, errorBox, h, pct, s, uid } from "./dom.js";
import { panZoom } from "./panzoom.js";
import { roleSkillMatrix } from "./role-skill-matrix.js";
import { numberLegend, rowLabels, rowLabelSvg, textWidth } from "./role-labels.js";
import { entityLink, navigate, routeHref } from "./router.js";
import { hideTip, showTip, showTipFor } from "./tooltip.js";
import { listOf } from "./view-home.js";
import { roleOf } from "./view-role.js";

const GROUP_KEYS = ["family", "function", "level"];

function arr(x) {
  return Array.isArray(x) ? x : [];
}

/** {roles: [{id, title}], matrix: number[][]} in the API's (cluster) order, whatever the field names. */
export function normalizeOverlap(data) {
  let roles = arr(data.roles || data.labels || data.items).map(roleOf);
  let matrix = arr(data.matrix || data.values || data.scores);
  const order = arr(data.order || data.cluster_order);
  if (order.length === roles.length && order.length) {
    const pos = order.map((o) => (typeof o === "number" ? o : roles.findIndex((r) => r.id === (o.id || o))));
    if (pos.every((p) => p >= 0) && pos.some((p, i) => p !== i)) {
      roles = pos.map((p) => roles[p]);
      matrix = pos.map((i) => pos.map((j) => matrix[i][j]));
    }
  }
  return { roles, matrix };
}

/** Off-diagonal pairs, highest first (ties by the order of the matrix). */
export function rankedPairs(matrix) {
  const pairs = [];
  for (let i = 0; i < matrix.length; i++) for (let j = i + 1; j < matrix.length; j++) pairs.push({ i, j, v: Number(matrix[i][j]) || 0 });
  pairs.sort((a, b) => b.v - a.v || a.i - b.i || a.j - b.j);
  return pairs;
}

// A sequential blue scale, light to dark; text switches to white on the dark half.
function cellColour(t) {
  const x = Math.max(0, Math.min(1, t));
  const l = 97 - x * 62;
  const c = 0.02 + x * 0.13;
  return `oklch(${l}% ${c} 255)`;
}

/** The colour scale fitted to the set: the lowest and highest off-diagonal overlap. */
export function scaleOf(matrix) {
  const values = [];
  for (let i = 0; i < matrix.length; i++) for (let j = 0; j < matrix.length; j++) if (i !== j) values.push(Number(matrix[i][j]) || 0);
  if (!values.length) return { lo: 0, hi: 1 };
  let lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi - lo < 0.02) lo = Math.max(0, hi - 0.02);
  return { lo, hi };
}

/** Width the figure has: its card's inner width (full width for big sets, beside the pairs list for small). */
function figureWidth(n) {
  const main = document.getElementById("main");
  const mainW = main ? main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight) : 900;
  const narrow = mainW < 640;
  if (narrow) return { width: mainW - 30, narrow };
  return { width: (n > 12 || mainW < 900 ? mainW : mainW * 0.62) - 44, narrow };
}

function heatmap(roles, matrix, { onSelect, top }) {
  const n = roles.length;
  const { width: frameW, narrow } = figureWidth(n);
  const px = n > 30 ? 11 : 12;
  const numPx = Math.round(px * 0.9);
  const numW = textWidth(String(n), numPx, 600) + 6;
  const budget = narrow ? frameW * 0.45 : Math.min(360, frameW * 0.42);
  const cell = Math.max(12, Math.min(64, Math.floor((frameW - budget - numW - 20) / n)));
  const labels = rowLabels(roles.map((r) => r.title), { px, rowH: cell, budget });
  const left = Math.ceil(Math.max(...labels.map((l) => l.width)) + numW + 12);
  const colFlat = textWidth(String(n), numPx, 600) <= cell - 3;
  const topH = Math.ceil(colFlat ? numPx + 10 : numW + 10);
  const width = left + n * cell + 8;
  const height = topH + n * cell + 8;
  const { lo, hi } = scaleOf(matrix);
  const fitted = (v) => (v - lo) / (hi - lo || 1);
  const titleId = uid("hm");
  const svg = s("svg", { class: "heatmap", viewBox: `0 0 ${width} ${height}`, width, height, role: "grid", "aria-labelledby": titleId, "aria-describedby": `${titleId}-d`, dataset: { size: String(n), cell: String(cell), lo: lo.toFixed(4), hi: hi.toFixed(4) } });
  svg.appendChild(s("title", { id: titleId }, `Skill overlap of ${n} roles`));
  svg.appendChild(s("desc", { id: `${titleId}-d` }, "Arrow keys move between cells, Enter shows the shared and unique skills of the pair, + and − zoom. Columns are numbered like the rows."));
  const content = s("g", { class: "hm-content" });
  svg.appendChild(content);
  const g = s("g", { transform: `translate(${left} ${topH})` });
  content.appendChild(g);

  roles.forEach((r, i) => {
    const y = topH + i * cell + cell / 2;
    content.appendChild(rowLabelSvg(labels[i], r.title, { x: left - numW - 6, y, px, cls: "hm-label hm-row-label", id: r.id, n: i + 1 }));
    content.appendChild(s("text", { x: left - 5, y: y + numPx * 0.35, "text-anchor": "end", class: "hm-num", "font-size": numPx }, String(i + 1)));
    const x = left + i * cell + cell / 2;
    const colAttrs = colFlat
      ? { x, y: topH - 6, "text-anchor": "middle" }
      : { transform: `translate(${x + numPx * 0.35} ${topH - 5}) rotate(-90)`, "text-anchor": "start" };
    content.appendChild(s("text", { ...colAttrs, class: "hm-label hm-col-label", "font-size": numPx, dataset: { n: String(i + 1), id: r.id } }, s("title", null, r.title), String(i + 1)));
  });

  const cells = [];
  for (let i = 0; i < n; i++) {
    const row = s("g", { role: "row" });
    g.appendChild(row);
    for (let j = 0; j < n; j++) {
      const v = Number(matrix[i][j]) || 0;
      const diag = i === j;
      const rect = s("rect", {
        x: j * cell,
        y: i * cell,
        width: cell - 1,
        height: cell - 1,
        rx: cell > 20 ? 3 : 1,
        class: ["hm-cell", diag && "is-diag"],
        fill: diag ? null : cellColour(fitted(v)),
        role: "gridcell",
        "aria-label": diag ? roles[i].title : `${roles[i].title} and ${roles[j].title}: ${pct(v)} overlap`,
        dataset: { i: String(i), j: String(j), value: v.toFixed(4) },
      });
      row.appendChild(rect);
      cells.push(rect);
      if (cell >= 30 && !diag) {
        row.appendChild(s("text", { x: j * cell + (cell - 1) / 2, y: i * cell + (cell - 1) / 2 + 4, "text-anchor": "middle", class: ["hm-value", fitted(v) > 0.55 && "on-dark"], "font-size": Math.min(12, cell * 0.34) }, Math.round(v * 100)));
      }
    }
  }
  if (top) {
    for (const [i, j] of [
      [top.i, top.j],
      [top.j, top.i],
    ]) {
      g.appendChild(s("rect", { x: j * cell - 1, y: i * cell - 1, width: cell + 1, height: cell + 1, class: "hm-top", rx: 2, dataset: { i: String(i), j: String(j) } }));
    }
  }
  const focusRing = s("rect", { class: "hm-focus", width: cell + 1, height: cell + 1, rx: 2, visibility: "hidden" });
  g.appendChild(focusRing);

  let cursor = top ? { i: top.i, j: top.j } : { i: 0, j: Math.min(1, n - 1) };
  const cellEl = (i, j) => g.querySelector(`.hm-cell[data-i="${i}"][data-j="${j}"]`);
  const moveTo = (i, j) => {
    cursor = { i: Math.max(0, Math.min(n - 1, i)), j: Math.max(0, Math.min(n - 1, j)) };
    focusRing.setAttribute("x", cursor.j * cell - 1);
    focusRing.setAttribute("y", cursor.i * cell - 1);
    focusRing.setAttribute("visibility", "visible");
    const v = Number(matrix[cursor.i][cursor.j]) || 0;
    showTipFor([`${roles[cursor.i].title} × ${roles[cursor.j].title}`, `${pct(v)} skill overlap`], focusRing);
  };
  g.addEventListener("mousemove", (e) => {
    const t = e.target;
    if (!t.classList || !t.classList.contains("hm-cell")) return hideTip();
    const i = Number(t.dataset.i);
    const j = Number(t.dataset.j);
    const v = Number(t.dataset.value);
    showTip(i === j ? [roles[i].title] : [`${roles[i].title} × ${roles[j].title}`, `${pct(v)} skill overlap (weighted Jaccard ${v.toFixed(2)})`, "Click for shared and unique skills"], e.clientX, e.clientY);
  });
  g.addEventListener("mouseleave", hideTip);
  g.addEventListener("click", (e) => {
    const t = e.target.closest ? e.target.closest(".hm-cell") : null;
    if (!t) return;
    const i = Number(t.dataset.i);
    const j = Number(t.dataset.j);
    hideTip();
    if (i !== j) onSelect(i, j, t);
  });
  svg.addEventListener("keydown", (e) => {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      moveTo(cursor.i + moves[e.key][0], cursor.j + moves[e.key][1]);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (cursor.i !== cursor.j) onSelect(cursor.i, cursor.j, cellEl(cursor.i, cursor.j));
    }
  });
  svg.addEventListener("focus", () => {
    if (svg.matches(":focus-visible")) moveTo(cursor.i, cursor.j);
  });
  svg.addEventListener("blur", () => {
    focusRing.setAttribute("visibility", "hidden");
    hideTip();
  });
  const pz = panZoom(svg, content, { label: "heatmap", arrows: false });
  const legend = h(
    "div",
    { class: "hm-legend", id: "hm-legend" },
    h("span", { class: "hm-lo" }, pct(lo)),
    h("span", { class: "hm-gradient", "aria-hidden": "true", style: { background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map(cellColour).join(",")})` } }),
    h("span", { class: "hm-hi" }, pct(hi)),
    h("span", { class: "muted" }, " of weighted skills shared; the scale runs from this set's lowest to its highest pair"),
  );
  const numbered = labels.some((l) => l.mode === "number");
  return {
    el: h(
      "div",
      { class: "figure" },
      h("div", { class: "figure-bar" }, legend, pz.controls),
      h("div", { class: "svg-frame" }, svg),
      h("details", { class: "num-legend-wrap", open: numbered || n <= 12 ? true : null }, h("summary", null, `Role numbers (the columns, and rows${numbered ? " shown by number" : ""})`), numberLegend(roles, { id: "hm-numbers" })),
    ),
    svg,
    pz,
    cellEl,
  };
}

function pairDetails(roles, i, j, net) {
  const a = roles[i];
  const b = roles[j];
  const skillsOf = (id) => new Map(net.edges.filter((e) => e.role === id).map((e) => [e.skill, e.weight]));
  const sa = skillsOf(a.id);
  const sb = skillsOf(b.id);
  const name = new Map(net.skills.map((sk) => [sk.id, sk.name]));
  const byName = (x, y) => (name.get(x) || x).localeCompare(name.get(y) || y);
  const shared = [...sa.keys()].filter((k) => sb.has(k)).sort(byName);
  const onlyA = [...sa.keys()].filter((k) => !sb.has(k)).sort(byName);
  const onlyB = [...sb.keys()].filter((k) => !sa.has(k)).sort(byName);
  const list = (ids, cls) => (ids.length ? h("ul", { class: ["chips", cls] }, ids.map((id) => h("li", null, entityLink(id, name.get(id) || id, { kind: "skill", className: "chip" })))) : h("p", { class: "muted" }, "None."));
  return h(
    "div",
    { class: "pair-details", id: "pair-details", dataset: { a: a.id, b: b.id } },
    h("h3", null, entityLink(a.id, a.title, { kind: "role" }), " × ", entityLink(b.id, b.title, { kind: "role" })),
    h("div", { class: "pair-cols" }, h("div", null, h("h4", null, `Shared (${shared.length})`), list(shared, "chips-shared")), h("div", null, h("h4", null, `Only ${a.title} (${onlyA.length})`), list(onlyA)), h("div", null, h("h4", null, `Only ${b.title} (${onlyB.length})`), list(onlyB))),
    h("p", null, h("a", { href: routeHref("path", null, { from: a.id, to: b.id }) }, `Career paths from ${a.title} to ${b.title}`)),
  );
}

async function groupOptions() {
  const [families, roles] = await Promise.all([get("/families").catch(() => null), get("/roles", { limit: 500 }).catch(() => null)]);
  const list = listOf(roles, "roles", "items", "results").map(roleOf);
  const uniq = (key) => [...new Set(list.map((r) => r[key]).filter(Boolean))].sort();
  return { family: listOf(families, "families", "items").map((f) => ({ value: f.id, label: f.name || f.id })), function: uniq("function").map((v) => ({ value: v, label: v })), level: uniq("level").map((v) => ({ value: v, label: v })) };
}

export async function render(root, route) {
  const roleParam = (route.params.get("roles") || "").split(",").map((x) => x.trim()).filter(Boolean);
  const group = GROUP_KEYS.find((k) => route.params.get(k));
  const query = group ? { [group]: route.params.get(group) } : roleParam.length ? { roles: roleParam } : null;
  const overlapReq = query ? get("/overlap", query).then((d) => ({ data: d }), (err) => ({ err })) : null;
  const optionsReq = groupOptions();

  // ---- the picker: chips + type-ahead, or a whole group
  const chosen = [...roleParam].map((id) => ({ id, name: id }));
  const chipList = h("ul", { class: "chips chip-input", "aria-label": "Chosen roles" });
  let showAll = false;
  const CHIPS_SHOWN = 12;
  const drawChips = () => {
    const visible = showAll ? chosen : chosen.slice(0, CHIPS_SHOWN);
    const more = chosen.length - visible.length;
    const items = [
      ...visible.map((c, idx) =>
        h(
          "li",
          null,
          h(
            "span",
            { class: "chip chip-removable" },
            c.name,
            h("button", { type: "button", class: "chip-x", "aria-label": `Remove ${c.name}`, onclick: () => { chosen.splice(idx, 1); drawChips(); picker.focus(); } }, "×"),
          ),
        ),
      ),
      more > 0 ? h("li", null, h("button", { type: "button", class: "chip chip-more", onclick: () => { showAll = true; drawChips(); } }, `+ ${more} more`)) : null,
      chosen.length > CHIPS_SHOWN && showAll ? h("li", null, h("button", { type: "button", class: "chip chip-more", onclick: () => { showAll = false; drawChips(); } }, "show fewer")) : null,
      chosen.length ? h("li", null, h("button", { type: "button", class: "chip chip-more", onclick: () => { chosen.splice(0); drawChips(); picker.focus(); } }, "clear all")) : null,
    ];
    chipList.replaceChildren(...items.filter(Boolean));
  };
  const picker = combobox({ id: "overlap-add", label: "Add a role", placeholder: "Type a role title…", onSelect: (hit) => { if (!chosen.some((c) => c.id === hit.id)) chosen.push({ id: hit.id, name: hit.name }); drawChips(); picker.set(null); picker.focus(); } });
  const groupSel = h("select", { id: "overlap-group-kind", "aria-label": "Group by" }, h("option", { value: "family" }, "Job family"), h("option", { value: "function" }, "Function"), h("option", { value: "level" }, "Level"));
  const groupVal = h("select", { id: "overlap-group-value", "aria-label": "Group" });
  const form = h(
    "div",
    { class: "overlap-pickers" },
    h(
      "form",
      { class: "toolbar", onsubmit: (e) => { e.preventDefault(); if (chosen.length < 2) { picker.focus(); return; } navigate(routeHref("overlap", null, { roles: chosen.map((c) => c.id) })); } },
      h("div", { class: "chip-field" }, picker.el, chipList),
      h("button", { type: "submit", class: "btn btn-primary" }, "Compare roles"),
    ),
    h(
      "form",
      { class: "toolbar toolbar-secondary", onsubmit: (e) => { e.preventDefault(); if (groupVal.value) navigate(routeHref("overlap", null, { [groupSel.value]: groupVal.value })); } },
      h("span", { class: "or" }, "or everyone in a"),
      groupSel,
      groupVal,
      h("button", { type: "submit", class: "btn" }, "Compare group"),
    ),
  );
  root.append(h("header", { class: "page-head" }, h("p", { class: "eyebrow" }, "Skill overlap"), h("h1", null, "Compare skills across roles"), h("p", { class: "lede" }, "How much do these roles ask for the same skills? Darker cells share more. Click a cell for the shared and unique skills of that pair.")), form);

  const options = await optionsReq;
  const fillGroup = () => {
    const opts = options[groupSel.value] || [];
    groupVal.replaceChildren(...(opts.length ? opts.map((o) => h("option", { value: o.value, selected: group === groupSel.value && route.params.get(group) === o.value }, o.label)) : [h("option", { value: "" }, "none available")]));
  };
  if (group) groupSel.value = group;
  groupSel.addEventListener("change", fillGroup);
  fillGroup();

  if (!overlapReq) {
    drawChips();
    root.append(empty("Pick at least two roles, or a whole group.", "Add roles one by one with the box above, or choose a job family, function or level and press Compare group."));
    return;
  }
  const { data, err } = await overlapReq;
  if (err) {
    drawChips();
    root.append(errorBox(err, h("p", null, "Remove the role that was not found, or pick roles from the suggestions.")));
    return;
  }
  const { roles, matrix } = normalizeOverlap(data);
  if (!group) {
    chosen.splice(0, chosen.length, ...roles.map((r) => ({ id: r.id, name: r.title })));
  }
  drawChips();
  if (roles.length < 2) {
    root.append(empty("There is only one role to compare here.", "Add another role, or choose a bigger group."));
    return;
  }
  const pairs = rankedPairs(matrix);
  const top = pairs[0];
  const net = await get("/layout/role-skills", { roles: roles.map((r) => r.id) }).catch(() => ({ roles: roles.map((r) => ({ id: r.id, title: r.title })), skills: [], edges: [] }));
  // The pair's details open as a panel next to the cell (or list entry) that was picked, inside the viewport.
  const pop = h("div", { class: "pair-pop", id: "pair-pop", role: "dialog", "aria-label": "Pair details", hidden: true });
  const closePop = () => {
    pop.hidden = true;
    for (const el of root.querySelectorAll(".hm-cell.is-selected")) el.classList.remove("is-selected");
  };
  const select = (i, j, anchor) => {
    const close = h("button", { type: "button", class: "icon-btn pop-close", "aria-label": "Close the pair details", onclick: closePop }, "×");
    pop.replaceChildren(close, pairDetails(roles, i, j, net));
    pop.hidden = false;
    for (const el of root.querySelectorAll(".hm-cell.is-selected")) el.classList.remove("is-selected");
    for (const el of root.querySelectorAll(`.hm-cell[data-i="${i}"][data-j="${j}"], .hm-cell[data-i="${j}"][data-j="${i}"]`)) el.classList.add("is-selected");
    placeNear(pop, anchor || hm.cellEl(i, j), root);
    close.focus({ preventScroll: true });
  };
  pop.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closePop();
  });
  const hm = heatmap(roles, matrix, { onSelect: select, top });

  const topList = h(
    "ol",
    { class: "top-pairs", id: "top-pairs", "aria-label": "Pairs with the most overlap, highest first" },
    pairs.slice(0, 10).map((p, idx) =>
      h(
        "li",
        { class: idx === 0 ? "is-top" : null, dataset: { a: roles[p.i].id, b: roles[p.j].id, value: p.v.toFixed(4) } },
        h("span", { class: "rank", "aria-hidden": "true" }, idx === 0 ? "★" : `${idx + 1}.`),
        h("button", { type: "button", class: "linklike", onclick: (e) => select(p.i, p.j, e.currentTarget) }, h("span", { class: "pair-a" }, roles[p.i].title), " × ", h("span", { class: "pair-b" }, roles[p.j].title)),
        h("span", { class: "score" }, pct(p.v)),
      ),
    ),
  );
  root.append(
    h(
      "p",
      { class: "highlight-pair", id: "highest-pair" },
      "Highest overlap: ",
      h("strong", null, roles[top.i].title),
      " and ",
      h("strong", null, roles[top.j].title),
      ` share ${pct(top.v)} of their skills (outlined in the heatmap).`,
    ),
    correctionNote(data) || "",
    dataLinks("/overlap", query),
    h(
      "div",
      { class: ["grid-2", "overlap-grid", roles.length > 12 && "is-stacked"] },
      h("div", { class: "col-main" }, card(`Heatmap · ${roles.length} × ${roles.length}`, hm.el, { id: "heatmap-card" })),
      h("div", { class: "col-side" }, card("Most similar pairs", topList, { id: "pairs-card" }), h("p", { class: "muted pair-hint" }, "Tap a cell, or a pair above, to see what the two roles share.")),
    ),
    card("Roles × skills", roleSkillMatrix(roles, net, figureWidth(99)), { id: "matrix-card" }),
    pop,
  );
  hm.pz.fit(4);
}

/** Put `pop` just below (or above) `anchor`, within the view and the viewport; scroll only if it must. */
function placeNear(pop, anchor, root) {
  if (!anchor) return;
  const box = root.getBoundingClientRect();
  const a = anchor.getBoundingClientRect();
  const width = Math.min(440, box.width);
  pop.style.width = `${width}px`;
  const left = Math.max(0, Math.min(a.left + a.width / 2 - width / 2 - box.left, box.width - width));
  pop.style.left = `${left}px`;
  pop.style.maxHeight = `${Math.max(200, Math.round(window.innerHeight * 0.6))}px`;
  const height = pop.getBoundingClientRect().height;
  const below = window.innerHeight - a.bottom - 8;
  const above = a.top - 8 - (document.querySelector(".topbar")?.getBoundingClientRect().bottom || 0);
  const placeAbove = below < height && above >= height;
  const top = placeAbove ? a.top - box.top - height - 6 : a.bottom - box.top + 6;
  pop.style.top = `${top}px`;
  const r = pop.getBoundingClientRect();
  if (r.bottom > window.innerHeight - 4) window.scrollBy(0, r.bottom - window.innerHeight + 8);
}
