// A map that is cheap to copy, for state that every step may change a little but that old node
// values must keep as it was: a base that is never changed, plus the sets and deletes made since,
// in order, in a list that copies share. A copy costs one small object; once the list grows past
// about 4√n of the base's n keys (and past 64) it is folded into a new base. Reading it back
// replays the list over the base, so it iterates exactly as a `Map` that saw the same sets and
// deletes: a changed key keeps its place, a new key (or one deleted and set again) goes to the end.
//
// Keys are compared with === (the core's keys are strings and client ids, never NaN).
//
// Example: base {a:1, b:2}; set b=3, delete a, set c=4, set a=5 → iterates b=3, c=4, a=5.

/** One change: a set, or a delete (`deleted` true, `value` unused). */
interface Change<K, V> {
  readonly key: K;
  readonly value: V | undefined;
  readonly deleted: boolean;
}

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  /** Never changed once made: copies share it. */
  private base: ReadonlyMap<K, V>;
  /**
   * The changes since the base; this map reads only the first `length`. Copies share the list:
   * one that changes past the list's end appends to it, one that would overwrite another's
   * changes (a second copy of the same version) takes its own list first.
   */
  private changes: Change<K, V>[];
  private length: number;
  /** How many keys it holds, or -1 until asked again (a set does not look for its key). */
  private count: number;

  constructor(entries?: Iterable<readonly [K, V]>) {
    this.base = new Map(entries);
    this.changes = [];
    this.length = 0;
    this.count = this.base.size;
  }

  /** A copy that may be changed while this one stays as it is. */
  copy(): LayeredMap<K, V> {
    const c = Object.create(LayeredMap.prototype) as LayeredMap<K, V>;
    c.base = this.base;
    c.changes = this.changes;
    c.length = this.length;
    c.count = this.count;
    return c;
  }

  get size(): number {
    if (this.count < 0) this.count = this.replayed().size;
    return this.count;
  }

  get(key: K): V | undefined {
    const { changes } = this;
    for (let i = this.length - 1; i >= 0; i--) {
      const c = changes[i]!;
      if (c.key === key) return c.deleted ? undefined : c.value;
    }
    return this.base.get(key);
  }

  has(key: K): boolean {
    const { changes } = this;
    for (let i = this.length - 1; i >= 0; i--) {
      const c = changes[i]!;
      if (c.key === key) return !c.deleted;
    }
    return this.base.has(key);
  }

  set(key: K, value: V): this {
    this.count = -1;
    this.push({ key, value, deleted: false });
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    if (this.count >= 0) this.count--;
    this.push({ key, value: undefined, deleted: true });
    return true;
  }

  entries(): MapIterator<[K, V]> {
    return this.replayed().entries();
  }

  keys(): MapIterator<K> {
    return this.replayed().keys();
  }

  values(): MapIterator<V> {
    return this.replayed().values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.replayed().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  /**
   * Appends a change; past the bound the list is folded into a new base for this map alone
   * (copies keep the base and list they share), so a read never scans more than about 4√n
   * changes, however many one step makes (a server catching up applies thousands at once).
   */
  private push(change: Change<K, V>): void {
    if (this.changes.length !== this.length) this.changes = this.changes.slice(0, this.length);
    this.changes.push(change);
    this.length++;
    if (this.length * this.length > 16 * this.base.size + 4096) {
      this.base = this.replayed();
      this.changes = [];
      this.length = 0;
      this.count = this.base.size;
    }
  }

  /** The base with the changes played over it, as a new Map. */
  private replayed(): Map<K, V> {
    const out = new Map(this.base);
    const { changes } = this;
    for (let i = 0; i < this.length; i++) {
      const c = changes[i]!;
      if (c.deleted) out.delete(c.key);
      else out.set(c.key, c.value as V);
    }
    return out;
  }
}
