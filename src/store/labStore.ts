// The Raft Lab store (store layer): a zustand/vanilla projection of one simulated cluster. It
// keeps every frame the FrameProjector makes, a cursor into them, playback and UI choices, and
// turns the person's intents into simulator calls. Raft itself is decided in src/sim and below.
import { createStore } from 'zustand/vanilla';
import type { AsyncSimulation, TraceEvent } from '../sim';
import { applyAction } from '../sim';
import type { LabAction, RecordedAction } from './actions';
import { replayTo } from './actions';
import type { Frame } from './frame';
import { FrameProjector } from './frame';
import type {
  LabData,
  LabDeps,
  LabIntents,
  LabState,
  LabStore,
  Language,
  Notice,
  PanelTab,
  Persistence,
  Runtime,
  Theme,
  EventFilter,
} from './labTypes';
import type { Marker, PauseWhen } from './playback';
import { DEFAULT_SPEED, NO_PAUSE, SPEED_MAX, SPEED_MIN, markerFor, pauseReason } from './playback';
import type { Selection } from './selection';
import type { Settings } from './settings';
import { checkSettings, parseSettingsQuery, settingsToOptions, settingsToQuery } from './settings';

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

/** How far (in real ms of playback) the drawn clock may run ahead of the computed one. */
const MAX_LEAD_REAL_MS = 50;

