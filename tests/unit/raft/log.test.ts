// Table-driven tests for the replicated log value (src/raft/log.ts): sharing on append,
// truncation, term lookups and the §5.4.1 up-to-date comparison.
import { describe, expect, it } from 'vitest';
import type { RaftLog } from '../../../src/raft/log';
import {
  EMPTY_LOG,
  append,
  entriesBetween,
  firstIndexOfTerm,
  isAtLeastAsUpToDate,
  lastIndex,
  lastIndexOfTerm,
  lastTerm,
  logFrom,
  termAt,
  toArray,
  truncateFrom,
} from '../../../src/raft/log';
import { asTerm } from '../../../src/raft';
import { entry, sentences } from './harness';

/** A log whose entries have these terms. */
const logOf = (...terms: number[]): RaftLog => logFrom(terms.map((t) => entry(t)));
const terms = (log: RaftLog): number[] => toArray(log).map((e) => e.term);
const values = (log: RaftLog): string[] =>
  toArray(log).map((e) => (e.command.kind === 'set' ? e.command.value : e.command.kind));
const setEntry = (value: string) => ({
  ...entry(1),
  command: { kind: 'set', key: 'k', value } as const,
});

describe('append keeps every earlier log value valid', () => {
  it.each(
    sentences([
      {
        says: 'appending to the newest value extends it in place (the backing chunk is shared)',
        run: () => {
          const a = logFrom([setEntry('x')]);
          const b = append(a, [setEntry('y')]);
          return { shared: b.chunks[0] === a.chunks[0], a: values(a), b: values(b) };
        },
        expected: { shared: true, a: ['x'], b: ['x', 'y'] },
      },
      {
        says: 'appending to an older value after a newer one grew copies, so both stay as they were',
        run: () => {
          const a = logFrom([setEntry('x')]);
          const b = append(a, [setEntry('y')]);
          const c = append(a, [setEntry('z')]);
          return { shared: c.chunks[0] === b.chunks[0], a: values(a), b: values(b), c: values(c) };
        },
        expected: { shared: false, a: ['x'], b: ['x', 'y'], c: ['x', 'z'] },
      },
      {
        says: 'a truncated value that is appended to does not overwrite the longer value it came from',
        run: () => {
          const a = logFrom([setEntry('x'), setEntry('y'), setEntry('z')]);
          const cut = truncateFrom(a, 2);
          const diverged = append(cut, [setEntry('w')]);
          return {
            shared: diverged.chunks[0] === a.chunks[0],
            a: values(a),
            diverged: values(diverged),
          };
        },
        expected: { shared: false, a: ['x', 'y', 'z'], diverged: ['x', 'w'] },
      },
      {
        says: 'appending nothing returns the very same value',
        run: () => {
          const a = logFrom([setEntry('x')]);
          return { same: append(a, []) === a };
        },
        expected: { same: true },
      },
      {
        says: 'appending to the empty log leaves the shared empty log empty',
        run: () => {
          const b = append(EMPTY_LOG, [setEntry('x')]);
          const c = append(EMPTY_LOG, [setEntry('y')]);
          return { empty: values(EMPTY_LOG), b: values(b), c: values(c) };
        },
        expected: { empty: [], b: ['x'], c: ['y'] },
      },
      {
        says: 'logFrom copies its input, so changing the input array later does not change the log',
        run: () => {
          const input = [setEntry('x')];
          const log = logFrom(input);
          input.push(setEntry('y'));
          return { log: values(log) };
        },
        expected: { log: ['x'] },
      },
    ]),
  )('%s', (_says, { run, expected }) => {
    expect(run()).toEqual(expected);
  });
});

describe('truncateFrom(log, index) keeps the entries before index', () => {
  it.each(
    sentences([
      { says: 'cutting at 2 keeps only entry 1', log: [1, 1, 2], at: 2, expected: [1] },
      { says: 'cutting at 1 empties the log', log: [1, 1, 2], at: 1, expected: [] },
      {
        says: 'cutting at the last index drops just the last entry',
        log: [1, 1, 2],
        at: 3,
        expected: [1, 1],
      },
      { says: 'cutting past the end changes nothing', log: [1, 1, 2], at: 4, expected: [1, 1, 2] },
      { says: 'cutting the empty log leaves it empty', log: [], at: 1, expected: [] },
    ]),
  )('%s', (_says, { log, at, expected }) => {
    const before = logOf(...log);
    const after = truncateFrom(before, at);
    expect(terms(after)).toEqual(expected);
    expect(lastIndex(after)).toBe(expected.length);
    expect(terms(before)).toEqual(log); // the value it was cut from is untouched
  });

  it('cutting past the end returns the very same value', () => {
    const log = logOf(1, 2);
    expect(truncateFrom(log, 3)).toBe(log);
  });
});

describe('termAt(log, index) on the log [1, 1, 2]', () => {
  const log = logOf(1, 1, 2);
  it.each(
    sentences([
      { says: 'index 0, the empty prefix, has term 0', index: 0, expected: 0 },
      { says: 'the first entry has its term', index: 1, expected: 1 },
      { says: 'the last entry has its term', index: 3, expected: 2 },
      { says: 'an index past the end has term 0', index: 4, expected: 0 },
      { says: 'a negative index has term 0', index: -1, expected: 0 },
    ]),
  )('%s', (_says, { index, expected }) => {
    expect(termAt(log, index)).toBe(expected);
  });

  it('lastTerm is the term of the last entry, and 0 for the empty log', () => {
    expect([lastTerm(log), lastTerm(EMPTY_LOG)]).toEqual([2, 0]);
  });
});

