// One shape per server: sim.node(id) is the node view's fields as plain data (the log numbered,
// the state machine as an object), a copy later events cannot change.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';
import { settle } from '../harness';

describe('sim.node(id) is the node view, copied', () => {
  it('has every field of the node view, with the log numbered and kv as an object', () => {
    const sim = createSimulation({ seed: 2, nodes: 3 });
    const leader = settle(sim);
    sim.write('a', '1');
    sim.runFor(300);
    const view = sim.nodeView(leader);
    const node = sim.node(leader);
    expect(Object.keys(node).sort()).toEqual(Object.keys(view).sort());
    expect({ ...node, log: null, kv: null }).toEqual({ ...view, log: null, kv: null });
    expect(node.log).toEqual(
      view.log.map((e, i) => ({ index: i + 1, term: e.term, command: e.command })),
    );
    expect(node.kv).toEqual({ a: '1' });
    expect(node.progress.length).toBe(2);
  });

  it('later events do not change a snapshot already taken', () => {
    const sim = createSimulation({ seed: 2, nodes: 3 });
    const leader = settle(sim);
    const before = sim.node(leader);
    const kept = JSON.stringify(before);
    sim.write('b', '2');
    sim.runFor(500);
    sim.crash(leader);
    sim.runFor(500);
    expect(JSON.stringify(before)).toBe(kept);
    expect(sim.node(leader)).toMatchObject({ alive: false, lost: { role: 'leader' } });
  });
});
