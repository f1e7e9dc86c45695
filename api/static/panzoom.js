// Pan and zoom for an SVG: wheel, drag, buttons, and + / - / 0 / arrow keys when the drawing has focus.

import { h } from "./dom.js";

/**
 * @param {SVGSVGElement} svg  has a viewBox; receives focus (tabindex=0) for the keyboard
 * @param {SVGGElement} content  the group that is transformed
 * @returns {{controls: HTMLElement, fit: Function, zoomBy: Function, reset: Function, state: object}}
 */
export function panZoom(svg, content, { min = 0.15, max = 8, label = "drawing", arrows = true } = {}) {
  const state = { x: 0, y: 0, k: 1 };
  const home = { x: 0, y: 0, k: 1 };
  let drag = null;
  let suppressClick = false;

  function apply() {
    content.setAttribute("transform", `translate(${state.x.toFixed(2)} ${state.y.toFixed(2)}) scale(${state.k.toFixed(4)})`);
    svg.dataset.zoom = state.k.toFixed(3);
  }

  function toView(clientX, clientY) {
    const ctm = svg.getScreenCTM();
    if (!ctm) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  }

  function viewCentre() {
    const vb = svg.viewBox.baseVal;
    return { x: vb.x + vb.width / 2, y: vb.y + vb.height / 2 };
  }

  function zoomBy(factor, at = viewCentre()) {
    const k = Math.min(max, Math.max(min, state.k * factor));
    const f = k / state.k;
    state.x = at.x - (at.x - state.x) * f;
    state.y = at.y - (at.y - state.y) * f;
    state.k = k;
    apply();
  }

  function panBy(dx, dy) {
    state.x += dx;
    state.y += dy;
    apply();
  }

  /** Fit the content's bounding box into the view (never zooming in beyond 1.5×). */
  function fit(padding = 16) {
    const vb = svg.viewBox.baseVal;
    let box;
    try {
      box = content.getBBox();
    } catch {
      return;
    }
    if (!box.width || !box.height) return;
    const k = Math.min(1.5, (vb.width - 2 * padding) / box.width, (vb.height - 2 * padding) / box.height);
    state.k = Math.max(min, k);
    state.x = vb.x + (vb.width - box.width * state.k) / 2 - box.x * state.k;
    state.y = vb.y + (vb.height - box.height * state.k) / 2 - box.y * state.k;
    Object.assign(home, state);
    apply();
  }

  function reset() {
    Object.assign(state, home);
    apply();
  }

  svg.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      zoomBy(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), toView(e.clientX, e.clientY));
    },
    { passive: false },
  );
  svg.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    const p = toView(e.clientX, e.clientY);
    drag = { x: p.x, y: p.y, sx: state.x, sy: state.y, cx: e.clientX, cy: e.clientY, moved: false, id: e.pointerId };
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.cx, e.clientY - drag.cy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      svg.setPointerCapture(e.pointerId);
      svg.classList.add("dragging");
    }
    const p = toView(e.clientX, e.clientY);
    state.x = drag.sx + (p.x - drag.x);
    state.y = drag.sy + (p.y - drag.y);
    apply();
  });
  const end = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (drag.moved) suppressClick = true;
    drag = null;
    svg.classList.remove("dragging");
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
  svg.addEventListener(
    "click",
    (e) => {
      if (suppressClick) {
        e.stopPropagation();
        e.preventDefault();
        suppressClick = false;
      }
    },
    true,
  );
  svg.setAttribute("tabindex", svg.getAttribute("tabindex") || "0");
  svg.addEventListener("keydown", (e) => {
    if (e.target !== svg) return;
    const step = 40;
    const keys = {
      "+": () => zoomBy(1.25),
      "=": () => zoomBy(1.25),
      "-": () => zoomBy(0.8),
      _: () => zoomBy(0.8),
      0: () => reset(),
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
    };
    if (!arrows && e.key.startsWith("Arrow")) return;
    if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      keys[e.key]();
    }
  });

  const controls = h(
    "div",
    { class: "zoom-controls", role: "group", "aria-label": `Zoom the ${label}` },
    h("button", { type: "button", class: "icon-btn", "aria-label": "Zoom in", title: "Zoom in (+)", onclick: () => zoomBy(1.25) }, "+"),
    h("button", { type: "button", class: "icon-btn", "aria-label": "Zoom out", title: "Zoom out (−)", onclick: () => zoomBy(0.8) }, "−"),
    h("button", { type: "button", class: "icon-btn wide", "aria-label": "Fit to view", title: "Fit (0)", onclick: () => reset() }, "Fit"),
  );
  apply();
  return { controls, fit, zoomBy, panBy, reset, state };
}
