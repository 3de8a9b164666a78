// Ring positions for every cluster size and box: the first node on top, clockwise, all on one
// ellipse that follows the box, every node and the client inside it and clear of each other.
import { describe, expect, it } from 'vitest';
import type { RingLayout } from '../../../src/layout/ring';
import { DEFAULT_RING_SIZES, ringLayout, spotOf } from '../../../src/layout/ring';
import { rectHitsCircle, rectInside } from '../../../src/layout/rects';
import { ringSizes } from './drawingFixture';

const NS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const BOXES = [
  { width: 1000, height: 440 },
  { width: 640, height: 300 },
  { width: 420, height: 640 },
  { width: 3700, height: 1900 },
];

describe('ringLayout', () => {
  describe.each(BOXES)('in a $width×$height box', ({ width, height }) => {
    it.each(NS.flatMap((n) => [1, 2].map((scale) => ({ n, scale }))))(
      'keeps $n nodes (text at ×$scale) and the client inside the box and apart',
      ({ n, scale }) => {
        const l = ringLayout(n, width, height, ringSizes(scale));
        expect(l.nodes.map((s) => s.id)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        for (const s of l.nodes) {
          expect(s.x - l.haloRadius).toBeGreaterThanOrEqual(0);
          expect(s.x + l.haloRadius).toBeLessThanOrEqual(width);
          expect(s.y - l.haloRadius).toBeGreaterThanOrEqual(0);
          expect(s.y + l.haloRadius).toBeLessThanOrEqual(height);
          expect(rectHitsCircle(l.clientBox, { ...s, r: l.haloRadius })).toBe(false);
          for (const o of l.nodes) {
            if (o.id > s.id)
              expect(Math.hypot(o.x - s.x, o.y - s.y)).toBeGreaterThan(2 * l.haloRadius);
          }
        }
        expect(rectInside(l.clientBox, { x: 0, y: 0, width, height })).toBe(true);
      },
    );
  });

  // A projector's cluster pane with the course open and a notice above the drawing is short and
  // wide: the ring goes flatter than usual rather than let halos overlap, and an even-sized
  // cluster turns a quarter step so its top and bottom nodes do not meet.
  it.each(
    [3, 5]
      .flatMap((n) => [1, 2].map((scale) => ({ n, scale, width: 836, height: 120 })))
      .concat(
        [4, 6, 7, 8].map((n) => ({ n, scale: 1, width: 836, height: 120 })),
        [4, 6, 8].map((n) => ({ n, scale: 1, width: 1000, height: 140 })),
      ),
  )(
    'keeps $n nodes (text at ×$scale) apart in a short wide $width×$height box',
    ({ n, scale, width, height }) => {
      const l = ringLayout(n, width, height, ringSizes(scale));
      for (const s of l.nodes) {
        for (const o of l.nodes) {
          if (o.id > s.id)
            expect(Math.hypot(o.x - s.x, o.y - s.y)).toBeGreaterThan(2 * l.haloRadius);
        }
      }
    },
  );

  it.each([3, 5, 9])('puts %i nodes on one ellipse, S1 on top', (n) => {
    const l = ringLayout(n, 1000, 440);
    for (const s of l.nodes) {
      const u = (s.x - l.center.x) / l.radiusX;
      const v = (s.y - l.center.y) / l.radiusY;
      expect(Math.hypot(u, v)).toBeCloseTo(1, 2);
    }
    expect(l.nodes[0]!.x).toBeCloseTo(l.center.x, 1);
    expect(l.nodes[0]!.y).toBeLessThan(l.center.y);
  });

  it.each([
    { box: [1200, 500], says: 'a wide box gets a wide ring', wide: true },
    { box: [500, 900], says: 'a tall box gets a tall ring', wide: false },
  ])('$says', ({ box, wide }) => {
    const l = ringLayout(5, box[0]!, box[1]!);
    expect(l.radiusX > l.radiusY).toBe(wide);
  });

  it('spaces nodes by equal arc length, so a flat ring does not bunch them at its ends', () => {
    const l = ringLayout(8, 1200, 420);
    const gaps = l.nodes.map((s, i) => {
      const next = l.nodes[(i + 1) % l.nodes.length]!;
      return Math.hypot(next.x - s.x, next.y - s.y);
    });
    expect(Math.min(...gaps) / Math.max(...gaps)).toBeGreaterThan(0.8);
  });

  it.each([
    {
      n: 1,
      says: 'one node sits at the centre',
      check: (l: RingLayout) => l.nodes[0]!.x === l.center.x && l.nodes[0]!.y === l.center.y,
    },
    {
      n: 2,
      says: 'two nodes sit left and right',
      check: (l: RingLayout) => l.nodes[0]!.x < l.nodes[1]!.x,
    },
    {
      n: 4,
      says: 'four nodes go clockwise: S2 right of S1',
      check: (l: RingLayout) => l.nodes[1]!.x > l.center.x,
    },
  ])('$says', ({ n, check }) => expect(check(ringLayout(n, 1000, 440))).toBe(true));

  it('puts the client in the bottom-left corner when it is free, as the endpoint id 0', () => {
    const l = ringLayout(5, 1000, 440);
    expect(l.clientBox.x).toBeLessThan(20);
    expect(l.clientBox.y + l.clientBox.height).toBeGreaterThan(420);
    expect(spotOf(l, 0)).toBe(l.client);
  });

  it('grows nodes with the box and shrinks them as the ring fills', () => {
    expect(ringLayout(9, 1000, 440).nodeRadius).toBeLessThan(ringLayout(3, 1000, 440).nodeRadius);
    expect(ringLayout(5, 640, 300).nodeRadius).toBeLessThan(ringLayout(5, 1900, 900).nodeRadius);
  });

  it('makes bodies big enough for their names when the text grows', () => {
    const big = ringLayout(3, 640, 300, ringSizes(2));
    expect(big.nodeRadius * 2).toBeGreaterThan(ringSizes(2).name.width);
    expect(big.nodeRadius).toBeGreaterThan(ringLayout(3, 640, 300, ringSizes(1)).nodeRadius);
  });

  it('switches to compact names rather than letting 9 nodes at 200 % text overlap in 640×300', () => {
    const l = ringLayout(9, 640, 300, ringSizes(2));
    expect(l.compactNames).toBe(true);
    expect(l.nodeRadius * 2).toBeGreaterThan(ringSizes(2).nameCompact.width);
  });

  it.each([
    { args: [0, 800, 400], message: /n must be a whole number of nodes ≥ 1, not 0/ },
    { args: [2.5, 800, 400], message: /not 2\.5/ },
    { args: [3, -1, 400], message: /width must be a positive number of pixels, not -1/ },
    { args: [3, 800, Number.NaN], message: /height must be a positive number of pixels, not NaN/ },
  ])('refuses ringLayout($args) with a clear message', ({ args, message }) => {
    const [n, w, h] = args as [number, number, number];
    expect(() => ringLayout(n, w, h, DEFAULT_RING_SIZES)).toThrow(message);
  });
});
