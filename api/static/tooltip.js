// One floating tooltip for the whole page; content is built with h() (text only).

import { h } from "./dom.js";

let el = null;

function tip() {
  if (!el) el = document.getElementById("tooltip") || document.body.appendChild(h("div", { class: "tooltip", role: "tooltip", hidden: true }));
  return el;
}

/** Show `content` (a Node, or lines of text) near the point (x, y) in viewport coordinates. */
export function showTip(content, x, y) {
  const t = tip();
  t.replaceChildren();
  if (Array.isArray(content)) content.forEach((line, i) => t.appendChild(h("div", { class: i ? "tip-line" : "tip-head" }, line)));
  else if (content instanceof Node) t.appendChild(content);
  else t.appendChild(document.createTextNode(String(content)));
  t.hidden = false;
  const pad = 12;
  const { width, height } = t.getBoundingClientRect();
  let left = x + pad;
  let top = y + pad;
  if (left + width > window.innerWidth - 4) left = Math.max(4, x - width - pad);
  if (top + height > window.innerHeight - 4) top = Math.max(4, y - height - pad);
  t.style.left = `${left}px`;
  t.style.top = `${top}px`;
}

/** Show the tooltip next to an element (for keyboard focus). */
export function showTipFor(content, target) {
  const r = target.getBoundingClientRect();
  showTip(content, r.left, r.bottom);
}

export function hideTip() {
  if (el) el.hidden = true;
}
