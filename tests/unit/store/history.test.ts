// Time travel: acting in the past starts a new future, replayed exactly from the action log.
import { describe, expect, it } from 'vitest';
import { frameAt, selectFrame, selectHeadSeq } from '../../../src/store';
import { playFor, startedStore, visible } from './harness';

describe('acting in the past', () => {
  it('truncates the later frames and replays to the same trace as a fresh run', async () => {
    const { store, scheduler } = await startedStore('n=5&seed=3');
    await store.getState().fastForward('leader');
    const leader = selectFrame(store.getState())!.facts.leader!;
    await store.getState().writeKey('a', '1');
    await playFor(store, scheduler, 400);
    const back = store.getState().cursor - 20;
    const seen = visible(store);
    await store.getState().seekTo(back);
    const atBack = visible(store);
    expect(atBack).not.toEqual(seen);

    await store.getState().crashNode(leader);
    const s = store.getState();
    expect(s.actions.map((a) => a.action.do)).toEqual(['write', 'crash']);
    expect(selectHeadSeq(s)).toBeGreaterThanOrEqual(back + 1);
    expect(s.cursor).toBe(selectHeadSeq(s));
    expect(frameAt(s, back)?.nodes.map((n) => n.term)).toEqual(atBack.nodes.map((n) => n.term));

    // A fresh store given the same actions at the same points ends with the same digest.
    const fresh = (await startedStore('n=5&seed=3')).store;
    await fresh.getState().fastForward('leader');
    await fresh.getState().writeKey('a', '1');
    await fresh.getState().seekTo(0);
    await fresh.getState().stepForward();
    const crashAt = s.actions[1]!;
    while (selectHeadSeq(fresh.getState()) < crashAt.eventCount) {
      await fresh.getState().stepForward();
    }
    expect(selectHeadSeq(fresh.getState())).toBe(crashAt.eventCount);
    await fresh.getState().crashNode(leader);
    expect(fresh.getState().traceHash).toBe(s.traceHash);
    expect(selectHeadSeq(fresh.getState())).toBe(selectHeadSeq(s));
  });

  it('stepping back over an action and acting again drops that action', async () => {
    const { store } = await startedStore('n=3&seed=5');
    await store.getState().crashNode(3);
    await store.getState().stepBack();
    expect(selectFrame(store.getState())!.nodes[2]!.alive).toBe(true);
    await store.getState().crashNode(2);
    const f = selectFrame(store.getState())!;
    expect(f.nodes.map((n) => n.alive)).toEqual([true, false, true]);
    expect(store.getState().actions.map((a) => a.action)).toEqual([{ do: 'crash', node: 2 }]);
  });

  it('seekTo clamps to the recorded history', async () => {
    const { store } = await startedStore();
    for (let i = 0; i < 5; i++) await store.getState().stepForward();
    await store.getState().seekTo(999);
    expect(store.getState().cursor).toBe(5);
    await store.getState().seekTo(-3);
    expect(store.getState().cursor).toBe(0);
  });

  it('playing from the past walks through recorded frames before running anew', async () => {
    const { store, scheduler } = await startedStore();
    await playFor(store, scheduler, 300);
    const head = selectHeadSeq(store.getState());
    await store.getState().seekTo(1);
    await playFor(store, scheduler, 100);
    expect(store.getState().cursor).toBeGreaterThan(1);
    expect(frameAt(store.getState(), 1)).toBe(frameAt(store.getState(), 1));
    expect(selectHeadSeq(store.getState())).toBeGreaterThanOrEqual(head);
  });
});

describe('pause when…', () => {
  it('a leader is elected: stops on the frame where a node became leader', async () => {
    const { store, scheduler } = await startedStore('n=5&seed=11');
    store.getState().setPauseWhen({ leaderElected: true });
    await playFor(store, scheduler, 5000);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.pausedBecause).toBe('leaderElected');
    const e = selectFrame(s)!.event!;
    expect(e.kind === 'step' && e.after.role === 'leader' && e.before.role !== 'leader').toBe(true);
    expect(store.clock.getState().viewTime).toBe(selectFrame(s)!.at);
  });

  it('an entry commits: stops where the leader advanced its commitIndex', async () => {
    const { store, scheduler } = await startedStore('n=3&seed=2');
    await store.getState().fastForward('leader');
    await store.getState().writeKey('x', '9');
    store.getState().setPauseWhen({ entryCommits: true });
    await playFor(store, scheduler, 5000);
    const s = store.getState();
    expect(s.pausedBecause).toBe('entryCommits');
    const leader = selectFrame(s)!.nodes.find((n) => n.role === 'leader')!;
    expect(leader.commitIndex).toBeGreaterThanOrEqual(1);
    const previous = frameAt(s, s.cursor - 1)!.nodes[leader.id - 1]!;
    expect(previous.commitIndex).toBeLessThan(leader.commitIndex);
  });

  it('the term changes: stops at the first higher term', async () => {
    const { store, scheduler } = await startedStore('n=3&seed=4');
    store.getState().setPauseWhen({ termChanges: true });
    await playFor(store, scheduler, 5000);
    const s = store.getState();
    expect(s.pausedBecause).toBe('termChanges');
    expect(Math.max(...selectFrame(s)!.nodes.map((n) => n.term))).toBe(1);
    expect(Math.max(...frameAt(s, s.cursor - 1)!.nodes.map((n) => n.term))).toBe(0);
  });
});
