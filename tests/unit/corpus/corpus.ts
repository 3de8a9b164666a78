// The trace corpus: seeded scripts that together touch every action kind, PreVote and
// CheckQuorum, cluster sizes 1–9 and chaos. Their digests are frozen in traceCorpus.test.ts so a
// restructuring that claims to change nothing can prove it, byte for byte.
import type { ScriptStep, SimOptionsInput, Simulation } from '../../../src/sim';
import { runChaos, writeLoad } from '../../../src/sim';

export interface CorpusCase {
  readonly name: string;
  readonly options: SimOptionsInput;
  /** Scripted actions (SimAction vocabulary): replayed by the sync and the async driver alike. */
  readonly script: readonly ScriptStep[];
  readonly endMs: number;
  /** Calls outside the action vocabulary (setDisk, one-way cuts, chaos), run before the script. */
  readonly setup?: (sim: Simulation) => void;
}

const crashCycle: ScriptStep[] = [
  { at: 600, do: 'crash', node: 1 },
  { at: 900, do: 'crash', node: 2 },
  { at: 1400, do: 'restart', node: 1 },
  { at: 1700, do: 'restart', node: 2 },
];

/** Partitions of nodes 1…n: a minority and a majority, then three groups. */
const partitionCycle = (n = 5): ScriptStep[] => {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  return [
    { at: 700, do: 'partition', groups: [ids.slice(0, 2), ids.slice(2)] },
    { at: 1500, do: 'heal' },
    { at: 1800, do: 'partition', groups: [[1], [2, 3], ids.slice(3)] },
    { at: 2400, do: 'heal' },
  ];
};

const linkCycle: ScriptStep[] = [
  { at: 500, do: 'cut', a: 1, b: 2 },
  { at: 700, do: 'cut', a: 2, b: 3 },
  { at: 1100, do: 'restore', a: 1, b: 2 },
  { at: 1600, do: 'restore', a: 2, b: 3 },
];

const lossCycle: ScriptStep[] = [
  { at: 400, do: 'drop', rate: 0.3 },
  { at: 1600, do: 'drop', rate: 0 },
];

const deletes: ScriptStep[] = [
  { at: 900, do: 'delete', key: 'k1' },
  { at: 1300, do: 'delete', key: 'k2', via: 2 },
];

const timeouts: ScriptStep[] = [
  { at: 800, do: 'timeout', node: 3 },
  { at: 1200, do: 'timeout', node: 4 },
];

const writes = writeLoad(300, 2500, 50);

