// The selection slice (store layer): what the person looks at — the node or message clicked
// for inspection, the open side panel and the event log's filter.
import type { Kernel } from './kernel';
import type { SelectionData, SelectionIntents } from './labTypes';

export type Selection =
  | { readonly kind: 'node'; readonly id: number }
  | { readonly kind: 'flight'; readonly id: number }
  | null;

export function initialSelection(): SelectionData {
  return { selection: null, tab: 'course', eventFilter: { node: null, kind: 'important' } };
}

export function selectionIntents(k: Kernel): SelectionIntents {
  return {
    selectItem: (selection) => k.set({ selection }),
    showPanel: (tab) => k.set({ tab }),
    setEventFilter: (patch) => k.set({ eventFilter: { ...k.get().eventFilter, ...patch } }),
  };
}
