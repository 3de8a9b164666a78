// What every slice of the lab store shares (store layer): get and set of the one state, the
// view clock, the injected dependencies and the few true resources (the running cluster with
// its unsubscribe function, the task chain, the display-frame handle). Slices keep their own
// state in the store; nothing else here changes.
import type { StoreApi } from 'zustand/vanilla';
import type { AsyncSimulation } from '../sim';
import type { Frame, FrameProjector } from './frame';
import type {
  ClockStore,
  LabData,
  LabDeps,
  LabState,
  Notice,
  NoticeLine,
  Persistence,
  Runtime,
} from './labTypes';
import { headSeqOf } from './selectors';
import { noteInstant, withFrames } from './history';
import { changeRefusedIn, lineForError } from './notices';

/** A running cluster and what observes it: a true resource, replaced whole on every rebuild. */
export interface Session {
  readonly runtime: Runtime;
  readonly projector: FrameProjector;
  /** Frames made since the last publish; they reach the store together, in one update. */
  readonly pending: Frame[];
  readonly unsubscribe: () => void;
}

/**
 * The branch last left, whole: its cluster (still running, no longer observed) and the history
 * and playback position that showed it. Undo, or switching back, puts it back as it was at
 * once; any other branch is rebuilt from its actions (see branches.ts).
 */
export interface SavedFuture {
  /** The branch it is (BranchInfo.id). */
  readonly branch: number;
  readonly runtime: Runtime;
  readonly projector: FrameProjector;
  readonly data: Pick<LabData, 'history' | 'actions' | 'computedTo' | 'cursor'>;
  readonly viewTime: number;
}

export interface Resources {
  session: Session | null;
  /** Every task runs after the one before: event order never depends on timing. */
  chain: Promise<void>;
  running: number;
  /** Cancels the display frame the ticker waits for. */
  cancelTick: () => void;
  /**
   * While playing, where the view clock would be had every run kept up (virtual ms); null until
   * the first display frame after Play. The clock chases it, so a run that lags costs smoothness,
   * not speed.
   */
  aim: number | null;
  /** The view time the live run under way will reach once published (virtual ms). */
  reach: number;
  /**
   * A live run (or an action) that ended while playing but is not shown yet: the view time it
   * reached. The next display frame publishes it together with the clock's move, so the screen
   * updates once per frame, not once for the run and again for the clock. Any publish shows it;
   * a pause shows it at once; null: none held.
   */
  held: number | null;
  /** How many screens answer questions about acting in the past (see askBeforeRewriting). */
  askers: number;
  /** Settles the promise of the action asked about, once it is answered. */
  answered: (() => void) | null;
  /** The one branch kept running off screen: the one last left (undo goes back to it). */
  saved: SavedFuture | null;
  /** Whether what the lesson waits for holds now (false outside a lesson); see lessonSlice. */
  watchHolds: () => boolean;
  /** Called after every publish: the lesson slice notices a step finishing or a task done. */
  afterPublish: () => void;
  /** Called after every action the person takes (not the lesson's own). */
  afterAct: () => void;
}

export interface Kernel {
  readonly get: () => LabState;
  readonly set: (patch: Partial<LabData>) => void;
  readonly clock: ClockStore;
  readonly deps: LabDeps;
  readonly persistence: Persistence;
  readonly historyLimit: number;
  readonly res: Resources;
}

/** The watch outside a lesson: nothing is waited for, so runs may batch freely. */
export const NEVER = (): boolean => false;

export function createKernel(
  store: StoreApi<LabState>,
  clock: ClockStore,
  deps: LabDeps,
  persistence: Persistence,
): Kernel {
  return {
    get: () => store.getState(),
    set: (patch) => store.setState(patch),
    clock,
    deps,
    persistence,
    historyLimit: deps.historyLimit ?? 200_000,
    res: {
      session: null,
      chain: Promise.resolve(),
      running: 0,
      cancelTick: () => {},
      aim: null,
      reach: 0,
      held: null,
      askers: 0,
      answered: null,
      saved: null,
      watchHolds: NEVER,
      afterPublish: () => {},
      afterAct: () => {},
    },
  };
}

