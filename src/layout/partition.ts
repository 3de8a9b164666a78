// Layout layer: turns pointer strokes drawn across the cluster into partition groups. Each node
// is on one side of each stroke; nodes with the same sides for every stroke form one group.
import type { Point } from './ring';

/**
 * Which side of a drawn polyline a point lies on: +1 or −1, by the cross product with the
 * stroke's nearest segment. The end segments are extended, so a short stroke still splits the
 * whole plane, e.g. a vertical stroke puts left points at one sign and right points at the other.
 */
export function sideOfStroke(p: Point, stroke: readonly Point[]): 1 | -1 {
  if (stroke.length < 2) return 1;
  let best = Infinity;
  let cross = 0;
  for (let i = 0; i + 1 < stroke.length; i++) {
    const a = stroke[i]!;
    const b = stroke[i + 1]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    let t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
    if (i > 0) t = Math.max(0, t);
    if (i + 2 < stroke.length) t = Math.min(1, t);
    const qx = a.x + t * dx;
    const qy = a.y + t * dy;
    const d = (p.x - qx) ** 2 + (p.y - qy) ** 2;
    if (d < best) {
      best = d;
      cross = dx * (p.y - a.y) - dy * (p.x - a.x);
    }
  }
  return cross >= 0 ? 1 : -1;
}

/** True when the stroke is long enough to mean a cut rather than a stray click. */
export function isStroke(stroke: readonly Point[], minLength = 40): boolean {
  if (stroke.length < 2) return false;
  const a = stroke[0]!;
  const b = stroke[stroke.length - 1]!;
  return Math.hypot(b.x - a.x, b.y - a.y) >= minLength;
}

/**
 * Splits `groups` (or, with none, all nodes as one group) by the side of `stroke` each node
 * lies on; empty groups are dropped and ids come back sorted, groups ordered by first id.
 */
export function splitGroups(
  nodes: readonly { id: number; x: number; y: number }[],
  groups: readonly (readonly number[])[] | null,
  strokes: readonly (readonly Point[])[],
): number[][] {
  const start = groups ?? [nodes.map((n) => n.id)];
  const byKey = new Map<string, number[]>();
  start.forEach((group, g) => {
    for (const id of group) {
      const node = nodes.find((n) => n.id === id);
      if (!node) continue;
      const key = `${g}:${strokes.map((s) => sideOfStroke(node, s)).join(',')}`;
      const list = byKey.get(key) ?? [];
      list.push(id);
      byKey.set(key, list);
    }
  });
  return [...byKey.values()].map((ids) => ids.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

/** Is the link a–b broken by the partition groups or by a single cut? */
export function linkBroken(
  a: number,
  b: number,
  groups: readonly (readonly number[])[] | null,
  cuts: readonly (readonly [number, number])[],
): boolean {
  if (cuts.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) return true;
  if (!groups) return false;
  const ga = groups.findIndex((g) => g.includes(a));
  const gb = groups.findIndex((g) => g.includes(b));
  return ga !== gb;
}
