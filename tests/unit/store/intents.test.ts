// The store's intents change the frames as a person expects, through an in-process cluster.
import { describe, expect, it } from 'vitest';
import { frameAt, selectFrame, selectHeadSeq, selectMarkers } from '../../../src/store';
import { playFor, startedStore, visible } from './harness';

describe('intents', () => {
  it('start shows one frame per node with nobody leading', async () => {
    const { store } = await startedStore('n=3&seed=7');
    const s = store.getState();
    expect(s.status).toBe('running');
    expect(selectFrame(s)?.nodes).toHaveLength(3);
    expect(selectFrame(s)?.facts.leader).toBeNull();
    expect(s.cursor).toBe(0);
  });

  it('fastForward to a leader, then crashNode marks the leader crashed', async () => {
    const { store } = await startedStore();
    await store.getState().fastForward('leader');
    const leader = selectFrame(store.getState())!.facts.leader!;
    expect(leader).not.toBeNull();
    await store.getState().crashNode(leader);
    const s = store.getState();
    expect(selectFrame(s)!.nodes[leader - 1]!.alive).toBe(false);
    expect(s.cursor).toBe(selectHeadSeq(s));
    expect(selectMarkers(s).map((m) => m.kind)).toEqual(['election', 'crash']);
    expect(s.actions).toHaveLength(1);
  });

  it('writeKey through the leader is acknowledged and applied on every node', async () => {
    const { store, scheduler } = await startedStore();
    await store.getState().fastForward('leader');
    await store.getState().writeKey('x', '1');
    await store.getState().fastForward('requestsSettled');
    await playFor(store, scheduler, 300);
    const f = selectFrame(store.getState())!;
    expect(f.requests[0]!.stage).toBe('acknowledged');
    expect(f.nodes.every((n) => n.kv['x'] === '1')).toBe(true);
    await store.getState().deleteKey('x');
    expect(selectFrame(store.getState())!.requests).toHaveLength(2);
  });

  it('advanceBy runs the cluster that many virtual ms ahead and shows the newest frame', async () => {
    const { store } = await startedStore();
    await store.getState().advanceBy(1000);
    const s = store.getState();
    expect(store.clock.getState().viewTime).toBe(1000);
    expect(s.playing).toBe(false);
    expect(s.cursor).toBe(selectHeadSeq(s));
    expect(selectFrame(s)!.facts.leader).not.toBeNull();
  });

  it('partitionNodes, toggleLink and healNetwork show in the network of the frame', async () => {
    const { store } = await startedStore();
    await store.getState().partitionNodes([[1], [2, 3]]);
    expect(selectFrame(store.getState())!.network.groups).toEqual([[1], [2, 3]]);
    await store.getState().healNetwork();
    expect(selectFrame(store.getState())!.network.groups).toBeNull();
    await store.getState().toggleLink(1, 2);
    expect(selectFrame(store.getState())!.network.cuts.length).toBeGreaterThan(0);
    await store.getState().toggleLink(2, 1);
    expect(selectFrame(store.getState())!.network.cuts).toEqual([]);
    await store.getState().setLossPercent(25);
    expect(selectFrame(store.getState())!.network.dropRate).toBe(0.25);
  });

  it('a bad action becomes a notice and changes nothing', async () => {
    const { store } = await startedStore();
    const before = visible(store);
    await store.getState().restartNode(2);
    expect(store.getState().notice?.kind).toBe('error');
    // The refusal keeps the simulator's code and parameters; the UI words it.
    expect(store.getState().notice).toMatchObject({
      key: 'reason.stillRunning',
      params: { node: 2 },
    });
    await store.getState().crashNode(42);
    expect(store.getState().notice).toMatchObject({ key: 'reason.unknownNode' });
    expect(store.getState().notice?.params).toMatchObject({ size: 3 });
    expect(visible(store)).toEqual(before);
  });

  it('stepForward advances one event at a time and stepBack restores the previous frame', async () => {
    const { store } = await startedStore();
    const frames = [visible(store)];
    for (let i = 0; i < 12; i++) {
      await store.getState().stepForward();
      frames.push(visible(store));
    }
    expect(store.getState().cursor).toBe(12);
    for (let i = 11; i >= 0; i--) {
      await store.getState().stepBack();
      expect(visible(store)).toEqual(frames[i]);
    }
    await store.getState().stepForward();
    expect(visible(store)).toEqual(frames[1]);
  });

  it('stepBack restores exactly a frame seen while the cluster ran on', async () => {
    const { store } = await startedStore();
    await store.getState().fastForward('leader');
    const atLeader = visible(store);
    await store.getState().writeKey('k', 'v');
    await store.getState().stepBack();
    expect(visible(store)).toEqual(atLeader);
    expect(JSON.parse(JSON.stringify(selectFrame(store.getState())))).toEqual(
      JSON.parse(JSON.stringify(frameAt(store.getState(), atLeader.seq))),
    );
  });

  it('applySettings rebuilds the cluster and writes the URL; bad settings only warn', async () => {
    const { store } = await startedStore('n=3&seed=7');
    await store.getState().applySettings({ nodes: 7 });
    expect(selectFrame(store.getState())!.nodes).toHaveLength(7);
    expect(selectFrame(store.getState())!.facts.majority).toBe(4);
    await store.getState().applySettings({ heartbeatMs: 900 });
    expect(store.getState().notice).toMatchObject({ kind: 'error', key: 'reason.badOptions' });
    expect(store.getState().settings.heartbeatMs).toBe(50);
  });
});
