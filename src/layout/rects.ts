// Layout layer: the rectangle and circle tests every placement in the drawing shares. Rects are
// in the drawing's CSS pixels, top-left corner plus size; circles are a node's keep-out disc.
import type { Point } from './ring';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Rect extends Point, Size {}

export interface Circle extends Point {
  readonly r: number;
}

/** True when a and b share area once each is grown by `gap` / 2 on every side. */
export function rectsOverlap(a: Rect, b: Rect, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** True when the rect reaches into the circle (its nearest point is closer than r). */
export function rectHitsCircle(a: Rect, c: Circle): boolean {
  const nx = Math.min(Math.max(c.x, a.x), a.x + a.width);
  const ny = Math.min(Math.max(c.y, a.y), a.y + a.height);
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r;
}

/** How far `p` is from the nearest point of `a` (0 inside it). */
export function distanceToRect(p: Point, a: Rect): number {
  const dx = Math.max(a.x - p.x, 0, p.x - (a.x + a.width));
  const dy = Math.max(a.y - p.y, 0, p.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/** True when `inner` lies wholly inside `outer`. */
export function rectInside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Where things may not go: the bounds to stay in, rects and discs to stay off. */
export interface Obstacles {
  readonly bounds: Rect;
  readonly rects: readonly Rect[];
  readonly circles: readonly Circle[];
}

/** True when `r` stays inside the bounds and `gap` clear of every rect and off every disc. */
export function fitsAmong(r: Rect, o: Obstacles, gap: number): boolean {
  if (!rectInside(r, o.bounds)) return false;
  for (const c of o.circles) if (rectHitsCircle(r, c)) return false;
  for (const b of o.rects) if (rectsOverlap(r, b, gap)) return false;
  return true;
}

/**
 * How far the rect reaches from its centre in direction (cos a, sin a): put a w×h rect's centre
 * that far beyond a line and the whole rect is on the far side of it.
 */
export function reachAlong(size: Size, angle: number): number {
  return (Math.abs(Math.cos(angle)) * size.width + Math.abs(Math.sin(angle)) * size.height) / 2;
}

/** Rect of `size` centred on p, corners rounded to half pixels so text sits on the pixel grid. */
export function rectAround(p: Point, size: Size): Rect {
  return {
    x: Math.round((p.x - size.width / 2) * 2) / 2,
    y: Math.round((p.y - size.height / 2) * 2) / 2,
    width: size.width,
    height: size.height,
  };
}
