// The bad-input catalogue: every call a script could get wrong, each refused with a coded
// SimError that changes nothing. Rows come from the inputs that used to slip through (an id
// given as text, a fraction or -0, a hole in a list, a name every object inherits). Runs that are
// too long are refused in durations.test.ts, on a crashed cluster where the old code returned.
import { describe, expect, it } from 'vitest';
import type { ReasonCode, Simulation } from '../../../../src/sim';
import { sentences } from '../harness';
import { crashedIn, expectRefused, withHole } from './refusal';

type Row = { says: string; run: (sim: Simulation) => unknown; code: ReasonCode };

/** A value of the wrong type, for a call that TypeScript would refuse. */
const bad = <T>(value: unknown): T => value as T;

/** Not node ids of a 5-node cluster, each with how a row names it. */
const NOT_NODES: [string, unknown][] = [
  ['0', 0],
  ['6', 6],
  ['-1', -1],
  ['1.5', 1.5],
  ['-0', -0],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ["the text '1'", '1'],
  ['true', true],
  ['null', null],
  ['undefined', undefined],
  ['an object', { id: 1 }],
  ['a list', [1]],
];

const nodeRows: Row[] = NOT_NODES.flatMap(([name, id]): Row[] => [
  { says: `crash(${name})`, run: (s) => s.crash(bad(id)), code: 'unknownNode' },
  { says: `restart(${name})`, run: (s) => s.restart(bad(id)), code: 'unknownNode' },
  { says: `timeout(${name})`, run: (s) => s.timeout(bad(id)), code: 'unknownNode' },
  { says: `node(${name})`, run: (s) => s.node(bad(id)), code: 'unknownNode' },
]);

const moreNodeRows: Row[] = [
  { says: 'nodeView(7)', run: (s) => s.nodeView(7), code: 'unknownNode' },
  { says: "nodeView('2')", run: (s) => s.nodeView(bad('2')), code: 'unknownNode' },
  { says: 'reachesMajority(0)', run: (s) => s.reachesMajority(0), code: 'unknownNode' },
  { says: 'reachesMajority(2.5)', run: (s) => s.reachesMajority(2.5), code: 'unknownNode' },
  { says: 'crashing a crashed node', run: (s) => s.crash(crashedIn(s)), code: 'alreadyCrashed' },
  { says: 'restarting the leader', run: (s) => s.restart(s.leader()!), code: 'stillRunning' },
  { says: 'a timeout on a crashed node', run: (s) => s.timeout(crashedIn(s)), code: 'nodeCrashed' },
];

const linkRows: Row[] = [
  { says: 'cut(3, 3)', run: (s) => s.cut(3, 3), code: 'sameNodeLink' },
  { says: 'cut(1, 10)', run: (s) => s.cut(1, 10), code: 'unknownNode' },
  { says: "cut('1', 2)", run: (s) => s.cut(bad('1'), 2), code: 'unknownNode' },
  { says: 'cut(1, null)', run: (s) => s.cut(1, bad(null)), code: 'unknownNode' },
  { says: 'cut(0, 1)', run: (s) => s.cut(0, 1), code: 'unknownNode' },
  { says: 'cut(-0, 1)', run: (s) => s.cut(-0, 1), code: 'unknownNode' },
  { says: 'cutOneWay(2, 2)', run: (s) => s.cutOneWay(2, 2), code: 'sameNodeLink' },
  { says: 'cutOneWay(1, 9)', run: (s) => s.cutOneWay(1, 9), code: 'unknownNode' },
  {
    says: 'cutOneWay(undefined, 1)',
    run: (s) => s.cutOneWay(bad(undefined), 1),
    code: 'unknownNode',
  },
  { says: 'restoreLink(1, 1)', run: (s) => s.restoreLink(1, 1), code: 'sameNodeLink' },
  { says: 'restoreLink(1, 6)', run: (s) => s.restoreLink(1, 6), code: 'unknownNode' },
  { says: 'restoreLink(NaN, 2)', run: (s) => s.restoreLink(NaN, 2), code: 'unknownNode' },
  { says: 'restoreLink(true, 2)', run: (s) => s.restoreLink(bad(true), 2), code: 'unknownNode' },
];

// Lists with holes: `[1, , 2]` has length 3 but two elements, and `flat()` used to skip the hole.
const holeInGroup = [withHole([1], [2]), [3, 4, 5]];
const holeBetweenGroups = withHole([[1, 2]], [[3, 4, 5]]);

