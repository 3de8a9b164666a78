// Partition regions: a group is outlined per run of ring neighbours, so an outline never wraps a
// server of another group (the ring is convex, so a run's hull holds only its own servers).
import { describe, expect, it } from 'vitest';
import { distanceToHull, groupPieces, ringRuns } from '../../../src/layout/regions';
import { ringLayout } from '../../../src/layout/ring';
import type { Point } from '../../../src/layout/ring';
import { ringSizes } from './drawingFixture';

describe('partition outlines', () => {
  it.each([
    { group: [2, 3, 5], n: 5, runs: [[2, 3], [5]] },
    { group: [1, 4], n: 5, runs: [[4], [1]] },
    { group: [1, 5], n: 5, runs: [[5, 1]] },
    { group: [1, 2, 3, 4, 5], n: 5, runs: [[1, 2, 3, 4, 5]] },
    { group: [3], n: 3, runs: [[3]] },
    { group: [], n: 5, runs: [] },
    { group: [0, 6, 2.5, 2], n: 5, runs: [[2]] },
  ])('$group of $n → $runs', ({ group, n, runs }) => {
    expect(ringRuns(group, n)).toEqual(runs);
  });

  // The outline is the hull padded by the halo and a little more: another group's server must
  // stay further than that from every run's hull, or its outline would wrap that server.
  const covered = (
    outlines: (group: number[], spots: readonly Point[], pad: number) => number[][],
  ) => {
    const found: string[] = [];
    for (const [n, w, h] of [
      [3, 1000, 470],
      [5, 1000, 470],
      [5, 640, 300],
      [7, 1000, 470],
      [9, 1000, 470],
    ] as const) {
      const ring = ringLayout(n, w, h, ringSizes(1));
      const pad = ring.haloRadius + 6;
      for (let mask = 1; mask < 2 ** n - 1; mask++) {
        const group = ring.nodes.filter((_, i) => mask & (1 << i)).map((s) => s.id);
        for (const run of outlines(group, ring.nodes, pad)) {
          const pts = run.map((id) => ring.nodes[id - 1]!);
          for (const other of ring.nodes) {
            if (group.includes(other.id)) continue;
            if (distanceToHull(other, pts) < pad) found.push(`S${other.id} by [${run}] of ${n}`);
          }
        }
      }
    }
    return found;
  };

  it('for every group of rings of 3–9 servers, no outline reaches another group’s server', () => {
    expect(covered(groupPieces)).toEqual([]);
  });

  it('one outline per whole group, or per run of neighbours, would reach other servers', () => {
    expect(covered((group) => [group]).length).toBeGreaterThan(0);
    expect(covered((group, spots) => ringRuns(group, spots.length)).length).toBeGreaterThan(0);
  });
});

describe('distanceToHull', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
    { x: 0, y: 10 },
  ];
  it.each([
    { p: { x: 5, y: 5 }, d: 0 },
    { p: { x: 13, y: 5 }, d: 3 },
    { p: { x: 13, y: 14 }, d: 5 },
    { p: { x: -2, y: 5 }, d: 2 },
  ])('($p.x, $p.y) is $d from a 10×10 square', ({ p, d }) => {
    expect(distanceToHull(p, square)).toBeCloseTo(d, 9);
  });

  it('measures from a segment for two points and from the point for one', () => {
    expect(distanceToHull({ x: 5, y: 4 }, square.slice(0, 2))).toBeCloseTo(4, 9);
    expect(distanceToHull({ x: 3, y: 4 }, square.slice(0, 1))).toBeCloseTo(5, 9);
  });
});
