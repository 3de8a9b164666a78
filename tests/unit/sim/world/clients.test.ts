// What the world records about each client request, as data the read model words: why it
// failed (a coded reason) and where its entry was first applied, whatever became of the request.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';

function leaderOf(sim: ReturnType<typeof createSimulation>): number {
  if (!sim.runUntil((s) => s.leader() !== null, 5000)) throw new Error('no leader came');
  return sim.leader()!;
}

describe('a client request records', () => {
  it('no failure and the index it committed at, when it succeeds', () => {
    const sim = createSimulation({ seed: 1, nodes: 3 });
    leaderOf(sim);
    const id = sim.write('k', 'v');
    sim.runFor(500);
    const r = sim.clientRequests().find((x) => x.id === id)!;
    expect(r.status).toBe('ok');
    expect(r.failure).toBeNull();
    expect(r.committedAt).toBe(r.index);
  });

  it('noLeaderKnown with the answering server, when that server knew no leader', () => {
    const sim = createSimulation({ seed: 1, nodes: 3 });
    const leader = leaderOf(sim);
    for (const id of sim.nodeIds()) if (id !== leader) sim.crash(id);
    sim.crash(leader);
    sim.restart(2); // knows no leader yet, and cannot win an election alone
    const id = sim.write('k', 'v', 2);
    sim.runFor(100);
    const r = sim.clientRequests().find((x) => x.id === id)!;
    expect(r.status).toBe('failed');
    expect(r.failure).toEqual({ code: 'noLeaderKnown', node: 2 });
    expect(r.error).toBe('no leader known (S2)');
    expect(r.committedAt).toBeNull();
    expect(sim.traceLines().at(-1)).toMatch(/client request #1 failed: no leader known \(S2\)$/);
  });

  it('clientTimeout with the wait, and still the commit, when the reply came too late', () => {
    const sim = createSimulation({ seed: 2, nodes: 3, clientTimeoutMs: 30 });
    const leader = leaderOf(sim);
    sim.runFor(200);
    // Both followers are down: the write cannot commit before the client gives up.
    const others = sim.nodeIds().filter((id) => id !== leader);
    for (const id of others) sim.crash(id);
    const id = sim.write('k', 'late', leader);
    sim.runFor(100);
    let r = sim.clientRequests().find((x) => x.id === id)!;
    expect(r.status).toBe('failed');
    expect(r.failure).toEqual({ code: 'clientTimeout', ms: 30 });
    expect(r.committedAt).toBeNull();
    for (const id2 of others) sim.restart(id2);
    sim.runFor(1000);
    r = sim.clientRequests().find((x) => x.id === id)!;
    expect(r.status).toBe('failed');
    expect(r.committedAt).toBe(r.appended?.index);
  });
});
