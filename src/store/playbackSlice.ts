// The playback slice (store layer): the cursor into the history, play and pause, stepping and
// "pause when…". While playing, each display frame moves the view clock (a store of its own, so
// a tick re-renders only what animates) and runs the cluster up to it or walks recorded frames.
import type { Kernel } from './kernel';
import { exclusive, notify, publish, simOf } from './kernel';
import type { PlaybackData, PlaybackIntents } from './labTypes';
import type { PauseWhen } from './playback';
import { DEFAULT_SPEED, NO_PAUSE, SPEED_MAX, SPEED_MIN, pauseReason } from './playback';
import { pauseNow } from './runtime';
import { frameAt, selectHeadSeq } from './selectors';

/** How far (in real ms of playback) the drawn clock may run ahead of the computed one. */
const MAX_LEAD_REAL_MS = 50;

export function initialPlayback(): PlaybackData {
  return {
    cursor: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    pauseWhen: NO_PAUSE,
    pausedBecause: null,
  };
}

function tick(k: Kernel, realMs: number): void {
  const state = k.get();
  if (!state.playing) return;
  k.res.cancelTick = k.deps.scheduler.next((ms) => tick(k, ms));
  const { lastReal, viewTime } = k.clock.getState();
  const dt = lastReal === null ? 0 : Math.min(250, Math.max(0, realMs - lastReal));
  if (dt === 0) return k.clock.setState({ lastReal: realMs });
  const target = viewTime + (dt * state.speed) / 1000;
  if (state.cursor < selectHeadSeq(state)) {
    k.clock.setState({ lastReal: realMs });
    return replayHistory(k, target);
  }
  if (k.res.running > 0) {
    // A run is still going: let the clock flow on (so a slow frame does not slow the
    // simulation down) but only a few frames ahead of what has been computed.
    const lead = Math.max(1, (state.speed * MAX_LEAD_REAL_MS) / 1000);
    k.clock.setState({ lastReal: realMs, viewTime: Math.min(target, simOf(k).now + lead) });
    return;
  }
  k.clock.setState({ lastReal: realMs, viewTime: target });
  const ms = Math.floor(target) - simOf(k).now;
  if (ms >= 1) void exclusive(k, () => runLive(k, ms));
}

/** Playing through recorded frames: move the cursor with the clock, honouring "pause when…". */
function replayHistory(k: Kernel, target: number): void {
  const s = k.get();
  const head = selectHeadSeq(s);
  let c = s.cursor;
  while (c < head && (frameAt(s, c + 1)?.at ?? Infinity) <= target) {
    c++;
    const reason = pauseReason(s.pauseWhen, frameAt(s, c - 1)!, frameAt(s, c)!);
    if (reason) {
      stopAt(k);
      return publish(k, c, { playing: false, pausedBecause: reason }, frameAt(s, c)!.at);
    }
  }
  publish(k, c, {}, target);
}

function stopAt(k: Kernel): void {
  k.res.cancelTick();
  k.res.cancelTick = () => {};
}

/** Runs the live cluster `ms` ahead, stopping at the first frame that meets "pause when…". */
async function runLive(k: Kernel, ms: number): Promise<void> {
  const pw = k.get().pauseWhen;
  const sim = simOf(k);
  const pending = k.res.session!.pending;
  let stop: { seq: number; at: number; reason: keyof PauseWhen } | null = null;
  if (pw.leaderElected || pw.termChanges || pw.entryCommits) {
    let before = k.get().history.last()!;
    let scanned = 0;
    const met = () => {
      for (; scanned < pending.length && !stop; scanned++) {
        const frame = pending[scanned]!;
        const reason = pauseReason(pw, before, frame);
        if (reason) stop = { seq: frame.seq, at: frame.at, reason };
        before = frame;
      }
      return stop !== null;
    };
    await sim.runUntil(met, ms);
  } else {
    // With nothing to pause on, runFor may batch a whole lookahead window per worker.
    await sim.runFor(ms);
  }
  const found = stop as { seq: number; at: number; reason: keyof PauseWhen } | null;
  if (!found) return publish(k, 'head');
  stopAt(k);
  publish(k, found.seq, { playing: false, pausedBecause: found.reason }, found.at);
}

function moveTo(k: Kernel, seq: number): Promise<void> {
  return exclusive(k, async () => {
    const s = k.get();
    const first = s.history.first()?.seq ?? 0;
    const c = Math.min(
      selectHeadSeq(s),
      Math.max(first, Number.isFinite(seq) ? Math.round(seq) : s.cursor),
    );
    publish(k, c, {}, frameAt(s, c)?.at ?? 0);
  });
}

export function playbackIntents(k: Kernel): PlaybackIntents {
  return {
    play() {
      const s = k.get();
      if (s.status !== 'running' || s.playing) return;
      k.clock.setState({ lastReal: null });
      k.set({ playing: true, pausedBecause: null });
      k.res.cancelTick = k.deps.scheduler.next((ms) => tick(k, ms));
    },
    pause: () => pauseNow(k),
    togglePlay: () => (k.get().playing ? k.get().pause() : k.get().play()),
    stepForward() {
      pauseNow(k);
      return exclusive(k, async () => {
        const s = k.get();
        const c = s.cursor;
        if (c < selectHeadSeq(s)) return publish(k, c + 1, {}, frameAt(s, c + 1)!.at);
        const moved = await simOf(k).stepOnce();
        if (!moved) return notify(k, 'info', { key: 'app.notice.nothingScheduled' });
        publish(k, c + 1, {}, simOf(k).now);
      });
    },
    stepBack() {
      pauseNow(k);
      return moveTo(k, k.get().cursor - 1);
    },
    seekTo(seq) {
      pauseNow(k);
      return moveTo(k, seq);
    },
    setSpeed(speed) {
      if (typeof speed !== 'number' || !Number.isFinite(speed)) return;
      k.set({ speed: Math.min(SPEED_MAX, Math.max(SPEED_MIN, Math.round(speed))) });
    },
    setPauseWhen: (patch) => k.set({ pauseWhen: { ...k.get().pauseWhen, ...patch } }),
  };
}
