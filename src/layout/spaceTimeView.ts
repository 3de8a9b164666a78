// Layout layer: the space-time diagram's geometry. A d3 linear scale maps virtual ms to px (the
// UI's zoom rescales it), lanes stack top to bottom, and each arrow becomes a line from its send
// to where it stopped: the receiver's lane, its door (then a wait along the lane while held), or
// the point on its way where it died. Also: thinning a crowded window, ticks, and hit-testing.
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import type { MessageLook } from './messageLook';
import { messageLook } from './messageLook';
import type { Arrow, Mark } from './spaceTimeTypes';

/** The span of virtual time the unzoomed scale shows across the plot. */
export const BASE_SPAN_MS = 1000;
/** The span shown at first: a few heartbeats and an election fit. */
export const DEFAULT_SPAN_MS = 1500;
export const MIN_SPAN_MS = 10;
export const MAX_SPAN_MS = 30 * 60_000;
/** Zoom scale factors (d3-zoom's k) for the narrowest and the widest span. */
export const ZOOM_EXTENT: readonly [number, number] = [
  BASE_SPAN_MS / MAX_SPAN_MS,
  BASE_SPAN_MS / MIN_SPAN_MS,
];

/** The plot inside the SVG: a label column on the left, an axis on top, lanes below. */
export interface DiagramBox {
  readonly width: number;
  readonly height: number;
  /** Width of the lane labels' column (px). */
  readonly gutter: number;
  /** Height of the time axis above the lanes (px). */
  readonly axis: number;
  readonly right: number;
  readonly lanes: number;
}

export const laneHeight = (b: DiagramBox): number =>
  Math.max(0, (b.height - b.axis - 4) / Math.max(1, b.lanes));

/** The centre line of server `node`'s lane (lane 1 on top). */
export const laneY = (b: DiagramBox, node: number): number => b.axis + laneHeight(b) * (node - 0.5);

/** The unzoomed scale: BASE_SPAN_MS from the label column to the right edge. */
export function baseTimeScale(b: DiagramBox): ScaleLinear<number, number> {
  return scaleLinear()
    .domain([0, BASE_SPAN_MS])
    .range([b.gutter, Math.max(b.gutter + 1, b.width - b.right)]);
}

/**
 * The zoom (k, x) that keeps scale k and puts virtual time `at` at px `targetX`: with
 * view(t) = k·base(t) + x, x = targetX − k·base(at).
 */
export function anchoredAt(
  base: ScaleLinear<number, number>,
  k: number,
  at: number,
  targetX: number,
): { k: number; x: number } {
  return { k, x: targetX - k * base(at) };
}

export interface PlacedArrow {
  readonly arrow: Arrow;
  readonly look: MessageLook;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Where it waited at the receiver's door (held), along the lane, or null. */
  readonly wait: { readonly x1: number; readonly x2: number; readonly y: number } | null;
  /** Where a lost message died, or null. */
  readonly cross: { readonly x: number; readonly y: number } | null;
  /**
   * The arrow as one SVG path: its line, then (unless it was lost) a filled head at its end,
   * so it needs no marker: "M10,20L30,60M30,60L…Z".
   */
  readonly d: string;
}

/** Length and half-width (px) of an arrowhead. */
const HEAD = [9, 4] as const;

/** A filled head at (x, y) pointing away from (fromX, fromY), as path data. */
function headPath(fromX: number, fromY: number, x: number, y: number): string {
  const dx = x - fromX;
  const dy = y - fromY;
  const len = Math.hypot(dx, dy);
  if (len < 1) return '';
  const ux = dx / len;
  const uy = dy / len;
  const bx = x - ux * HEAD[0];
  const by = y - uy * HEAD[0];
  const r = (v: number) => Math.round(v * 10) / 10;
  return `M${r(x)},${r(y)}L${r(bx - uy * HEAD[1])},${r(by + ux * HEAD[1])}L${r(bx + uy * HEAD[1])},${r(by - ux * HEAD[1])}Z`;
}

function arrowPath(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  wait: PlacedArrow['wait'],
  lost: boolean,
): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  const line = `M${r(x1)},${r(y1)}L${r(x2)},${r(y2)}`;
  if (lost) return line;
  return wait
    ? line + headPath(wait.x1 - 1, wait.y, wait.x2, wait.y)
    : line + headPath(x1, y1, x2, y2);
}

/**
 * Places arrows with `x` (ms → px) and `y` (node → px). A message that dies on its way stops at
 * the share of its planned path it had covered:
 *   sent 100, due 120, lost 110 → stops half-way between the lanes, at x(110).
 */
