// A lease read (thesis §6.4.1) counts on every voter that acknowledged the leader not voting for
// another within an election timeout. A server restarted at once forgot it heard from the leader;
// with CheckQuorum it now grants no vote for one minimum election timeout after it boots.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/sim';

describe('a restarted voter and the leader lease', () => {
  it('a crash, an instant restart and a forced timeout do not make a lease read stale', () => {
    const sim = createSimulation({
      nodes: 3,
      seed: 1,
      checkQuorum: true,
      preVote: true,
      latencyMs: [1, 2],
    });
    sim.runUntil((s) => s.leader() !== null, 2000);
    const leader = sim.leader()!;
    const [a, b] = sim.nodeIds().filter((id) => id !== leader) as [number, number];
    const first = sim.write('x', '1');
    sim.runUntil((s) => s.request(first).status !== 'pending', 1000);
    sim.runFor(60);
    sim.partition([[leader], [a, b]]);
    sim.crash(a);
    sim.restart(a);
    sim.timeout(b);
    sim.runUntil((s) => [a, b].some((id) => s.node(id).role === 'leader'), 3000);
    const second = sim.write(
      'x',
      '2',
      [a, b].find((id) => sim.node(id).role === 'leader'),
    );
    sim.runUntil((s) => s.request(second).status !== 'pending', 6000);
    expect(sim.request(second).status).toBe('ok');
    // x=2 is acknowledged; a lease read on the old leader now must not say 1.
    const read = sim.read('x', { via: leader, mode: 'lease' });
    sim.runUntil((s) => s.request(read).status !== 'pending', 3000);
    // The restarted voter withheld its vote until the old leader's lease had run out.
    expect(sim.violations()).toEqual([]);
    expect(sim.request(read).value).not.toBe('1');
  });
});