export const CORPUS: readonly CorpusCase[] = [
  {
    name: 'one node elects itself and commits alone',
    options: { nodes: 1, seed: 1 },
    script: writeLoad(100, 1000, 30),
    endMs: 1200,
  },
  {
    name: 'two nodes, one crashes and nothing commits',
    options: { nodes: 2, seed: 2 },
    script: [
      ...writeLoad(200, 1200, 60),
      { at: 700, do: 'crash', node: 1 },
      { at: 1000, do: 'restart', node: 1 },
    ],
    endMs: 1600,
  },
  { name: 'three nodes, quiet', options: { nodes: 3, seed: 3 }, script: [], endMs: 3000 },
  { name: 'three nodes, writes', options: { nodes: 3, seed: 4 }, script: writes, endMs: 3000 },
  {
    name: 'four nodes, crash cycle with writes',
    options: { nodes: 4, seed: 5 },
    script: [...writes, ...crashCycle],
    endMs: 3000,
  },
  { name: 'five nodes, defaults with writes', options: { seed: 1 }, script: writes, endMs: 3000 },
  {
    name: 'five nodes, crash cycle',
    options: { seed: 6 },
    script: [...writes, ...crashCycle],
    endMs: 3000,
  },
  {
    name: 'five nodes, partitions',
    options: { seed: 7 },
    script: [...writes, ...partitionCycle()],
    endMs: 3000,
  },
  {
    name: 'five nodes, cut and restored links',
    options: { seed: 8 },
    script: [...writes, ...linkCycle],
    endMs: 3000,
  },
  {
    name: 'five nodes, message loss',
    options: { seed: 9 },
    script: [...writes, ...lossCycle],
    endMs: 3000,
  },
  {
    name: 'five nodes, deletes through a follower',
    options: { seed: 10 },
    script: [...writes, ...deletes],
    endMs: 3000,
  },
  {
    name: 'five nodes, forced timeouts',
    options: { seed: 11 },
    script: [...writes, ...timeouts],
    endMs: 3000,
  },
  {
    name: 'PreVote, partitions and timeouts',
    options: { seed: 12, preVote: true },
    script: [...writes, ...partitionCycle(), ...timeouts],
    endMs: 3000,
  },
  {
    name: 'CheckQuorum, leader cut off',
    options: { seed: 13, checkQuorum: true },
    script: [...writes, ...partitionCycle()],
    endMs: 3000,
  },
  {
    name: 'PreVote and CheckQuorum, everything',
    options: { seed: 14, preVote: true, checkQuorum: true },
    script: [...writes, ...crashCycle, ...linkCycle, ...lossCycle, ...timeouts],
    endMs: 3000,
  },
  {
    name: 'six nodes, crash cycle',
    options: { nodes: 6, seed: 15 },
    script: [...writes, ...crashCycle],
    endMs: 3000,
  },
  {
    name: 'seven nodes, partitions with loss',
    options: { nodes: 7, seed: 16, dropRate: 0.1 },
    script: [...writes, ...partitionCycle(7)],
    endMs: 3000,
  },
  {
    name: 'eight nodes, links and timeouts',
    options: { nodes: 8, seed: 17 },
    script: [...writes, ...linkCycle, ...timeouts],
    endMs: 3000,
  },
  {
    name: 'nine nodes, everything',
    options: { nodes: 9, seed: 18 },
    script: [...writes, ...crashCycle, ...partitionCycle(9), ...lossCycle, ...deletes],
    endMs: 3500,
  },
  {
    name: 'fast heartbeats and slow links',
    options: { seed: 19, heartbeatMs: 5, latencyMs: [8, 30] },
    script: [...writes, ...crashCycle],
    endMs: 3000,
  },
  {
    name: 'zero minimum latency',
    options: { seed: 20, latencyMs: [0, 4] },
    script: [...writes, ...partitionCycle()],
    endMs: 3000,
  },
  {
    name: 'small batches',
    options: { seed: 21, maxEntriesPerAppend: 2 },
    script: [...writeLoad(300, 1500, 10), ...crashCycle],
    endMs: 3000,
  },
  {
    name: 'short client timeout',
    options: { seed: 22, clientTimeoutMs: 200 },
    script: [...writes, ...partitionCycle()],
    endMs: 3000,
  },
  {
    name: 'CheckQuorum with heartbeats out of step with its quorum checks',
    options: { seed: 28, checkQuorum: true, heartbeatMs: 40, latencyMs: [40, 60] },
    script: [...writes, ...partitionCycle()],
    endMs: 3000,
  },
  {
    name: 'one-way cuts',
    options: { seed: 23 },
    script: writes,
    endMs: 3000,
    setup(sim) {
      sim.runFor(600);
      sim.cutOneWay(1, 2);
      sim.cutOneWay(3, 1);
      sim.runFor(500);
      sim.restoreLink(1, 2);
    },
  },
  {
    name: "Figure 7's logs staged with setDisk",
    options: { seed: 24, nodes: 3 },
    script: writeLoad(1000, 2000, 100),
    endMs: 3000,
    setup(sim) {
      for (const id of [1, 2, 3]) sim.crash(id);
      const set = (key: string) => ({ kind: 'set' as const, key, value: key });
      sim.setDisk(1, {
        currentTerm: 3,
        votedFor: 1,
        log: [
          { term: 1, command: set('a') },
          { term: 2, command: set('b') },
          { term: 3, command: set('c') },
        ],
      });
      sim.setDisk(2, {
        currentTerm: 3,
        votedFor: 1,
        log: [
          { term: 1, command: set('a') },
          { term: 2, command: set('b') },
        ],
      });
      sim.setDisk(3, { currentTerm: 1, votedFor: null, log: [{ term: 1, command: set('a') }] });
      for (const id of [1, 2, 3]) sim.restart(id);
    },
  },
  {
    name: 'chaos, five nodes',
    options: { seed: 25 },
    script: [],
    endMs: 0,
    setup: (sim) => void runChaos(sim, { faultMs: 2000 }),
  },
  {
    name: 'chaos, seven nodes with PreVote and CheckQuorum',
    options: { seed: 26, nodes: 7, preVote: true, checkQuorum: true },
    script: [],
    endMs: 0,
    setup: (sim) => void runChaos(sim, { faultMs: 2000 }),
  },
  {
    name: 'chaos, three nodes',
    options: { seed: 27, nodes: 3 },
    script: [],
    endMs: 0,
    setup: (sim) => void runChaos(sim, { faultMs: 2000 }),
  },
  {
    name: 'snapshots: a follower behind the leader’s snapshot catches up by InstallSnapshot',
    options: { seed: 31, snapshotEvery: 8 },
    script: [
      { at: 500, do: 'crash', node: 3 },
      ...writeLoad(600, 1600, 25),
      { at: 1700, do: 'compact', node: 1 },
      { at: 1800, do: 'restart', node: 3 },
      { at: 2200, do: 'crash', node: 4 },
      { at: 2400, do: 'restart', node: 4 },
    ],
    endMs: 3200,
  },
  {
    name: 'reads in every mode, appends, and a deposed leader',
    options: { seed: 32, checkQuorum: true },
    script: [
      { at: 600, do: 'append', key: 'a', value: 'x' },
      { at: 620, do: 'read', key: 'a' },
      { at: 640, do: 'read', key: 'a', mode: 'lease' },
      { at: 660, do: 'read', key: 'a', mode: 'local', via: 2 },
      { at: 680, do: 'read', key: 'a', via: 3 },
      {
        at: 800,
        do: 'partition',
        groups: [
          [1, 2],
          [3, 4, 5],
        ],
      },
      { at: 1300, do: 'append', key: 'a', value: 'y', via: 4 },
      { at: 1500, do: 'read', key: 'a', mode: 'local', via: 1 },
      { at: 1510, do: 'read', key: 'a', via: 1 },
      { at: 1520, do: 'read', key: 'a', mode: 'lease', via: 2 },
      { at: 2000, do: 'heal' },
      { at: 2300, do: 'read', key: 'a', mode: 'lease' },
    ],
    endMs: 3000,
  },
  {
    name: 'client retries under loss, with sessions',
    options: { seed: 33, clientRetryMs: 120, dropRate: 0.3 },
    script: [
      { at: 400, do: 'append', key: 'k', value: '1' },
      { at: 430, do: 'append', key: 'k', value: '2' },
      { at: 460, do: 'append', key: 'k', value: '3', via: 2 },
      { at: 490, do: 'delete', key: 'z' },
      { at: 900, do: 'read', key: 'k' },
    ],
    endMs: 3000,
  },
  {
    name: 'manual delivery: every message held for a while, then all let in at once',
    options: { seed: 34 },
    script: [
      ...writeLoad(400, 1400, 100),
      { at: 600, do: 'manual', on: true },
      { at: 900, do: 'manual', on: false },
      { at: 1100, do: 'manual', on: true },
      { at: 1150, do: 'manual', on: false },
    ],
    endMs: 2500,
  },
  {
    name: 'chaos with messages held, released late, dropped and duplicated by hand',
    options: { seed: 35, nodes: 5 },
    script: [],
    endMs: 0,
    setup: (sim) => void runChaos(sim, { faultMs: 2000, touches: true }),
  },
];
