// Switching between the branches of the history tree, and rebuilding a run (store layer). A
// branch is rebuilt from its actions on a fresh cluster and must reach its saved trace digest,
// or nothing changes; the branch last left is kept running, so undo and switching back are
// instant. `rebuildRun` is the same rebuild for a run from elsewhere (a link, a file).
import type { RecordedAction } from './actions';
import { replayTo } from './actions';
import { compareRuns, compareProblem } from './branchCompare';
import { initialBranches, liveBranch, selectBranches, withBranch } from './branchTree';
import { FrameProjector } from './frame';
import { startHistory } from './history';
import type { Kernel, SavedFuture, Session } from './kernel';
import { exclusive, goLive, notify, observe, publish } from './kernel';
import type { BranchInfo, BranchIntents, LabData, NoticeLine, RuntimeIntents } from './labTypes';
import { lineForError } from './notices';
import { linkFor } from './preferences';
import { runProblem, treeProblem } from './runCheck';
import { forgetSaved } from './rewrite';
import { pauseNow } from './runtime';
import { frameAt, selectHeadSeq } from './selectors';
import type { Settings } from './settings';
import { settingsToOptions } from './settings';

/** A run as it can be rebuilt: the settings, every action where it was applied, and where to. */
export interface RunToRebuild {
  readonly settings: Settings;
  readonly actions: readonly RecordedAction[];
  /** Its newest event (head seq) and the virtual ms it was computed to. */
  readonly head: number;
  readonly computedTo: number;
  /** The frame to show. */
  readonly cursor: number;
  /** The trace digest the rebuilt run must reach, or nothing changes. */
  readonly digest: string;
}

/** A history tree to put back with a run: its branches and which one the run is. */
export interface BranchTree {
  readonly branches: readonly BranchInfo[];
  readonly branchId: number;
}

/** A run rebuilt off screen, ready to be shown. */
interface Ready {
  readonly session: Session;
  readonly data: Pick<LabData, 'history' | 'actions' | 'computedTo' | 'cursor'>;
  /** Where the view clock stands; null: at the cursor's frame (known once published). */
  readonly viewTime: number | null;
}

type Built =
  { readonly ok: true; readonly ready: Ready } | { readonly ok: false; problem: NoticeLine };

/**
 * Rebuilds `run` on a fresh cluster, off screen: every action where it was applied, then on to
 * its head and computedTo. It must reach `run.digest`; otherwise (or when the simulator refuses
 * an action) the cluster stops and the problem comes back, with nothing on screen changed.
 */
async function buildRun(
  k: Kernel,
  settings: Settings,
  run: Omit<RunToRebuild, 'settings'>,
): Promise<Built> {
  const runtime = await k.deps.runtime(settingsToOptions(settings), true);
  const projector = new FrameProjector();
  const first = projector.project(runtime.sim, null);
  const session = observe(runtime, projector, k.historyLimit);
  const sim = runtime.sim;
  const fail = (problem: NoticeLine): Built => {
    session.unsubscribe();
    runtime.dispose?.();
    return { ok: false, problem };
  };
  try {
    const last = run.actions[run.actions.length - 1];
    await replayTo(sim, run.actions, last ? last.eventCount + 1 : 0);
    // On to the head, which may lie in the very instant of the last action (a release is
    // delivered at once), then on to computedTo, stopping as soon as the run has more events
    // than it says it has: a run that differs (a tampered file) is refused early instead of
    // computed to a far-off time.
    const left = () => Math.max(0, run.computedTo - sim.now);
    if (sim.eventCount() < run.head) {
      await sim.runUntil((x) => x.eventCount() >= run.head, left());
    }
    if (sim.eventCount() === run.head && sim.now < run.computedTo) {
      await sim.runUntil((x) => x.eventCount() > run.head, left());
    }
  } catch (e) {
    // A recorded action the simulator refuses: its reason, in codes.
    return fail(lineForError(e));
  }
  if (sim.traceHash() !== run.digest || sim.eventCount() !== run.head) {
    const params = { expected: run.digest, got: sim.traceHash() };
    return fail({ key: 'history.notice.digestMismatch', params });
  }
  const moved = await goLive(runtime);
  if (moved) return fail(moved);
  // A long run keeps only its newest frames, as a history that grew to its limit would.
  const trimmed = (session.pending[0]?.seq ?? 1) > 1;
  const start = trimmed ? startHistory(null, run.actions) : startHistory(first, run.actions);
  const data = { ...start, computedTo: sim.now, cursor: run.cursor };
  return { ok: true, ready: { session, data, viewTime: null } };
}

/** The branch last left, still running, when it is `id` and still at its saved digest. */
function takeSaved(k: Kernel, target: BranchInfo): Ready | null {
  const saved = k.res.saved;
  if (saved?.branch !== target.id || saved.runtime.sim.traceHash() !== target.digest) return null;
  k.res.saved = null;
  return {
    session: observe(saved.runtime, saved.projector),
    data: saved.data,
    viewTime: saved.viewTime,
  };
}

