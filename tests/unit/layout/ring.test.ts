// Ring positions for every cluster size: the first node on top, clockwise, all on one ellipse.
import { describe, expect, it } from 'vitest';
import { labelPlace, ringLayout, spotOf } from '../../../src/layout/ring';

describe('ringLayout', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('places %i nodes inside the view, ids 1…n', (n) => {
    const l = ringLayout(n);
    expect(l.nodes.map((s) => s.id)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    for (const s of l.nodes) {
      expect(s.x - l.nodeRadius).toBeGreaterThan(0);
      expect(s.x + l.nodeRadius).toBeLessThan(l.width);
      expect(s.y - l.nodeRadius).toBeGreaterThan(0);
      expect(s.y + l.nodeRadius).toBeLessThan(l.height);
    }
  });

  it.each([3, 4, 5, 6, 7, 8, 9])('puts %i nodes on one wide ellipse, S1 on top', (n) => {
    const l = ringLayout(n);
    expect(l.radiusX).toBeGreaterThan(l.radiusY);
    for (const s of l.nodes) {
      const u = (s.x - l.center.x) / l.radiusX;
      const v = (s.y - l.center.y) / l.radiusY;
      expect(Math.hypot(u, v)).toBeCloseTo(1, 2);
    }
    expect(l.nodes[0]!.x).toBeCloseTo(l.center.x, 1);
    expect(l.nodes[0]!.y).toBeLessThan(l.center.y);
  });

  it.each([
    {
      n: 1,
      says: 'one node sits at the centre',
      check: (l: ReturnType<typeof ringLayout>) =>
        expect(l.nodes[0]).toMatchObject({ x: l.center.x, y: l.center.y }),
    },
    {
      n: 2,
      says: 'two nodes sit left and right',
      check: (l: ReturnType<typeof ringLayout>) =>
        expect(l.nodes[0]!.x).toBeLessThan(l.nodes[1]!.x),
    },
    {
      n: 4,
      says: 'four nodes go clockwise: S2 right of S1',
      check: (l: ReturnType<typeof ringLayout>) =>
        expect(l.nodes[1]!.x).toBeGreaterThan(l.center.x),
    },
  ])('$says', ({ n, check }) => check(ringLayout(n)));

  it.each([1, 5, 9])('keeps the client left of every node for %i nodes', (n) => {
    const l = ringLayout(n);
    for (const s of l.nodes) expect(l.client.x).toBeLessThan(s.x - l.nodeRadius * 2);
    expect(spotOf(l, 0)).toBe(l.client);
  });

  it('shrinks nodes as the ring fills', () => {
    expect(ringLayout(9).nodeRadius).toBeLessThan(ringLayout(3).nodeRadius);
  });
});

describe('labelPlace', () => {
  it.each([
    { n: 4, id: 1, anchor: 'middle', block: 'above', says: 'the top node gets its text above' },
    {
      n: 4,
      id: 2,
      anchor: 'start',
      block: 'beside',
      says: 'a right-hand node gets text to its right',
    },
    {
      n: 4,
      id: 3,
      anchor: 'start',
      block: 'beside',
      says: 'the bottom node gets its text to its right (the wide view is short below)',
    },
    { n: 4, id: 4, anchor: 'end', block: 'beside', says: 'a left-hand node gets text to its left' },
    {
      n: 1,
      id: 1,
      anchor: 'middle',
      block: 'below',
      says: 'a lone centre node gets its text below',
    },
  ])('$says', ({ n, id, anchor, block }) => {
    const l = ringLayout(n);
    expect(labelPlace(l.nodes[id - 1]!, l, 60)).toMatchObject({ anchor, block });
  });
});