export function placeArrows(
  arrows: readonly Arrow[],
  x: (ms: number) => number,
  y: (node: number) => number,
): PlacedArrow[] {
  return arrows.map((a) => {
    const y1 = y(a.from);
    const yTo = y(a.to);
    const look = messageLook(a.message);
    const waited = a.endAt > a.arriveAt;
    if (waited) {
      const door = x(a.arriveAt);
      const end = x(a.endAt);
      const wait = { x1: door, x2: end, y: yTo };
      const cross = a.fate === 'lost' ? { x: end, y: yTo } : null;
      const x1 = x(a.sentAt);
      const d = arrowPath(x1, y1, door, yTo, wait, a.fate === 'lost');
      return { arrow: a, look, x1, y1, x2: door, y2: yTo, wait, cross, d };
    }
    const planned = a.arriveAt - a.sentAt;
    const share =
      a.fate === 'delivered' || planned <= 0 ? 1 : clamp01((a.endAt - a.sentAt) / planned);
    const y2 = y1 + (yTo - y1) * share;
    const x2 = x(a.endAt);
    const cross = a.fate === 'lost' ? { x: x2, y: y2 } : null;
    const x1 = x(a.sentAt);
    const d = arrowPath(x1, y1, x2, y2, null, a.fate === 'lost');
    return { arrow: a, look, x1, y1, x2, y2, wait: null, cross, d };
  });
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Heartbeats and their acknowledgements: what a crowded window leaves out first. */
export function isRoutine(a: Arrow): boolean {
  const m = a.message;
  return (
    a.fate !== 'lost' &&
    ((m.kind === 'AppendEntries' && m.entries.length === 0) ||
      (m.kind === 'AppendEntriesReply' && m.success))
  );
}

/**
 * At most `budget` arrows: every unusual one first, then routine ones; past the budget, every
 * n-th by key, so the same arrows stay as the window pans (no flicker).
 */
export function thinArrows(
  arrows: readonly Arrow[],
  budget: number,
): { shown: Arrow[]; hidden: number } {
  if (arrows.length <= budget) return { shown: [...arrows], hidden: 0 };
  const unusual = arrows.filter((a) => !isRoutine(a));
  const routine = arrows.filter(isRoutine);
  const keep = (list: Arrow[], room: number) => {
    if (list.length <= room) return list;
    if (room <= 0) return [];
    const stride = Math.ceil(list.length / room);
    return list.filter((a) => ((a.key % stride) + stride) % stride === 0);
  };
  const first = keep(unusual, budget);
  const shown = [...first, ...keep(routine, budget - first.length)];
  return { shown, hidden: arrows.length - shown.length };
}

/** At most `budget` marks: all but commits first, then every n-th commit by seq. */
export function thinMarks(marks: readonly Mark[], budget: number): Mark[] {
  if (marks.length <= budget) return [...marks];
  const rare = marks.filter((m) => m.kind !== 'commit');
  const commits = marks.filter((m) => m.kind === 'commit');
  const room = Math.max(0, budget - rare.length);
  const stride = Math.max(1, Math.ceil(commits.length / Math.max(1, room)));
  return [...rare, ...(room === 0 ? [] : commits.filter((m) => m.seq % stride === 0))];
}

/** Distance from point p to the segment a–b. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : clamp01(((px - ax) * dx + (py - ay) * dy) / len2);
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The arrow nearest to (px, py) within `tolerance` px, or null. */
export function nearestArrow(
  placed: readonly PlacedArrow[],
  px: number,
  py: number,
  tolerance: number,
): PlacedArrow | null {
  let best: PlacedArrow | null = null;
  let bestD = tolerance;
  for (const p of placed) {
    let d = toSegment(px, py, p.x1, p.y1, p.x2, p.y2);
    if (p.wait) d = Math.min(d, toSegment(px, py, p.wait.x1, p.wait.y, p.wait.x2, p.wait.y));
    // Strictly nearer wins: of two arrows through the same point, the first drawn is picked.
    if (d < bestD || (best === null && d <= bestD)) {
      bestD = d;
      best = p;
    }
  }
  return best;
}

/** Tick positions for an axis about `width` px wide, one every `every` px or so. */
export function timeTicks(
  scale: ScaleLinear<number, number>,
  width: number,
  every: number,
): { x: number; ms: number }[] {
  const count = Math.max(2, Math.floor(width / Math.max(1, every)));
  return scale.ticks(count).map((ms) => ({ x: scale(ms), ms }));
}

/**
 * The mark nearest to (px, py) within `tolerance` px: a lane's glyph by distance to its centre, a
 * mark across the lanes (node null) or between two (a cut) by distance to its line.
 */
export function nearestMark(
  marks: readonly Mark[],
  x: (ms: number) => number,
  y: (node: number) => number,
  px: number,
  py: number,
  tolerance: number,
): Mark | null {
  let best: Mark | null = null;
  let bestD = tolerance;
  for (const m of marks) {
    const mx = x(m.at);
    if (Math.abs(mx - px) > bestD) continue;
    let d: number;
    if (m.node === null) d = Math.abs(mx - px);
    else if (m.peer !== null && (m.kind === 'cut' || m.kind === 'restore'))
      d = toSegment(px, py, mx, y(m.node), mx, y(m.peer));
    else d = Math.hypot(mx - px, y(m.node) - py);
    if (d <= bestD) {
      bestD = d;
      best = m;
    }
  }
  return best;
}

/**
 * Arrows by the quarter-span bucket of their send (floor(sentAt / grid)), in order. A pan keeps
 * most buckets as they were, so the UI redraws only the buckets that come into view.
 */
export function bucketArrows(arrows: readonly Arrow[], grid: number): Map<number, Arrow[]> {
  const buckets = new Map<number, Arrow[]>();
  const size = grid > 0 && Number.isFinite(grid) ? grid : 1;
  for (const a of arrows) {
    const b = Math.floor(a.sentAt / size);
    const list = buckets.get(b);
    if (list) list.push(a);
    else buckets.set(b, [a]);
  }
  return new Map([...buckets].sort((x, y) => x[0] - y[0]));
}
