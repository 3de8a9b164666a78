// Layout layer: where every piece of text in the cluster drawing goes, so no two collide. Each
// label gets the first of its candidate spots (around its node, stacked on its node's earlier
// lines, or across the box for the drawing's own notes) that stays in the box, off every node's
// rings, clearly nearer its own node than any other, and clear of every label placed before
// it. Labels are placed in a stated priority order;
// one that finds no room is dropped (the node's accessible name and the inspector still carry
// it), and a node whose role finds no room shows none of its other lines either. A node's fault badge needs no place here: it sits inside the node's halo (ring.ts).
// Text sizes come in measured by the UI; this file only does the geometry.
import type { NodeSpot, RingLayout } from './ring';
import { EDGE } from './ring';
import type { Obstacles, Rect, Size } from './rects';
import { distanceToRect, fitsAmong, reachAlong, rectAround } from './rects';

export type LabelKind = 'role' | 'member' | 'loss' | 'cutOff' | 'fault' | 'term' | 'lost' | 'hint';

/**
 * Placement order, most important first; when the box is full the last kinds are dropped first:
 * each node's role, its membership tag (a learner, or outside the configuration: a colour alone
 * must not carry that), the message loss on the network, "cut off from a majority", the fault's
 * words, term and vote (or a crashed node's disk), what a crash lost, and last the hint on how to
 * use the drawing.
 */
export const LABEL_PRIORITY: readonly LabelKind[] = [
  'role',
  'member',
  'loss',
  'cutOff',
  'fault',
  'term',
  'lost',
  'hint',
];

export interface LabelRequest {
  /** Unique within one plan, e.g. 'S3.role'. */
  readonly key: string;
  readonly kind: LabelKind;
  /** The node (1…n) the label belongs beside, or 0 for the drawing as a whole. */
  readonly owner: number;
  /** Sizes to try in turn, e.g. the hint on one line, then on two: the first that fits wins. */
  readonly sizes: readonly Size[];
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface PlacedLabel {
  readonly key: string;
  readonly kind: LabelKind;
  readonly owner: number;
  readonly rect: Rect;
  /** Which of the request's sizes fitted (0 for the first). */
  readonly variant: number;
  /** How the text lines up in its rect: towards its node, so a short line stays near it. */
  readonly anchor: TextAnchor;
}

export interface LabelPlan {
  readonly placed: readonly PlacedLabel[];
  /** Keys of the labels that found no room, in the order they were given up. */
  readonly dropped: readonly string[];
}

/** Clear space kept between two labels, and between a label and a node's outer ring. */
export const LABEL_GAP = 3;

interface Candidate {
  readonly rect: Rect;
  readonly anchor: TextAnchor | null;
}

function checkRequests(ring: RingLayout, requests: readonly LabelRequest[]): void {
  const keys = new Set<string>();
  for (const r of requests) {
    if (keys.has(r.key)) throw new RangeError(`placeLabels: the key "${r.key}" appears twice`);
    keys.add(r.key);
    if (!LABEL_PRIORITY.includes(r.kind))
      throw new RangeError(`placeLabels: "${r.key}" has an unknown kind "${String(r.kind)}"`);
    if (!Number.isInteger(r.owner) || r.owner < 0 || r.owner > ring.nodes.length)
      throw new RangeError(
        `placeLabels: "${r.key}" belongs to node ${r.owner}, but the ring has nodes 1…${ring.nodes.length}`,
      );
    const bad = r.sizes.length === 0 || r.sizes.some((s) => !(s.width > 0 && s.height > 0));
    if (bad) throw new RangeError(`placeLabels: "${r.key}" needs positive sizes to try`);
  }
}

/**
 * Places labels around `ring` in priority order (ties by owner, then as given). Throws a
 * RangeError, placing nothing, for a repeated key, an unknown kind or owner, or an empty size.
 */
export function placeLabels(ring: RingLayout, requests: readonly LabelRequest[]): LabelPlan {
  checkRequests(ring, requests);
  const order = requests
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        LABEL_PRIORITY.indexOf(a.r.kind) - LABEL_PRIORITY.indexOf(b.r.kind) ||
        a.r.owner - b.r.owner ||
        a.i - b.i,
    )
    .map((x) => x.r);
  const taken: Rect[] = [ring.clientBox];
  const state: PlaceState = {
    ring,
    placed: [],
    reserved: new Map(),
    obstacles: {
      bounds: { x: EDGE, y: EDGE, width: ring.width - 2 * EDGE, height: ring.height - 2 * EDGE },
      rects: taken,
      circles: ring.nodes.map((s) => ({ x: s.x, y: s.y, r: ring.haloRadius })),
    },
  };
  const dropped: string[] = [];
  const roleless = new Set<number>();
  for (const req of order) {
    // A node's other lines read as notes on its role: without the role they go too.
    const found = roleless.has(req.owner)
      ? null
      : (placeOne(state, req, order) ?? placeOne(state, req, order, false));
    if (!found && req.kind === 'role') roleless.add(req.owner);
    if (!found) {
      dropped.push(req.key);
      continue;
    }
    state.placed.push(found);
    taken.push(found.rect);
  }
  return { placed: state.placed, dropped };
}