const partitionRows: Row[] = [
  { says: 'partition([])', run: (s) => s.partition([]), code: 'badPartition' },
  { says: 'partition(null)', run: (s) => s.partition(bad(null)), code: 'badPartition' },
  { says: "partition('all')", run: (s) => s.partition(bad('all')), code: 'badPartition' },
  {
    says: 'partition of bare ids',
    run: (s) => s.partition(bad([1, 2, 3, 4, 5])),
    code: 'badPartition',
  },
  { says: 'an empty group', run: (s) => s.partition([[1, 2, 3, 4, 5], []]), code: 'badPartition' },
  { says: 'a group with a hole', run: (s) => s.partition(bad(holeInGroup)), code: 'badPartition' },
  {
    says: 'a hole between groups',
    run: (s) => s.partition(bad(holeBetweenGroups)),
    code: 'badPartition',
  },
  {
    says: 'a group that is an object',
    run: (s) => s.partition(bad([{ 0: 1 }, [2, 3, 4, 5]])),
    code: 'badPartition',
  },
  {
    says: 'S2 in two groups',
    run: (s) =>
      s.partition([
        [1, 2],
        [2, 3, 4, 5],
      ]),
    code: 'nodeInTwoGroups',
  },
  {
    says: 'S5 in no group',
    run: (s) =>
      s.partition([
        [1, 2],
        [3, 4],
      ]),
    code: 'partitionMissing',
  },
  {
    says: 'a group naming S6',
    run: (s) =>
      s.partition([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    code: 'unknownNode',
  },
  {
    says: "a group naming '1'",
    run: (s) =>
      s.partition(
        bad([
          ['1', 2],
          [3, 4, 5],
        ]),
      ),
    code: 'unknownNode',
  },
  {
    says: 'a group naming 1.5',
    run: (s) =>
      s.partition([
        [1.5, 2],
        [3, 4, 5],
      ]),
    code: 'unknownNode',
  },
];

const dropRows: Row[] = [1.5, -0.1, NaN, Infinity, '0.5', null, undefined, true].map((p) => ({
  says: `setDropRate(${typeof p === 'string' ? `'${p}'` : String(p)})`,
  run: (s) => s.setDropRate(bad(p)),
  code: 'badDropRate',
}));

const writeRows: Row[] = [
  { says: 'a write with an empty key', run: (s) => s.write('', 'v'), code: 'badText' },
  {
    says: 'a write with a 65-character key',
    run: (s) => s.write('k'.repeat(65), 'v'),
    code: 'badText',
  },
  { says: 'a write whose key is a number', run: (s) => s.write(bad(5), 'v'), code: 'badText' },
  { says: 'a write whose value is null', run: (s) => s.write('k', bad(null)), code: 'badText' },
  { says: 'a write with an empty value', run: (s) => s.write('k', ''), code: 'badText' },
  { says: 'a write with no key', run: (s) => s.write(bad(undefined), 'v'), code: 'badText' },
  { says: 'a write through S7', run: (s) => s.write('k', 'v', 7), code: 'unknownNode' },
  { says: 'a write through S0', run: (s) => s.write('k', 'v', 0), code: 'unknownNode' },
  { says: "a write through '1'", run: (s) => s.write('k', 'v', bad('1')), code: 'unknownNode' },
  { says: 'a write through 1.5', run: (s) => s.write('k', 'v', 1.5), code: 'unknownNode' },
  { says: 'a write through null', run: (s) => s.write('k', 'v', bad(null)), code: 'unknownNode' },
  { says: 'a delete with an empty key', run: (s) => s.remove(''), code: 'badText' },
  { says: 'a delete whose key is a number', run: (s) => s.remove(bad(5)), code: 'badText' },
  { says: 'a delete through S9', run: (s) => s.remove('k', 9), code: 'unknownNode' },
];

const requestRows: Row[] = [999, 0, -1, NaN, '1', null].map((id) => ({
  says: `request(${typeof id === 'string' ? `'${id}'` : String(id)})`,
  run: (s) => s.request(bad(id)),
  code: 'unknownRequest',
}));

const durationRows: Row[] = [
  ...[-5, 1.5, NaN, Infinity, -Infinity, '100', null, undefined, true].map((ms): Row => ({
    says: `runFor(${typeof ms === 'string' ? `'${ms}'` : String(ms)})`,
    run: (s) => s.runFor(bad(ms)),
    code: 'badDuration',
  })),
  { says: "runUntil('nope', 100)", run: (s) => s.runUntil(bad('nope'), 100), code: 'badPredicate' },
  { says: 'runUntil(null, 100)', run: (s) => s.runUntil(bad(null), 100), code: 'badPredicate' },
  { says: 'runUntil({}, 100)', run: (s) => s.runUntil(bad({}), 100), code: 'badPredicate' },
  {
    says: 'runUntil with neither a function nor a time',
    run: (s) => s.runUntil(bad(true), bad(undefined)),
    code: 'badDuration',
  },
  { says: 'runUntil for -1 ms', run: (s) => s.runUntil(() => true, -1), code: 'badDuration' },
  { says: 'runUntil for 2.5 ms', run: (s) => s.runUntil(() => true, 2.5), code: 'badDuration' },
];

const CATALOGUE: Row[] = [
  ...nodeRows,
  ...moreNodeRows,
  ...linkRows,
  ...partitionRows,
  ...dropRows,
  ...writeRows,
  ...requestRows,
  ...durationRows,
];

describe('every bad call is refused with a coded SimError and changes nothing', () => {
  it('the catalogue is broad: at least 80 calls', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CATALOGUE.map((r) => r.says)).size).toBe(CATALOGUE.length);
  });

  it.each(sentences(CATALOGUE))('%s', (_says, { run, code }) => {
    expectRefused(run, code);
  });
});
