// The message intents through the store: each touch becomes a recorded action and a frame that
// shows it (held, lost by hand, a copy on the wire), manual delivery lists the choices, a pick
// makes the listed event happen, and a bad argument is a notice that changes nothing.
import { describe, expect, it } from 'vitest';
import type { LabStore } from '../../../src/store';
import { selectFrame } from '../../../src/store';
import { settle, startedStore } from './harness';

async function withLeaderAndWrite(): Promise<LabStore> {
  const { store } = await startedStore('n=3&seed=7');
  await store.getState().fastForward('leader');
  await store.getState().writeKey('x', '1');
  await settle(store);
  return store;
}

const frame = (store: LabStore) => selectFrame(store.getState())!;
const onWire = (store: LabStore) => frame(store).flights.filter((f) => f.lostAt === null);

describe('touching messages through the store', () => {
  it('hold, then release: the frame shows it held, the actions record both', async () => {
    const store = await withLeaderAndWrite();
    const id = onWire(store)[0]!.id;
    await store.getState().holdMessage(id);
    expect(frame(store).flights.find((f) => f.id === id)?.held).toBe(true);
    expect(frame(store).choices.some((c) => c.kind === 'deliver' && c.message === id)).toBe(true);
    await store.getState().releaseMessage(id);
    await store.getState().advanceBy(0);
    expect(frame(store).flights.some((f) => f.id === id)).toBe(false);
    expect(store.getState().actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        { do: 'hold', message: id },
        { do: 'release', message: id },
      ]),
    );
  });

  it('drop and duplicate show as a loss by hand and a copy on the wire', async () => {
    const store = await withLeaderAndWrite();
    const [a, b] = onWire(store);
    await store.getState().duplicateMessage(b!.id);
    const copies = onWire(store).filter((f) => f.message === b!.message);
    expect(copies.length).toBe(2);
    await store.getState().dropMessage(a!.id);
    await store.getState().advanceBy(0);
    const h = store.getState().history;
    const lost = h
      .slice(0)
      .some((f) => f.event?.kind === 'lost' && f.event.reason === 'dropped by hand');
    expect(lost).toBe(true);
  });

  it('manual delivery: the frame lists choices; picking the first timer runs the clock to it', async () => {
    const store = await withLeaderAndWrite();
    await store.getState().setManualDelivery(true);
    expect(frame(store).network.manual).toBe(true);
    const timer = frame(store).choices.find((c) => c.kind === 'timer' && c.earliest)!;
    expect(timer).toBeDefined();
    await store.getState().pickChoice(timer);
    expect(frame(store).at).toBe(timer.at);
    const deliver = frame(store).choices.find((c) => c.kind === 'deliver')!;
    await store.getState().pickChoice(deliver);
    await store.getState().advanceBy(0);
    expect(
      frame(store).flights.some((f) => deliver.kind === 'deliver' && f.id === deliver.message),
    ).toBe(false);
    await store.getState().setManualDelivery(false);
    expect(frame(store).network.manual).toBe(false);
  });

  it.each([
    ['an unknown message', (s: LabStore) => s.getState().holdMessage(424242)],
    ['NaN', (s: LabStore) => s.getState().dropMessage(NaN)],
    ['a string id', (s: LabStore) => s.getState().duplicateMessage('3' as unknown as number)],
    ['release with none held', (s: LabStore) => s.getState().releaseAll()],
    [
      'a choice that is not listed',
      (s: LabStore) =>
        s.getState().pickChoice({
          kind: 'timer',
          node: 9,
          at: 1,
          timer: 'election',
          earliest: true,
        } as never),
    ],
    ['a choice that is not an object', (s: LabStore) => s.getState().pickChoice('next' as never)],
  ])('%s: a notice, and nothing changes', async (_name, call) => {
    const store = await withLeaderAndWrite();
    const before = [
      store.getState().traceHash,
      store.getState().actions.length,
      store.getState().history.length,
    ];
    await call(store);
    await settle(store);
    expect(store.getState().notice?.kind).toBe('error');
    expect([
      store.getState().traceHash,
      store.getState().actions.length,
      store.getState().history.length,
    ]).toEqual(before);
  });
});

describe('picking and acting from where the clock stands', () => {
  it('the first timer is reached exactly, even when the clock stands past the frame on screen', async () => {
    const { store } = await startedStore('n=3&seed=7');
    await store.getState().setManualDelivery(true);
    await store.getState().advanceBy(100);
    const timers = frame(store).choices.filter((c) => c.kind === 'timer');
    const first = timers.find((c) => c.earliest)!;
    expect(timers.length).toBeGreaterThan(1);
    await store.getState().pickChoice(first);
    const fired = store
      .getState()
      .history.slice(0)
      .filter((f) => f.event?.kind === 'step' && f.event.input === 'tick')
      .map((f) => f.at);
    // Only the picked timer fired: the next one is still listed, due later.
    expect(fired).toEqual([first.at]);
    expect(frame(store).choices.some((c) => c.kind === 'timer' && c.at > first.at)).toBe(true);
  });

  it('a touch refused in the past changes nothing: no rewind, no branch, the same digest', async () => {
    const store = await withLeaderAndWrite();
    await store.getState().advanceBy(300);
    await store.getState().seekTo(Math.floor(store.getState().cursor / 2));
    const before = {
      hash: store.getState().traceHash,
      frames: store.getState().history.length,
      branches: store.getState().branches.length,
      cursor: store.getState().cursor,
      undoable: store.getState().undoable,
    };
    await store.getState().holdMessage(424242);
    await store.getState().releaseAll();
    await store.getState().crashNode(99);
    await settle(store);
    expect(store.getState().notice?.kind).toBe('error');
    expect({
      hash: store.getState().traceHash,
      frames: store.getState().history.length,
      branches: store.getState().branches.length,
      cursor: store.getState().cursor,
      undoable: store.getState().undoable,
    }).toEqual(before);
  });
});

describe('a run that ends on an instant still being acted in imports exactly', () => {
  it.each([
    ['a release, delivered in the same instant', true],
    ['a timer fired by hand, not yet run', false],
  ])('ending with %s: the same digest and head in a fresh store', async (_name, release) => {
    const store = await withLeaderAndWrite();
    const id = onWire(store)[0]!.id;
    await store.getState().holdMessage(id);
    await store.getState().advanceBy(100);
    if (release) await store.getState().releaseMessage(id);
    else await store.getState().timeoutNode(1);
    const text = store.getState().exportRun();
    const other = (await startedStore('n=3&seed=7')).store;
    expect(await other.getState().importRun(text)).toBe(true);
    expect([other.getState().traceHash, other.getState().history.length]).toEqual([
      store.getState().traceHash,
      store.getState().history.length,
    ]);
  });
});
