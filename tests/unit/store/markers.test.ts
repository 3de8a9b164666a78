// The timeline markers selector: extended incrementally as a history grows, and never showing
// markers past the head of the history it is handed (an older state of the same history).
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/store';
import { FrameList, makeSelectMarkers } from '../../../src/store';

/** A frame whose event is a crash of S1 (a marker) or nothing worth marking. */
const frame = (seq: number, marked: boolean): Frame =>
  ({
    seq,
    at: seq * 10,
    event: marked
      ? { kind: 'action', seq: seq - 1, at: seq * 10, action: 'crash', node: 1, text: 'S1 crashed' }
      : null,
  }) as unknown as Frame;

const frames = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) =>
    frame(from + i, from + i > 0 && (from + i) % 3 === 0),
  );

describe('timeline markers', () => {
  it('grow with the history and keep the earlier list when nothing new is marked', () => {
    const select = makeSelectMarkers();
    const h1 = FrameList.of(frames(0, 9));
    const m1 = select({ history: h1 });
    expect(m1.map((m) => m.seq)).toEqual([3, 6, 9]);
    const h2 = h1.append([frame(10, false), frame(11, false)]);
    expect(select({ history: h2 })).toBe(m1);
    const h3 = h2.append([frame(12, true)]);
    expect(select({ history: h3 }).map((m) => m.seq)).toEqual([3, 6, 9, 12]);
  });

  it('of an older state of the same history stop at its head', () => {
    const select = makeSelectMarkers();
    const older = FrameList.of(frames(0, 7));
    const newer = older.append(frames(8, 12));
    expect(select({ history: newer }).map((m) => m.seq)).toEqual([3, 6, 9, 12]);
    expect(select({ history: older }).map((m) => m.seq)).toEqual([3, 6]);
  });

  it('drop what was trimmed from the front', () => {
    const select = makeSelectMarkers();
    const h = FrameList.of(frames(0, 12));
    select({ history: h });
    expect(select({ history: h.dropOldest(5) }).map((m) => m.seq)).toEqual([6, 9, 12]);
  });
});