/**
 * Starts observing `runtime`: each event becomes a pending frame, marked within its instant.
 * With `keep`, at most about that many of the newest pending frames are kept (a run rebuilt off
 * screen is published once, at its end, and the history would trim the rest anyway).
 */
export function observe(runtime: Runtime, projector: FrameProjector, keep = Infinity): Session {
  const sim = runtime.sim;
  const pending: Frame[] = [];
  const slack = Math.ceil(keep / 10);
  const unsubscribe = sim.subscribe((event) => {
    pending.push(noteInstant(projector.project(sim, event), event, sim.eventCount()));
    if (pending.length > keep + slack) pending.splice(0, pending.length - keep);
  });
  return { runtime, projector, pending, unsubscribe };
}

export function simOf(k: Kernel): AsyncSimulation {
  if (!k.res.session) throw new Error('the cluster is not running yet');
  return k.res.session.runtime.sim;
}

/**
 * Moves a rebuilt runtime to where it runs for good (see Runtime.goLive); null when it moved,
 * else the notice line naming the servers that could not (or why the move itself failed).
 */
export async function goLive(runtime: Runtime): Promise<NoticeLine | null> {
  let failed: readonly { readonly id: number }[];
  try {
    failed = (await runtime.goLive?.()) ?? [];
  } catch (e) {
    return lineForError(e);
  }
  if (failed.length === 0) return null;
  const servers = failed.map((f) => `S${f.id}`).join(', ');
  return { key: 'history.notice.handOverFailed', params: { servers } };
}

export function notify(
  k: Kernel,
  kind: Notice['kind'],
  line: NoticeLine,
  details?: readonly NoticeLine[],
): void {
  const id = k.get().noticeCount + 1;
  k.set({
    noticeCount: id,
    notice: { id, kind, ...line, ...(details?.length ? { details } : {}) },
  });
}

/** Runs `task` after every earlier task; its error becomes a notice, never a freeze. */
export function exclusive(k: Kernel, task: () => Promise<void>): Promise<void> {
  k.res.running++;
  const run = k.res.chain.then(task).catch((e: unknown) => notify(k, 'error', lineForError(e)));
  k.res.chain = run.finally(() => void k.res.running--);
  return k.res.chain;
}

/**
 * Shows what was held for the next display frame (see Resources.held), moving the clock to where
 * it reached; nothing when none is held.
 */
export function showHeld(k: Kernel): void {
  const held = k.res.held;
  if (held !== null) publish(k, 'head', {}, Math.max(k.clock.getState().viewTime, held));
}

/**
 * Moves the frames made since the last publish into the history and shows `cursor` (clamped),
 * in one store update; the view clock moves to `viewTime` when given.
 */
export function publish(
  k: Kernel,
  cursor: number | 'head',
  extra: Partial<LabData> = {},
  viewTime?: number,
): void {
  const session = k.res.session;
  const state = k.get();
  k.res.held = null;
  const frames = session ? session.pending.splice(0) : [];
  const grown = withFrames(state, frames, k.historyLimit);
  const head = headSeqOf(grown.history);
  const first = grown.history.first()?.seq ?? 0;
  const wanted = cursor === 'head' ? head : cursor;
  const c = Math.min(head, Math.max(first, wanted));
  const traceHash = session?.runtime.sim.traceHash() ?? '';
  const computedTo = session?.runtime.sim.now ?? 0;
  const patch: { -readonly [K in keyof LabData]?: LabData[K] } = { ...extra };
  if (grown.history !== state.history) patch.history = grown.history;
  if (c !== state.cursor) patch.cursor = c;
  if (traceHash !== state.traceHash) patch.traceHash = traceHash;
  if (computedTo !== state.computedTo) patch.computedTo = computedTo;
  // Nothing changed: no update, so no subscriber wakes up.
  if (Object.keys(patch).length) k.set(patch);
  if (viewTime !== undefined) k.clock.setState({ viewTime });
  if (grown.dropped) {
    notify(k, 'info', { key: 'app.notice.historyTrimmed', params: { count: grown.dropped } });
  }
  const refusal = changeRefusedIn(frames);
  if (refusal) notify(k, 'error', refusal);
  k.res.afterPublish();
}

export type { Runtime };
