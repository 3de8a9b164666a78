// The history slice (store layer): every kept frame as a persistent list, and the person's
// actions that produced them. Growing or trimming makes a new list; a published one never
// changes, so a component holding an old history still reads exactly what it was given. It also
// answers where a new future would start: the simulator settles an instant (every event of one
// virtual moment) whole, so a new future can begin only after an instant's last frame.
import type { TraceEvent } from '../sim';
import type { RecordedAction } from './actions';
import type { Frame } from './frame';
import { FrameList } from './frameList';
import type { HistoryData, LabState } from './labTypes';
import { frameAt, headSeqOf } from './selectors';

export function initialHistory(): HistoryData {
  return { history: FrameList.of([]), actions: [], computedTo: 0, rewrite: null, undoable: null };
}

/**
 * The history with `frames` appended; past `limit` frames the oldest tenth is dropped (and
 * counted in `dropped`) so a long session keeps a bounded memory.
 */
export function withFrames(
  data: Pick<HistoryData, 'history'>,
  frames: readonly Frame[],
  limit: number,
): { history: FrameList; dropped: number } {
  let history = data.history.append(frames);
  let dropped = 0;
  if (history.length > limit) {
    dropped = Math.max(history.length - limit, Math.ceil(limit / 10));
    history = history.dropOldest(dropped);
  }
  return { history, dropped };
}

/**
 * A new history that starts at `first` (a fresh cluster's first frame), or empty (null) for a
 * rebuilt run whose oldest frames were not kept.
 */
export function startHistory(
  first: Frame | null,
  actions: readonly RecordedAction[] = [],
): Pick<HistoryData, 'history' | 'actions'> {
  return { history: FrameList.of(first ? [first] : []), actions };
}

/**
 * Frames after which their instant goes on (more events of the same virtual moment follow). A
 * fact about a frame that never changes, kept beside the frames rather than in them; frames are
 * shared by every history that holds them, so a restored history keeps its marks.
 */
const openFrames = new WeakSet<Frame>();

/**
 * Notes where `frame` stands in its instant. `countAfterInstant` is the simulator's event count
 * when its listener hears the event: listeners hear an instant only once it is complete, so an
 * event numbered below the last one heard has more of its instant after it.
 */
export function noteInstant(frame: Frame, event: TraceEvent, countAfterInstant: number): Frame {
  if (event.seq + 1 < countAfterInstant) openFrames.add(frame);
  return frame;
}

/**
 * Where a new future started at `seq` would begin: the last frame of `seq`'s instant.
 *
 *   seq:      10  11  12 | 13   (11, 12, 13 one instant: S1, S2, S3 receive a heartbeat at 240 ms)
 *   landing:  10  13  13   13
 */
export function landingSeq(s: Pick<LabState, 'history'>, seq: number): number {
  const head = headSeqOf(s.history);
  let c = seq;
  while (c < head && isOpen(frameAt(s, c))) c++;
  return c;
}

const isOpen = (frame: Frame | null): boolean => frame !== null && openFrames.has(frame);

/** The first frame of the newest instant among `frames` (the last of them, when it is whole). */
export function lastInstantStart(frames: readonly Frame[]): Frame | undefined {
  let i = frames.length - 1;
  while (i > 0 && openFrames.has(frames[i - 1]!)) i--;
  return frames[i];
}

/** How many recorded events acting at the cursor would discard (0 at the newest instant). */
export const selectDiscards = (s: Pick<LabState, 'history' | 'cursor'>): number =>
  headSeqOf(s.history) - landingSeq(s, s.cursor);

/** True when the screen shows the past: acting now would start a new future. */
export const selectInPast = (s: Pick<LabState, 'history' | 'cursor'>): boolean =>
  selectDiscards(s) > 0;
