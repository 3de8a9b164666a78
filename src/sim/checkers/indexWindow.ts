// Values kept per log index by the checkers (simulator layer), forgetting every index at or
// below a floor that only rises: the indexes every server has compacted into its snapshot (§5),
// which no server will write or apply again. Without it a checker's memory grows with history.
//
// Example: set(1…9), forgetUpTo(6) → get(3) is undefined, get(7) is what was set.

export class IndexWindow<T> {
  private items: (T | undefined)[] = [];
  /** The index items[0] stands for. */
  private first = 1;

  get(index: number): T | undefined {
    return index < this.first ? undefined : this.items[index - this.first];
  }

  /** Stores `value` at `index`; an index already forgotten is ignored. */
  set(index: number, value: T): void {
    if (index >= this.first) this.items[index - this.first] = value;
  }

  /** Forgets every index ≤ `upTo`. */
  forgetUpTo(upTo: number): void {
    const drop = upTo + 1 - this.first;
    if (drop <= 0) return;
    this.items = drop >= this.items.length ? [] : this.items.slice(drop);
    this.first = upTo + 1;
  }

  /** How many indexes are held, forgotten ones not counted (for tests of memory). */
  get size(): number {
    return this.items.length;
  }
}
