// Angles spread round a circle: each as near its wanted angle as the least gap allows.
import { describe, expect, it } from 'vitest';
import { spreadOnCircle } from '../../../src/layout/rimSpread';

const TAU = 2 * Math.PI;

/** The smallest distance round the circle between any two of `angles`. */
function closest(angles: readonly number[]): number {
  let least = Infinity;
  for (let i = 0; i < angles.length; i++) {
    for (let j = i + 1; j < angles.length; j++) {
      const d = Math.abs(angles[i]! - angles[j]!) % TAU;
      least = Math.min(least, d, TAU - d);
    }
  }
  return least;
}

/** Each angle's place in the order round the circle, starting from the first one's. */
function orderRound(angles: readonly number[]): number[] {
  const from = angles[0]!;
  const turn = (a: number) => (((a - from) % TAU) + TAU) % TAU;
  return angles.map((_, i) => i).sort((a, b) => turn(angles[a]!) - turn(angles[b]!));
}

describe('spreadOnCircle', () => {
  it.each([
    { says: 'leaves angles already a gap apart where they are', wanted: [0, 1, 2], gap: 0.5 },
    { says: 'leaves a lone angle where it is', wanted: [2.5], gap: 1 },
    { says: 'leaves nothing as nothing', wanted: [], gap: 1 },
    { says: 'leaves angles alone when the gap is 0', wanted: [0, 0, 0], gap: 0 },
    { says: 'leaves angles alone when the gap is not a number', wanted: [0, 0.1], gap: NaN },
    { says: 'leaves angles alone when one is not a number', wanted: [0, NaN, 0], gap: 1 },
    { says: 'leaves angles alone when one is infinite', wanted: [0, Infinity], gap: 1 },
  ])('$says', ({ wanted, gap }) => {
    expect(spreadOnCircle(wanted, gap)).toEqual(wanted);
  });

  it('pools crowded neighbours round their mean (the worked example)', () => {
    const out = spreadOnCircle([0, 0.1, 0.2, 1.5], 0.4);
    [-0.3, 0.1, 0.5, 1.5].forEach((want, i) => expect(out[i]).toBeCloseTo(want, 9));
  });

  it('moves a block no further than it must: the mean of the pooled angles stays put', () => {
    const wanted = [1.0, 1.05, 1.3, 1.31];
    const out = spreadOnCircle(wanted, 0.3);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(out)).toBeCloseTo(mean(wanted), 9);
    expect(closest(out)).toBeGreaterThanOrEqual(0.3 - 1e-9);
  });

  it('spreads across the point where angles wrap round (just below 2π and just above 0)', () => {
    const wanted = [TAU - 0.05, 0.05, 3];
    const out = spreadOnCircle(wanted, 0.5);
    expect(closest(out)).toBeGreaterThanOrEqual(0.5 - 1e-9);
    // Each stays within a turn of what it asked for, and the pair moved apart symmetrically.
    expect(out[0]).toBeCloseTo(TAU - 0.25, 9);
    expect(out[1]).toBeCloseTo(0.25, 9);
    expect(out[2]).toBe(3);
  });

  it('spaces angles evenly when the circle cannot hold them a gap apart, keeping their order', () => {
    // Six all round, 1.2 rad apart wanted: 7.2 rad of gaps do not fit in one turn.
    const wanted = [3, 1, 0, 2, 5, 4];
    const out = spreadOnCircle(wanted, 1.2);
    expect(closest(out)).toBeCloseTo(TAU / 6, 9);
    expect(orderRound(out)).toEqual(orderRound(wanted));
  });

  it('closes up to fit the arc the angles cover, widened by a gap each side', () => {
    // Five angles within 0.4 rad, a wanted gap of 1: the room is 0.4 + 2 = 2.4, so 0.6 apart.
    const out = spreadOnCircle([0, 0.1, 0.2, 0.3, 0.4], 1);
    expect(closest(out)).toBeCloseTo(0.6, 9);
    expect(Math.max(...out) - Math.min(...out)).toBeCloseTo(2.4, 9);
  });

  it('gives the same answer for the same angles, whatever order ties come in', () => {
    const out = spreadOnCircle([1, 1, 1], 0.2);
    expect(out).toEqual(spreadOnCircle([1, 1, 1], 0.2));
    expect(out[0]).toBeLessThan(out[1]!);
    expect(out[1]).toBeLessThan(out[2]!);
  });

  it('keeps the gap the room allows on random crowds, each angle within half a turn of its own', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(random() * 9);
      const wanted = Array.from({ length: n }, () => random() * TAU * 0.6);
      const gap = 0.05 + random() * 0.3;
      const out = spreadOnCircle(wanted, gap);
      const span = TAU - widestEmptyArc(wanted);
      const step = Math.min(gap, (span + 2 * gap) / (n - 1));
      expect(closest(out)).toBeGreaterThanOrEqual(Math.min(step, TAU / n) - 1e-9);
      for (const [i, a] of out.entries()) expect(Math.abs(a - wanted[i]!)).toBeLessThan(Math.PI);
    }
  });
});

function widestEmptyArc(angles: readonly number[]): number {
  const sorted = angles.map((a) => ((a % TAU) + TAU) % TAU).sort((a, b) => a - b);
  return Math.max(...sorted.map((a, i) => (sorted[i + 1] ?? sorted[0]! + TAU) - a));
}
