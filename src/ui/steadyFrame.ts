// A steadier view of the frame on screen, for a big panel of text (UI layer): the log strip
// follows every frame while paused, stepping or playing slowly, and at most every STEADY_MS real
// ms while playing at STEADY_SPEED or faster. At that speed the log changes on every display
// frame, faster than anyone can read it, and redrawing and rasterizing the whole table every
// frame took the smoothness from the drawing above it. The last change always shows: a refresh
// held back is made when its time comes, and a pause shows everything at once.
import type { Frame, LabState, LabStore } from '../store';
import { selectFrame } from '../store';

/** Playing at least this many virtual ms per second, the panel refreshes at most every STEADY_MS. */
export const STEADY_SPEED = 250;
/** The shortest time between two refreshes while playing fast, in real ms. */
export const STEADY_MS = 100;

/** The real clock and its timer: the page's, or a test's. */
export interface SteadyTiming {
  now(): number;
  after(ms: number, run: () => void): () => void;
}

const PAGE_TIMING: SteadyTiming = {
  now: () => performance.now(),
  after(ms, run) {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

/** Whether the panel follows `s` at once (not playing fast). */
const followsAtOnce = (s: Pick<LabState, 'playing' | 'speed'>): boolean =>
  !s.playing || s.speed < STEADY_SPEED;

/**
 * Calls `changed` when the frame on screen changes, as `useSyncExternalStore` wants of a
 * subscription, at most every STEADY_MS while playing fast; returns the unsubscribe function.
 */
export function subscribeSteady(
  store: Pick<LabStore, 'subscribe'>,
  changed: () => void,
  timing: SteadyTiming = PAGE_TIMING,
): () => void {
  let last = -Infinity;
  let cancel: (() => void) | null = null;
  const refresh = () => {
    cancel?.();
    cancel = null;
    last = timing.now();
    changed();
  };
  const unsubscribe = store.subscribe((s: LabState, before: LabState) => {
    if (selectFrame(s) === selectFrame(before) && followsAtOnce(s) === followsAtOnce(before)) {
      return;
    }
    if (followsAtOnce(s)) return refresh();
    const wait = last + STEADY_MS - timing.now();
    if (wait <= 0) refresh();
    else cancel ??= timing.after(wait, refresh);
  });
  return () => {
    cancel?.();
    unsubscribe();
  };
}

/** The snapshot that goes with `subscribeSteady`: the frame on screen now. */
export const steadySnapshot = (store: Pick<LabStore, 'getState'>): Frame | null =>
  selectFrame(store.getState());
