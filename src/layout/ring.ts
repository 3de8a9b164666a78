// Layout layer: where the cluster's nodes and the client sit in the drawing, in the CSS pixels of
// the box the drawing gets. Pure numbers from d3's scale maths and the measured text sizes the UI
// passes in; the UI draws them. Labels are placed afterwards, around this ring (labels.ts).
import { scaleLinear } from 'd3-scale';
import type { Rect, Size } from './rects';
import { fitsAmong, rectAround, rectHitsCircle } from './rects';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface NodeSpot extends Point {
  readonly id: number;
  /** Radians of the spot on the ellipse, 0 pointing right, growing clockwise (y grows down). */
  readonly angle: number;
  /** Unit vector pointing out of the ring at this spot: where the node's text would rather go. */
  readonly outward: Point;
}

/** Text sizes the ring must make room for, measured by the UI with the real fonts. */
export interface RingSizes {
  /** The widest node name ("S9") in the full name font. */
  readonly name: Size;
  /** The same in the compact name font, used when the full one would crowd the ring. */
  readonly nameCompact: Size;
  /** Height of one label line beside a node: the ring keeps two lines' room above and below. */
  readonly line: number;
  /** Width of a typical node's widest line ("term 88 · voted S8"): the room kept at the sides. */
  readonly label: number;
  /** The client box, text and padding included. */
  readonly client: Size;
}

/** Sizes at 100 % text in a sans-serif font: for tests and for the frame before measuring. */
export const DEFAULT_RING_SIZES: RingSizes = {
  name: { width: 36, height: 33 },
  nameCompact: { width: 26, height: 24 },
  line: 23,
  label: 180,
  client: { width: 84, height: 40 },
};

export interface RingLayout {
  readonly width: number;
  readonly height: number;
  readonly center: Point;
  /** Half-axes of the ellipse the nodes sit on: they follow the box, wide or tall. */
  readonly radiusX: number;
  readonly radiusY: number;
  /** Radius of one node's body: follows the box and holds the node's name. */
  readonly nodeRadius: number;
  /** The election timer ring and the cut-off ring drawn around a node. */
  readonly timerRadius: number;
  readonly cutOffRadius: number;
  /** Everything drawn around a node stays inside this radius; labels stay outside it. */
  readonly haloRadius: number;
  /** True when names use the compact font because the full one would crowd the ring. */
  readonly compactNames: boolean;
  /**
   * How much the name is shrunk below its font (1 = not at all): only when even the compact font
   * would make nodes overlap, so the name still fits inside a smaller body.
   */
  readonly nameScale: number;
  /** The name's box as drawn (font size × nameScale), centred on the node: inside its body. */
  readonly name: Size;
  readonly nodes: readonly NodeSpot[];
  /** Where messages to and from the client (id 0) start and end: its box's centre. */
  readonly client: Point;
  readonly clientBox: Rect;
}

/** Keep-out margin between the box's edge and anything drawn. */
export const EDGE = 4;

// Node body radius as a share of the box's shorter side: 1 node → 0.14, 9 nodes → 0.065.
/** The smallest body a node gets when nodes would otherwise overlap; its name shrinks to fit. */
const MIN_RADIUS = 7;

const radiusShare = scaleLinear().domain([1, 9]).range([0.14, 0.065]).clamp(true);

/** The rings around a body of radius r: timer, cut-off, and the outer edge of both strokes. */
export function ringsAround(r: number): { timer: number; cutOff: number; halo: number } {
  const timer = r * 1.12 + Math.max(4, r * 0.08);
  const cutOff = timer + Math.max(5, r * 0.1);
  return { timer, cutOff, halo: cutOff + 2.5 };
}

function checkArguments(n: number, width: number, height: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`ringLayout: n must be a whole number of nodes ≥ 1, not ${String(n)}`);
  for (const [name, v] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
      throw new RangeError(`ringLayout: ${name} must be a positive number of pixels, not ${v}`);
  }
}

