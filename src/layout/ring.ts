// Layout layer: where the cluster's nodes and the client sit inside the cluster view's SVG
// viewBox. Pure numbers from d3's scale maths; the UI draws them.
import { scaleLinear } from 'd3-scale';

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
  /** Half-axes of the ellipse the nodes sit on: wider than tall, like the screens it is shown on. */
  readonly radiusX: number;
  readonly radiusY: number;
  /** Radius of one node's body; smaller when many nodes share the ring. */
  readonly nodeRadius: number;
  readonly nodes: readonly NodeSpot[];
  /** Where the client (id 0) stands: bottom left, outside the ring. */
  readonly client: Point;
}

/**
 * The viewBox every cluster drawing uses; the SVG scales it to its container. Wide (about 9:4)
 * because the cluster pane is wide and short on a 1280×720 projector: a 16:10 box left empty
 * margins at both sides and shrank the text to ~10 px; this one is limited by the pane's height
 * far less, so node names reach ~20 px and detail lines ~13 px there.
 */
export const VIEW_WIDTH = 1000;
export const VIEW_HEIGHT = 440;

// Node body radius by cluster size: 1 node → 52, 9 nodes → 36 (linear in between).
const nodeRadiusFor = scaleLinear().domain([1, 9]).range([52, 36]).clamp(true);

/**
 * Places n nodes (ids 1…n) clockwise from the top of an ellipse 1.7× wider than tall, leaving
 * room above and below for each node's text. One node sits at the centre; two sit left and
 * right. E.g. ringLayout(4): S1 top, S2 right, S3 bottom, S4 left.
 */
export function ringLayout(n: number, width = VIEW_WIDTH, height = VIEW_HEIGHT): RingLayout {
  const center = { x: round(width * 0.5), y: round(height * 0.5) };
  const radiusY = round(height * 0.26);
  const radiusX = round(Math.min(width * 0.3, radiusY * 1.7));
  const angleOf = scaleLinear()
    .domain([0, Math.max(n, 1)])
    .range([-Math.PI / 2, (3 * Math.PI) / 2]);
  const nodes: NodeSpot[] = [];
  for (let i = 0; i < n; i++) {
    const angle = n === 2 ? (i === 0 ? Math.PI : 0) : angleOf(i);
    const k = n === 1 ? 0 : 1;
    nodes.push({
      id: i + 1,
      angle,
      x: round(center.x + k * radiusX * Math.cos(angle)),
      y: round(center.y + k * radiusY * Math.sin(angle)),
    });
  }
  return {
    width,
    height,
    center,
    radiusX,
    radiusY,
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
 * top node gets its text above it. A node at the bottom gets its text beside it, to the right
 * (left when it leans left): the wide, short view has no room below for a crashed node's three
 * lines. A lone centre node gets its text below.
 */
export function labelPlace(spot: NodeSpot, layout: RingLayout, gap: number): LabelPlace {
  if (layout.nodes.length === 1)
    return { x: spot.x, y: spot.y + gap, anchor: 'middle', block: 'below' };
  const cos = Math.cos(spot.angle);
  const sin = Math.sin(spot.angle);
  if (Math.abs(cos) <= 0.25 && sin > 0) {
    const left = cos < -1e-9;
    return {
      x: round(spot.x + (left ? -gap : gap)),
      y: round(spot.y + gap * 0.45),
      anchor: left ? 'end' : 'start',
      block: 'beside',
    };
  }
  const anchor = cos > 0.25 ? 'start' : cos < -0.25 ? 'end' : 'middle';
  const block = anchor !== 'middle' ? 'beside' : 'above';
  // Beside text starts at least 0.8 × gap out sideways, so a lower node's first line clears
  // its own timer ring instead of touching it.
  const dx = anchor === 'middle' ? gap * cos : Math.sign(cos) * Math.max(Math.abs(cos), 0.8) * gap;
  return { x: round(spot.x + dx), y: round(spot.y + gap * sin), anchor, block };
}