interface PlaceState {
  readonly ring: RingLayout;
  readonly placed: PlacedLabel[];
  /** Room a node's first line found for all its lines, kept from other nodes while it can be. */
  readonly reserved: Map<number, Rect>;
  readonly obstacles: Obstacles;
}

/** One block for all of a node's lines: as wide as the widest, as tall as all of them. */
function blockOf(owner: number, requests: readonly LabelRequest[]): Size | null {
  const mine = requests.filter((r) => r.owner === owner);
  if (mine.length < 2) return null;
  const width = Math.max(...mine.map((r) => r.sizes[0]!.width));
  const height = mine.reduce((h, r) => h + r.sizes[0]!.height, 0) + (mine.length - 1) * LABEL_GAP;
  return { width, height };
}

/**
 * The first candidate that fits, or null. With `respect` on, it also keeps out of the room other
 * nodes reserved for their lines; the caller tries again without that before giving up, so a
 * reservation never costs a higher-priority label its place.
 */
function placeOne(
  state: PlaceState,
  req: LabelRequest,
  all: readonly LabelRequest[],
  respect = true,
): PlacedLabel | null {
  const { ring, placed } = state;
  const spot = ring.nodes[req.owner - 1];
  const others = [...state.reserved].filter(([o]) => o !== req.owner).map(([, r]) => r);
  const obstacles = respect
    ? { ...state.obstacles, rects: [...state.obstacles.rects, ...others] }
    : state.obstacles;
  // A node's line must also read as its own: nearer to it than to any other node.
  const fits = (r: Rect) =>
    fitsAmong(r, obstacles, LABEL_GAP) && (!spot || nearestIs(r, spot, ring.nodes));
  const make = (rect: Rect, variant: number, anchor: TextAnchor): PlacedLabel => ({
    key: req.key,
    kind: req.kind,
    owner: req.owner,
    rect,
    variant,
    anchor,
  });
  const first = !placed.some((p) => p.owner === req.owner);
  const block = spot && first ? blockOf(req.owner, all) : null;
  if (spot && block) {
    // A node's first line: look for room for its whole block, and take the block's top line.
    const size = req.sizes[0]!;
    for (const c of aroundNode(spot, ring.haloRadius, block)) {
      if (!fits(c.rect)) continue;
      const anchor = anchorBeside(c.rect, spot);
      const x = alignIn(c.rect, size.width, anchor);
      const rect = { x, y: c.rect.y, ...size };
      if (!fits(rect)) continue;
      state.reserved.set(req.owner, c.rect);
      return make(rect, 0, anchor);
    }
  }
  for (let variant = 0; variant < req.sizes.length; variant++) {
    const size = req.sizes[variant]!;
    const candidates = spot
      ? [
          ...stackedOn(placed, req, size),
          ...aroundNode(spot, ring.haloRadius, size),
          ...besideEachLine(placed, req, size),
        ]
      : acrossBox(ring, req.kind, size);
    for (const c of candidates) {
      if (!fits(c.rect)) continue;
      const anchor = c.anchor ?? (spot ? anchorBeside(c.rect, spot) : anchorInBox(c.rect, ring));
      return make(c.rect, variant, anchor);
    }
  }
  return null;
}

/**
 * Whether `rect` sits clearly nearer `owner` than any other node (OWNER_MARGIN times nearer),
 * so a reader pairs it with the right one. Without this, a crowded ring could put S1's
 * "leader" beside S2.
 */
export function nearestIs(rect: Rect, owner: NodeSpot, nodes: readonly NodeSpot[]): boolean {
  const mine = distanceToRect(owner, rect);
  return nodes.every((n) => n === owner || mine * OWNER_MARGIN <= distanceToRect(n, rect));
}

/** How much nearer its own node a label must be than any other (see nearestIs). */
const OWNER_MARGIN = 1.25;

/** Left edge of a line `width` wide set in `block` by the anchor. */
function alignIn(block: Rect, width: number, anchor: TextAnchor): number {
  if (anchor === 'start') return block.x;
  if (anchor === 'end') return block.x + block.width - width;
  return Math.round((block.x + block.width / 2 - width / 2) * 2) / 2;
}

/**
 * Just below or above the lines a node already has, lined up with them, so one node's words
 * read as one block: below first, above when below would reach the node or leave the box; under
 * a centred block, then also flush left or right.
 */
function stackedOn(placed: readonly PlacedLabel[], req: LabelRequest, size: Size): Candidate[] {
  const mine = placed.filter((p) => p.owner === req.owner);
  if (mine.length === 0) return [];
  const top = Math.min(...mine.map((p) => p.rect.y));
  const bottom = Math.max(...mine.map((p) => p.rect.y + p.rect.height));
  const left = Math.min(...mine.map((p) => p.rect.x));
  const right = Math.max(...mine.map((p) => p.rect.x + p.rect.width));
  const block = { x: left, y: top, width: right - left, height: 0 };
  const at = (anchor: TextAnchor): Candidate[] => {
    const x = alignIn(block, size.width, anchor);
    return [
      { rect: { x, y: bottom + LABEL_GAP, ...size }, anchor },
      { rect: { x, y: top - LABEL_GAP - size.height, ...size }, anchor },
    ];
  };
  // A line narrower than a centred block may read as a neighbour's when centred: then try it
  // flush with either edge of the block, one of which is nearer its own node.
  const anchor = mine[0]!.anchor;
  return anchor === 'middle' ? [...at('middle'), ...at('start'), ...at('end')] : at(anchor);
}

