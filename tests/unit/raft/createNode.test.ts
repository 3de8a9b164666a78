// createNode takes outside data whole (options, a disk, a seed, a time): each bad argument is
// refused with an Error that names it, and no node is made.
import { describe, expect, it } from 'vitest';
import type { PersistentState, RaftOptions } from '../../../src/raft';
import { asTerm, createNode } from '../../../src/raft';
import { S, entry, optionsFor, sentences } from './harness';

const goodDisk: PersistentState = {
  currentTerm: asTerm(2),
  votedFor: null,
  log: [entry(1), entry(2)],
};
const boot = (over: {
  options?: unknown;
  disk?: unknown;
  seed?: unknown;
  now?: unknown;
  id?: number;
}) =>
  createNode(
    S(over.id ?? 1),
    ('options' in over ? over.options : optionsFor(3)) as RaftOptions,
    (over.disk ?? goodDisk) as PersistentState,
    (over.seed ?? 7) as number,
    (over.now ?? 0) as number,
  );

describe('createNode refuses bad arguments', () => {
  it('boots a follower from good ones', () => {
    expect(boot({}).role).toBe('follower');
  });

  it.each(
    sentences([
      {
        says: 'options that are not an object',
        over: { options: null },
        error: /options must be an object/,
      },
      { says: 'ids without the server itself', over: { id: 4 }, error: /own id S4/ },
      {
        says: 'ids out of order',
        over: { options: { ...optionsFor(3), ids: [S(2), S(1)] } },
        error: /ascending/,
      },
      {
        says: 'an election timeout range upside down',
        over: { options: { ...optionsFor(3), electionTimeoutMs: [300, 150] } },
        error: /electionTimeoutMs max/,
      },
      {
        says: 'a NaN heartbeat',
        over: { options: { ...optionsFor(3), heartbeatMs: NaN } },
        error: /heartbeatMs/,
      },
      {
        says: 'a fractional batch limit',
        over: { options: { ...optionsFor(3), maxEntriesPerAppend: 1.5 } },
        error: /maxEntriesPerAppend/,
      },
      {
        says: 'preVote that is not a boolean',
        over: { options: { ...optionsFor(3), preVote: 'yes' } },
        error: /preVote must be true or false/,
      },
      {
        says: 'a rule missing from rules',
        over: { options: { ...optionsFor(3), rules: { oneVotePerTerm: true } } },
        error: /rules.electionRestriction/,
      },
      {
        says: 'a disk that is not an object',
        over: { disk: 'disk' },
        error: /disk must be an object/,
      },
      {
        says: 'a negative term on disk',
        over: { disk: { ...goodDisk, currentTerm: -1 } },
        error: /disk currentTerm/,
      },
      {
        says: 'a log that is not a list',
        over: { disk: { ...goodDisk, log: {} } },
        error: /disk log must be a list/,
      },
      {
        says: 'an entry whose term falls',
        over: { disk: { ...goodDisk, log: [entry(2), entry(1)] } },
        error: /term of disk entry 2/,
      },
      {
        says: 'an entry above currentTerm',
        over: { disk: { ...goodDisk, log: [entry(3)] } },
        error: /above currentTerm/,
      },
      {
        says: 'a hole in the log',
        over: { disk: { ...goodDisk, log: [entry(1), undefined] } },
        error: /disk entry 2 is not an entry/,
      },
      { says: 'an Infinity seed', over: { seed: Infinity }, error: /rngSeed/ },
      { says: 'a negative time', over: { now: -5 }, error: /now must be/ },
      { says: 'a time given as a string', over: { now: '0' }, error: /now must be/ },
    ]),
  )('%s', (_says, { over, error }) => {
    expect(() => boot(over)).toThrow(error);
  });
});
