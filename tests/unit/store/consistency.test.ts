// The store's intents for what a Raft-backed store promises its clients (thesis ch. 5 and 6):
// reads in each mode, appends, taking a snapshot now, and the two settings (snap=, retry=). Each
// intent is recorded as an action, so a rewind replays it; a refused one is a notice in codes.
import { describe, expect, it } from 'vitest';
import { frameAt, selectFrame, selectHeadSeq, staleReadStory } from '../../../src/store';
import type { LabStore } from '../../../src/store';
import { startedStore, visible } from './harness';

const frame = (store: LabStore) => selectFrame(store.getState())!;

/**
 * A started three-node store with a leader its followers have heard from (a heartbeat later),
 * and that leader and a follower.
 */
async function withLeader(query = 'n=3&seed=7') {
  const { store, scheduler } = await startedStore(query);
  await store.getState().fastForward('leader');
  await store.getState().advanceBy(100);
  const leader = frame(store).facts.leader!;
  return { store, scheduler, leader, follower: leader === 1 ? 2 : 1 };
}

describe('reads (thesis §6.4)', () => {
  it.each([
    ['readIndex', 'through the leader', false],
    ['readIndex', 'through a follower', true],
    ['lease', 'through the leader', false],
    ['local', 'through a follower', true],
  ] as const)('a %s read %s is answered with the value written', async (mode, _, viaFollower) => {
    const { store, leader, follower } = await withLeader('n=3&seed=7&cq=1');
    await store.getState().writeKey('x', '1');
    await store.getState().fastForward('requestsSettled');
    // A heartbeat later every server has applied it, so even a local read sees it.
    await store.getState().advanceBy(100);
    const via = viaFollower ? follower : leader;
    await store.getState().readKey('x', { mode, via });
    await store.getState().fastForward('requestsSettled');
    const read = frame(store).requests.at(-1)!;
    expect(read.command).toEqual({ kind: 'read', key: 'x', mode });
    expect(read.via).toBe(via);
    expect(read.stage).toBe('acknowledged');
    expect(read.read).toMatchObject({ mode, value: '1' });
    if (mode === 'readIndex') expect(read.read!.confirmedBy!.length).toBeGreaterThanOrEqual(2);
    if (mode === 'lease') expect(read.read!.leaseUntil).toBeGreaterThan(read.sentAt);
    expect(store.getState().actions.at(-1)!.action).toEqual({ do: 'read', key: 'x', mode, via });
  });

  it('a read of a key nobody wrote answers null ("no such key"); readIndex is the default', async () => {
    const { store } = await withLeader();
    await store.getState().readKey('nothing');
    await store.getState().fastForward('requestsSettled');
    const read = frame(store).requests.at(-1)!;
    expect(read.read).toMatchObject({ mode: 'readIndex', value: null });
    expect(store.getState().actions.at(-1)!.action).toEqual({ do: 'read', key: 'nothing' });
  });

  it('a lease read without CheckQuorum is refused with its code', async () => {
    const { store, leader } = await withLeader('n=3&seed=7&cq=0');
    await store.getState().readKey('x', { mode: 'lease', via: leader });
    await store.getState().fastForward('requestsSettled');
    const read = frame(store).requests.at(-1)!;
    expect(read.stage).toBe('failed');
    expect(read.failure).toEqual({ code: 'leaseNeedsCheckQuorum', node: leader });
  });

  it('a read with a mode the simulator does not know is a notice and changes nothing', async () => {
    const { store } = await withLeader();
    const before = visible(store);
    const actions = store.getState().actions;
    await store.getState().readKey('x', { mode: 'eventual' as never });
    expect(store.getState().notice).toMatchObject({
      kind: 'error',
      key: 'reason.badReadMode',
      params: { value: '"eventual"' },
    });
    expect(visible(store)).toEqual(before);
    expect(store.getState().actions).toBe(actions);
  });
});

