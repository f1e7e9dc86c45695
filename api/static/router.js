// Hash routes: "#/role/role:sre-manager", "#/path?from=a&to=b", "#/overlap?roles=a,b,c", "#/cypher?q=...".

import { h } from "./dom.js";

function enc(value) {
  return encodeURIComponent(value).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

/** The route of a location hash: {name, arg, params (URLSearchParams), hash}. */
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#/, "");
  const [pathPart, query = ""] = raw.split(/\?(.*)/s);
  const parts = pathPart.split("/").filter(Boolean);
  const name = parts[0] || "home";
  let arg = parts.slice(1).join("/");
  try {
    arg = decodeURIComponent(arg);
  } catch {
    /* keep the raw text */
  }
  return { name, arg, params: new URLSearchParams(query), hash: `#${raw}` };
}

/** "#/name/arg?k=v" with readable ids (":" and "," are left as they are). */
export function routeHref(name, arg, params) {
  let out = `#/${name}`;
  if (arg) out += `/${enc(arg)}`;
  const pairs = [];
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "") continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    pairs.push(`${key}=${enc(text)}`);
  }
  if (pairs.length) out += `?${pairs.join("&")}`;
  return out;
}

const KIND_OF_PREFIX = { role: "role", skill: "skill", kpi: "kpi", family: "family" };

/** The kind of an id by its prefix ("skill:slos" → "skill"). */
export function kindOf(id, fallback = "role") {
  const prefix = String(id || "").split(":")[0];
  return KIND_OF_PREFIX[prefix] || fallback;
}

/** A link to the page of a role, skill, KPI or family. */
export function entityLink(id, name, { kind, className } = {}) {
  const k = kind || kindOf(id);
  return h("a", { href: routeHref(k, id), class: ["entity", `entity-${k}`, className] }, name || id);
}

export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}

/** Update the address bar without rendering again (the view already shows this state). */
export function replaceHash(hash) {
  if (location.hash !== hash) history.replaceState(null, "", hash);
}
