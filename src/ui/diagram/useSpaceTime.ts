// The space-time index for the store on screen (UI layer): one per store, kept while the diagram
// is closed and reopened, and brought up to date with the history as it grows (the index reads
// only the frames it has not read; see layout/spaceTime.ts).
import { useMemo } from 'react';
import { SpaceTimeIndex } from '../../layout/spaceTime';
import type { LabStore } from '../../store';
import { useLab, useLabStore } from '../labContext';

const indexes = new WeakMap<LabStore, SpaceTimeIndex>();

/** The index, read up to the store's history, and its version (changes when it does). */
export function useSpaceTime(): { index: SpaceTimeIndex; version: number } {
  const store = useLabStore();
  const history = useLab((s) => s.history);
  const index = useMemo(() => {
    const known = indexes.get(store);
    if (known) return known;
    const made = new SpaceTimeIndex();
    indexes.set(store, made);
    return made;
  }, [store]);
  // Reading the same history twice does nothing, so a repeated render is harmless.
  index.update(history);
  return { index, version: index.version };
}
