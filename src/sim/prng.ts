// The simulator's one source of randomness: a seeded integer PRNG. Every draw of a run comes
// from here in a fixed order, so the same seed and actions replay the same world.
import { deriveSeed, nextRandom } from '../raft';
import { small } from './small';

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = deriveSeed(seed, 0);
  }

  /** A uniform uint32. */
  next(): number {
    const [value, state] = nextRandom(this.state);
    this.state = state;
    return value;
  }

  /** A uniform integer in [min, max], both included. */
  intBetween(min: number, max: number): number {
    return small(min + (this.next() % (max - min + 1)));
  }

  /** True with probability p (0 never, 1 always). */
  chance(p: number): boolean {
    return p > 0 && this.next() < p * 0x100000000;
  }
}
