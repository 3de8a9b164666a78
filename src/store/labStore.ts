// The Raft Lab store (store layer): one zustand/vanilla store composed of six slices — runtime,
// history, playback, preferences, selection, lesson — each with its own state and intents, plus the
// view clock as a store of its own. What can be computed (the frame on screen, first and newest
// seq, timeline markers) is computed by the selectors in selectors.ts, not kept here.
import { createStore } from 'zustand/vanilla';
import { initialHistory } from './history';
import { createKernel } from './kernel';
import type { ClockState, LabDeps, LabState, LabStore, Persistence } from './labTypes';
import { initialPlayback, playbackIntents } from './playbackSlice';
import { initialPreferences, preferencesIntents } from './preferences';
import { initialRuntime, runtimeIntents } from './runtime';
import { initialSelection, selectionIntents } from './selection';
import { initialLesson, lessonIntents } from './lessonSlice';
import { messageIntents } from './messages';
import { shareIntents, startFromRunLink } from './share';
import { initialBranches } from './branchTree';
import { branchIntents } from './branches';

/** Settings and preferences kept in memory, for tests and the CLI. */
const memory = (): Persistence => {
  const saved = new Map<string, string>();
  let query = '';
  return {
    readQuery: () => query,
    writeQuery: (q) => void (query = q),
    load: (k) => saved.get(k) ?? null,
    save: (k, v) => void saved.set(k, v),
  };
};

export function createLabStore(deps: LabDeps): LabStore {
  const persistence = deps.persistence ?? memory();
  const preferences = initialPreferences(persistence);
  const clock = createStore<ClockState>()(() => ({ viewTime: 0, lastReal: null }));
  // The intents need the kernel, and the kernel the store: the store starts with data only.
  const store = createStore<LabState>()(
    () =>
      ({
        ...initialRuntime(),
        notice: preferences.notice,
        noticeCount: preferences.notice ? 1 : 0,
        ...initialHistory(),
        ...initialBranches(),
        ...initialPlayback(),
        ...preferences.data,
        ...initialSelection(),
        ...initialLesson((key) => persistence.load(key)),
      }) as LabState,
  );
  const k = createKernel(store, clock, deps, persistence);
  store.setState({
    ...runtimeIntents(k),
    ...playbackIntents(k),
    ...preferencesIntents(k),
    ...selectionIntents(k),
    ...messageIntents(k),
    ...branchIntents(k),
    ...shareIntents(k),
  });
  // A link that carries a run (run=…) rebuilds it once the cluster has started.
  store.setState(startFromRunLink(k, persistence.readQuery()));
  // The lesson intents wrap start and applySettings: a link may open a lesson, and changing
  // the settings by hand leaves one.
  store.setState(lessonIntents(k, preferences.lesson));
  return Object.assign(store, { clock });
}
