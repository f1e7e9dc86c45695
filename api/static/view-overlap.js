// Skill overlap explorer: a heatmap of pairwise overlap and the role–skill network behind it.

import { get } from "./api.js";
import { combobox } from "./combobox.js";
import { card, empty, errorBox, h, pct, s, uid } from "./dom.js";
import { panZoom } from "./panzoom.js";
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
function cellColour(v) {
  const t = Math.max(0, Math.min(1, v));
  const l = 97 - t * 62;
  const c = 0.02 + t * 0.13;
  return `oklch(${l}% ${c} 255)`;
}

function short(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function heatmap(roles, matrix, { onSelect, top }) {
  const n = roles.length;
  const mainWidth = document.getElementById("main")?.clientWidth || 900;
  const narrow = mainWidth < 640;
  const avail = narrow ? Math.max(200, mainWidth - 160) : Math.min(760, Math.max(260, mainWidth - 320));
  const cell = Math.max(12, Math.min(72, Math.floor(avail / n)));
  const font = Math.max(9, Math.min(13, Math.round(cell * 0.62)));
  const maxChars = narrow ? 16 : n > 30 ? 26 : 34;
  const left = Math.min(240, Math.round(font * 0.58 * Math.max(...roles.map((r) => short(r.title, maxChars).length))) + 14);
  const rotate = cell < 22 ? -90 : -45;
  const topH = Math.round(rotate === -90 ? left : left * 0.74) + 8;
  const width = left + n * cell + 16;
  const height = topH + n * cell + 8;
  const titleId = uid("hm");
  const svg = s("svg", { class: "heatmap", viewBox: `0 0 ${width} ${height}`, width, height, role: "grid", "aria-labelledby": titleId, "aria-describedby": `${titleId}-d`, dataset: { size: String(n), cell: String(cell) } });
  svg.appendChild(s("title", { id: titleId }, `Skill overlap of ${n} roles`));
  svg.appendChild(s("desc", { id: `${titleId}-d` }, "Arrow keys move between cells, Enter shows the shared and unique skills of the pair, + and − zoom."));
  const content = s("g", { class: "hm-content" });
  svg.appendChild(content);
  const g = s("g", { transform: `translate(${left} ${topH})` });
  content.appendChild(g);

  roles.forEach((r, i) => {
    const label = short(r.title, maxChars);
    content.appendChild(s("text", { x: left - 6, y: topH + i * cell + cell / 2 + font * 0.35, "text-anchor": "end", class: "hm-label hm-row-label", "font-size": font, dataset: { id: r.id } }, s("title", null, r.title), label));
    const x = left + i * cell + cell / 2;
    content.appendChild(s("text", { transform: `translate(${x + font * 0.35} ${topH - 6}) rotate(${rotate})`, "text-anchor": "start", class: "hm-label hm-col-label", "font-size": font }, s("title", null, r.title), label));
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
        fill: diag ? null : cellColour(v),
        role: "gridcell",
        "aria-label": diag ? roles[i].title : `${roles[i].title} and ${roles[j].title}: ${pct(v)} overlap`,
        dataset: { i: String(i), j: String(j), value: v.toFixed(4) },
      });
      row.appendChild(rect);
      cells.push(rect);
      if (cell >= 30 && !diag) {
        row.appendChild(s("text", { x: j * cell + (cell - 1) / 2, y: i * cell + (cell - 1) / 2 + 4, "text-anchor": "middle", class: ["hm-value", v > 0.55 && "on-dark"], "font-size": Math.min(12, cell * 0.34) }, Math.round(v * 100)));
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
    if (i !== j) onSelect(i, j);
  });
  svg.addEventListener("keydown", (e) => {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      moveTo(cursor.i + moves[e.key][0], cursor.j + moves[e.key][1]);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (cursor.i !== cursor.j) onSelect(cursor.i, cursor.j);
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
    { class: "hm-legend", "aria-hidden": "true" },
    h("span", null, "0%"),
    h("span", { class: "hm-gradient", style: { background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map(cellColour).join(",")})` } }),
    h("span", null, "100% shared"),
  );
  return { el: h("div", { class: "figure" }, h("div", { class: "figure-bar" }, legend, pz.controls), h("div", { class: "svg-frame" }, svg)), svg, pz };
}

function network(data, order) {
  const rank = new Map(order.map((id, i) => [id, i]));
  const roles = [...data.roles].sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
  const many = data.skills.length > 70;
  const bySkill = new Map();
  for (const e of data.edges) {
    if (!bySkill.has(e.skill)) bySkill.set(e.skill, []);
    bySkill.get(e.skill).push(e);
  }
  // first pass: roles evenly spaced, skills in the order of their roles' mean position (fewer crossings)
  const rowR = 24;
  const provisional = new Map(roles.map((r, i) => [r.id, i]));
  const skills = data.skills.map((sk) => {
    const ys = (bySkill.get(sk.id) || []).map((e) => provisional.get(e.role));
    return { ...sk, bary: ys.reduce((a, b) => a + b, 0) / Math.max(1, ys.length) };
  });
  skills.sort((a, b) => a.bary - b.bary || b.roles - a.roles);
  // shared skills get a full row; skills of one role are packed (and unlabelled when there are many)
  let y = 0;
  const slots = skills.map((sk) => {
    const step = sk.roles > 1 ? 20 : many ? 7 : 15;
    const at = y + step / 2;
    y += step;
    return at;
  });
  const top = 34;
  const span = Math.max(y, (roles.length - 1) * rowR);
  const stretch = y > 0 ? span / y : 1;
  const skillY = new Map(skills.map((sk, i) => [sk.id, top + slots[i] * stretch]));
  const roleGap = roles.length > 1 ? Math.min(48, span / (roles.length - 1)) : 0;
  const roleTop = top + (span - roleGap * (roles.length - 1)) / 2;
  const roleY = new Map(roles.map((r, i) => [r.id, roleTop + i * roleGap]));
  const height = span + top + 24;
  const xRole = 250;
  const xSkill = 640;
  const width = 900;
  const svg = s("svg", { class: "network", viewBox: `0 0 ${width} ${Math.min(height, 620)}`, dataset: { roles: String(roles.length), skills: String(skills.length) }, role: "img", "aria-label": `Network of ${roles.length} roles and ${skills.length} skills; bigger skills are shared by more roles` });
  const content = s("g");
  svg.appendChild(content);
  const edges = s("g", { class: "net-edges" });
  content.appendChild(edges);
  for (const e of data.edges) {
    const y1 = roleY.get(e.role);
    const y2 = skillY.get(e.skill);
    if (y1 === undefined || y2 === undefined) continue;
    const mid = (xRole + xSkill) / 2;
    edges.appendChild(s("path", { d: `M${xRole + 6},${y1} C${mid},${y1} ${mid},${y2} ${xSkill - 6},${y2}`, class: "net-edge", "stroke-width": 0.6 + 1.6 * (e.weight ?? 1), dataset: { role: e.role, skill: e.skill } }));
  }
  const maxDeg = Math.max(1, ...skills.map((sk) => sk.roles));
  const highlight = (attr, id) => {
    svg.classList.toggle("has-focus", Boolean(id));
    for (const p of edges.children) p.classList.toggle("is-on", Boolean(id) && p.dataset[attr] === id);
  };
  for (const r of roles) {
    const y = roleY.get(r.id);
    const node = s("a", { href: routeHref("role", r.id), class: "net-node net-role", "aria-label": r.title }, s("circle", { cx: xRole, cy: y, r: 6 }), s("text", { x: xRole - 12, y: y + 4, "text-anchor": "end" }, short(r.title, 34)), s("title", null, r.title));
    node.addEventListener("mouseenter", () => highlight("role", r.id));
    node.addEventListener("mouseleave", () => highlight("role", null));
    node.addEventListener("focus", () => highlight("role", r.id));
    node.addEventListener("blur", () => highlight("role", null));
    content.appendChild(node);
  }
  for (const sk of skills) {
    const y = skillY.get(sk.id);
    const shared = sk.roles > 1;
    const rad = 3 + 7 * Math.sqrt(sk.roles / maxDeg);
    const showLabel = !many || shared;
    const node = s(
      "a",
      { href: routeHref("skill", sk.id), class: ["net-node", "net-skill", shared && "is-shared"], "aria-label": `${sk.name}: required by ${sk.roles} of these roles`, dataset: { roles: String(sk.roles) } },
      s("circle", { cx: xSkill, cy: y, r: rad }),
      showLabel ? s("text", { x: xSkill + rad + 6, y: y + 4, "font-size": shared ? 12 + Math.min(3, sk.roles - 2) : 11 }, sk.name, shared ? ` (${sk.roles})` : "") : null,
      s("title", null, `${sk.name}: ${sk.roles} role${sk.roles === 1 ? "" : "s"}`),
    );
    node.addEventListener("mouseenter", () => highlight("skill", sk.id));
    node.addEventListener("mouseleave", () => highlight("skill", null));
    node.addEventListener("focus", () => highlight("skill", sk.id));
    node.addEventListener("blur", () => highlight("skill", null));
    content.appendChild(node);
  }
  content.appendChild(s("text", { x: xRole, y: 14, "text-anchor": "end", class: "net-col-head" }, "Roles"));
  content.appendChild(s("text", { x: xSkill, y: 14, class: "net-col-head" }, "Skills (role count)"));
  const pz = panZoom(svg, content, { label: "network" });
  const legend = h("p", { class: "figure-note" }, "Circle size and the number in brackets = how many of these roles need the skill. ", many ? "Only skills shared by two or more roles are labelled; hover a dot for its name." : "", " Hover a node to trace its lines.");
  return { el: h("div", { class: "figure" }, h("div", { class: "figure-bar" }, legend, pz.controls), h("div", { class: "svg-frame tall" }, svg)), svg, pz };
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
  const detailSlot = h("div", { class: "detail-slot", "aria-live": "polite" });
  const select = (i, j) => {
    detailSlot.replaceChildren(pairDetails(roles, i, j, net));
    for (const el of root.querySelectorAll(".hm-cell.is-selected")) el.classList.remove("is-selected");
    for (const el of root.querySelectorAll(`.hm-cell[data-i="${i}"][data-j="${j}"], .hm-cell[data-i="${j}"][data-j="${i}"]`)) el.classList.add("is-selected");
  };
  const hm = heatmap(roles, matrix, { onSelect: select, top });

  const topList = h(
    "ol",
    { class: "top-pairs", id: "top-pairs", "aria-label": "Pairs with the most overlap, highest first" },
    pairs.slice(0, 10).map((p, idx) =>
      h(
        "li",
        { class: idx === 0 ? "is-top" : null, dataset: { a: roles[p.i].id, b: roles[p.j].id, value: p.v.toFixed(4) } },
        h("span", { class: "rank", "aria-hidden": "true" }, idx === 0 ? "★" : `${idx + 1}.`),
        h("button", { type: "button", class: "linklike", onclick: () => select(p.i, p.j) }, h("span", { class: "pair-a" }, roles[p.i].title), " × ", h("span", { class: "pair-b" }, roles[p.j].title)),
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
    h(
      "div",
      { class: "grid-2 overlap-grid" },
      h("div", { class: "col-main" }, card(`Heatmap · ${roles.length} × ${roles.length}`, hm.el, { id: "heatmap-card" })),
      h("div", { class: "col-side" }, card("Most similar pairs", topList, { id: "pairs-card" }), card("Pair details", detailSlot, { id: "pair-card" })),
    ),
  );
  detailSlot.append(h("p", { class: "muted" }, "Click a cell (or press Enter on it) to see what a pair shares."));
  const nw = network(net, roles.map((r) => r.id));
  root.append(card("Role–skill network", nw.el, { id: "network-card" }));
  hm.pz.fit(4);
  nw.pz.fit(8);
}
