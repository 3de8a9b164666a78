// Flight spans (store layer): each flight frame kept once with the frames it is shown in; every
// frame reads back exactly the list it was given, in the same order, long after.
import { describe, expect, it } from 'vitest';
import type { FlightFrame } from '../../../src/store/frame';
import { FlightSpan, FlightSpans, flightsOf } from '../../../src/store/flightSpans';

const flight = (id: number, held = false): FlightFrame => ({
  id,
  message: { kind: 'RequestVote' } as unknown as FlightFrame['message'],
  sentAt: id,
  arriveAt: id + 10,
  lostAt: null,
  lossReason: null,
  held,
});

/** Notes `lists` as frames 0, 1, 2 … and reads every frame back at the end. */
function roundTrip(lists: readonly (readonly FlightFrame[])[]) {
  const spans = new FlightSpans();
  const kept = lists.map((list, seq) => ({ seq, kept: spans.note(seq, list) }));
  return kept.map(({ seq, kept }) => flightsOf({}, seq, kept));
}

describe('flight spans', () => {
  const [a, b, c] = [flight(1), flight(2), flight(3)];
  const heldB = flight(2, true);

  it.each([
    ['sends and deliveries', [[], [a], [a, b], [b], [b, c], [c], []]],
    [
      'a message held and released again (a new flight frame each time)',
      [
        [a, b],
        [a, heldB],
        [a, b],
      ],
    ],
    [
      'a list not in the order the messages were sent',
      [
        [a, b],
        [b, a],
        [a, b, c],
        [c, a],
      ],
    ],
    ['the same flight leaving and coming back', [[a], [], [a], [b, a]]],
  ])('%s read back as given', (_, lists) => {
    expect(roundTrip(lists)).toEqual(lists);
    roundTrip(lists).forEach((list, i) => list.forEach((f, k) => expect(f).toBe(lists[i]![k])));
  });

  it('reads back across many spans, a new message every frame and four on the wire', () => {
    const all = Array.from({ length: 1000 }, (_, i) => flight(i));
    const lists = all.map((_, seq) => all.slice(Math.max(0, seq - 3), seq + 1));
    expect(roundTrip(lists)).toEqual(lists);
  });

  it('keeps a list of its own only when the span cannot give the order back', () => {
    const spans = new FlightSpans();
    expect(spans.note(0, [a, b])).toBeInstanceOf(FlightSpan);
    expect(spans.note(1, [b, a])).toEqual([b, a]);
    expect(spans.note(2, [a, b])).toBeInstanceOf(FlightSpan);
  });

  it('hands out the same list again while the flights are the same', () => {
    const spans = new FlightSpans();
    const kept = [spans.note(0, [a, b]), spans.note(1, [a, b]), spans.note(2, [b])];
    const [f0, f1] = [{}, {}];
    expect(flightsOf(f0, 0, kept[0]!)).toBe(flightsOf(f1, 1, kept[1]!));
    expect(flightsOf(f0, 0, kept[0]!)).toBe(flightsOf(f0, 0, kept[0]!));
  });
});
