// The runtime slice (store layer): starts a cluster from the settings, observes it, and turns
// the person's actions into simulator calls, one task at a time. Refused actions come back as
// coded reasons and become notices; Raft itself is decided in src/sim and below.
import type { AsyncSimulation, TraceEvent } from '../sim';
import { applyAction } from '../sim';
import type { LabAction } from './actions';
import { replayTo } from './actions';
import { FrameProjector } from './frame';
import { startHistory } from './history';
import type { Kernel, Session } from './kernel';
import { exclusive, notify, publish, simOf } from './kernel';
import type { RuntimeData, RuntimeIntents } from './labTypes';
import { selectFrame, selectHeadSeq } from './selectors';
import { settingsToOptions } from './settings';

export function initialRuntime(): RuntimeData {
  return { status: 'starting', statusMessage: null, traceHash: '', notice: null, noticeCount: 0 };
}

/** A fresh cluster with the current settings, observed from its first frame. */
async function boot(k: Kernel): Promise<Session> {
  const runtime = await k.deps.runtime(settingsToOptions(k.get().settings));
  const old = k.res.session;
  old?.unsubscribe();
  old?.runtime.dispose?.();
  const projector = new FrameProjector();
  const pending: Frame[] = [];
  const sim = runtime.sim;
  const onEvent = (event: TraceEvent) => void pending.push(projector.project(sim, event));
  const session: Session = { runtime, projector, pending, unsubscribe: sim.subscribe(onEvent) };
  k.res.session = session;
  k.set(startHistory(projector.project(sim, null)));
  return session;
}
type Frame = ReturnType<FrameProjector['project']>;

/** Acting in the past: rebuild the cluster up to the cursor and drop the later frames. */
export async function rewindIfBehind(k: Kernel): Promise<void> {
  const { cursor, actions } = k.get();
  if (cursor >= selectHeadSeq(k.get())) return;
  const session = await boot(k);
  const kept = await replayTo(session.runtime.sim, actions, cursor);
  k.set({ actions: kept });
  publish(k, 'head', {}, session.runtime.sim.now);
}

function act(k: Kernel, action: LabAction): Promise<void> {
  return exclusive(k, async () => {
    await rewindIfBehind(k);
    const s = simOf(k);
    const record = { action, at: s.now, eventCount: s.eventCount() };
    applyAction(s, action);
    k.set({ actions: [...k.get().actions, record] });
    publish(k, 'head', {}, s.now);
  });
}

/** Everything a run needs to do first: stop the ticker and catch up with the cursor. */
export function pauseNow(k: Kernel): void {
  k.res.cancelTick();
  k.res.cancelTick = () => {};
  k.clock.setState({ lastReal: null });
  if (k.get().playing) k.set({ playing: false });
}

export async function restart(k: Kernel): Promise<void> {
  pauseNow(k);
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

export function runtimeIntents(k: Kernel): RuntimeIntents {
  return {
    start: () => restart(k),
    dispose() {
      pauseNow(k);
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
    advanceBy(ms) {
      pauseNow(k);
      return exclusive(k, async () => {
        await rewindIfBehind(k);
        if (typeof ms === 'number' && ms > 0) await simOf(k).runFor(ms);
        publish(k, 'head', {}, simOf(k).now);
      });
    },
    dismissNotice: () => k.set({ notice: null }),
    showNotice: (kind, line, details) => notify(k, kind, line, details),
    async whenIdle() {
      while (k.res.running > 0) await k.res.chain;
    },
  };
}
