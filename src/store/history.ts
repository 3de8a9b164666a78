// The history slice (store layer): every kept frame as a persistent list, and the person's
// actions that produced them. Growing or trimming makes a new list; a published one never
// changes, so a component holding an old history still reads exactly what it was given.
import type { RecordedAction } from './actions';
import type { Frame } from './frame';
import { FrameList } from './frameList';
import type { HistoryData } from './labTypes';

export function initialHistory(): HistoryData {
  return { history: FrameList.of([]), actions: [] };
}

/**
 * The history with `frames` appended; past `limit` frames the oldest tenth is dropped (and
 * counted in `dropped`) so a long session keeps a bounded memory.
 */
export function withFrames(
  data: HistoryData,
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

/** A new history that starts at `first` (a fresh cluster's first frame). */
export function startHistory(first: Frame, actions: readonly RecordedAction[] = []): HistoryData {
  return { history: FrameList.of([first]), actions };
}
