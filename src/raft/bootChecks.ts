// Argument checks for createNode, the core's one entry point that takes outside data whole
// (options, a disk, a seed). Each throws a clear Error before any node exists; step's inputs
// come from the core's own outputs and are not re-checked on the hot path.
import type { PersistentState, RaftOptions } from './types';

const isWhole = (x: unknown, min: number): x is number =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= min;

function whole(name: string, x: unknown, min: number): void {
  if (!isWhole(x, min))
    throw new Error(`${name} must be a whole number ≥ ${min}, not ${String(x)}`);
}

/** Everything createNode needs of its arguments; the configuration is checked by tracker.ts. */
export function checkBoot(options: unknown, disk: unknown, rngSeed: unknown, now: unknown): void {
  checkOptions(options);
  checkDisk(disk);
  if (typeof rngSeed !== 'number' || !Number.isFinite(rngSeed)) {
    throw new Error(`rngSeed must be a finite number, not ${String(rngSeed)}`);
  }
  if (typeof now !== 'number' || !Number.isFinite(now) || now < 0) {
    throw new Error(`now must be a finite number ≥ 0, not ${String(now)}`);
  }
}

function checkOptions(options: unknown): asserts options is RaftOptions {
  if (typeof options !== 'object' || options === null) throw new Error('options must be an object');
  const o = options as Record<string, unknown>;
  const range = o.electionTimeoutMs;
  if (!Array.isArray(range) || range.length !== 2) {
    throw new Error('electionTimeoutMs must be a [min, max] pair of milliseconds');
  }
  whole('electionTimeoutMs min', range[0], 1);
  whole('electionTimeoutMs max', range[1], range[0] as number);
  whole('heartbeatMs', o.heartbeatMs, 1);
  whole('maxEntriesPerAppend', o.maxEntriesPerAppend, 1);
  if (o.snapshotEvery !== undefined) whole('snapshotEvery', o.snapshotEvery, 0);
  for (const key of ['preVote', 'checkQuorum'] as const) {
    if (typeof o[key] !== 'boolean') throw new Error(`${key} must be true or false`);
  }
  const rules = o.rules as Record<string, unknown> | null | undefined;
  if (typeof rules !== 'object' || rules === null) throw new Error('rules must be an object');
  for (const key of [
    'electionRestriction',
    'currentTermCommit',
    'truncateOnlyOnConflict',
    'oneVotePerTerm',
    'oneChangeAtATime',
  ] as const) {
    if (typeof rules[key] !== 'boolean') throw new Error(`rules.${key} must be true or false`);
  }
}

/**
 * Terms must be whole, between 1 and currentTerm, and never fall along the log. Every entry is
 * checked, but a message is only built for the one that fails: a restart of a long log walks it
 * all, and a template string per entry was most of that walk's cost.
 */
function checkDisk(disk: unknown): asserts disk is PersistentState {
  if (typeof disk !== 'object' || disk === null) throw new Error('disk must be an object');
  const d = disk as Record<string, unknown>;
  whole('disk currentTerm', d.currentTerm, 0);
  if (d.votedFor !== null) whole('disk votedFor', d.votedFor, 1);
  if (!Array.isArray(d.log)) throw new Error('disk log must be a list of entries');
  const currentTerm = d.currentTerm as number;
  let previous = 1;
  if (d.snapshot !== undefined && d.snapshot !== null) {
    checkSnapshot(d.snapshot, currentTerm);
    previous = (d.snapshot as { lastIncludedTerm: number }).lastIncludedTerm;
  }
  for (let i = 0; i < d.log.length; i++) {
    const e: unknown = d.log[i];
    if (typeof e !== 'object' || e === null) throw new Error(`disk entry ${i + 1} is not an entry`);
    const term = (e as { term?: unknown }).term;
    if (!isWhole(term, previous)) whole(`term of disk entry ${i + 1}`, term, previous);
    if ((term as number) > currentTerm) {
      throw new Error(`disk entry ${i + 1} has term ${String(term)}, above currentTerm`);
    }
    previous = term as number;
  }
}

const isIdList = (x: unknown): boolean => Array.isArray(x) && x.every((id) => isWhole(id, 1));

/**
 * A snapshot on disk (§5): its last index and term, the configuration there, the keys as
 * [key, value] text pairs and the sessions as [client, seq, index, term] whole numbers.
 */
function checkSnapshot(snapshot: unknown, currentTerm: number): void {
  if (typeof snapshot !== 'object') throw new Error('disk snapshot must be an object or null');
  const p = snapshot as Record<string, unknown>;
  whole('snapshot lastIncludedIndex', p.lastIncludedIndex, 1);
  whole('snapshot lastIncludedTerm', p.lastIncludedTerm, 1);
  if ((p.lastIncludedTerm as number) > currentTerm) {
    throw new Error('snapshot lastIncludedTerm is above currentTerm');
  }
  whole('snapshot configIndex', p.configIndex, 0);
  if ((p.configIndex as number) > (p.lastIncludedIndex as number)) {
    throw new Error('snapshot configIndex is past its lastIncludedIndex');
  }
  const c = p.config as Record<string, unknown> | null;
  const configOk =
    typeof c === 'object' &&
    c !== null &&
    isIdList(c.voters) &&
    isIdList(c.learners) &&
    (c.old === null || isIdList(c.old)) &&
    Array.isArray(c.joining);
  if (!configOk) throw new Error('snapshot config must hold voters, learners, old and joining');
  const pairs = p.kv;
  if (!Array.isArray(pairs) || !pairs.every(isTextPair)) {
    throw new Error('snapshot kv must be a list of [key, value] text pairs');
  }
  const sessions = p.sessions;
  const isSession = (x: unknown) =>
    Array.isArray(x) && x.length === 4 && x.every((n) => isWhole(n, 0));
  if (!Array.isArray(sessions) || !sessions.every(isSession)) {
    throw new Error('snapshot sessions must be a list of [client, seq, index, term] numbers');
  }
}

function isTextPair(x: unknown): boolean {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string';
}
