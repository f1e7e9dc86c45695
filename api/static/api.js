// The JSON API client: GET with a short-lived cache, POST, and errors that carry the API's fields.

export class ApiError extends Error {
  constructor(status, body, path) {
    const detail = body && (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
    super(detail || `request to ${path} failed with status ${status}`);
    this.status = status;
    this.error = (body && body.error) || null;
    this.suggestions = (body && body.suggestions) || [];
    this.line = body && body.line != null ? body.line : null;
    this.column = body && body.column != null ? body.column : null;
    this.body = body;
    this.path = path;
  }
}

const cache = new Map();
const CACHE_MS = 30_000;

/** "/paths", {from: "a", roles: ["x", "y"]} → "/paths?from=a&roles=x&roles=y" (empty values dropped). */
export function url(path, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, value);
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parse(response, path) {
  let body = null;
  const text = await response.text();
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { detail: text };
  }
  if (!response.ok) throw new ApiError(response.status, body, path);
  return body;
}

export async function get(path, params, { cached = true, signal } = {}) {
  const target = url(path, params);
  const hit = cached && cache.get(target);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.promise;
  const promise = fetch(target, { headers: { Accept: "application/json" }, signal }).then((r) => parse(r, target));
  if (cached) {
    cache.set(target, { at: Date.now(), promise });
    promise.catch(() => cache.delete(target));
  }
  return promise;
}

export async function post(path, body, { signal } = {}) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  return parse(response, path);
}

/** Path segment for an id: keeps ":" readable ("role:sre-manager"). */
export function seg(id) {
  return encodeURIComponent(id).replace(/%3A/gi, ":");
}
