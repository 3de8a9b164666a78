// The stale-read alarm's timeline (thesis §6.4): operations on one time axis, ordered as they
// happened, inside the width given, with ticks a reader can label.
import { describe, expect, it } from 'vitest';
import { opsTimeline } from '../../../src/layout/opsTimeline';

describe('a timeline of operations', () => {
  const write = { start: 400, end: 480 };
  const read = { start: 520, end: 540 };
  const t = opsTimeline([write, read], 600);

  it('keeps every bar inside the width, clear of the margins', () => {
    for (const s of t.spans) {
      expect(s.x0).toBeGreaterThanOrEqual(12);
      expect(s.x1).toBeLessThanOrEqual(588);
      expect(s.x1).toBeGreaterThanOrEqual(s.x0);
    }
  });

  it('draws a write acknowledged before the read was sent wholly left of the read', () => {
    const [w, r] = t.spans;
    expect(w!.x1).toBeLessThan(r!.x0);
    expect(t.x(480)).toBe(w!.x1);
  });

  it('labels ticks in round milliseconds, left to right, within the width', () => {
    expect(t.ticks.length).toBeGreaterThanOrEqual(2);
    const ms = t.ticks.map((k) => k.ms);
    expect(ms).toEqual([...ms].sort((a, b) => a - b));
    expect(ms.every((m) => m % 10 === 0)).toBe(true);
    expect(t.ticks.every((k) => k.x >= 12 && k.x <= 588)).toBe(true);
  });

  it.each([
    ['a local read answered at once', [{ start: 300, end: 300 }]],
    ['a write whose request time is unknown', [{ start: null, end: 300 }]],
  ])('still places %s, as a mark', (_, spans) => {
    const [s] = opsTimeline(spans, 400).spans;
    expect(s!.x0).toBe(s!.x1);
    expect(s!.x0).toBeGreaterThan(12);
    expect(s!.x0).toBeLessThan(388);
  });

  it('gives a narrow timeline fewer ticks than a wide one, never fewer than two', () => {
    const narrow = opsTimeline([write, read], 200).ticks.length;
    const wide = opsTimeline([write, read], 1200).ticks.length;
    expect(narrow).toBeGreaterThanOrEqual(2);
    expect(wide).toBeGreaterThan(narrow);
  });
});