export function createLabStore(deps: LabDeps): LabStore {
  const persistence = deps.persistence ?? memory();
  const limit = deps.historyLimit ?? 200_000;
  const parsed = parseSettingsQuery(persistence.readQuery());
  const language = persistence.load('raft-lab.language') === 'zh' ? 'zh' : 'en';
  const theme = persistence.load('raft-lab.theme') === 'dark' ? 'dark' : 'light';

  let runtime: Runtime | null = null;
  let projector = new FrameProjector();
  let frames: Frame[] = [];
  let markers: Marker[] = [];
  let actions: RecordedAction[] = [];
  let unsubscribe: () => void = () => {};
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  // Set while the ticker runs the cluster: the first frame that meets a "pause when…".
  type Stop = { seq: number; reason: keyof PauseWhen };
  const watch: { on: boolean; stop: Stop | null } = {
    on: false,
    stop: null,
  };
  let lastReal: number | null = null;
  let cancelTick: () => void = () => {};
  let noticeId = 0;

  const initial: LabData = {
    settings: parsed.settings,
    status: 'starting',
    statusMessage: null,
    history: frames,
    firstSeq: 0,
    headSeq: 0,
    cursor: 0,
    frame: null,
    markers,
    actions,
    traceHash: '',
    playing: false,
    speed: DEFAULT_SPEED,
    pauseWhen: NO_PAUSE,
    pausedBecause: null,
    viewTime: 0,
    selection: null,
    language,
    theme,
    tab: 'lessons',
    eventFilter: { node: null, kind: 'important' },
    notice: parsed.errors.length
      ? {
          id: ++noticeId,
          kind: 'error',
          text: `Link settings: ${parsed.errors.join('; ')}`,
          key: 'app.notice.linkSettings',
          params: { errors: parsed.errors.join('; '), fields: parsed.badFields.join(', ') },
        }
      : null,
  };
  // The intents are filled in below, once the closures they use exist.
  const store: LabStore = createStore<LabState>()(() => initial as LabState);
  const get = (): LabState => store.getState();
  const set = (patch: Partial<LabData>): void => store.setState(patch);

  const firstSeq = () => frames[0]?.seq ?? 0;
  const headSeq = () => frames[frames.length - 1]?.seq ?? 0;
  const frameAt = (seq: number) => frames[seq - firstSeq()] ?? null;
  const sim = () => {
    if (!runtime) throw new Error('the cluster is not running yet');
    return runtime.sim;
  };
  const notify = (kind: Notice['kind'], text: string, key?: string, params?: Notice['params']) =>
    set({
      notice: {
        id: ++noticeId,
        kind,
        text,
        ...(key ? { key } : {}),
        ...(params ? { params } : {}),
      },
    });

  function publish(cursor: number, extra: Partial<LabData> = {}): void {
    const c = Math.min(headSeq(), Math.max(firstSeq(), cursor));
    set({
      history: frames,
      firstSeq: firstSeq(),
      headSeq: headSeq(),
      cursor: c,
      frame: frameAt(c),
      markers,
      actions,
      traceHash: runtime?.sim.traceHash() ?? '',
      ...extra,
    });
  }

  function onEvent(event: TraceEvent): void {
    const frame = projector.project(sim(), event);
    const before = frames[frames.length - 1];
    frames.push(frame);
    const marker = markerFor(frame);
    if (marker) markers = [...markers, marker];
    if (watch.on && !watch.stop && before) {
      const reason = pauseReason(get().pauseWhen, before, frame);
      if (reason) watch.stop = { seq: frame.seq, reason };
    }
    if (frames.length > limit) {
      const drop = Math.ceil(limit / 10);
      frames.splice(0, drop);
      frames = [...frames];
      markers = markers.filter((m) => m.seq >= firstSeq());
      notify(
        'info',
        `History is long: the oldest ${drop} events were dropped to save memory.`,
        'app.notice.historyTrimmed',
        { count: drop },
      );
    }
  }

  /** Runs `task` after every earlier task; its error becomes a notice, never a freeze. */
  function exclusive(task: () => Promise<void>): Promise<void> {
    pending++;
    const run = chain.then(task).catch((e: unknown) => {
      notify('error', e instanceof Error ? e.message : String(e));
    });
    chain = run.finally(() => void pending--);
    return chain;
  }

  /** A fresh cluster with the current settings, observed from its first frame. */
  async function boot(): Promise<Runtime> {
    const next = await deps.runtime(settingsToOptions(get().settings));
    unsubscribe();
    runtime?.dispose?.();
    runtime = next;
    projector = new FrameProjector();
    frames = [projector.project(next.sim, null)];
    markers = [];
    unsubscribe = next.sim.subscribe(onEvent);
    return next;
  }

  /** Acting in the past: rebuild the cluster up to the cursor and drop the later frames. */
  async function rewindIfBehind(): Promise<void> {
    const cursor = get().cursor;
    if (cursor >= headSeq()) return;
    const log = actions;
    const next = await boot();
    actions = await replayTo(next.sim, log, cursor);
    publish(headSeq(), { viewTime: frameAt(headSeq())?.at ?? 0 });
  }

  function act(action: LabAction): Promise<void> {
    return exclusive(async () => {
      await rewindIfBehind();
      const s = sim();
      const record = { action, at: s.now, eventCount: s.eventCount() };
      applyAction(s, action);
      actions = [...actions, record];
      publish(headSeq(), { viewTime: s.now });
    });
  }

  function tick(realMs: number): void {
    const state = get();
    if (!state.playing) return;
    cancelTick = deps.scheduler.next(tick);
    const dt = lastReal === null ? 0 : Math.min(250, Math.max(0, realMs - lastReal));
    lastReal = realMs;
    if (dt === 0) return;
    const target = state.viewTime + (dt * state.speed) / 1000;
    if (state.cursor < headSeq()) return replayHistory(target);
    if (pending > 0) {
      // A run is still going: let the clock flow on (so a slow frame does not slow the
      // simulation down) but only a few frames ahead of what has been computed.
      const lead = Math.max(1, (state.speed * MAX_LEAD_REAL_MS) / 1000);
      set({ viewTime: Math.min(target, sim().now + lead) });
      return;
    }
    set({ viewTime: target });
    const ms = Math.floor(target) - sim().now;
    if (ms >= 1) void exclusive(() => runLive(ms));
  }

  /** Playing through recorded frames: move the cursor with the clock, honouring "pause when…". */
  function replayHistory(target: number): void {
    let c = get().cursor;
    while (c < headSeq() && (frameAt(c + 1)?.at ?? Infinity) <= target) {
      c++;
      const reason = pauseReason(get().pauseWhen, frameAt(c - 1)!, frameAt(c)!);
      if (reason) {
        cancelTick();
        return publish(c, { playing: false, pausedBecause: reason, viewTime: frameAt(c)!.at });
      }
    }
    publish(c, { viewTime: target });
  }

  async function runLive(ms: number): Promise<void> {
    watch.stop = null;
    watch.on = true;
    try {
      const pw = get().pauseWhen;
      // With nothing to pause on, runFor may batch a whole lookahead window per worker.
      if (pw.leaderElected || pw.termChanges || pw.entryCommits) {
        await sim().runUntil(() => watch.stop !== null, ms);
      } else await sim().runFor(ms);
    } finally {
      watch.on = false;
    }
    // Set by onEvent during the run, which the compiler cannot see.
    const stop = watch.stop as Stop | null;
    if (!stop) return publish(headSeq());
    cancelTick();
    const at = frameAt(stop.seq)?.at ?? get().viewTime;
    publish(stop.seq, { playing: false, pausedBecause: stop.reason, viewTime: at });
  }

  function pauseNow(): void {
    cancelTick();
    lastReal = null;
    set({ playing: false });
  }

  function moveTo(seq: number): Promise<void> {
    return exclusive(async () => {
      const c = Math.min(headSeq(), Math.max(firstSeq(), seq));
      publish(c, { viewTime: frameAt(c)?.at ?? 0 });
    });
  }

  async function restart(): Promise<void> {
    pauseNow();
    set({ status: 'starting', statusMessage: null, selection: null });
    await exclusive(async () => {
      try {
        await boot();
      } catch (e) {
        set({ status: 'error', statusMessage: (e as Error).message });
        throw e;
      }
      actions = [];
      publish(0, { status: 'running', viewTime: 0, pausedBecause: null });
    });
  }

  const intents: LabIntents = {
    start: restart,
    dispose() {
      pauseNow();
      unsubscribe();
      runtime?.dispose?.();
      runtime = null;
    },
    crashNode: (id: number) => act({ do: 'crash', node: id }),
    restartNode: (id: number) => act({ do: 'restart', node: id }),
    timeoutNode: (id: number) => act({ do: 'timeout', node: id }),
    writeKey: (key: string, value: string, via?: number) =>
      act({ do: 'write', key, value, ...(via === undefined ? {} : { via }) }),
    deleteKey: (key: string, via?: number) =>
      act({ do: 'delete', key, ...(via === undefined ? {} : { via }) }),
    partitionNodes: (groups: readonly (readonly number[])[]) =>
      act({ do: 'partition', groups: groups.map((g) => [...g]) }),
    toggleLink(a: number, b: number) {
      const cut = get().frame?.cuts.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
      return act(cut ? { do: 'restore', a, b } : { do: 'cut', a, b });
    },
    healNetwork: () => act({ do: 'heal' }),
    setLossPercent: (percent: number) =>
      Number.isFinite(percent) && percent >= 0 && percent <= 100
        ? act({ do: 'drop', rate: percent / 100 })
        : Promise.resolve(
            notify(
              'error',
              `message loss must be 0 to 100 %, not ${String(percent)}`,
              'app.notice.badLoss',
              {
                value: String(percent),
              },
            ),
          ),
    fastForward(until: 'leader' | 'requestsSettled', maxMs = 10_000) {
      pauseNow();
      return exclusive(async () => {
        await rewindIfBehind();
        const done =
          until === 'leader'
            ? (s: AsyncSimulation) => s.leader() !== null
            : (s: AsyncSimulation) => s.clientRequests().every((r) => r.status !== 'pending');
        await sim().runUntil(done, maxMs);
        publish(headSeq(), { viewTime: frameAt(headSeq())?.at ?? 0 });
      });
    },
    advanceBy(ms: number) {
      pauseNow();
      return exclusive(async () => {
        await rewindIfBehind();
        if (ms > 0) await sim().runFor(ms);
        publish(headSeq(), { viewTime: sim().now });
      });
    },
    play() {
      if (get().status !== 'running' || get().playing) return;
      lastReal = null;
      set({ playing: true, pausedBecause: null });
      cancelTick = deps.scheduler.next(tick);
    },
    pause: pauseNow,
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    stepForward() {
      pauseNow();
      return exclusive(async () => {
        const c = get().cursor;
        if (c < headSeq()) return publish(c + 1, { viewTime: frameAt(c + 1)!.at });
        const moved = await sim().stepOnce();
        if (!moved) {
          return notify(
            'info',
            'Nothing is scheduled: no event to step to.',
            'app.notice.nothingScheduled',
          );
        }
        publish(c + 1, { viewTime: frameAt(c + 1)?.at ?? sim().now });
      });
    },
    stepBack() {
      pauseNow();
      return moveTo(get().cursor - 1);
    },
    seekTo(seq: number) {
      pauseNow();
      return moveTo(seq);
    },
    setSpeed: (speed: number) =>
      set({ speed: Math.min(SPEED_MAX, Math.max(SPEED_MIN, Math.round(speed))) }),
    setPauseWhen: (patch: Partial<PauseWhen>) =>
      set({ pauseWhen: { ...get().pauseWhen, ...patch } }),
    async applySettings(patch: Partial<Settings>) {
      const next = { ...get().settings, ...patch };
      try {
        checkSettings(next);
      } catch (e) {
        return notify('error', (e as Error).message);
      }
      set({ settings: next });
      persistence.writeQuery(settingsToQuery(next));
      await restart();
    },
    newSeed: () =>
      get().applySettings({
        seed: (deps.randomSeed ?? (() => Math.floor(Math.random() * 1_000_000)))(),
      }),
    selectItem: (selection: Selection) => set({ selection }),
    setLanguage(language: Language) {
      persistence.save('raft-lab.language', language);
      set({ language });
    },
    setTheme(theme: Theme) {
      persistence.save('raft-lab.theme', theme);
      set({ theme });
    },
    showPanel: (tab: PanelTab) => set({ tab }),
    setEventFilter: (patch: Partial<EventFilter>) =>
      set({ eventFilter: { ...get().eventFilter, ...patch } }),
    dismissNotice: () => set({ notice: null }),
    showNotice: notify,
    async whenIdle() {
      while (pending > 0) await chain;
    },
  };

  store.setState(intents);
  return store;
}
