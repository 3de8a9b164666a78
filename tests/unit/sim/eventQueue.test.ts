// The event queue hands out events in (at, seq) order whatever mix it is fed: dense instants,
// ties pushed out of seq order (as a timer's reminder moving to its place is), events far ahead
// or between whole milliseconds. A sorted list is the reference.
import { describe, expect, it } from 'vitest';
import { EventQueue, type Scheduled } from '../../../src/sim/eventQueue';
import { Prng } from '../../../src/sim/prng';

interface Item extends Scheduled {
  readonly at: number;
  readonly seq: number;
}

const order = (a: Item, b: Item) => a.at - b.at || a.seq - b.seq;

/** Feeds both the queue and a reference list; pops from both and compares every step. */
function drive(seed: number, steps: number, nextAt: (rng: Prng, now: number) => number): number {
  const rng = new Prng(seed);
  const queue = new EventQueue<Item>();
  const reference: Item[] = [];
  let now = 0;
  let seq = 0;
  let popped = 0;
  for (let i = 0; i < steps; i++) {
    if (reference.length === 0 || rng.chance(0.55)) {
      // A tie pushed with an older seq, as a timer's reminder moving to its place does.
      const own = seq++;
      const item = { at: nextAt(rng, now), seq: rng.chance(0.1) && own > 5 ? own - 5.5 : own };
      queue.push(item);
      reference.push(item);
      reference.sort(order);
    } else {
      expect(queue.peek()).toBe(reference[0]);
      const got = queue.pop()!;
      const want = reference.shift()!;
      expect(got).toBe(want);
      now = got.at;
      popped++;
    }
    expect(queue.size).toBe(reference.length);
  }
  expect([...queue.items()].sort(order)).toEqual(reference);
  return popped;
}

describe('EventQueue', () => {
  it('pops in (at, seq) order when events are dense and close to now', () => {
    expect(drive(1, 4000, (rng, now) => now + rng.intBetween(0, 20))).toBeGreaterThan(1000);
  });

  it('pops in order when some events fall far ahead of the rest', () => {
    const popped = drive(2, 4000, (rng, now) => {
      const r = rng.next() / 0x100000000;
      if (r < 0.2) return now + 10_000 + rng.intBetween(0, 30_000);
      return now + rng.intBetween(0, 300);
    });
    expect(popped).toBeGreaterThan(1000);
  });

  it('pops in order when times are not whole milliseconds', () => {
    const popped = drive(
      3,
      3000,
      (rng, now) => now + rng.intBetween(0, 30) + (rng.chance(0.3) ? 0.5 : 0),
    );
    expect(popped).toBeGreaterThan(800);
  });
});
