// Small DOM helpers. Text always goes in as text nodes: nothing here parses HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(el, child) {
  if (child === null || child === undefined || child === false || child === true) return;
  if (Array.isArray(child)) {
    for (const c of child) append(el, c);
  } else if (child instanceof Node) {
    el.appendChild(child);
  } else {
    el.appendChild(document.createTextNode(String(child)));
  }
}

function setAttrs(el, attrs, isSvg) {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "class") {
      el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else if (key === "style" && typeof value === "object") {
      for (const [prop, v] of Object.entries(value)) el.style.setProperty(prop, v);
    } else if (key === "dataset") {
      for (const [k, v] of Object.entries(value)) el.dataset[k] = v;
    } else if (!isSvg && (key === "value" || key === "checked" || key === "selected")) {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

/** An HTML element: h("a", {href: "#/"}, "text", child, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs, false);
  append(el, children);
  return el;
}

/** An SVG element, same signature as h(). */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs, true);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

let counter = 0;
/** A document-unique id with a readable prefix (for aria-controls, label for=...). */
export function uid(prefix = "id") {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** "0.42" → "42%" style formatting used for overlap and similarity scores. */
export function pct(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return `${(value * 100).toFixed(digits)}%`;
}

export function fmt(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return "–";
  return Number(value).toFixed(digits);
}

/** A titled card section. */
export function card(title, body, attrs = {}) {
  const headingId = uid("card");
  return h(
    "section",
    { class: ["card", attrs.class], "aria-labelledby": headingId, ...(attrs.id ? { id: attrs.id } : {}) },
    h("h2", { id: headingId, class: "card-title" }, title, attrs.count !== undefined ? h("span", { class: "count" }, ` ${attrs.count}`) : null),
    body,
  );
}

/** An explanatory empty state: what is missing and what to do. */
export function empty(message, hint) {
  return h("div", { class: "empty" }, h("p", { class: "empty-msg" }, message), hint ? h("p", { class: "empty-hint" }, hint) : null);
}

/** An error as an alert; `kind` ("role", "skill"...) turns "did you mean" suggestions into links. */
export function errorBox(err, extra, kind) {
  const suggestions = err && err.suggestions && err.suggestions.length ? err.suggestions : null;
  const suggestion = (sug) => (kind ? h("a", { href: `#/${kind}/${encodeURIComponent(sug)}`, class: "suggestion" }, sug) : h("strong", null, sug));
  return h(
    "div",
    { class: "error-box", role: "alert" },
    h("p", { class: "error-title" }, err && err.status ? `Error ${err.status}` : "Something went wrong"),
    h("p", null, (err && err.message) || String(err)),
    suggestions ? h("p", null, "Did you mean: ", suggestions.map((sug, i) => [i ? ", " : "", suggestion(sug)]), "?") : null,
    extra || null,
  );
}

export function spinner(label = "Loading…") {
  return h("p", { class: "loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), label);
}

/** "JSON · CSV" links to the API answer a view shows (`csv: false` where the route has no CSV form). */
export function dataLinks(path, params, { csv = true } = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, String(value));
  }
  const href = (extra) => {
    const q = new URLSearchParams(search);
    if (extra) q.append("format", extra);
    const qs = q.toString();
    return qs ? `${path}?${qs}` : path;
  };
  return h(
    "p",
    { class: "data-links" },
    h("span", { class: "muted" }, "This answer as "),
    h("a", { href: href(null), class: "data-json", target: "_blank", rel: "noopener" }, "JSON"),
    csv ? [" · ", h("a", { href: href("csv"), class: "data-csv", download: "" }, "CSV")] : null,
    " · ",
    h("a", { href: "/docs", target: "_blank", rel: "noopener" }, "API docs"),
  );
}

/** A visible note when the API read a name as a close match ("SRE Manger" → SRE Manager): its `corrections`. */
export function correctionNote(data) {
  const list = data && Array.isArray(data.corrections) ? data.corrections : [];
  if (!list.length) return null;
  return h(
    "p",
    { class: "correction-note", role: "status" },
    list.map((c, i) => [i ? " " : "", "Showing ", h("strong", null, c.corrected_to), ` for “${c.corrected_from}”`, c.kind ? ` (no ${c.kind} is called exactly that).` : "."]),
  );
}
