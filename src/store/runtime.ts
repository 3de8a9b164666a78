// The runtime slice (store layer): starts a cluster from the settings, observes it, and turns
// the person's actions into simulator calls, one task at a time. Refused actions come back as
// coded reasons and become notices; Raft itself is decided in src/sim and below.
import type { AsyncSimulation } from '../sim';
import { applyAction } from '../sim';
import type { LabAction, RecordedAction } from './actions';
import { replayTo } from './actions';
import { FrameProjector } from './frame';
import { landingSeq, startHistory } from './history';
import type { Kernel, Session } from './kernel';
import { exclusive, goLive, notify, observe, publish, showHeld, simOf } from './kernel';
import { NoticeError } from './notices';
import type { RuntimeData, RuntimeIntents } from './labTypes';
import { askFirst, forgetSaved, rewriteIntents } from './rewrite';
import { branchOff, initialBranches, liveBranch } from './branchTree';
import { frameAt, selectFrame, selectHeadSeq } from './selectors';
import { settingsToOptions } from './settings';

export function initialRuntime(): RuntimeData {
  return { status: 'starting', statusMessage: null, traceHash: '', notice: null, noticeCount: 0 };
}

/**
 * A fresh cluster with the current settings, observed from its first frame. The old one stops,
 * unless `keepOld` (a rewind keeps it, to switch back to); it is returned either way. A fresh
 * cluster (not a rewind) starts a fresh history tree.
 */
export async function boot(k: Kernel, keepOld = false): Promise<Session | null> {
  // A rewind's cluster replays the run first (keepOld): it may compute that elsewhere.
  const runtime = await k.deps.runtime(settingsToOptions(k.get().settings), keepOld);
  const old = k.res.session;
  old?.unsubscribe();
  if (!keepOld) old?.runtime.dispose?.();
  const session = observe(runtime, new FrameProjector());
  k.res.session = session;
  const first = startHistory(session.projector.project(runtime.sim, null));
  k.set(keepOld ? first : { ...first, ...initialBranches() });
  return old;
}

/**
 * Acting in the past: rebuild the cluster up to the cursor's instant (and on to the clock, when
 * it stands later in the same quiet stretch) and start a new branch there, whose first act is
 * `action` (null: it only runs on). The run left is kept whole as a branch, its cluster still
 * running for switching back (or undo) at once. Nothing is rebuilt when nothing would be left.
 */
export async function rewindIfBehind(
  k: Kernel,
  action: LabAction | null = null,
  doFirst?: (sim: AsyncSimulation) => void,
): Promise<void> {
  const s = k.get();
  const head = selectHeadSeq(s);
  const landing = landingSeq(s, s.cursor);
  if (landing >= head) {
    if (s.cursor < head) publish(k, 'head');
    return;
  }
  const viewTime = k.clock.getState().viewTime;
  const left = liveBranch(s);
  const old = (await boot(k, true))!;
  const sim = simOf(k);
  try {
    // Every recorded action before the landing frame, each where it was applied; then the
    // events up to the landing frame, and no further in time than the clock.
    const kept = s.actions.filter((a) => a.eventCount < landing);
    await replayTo(sim, kept, kept.length ? kept[kept.length - 1]!.eventCount + 1 : 0);
    const until = Math.max(frameAt(s, landing)!.at, Math.floor(viewTime));
    if (sim.eventCount() < landing) {
      await sim.runUntil((x) => x.eventCount() >= landing, Math.max(0, until - sim.now));
    }
    if (sim.now < until) await sim.runFor(until - sim.now);
    const moved = await goLive(k.res.session!.runtime);
    if (moved) throw new NoticeError(moved);
    // The action itself, before anything is kept: one the simulator refuses there throws, and
    // the old run comes back whole, with no branch named after an action that never happened.
    const from = sim.eventCount();
    doFirst?.(sim);
    forgetSaved(k);
    k.res.saved = {
      branch: left.id,
      runtime: old.runtime,
      projector: old.projector,
      data: { history: s.history, actions: s.actions, computedTo: s.computedTo, cursor: s.cursor },
      viewTime,
    };
    k.set({ actions: kept, undoable: { from, discarded: Math.max(0, head - from) } });
    branchOff(k, left, { from, at: sim.now, action });
  } catch (e) {
    // A rebuild that fails leaves the screen as it was: the old cluster comes back.
    k.res.session!.unsubscribe();
    k.res.session!.runtime.dispose?.();
    k.res.session = observe(old.runtime, old.projector);
    k.set({ history: s.history, actions: s.actions });
    throw e;
  }
  publish(k, 'head', {}, Math.max(viewTime, sim.now));
}