/**
 * The last resort for a node's further line: just below or above any one line it already has,
 * flush with that line's either edge. Where the node's lines went different ways (the role under
 * the node, the term beside it) their block can leave no room above or below, while one line
 * alone still has room along it.
 */
function besideEachLine(
  placed: readonly PlacedLabel[],
  req: LabelRequest,
  size: Size,
): Candidate[] {
  return placed
    .filter((p) => p.owner === req.owner)
    .flatMap((p) =>
      (['start', 'end'] as const).flatMap((anchor) => {
        const x = alignIn(p.rect, size.width, anchor);
        return [
          { rect: { x, y: p.rect.y + p.rect.height + LABEL_GAP, ...size }, anchor },
          { rect: { x, y: p.rect.y - LABEL_GAP - size.height, ...size }, anchor },
        ];
      }),
    );
}

/**
 * Spots around a node just outside its rings: straight out of the ring first, then turning
 * either way in 15° steps, then one and two lines further out. Each rect is pushed out along its
 * direction until its near side clears the halo, so none of them touches the node.
 */
function aroundNode(spot: NodeSpot, halo: number, size: Size): Candidate[] {
  const base = Math.atan2(spot.outward.y, spot.outward.x);
  const step = Math.PI / 12;
  const out: { c: Candidate; score: number }[] = [];
  for (let far = 0; far < 3; far++) {
    for (let k = 0; k <= 12; k++) {
      for (const sign of k === 0 || k === 12 ? [1] : [1, -1]) {
        const a = base + sign * k * step;
        const d = halo + LABEL_GAP + far * size.height + reachAlong(size, a);
        const rect = rectAround({ x: spot.x + d * Math.cos(a), y: spot.y + d * Math.sin(a) }, size);
        out.push({ c: { rect, anchor: null }, score: k + 4 * far });
      }
    }
  }
  // Array.prototype.sort is stable: equal scores keep the order above.
  return out.sort((a, b) => a.score - b.score).map((o) => o.c);
}

/** Preferred spots (fractions of the free box) for the drawing's own notes. */
const PREFERRED: Record<'loss' | 'hint', readonly (readonly [number, number])[]> = {
  loss: [
    [0.5, 0],
    [0, 0],
    [1, 0],
    [0.5, 1],
    [0.5, 0.5],
  ],
  hint: [
    [1, 1],
    [0, 1],
    [0.5, 1],
    [1, 0],
    [0, 0],
    [0.5, 0.5],
  ],
};

/**
 * Spots across the box for a note that belongs to no node: its preferred corners and edges
 * first, then a grid over the whole box, nearest to the first preference first.
 */
function acrossBox(ring: RingLayout, kind: LabelKind, size: Size): Candidate[] {
  const freeW = ring.width - 2 * EDGE - size.width;
  const freeH = ring.height - 2 * EDGE - size.height;
  if (freeW < 0 || freeH < 0) return [];
  const at = (fx: number, fy: number): Rect => ({
    x: Math.round(EDGE + fx * freeW),
    y: Math.round(EDGE + fy * freeH),
    ...size,
  });
  const preferred = PREFERRED[kind === 'loss' ? 'loss' : 'hint'];
  const first = preferred[0]!;
  const stepX = Math.max(size.height, freeW / 40, 1) / Math.max(freeW, 1);
  const stepY = Math.max(size.height / 2, freeH / 30, 1) / Math.max(freeH, 1);
  const grid: { fx: number; fy: number; d: number }[] = [];
  for (let fy = 0; fy <= 1 + 1e-9; fy += stepY) {
    for (let fx = 0; fx <= 1 + 1e-9; fx += stepX) {
      grid.push({ fx, fy, d: Math.hypot((fx - first[0]) * freeW, (fy - first[1]) * freeH) });
    }
  }
  grid.sort((a, b) => a.d - b.d);
  return [
    ...preferred.map(([fx, fy]) => ({ rect: at(fx, fy), anchor: null })),
    ...grid.map((g) => ({ rect: at(Math.min(g.fx, 1), Math.min(g.fy, 1)), anchor: null })),
  ];
}

function anchorBeside(rect: Rect, spot: NodeSpot): TextAnchor {
  if (rect.x >= spot.x) return 'start';
  if (rect.x + rect.width <= spot.x) return 'end';
  return 'middle';
}

function anchorInBox(rect: Rect, ring: RingLayout): TextAnchor {
  const mid = rect.x + rect.width / 2;
  if (mid < ring.width / 3) return 'start';
  if (mid > (2 * ring.width) / 3) return 'end';
  return 'middle';
}
