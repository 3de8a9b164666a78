// What the screen derives from the store's state (store layer): the frame at the cursor, the
// first and newest seq, the timeline markers. Computed, never stored; the markers are memoized
// and extended incrementally, so a growing 100,000-frame history looks only at its new frames
// (and copies the marker list, which is short, only when a marker was added).
import type { Frame } from './frame';
import type { FrameList } from './frameList';
import type { ClockState, LabState } from './labTypes';
import type { Marker } from './playback';
import { markerFor } from './playback';

export const firstSeqOf = (h: FrameList): number => h.first()?.seq ?? 0;
export const headSeqOf = (h: FrameList): number => h.last()?.seq ?? 0;

export const selectFirstSeq = (s: Pick<LabState, 'history'>): number => firstSeqOf(s.history);
export const selectHeadSeq = (s: Pick<LabState, 'history'>): number => headSeqOf(s.history);

/** The kept frame with this seq, or null when it is not (or no longer) kept. */
export function frameAt(s: Pick<LabState, 'history'>, seq: number): Frame | null {
  return s.history.get(seq - firstSeqOf(s.history)) ?? null;
}

/** The frame on screen: a lookup, and the same object for as long as the cursor stays. */
export const selectFrame = (s: Pick<LabState, 'history' | 'cursor'>): Frame | null =>
  frameAt(s, s.cursor);

/** The live message loss in percent, to a tenth (the drop rate 0.3 → 30, never 30.000000004). */
export const lossPercentOf = (f: Pick<Frame, 'network'>): number =>
  Math.round(f.network.dropRate * 1000) / 10;

export const selectViewTime = (c: ClockState): number => c.viewTime;

/** Creates a markers selector with its own memory (one per store is plenty). */
export function makeSelectMarkers(): (s: Pick<LabState, 'history'>) => readonly Marker[] {
  let seen: FrameList | null = null;
  let markers: readonly Marker[] = [];
  return (s) => {
    const h = s.history;
    if (h === seen) return markers;
    const first = firstSeqOf(h);
    // The same history grown (or trimmed at the front): only the new frames need a look. An
    // older state of the same lineage (its head behind the one seen) is recomputed whole.
    const grew = seen !== null && seen.lineage === h.lineage && headSeqOf(h) >= headSeqOf(seen);
    const from = grew ? headSeqOf(seen!) + 1 : first;
    const added: Marker[] = [];
    for (let seq = Math.max(from, first); seq <= headSeqOf(h) && h.length > 0; seq++) {
      const m = markerFor(h.get(seq - first)!);
      if (m) added.push(m);
    }
    // Markers before the first kept frame go only when the front was trimmed (rarely).
    const trimmed = grew && markers.length > 0 && markers[0]!.seq < first;
    const kept = !grew ? [] : trimmed ? markers.filter((m) => m.seq >= first) : markers;
    const next = added.length || kept.length !== markers.length ? [...kept, ...added] : markers;
    seen = h;
    markers = next;
    return markers;
  };
}

/** The shared markers selector. */
export const selectMarkers = makeSelectMarkers();