/**
 * Does `action` now (after a rewind when the screen is in the past), at the cluster's time. In
 * the past it is done right after the rebuild, so a refusal leaves the run as it was.
 */
function actNow(k: Kernel, action: LabAction): Promise<void> {
  return exclusive(k, async () => {
    let record: RecordedAction | null = null;
    const apply = (sim: AsyncSimulation) => {
      const at = { action, at: sim.now, eventCount: sim.eventCount() };
      applyAction(sim, action);
      record = at;
    };
    await rewindIfBehind(k, action, apply);
    const s = simOf(k);
    if (record === null) apply(s);
    k.set({ actions: [...k.get().actions, record!] });
    k.res.afterAct();
    // While playing, the next display frame shows it with the clock's move (see Resources.held).
    if (k.get().playing) k.res.held = Math.max(k.res.held ?? s.now, s.now);
    else publish(k, 'head', {}, Math.max(k.clock.getState().viewTime, s.now));
  });
}

/** Does `action`, first asking when it would start a new future in the past. */
export function act(k: Kernel, action: LabAction): Promise<void> {
  return askFirst(k, action, () => pauseNow(k)) ?? actNow(k, action);
}

/**
 * Does `action`, then runs the instant it acted in to its end with no time passing: a snapshot
 * (§5) or a released message is an input at this very instant, so even while paused the screen
 * shows the compacted log or the delivered message at once.
 */
export async function actInstantly(k: Kernel, action: LabAction): Promise<void> {
  await act(k, action);
  await exclusive(k, async () => {
    const s = simOf(k);
    const before = s.eventCount();
    await s.runFor(0);
    if (s.eventCount() > before)
      publish(k, 'head', {}, Math.max(k.clock.getState().viewTime, s.now));
  });
}

/** Pauses and runs the cluster `ms` virtual ms ahead at full speed (from the cursor's instant). */
export function advanceBy(k: Kernel, ms: number): Promise<void> {
  pauseNow(k);
  return exclusive(k, async () => {
    await rewindIfBehind(k);
    if (typeof ms === 'number' && ms > 0) await simOf(k).runFor(ms);
    publish(k, 'head', {}, simOf(k).now);
  });
}

/**
 * Pauses and runs the cluster to virtual time `at` (from the cursor's instant): to exactly the
 * moment a timer comes due, however far the clock stood past the frame on screen.
 */
export function advanceTo(k: Kernel, at: number): Promise<void> {
  pauseNow(k);
  return exclusive(k, async () => {
    await rewindIfBehind(k);
    const sim = simOf(k);
    if (at > sim.now) await sim.runFor(at - sim.now);
    publish(k, 'head', {}, sim.now);
  });
}

/** Everything a run needs to do first: stop the ticker and catch up with the cursor. */
export function pauseNow(k: Kernel): void {
  k.res.cancelTick();
  k.res.cancelTick = () => {};
  k.clock.setState({ lastReal: null });
  if (k.get().playing) k.set({ playing: false });
  // What was held for the next display frame is shown now: paused, the screen has all computed.
  if (k.res.held !== null) {
    if (k.res.running === 0) showHeld(k);
    else void exclusive(k, async () => showHeld(k));
  }
}

