// Message paths: start and end on the spots, bend gently, and opposite directions bend apart.
import { describe, expect, it } from 'vitest';
import {
  departurePorts,
  flightProgress,
  flightRoutes,
  messagePath,
  pointAt,
  portTable,
} from '../../../src/layout/messagePath';
import type { FlightRef } from '../../../src/layout/messagePath';
import { ringLayout } from '../../../src/layout/ring';

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

describe('messages sent at one instant fan out', () => {
  const ring = ringLayout(9, 1000, 470);
  const ports = portTable(ring, 24);
  const ts = Array.from({ length: 11 }, (_, i) => i / 10);
  const minGap = (flights: FlightRef[]) => {
    const routes = flightRoutes(ring, ports, flights);
    let gap = Infinity;
    for (const t of ts) {
      const at = flights.map((f) => pointAt(routes.get(f.id)!, t));
      for (let i = 0; i < at.length; i++)
        for (let j = i + 1; j < at.length; j++)
          gap = Math.min(gap, Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y));
    }
    return gap;
  };

  it('keeps a leader broadcasting to 8 followers 15 px apart all the way (unfanned: 8 px)', () => {
    const flights = [2, 3, 4, 5, 6, 7, 8, 9].map((to, i) => ({ id: i, from: 1, to, sentAt: 100 }));
    expect(minGap(flights)).toBeGreaterThan(15);
  });

  it('gives three messages to one target at one instant three lanes (unfanned: one spot)', () => {
    const flights = [7, 8, 9].map((id) => ({ id, from: 3, to: 4, sentAt: 50 }));
    expect(minGap(flights)).toBeGreaterThan(6);
  });

  it('spreads departure points that would sit closer than the spacing', () => {
    const from = { x: 0, y: 0 };
    const targets = [0, 0.1, 0.2].map((a, id) => ({
      id,
      at: { x: 300 * Math.cos(a), y: 300 * Math.sin(a) },
    }));
    const p = departurePorts(from, targets, 30, 20);
    const pts = [...p.values()];
    for (const q of pts) expect(Math.hypot(q.x, q.y)).toBeCloseTo(30, 5);
    // Unspread, neighbours 0.1 rad apart on a 30 px rim would be 3 px apart: now the spacing.
    expect(Math.hypot(pts[0]!.x - pts[1]!.x, pts[0]!.y - pts[1]!.y)).toBeCloseTo(20, 6);
    expect(Math.hypot(pts[1]!.x - pts[2]!.x, pts[1]!.y - pts[2]!.y)).toBeCloseTo(20, 6);
    // The middle one had neighbours on both sides pulling equally: it still faces its target.
    expect(Math.atan2(pts[1]!.y, pts[1]!.x)).toBeCloseTo(0.1, 9);
  });

  it('keeps a lone message on lane 0: the shared port, the usual bend', () => {
    const routes = flightRoutes(ring, ports, [{ id: 1, from: 2, to: 5, sentAt: 0 }]);
    expect(routes.get(1)!.from).toEqual(ports.get(2)!.get(5));
  });

  it('computes the same ports every time', () => {
    expect(portTable(ring, 24)).toEqual(ports);
  });
});
