// Layout layer: the gently curved path a message takes between two spots. A→B bends to the
// left of its direction of travel, so B→A bends the other way and the two never overlap.
import { path } from 'd3-path';
import type { Point } from './ring';

export interface MessagePath {
  readonly from: Point;
  readonly control: Point;
  readonly to: Point;
  /** SVG path data, for drawing the track. */
  readonly d: string;
}

/**
 * A quadratic Bézier from `from` to `to` whose control point sits `bend` × the distance off
 * the straight line. `inset` trims both ends so messages leave from a node's rim, not its centre.
 */
export function messagePath(from: Point, to: Point, bend = 0.12, inset = 0): MessagePath {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const trim = Math.min(inset, length * 0.4);
  const a = { x: from.x + ux * trim, y: from.y + uy * trim };
  const b = { x: to.x - ux * trim, y: to.y - uy * trim };
  // Left normal of the travel direction in screen coordinates (y down): (uy, -ux).
  const off = bend * length;
  const control = { x: (a.x + b.x) / 2 + uy * off, y: (a.y + b.y) / 2 - ux * off };
  const p = path();
  p.moveTo(a.x, a.y);
  p.quadraticCurveTo(control.x, control.y, b.x, b.y);
  return { from: a, control, to: b, d: p.toString() };
}

/** The point at fraction t (clamped to 0…1) along the path. */
export function pointAt(m: MessagePath, t: number): Point {
  const u = Math.min(1, Math.max(0, t));
  const v = 1 - u;
  return {
    x: v * v * m.from.x + 2 * v * u * m.control.x + u * u * m.to.x,
    y: v * v * m.from.y + 2 * v * u * m.control.y + u * u * m.to.y,
  };
}

/** Fraction of the way a message has come at viewTime; a lost one stops where it died. */
export function flightProgress(
  f: { sentAt: number; arriveAt: number; lostAt: number | null },
  viewTime: number,
): { t: number; dead: boolean } {
  const span = Math.max(1, f.arriveAt - f.sentAt);
  const end = f.lostAt === null ? f.arriveAt : Math.min(f.lostAt, f.arriveAt);
  const dead = f.lostAt !== null && viewTime >= f.lostAt;
  const t = (Math.min(viewTime, end) - f.sentAt) / span;
  return { t: Math.min(1, Math.max(0, t)), dead };
}