/**
 * Places n nodes (ids 1…n) clockwise from the top of an ellipse that fills the box, leaving room
 * outside it for a line of text, then puts the client box in the first free corner (bottom left
 * first). Nodes are spaced by equal arc length, so a flat ellipse does not bunch them at its
 * ends. One node sits at the centre; two sit left and right. When the nodes would crowd each
 * other the bodies shrink (to the compact name font at worst); in a box too short for the
 * usual ring, a flatter one may start a quarter step past the top (flatSpots). Throws a
 * RangeError for a bad n or box, e.g. ringLayout(0, 800, 400).
 */
export function ringLayout(
  n: number,
  width: number,
  height: number,
  sizes: RingSizes = DEFAULT_RING_SIZES,
): RingLayout {
  checkArguments(n, width, height);
  const capped = settleRing(n, width, height, sizes, false);
  if (spacedApart(capped)) return capped;
  // The ring crowds within its usual shape (a short wide box, or a thin tall one): a flatter
  // ring is kept where it parts the nodes and still leaves the client its corner.
  const flat = settleRing(n, width, height, sizes, true);
  if (!clientFits(flat)) return capped;
  // Where neither parts every node, the flatter ring still crowds them less.
  return spacedApart(flat) || closestPair(flat.nodes) > closestPair(capped.nodes) ? flat : capped;
}

/**
 * A bounded number of tries, each giving something up: smaller bodies, then the compact name
 * font, then the room kept outside the ring for labels; or, for the client, a smaller ring.
 * `flat` lifts the ring's 3.5 : 1 limit on its shape for every try.
 */
function settleRing(
  n: number,
  width: number,
  height: number,
  sizes: RingSizes,
  flat: boolean,
): RingLayout {
  const floorFor = (s: Size) => Math.max(s.width, s.height) / 2 + 5;
  const full = floorFor(sizes.name);
  let r = Math.min(Math.max(Math.min(width, height) * radiusShare(n), full), full * 2.4);
  let compact = false;
  let roomy = true;
  let squeeze = 1;
  let layout = tryRing(n, width, height, r, { compact, roomy, flat, squeeze }, sizes);
  for (let attempt = 0; attempt < 48; attempt++) {
    if (!spacedApart(layout)) {
      const floor = floorFor(compact ? sizes.nameCompact : sizes.name);
      if (r > floor + 0.5) r = Math.max(floor, r * 0.9);
      else if (!compact) compact = true;
      else if (roomy) roomy = false;
      else if (!bodiesApart(layout) && r > MIN_RADIUS + 0.5) r = Math.max(MIN_RADIUS, r * 0.9);
      else break;
    } else if (!clientFits(layout) && squeeze > 0.5) squeeze *= 0.92;
    else break;
    layout = tryRing(n, width, height, r, { compact, roomy, flat, squeeze }, sizes);
  }
  return layout;
}

/** What one try of the ring gives up: see ringLayout. */
interface RingTry {
  readonly compact: boolean;
  readonly roomy: boolean;
  readonly flat: boolean;
  readonly squeeze: number;
}

