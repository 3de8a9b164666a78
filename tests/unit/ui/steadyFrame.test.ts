// The log strip's steadier view of the frame: every change at once while paused or playing
// slowly; at most every STEADY_MS real ms while playing fast, never losing the last change.
import { describe, expect, it } from 'vitest';
import { selectFrame } from '../../../src/store';
import type { SteadyTiming } from '../../../src/ui/steadyFrame';
import {
  STEADY_MS,
  STEADY_SPEED,
  steadySnapshot,
  subscribeSteady,
} from '../../../src/ui/steadyFrame';
import { settle, startedStore } from '../store/harness';

/** A real clock moved by hand, with its timers. */
class HandClock implements SteadyTiming {
  ms = 0;
  private timers: { at: number; run: () => void }[] = [];
  now = () => this.ms;
  after(ms: number, run: () => void) {
    const timer = { at: this.ms + ms, run };
    this.timers.push(timer);
    return () => void (this.timers = this.timers.filter((t) => t !== timer));
  }
  advance(ms: number) {
    this.ms += ms;
    const due = this.timers.filter((t) => t.at <= this.ms);
    this.timers = this.timers.filter((t) => t.at > this.ms);
    for (const t of due) t.run();
  }
  get waiting() {
    return this.timers.length;
  }
}

describe("the log strip's view of the frame while playing", () => {
  it.each([
    ['at 1000 virtual ms a second, it refreshes at most every STEADY_MS', 1000, true],
    ['just below STEADY_SPEED, it follows every frame', STEADY_SPEED - 1, false],
  ])('%s', async (_, speed, steady) => {
    const { store, scheduler } = await startedStore('n=5&seed=4');
    const clock = new HandClock();
    let refreshes = 0;
    let shown = steadySnapshot(store);
    const stop = subscribeSteady(
      store,
      () => {
        refreshes++;
        shown = steadySnapshot(store);
      },
      clock,
    );
    store.getState().setSpeed(speed);
    store.getState().play();
    scheduler.frame(0);
    let frameChanges = 0;
    let previous = selectFrame(store.getState());
    for (let i = 0; i < 120; i++) {
      clock.advance(16);
      scheduler.frame(16);
      await settle(store);
      if (selectFrame(store.getState()) !== previous) frameChanges++;
      previous = selectFrame(store.getState());
      // Never further behind than one refresh's wait.
      if (!steady) expect(shown).toBe(previous);
    }
    expect(frameChanges).toBeGreaterThan(30);
    if (steady) {
      // 120 frames of 16 ms: about 1.9 s, so at most one refresh per STEADY_MS and one more.
      expect(refreshes).toBeLessThanOrEqual(Math.ceil((120 * 16) / STEADY_MS) + 1);
      expect(refreshes).toBeGreaterThan(10);
      // The change held back shows when its time comes, without another change.
      if (clock.waiting) {
        clock.advance(STEADY_MS);
        expect(shown).toBe(selectFrame(store.getState()));
      }
    } else {
      expect(refreshes).toBe(frameChanges);
    }
    // A pause shows the newest frame at once, whatever was held back.
    store.getState().pause();
    await settle(store);
    expect(shown).toBe(selectFrame(store.getState()));
    expect(clock.waiting).toBe(0);
    stop();
  });
});
