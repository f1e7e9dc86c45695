// The role × skill matrix of the overlap view: rows are the roles in the heatmap's cluster order, columns
// the skills sorted by how many of these roles need them, each cell shaded by the skill's weight.

import { h, s, uid } from "./dom.js";
import { numberLegend, rowLabels, rowLabelSvg, textWidth } from "./role-labels.js";
import { routeHref } from "./router.js";
import { hideTip, showTipFor } from "./tooltip.js";

export const MAX_COLUMNS = 80;

/** Columns: skills by role count (most first), then name; single-role skills dropped past MAX_COLUMNS. */
export function matrixColumns(skills) {
  const sorted = [...skills].sort((a, b) => b.roles - a.roles || a.name.localeCompare(b.name));
  if (sorted.length <= MAX_COLUMNS) return { columns: sorted, left: 0 };
  const shared = sorted.filter((sk) => sk.roles > 1).slice(0, MAX_COLUMNS);
  return { columns: shared, left: sorted.length - shared.length };
}

export function roleSkillMatrix(roles, net, { width: frameW, narrow }) {
  const { columns, left: leftOut } = matrixColumns(net.skills);
  const weight = new Map(net.edges.map((e) => [`${e.role}|${e.skill}`, e.weight ?? 1]));
  const px = 12;
  const col = narrow ? 18 : 20;
  const row = narrow ? 28 : 24;
  const labels = rowLabels(roles.map((r) => r.title), { px, rowH: row, budget: narrow ? frameW * 0.42 : 340 });
  const numW = textWidth(String(roles.length), 11, 600) + 6;
  const leftW = Math.ceil(Math.max(...labels.map((l) => l.width)) + numW + 12);
  const colPx = 11;
  const angle = 55;
  const nameW = Math.max(...columns.map((c) => textWidth(`${c.name} (${c.roles})`, colPx, c.roles > 1 ? 600 : 400)));
  const topH = Math.ceil(nameW * Math.sin((angle * Math.PI) / 180) + colPx + 12);
  const rightPad = Math.ceil(nameW * Math.cos((angle * Math.PI) / 180) + colPx + 8);
  const width = leftW + columns.length * col + rightPad;
  const height = topH + roles.length * row + 6;
  const titleId = uid("rsm");
  const svg = s("svg", { class: "rs-matrix", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": titleId, dataset: { roles: String(roles.length), columns: String(columns.length) } });
  svg.appendChild(s("title", { id: titleId }, `${roles.length} roles × ${columns.length} skills; darker cells weigh more for the role`));
  roles.forEach((r, i) => {
    const y = topH + i * row + row / 2;
    const g = s("g", { class: "rs-row", dataset: { id: r.id } });
    g.appendChild(rowLabelSvg(labels[i], r.title, { x: leftW - numW - 6, y, px, cls: "rs-label rs-row-label", id: r.id, n: i + 1 }));
    g.appendChild(s("text", { x: leftW - 5, y: y + 4, "text-anchor": "end", class: "hm-num", "font-size": 11 }, String(i + 1)));
    if (i % 2) g.appendChild(s("rect", { x: leftW, y: topH + i * row, width: columns.length * col, height: row, class: "rs-band" }));
    columns.forEach((c, j) => {
      const w = weight.get(`${r.id}|${c.id}`);
      if (w === undefined) return;
      g.appendChild(s("rect", { x: leftW + j * col + 2, y: topH + i * row + 3, width: col - 4, height: row - 6, rx: 2, class: "rs-cell", "fill-opacity": (0.2 + 0.8 * w).toFixed(2), tabindex: "0", dataset: { role: r.id, skill: c.id, weight: String(w) }, "aria-label": `${r.title} needs ${c.name}, weight ${w.toFixed(2)}` }));
    });
    svg.appendChild(g);
  });
  columns.forEach((c, j) => {
    const x = leftW + j * col + col / 2 + 4;
    svg.appendChild(
      s(
        "a",
        { href: routeHref("skill", c.id), class: "rs-col" },
        s("text", { transform: `translate(${x} ${topH - 6}) rotate(-${angle})`, class: ["rs-label", "rs-col-label", c.roles > 1 && "is-shared"], "font-size": colPx, dataset: { id: c.id, roles: String(c.roles), title: `${c.name} (${c.roles})` } }, `${c.name} (${c.roles})`),
      ),
    );
  });
  const tip = (cellEl) => {
    const role = roles.find((r) => r.id === cellEl.dataset.role);
    const skill = columns.find((c) => c.id === cellEl.dataset.skill);
    showTipFor([`${role.title} × ${skill.name}`, `weight ${Number(cellEl.dataset.weight).toFixed(2)} · needed by ${skill.roles} of these roles`], cellEl);
  };
  svg.addEventListener("click", (e) => {
    const c = e.target.closest && e.target.closest(".rs-cell");
    if (c) tip(c);
  });
  svg.addEventListener("mouseover", (e) => {
    const c = e.target.closest && e.target.closest(".rs-cell");
    if (c) tip(c);
    else hideTip();
  });
  svg.addEventListener("focusin", (e) => e.target.classList.contains("rs-cell") && tip(e.target));
  svg.addEventListener("mouseleave", hideTip);
  const note = h(
    "p",
    { class: "figure-note" },
    "Rows in the heatmap's order (similar roles together); columns by how many of these roles need the skill (the number in brackets). Darker = a heavier requirement: ",
    h("span", { class: "rs-key", style: { opacity: "0.36" } }),
    " 0.2 … ",
    h("span", { class: "rs-key" }),
    " 1.0.",
    leftOut ? ` ${leftOut} skills that only one role needs are left out.` : "",
  );
  const numbered = labels.some((l) => l.mode === "number");
  return h("div", { class: "figure" }, note, h("div", { class: "svg-frame scroll-x" }, svg), numbered ? numberLegend(roles, { id: "rs-numbers" }) : null);
}
