// A tiny integer PRNG (mulberry32) whose whole state is one uint32, so a node can carry the
// randomness the simulator handed it inside its own value and stay a pure function.

/** Returns a uniform uint32 and the next state. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [(t ^ (t >>> 14)) >>> 0, next];
}

/** A uniform integer in [min, max] (both included) and the next state. */
export function randomIntBetween(state: number, min: number, max: number): [number, number] {
  const [value, next] = nextRandom(state);
  return [min + (value % (max - min + 1)), next];
}

/** Mixes a seed and a stream number into an independent starting state. */
export function deriveSeed(seed: number, stream: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream | 0, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
