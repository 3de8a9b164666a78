// The frozen trace corpus: every case of corpus.ts must keep its digest, event count and
// violation count byte for byte. A change that must alter a trace (a defect fix) updates the row
// here and says in its commit which cases changed and why. Cases made only of scripted actions
// also replay through the asynchronous driver, with its lookahead windows, to the same digest.
import { describe, expect, it } from 'vitest';
import { AsyncSimulation, createSimulation, runScript } from '../../../src/sim';
import { InProcessAsyncHost } from '../../../src/worker/inProcessAsyncHost';
import { CORPUS } from './corpus';

/** name → [trace digest, events, violations] */
const FROZEN: readonly [string, string, number, number][] = [
  ['one node elects itself and commits alone', 'b65d12b7', 110, 0],
  ['two nodes, one crashes and nothing commits', '0037e681', 159, 0],
  ['three nodes, quiet', '0fe7f51f', 285, 0],
  ['three nodes, writes', '514a7c15', 589, 0],
  ['four nodes, crash cycle with writes', '8527031f', 559, 0],
  ['five nodes, defaults with writes', '2df3e580', 997, 0],
  ['five nodes, crash cycle', 'bcd711e5', 932, 0],
  ['five nodes, partitions', '222b51a5', 814, 0],
  ['five nodes, cut and restored links', 'b855fc89', 933, 0],
  ['five nodes, message loss', '6ed170ac', 936, 0],
  ['five nodes, deletes through a follower', 'e25addd8', 1036, 0],
  ['five nodes, forced timeouts', '893bf424', 1010, 0],
  ['PreVote, partitions and timeouts', 'c76e00d6', 969, 0],
  ['CheckQuorum, leader cut off', 'dcb72e14', 718, 0],
  ['PreVote and CheckQuorum, everything', 'dfaee709', 911, 0],
  ['six nodes, crash cycle', '5f050abc', 1083, 0],
  ['seven nodes, partitions with loss', '2ba61518', 1227, 0],
  ['eight nodes, links and timeouts', '98f083ad', 1623, 0],
  ['nine nodes, everything', '705f4e37', 1646, 0],
  ['fast heartbeats and slow links', 'b05f4341', 5277, 0],
  ['zero minimum latency', '49ab892f', 901, 0],
  ['small batches', '8303c9d9', 2944, 0],
  ['short client timeout', 'c08df06c', 827, 0],
  ['one-way cuts', '50a89f5a', 956, 0],
  ["Figure 7's logs staged with setDisk", 'b371d609', 361, 0],
  ['chaos, five nodes', '0fadec51', 543, 0],
  ['chaos, seven nodes with PreVote and CheckQuorum', '434738ca', 1023, 0],
  ['chaos, three nodes', 'f795f523', 345, 0],
  ['CheckQuorum with heartbeats out of step with its quorum checks', '541bd630', 796, 0],
  [
    'snapshots: a follower behind the leader’s snapshot catches up by InstallSnapshot',
    'f88f2f98',
    880,
    0,
  ],
  ['reads in every mode, appends, and a deposed leader', '9adc5c8b', 545, 1],
  ['client retries under loss, with sessions', 'c1806843', 546, 0],
  ['manual delivery: every message held for a while, then all let in at once', 'fed4d004', 538, 0],
  ['chaos with messages held, released late, dropped and duplicated by hand', 'c1555420', 825, 0],
];

const expected = new Map(FROZEN.map(([name, ...rest]) => [name, rest]));

describe('the trace corpus', () => {
  it('has at least 25 cases, each frozen once', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
    expect([...expected.keys()].sort()).toEqual(CORPUS.map((c) => c.name).sort());
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s keeps its digest', async (name, c) => {
    const sim = createSimulation(c.options);
    c.setup?.(sim);
    await runScript(sim, c.script, c.endMs);
    expect([sim.traceHash(), sim.eventCount(), sim.violations().length]).toEqual(
      expected.get(name),
    );
  });

  it.each(CORPUS.filter((c) => !c.setup).map((c) => [c.name, c] as const))(
    '%s gives the same digest through the async driver',
    async (name, c) => {
      const sim = new AsyncSimulation(c.options, new InProcessAsyncHost());
      await sim.settle();
      await runScript(sim, c.script, c.endMs);
      expect([sim.traceHash(), sim.eventCount(), sim.violations().length]).toEqual(
        expected.get(name),
      );
    },
  );
});
