// Message paths: start and end on the spots, bend gently, and opposite directions bend apart.
import { describe, expect, it } from 'vitest';
import { flightProgress, messagePath, pointAt } from '../../../src/layout/messagePath';

const a = { x: 0, y: 0 };
const b = { x: 100, y: 0 };

describe('messagePath', () => {
  it.each([
    { t: 0, x: 0 },
    { t: 1, x: 100 },
    { t: 0.5, x: 50 },
    { t: -1, x: 0 },
    { t: 2, x: 100 },
  ])('at t=$t sits at x=$x', ({ t, x }) => {
    expect(pointAt(messagePath(a, b), t).x).toBeCloseTo(x, 5);
  });

  it('bends A→B and B→A to opposite sides', () => {
    const there = pointAt(messagePath(a, b), 0.5);
    const back = pointAt(messagePath(b, a), 0.5);
    expect(Math.sign(there.y)).toBe(-Math.sign(back.y));
    expect(Math.abs(there.y)).toBeGreaterThan(1);
    expect(Math.abs(there.y)).toBeLessThan(20);
  });

  it('trims both ends by the inset', () => {
    const m = messagePath(a, b, 0.1, 10);
    expect(pointAt(m, 0).x).toBeCloseTo(10);
    expect(pointAt(m, 1).x).toBeCloseTo(90);
    expect(m.d.startsWith('M10,0Q')).toBe(true);
  });
});

describe('flightProgress', () => {
  const f = { sentAt: 100, arriveAt: 200, lostAt: null };
  it.each([
    { says: 'just sent', flight: f, at: 100, t: 0, dead: false },
    { says: 'halfway', flight: f, at: 150, t: 0.5, dead: false },
    { says: 'arrived', flight: f, at: 250, t: 1, dead: false },
    {
      says: 'lost at 140, seen at 130',
      flight: { ...f, lostAt: 140 },
      at: 130,
      t: 0.3,
      dead: false,
    },
    {
      says: 'lost at 140, seen at 170: stopped where it died',
      flight: { ...f, lostAt: 140 },
      at: 170,
      t: 0.4,
      dead: true,
    },
  ])('$says → t=$t dead=$dead', ({ flight, at, t, dead }) => {
    const p = flightProgress(flight, at);
    expect(p.t).toBeCloseTo(t);
    expect(p.dead).toBe(dead);
  });
});