describe('firstIndexOfTerm(log, term, from) on the log [1, 1, 2, 2, 2, 3]', () => {
  const log = logOf(1, 1, 2, 2, 2, 3);
  it.each(
    sentences([
      { says: 'scanning back from 5 in term 2 stops at 3', term: 2, from: 5, expected: 3 },
      { says: 'scanning back from 3 in term 2 stays at 3', term: 2, from: 3, expected: 3 },
      {
        says: 'scanning back from 2 in term 1 reaches the first entry',
        term: 1,
        from: 2,
        expected: 1,
      },
      { says: 'the only entry of term 3 is its own first', term: 3, from: 6, expected: 6 },
      { says: 'index 1 is as far back as it goes', term: 1, from: 1, expected: 1 },
    ]),
  )('%s', (_says, { term, from, expected }) => {
    expect(firstIndexOfTerm(log, asTerm(term), from)).toBe(expected);
  });
});

describe('lastIndexOfTerm(log, term)', () => {
  it.each(
    sentences([
      {
        says: 'the last entry of term 2 in [1, 1, 2, 2, 2, 3] is at 5',
        log: [1, 1, 2, 2, 2, 3],
        term: 2,
        expected: 5,
      },
      {
        says: 'the last entry of term 1 in [1, 1, 2, 2, 2, 3] is at 2',
        log: [1, 1, 2, 2, 2, 3],
        term: 1,
        expected: 2,
      },
      {
        says: 'the last entry of the last term is the last index',
        log: [1, 1, 2, 2, 2, 3],
        term: 3,
        expected: 6,
      },
      {
        says: 'a term newer than every entry is not found (0)',
        log: [1, 1, 2, 2, 2, 3],
        term: 4,
        expected: 0,
      },
      { says: 'a term skipped by the log is not found (0)', log: [1, 1, 3], term: 2, expected: 0 },
      { says: 'a term older than every entry is not found (0)', log: [2, 3], term: 1, expected: 0 },
      { says: 'the empty log holds no term', log: [], term: 1, expected: 0 },
    ]),
  )('%s', (_says, { log, term, expected }) => {
    expect(lastIndexOfTerm(logOf(...log), asTerm(term))).toBe(expected);
  });
});

describe('isAtLeastAsUpToDate (§5.4.1): last term first, then length', () => {
  const voter = logOf(1, 1, 2); // last entry 3@2
  it.each(
    sentences([
      {
        says: 'a higher last term wins even with a shorter log',
        lastTerm: 3,
        lastIndex: 1,
        expected: true,
      },
      {
        says: 'the same last term and the same length is up to date',
        lastTerm: 2,
        lastIndex: 3,
        expected: true,
      },
      {
        says: 'the same last term and a longer log is up to date',
        lastTerm: 2,
        lastIndex: 9,
        expected: true,
      },
      {
        says: 'the same last term and a shorter log is behind',
        lastTerm: 2,
        lastIndex: 2,
        expected: false,
      },
      {
        says: 'a lower last term is behind however long the log',
        lastTerm: 1,
        lastIndex: 10,
        expected: false,
      },
      {
        says: 'an empty log is behind a non-empty one',
        lastTerm: 0,
        lastIndex: 0,
        expected: false,
      },
    ]),
  )('%s', (_says, { lastTerm: t, lastIndex: i, expected }) => {
    expect(isAtLeastAsUpToDate(voter, asTerm(t), i)).toBe(expected);
  });

  it('against an empty log, even an empty log is up to date', () => {
    expect(isAtLeastAsUpToDate(EMPTY_LOG, asTerm(0), 0)).toBe(true);
  });
});

describe('entriesBetween(log, from, to) on the log [1, 1, 2, 3]', () => {
  const log = logOf(1, 1, 2, 3);
  it.each(
    sentences([
      { says: 'both ends are included', from: 2, to: 3, expected: [1, 2] },
      { says: 'a range past the end is clipped to the log', from: 3, to: 9, expected: [2, 3] },
      { says: 'a range starting at 0 is clipped to index 1', from: 0, to: 1, expected: [1] },
      { says: 'an empty range gives no entries', from: 4, to: 3, expected: [] },
    ]),
  )('%s', (_says, { from, to, expected }) => {
    expect(entriesBetween(log, from, to).map((e) => e.term)).toEqual(expected);
  });
});

describe('a long log in chunks', () => {
  const many = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => setEntry(`${tag}${i}`));

  it('reads back every entry across chunk edges, after appends of every size', () => {
    let log = logFrom([]);
    const expected: string[] = [];
    for (const size of [1, 255, 1, 256, 300, 7]) {
      const batch = many(size, `b${size}-`);
      log = append(log, batch);
      expected.push(...batch.map((e) => e.command.value));
    }
    expect(values(log)).toEqual(expected);
    expect(lastIndex(log)).toBe(expected.length);
  });

  it('a diverging append on a long log leaves the longer value intact and shares what it can', () => {
    const a = logFrom(many(1000, 'x'));
    const cut = truncateFrom(a, 600);
    const b = append(cut, many(5, 'y'));
    expect(values(a)).toEqual(values(logFrom(many(1000, 'x'))));
    expect(values(b)).toEqual([
      ...values(logFrom(many(599, 'x'))),
      ...values(logFrom(many(5, 'y'))),
    ]);
    expect(b.chunks[0]).toBe(a.chunks[0]); // untouched chunks are shared, not copied
    expect(b.chunks[2]).not.toBe(a.chunks[2]); // the chunk written into is a copy
  });
});
