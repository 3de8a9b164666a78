// Layout layer: where the cluster's nodes and the client sit inside the cluster view's SVG
// viewBox. Pure numbers from d3's scale maths; the UI draws them.
import { scaleLinear } from 'd3';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface NodeSpot extends Point {
  readonly id: number;
  /** Radians, 0 pointing right, growing clockwise on screen (y grows downwards). */
  readonly angle: number;
}

export interface RingLayout {
  readonly width: number;
  readonly height: number;
  readonly center: Point;
  readonly radius: number;
  /** Radius of one node's body; smaller when many nodes share the ring. */
  readonly nodeRadius: number;
  readonly nodes: readonly NodeSpot[];
  /** Where the client (id 0) stands: bottom left, outside the ring. */
  readonly client: Point;
}

/** The viewBox every cluster drawing uses; the SVG scales it to its container. */
export const VIEW_WIDTH = 960;
export const VIEW_HEIGHT = 600;

// Node body radius by cluster size: 1 node → 52, 9 nodes → 36 (linear in between).
const nodeRadiusFor = scaleLinear().domain([1, 9]).range([52, 36]).clamp(true);

/**
 * Places n nodes (ids 1…n) clockwise from the top of a circle. One node sits at the centre;
 * two sit left and right. E.g. ringLayout(4): S1 top, S2 right, S3 bottom, S4 left.
 */
export function ringLayout(n: number, width = VIEW_WIDTH, height = VIEW_HEIGHT): RingLayout {
  const center = { x: round(width * 0.5), y: round(height * 0.5) };
  const radius = Math.min(width * 0.3, height * 0.3);
  const angleOf = scaleLinear()
    .domain([0, Math.max(n, 1)])
    .range([-Math.PI / 2, (3 * Math.PI) / 2]);
  const nodes: NodeSpot[] = [];
  for (let i = 0; i < n; i++) {
    const angle = n === 2 ? (i === 0 ? Math.PI : 0) : angleOf(i);
    const r = n === 1 ? 0 : radius;
    nodes.push({
      id: i + 1,
      angle,
      x: round(center.x + r * Math.cos(angle)),
      y: round(center.y + r * Math.sin(angle)),
    });
  }
  return {
    width,
    height,
    center,
    radius,
    nodeRadius: nodeRadiusFor(n),
    nodes,
    client: { x: round(width * 0.075), y: round(height * 0.88) },
  };
}

/** Position of a message endpoint: node id 1…n, or the client for id 0. */
export function spotOf(layout: RingLayout, id: number): Point {
  return id === 0 ? layout.client : (layout.nodes[id - 1] ?? layout.center);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

export interface LabelPlace extends Point {
  readonly anchor: 'start' | 'middle' | 'end';
  /** Where the block of lines sits relative to (x, y). */
  readonly block: 'above' | 'below' | 'beside';
}

/**
 * Where a node's text goes: outside the ring along the node's own direction, so labels of
 * neighbours never meet, e.g. a node on the right gets left-aligned text to its right, the
 * top node gets its text above it. A lone centre node gets its text below.
 */
export function labelPlace(spot: NodeSpot, layout: RingLayout, gap: number): LabelPlace {
  if (layout.nodes.length === 1) return { x: spot.x, y: spot.y + gap, anchor: 'middle', block: 'below' };
  const cos = Math.cos(spot.angle);
  const sin = Math.sin(spot.angle);
  const anchor = cos > 0.25 ? 'start' : cos < -0.25 ? 'end' : 'middle';
  const block = anchor !== 'middle' ? 'beside' : sin < 0 ? 'above' : 'below';
  return { x: round(spot.x + gap * cos), y: round(spot.y + gap * sin), anchor, block };
}
