// The view clock against the computed cluster: it never draws a time the cluster has not been
// run to, never goes back while playing, and stepping at the newest event computes the next one.
import { describe, expect, it } from 'vitest';
import type { LabStore } from '../../../src/store';
import { selectFrame, selectHeadSeq, selectInPast } from '../../../src/store';
import type { ManualScheduler } from './harness';
import { settle, startedStore } from './harness';

/** What the screen would draw right now. */
function sample(store: LabStore) {
  const s = store.getState();
  return {
    viewTime: store.clock.getState().viewTime,
    computedTo: s.computedTo,
    frameAt: selectFrame(s)!.at,
    newestAt: s.history.last()!.at,
    inPast: selectInPast(s),
  };
}

/**
 * Plays at 1000 virtual ms per second for `frames` display frames of 16 ms, letting the queued
 * runs finish only every `lagFrames` frames (a slow cluster), and samples after every frame.
 */
async function playSampling(
  store: LabStore,
  scheduler: ManualScheduler,
  frames: number,
  lagFrames: number,
): Promise<ReturnType<typeof sample>[]> {
  store.getState().setSpeed(1000);
  store.getState().play();
  scheduler.frame(0);
  const samples = [];
  for (let i = 1; i <= frames; i++) {
    scheduler.frame(16);
    samples.push(sample(store));
    if (i % lagFrames === 0) {
      await settle(store);
      // A run that ended while playing is shown at the next display frame.
      scheduler.frame(0);
      samples.push(sample(store));
    }
  }
  return samples;
}