describe('appends and sessions (thesis §6.3)', () => {
  it('appendValue appends to the key’s string on every server, each write in its session', async () => {
    const { store, follower } = await withLeader();
    await store.getState().appendValue('log', 'a');
    await store.getState().appendValue('log', 'b', follower);
    await store.getState().fastForward('requestsSettled');
    await store.getState().advanceBy(200);
    const f = frame(store);
    expect(f.nodes.map((n) => n.kv['log'])).toEqual(['ab', 'ab', 'ab']);
    const [a, b] = f.requests.slice(-2);
    expect(a!.command).toEqual({ kind: 'append', key: 'log', value: 'a' });
    expect(b!.via).toBe(follower);
    expect([a!.stage, b!.stage]).toEqual(['acknowledged', 'acknowledged']);
    expect(a!.session).not.toBeNull();
    expect(b!.session).not.toBeNull();
  });

  it('with retry=, a write sent to a crashed server is resent to another and applied once', async () => {
    const { store, follower } = await withLeader('n=3&seed=7&retry=150');
    await store.getState().crashNode(follower);
    await store.getState().appendValue('log', 'x', follower);
    await store.getState().fastForward('requestsSettled');
    await store.getState().advanceBy(200);
    const r = frame(store).requests.at(-1)!;
    expect(r.stage).toBe('acknowledged');
    expect(r.retries.length).toBeGreaterThanOrEqual(1);
    expect(r.retries[0]!.to).not.toBe(follower);
    expect(r.retries[0]!.at).toBeGreaterThanOrEqual(r.sentAt + 150);
    const live = frame(store).nodes.filter((n) => n.alive);
    expect(live.map((n) => n.kv['log'])).toEqual(live.map(() => 'x'));
  });

  it('an earlier frame keeps the resends it had then: stepping back hides later ones', async () => {
    const { store, follower } = await withLeader('n=3&seed=7&retry=150');
    await store.getState().crashNode(follower);
    await store.getState().appendValue('log', 'x', follower);
    const sentSeq = selectHeadSeq(store.getState());
    await store.getState().fastForward('requestsSettled');
    const id = frame(store).requests.at(-1)!.id;
    expect(frame(store).requests.at(-1)!.retries.length).toBeGreaterThanOrEqual(1);
    const then = frameAt(store.getState(), sentSeq)!.requests.find((r) => r.id === id)!;
    expect(then.retries).toEqual([]);
    await store.getState().seekTo(sentSeq);
    expect(frame(store).requests.find((r) => r.id === id)!.retries).toEqual([]);
  });

  it('without retry= the client never resends', async () => {
    const { store, follower } = await withLeader('n=3&seed=7');
    await store.getState().crashNode(follower);
    await store.getState().appendValue('log', 'x', follower);
    await store.getState().advanceBy(1000);
    expect(frame(store).requests.at(-1)!.retries).toEqual([]);
  });
});

describe('snapshots (thesis §5)', () => {
  it('compactNode snapshots what the server applied, at once; its log counts on after it', async () => {
    const { store, leader } = await withLeader();
    for (const v of ['1', '2', '3']) await store.getState().writeKey('x', v);
    await store.getState().fastForward('requestsSettled');
    const applied = frame(store).nodes[leader - 1]!.lastApplied;
    const at = frame(store).at;
    await store.getState().compactNode(leader);
    // No time passed: the snapshot is an input of this very instant, shown while paused.
    expect(frame(store).at).toBe(at);
    expect(frame(store).event).toMatchObject({ kind: 'step', input: 'compact', node: leader });
    expect(store.getState().playing).toBe(false);
    const node = frame(store).nodes[leader - 1]!;
    expect(node.snapshot).toEqual({ lastIncludedIndex: applied, lastIncludedTerm: node.term });
    expect(node.log.base).toBe(applied);
    expect(node.log.length).toBe(0);
    expect(node.kv['x']).toBe('3');
    expect(store.getState().actions.at(-1)!.action).toEqual({ do: 'compact', node: leader });
  });

  it('compactNode on a crashed server is a notice and changes nothing', async () => {
    const { store, follower } = await withLeader();
    await store.getState().crashNode(follower);
    const before = visible(store);
    await store.getState().compactNode(follower);
    expect(store.getState().notice).toMatchObject({
      key: 'reason.nodeCrashed',
      params: { node: follower },
    });
    expect(visible(store)).toEqual(before);
  });

  it('with snap=, servers compact on their own, and a restarted one starts from its snapshot', async () => {
    const { store, follower } = await withLeader('n=3&seed=7&snap=3');
    for (let i = 0; i < 7; i++) await store.getState().writeKey('k', String(i));
    await store.getState().fastForward('requestsSettled');
    await store.getState().advanceBy(200);
    const before = frame(store).nodes[follower - 1]!;
    expect(before.snapshot).not.toBeNull();
    await store.getState().crashNode(follower);
    await store.getState().restartNode(follower);
    const after = frame(store).nodes[follower - 1]!;
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.lastApplied).toBe(before.snapshot!.lastIncludedIndex);
    expect(after.commitIndex).toBe(before.snapshot!.lastIncludedIndex);
  });
});

