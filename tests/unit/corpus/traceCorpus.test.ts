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
  ['two nodes, one crashes and nothing commits', '3604f0ac', 161, 0],
  ['three nodes, quiet', '0fe7f51f', 285, 0],
  ['three nodes, writes', '514a7c15', 589, 0],
  ['four nodes, crash cycle with writes', 'c9eaa937', 565, 0],
  ['five nodes, defaults with writes', '2df3e580', 997, 0],
  ['five nodes, crash cycle', 'd4808dcc', 954, 0],
  ['five nodes, partitions', 'bbf2f46d', 760, 0],
  ['five nodes, cut and restored links', '898710da', 937, 0],
  ['five nodes, message loss', '368b7e05', 941, 0],
  ['five nodes, deletes through a follower', '8f6c466f', 1032, 0],
  ['five nodes, forced timeouts', '893bf424', 1010, 0],
  ['PreVote, partitions and timeouts', '34569266', 1023, 0],
  ['CheckQuorum, leader cut off', '9a43e841', 749, 0],
  ['PreVote and CheckQuorum, everything', 'de79a7c8', 990, 0],
  ['six nodes, crash cycle', 'f6c2fbe9', 1111, 0],
  ['seven nodes, partitions with loss', 'ed61a49a', 1246, 0],
  ['eight nodes, links and timeouts', 'f3840b95', 1628, 0],
  ['nine nodes, everything', 'e9c7e7b4', 1844, 0],
  ['fast heartbeats and slow links', '87b95be5', 5308, 0],
  ['zero minimum latency', 'c26b1a14', 950, 0],
  ['small batches', '982a1e05', 2358, 0],
  ['short client timeout', '0e21b396', 857, 0],
  ['one-way cuts', '5a73a1cf', 1128, 0],
  ["Figure 7's logs staged with setDisk", 'd9ba421f', 361, 0],
  ['chaos, five nodes', 'ea47f452', 557, 0],
  ['chaos, seven nodes with PreVote and CheckQuorum', '8d6359fe', 1097, 0],
  ['chaos, three nodes', '17af7a5f', 377, 0],
  ['CheckQuorum with heartbeats out of step with its quorum checks', '3611f727', 843, 0],
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
