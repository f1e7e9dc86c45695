// What a Cypher query names, checked against the live schema (GET /cypher/schema), and what to complete
// at the cursor. Plain text analysis, no parser: strings and comments are blanked first, so names inside
// them are never taken for labels or properties.

/** The query with string literals and comments replaced by spaces (same length, same positions). */
export function blankStrings(query) {
  return query.replace(/'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, (m) => m.replace(/[^\n]/g, " "));
}

/** Levenshtein distance, case-insensitive. */
function distance(a, b) {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The candidate closest to `name` (by edit distance; a prefix match counts as close), or null. */
export function nearest(name, candidates) {
  let best = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase().startsWith(name.toLowerCase()) || name.toLowerCase().startsWith(c.toLowerCase()) ? 0.5 : distance(name, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== null && bestD <= Math.max(2, Math.ceil(name.length / 3)) ? best : null;
}

const NAME = "[A-Za-z_][A-Za-z0-9_]*";

/** Variables bound in node and relationship patterns: name → {label | type | null, rel: bool}. */
export function boundVariables(text) {
  const vars = new Map();
  for (const m of text.matchAll(new RegExp(`\\(\\s*(${NAME})\\s*(?::\\s*(${NAME}))?`, "g"))) if (!vars.has(m[1]) || m[2]) vars.set(m[1], { label: m[2] || null, rel: false });
  for (const m of text.matchAll(new RegExp(`\\[\\s*(${NAME})\\s*(?::\\s*(${NAME}))?`, "g"))) if (!vars.has(m[1]) || m[2]) vars.set(m[1], { label: m[2] || null, rel: true });
  return vars;
}

function index(schema) {
  const labels = new Map((schema.labels || []).map((l) => [l.name, l.properties || []]));
  const types = new Map((schema.relationship_types || []).map((t) => [t.name, t.properties || []]));
  return { labels, types, keys: schema.property_keys || [] };
}

/**
 * The labels, relationship types and properties a query names that the graph does not have:
 * [{kind, name, suggestion, from, to, message}] with character offsets into the query.
 */
export function schemaProblems(query, schema) {
  if (!schema) return [];
  const text = blankStrings(query);
  const { labels, types, keys } = index(schema);
  const out = [];
  const add = (kind, name, from, candidates, where) => {
    const suggestion = nearest(name, candidates);
    const what = { label: "label", type: "relationship type", property: "property" }[kind];
    out.push({ kind, name, suggestion, from, to: from + name.length, message: `no ${what} ${name}${where ? ` on ${where}` : ""}${suggestion ? `; did you mean ${suggestion}?` : " in this graph"}` });
  };
  // node labels: "(r:Rol)", "(:A:B {...})"
  for (const m of text.matchAll(new RegExp(`\\(\\s*(?:${NAME})?\\s*((?::\\s*${NAME}\\s*)+)`, "g"))) {
    const start = m.index + m[0].indexOf(m[1]);
    for (const l of m[1].matchAll(new RegExp(`:\\s*(${NAME})`, "g"))) {
      if (!labels.has(l[1])) add("label", l[1], start + l.index + l[0].indexOf(l[1]), [...labels.keys()]);
    }
  }
  // relationship types: "[r:PROMOTES_TO|CAN_MOVE_TO*1..3]"
  for (const m of text.matchAll(new RegExp(`\\[\\s*(?:${NAME})?\\s*:\\s*(${NAME}(?:\\s*\\|\\s*:?\\s*${NAME})*)`, "g"))) {
    const start = m.index + m[0].indexOf(m[1]);
    for (const t of m[1].matchAll(new RegExp(NAME, "g"))) if (!types.has(t[0])) add("type", t[0], start + t.index, [...types.keys()]);
  }
  const vars = boundVariables(text);
  const propsOf = (v) => {
    const bound = vars.get(v);
    if (!bound) return null;
    if (!bound.label) return { props: keys, where: null };
    const props = (bound.rel ? types : labels).get(bound.label);
    return props ? { props, where: bound.label } : null; // an unknown label is reported already
  };
  // property reads: "r.titel" (not "db.labels(" nor "1.5")
  for (const m of text.matchAll(new RegExp(`(?<![\\w.$])(${NAME})\\.(${NAME})\\b(?!\\s*\\()`, "g"))) {
    const known = propsOf(m[1]);
    if (known && !known.props.includes(m[2])) add("property", m[2], m.index + m[1].length + 1, known.props, known.where);
  }
  // property maps in patterns: "(r:Role {titel: $x})"
  for (const m of text.matchAll(new RegExp(`([(\\[])\\s*(${NAME})?\\s*(?::\\s*(${NAME}))?[^{)\\]]*\\{([^}]*)\\}`, "g"))) {
    const label = m[3];
    const props = label ? (m[1] === "[" ? types : labels).get(label) : keys;
    if (!props) continue;
    const mapStart = m.index + m[0].lastIndexOf("{") + 1;
    for (const k of m[4].matchAll(new RegExp(`(${NAME})\\s*:`, "g"))) if (!props.includes(k[1])) add("property", k[1], mapStart + k.index, props, label || null);
  }
  return out.sort((a, b) => a.from - b.from);
}

export const KEYWORDS = ["MATCH", "OPTIONAL MATCH", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER BY", "LIMIT", "SKIP", "DISTINCT", "AS", "AND", "OR", "NOT", "IN", "IS NULL", "IS NOT NULL", "CONTAINS", "STARTS WITH", "ENDS WITH", "CASE", "WHEN", "THEN", "ELSE", "END", "DESC", "ASC", "UNION", "EXISTS", "count", "collect", "size", "toLower", "toUpper", "coalesce", "labels", "type", "keys", "nodes", "relationships", "length", "startNode", "endNode", "min", "max", "avg", "sum", "round"];

/**
 * What to offer at the end of `before` (the text up to the cursor):
 * {kind: "label"|"type"|"property"|"param"|"keyword", prefix, candidates: [{text, detail}]} or null.
 */
export function completionsAt(before, schema, paramNames = []) {
  const text = blankStrings(before);
  const { labels, types, keys } = index(schema || {});
  const pick = (kind, prefix, names, detail) => ({
    kind,
    prefix,
    candidates: [...new Set(names)].filter((n) => n.toLowerCase().startsWith(prefix.toLowerCase())).sort((a, b) => a.localeCompare(b)).map((n) => ({ text: n, detail })),
  });
  let m = /\$([A-Za-z0-9_]*)$/.exec(text);
  if (m) return pick("param", m[1], paramNames, "parameter");
  // the innermost bracket still open at the cursor
  let depth = { "(": 0, "[": 0, "{": 0 };
  let open = null;
  let at = -1;
  for (let i = text.length - 1; i >= 0 && open === null; i--) {
    const c = text[i];
    if (c === ")" || c === "]" || c === "}") depth[{ ")": "(", "]": "[", "}": "{" }[c]]++;
    else if (c === "(" || c === "[" || c === "{") {
      if (depth[c] > 0) depth[c]--;
      else [open, at] = [c, i];
    }
  }
  const inside = open ? text.slice(at) : "";
  if (open === "(" && (m = new RegExp(`^\\(\\s*(?:${NAME})?\\s*(?::\\s*${NAME}\\s*)*:\\s*(\\w*)$`).exec(inside))) return pick("label", m[1], [...labels.keys()], "label");
  if (open === "[" && (m = new RegExp(`^\\[\\s*(?:${NAME})?\\s*:\\s*(?:${NAME}\\s*\\|\\s*:?\\s*)*(\\w*)$`).exec(inside))) return pick("type", m[1], [...types.keys()], "relationship type");
  const vars = boundVariables(blankStrings(before));
  if ((m = new RegExp(`(${NAME})\\.(\\w*)$`).exec(text))) {
    const bound = vars.get(m[1]);
    const props = bound && bound.label ? (bound.rel ? types : labels).get(bound.label) || keys : keys;
    return pick("property", m[2], props, bound && bound.label ? `property of ${bound.label}` : "property");
  }
  if (open === "{" && (m = /(?:^\{|,)\s*(\w*)$/.exec(inside))) {
    const owner = new RegExp(`([(\\[])\\s*(?:${NAME})?\\s*(?::\\s*(${NAME}))?[^{]*$`).exec(text.slice(0, at));
    const props = owner && owner[2] ? (owner[1] === "[" ? types : labels).get(owner[2]) || keys : keys;
    return pick("property", m[1], props, "property");
  }
  if ((m = /(?:^|[^\w.$:])([A-Za-z]\w*)$/.exec(text))) return pick("keyword", m[1], [...KEYWORDS, ...vars.keys()], "keyword");
  return null;
}
