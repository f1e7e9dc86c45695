// Weighted skill / KPI rows with their evidence: hover or focus shows it, click keeps it open.

import { h, uid } from "./dom.js";
import { entityLink } from "./router.js";
import { hideTip, showTipFor } from "./tooltip.js";

export const METHOD_TEXT = {
  stated: "stated in the document",
  extracted: "extracted from the text",
  inferred: "inferred by a rule",
};

const PLACE_FIELDS = ["page", "paragraph", "sheet", "row", "column"];

/** The evidence of an item or step, whatever the field names: {source, line, place, sentence, method, confidence}.
 * ``place`` is the API's place in words ("page 3, paragraph 2", "sheet Matrix, row 4, column C"); ``binary``
 * says whether it names more than a line (a page, a sheet, a cell). */
export function evidenceOf(x) {
  const ev = (x && (x.evidence && typeof x.evidence === "object" ? x.evidence : x)) || {};
  const sentence = ev.sentence || (typeof ev.evidence === "string" ? ev.evidence : null) || (typeof x?.evidence === "string" ? x.evidence : null);
  if (!ev.source && !sentence) return null;
  const binary = PLACE_FIELDS.some((name) => ev[name] !== null && ev[name] !== undefined);
  return {
    source: ev.source || null,
    line: ev.line || null,
    place: typeof ev.place === "string" ? ev.place : "",
    binary,
    sentence,
    method: ev.method || x?.method || "stated",
    confidence: ev.confidence,
  };
}

/** Where the evidence is: ``file:line`` for text formats, ``file (page 3, paragraph 2)`` for binary ones. */
export function whereText(ev) {
  if (!ev || !ev.source) return "no source file";
  if (ev.binary && ev.place) return `${ev.source} (${ev.place})`;
  return ev.line ? `${ev.source}:${ev.line}` : ev.source;
}

export function methodBadge(method) {
  const m = method || "stated";
  return h("span", { class: `method method-${m}`, title: METHOD_TEXT[m] || m }, m);
}

/** The evidence as a block: the sentence, then the file and place and the method in words. */
export function evidenceBlock(ev) {
  if (!ev) return h("p", { class: "evidence-none" }, "No sentence recorded for this fact.");
  return h(
    "div",
    { class: "evidence" },
    ev.sentence ? h("blockquote", null, ev.sentence) : null,
    h("p", { class: "evidence-meta" }, h("code", null, whereText(ev)), " · ", METHOD_TEXT[ev.method] || ev.method, ev.confidence != null && ev.confidence < 1 ? ` · confidence ${Number(ev.confidence).toFixed(2)}` : ""),
  );
}

function tipContent(name, ev) {
  return h("div", null, h("div", { class: "tip-head" }, name), evidenceBlock(ev));
}

function weightMeter(weight) {
  if (weight === null || weight === undefined) return null;
  const w = Math.max(0, Math.min(1, Number(weight)));
  return h(
    "span",
    { class: "meter", title: `weight ${w.toFixed(2)}` },
    h("span", { class: "meter-bar", "aria-hidden": "true" }, h("span", { class: "meter-fill", style: { width: `${Math.round(w * 100)}%` } })),
    h("span", { class: "meter-text" }, w.toFixed(1)),
  );
}

/** One skill or KPI row: link, weight, method and an evidence disclosure. */
export function itemRow(item, kind) {
  const ev = evidenceOf(item);
  const name = item.name || item.id;
  const panelId = uid("ev");
  const panel = h("div", { id: panelId, class: "item-evidence", hidden: true }, evidenceBlock(ev));
  const button = h(
    "button",
    {
      type: "button",
      class: "ev-btn",
      "aria-expanded": "false",
      "aria-controls": panelId,
      "aria-label": `Evidence for ${name}`,
      onclick: () => {
        const open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        panel.hidden = !open;
        hideTip();
      },
      onfocus: () => showTipFor(tipContent(name, ev), button),
      onblur: hideTip,
    },
    h("span", { "aria-hidden": "true", class: "ev-icon" }, "❝"),
    h("span", { class: "ev-text" }, "evidence"),
  );
  const row = h(
    "li",
    { class: "item-row", dataset: { id: item.id || "" } },
    h("div", { class: "item-line" }, entityLink(item.id, name, { kind }), weightMeter(item.weight), ev ? methodBadge(ev.method) : null, button),
    panel,
  );
  row.addEventListener("mouseenter", () => {
    if (panel.hidden) showTipFor(tipContent(name, ev), row.querySelector(".item-line"));
  });
  row.addEventListener("mouseleave", hideTip);
  return row;
}