describe('the view clock while playing', () => {
  it.each([
    ['runs that finish within a frame', 1],
    ['runs that take five frames', 5],
  ])(
    'with %s it stays below what is computed, never goes back, and draws a computed frame',
    async (_, lag) => {
      const { store, scheduler } = await startedStore('n=5&seed=4');
      const samples = await playSampling(store, scheduler, 300, lag);
      let previous = 0;
      for (const s of samples) {
        expect(s.viewTime).toBeLessThan(s.computedTo + 1);
        expect(s.viewTime).toBeGreaterThanOrEqual(previous);
        expect(s.frameAt).toBeLessThanOrEqual(s.viewTime);
        expect(s.inPast).toBe(false);
        previous = s.viewTime;
      }
      // The clock went somewhere: about 16 ms per frame when runs keep up.
      expect(previous).toBeGreaterThan(lag === 1 ? 4000 : 800);
    },
  );

  it('makes up the time a lagging run held it at the edge: the speed asked for is kept', async () => {
    const { store, scheduler } = await startedStore('n=5&seed=4');
    // 300 frames of 16 ms at 1000 virtual ms per second ask for 4800 virtual ms; runs that take
    // five frames each once reached only a fifth of it.
    const samples = await playSampling(store, scheduler, 300, 5);
    const last = samples[samples.length - 1]!;
    expect(last.viewTime).toBeGreaterThan(4600);
    expect(last.viewTime).toBeLessThanOrEqual(4800);
    // Never more than a quarter second's worth in one move.
    for (let i = 1; i < samples.length; i++) {
      expect(samples[i]!.viewTime - samples[i - 1]!.viewTime).toBeLessThanOrEqual(250 + 16);
    }
  });

  it('makes up at most a quarter second after a long stall, instead of racing', async () => {
    const { store, scheduler } = await startedStore('n=5&seed=4');
    // Runs that take 60 frames (almost a second) each: after the first (one frame's worth),
    // each makes up a quarter second, not the whole second it took.
    const samples = await playSampling(store, scheduler, 240, 60);
    const last = samples[samples.length - 1]!;
    expect(last.viewTime).toBeGreaterThan(3 * 250);
    expect(last.viewTime).toBeLessThanOrEqual(16 + 3 * 250 + 1);
  });

  it('a run that ends while playing is shown at the next display frame, in one update with the clock', async () => {
    const { store, scheduler } = await startedStore('n=5&seed=4');
    store.getState().setSpeed(1000);
    store.getState().play();
    scheduler.frame(0);
    let updates = 0;
    let clockMoves = 0;
    store.subscribe(() => updates++);
    store.clock.subscribe(() => clockMoves++);
    for (let i = 0; i < 30; i++) {
      scheduler.frame(16);
      const before = { updates, clockMoves, history: store.getState().history.length };
      await settle(store);
      // The run has ended: nothing on screen changed while it ran or when it ended.
      expect({ updates, clockMoves, history: store.getState().history.length }).toEqual(before);
    }
    // Every display frame showed the run before it: the history grew frame by frame.
    expect(updates).toBeGreaterThan(20);
    expect(store.getState().history.length).toBeGreaterThan(30);
    // A write while playing is shown the same way: the clock moves at the next frame, not before.
    scheduler.frame(16);
    await settle(store);
    scheduler.frame(16);
    const moves = clockMoves;
    await store.getState().writeKey('x', '1');
    expect(store.getState().actions.at(-1)!.action).toMatchObject({ do: 'write', key: 'x' });
    expect(clockMoves).toBe(moves);
    scheduler.frame(16);
    expect(clockMoves).toBeGreaterThan(moves);
    await settle(store);
    // The last run has ended and waits for a frame; pausing shows it at once, clock and all.
    const held = sample(store);
    store.getState().pause();
    const paused = sample(store);
    expect(paused.computedTo).toBeGreaterThan(held.computedTo);
    expect(paused.newestAt).toBeGreaterThanOrEqual(held.newestAt);
    expect(paused.viewTime).toBeGreaterThan(held.viewTime);
    expect(paused.viewTime).toBeLessThan(paused.computedTo + 1);
    expect(paused.inPast).toBe(false);
  });

  it('pausing while a run is under way shows a computed time, and Play goes on from there', async () => {
    const { store, scheduler } = await startedStore('n=5&seed=4');
    // Runs take five frames; the last three frames' run is still under way at the pause.
    await playSampling(store, scheduler, 63, 5);
    store.getState().pause();
    const atPause = sample(store);
    expect(atPause.viewTime).toBeLessThan(atPause.computedTo + 1);
    await settle(store);
    const paused = sample(store);
    expect(paused.viewTime).toBeGreaterThanOrEqual(atPause.viewTime);
    expect(paused.viewTime).toBeLessThan(paused.computedTo + 1);
    expect(paused.newestAt).toBeLessThanOrEqual(paused.viewTime);
    expect(paused.inPast).toBe(false);

    const again = await playSampling(store, scheduler, 20, 1);
    expect(again[0]!.viewTime).toBeGreaterThanOrEqual(paused.viewTime);
    expect(again.every((s) => !s.inPast)).toBe(true);
  });

  it('speed 1: the clock moves smoothly inside a millisecond, still short of the next one', async () => {
    const { store, scheduler } = await startedStore('n=3&seed=2');
    store.getState().setSpeed(1);
    store.getState().play();
    scheduler.frame(0);
    const seen = new Set<number>();
    for (let i = 0; i < 120; i++) {
      scheduler.frame(16);
      await settle(store);
      const s = sample(store);
      expect(s.viewTime).toBeLessThan(s.computedTo + 1);
      seen.add(Math.round(s.viewTime * 1000));
    }
    // 120 frames of 16 ms at 1 virtual ms per second: about 1.9 ms, in many small moves.
    expect(store.clock.getState().viewTime).toBeGreaterThan(1.5);
    expect(seen.size).toBeGreaterThan(100);
  });
});

describe('stepping forward', () => {
  it('at the newest event computes the next one, never landing in the past', async () => {
    const { store } = await startedStore('n=5&seed=1');
    let sameInstant = 0;
    for (let i = 0; i < 300; i++) {
      const before = store.getState().cursor;
      await store.getState().stepForward();
      const s = store.getState();
      expect(s.cursor).toBe(before + 1);
      expect(selectInPast(s)).toBe(false);
      if (s.cursor < selectHeadSeq(s)) sameInstant++;
    }
    // Some steps computed an instant of several events, shown one at a time.
    expect(sameInstant).toBeGreaterThan(0);
  });

  it('back one event inside the newest instant is not the past; before it, it is', async () => {
    const { store } = await startedStore('n=5&seed=1');
    // Step until an instant of several events is computed.
    while (store.getState().cursor === selectHeadSeq(store.getState())) {
      await store.getState().stepForward();
    }
    const first = store.getState().cursor;
    await store.getState().stepBack();
    expect(selectInPast(store.getState())).toBe(true);
    await store.getState().seekTo(selectHeadSeq(store.getState()));
    await store.getState().seekTo(first);
    expect(selectInPast(store.getState())).toBe(false);
  });
});
