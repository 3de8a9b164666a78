// The store's intents change the frames as a person expects, through an in-process cluster.
import { describe, expect, it } from 'vitest';
import { playFor, startedStore, visible } from './harness';

describe('intents', () => {
  it('start shows one frame per node with nobody leading', async () => {
    const { store } = await startedStore('n=3&seed=7');
    const s = store.getState();
    expect(s.status).toBe('running');
    expect(s.frame?.nodes).toHaveLength(3);
    expect(s.frame?.leader).toBeNull();
    expect(s.cursor).toBe(0);
  });

  it('fastForward to a leader, then crashNode marks the leader crashed', async () => {
    const { store } = await startedStore();
    await store.getState().fastForward('leader');
    const leader = store.getState().frame!.leader!;
    expect(leader).not.toBeNull();
    await store.getState().crashNode(leader);
    const s = store.getState();
    expect(s.frame!.nodes[leader - 1]!.alive).toBe(false);
    expect(s.cursor).toBe(s.headSeq);
    expect(s.markers.map((m) => m.kind)).toEqual(['election', 'crash']);
    expect(s.actions).toHaveLength(1);
  });

  it('writeKey through the leader is acknowledged and applied on every node', async () => {
    const { store, scheduler } = await startedStore();
    await store.getState().fastForward('leader');
    await store.getState().writeKey('x', '1');
    await store.getState().fastForward('requestsSettled');
    await playFor(store, scheduler, 300);
    const f = store.getState().frame!;
    expect(f.requests[0]!.stage).toBe('acknowledged');
    expect(f.nodes.every((n) => n.kv.x === '1')).toBe(true);
    await store.getState().deleteKey('x');
    expect(store.getState().frame!.requests).toHaveLength(2);
  });

  it('advanceBy runs the cluster that many virtual ms ahead and shows the newest frame', async () => {
    const { store } = await startedStore();
    await store.getState().advanceBy(1000);
    const s = store.getState();
    expect(s.viewTime).toBe(1000);
    expect(s.playing).toBe(false);
    expect(s.cursor).toBe(s.headSeq);
    expect(s.frame!.leader).not.toBeNull();
  });

  it('partitionNodes, toggleLink and healNetwork show in the network of the frame', async () => {
    const { store } = await startedStore();
    await store.getState().partitionNodes([[1], [2, 3]]);
    expect(store.getState().frame!.groups).toEqual([[1], [2, 3]]);
    await store.getState().healNetwork();
    expect(store.getState().frame!.groups).toBeNull();
    await store.getState().toggleLink(1, 2);
    expect(store.getState().frame!.cuts.length).toBeGreaterThan(0);
    await store.getState().toggleLink(2, 1);
    expect(store.getState().frame!.cuts).toEqual([]);
    await store.getState().setLossPercent(25);
    expect(store.getState().frame!.dropRate).toBe(0.25);
  });

  it('a bad action becomes a notice and changes nothing', async () => {
    const { store } = await startedStore();
    const before = visible(store);
    await store.getState().restartNode(2);
    expect(store.getState().notice?.kind).toBe('error');
    expect(store.getState().notice?.text).toMatch(/S2 is running/);
    await store.getState().crashNode(42);
    expect(store.getState().notice?.text).toMatch(/unknown node 42/);
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
    expect(JSON.parse(JSON.stringify(store.getState().frame))).toEqual(
      JSON.parse(JSON.stringify(store.getState().history[atLeader.seq])),
    );
  });

  it('applySettings rebuilds the cluster and writes the URL; bad settings only warn', async () => {
    const { store } = await startedStore('n=3&seed=7');
    await store.getState().applySettings({ nodes: 7 });
    expect(store.getState().frame!.nodes).toHaveLength(7);
    expect(store.getState().frame!.majority).toBe(4);
    await store.getState().applySettings({ heartbeatMs: 900 });
    expect(store.getState().notice?.text).toMatch(/heartbeatMs \(900\)/);
    expect(store.getState().settings.heartbeatMs).toBe(50);
  });
});