describe('a stale read (thesis §6.4), as the consistency browser test stages it', () => {
  /**
   * x=1 everywhere, then the leader cut off with one follower; once the majority has elected a
   * leader of its own, x=2 is written through it.
   */
  async function deposed() {
    const { store, leader } = await withLeader('n=5&seed=7');
    await store.getState().writeKey('x', '1');
    await store.getState().fastForward('requestsSettled');
    await store.getState().advanceBy(100);
    const minority = [leader, leader === 1 ? 2 : 1];
    const majority = [1, 2, 3, 4, 5].filter((id) => !minority.includes(id));
    await store.getState().partitionNodes([minority, majority]);
    await store.getState().advanceBy(1000);
    const successor = frame(store).facts.leader!;
    expect(majority).toContain(successor);
    await store.getState().writeKey('x', '2', successor);
    await store.getState().fastForward('requestsSettled');
    return { store, leader };
  }

  it('the majority acknowledges x=2 while the old leader still thinks it leads', async () => {
    const { store, leader } = await deposed();
    const f = frame(store);
    expect(f.requests.at(-1)).toMatchObject({ stage: 'acknowledged' });
    expect(f.nodes[leader - 1]).toMatchObject({ role: 'leader', kv: { x: '1' } });
    expect(f.violations).toEqual([]);
  });

  it('a local read on the old leader returns x=1 and the Linearizability checker fires', async () => {
    const { store, leader } = await deposed();
    await store.getState().readKey('x', { mode: 'local', via: leader });
    await store.getState().fastForward('requestsSettled');
    const f = frame(store);
    expect(f.requests.at(-1)!.read).toMatchObject({ mode: 'local', value: '1' });
    expect(f.violations.map((v) => [v.ruleId, v.finding.code])).toEqual([
      ['linearizability', 'staleRead'],
    ]);
    expect(f.violations[0]!.finding).toMatchObject({ key: 'x', value: '"1"', expected: '"2"' });
  });

  it('the alarm’s story finds the read and the write it missed in the recorded frames', async () => {
    const { store, leader } = await deposed();
    await store.getState().readKey('x', { mode: 'local', via: leader });
    await store.getState().fastForward('requestsSettled');
    const [read, write] = frame(store).requests.slice(-2).reverse();
    const story = staleReadStory(store.getState().history, frame(store).violations[0]!.finding)!;
    expect(story.read).toEqual({
      id: read!.id,
      key: 'x',
      value: '"1"',
      invokedAt: read!.sentAt,
      answeredAt: read!.settledAt,
      by: leader,
    });
    expect(story.write).toEqual({
      id: write!.id,
      command: { kind: 'set', key: 'x', value: '2' },
      sentAt: write!.sentAt,
      ackAt: write!.settledAt,
    });
    expect(story.write!.ackAt).toBeLessThanOrEqual(story.read.invokedAt);
    // Any other finding has no such story.
    expect(staleReadStory(store.getState().history, { code: 'twoLeaders' })).toBeNull();
  });

  it('a readIndex read on the old leader is refused instead, and nothing fires', async () => {
    const { store, leader } = await deposed();
    await store.getState().readKey('x', { mode: 'readIndex', via: leader });
    await store.getState().fastForward('requestsSettled');
    const f = frame(store);
    expect(f.requests.at(-1)).toMatchObject({
      stage: 'failed',
      failure: { code: 'leadershipUnconfirmed', node: leader },
    });
    expect(f.violations).toEqual([]);
  });
});
