// Layout layer: a soft closed outline around each partition group's nodes, drawn behind them.
// Every node contributes a ring of points; the d3 convex hull of all of them, smoothed, wraps
// the group even when it holds only one or two nodes.
import { polygonHull } from 'd3-polygon';
import { curveCatmullRomClosed, line } from 'd3-shape';
import type { Point } from './ring';

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