/** Shows `ready` in place of the run on screen; `keep` receives the session it replaces. */
function install(k: Kernel, ready: Ready, extra: Partial<LabData>, keep?: (old: Session) => void) {
  const old = k.res.session;
  old?.unsubscribe();
  if (old && keep) keep(old);
  else old?.runtime.dispose?.();
  k.res.session = ready.session;
  k.set({ ...ready.data, ...extra, pausedBecause: null });
  publish(k, ready.data.cursor, {}, ready.viewTime ?? undefined);
  if (ready.viewTime === null) {
    // A rebuilt run shows its cursor's instant (the clock at computedTo at the newest frame).
    const s = k.get();
    const atHead = s.cursor === selectHeadSeq(s);
    k.clock.setState({ viewTime: atHead ? s.computedTo : (frameAt(s, s.cursor)?.at ?? 0) });
  }
}

/**
 * Puts branch `id` on screen as it was left: the one last left at once, any other rebuilt and
 * checked by its digest. The branch left is kept whole, and kept running for switching back.
 * Returns whether it switched; a refusal is a notice and changes nothing.
 */
async function switchTo(k: Kernel, id: number): Promise<boolean> {
  const target = k.get().branches.find((b) => b.id === id);
  if (!target || id === k.get().branchId) return false;
  let ready = takeSaved(k, target);
  if (!ready) {
    const built = await buildRun(k, k.get().settings, target);
    if (!built.ok) {
      notify(k, 'error', { key: 'history.notice.switchRefused', params: { branch: id } }, [
        built.problem,
      ]);
      return false;
    }
    ready = built.ready;
  }
  // Read after the rebuild: the cursor may have moved meanwhile.
  const s = k.get();
  const left = liveBranch(s);
  const data = {
    history: s.history,
    actions: s.actions,
    computedTo: s.computedTo,
    cursor: s.cursor,
  };
  const viewTime = k.clock.getState().viewTime;
  const extra = { branches: withBranch(s.branches, left), branchId: id, undoable: null };
  install(k, ready, extra, (old) => {
    k.res.saved?.runtime.dispose?.();
    const kept: SavedFuture = { branch: left.id, ...old, data, viewTime };
    k.res.saved = kept;
  });
  return true;
}

/**
 * Rebuilds `run` on a fresh cluster and shows it at its cursor, once it has reached its digest;
 * a malformed run, a refused action or another digest is a notice, and the run on screen stays
 * as it was. The run's settings become the lab's (and the link's); a lesson is left. The tree
 * is `tree` when given (the run is its branch `branchId`), else a fresh one. Resolves whether
 * the run is on screen.
 */
export function rebuildRun(k: Kernel, run: RunToRebuild, tree?: BranchTree): Promise<boolean> {
  const problem = runProblem(run) ?? (tree === undefined ? null : treeProblem(tree));
  if (problem) {
    notify(k, 'error', { key: 'history.notice.badRun' }, [problem]);
    return Promise.resolve(false);
  }
  pauseNow(k);
  let shown = false;
  return exclusive(k, async () => {
    const built = await buildRun(k, run.settings, run);
    if (!built.ok) return notify(k, 'error', { key: 'history.notice.badRun' }, [built.problem]);
    if (k.get().lesson) k.get().exploreFromHere();
    k.get().cancelRewrite();
    forgetSaved(k);
    const branches = tree ? { ...tree, comparison: null } : initialBranches();
    install(k, built.ready, { ...branches, settings: run.settings, selection: null });
    k.set({ status: 'running', statusMessage: null });
    k.persistence.writeQuery(linkFor(k.get()));
    shown = true;
  }).then(() => shown);
}

/** Switching branches, undo (back to the branch just left), and comparing two branches. */
export function branchIntents(k: Kernel): BranchIntents & Pick<RuntimeIntents, 'undoRewrite'> {
  return {
    switchBranch(id) {
      const s = k.get();
      if (!s.branches.some((b) => b.id === id)) {
        notify(k, 'error', { key: 'history.notice.unknownBranch', params: { id: shown(id) } });
        return Promise.resolve();
      }
      if (id === s.branchId) return Promise.resolve();
      pauseNow(k);
      return exclusive(k, async () => void (await switchTo(k, id)));
    },
    undoRewrite() {
      if (!k.get().undoable) return Promise.resolve();
      pauseNow(k);
      return exclusive(k, async () => {
        const s = k.get();
        const parent = s.branches.find((b) => b.id === s.branchId)?.parent ?? null;
        if (s.undoable && parent !== null) await switchTo(k, parent);
      });
    },
    compareBranches(a, b, at) {
      return exclusive(k, async () => {
        const s = k.get();
        const branches = selectBranches(s);
        const problem = compareProblem(branches, a, b, at);
        if (problem) return notify(k, 'error', problem);
        k.set({ comparison: compareRuns(s.settings, branches, a, b, at) });
      });
    },
    closeComparison() {
      if (k.get().comparison) k.set({ comparison: null });
    },
  };
}

/** An id as a notice may show it: a short text whatever was passed. */
const shown = (id: unknown): string =>
  typeof id === 'number' ? String(id) : typeof id === 'string' ? id.slice(0, 32) : typeof id;
