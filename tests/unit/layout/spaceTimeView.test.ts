// The space-time diagram's geometry: where an arrow stops (the receiver, the point on its way
// where it died, the door it waited at), thinning a crowded window (unusual messages first, the
// same ones as the window moves), hit-testing, buckets, and the zoom that keeps a time at a px.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/raft';
import type { Arrow } from '../../../src/layout/spaceTime';
import {
  anchoredAt,
  baseTimeScale,
  bucketArrows,
  nearestArrow,
  placeArrows,
  thinArrows,
} from '../../../src/layout/spaceTimeView';

const heartbeat = { kind: 'AppendEntries', from: 1, to: 3, entries: [] } as unknown as Message;
const vote = { kind: 'RequestVote', from: 1, to: 3, preVote: false } as unknown as Message;

const arrow = (over: Partial<Arrow>): Arrow => ({
  key: 1,
  flight: 1,
  message: heartbeat,
  from: 1,
  to: 3,
  sentAt: 100,
  sendSeq: 1,
  arriveAt: 120,
  endAt: 120,
  endSeq: 2,
  fate: 'delivered',
  lossReason: null,
  held: false,
  ...over,
});

// 1 px per ms from 0; lane n at y = 10·n.
const x = (ms: number) => ms;
const y = (node: number) => node * 10;

describe('placing an arrow', () => {
  it.each([
    ['a delivered message reaches the receiver at its delivery', {}, [100, 10, 120, 30], null],
    [
      'a message lost half-way stops half-way, with a cross',
      { fate: 'lost' as const, endAt: 110 },
      [100, 10, 110, 20],
      { x: 110, y: 20 },
    ],
    [
      'a message lost at once stops at its sender',
      { fate: 'lost' as const, endAt: 100 },
      [100, 10, 100, 10],
      { x: 100, y: 10 },
    ],
  ])('%s', (_name, over, line, cross) => {
    const [p] = placeArrows([arrow(over)], x, y);
    expect([p!.x1, p!.y1, p!.x2, p!.y2]).toEqual(line);
    expect(p!.cross).toEqual(cross);
    expect(p!.wait).toBeNull();
    expect(p!.d.startsWith(`M${line[0]},${line[1]}L${line[2]},${line[3]}`)).toBe(true);
  });

  it('a held message reaches the door, then waits along the lane until its delivery', () => {
    const [p] = placeArrows([arrow({ held: true, endAt: 300 })], x, y);
    expect([p!.x2, p!.y2]).toEqual([120, 30]);
    expect(p!.wait).toEqual({ x1: 120, x2: 300, y: 30 });
    expect(p!.cross).toBeNull();
  });

  it('the head of a delivered arrow is in its path; a lost one has none', () => {
    const [delivered, lost] = placeArrows(
      [arrow({}), arrow({ key: 2, fate: 'lost', endAt: 110 })],
      x,
      y,
    );
    expect(delivered!.d).toMatch(/Z$/);
    expect(lost!.d).not.toMatch(/Z/);
  });
});

describe('thinning a crowded window', () => {
  const routine = Array.from({ length: 40 }, (_, i) => arrow({ key: 10 + i }));
  const unusual = Array.from({ length: 5 }, (_, i) => arrow({ key: 100 + i, message: vote }));

  it('keeps everything within the budget', () => {
    expect(thinArrows([...routine, ...unusual], 50)).toMatchObject({ hidden: 0 });
  });

  it('keeps every unusual message and fills the rest with every n-th routine one by key', () => {
    const { shown, hidden } = thinArrows([...routine, ...unusual], 15);
    expect(shown.filter((a) => a.message === vote).length).toBe(5);
    expect(shown.length + hidden).toBe(45);
    expect(shown.length).toBeLessThanOrEqual(15);
    // The same arrows stay when the window loses some others (no flicker while panning).
    const again = thinArrows([...routine.slice(0, 38), ...unusual], 15).shown.map((a) => a.key);
    for (const k of again) expect(shown.map((a) => a.key)).toContain(k);
  });
});

describe('hit-testing', () => {
  const placed = placeArrows([arrow({ key: 1 }), arrow({ key: 2, from: 3, to: 1 })], x, y);

  it('finds the arrow through the point, and none beyond the tolerance', () => {
    expect(nearestArrow(placed, 100, 10, 4)?.arrow.key).toBe(1);
    expect(nearestArrow(placed, 100, 30, 4)?.arrow.key).toBe(2);
    expect(nearestArrow(placed, 200, 10, 4)).toBeNull();
    expect(nearestArrow(placed, NaN, 10, 4)).toBeNull();
  });
});

describe('buckets and zoom', () => {
  it('groups arrows by the bucket of their send, in order', () => {
    const buckets = bucketArrows(
      [
        arrow({ key: 1, sentAt: 260 }),
        arrow({ key: 2, sentAt: 10 }),
        arrow({ key: 3, sentAt: 99 }),
      ],
      100,
    );
    expect([...buckets].map(([b, list]) => [b, list.map((a) => a.key)])).toEqual([
      [0, [2, 3]],
      [2, [1]],
    ]);
  });

  it('anchors a time at a px at any zoom', () => {
    const box = { width: 1000, height: 300, gutter: 40, axis: 20, right: 10, lanes: 5 };
    const base = baseTimeScale(box);
    for (const k of [0.5, 1, 3]) {
      const { x: dx } = anchoredAt(base, k, 2500, 700);
      expect(k * base(2500) + dx).toBeCloseTo(700, 6);
    }
  });
});
