// Role titles as SVG labels that are never cut: the whole title on one line, wrapped on word boundaries
// when a row is tall enough, or else the role's number, spelled out in a numbered legend beside the drawing.

import { h, s } from "./dom.js";

let ctx = null;

/** The width in px of `text` at `px` in the page's font (canvas measureText; no layout needed). */
export function textWidth(text, px, weight = 400) {
  if (!ctx) ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `${weight} ${px}px ${getComputedStyle(document.body).fontFamily}`;
  return ctx.measureText(String(text)).width;
}

/** Greedy word wrap of `text` into lines no wider than `width` px (a single long word stays whole). */
export function wrapWidth(text, px, width) {
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, px) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * How each title is shown in rows of height `rowH`, within `budget` px: {lines, mode: "full"|"wrap"|"number", width}.
 * A title fits on one line, or wraps into as many lines as the row holds, or is shown by its number.
 */
export function rowLabels(titles, { px, rowH, budget }) {
  const maxLines = Math.max(1, Math.floor(rowH / (px * 1.12)));
  return titles.map((title, i) => {
    const w = textWidth(title, px);
    if (w <= budget) return { lines: [title], mode: "full", width: w };
    const lines = wrapWidth(title, px, budget);
    const width = Math.max(...lines.map((l) => textWidth(l, px)));
    if (lines.length <= maxLines && width <= budget) return { lines, mode: "wrap", width };
    return { lines: [String(i + 1)], mode: "number", width: textWidth(String(i + 1), px) };
  });
}

/** A right-aligned row label ending at x, centred on y: one <text> with a <tspan> per line (empty when the
 * row is shown by its number alone: the drawing prints the numbers, the legend the titles). */
export function rowLabelSvg(label, title, { x, y, px, cls, id, n }) {
  const lh = px * 1.12;
  const top = y - ((label.lines.length - 1) * lh) / 2 + px * 0.35;
  return s(
    "text",
    { x, y: top, "text-anchor": "end", class: cls, "font-size": px, dataset: { id, title, mode: label.mode, n: String(n) } },
    s("title", null, title),
    label.mode === "number" ? null : label.lines.map((line, k) => s("tspan", { x, dy: k ? lh : 0 }, line)),
  );
}

/** The numbered legend: "1. Manager, Infrastructure (Production Engineering)" for every role. */
export function numberLegend(roles, { id } = {}) {
  return h(
    "ol",
    { class: "num-legend", id, "aria-label": "Numbers used in the drawing" },
    roles.map((r, i) => h("li", { dataset: { n: String(i + 1), id: r.id } }, h("span", { class: "num" }, `${i + 1}`), " ", r.title)),
  );
}
