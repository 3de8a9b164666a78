// React's door into the store (UI layer): the store instance travels by context, components read
// slices of it with zustand's useStore, and `useT` gives the translator for the chosen language.
// The view clock is a store of its own: only components that animate call `useViewTime`.
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { Frame, LabState, LabStore } from '../store';
import { selectFrame, selectViewTime } from '../store';
import { makeTranslate } from './i18n';
import { steadySnapshot, subscribeSteady } from './steadyFrame';
import type { Translate } from './i18n/types';

export const LabContext = createContext<LabStore | null>(null);

export function useLabStore(): LabStore {
  const store = useContext(LabContext);
  if (!store) throw new Error('Raft Lab components need <LabContext.Provider value={store}>');
  return store;
}

/** One slice of the state; return primitives or stable references (zustand compares with Object.is). */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}

/** The frame on screen (the same object while the cursor stays on it). */
export function useFrame(): Frame | null {
  return useLab(selectFrame);
}

/**
 * The frame on screen for a big panel of text (the log strip): as `useFrame`, but while playing
 * fast it follows at most every STEADY_MS real ms (see steadyFrame.ts).
 */
export function useSteadyFrame(): Frame | null {
  const store = useLabStore();
  const subscribe = useCallback((changed: () => void) => subscribeSteady(store, changed), [store]);
  const snapshot = useCallback(() => steadySnapshot(store), [store]);
  return useSyncExternalStore(subscribe, snapshot);
}

/** Virtual ms for drawing; changes every display frame while playing, so use it in leaves only. */
export function useViewTime(): number {
  return useStore(useLabStore().clock, selectViewTime);
}

/** The store's intents; they never change, so reading them causes no re-render. */
export function useIntents(): LabState {
  return useLabStore().getState();
}

export function useT(): Translate {
  const language = useLab((s) => s.language);
  return useMemo(() => makeTranslate(language), [language]);
}