function tryRing(
  n: number,
  width: number,
  height: number,
  r: number,
  { compact, roomy, flat, squeeze }: RingTry,
  sizes: RingSizes,
): RingLayout {
  const rings = ringsAround(r);
  const halo = rings.halo;
  const center = { x: round(width / 2), y: round(height / 2) };
  // Room outside the ring: a label's width at the sides, two lines above and below; never so much
  // that the ring would vanish, and never so little that a halo leaves the box.
  const maxX = Math.max(0, width / 2 - halo - EDGE);
  const maxY = Math.max(0, height / 2 - halo - EDGE);
  let radiusX = roomy ? Math.max(width / 2 - halo - sizes.label - 12, maxX * 0.5) : maxX;
  let radiusY = roomy ? Math.max(height / 2 - halo - 2 * sizes.line - 14, maxY * 0.5) : maxY;
  radiusX = Math.min(radiusX, maxX);
  radiusY = Math.min(radiusY, maxY);
  // Not flatter than 3.5 : 1 either way (equal arc spacing keeps even a flat ring readable),
  // unless nodes would crowd each other otherwise.
  if (!flat) {
    radiusX = Math.min(radiusX, radiusY * 3.5 + halo);
    radiusY = Math.min(radiusY, radiusX * 3.5 + halo);
  }
  radiusX *= squeeze;
  radiusY *= squeeze;
  if (n === 2) radiusX = Math.min(radiusX, Math.max(radiusY * 1.6, 3 * halo));
  const nodes = flat
    ? flatSpots(n, center, radiusX, radiusY)
    : placeOnEllipse(n, center, radiusX, radiusY);
  const font = compact ? sizes.nameCompact : sizes.name;
  // The name fits inside the body: its box's half-diagonal-ish reach (the larger side) plus a
  // margin stays within r; below the compact font's floor the name shrinks with the body.
  const nameScale = Math.min(1, Math.max(0.05, (2 * r - 6) / Math.max(font.width, font.height)));
  const base = {
    width,
    height,
    center,
    radiusX: round(radiusX),
    radiusY: round(radiusY),
    nodeRadius: round(r),
    timerRadius: round(rings.timer),
    cutOffRadius: round(rings.cutOff),
    haloRadius: round(halo),
    compactNames: compact,
    nameScale: round(nameScale),
    name: { width: round(font.width * nameScale), height: round(font.height * nameScale) },
    nodes,
  };
  const clientBox = placeClient(base, sizes.client);
  return {
    ...base,
    clientBox,
    client: { x: clientBox.x + clientBox.width / 2, y: clientBox.y + clientBox.height / 2 },
  };
}

/**
 * On a flat ring the nodes straight above and below the centre meet first; an even-sized
 * cluster has such a pair. A quarter of a step around the ring sets the top node off to the
 * right and the bottom one to the left; of the two placements, the one whose closest nodes are
 * further apart is kept.
 */
function flatSpots(n: number, center: Point, rx: number, ry: number): NodeSpot[] {
  const usual = placeOnEllipse(n, center, rx, ry);
  if (n < 4) return usual;
  const turned = placeOnEllipse(n, center, rx, ry, 0.25);
  return closestPair(turned) > closestPair(usual) ? turned : usual;
}

/** The distance between the two nodes nearest each other (Infinity for fewer than two). */
function closestPair(spots: readonly Point[]): number {
  let least = Infinity;
  for (let i = 0; i < spots.length; i++) {
    for (let j = i + 1; j < spots.length; j++) {
      least = Math.min(least, Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.y - spots[j]!.y));
    }
  }
  return least;
}

/** `turn`: how far round from the top the first node sits, in steps between nodes. */
function placeOnEllipse(n: number, center: Point, rx: number, ry: number, turn = 0): NodeSpot[] {
  const spot = (id: number, angle: number, k: number): NodeSpot => {
    const ox = Math.cos(angle) / Math.max(rx, 1e-6);
    const oy = Math.sin(angle) / Math.max(ry, 1e-6);
    const len = Math.hypot(ox, oy) || 1;
    return {
      id,
      angle,
      x: round(center.x + k * rx * Math.cos(angle)),
      y: round(center.y + k * ry * Math.sin(angle)),
      outward: k === 0 ? { x: 0, y: 1 } : { x: ox / len, y: oy / len },
    };
  };
  if (n === 1) return [spot(1, Math.PI / 2, 0)];
  if (n === 2) return [spot(1, Math.PI, 1), spot(2, 0, 1)];
  // Cumulative arc length from the top, clockwise, sampled finely enough for 9 nodes.
  const samples = 720;
  const at = (i: number) => -Math.PI / 2 + (i / samples) * 2 * Math.PI;
  const lengths = [0];
  for (let i = 1; i <= samples; i++) {
    const a = at(i - 1);
    const b = at(i);
    const step = Math.hypot(rx * (Math.cos(b) - Math.cos(a)), ry * (Math.sin(b) - Math.sin(a)));
    lengths.push(lengths[i - 1]! + step);
  }
  const total = lengths[samples]!;
  const spots: NodeSpot[] = [];
  let j = 0;
  for (let id = 1; id <= n; id++) {
    const want = ((id - 1 + turn) / n) * total;
    while (j < samples && lengths[j + 1]! < want) j++;
    const span = lengths[j + 1]! - lengths[j]! || 1;
    const angle = at(j) + ((want - lengths[j]!) / span) * ((2 * Math.PI) / samples);
    spots.push(spot(id, angle, 1));
  }
  return spots;
}

