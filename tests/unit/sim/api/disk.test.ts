// setDisk stages a crashed node's disk (Figure 7 and friends): the whole disk is checked before
// any of it is written, so a bad field — even the last entry's command — changes nothing.
import { describe, expect, it } from 'vitest';
import { SimError } from '../../../../src/sim';
import type { ReasonCode } from '../../../../src/sim';
import { sentences } from '../harness';
import { busyCluster, crashedIn, expectRefused, look, withHole } from './refusal';

type Row = { says: string; disk: unknown; code?: ReasonCode };

const noop = { kind: 'noop' };
const set = (key: unknown, value: unknown) => ({ kind: 'set', key, value });
/** A good disk with `last` as its third entry. */
const endingWith = (last: unknown) => ({
  currentTerm: 3,
  votedFor: null,
  log: [{ term: 1, command: noop }, { term: 2, command: set('a', '1') }, last],
});
const holey = withHole([{ term: 1, command: noop }], [{ term: 1, command: noop }]);

const ROWS: Row[] = [
  { says: 'null', disk: null },
  { says: 'undefined', disk: undefined },
  { says: 'a number', disk: 5 },
  { says: 'a list', disk: [] },
  {
    says: 'a disk with an unknown field',
    disk: { currentTerm: 1, votedFor: null, log: [], extra: 1 },
  },
  { says: 'a disk without a log', disk: { currentTerm: 1, votedFor: null } },
  { says: 'currentTerm -1', disk: { currentTerm: -1, votedFor: null, log: [] } },
  { says: 'currentTerm 1.5', disk: { currentTerm: 1.5, votedFor: null, log: [] } },
  { says: "currentTerm '3'", disk: { currentTerm: '3', votedFor: null, log: [] } },
  { says: 'currentTerm NaN', disk: { currentTerm: NaN, votedFor: null, log: [] } },
  { says: 'votedFor S9', disk: { currentTerm: 1, votedFor: 9, log: [] } },
  { says: "votedFor '1'", disk: { currentTerm: 1, votedFor: '1', log: [] } },
  { says: 'votedFor undefined', disk: { currentTerm: 1, votedFor: undefined, log: [] } },
  { says: 'a log that is null', disk: { currentTerm: 1, votedFor: null, log: null } },
  { says: 'a log with a hole', disk: { currentTerm: 1, votedFor: null, log: holey } },
  { says: 'an entry that is null', disk: endingWith(null) },
  { says: 'an entry of term 0', disk: endingWith({ term: 0, command: noop }) },
  { says: 'an entry above currentTerm', disk: endingWith({ term: 4, command: noop }) },
  { says: 'an entry below the one before', disk: endingWith({ term: 1, command: noop }) },
  { says: 'an entry with an unknown field', disk: endingWith({ term: 3, command: noop, x: 1 }) },
  { says: 'an entry at the wrong index', disk: endingWith({ index: 7, term: 3, command: noop }) },
  { says: 'an entry without a command', disk: endingWith({ term: 3 }) },
  { says: "a command of kind 'bogus'", disk: endingWith({ term: 3, command: { kind: 'bogus' } }) },
  {
    says: "a command of kind 'toString'",
    disk: endingWith({ term: 3, command: { kind: 'toString' } }),
  },
  { says: 'a set with key 5 and value null', disk: endingWith({ term: 3, command: set(5, null) }) },
  { says: 'a set with an empty value', disk: endingWith({ term: 3, command: set('k', '') }) },
  {
    says: 'a set with a 65-character key',
    disk: endingWith({ term: 3, command: set('k'.repeat(65), 'v') }),
  },
  {
    says: 'a delete with an empty key',
    disk: endingWith({ term: 3, command: { kind: 'delete', key: '' } }),
  },
  { says: 'a noop with a key', disk: endingWith({ term: 3, command: { kind: 'noop', key: 'k' } }) },
];

describe('setDisk checks the whole disk before writing any of it', () => {
  it.each(sentences(ROWS))('refuses %s', (_says, { disk, code }) => {
    expectRefused((s) => s.setDisk(crashedIn(s), disk as never), code ?? 'badDisk');
  });

  it('refuses a running node before looking at the disk', () => {
    expectRefused((s) => s.setDisk(s.leader()!, null as never), 'stillRunning');
  });

  it('a bad last command leaves the first entries unwritten (they used to be written first)', () => {
    const sim = busyCluster();
    const id = crashedIn(sim);
    const before = look(sim);
    expect(() => sim.setDisk(id, endingWith({ term: 3, command: set(5, null) }) as never)).toThrow(
      SimError,
    );
    expect(sim.node(id).term).toBe(before.nodes[id - 1]!.term);
    expect(sim.node(id).log).toEqual(before.nodes[id - 1]!.log);
  });

  it('takes a good disk whole, as a copy the caller can no longer change', () => {
    const sim = busyCluster();
    const id = crashedIn(sim);
    const disk = endingWith({ index: 3, term: 3, command: set('b', '2') });
    sim.setDisk(id, disk as never);
    disk.log[0] = { term: 3, command: set('z', 'z') };
    expect(sim.node(id)).toMatchObject({
      term: 3,
      votedFor: null,
      log: [
        { index: 1, term: 1, command: noop },
        { index: 2, term: 2, command: set('a', '1') },
        { index: 3, term: 3, command: set('b', '2') },
      ],
    });
    // A log read back from sim.node() can be staged again as it is.
    const again = sim.node(id);
    expect(() => sim.setDisk(id, { currentTerm: 3, votedFor: 2, log: again.log })).not.toThrow();
  });
});

describe('setDisk as an action given as data ({ do: "setDisk", node, disk })', () => {
  it.each(sentences(ROWS))('refuses %s, like the method', (_says, { disk, code }) => {
    expectRefused(
      (s) => s.apply({ do: 'setDisk', node: crashedIn(s), disk: disk as never }),
      code ?? 'badDisk',
    );
  });

  it('refuses an unknown field and a missing disk with badAction', () => {
    expectRefused(
      (s) => s.apply({ do: 'setDisk', node: crashedIn(s), disk: endingWith(null), x: 1 } as never),
      'badAction',
    );
    expectRefused((s) => s.apply({ do: 'setDisk', node: crashedIn(s) } as never), 'badAction');
  });

  it('writes the same disk the method writes', () => {
    const good = endingWith({ term: 3, command: set('b', '2') });
    const byMethod = busyCluster();
    const byAction = busyCluster();
    byMethod.setDisk(crashedIn(byMethod), good as never);
    byAction.apply({ do: 'setDisk', node: crashedIn(byAction), disk: good as never });
    expect(look(byAction)).toEqual(look(byMethod));
    expect(byAction.traceHash()).toBe(byMethod.traceHash());
  });
});
