// Layout layer: a soft closed outline around each partition group's nodes, drawn behind them.
// Every node contributes a ring of points; the d3 convex hull of all of them, smoothed, wraps
// the group even when it holds only one or two nodes. A group is drawn in pieces (groupPieces)
// where one outline would wrap or touch a server of another group.
import { polygonContains, polygonHull } from 'd3-polygon';
import { curveCatmullRomClosed, line } from 'd3-shape';
import type { Point } from './ring';

/**
 * The runs of ring neighbours in `group`, for a ring of servers 1…n placed in id order on a
 * convex curve: e.g. group [2, 3, 5] of 5 → [[2, 3], [5]]; [1, 5] of 5 → [[5, 1]] (the ring
 * wraps). The hull of a run holds no other server, since the ring is convex.
 */
export function ringRuns(group: readonly number[], n: number): number[][] {
  const inGroup = new Set(group.filter((id) => Number.isInteger(id) && id >= 1 && id <= n));
  if (inGroup.size === 0) return [];
  if (inGroup.size === n) return [[...inGroup].sort((a, b) => a - b)];
  // Start right after a server outside the group, so a run that wraps past n stays whole.
  let start = 1;
  while (inGroup.has(start)) start++;
  const runs: number[][] = [];
  let run: number[] = [];
  for (let k = 1; k <= n; k++) {
    const id = ((start - 1 + k) % n) + 1;
    if (inGroup.has(id)) run.push(id);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Distance from `p` to the convex hull of `pts` (0 inside it). */
export function distanceToHull(p: Point, pts: readonly Point[]): number {
  const hull = pts.length >= 3 ? polygonHull(pts.map((q) => [q.x, q.y] as [number, number])) : null;
  if (hull && polygonContains(hull, [p.x, p.y])) return 0;
  let best = Infinity;
  for (let i = 0; i < pts.length; i++) {
    best = Math.min(best, distanceToSegment(p, pts[i]!, pts[(i + 1) % pts.length]!));
  }
  return best;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The pieces to outline `group` in, for servers 1…n at `spots` (index id − 1): its runs of ring
 * neighbours, each halved until its outline, `pad` around the hull, keeps clear of every other
 * server's centre. E.g. [2, 3, 5] of 5 → [[2, 3], [5]].
 */
export function groupPieces(group: readonly number[], spots: readonly Point[], pad: number) {
  const inGroup = new Set(group);
  const others = spots.filter((_, i) => !inGroup.has(i + 1));
  const clear = (run: readonly number[]) => {
    const pts = run.map((id) => spots[id - 1]!);
    return others.every((o) => distanceToHull(o, pts) >= pad);
  };
  const split = (run: number[]): number[][] => {
    if (run.length <= 1 || clear(run)) return [run];
    const mid = Math.ceil(run.length / 2);
    return [...split(run.slice(0, mid)), ...split(run.slice(mid))];
  };
  return ringRuns(group, spots.length).flatMap(split);
}

export function groupOutline(points: readonly Point[], pad: number): string {
  if (points.length === 0) return '';
  const cloud: [number, number][] = [];
  for (const p of points) {
    for (let i = 0; i < 12; i++) {
      const a = (i * Math.PI) / 6;
      cloud.push([p.x + pad * Math.cos(a), p.y + pad * Math.sin(a)]);
    }
  }
  const hull = polygonHull(cloud) ?? cloud;
  return line().curve(curveCatmullRomClosed.alpha(0.5))(hull) ?? '';
}