export async function restart(k: Kernel): Promise<void> {
  pauseNow(k);
  forgetSaved(k);
  k.get().cancelRewrite();
  k.set({ status: 'starting', statusMessage: null, selection: null });
  await exclusive(k, async () => {
    try {
      await boot(k);
    } catch (e) {
      k.set({ status: 'error', statusMessage: (e as Error).message });
      throw e;
    }
    k.set({ actions: [], status: 'running', pausedBecause: null, cursor: 0 });
    publish(k, 0, {}, 0);
  });
}

/** Every runtime intent but undo, which switches branches (see branches.ts). */
export function runtimeIntents(k: Kernel): Omit<RuntimeIntents, 'undoRewrite'> {
  return {
    start: () => restart(k),
    dispose() {
      pauseNow(k);
      forgetSaved(k);
      k.res.session?.unsubscribe();
      k.res.session?.runtime.dispose?.();
      k.res.session = null;
    },
    crashNode: (id) => act(k, { do: 'crash', node: id }),
    restartNode: (id) => act(k, { do: 'restart', node: id }),
    timeoutNode: (id) => act(k, { do: 'timeout', node: id }),
    writeKey: (key, value, via) =>
      act(k, { do: 'write', key, value, ...(via === undefined ? {} : { via }) }),
    deleteKey: (key, via) => act(k, { do: 'delete', key, ...(via === undefined ? {} : { via }) }),
    appendValue: (key, value, via) =>
      act(k, { do: 'append', key, value, ...(via === undefined ? {} : { via }) }),
    readKey: (key, options) =>
      act(k, {
        do: 'read',
        key,
        ...(options?.mode === undefined ? {} : { mode: options.mode }),
        ...(options?.via === undefined ? {} : { via: options.via }),
      }),
    compactNode: (id) => actInstantly(k, { do: 'compact', node: id }),
    partitionNodes: (groups) => act(k, { do: 'partition', groups: groups.map((g) => [...g]) }),
    toggleLink(a, b) {
      const cuts = selectFrame(k.get())?.network.cuts ?? [];
      const cut = cuts.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
      return act(k, cut ? { do: 'restore', a, b } : { do: 'cut', a, b });
    },
    healNetwork: () => act(k, { do: 'heal' }),
    setLossPercent(percent) {
      if (typeof percent === 'number' && Number.isFinite(percent) && percent >= 0 && percent <= 100)
        return act(k, { do: 'drop', rate: percent / 100 });
      notify(k, 'error', { key: 'app.notice.badLoss', params: { value: String(percent) } });
      return Promise.resolve();
    },
    addServer: (options) =>
      act(k, {
        do: 'addServer',
        ...(options?.voter === undefined ? {} : { voter: options.voter }),
      }),
    removeServer: (id) => act(k, { do: 'removeServer', node: id }),
    changeVoters: (ids) => act(k, { do: 'changeVoters', voters: [...ids] }),
    transferLeadership: (to) => act(k, { do: 'transferLeadership', to }),
    fastForward(until, maxMs = 10_000) {
      pauseNow(k);
      return exclusive(k, async () => {
        await rewindIfBehind(k);
        const done =
          until === 'leader'
            ? (s: AsyncSimulation) => s.leader() !== null
            : (s: AsyncSimulation) => s.clientRequests().every((r) => r.status !== 'pending');
        await simOf(k).runUntil(done, maxMs);
        publish(k, 'head', {}, simOf(k).now);
      });
    },
    advanceBy: (ms) => advanceBy(k, ms),
    dismissNotice: () => k.set({ notice: null }),
    showNotice: (kind, line, details) => notify(k, kind, line, details),
    async whenIdle() {
      while (k.res.running > 0) await k.res.chain;
    },
    ...rewriteIntents(k, (action) => actNow(k, action)),
  };
}
