// Layout layer: the gently curved path a message takes between two spots. A→B bends to the
// left of its direction of travel, so B→A bends the other way and the two never overlap.
// Messages a node sends at one instant fan out: each target has its own departure point on the
// sender's rim (spread apart, rimSpread.ts), and repeats to one target take wider lanes.
import { path } from 'd3-path';
import type { Point, RingLayout } from './ring';
import { spotOf } from './ring';
import { spreadOnCircle } from './rimSpread';

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

/**
 * Where messages from `from` leave its rim (radius `rim`) for each target: the rim point facing
 * the target, moved round the rim as little as it takes (spreadOnCircle) to leave neighbours
 * `spacing` apart, straight across, where the rim has room (bunched ports close up rather than
 * swing round behind the node). E.g. a node on a 9-node ring whose neighbours lie 20° apart gets
 * ports `spacing` apart instead of 20° of its rim. Same input, same ports.
 */
export function departurePorts(
  from: Point,
  targets: readonly { readonly id: number; readonly at: Point }[],
  rim: number,
  spacing: number,
): Map<number, Point> {
  const wanted = targets.map(({ at }) => Math.atan2(at.y - from.y, at.x - from.x));
  // Two rim points an angle a apart are 2·rim·sin(a/2) apart straight across.
  const gap = rim > 0 ? 2 * Math.asin(Math.min(1, spacing / (2 * rim))) : 0;
  const angles = spreadOnCircle(wanted, gap);
  const out = new Map<number, Point>();
  targets.forEach(({ id }, i) => {
    const a = angles[i]!;
    out.set(id, { x: from.x + Math.cos(a) * rim, y: from.y + Math.sin(a) * rim });
  });
  return out;
}

/** One message's route as the drawing needs it: who sent it to whom, and when. */
export interface FlightRef {
  readonly id: number;
  readonly from: number;
  readonly to: number;
  readonly sentAt: number;
}

/** The departure ports of every endpoint (client 0 and nodes 1…n) towards every other one. */
export type PortTable = ReadonlyMap<number, ReadonlyMap<number, Point>>;

/**
 * How far out from an endpoint's centre its messages start and end. `mark` is the reach of the
 * largest message mark from its centre (half its diagonal): a node's marks stop that far clear of
 * its name, and the client's clear of its whole box, so a message waiting at the rim never covers
 * the name.
 */
export function rimOf(layout: RingLayout, id: number, mark = 0): number {
  // The client is a labelled box: its marks wait beyond its corners, so none covers "client".
  if (id === 0) return Math.hypot(layout.clientBox.width, layout.clientBox.height) / 2 + mark + 1;
  const name = Math.hypot(layout.name.width, layout.name.height) / 2;
  return Math.max(layout.nodeRadius + 6, name + mark + 1);
}

/** Ports for the whole drawing: computed once per layout. */
export function portTable(layout: RingLayout, spacing: number, mark = 0): PortTable {
  const ids = [0, ...layout.nodes.map((n) => n.id)];
  const table = new Map<number, Map<number, Point>>();
  for (const a of ids) {
    const targets = ids.filter((b) => b !== a).map((b) => ({ id: b, at: spotOf(layout, b) }));
    table.set(a, departurePorts(spotOf(layout, a), targets, rimOf(layout, a, mark), spacing));
  }
  return table;
}

/** Extra bend and rim turn per lane, for repeats to one target at one instant. */
const LANE_BEND = 0.09;
const LANE_TURN = 0.22;

function turnAbout(p: Point, centre: Point, angle: number): Point {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const dx = p.x - centre.x;
  const dy = p.y - centre.y;
  return { x: centre.x + dx * c - dy * s, y: centre.y + dx * s + dy * c };
}

/**
 * The path of every flight: from its sender's port for the target to the target's rim. Flights
 * with the same sender, target and send time take lanes 0, 1, 2… by id: each lane bends further
 * and starts and ends a little further round both rims, so repeats never sit on one another.
 */
export function flightRoutes(
  layout: RingLayout,
  ports: PortTable,
  flights: readonly FlightRef[],
  bend = 0.1,
  mark = 0,
): Map<number, MessagePath> {
  const lanes = new Map<string, number>();
  const routes = new Map<number, MessagePath>();
  const sorted = [...flights].sort((a, b) => a.id - b.id);
  for (const f of sorted) {
    const start = ports.get(f.from)?.get(f.to);
    if (!start) continue;
    const key = `${f.from}>${f.to}@${f.sentAt}`;
    const lane = lanes.get(key) ?? 0;
    lanes.set(key, lane + 1);
    const a = spotOf(layout, f.from);
    const b = spotOf(layout, f.to);
    const len = Math.hypot(start.x - b.x, start.y - b.y) || 1;
    const rim = rimOf(layout, f.to, mark);
    const end = { x: b.x + ((start.x - b.x) / len) * rim, y: b.y + ((start.y - b.y) / len) * rim };
    const turn = lane * LANE_TURN;
    routes.set(
      f.id,
      messagePath(turnAbout(start, a, -turn), turnAbout(end, b, turn), bend + lane * LANE_BEND),
    );
  }
  return routes;
}
