// A map that is cheap to copy, for state that every step may change a little but that old node
// values must keep as it was: a shared base that is never changed, plus the few changes since.
// A copy shares the base and copies only the changes; once they grow past about √(2n) of the
// base's n keys they are folded into a new base. It reads and iterates exactly as a `Map` that
// saw the same sets and deletes would: a changed key keeps its place, a new key (or one deleted
// and set again) goes to the end.
//
// Example: base {a:1, b:2}; set b=3, delete a, set c=4, set a=5 → iterates b=3, c=4, a=5.

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  /** Never changed once made: copies share it. */
  private base: ReadonlyMap<K, V>;
  /** New values of base keys that keep their place. */
  private over: Map<K, V>;
  /** Base keys deleted (a key set again after that lives in `tail`). */
  private gone: Set<K>;
  /** Keys after the base's, in the order they were (last) added. */
  private tail: Map<K, V>;
  private count: number;

  constructor(entries?: Iterable<readonly [K, V]>) {
    this.base = new Map(entries);
    this.over = new Map();
    this.gone = new Set();
    this.tail = new Map();
    this.count = this.base.size;
  }

  /** A copy that may be changed while this one stays as it is. */
  copy(): LayeredMap<K, V> {
    const c = Object.create(LayeredMap.prototype) as LayeredMap<K, V>;
    const changes = this.over.size + this.gone.size + this.tail.size;
    if (changes * changes > 2 * this.base.size + 64) {
      c.base = new Map(this);
      c.over = new Map();
      c.gone = new Set();
      c.tail = new Map();
    } else {
      c.base = this.base;
      c.over = new Map(this.over);
      c.gone = new Set(this.gone);
      c.tail = new Map(this.tail);
    }
    c.count = this.count;
    return c;
  }

  get size(): number {
    return this.count;
  }

  get(key: K): V | undefined {
    if (this.tail.has(key)) return this.tail.get(key);
    if (this.gone.has(key)) return undefined;
    return this.over.has(key) ? this.over.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.tail.has(key) || (!this.gone.has(key) && this.base.has(key));
  }

  set(key: K, value: V): this {
    if (this.tail.has(key)) this.tail.set(key, value);
    else if (this.base.has(key) && !this.gone.has(key)) this.over.set(key, value);
    else {
      this.tail.set(key, value);
      this.count++;
    }
    return this;
  }

  delete(key: K): boolean {
    if (this.tail.delete(key)) {
      this.count--;
      return true;
    }
    if (!this.base.has(key) || this.gone.has(key)) return false;
    this.gone.add(key);
    this.over.delete(key);
    this.count--;
    return true;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (this.gone.has(key)) continue;
      yield [key, this.over.has(key) ? this.over.get(key)! : value];
    }
    yield* this.tail;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