/** Neighbouring halos do not touch (and, for the smallest bodies, neither do the bodies). */
function spacedApart(l: Omit<RingLayout, 'client' | 'clientBox'>): boolean {
  return closestPair(l.nodes) >= 2 * l.haloRadius + 4;
}

/** Neighbouring bodies keep a few pixels apart (halos may touch): the last thing given up. */
function bodiesApart(l: Omit<RingLayout, 'client' | 'clientBox'>): boolean {
  return closestPair(l.nodes) >= 2 * l.nodeRadius + 6;
}

function obstaclesOf(l: Omit<RingLayout, 'client' | 'clientBox'>) {
  return {
    bounds: { x: EDGE, y: EDGE, width: l.width - 2 * EDGE, height: l.height - 2 * EDGE },
    rects: [],
    circles: l.nodes.map((s) => ({ x: s.x, y: s.y, r: l.haloRadius })),
  };
}

function clientFits(l: RingLayout): boolean {
  return fitsAmong(l.clientBox, obstaclesOf(l), 0);
}

/**
 * The client box: the first corner it fits in (bottom left, top left, bottom right, top right),
 * else the middle of the ring, else bottom left anyway (the caller then shrinks the ring).
 */
function placeClient(l: Omit<RingLayout, 'client' | 'clientBox'>, size: Size): Rect {
  const w = Math.min(size.width, l.width - 2 * EDGE);
  const h = Math.min(size.height, l.height - 2 * EDGE);
  const left = EDGE;
  const right = l.width - EDGE - w;
  const top = EDGE;
  const bottom = l.height - EDGE - h;
  const spots: Point[] = [
    { x: left, y: bottom },
    { x: left, y: top },
    { x: right, y: bottom },
    { x: right, y: top },
  ];
  if (l.nodes.length >= 3) spots.push({ x: l.center.x - w / 2, y: l.center.y - h / 2 });
  const o = obstaclesOf(l);
  const rects = spots.map((p) => ({ x: round(p.x), y: round(p.y), width: w, height: h }));
  return rects.find((r) => fitsAmong(r, o, 0)) ?? rects[0]!;
}

/**
 * Where a node's fault badge (a disc of radius `badge`) sits, relative to the node's centre: on
 * its upper-right shoulder, inside the node's halo, so no label and no other node can reach it.
 */
export function badgeOffset(layout: RingLayout, badge: number): Point {
  const reach = Math.max(layout.nodeRadius * 0.85, layout.haloRadius - badge - 1);
  const name = rectAround({ x: 0, y: 0 }, layout.name);
  const shoulder = { x: reach * Math.SQRT1_2, y: -reach * Math.SQRT1_2 };
  if (!rectHitsCircle(name, { ...shoulder, r: badge + 1 }))
    return { x: round(shoulder.x), y: round(shoulder.y) };
  // A big name: lift the badge just above it, still inside the halo where it can.
  const y = -(layout.name.height / 2 + badge + 1);
  const x = Math.sqrt(Math.max(0, reach * reach - y * y));
  return { x: round(x), y: round(y) };
}

/** Position of a message endpoint: node id 1…n, or the client for id 0. */
export function spotOf(layout: RingLayout, id: number): Point {
  return id === 0 ? layout.client : (layout.nodes[id - 1] ?? layout.center);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
