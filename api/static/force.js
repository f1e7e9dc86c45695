// A small deterministic force layout: same input, same picture (seeded PRNG, fixed iterations).

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text) {
  let x = 2166136261;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 16777619);
  return x >>> 0;
}

/**
 * Lay out nodes (objects with `id`, optional `x`, `y`, `fixed`) joined by links ({source, target} ids).
 * Nodes that already have x/y start there (so an expanded graph keeps its shape).
 * @returns the same node objects with x/y set, centred on (0, 0).
 */
export function forceLayout(nodes, links, { iterations = 300, distance = 90, seed = 7 } = {}) {
  const rand = mulberry32(seed);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const n = nodes.length;
  nodes.forEach((node, i) => {
    if (node.x === undefined || node.y === undefined) {
      const anchor = node.near && index.has(node.near) ? nodes[index.get(node.near)] : null;
      const angle = ((hash(node.id) % 360) / 360) * Math.PI * 2;
      const r = anchor ? distance * 0.8 : distance * Math.sqrt(i + 1) * 0.6;
      node.x = (anchor && anchor.x !== undefined ? anchor.x : 0) + Math.cos(angle) * r + rand() - 0.5;
      node.y = (anchor && anchor.y !== undefined ? anchor.y : 0) + Math.sin(angle) * r + rand() - 0.5;
    }
    node.vx = 0;
    node.vy = 0;
  });
  const edges = links.map((l) => [index.get(l.source), index.get(l.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const degree = new Array(n).fill(0);
  edges.forEach(([a, b]) => {
    degree[a]++;
    degree[b]++;
  });
  const repulse = distance * distance * 1.2;
  for (let step = 0; step < iterations; step++) {
    const alpha = 1 - step / iterations;
    for (let i = 0; i < n; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < n; j++) {
        const b = nodes[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = rand() - 0.5;
          dy = rand() - 0.5;
          d2 = 0.01;
        }
        if (d2 > repulse * 16) continue;
        const f = (repulse / d2) * alpha;
        const d = Math.sqrt(d2);
        a.vx += (dx / d) * f;
        a.vy += (dy / d) * f;
        b.vx -= (dx / d) * f;
        b.vy -= (dy / d) * f;
      }
    }
    for (const [ia, ib] of edges) {
      const a = nodes[ia];
      const b = nodes[ib];
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = ((d - distance) / d) * 0.08 * alpha;
      const wa = 1 / Math.max(1, degree[ia]);
      const wb = 1 / Math.max(1, degree[ib]);
      a.vx += dx * f * (wa / (wa + wb)) * 2;
      a.vy += dy * f * (wa / (wa + wb)) * 2;
      b.vx -= dx * f * (wb / (wa + wb)) * 2;
      b.vy -= dy * f * (wb / (wa + wb)) * 2;
    }
    for (const node of nodes) {
      node.vx -= node.x * 0.004 * alpha;
      node.vy -= node.y * 0.004 * alpha;
      if (!node.fixed) {
        const speed = Math.hypot(node.vx, node.vy);
        const cap = 30 * alpha + 1;
        const scale = speed > cap ? cap / speed : 1;
        node.x += node.vx * scale;
        node.y += node.vy * scale;
      }
      node.vx *= 0.5;
      node.vy *= 0.5;
    }
  }
  for (const node of nodes) {
    delete node.vx;
    delete node.vy;
  }
  return nodes;
}
