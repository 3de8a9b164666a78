// Simulation options: every bad set is refused with code 'badOptions' naming the option. Only an
// input's own properties count, so names every object inherits are unknown options, and rule
// switches must be true or false ('no' used to count as on, 0 as off).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/sim';
import { sentences } from '../harness';
import { refusal, withHole } from './refusal';

type Row = { says: string; options: unknown; option: string };

const day = 24 * 60 * 60 * 1000;

const ROWS: Row[] = [
  // Not an options object
  { says: 'a list', options: [], option: '' },
  { says: 'null', options: null, option: '' },
  { says: 'a number', options: 5, option: '' },
  { says: 'text', options: 'nodes=3', option: '' },
  { says: 'true', options: true, option: '' },
  { says: 'a Map', options: new Map([['nodes', 3]]), option: '' },
  // Unknown names, inherited names among them
  { says: 'colour', options: { colour: 'blue' }, option: 'colour' },
  { says: 'an own toString', options: { toString: () => 'x' }, option: 'toString' },
  { says: 'an own constructor', options: { constructor: 1 }, option: 'constructor' },
  {
    says: 'an own __proto__',
    options: JSON.parse('{"__proto__": {"nodes": 3}}'),
    option: '__proto__',
  },
  { says: 'an own hasOwnProperty', options: { hasOwnProperty: 1 }, option: 'hasOwnProperty' },
  { says: 'Nodes spelt with a capital', options: { Nodes: 3 }, option: 'Nodes' },
  // Rules
  { says: 'rules: 5', options: { rules: 5 }, option: 'rules' },
  { says: "rules: 'on'", options: { rules: 'on' }, option: 'rules' },
  { says: 'rules: a list', options: { rules: [] }, option: 'rules' },
  { says: 'rules: null', options: { rules: null }, option: 'rules' },
  {
    says: "electionRestriction: 'no'",
    options: { rules: { electionRestriction: 'no' } },
    option: 'rules.electionRestriction',
  },
  {
    says: 'oneVotePerTerm: 0',
    options: { rules: { oneVotePerTerm: 0 } },
    option: 'rules.oneVotePerTerm',
  },
  {
    says: 'currentTermCommit: null',
    options: { rules: { currentTermCommit: null } },
    option: 'rules.currentTermCommit',
  },
  {
    says: 'an unknown rule',
    options: { rules: { noSplitBrain: false } },
    option: 'rules.noSplitBrain',
  },
  {
    says: 'a rule named toString',
    options: { rules: { toString: false } },
    option: 'rules.toString',
  },
  {
    says: 'a rule named __proto__',
    options: JSON.parse('{"rules": {"__proto__": false}}'),
    option: 'rules.__proto__',
  },
  // Sizes and seeds
  ...[0, 10, 1.5, '5', null, NaN, -0].map((nodes) => ({
    says: `nodes: ${typeof nodes === 'string' ? `'${nodes}'` : Object.is(nodes, -0) ? '-0' : String(nodes)}`,
    options: { nodes },
    option: 'nodes',
  })),
  ...[1.5, 2 ** 32, '1', -(2 ** 31) - 1, undefined].map((seed) => ({
    says: `seed: ${typeof seed === 'string' ? `'${seed}'` : String(seed)}`,
    options: { seed },
    option: 'seed',
  })),
  // Times
  {
    says: 'an election timeout whose min is above its max',
    options: { electionTimeoutMs: [300, 150] },
    option: 'electionTimeoutMs',
  },
  {
    says: 'an election timeout of 0',
    options: { electionTimeoutMs: [0, 10] },
    option: 'electionTimeoutMs',
  },
  {
    says: 'an election timeout of one number',
    options: { electionTimeoutMs: [150] },
    option: 'electionTimeoutMs',
  },
  {
    says: 'an election timeout of three numbers',
    options: { electionTimeoutMs: [150, 300, 450] },
    option: 'electionTimeoutMs',
  },
  {
    says: 'an election timeout as text',
    options: { electionTimeoutMs: '150-300' },
    option: 'electionTimeoutMs',
  },
  {
    says: 'an election timeout with a hole',
    options: { electionTimeoutMs: withHole([], [300]) },
    option: 'electionTimeoutMs',
  },
  {
    says: 'an election timeout of 150.5 ms',
    options: { electionTimeoutMs: [150.5, 300] },
    option: 'electionTimeoutMs',
  },
  {
    says: 'an election timeout longer than a day',
    options: { electionTimeoutMs: [150, day + 1] },
    option: 'electionTimeoutMs',
  },
  {
    says: 'a heartbeat as long as the election timeout',
    options: { heartbeatMs: 150 },
    option: 'heartbeatMs',
  },
  { says: 'a heartbeat of 0', options: { heartbeatMs: 0 }, option: 'heartbeatMs' },
  { says: 'a heartbeat of 1.5', options: { heartbeatMs: 1.5 }, option: 'heartbeatMs' },
  { says: "a heartbeat of '50'", options: { heartbeatMs: '50' }, option: 'heartbeatMs' },
  {
    says: 'a latency whose min is above its max',
    options: { latencyMs: [20, 10] },
    option: 'latencyMs',
  },
  { says: 'a negative latency', options: { latencyMs: [-1, 5] }, option: 'latencyMs' },
  { says: 'a latency of null', options: { latencyMs: null }, option: 'latencyMs' },
  { says: 'a latency longer than a day', options: { latencyMs: [10, 1e12] }, option: 'latencyMs' },
  { says: 'a client timeout of 0', options: { clientTimeoutMs: 0 }, option: 'clientTimeoutMs' },
  {
    says: 'a client timeout of 1e12',
    options: { clientTimeoutMs: 1e12 },
    option: 'clientTimeoutMs',
  },
  {
    says: 'a client timeout of Infinity',
    options: { clientTimeoutMs: Infinity },
    option: 'clientTimeoutMs',
  },
  // Everything else
  { says: 'a drop rate of 1.5', options: { dropRate: 1.5 }, option: 'dropRate' },
  { says: 'a drop rate of NaN', options: { dropRate: NaN }, option: 'dropRate' },
  { says: "a drop rate of '0'", options: { dropRate: '0' }, option: 'dropRate' },
  { says: "preVote: 'yes'", options: { preVote: 'yes' }, option: 'preVote' },
  { says: 'checkQuorum: 1', options: { checkQuorum: 1 }, option: 'checkQuorum' },
  { says: 'keepTrace: null', options: { keepTrace: null }, option: 'keepTrace' },
  {
    says: 'maxEntriesPerAppend: 0',
    options: { maxEntriesPerAppend: 0 },
    option: 'maxEntriesPerAppend',
  },
  {
    says: 'maxEntriesPerAppend: 100001',
    options: { maxEntriesPerAppend: 100_001 },
    option: 'maxEntriesPerAppend',
  },
];

describe('bad options are refused with badOptions, naming the option', () => {
  it('the catalogue is broad: at least 40 option sets', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ROWS.map((r) => r.says)).size).toBe(ROWS.length);
  });

  it.each(sentences(ROWS))('%s', (_says, { options, option }) => {
    const error = refusal(() => createSimulation(options as never));
    expect(error.reason).toMatchObject({ code: 'badOptions', option });
    expect(error.reason.detail).toBe(error.message);
  });

  it('an options object without Object.prototype is still plain data', () => {
    const options = Object.assign(Object.create(null), { nodes: 3 });
    expect(createSimulation(options).nodeIds()).toEqual([1, 2, 3]);
  });

  it('the options kept are a copy: editing the caller’s pairs later changes nothing', () => {
    const electionTimeoutMs: [number, number] = [150, 300];
    const sim = createSimulation({ electionTimeoutMs });
    electionTimeoutMs[0] = 1;
    expect(sim.options.electionTimeoutMs).toEqual([150, 300]);
  });
});
