// Membership intents through the store (thesis ch. 4, §3.10): each is a recorded action, so the
// frames show the cluster growing and shrinking, a refusal is a coded notice, and stepping back
// into the past and acting again replays an added server exactly.
import { describe, expect, it } from 'vitest';
import type { LabStore } from '../../../src/store';
import { selectFrame, selectHeadSeq, selectMarkers } from '../../../src/store';
import { startedStore, visible } from './harness';

const frame = (store: LabStore) => selectFrame(store.getState())!;
const lab = (store: LabStore) => store.getState();

/** A five-server cluster with a leader that has committed an entry of its term. */
async function settledCluster(): Promise<LabStore> {
  const { store } = await startedStore('n=5&seed=4');
  await lab(store).fastForward('leader');
  await lab(store).advanceBy(300);
  return store;
}

describe('membership intents', () => {
  it('addServer grows the ring by one server that becomes a voter once it has caught up', async () => {
    const store = await settledCluster();
    await lab(store).addServer();
    expect(frame(store).nodes).toHaveLength(6);
    expect(lab(store).actions.at(-1)!.action).toEqual({ do: 'addServer' });
    expect(selectMarkers(lab(store)).at(-1)).toMatchObject({ kind: 'membership', node: 6 });
    await lab(store).fastForward('requestsSettled');
    await lab(store).advanceBy(100);
    const f = frame(store);
    expect(f.nodes[5]!.member).toBe('voter');
    expect(f.facts.voters).toEqual([1, 2, 3, 4, 5, 6]);
    expect(f.facts.majority).toBe(4);
    expect(f.requests.at(-1)!.stage).toBe('acknowledged');
  });

  it('addServer as a learner leaves the majority as it was', async () => {
    const store = await settledCluster();
    await lab(store).addServer({ voter: false });
    await lab(store).fastForward('requestsSettled');
    const f = frame(store);
    expect(f.nodes[5]!.member).toBe('learner');
    expect(f.facts.learners).toEqual([6]);
    expect(f.facts.majority).toBe(3);
  });

  it('removeServer on the leader: it leaves the configuration and another server leads', async () => {
    const store = await settledCluster();
    const leader = frame(store).facts.leader!;
    await lab(store).removeServer(leader);
    await lab(store).advanceBy(2000);
    const f = frame(store);
    expect(f.nodes[leader - 1]!.member).toBe('outside');
    expect(f.facts.leader).not.toBeNull();
    expect(f.facts.leader).not.toBe(leader);
    expect(f.facts.voters).not.toContain(leader);
  });

  it('transferLeadership hands over to the chosen follower', async () => {
    const store = await settledCluster();
    const leader = frame(store).facts.leader!;
    const to = leader === 2 ? 3 : 2;
    await lab(store).transferLeadership(to);
    await lab(store).advanceBy(600);
    expect(frame(store).facts.leader).toBe(to);
  });

  it('changeVoters passes through a joint configuration to the new voters', async () => {
    const store = await settledCluster();
    await lab(store).changeVoters([1, 2, 3]);
    let joint = false;
    for (let i = 0; i < 40 && !joint; i++) {
      await lab(store).advanceBy(5);
      joint = frame(store).facts.joint !== null;
    }
    expect(frame(store).facts.joint).toMatchObject({ old: [1, 2, 3, 4, 5], new: [1, 2, 3] });
    expect(frame(store).facts.joint!.oldMajority).toBe(3);
    await lab(store).advanceBy(1000);
    expect(frame(store).facts.voters).toEqual([1, 2, 3]);
    expect(frame(store).facts.joint).toBeNull();
  });

  it.each([
    [
      'a transfer to the leader',
      (s: LabStore, l: number) => lab(s).transferLeadership(l),
      'alreadyLeads',
    ],
    [
      'voters that are the voters',
      (s: LabStore) => lab(s).changeVoters([1, 2, 3, 4, 5]),
      'sameVoters',
    ],
    ['removing a server that is not there', (s: LabStore) => lab(s).removeServer(8), 'unknownNode'],
  ] as const)('%s is refused with a coded notice and changes nothing', async (_, act, code) => {
    const store = await settledCluster();
    const before = visible(store);
    await act(store, frame(store).facts.leader!);
    expect(lab(store).notice).toMatchObject({ kind: 'error', key: `reason.${code}` });
    expect(visible(store)).toEqual(before);
  });

  it('acting in the past after an added server replays the server exactly', async () => {
    const store = await settledCluster();
    await lab(store).addServer();
    await lab(store).advanceBy(400);
    const later = visible(store);
    expect(later.nodes).toHaveLength(6);
    // Back to a frame after the add, then act: the rebuild replays addServer on a fresh cluster.
    await lab(store).seekTo(lab(store).cursor - 30);
    const seen = visible(store);
    await lab(store).writeKey('k', 'v');
    const head = selectHeadSeq(lab(store));
    await lab(store).seekTo(seen.seq);
    expect(visible(store)).toEqual(seen);
    expect(head).toBeGreaterThan(seen.seq);
    expect(lab(store).actions.map((a) => a.action.do)).toEqual(['addServer', 'write']);
  });
});

describe('a change the leader refuses after it left the client', () => {
  it('is told as a coded notice once the refusal comes back (not only as a ✗ to the client)', async () => {
    const { store } = await startedStore('n=5&seed=4');
    await lab(store).fastForward('leader');
    // Elected a moment ago: its no-op is not committed, so it cannot start a change (§4.1).
    const leader = frame(store).facts.leader!;
    const other = leader === 1 ? 2 : 1;
    await lab(store).removeServer(other);
    expect(lab(store).notice).toBeNull();
    await lab(store).fastForward('requestsSettled');
    expect(frame(store).requests.at(-1)!.failure).toMatchObject({ code: 'changeInProgress' });
    expect(lab(store).notice).toMatchObject({
      kind: 'error',
      key: 'reason.changeInProgress',
      params: { node: leader },
    });
  });
});
