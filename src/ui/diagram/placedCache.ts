// Placed arrows kept between redraws (UI layer): a bucket of arrows (see bucketArrows) placed at
// one zoom level is the same array next time if it holds the same arrows, so its memoized
// drawing is skipped; a pan then draws only the buckets that came into view.
import type { Arrow } from '../../layout/spaceTime';
import type { PlacedArrow } from '../../layout/spaceTimeView';
import { placeArrows } from '../../layout/spaceTimeView';

type Entry = { arrows: readonly Arrow[]; placed: PlacedArrow[] };

export class PlacedCache {
  private scale: unknown = null;
  private lanes: unknown = null;
  private entries = new Map<number, Entry>();

  /** Each bucket placed with `x` and `y`, reusing last time's array where nothing changed. */
  place(
    buckets: ReadonlyMap<number, readonly Arrow[]>,
    x: (ms: number) => number,
    y: (node: number) => number,
  ): { key: number; placed: PlacedArrow[] }[] {
    if (x !== this.scale || y !== this.lanes) {
      this.entries = new Map();
      this.scale = x;
      this.lanes = y;
    }
    const next = new Map<number, Entry>();
    const out: { key: number; placed: PlacedArrow[] }[] = [];
    for (const [key, arrows] of buckets) {
      const old = this.entries.get(key);
      const entry =
        old && sameList(old.arrows, arrows) ? old : { arrows, placed: placeArrows(arrows, x, y) };
      next.set(key, entry);
      out.push({ key, placed: entry.placed });
    }
    this.entries = next;
    return out;
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
