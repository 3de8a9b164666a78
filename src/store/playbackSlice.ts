// The playback slice (store layer): the cursor into the history, play and pause, stepping and
// "pause when…". While playing, each display frame moves the view clock (a store of its own, so
// a tick re-renders only what animates) and runs the cluster up to it or walks recorded frames.
//
// The clock never runs ahead of what has been computed and never goes back while playing: a
// tick moves it at most to just before `computedTo + 1` (time moves in whole ms, so nothing can
// happen sooner), and asks the cluster to run on to where the clock wants to be; when that run
// is published the clock follows (at the next display frame, with the clock's own move, so the
// screen updates once per frame). A slow run holds the clock at that edge instead of leaving the
// drawing ahead of the frames it shows; the time it was held is made up afterwards (the clock
// aims where playing at speed would have put it, and the next run goes that far), up to a
// quarter of a second's worth, so a run that lags costs smoothness, not speed.
import type { Kernel } from './kernel';
import { NEVER, exclusive, notify, publish, showHeld, simOf } from './kernel';
import type { LabState, PlaybackData, PlaybackIntents } from './labTypes';
import type { PauseWhen } from './playback';
import { DEFAULT_SPEED, NO_PAUSE, SPEED_MAX, SPEED_MIN, pauseReason } from './playback';
import { lastInstantStart } from './history';
import { pauseNow } from './runtime';
import { frameAt, selectHeadSeq } from './selectors';

/** The latest view time the screen may draw: just before anything not yet computed can happen. */
export const drawableUntil = (s: Pick<LabState, 'computedTo'>): number =>
  s.computedTo + 1 - 2 ** -10;

export function initialPlayback(): PlaybackData {
  return {
    cursor: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    pauseWhen: NO_PAUSE,
    pausedBecause: null,
  };
}

/** The most real time a lagging clock makes up at once, in ms (and the longest frame counted). */
const MAX_CATCH_UP_MS = 250;

function tick(k: Kernel, realMs: number): void {
  if (!k.get().playing) return;
  k.res.cancelTick = k.deps.scheduler.next((ms) => tick(k, ms));
  // A run that ended since the last frame is shown now, in the same update as the clock's move.
  if (k.res.running === 0) showHeld(k);
  const state = k.get();
  const { lastReal, viewTime } = k.clock.getState();
  if (lastReal === null) k.res.aim = k.res.reach = viewTime;
  const dt = lastReal === null ? 0 : Math.min(MAX_CATCH_UP_MS, Math.max(0, realMs - lastReal));
  if (dt === 0) return k.clock.setState({ lastReal: realMs });
  // Where the clock will stand once the run under way is shown, and how far past it to aim.
  const from = Math.max(viewTime, k.res.reach);
  const aim = Math.max(k.res.aim ?? from, from) + (dt * state.speed) / 1000;
  const wanted = Math.min(aim, from + (MAX_CATCH_UP_MS * state.speed) / 1000);
  k.res.aim = wanted;
  const shown = Math.max(viewTime, Math.min(wanted, drawableUntil(state)));
  if (state.cursor < selectHeadSeq(state)) {
    k.clock.setState({ lastReal: realMs });
    return replayHistory(k, shown);
  }
  k.clock.setState({ lastReal: realMs, viewTime: shown });
  // One run at a time; while one goes on (or an action waits) the clock waits at its edge.
  if (k.res.running > 0) return;
  const ms = Math.floor(wanted) - simOf(k).now;
  if (ms < 1) return;
  k.res.reach = wanted;
  void exclusive(k, () => runLive(k, ms, wanted));
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
      const at = Math.max(k.clock.getState().viewTime, frameAt(s, c)!.at);
      return publish(k, c, { playing: false, pausedBecause: reason }, at);
    }
  }
  publish(k, c, {}, target);
}

function stopAt(k: Kernel): void {
  k.res.cancelTick();
  k.res.cancelTick = () => {};
}

/**
 * Runs the live cluster `ms` ahead, stopping at the first frame that meets "pause when…"; then
 * the clock moves on to the time it `wanted`, as far as the run has computed.
 */
async function runLive(k: Kernel, ms: number, wanted: number): Promise<void> {
  const pw = k.get().pauseWhen;
  const sim = simOf(k);
  const pending = k.res.session!.pending;
  let stop: { seq: number; at: number; reason: keyof PauseWhen } | null = null;
  let watched = false;
  const watch = () => (watched = k.res.watchHolds());
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
    await sim.runUntil(() => met() || watch(), ms);
  } else if (watch()) {
    // What the lesson waited for already holds: nothing more to run.
  } else if (k.res.watchHolds !== NEVER) {
    // A lesson waits for its step's end: stop at the very instant it comes.
    await sim.runUntil(watch, ms);
  } else {
    // With nothing to pause on, runFor may batch a whole lookahead window per worker.
    await sim.runFor(ms);
  }
  const viewTime = k.clock.getState().viewTime;
  const found = stop as { seq: number; at: number; reason: keyof PauseWhen } | null;
  if (watched && !found) {
    // The lesson's step ended: pause on its last frame (the lesson slice takes it from there).
    stopAt(k);
    return publish(k, 'head', { playing: false }, Math.max(viewTime, sim.now));
  }
  if (!found) {
    const reached = Math.min(wanted, sim.now + 1 - 2 ** -10);
    // Still playing: the next display frame shows it (one screen update per frame).
    if (k.get().playing) k.res.held = reached;
    else publish(k, 'head', {}, Math.max(viewTime, reached));
    return;
  }
  stopAt(k);
  const paused = { playing: false, pausedBecause: found.reason };
  publish(k, found.seq, paused, Math.max(viewTime, found.at));
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
        const session = k.res.session!;
        const moved = await simOf(k).stepOnce();
        if (!moved) return notify(k, 'info', { key: 'app.notice.nothingScheduled' });
        // One step computes the next instant with node inputs (and any losses just before it).
        // Show its first event: the rest of its instant is not "the past", since a new future
        // could only start after the whole instant anyway.
        const first = lastInstantStart(session.pending)!;
        publish(k, first.seq, {}, Math.max(k.clock.getState().viewTime, first.at));
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
