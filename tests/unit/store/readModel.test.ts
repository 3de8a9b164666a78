// The store derives, it does not decide: a request's stage is the simulator's, history is
// published immutably, and the view clock moving wakes only its own subscribers.
import { describe, expect, it } from 'vitest';
import type { LabStore, RequestFrame } from '../../../src/store';
import { frameAt, selectFrame, selectHeadSeq } from '../../../src/store';
import { startedStore } from './harness';

const requestIn = (store: LabStore, seq: number, id: number): RequestFrame | undefined =>
  frameAt(store.getState(), seq)?.requests.find((r) => r.id === id);

describe('a lost write (defect A)', () => {
  it('a write through a leader cut off alone never reads committed or applied, and reads replaced once another entry commits at its index', async () => {
    const { store } = await startedStore('n=5&seed=1');
    const s = () => store.getState();
    await s().fastForward('leader');
    await s().advanceBy(200);
    const old = selectFrame(s())!.facts.leader!;
    const others = [1, 2, 3, 4, 5].filter((id) => id !== old);
    await s().partitionNodes([[old], others]);
    await s().writeKey('lost', '1', old);
    const from = selectHeadSeq(s());
    const id = selectFrame(s())!.requestCount;
    // The majority side elects a new leader, which commits writes of its own.
    await s().advanceBy(1000);
    const leader = selectFrame(s())!.facts.leader!;
    expect(leader).not.toBe(old);
    await s().writeKey('kept', '1', leader);
    await s().writeKey('kept', '2', leader);
    await s().advanceBy(1000);

    const stages = new Set<string>();
    for (let seq = from; seq <= selectHeadSeq(s()); seq++) {
      const r = requestIn(store, seq, id);
      if (r) stages.add(r.stage);
    }
    expect(stages.has('committed')).toBe(false);
    expect(stages.has('applied')).toBe(false);
    expect(stages.has('acknowledged')).toBe(false);
    const now = requestIn(store, selectHeadSeq(s()), id)!;
    expect(['replaced', 'failed']).toContain(now.stage);
    expect(stages.has('replaced')).toBe(true);
  });
});

describe('history', () => {
  it('a published history never changes: later events make a new list that shares the old frames', async () => {
    const { store } = await startedStore('n=3&seed=7');
    await store.getState().fastForward('leader');
    const published = store.getState().history;
    const length = published.length;
    const last = published.last();
    const copy = published.slice(0);
    await store.getState().writeKey('a', '1');
    await store.getState().advanceBy(500);
    const grown = store.getState().history;
    expect(grown).not.toBe(published);
    expect(published.length).toBe(length);
    expect(published.last()).toBe(last);
    expect(published.slice(0)).toEqual(copy);
    for (let i = 0; i < length; i++) expect(grown.get(i)).toBe(published.get(i));
    expect(grown.length).toBeGreaterThan(length + 50);
  });

  it('trims the oldest frames past the limit, with a notice, and the cursor stays in range', async () => {
    const { createLabStore } = await import('../../../src/store');
    const { inProcess, ManualScheduler, memoryPersistence } = await import('./harness');
    const store = createLabStore({
      runtime: inProcess,
      scheduler: new ManualScheduler(),
      persistence: memoryPersistence('n=3&seed=7'),
      historyLimit: 100,
    });
    await store.getState().start();
    await store.getState().advanceBy(2000);
    const s = store.getState();
    expect(s.history.length).toBeLessThanOrEqual(100);
    expect(s.history.first()!.seq).toBeGreaterThan(0);
    expect(s.cursor).toBe(selectHeadSeq(s));
    expect(s.notice?.key).toBe('app.notice.historyTrimmed');
  });
});

describe('the view clock', () => {
  it('60 display frames without a new event move the clock 60 times and wake no lab subscriber', async () => {
    const { store, scheduler } = await startedStore('n=3&seed=7');
    await store.getState().fastForward('leader');
    const events = store.getState().history.length;
    // What a component such as the log table or the facts line subscribes to.
    let labUpdates = 0;
    let frameChanges = 0;
    let frame = selectFrame(store.getState());
    const offLab = store.subscribe((state) => {
      labUpdates++;
      if (selectFrame(state) !== frame) frameChanges++;
      frame = selectFrame(state);
    });
    let ticks = 0;
    const offClock = store.clock.subscribe(() => void ticks++);
    store.getState().setSpeed(1); // one virtual ms per real second: no event is due in a second
    labUpdates = 0;
    store.getState().play();
    labUpdates = 0;
    scheduler.frame(0);
    for (let i = 0; i < 60; i++) {
      scheduler.frame(16);
      await store.getState().whenIdle();
    }
    expect(store.getState().history.length).toBe(events);
    expect(ticks).toBeGreaterThanOrEqual(60);
    expect(labUpdates).toBe(0);
    expect(frameChanges).toBe(0);
    offLab();
    offClock();
    store.getState().pause();
  });
});
