// A binary min-heap of events ordered by (time, seq): ties at one virtual instant keep the
// order they were scheduled in, which is what makes a run replay exactly.

export interface Scheduled {
  readonly at: number;
  readonly seq: number;
}

export class EventQueue<T extends Scheduled> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  /** Sifts a hole up from the end instead of swapping pairs: one write per level. */
  push(item: T): void {
    const h = this.heap;
    let i = h.length;
    h.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!before(item, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = item;
  }

  pop(): T | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    const n = h.length;
    if (n === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && before(h[r]!, h[l]!) ? r : l;
      const child = h[m]!;
      if (!before(child, last)) break;
      h[i] = child;
      i = m;
    }
    h[i] = last;
    return top;
  }

  /** Every queued item, in no particular order (for inspection, not for stepping). */
  items(): readonly T[] {
    return this.heap;
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
