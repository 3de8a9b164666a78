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

/** Every slot of `x` is its own and passes `ok` (a hole or an inherited slot does not). */
const everyOwn = (x: unknown, ok: (item: unknown) => boolean): boolean =>
  Array.isArray(x) &&
  Array.from({ length: x.length }, (_, i) => i).every((i) => Object.hasOwn(x, i) && ok(x[i]));

const isIdList = (x: unknown): boolean => everyOwn(x, (id) => isWhole(id, 1));

/** The snapshot's own fields, never inherited ones (a prototype could otherwise fake them). */
const SNAPSHOT_FIELDS = [
  'lastIncludedIndex',
  'lastIncludedTerm',
  'config',
  'configIndex',
  'kv',
  'sessions',
] as const;

/**
 * A snapshot on disk (§5): its last index and term, the configuration there, the keys as
 * [key, value] text pairs and the sessions as [client, seq, index, term] whole numbers.
 */
function checkSnapshot(snapshot: unknown, currentTerm: number): void {
  if (typeof snapshot !== 'object') throw new Error('disk snapshot must be an object or null');
  const p = snapshot as Record<string, unknown>;
  const missing = SNAPSHOT_FIELDS.filter((k) => !Object.hasOwn(p, k));
  if (missing.length > 0) {
    throw new Error(`snapshot ${missing.join(', ')} missing (inherited fields do not count)`);
  }
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
    ['voters', 'learners', 'old', 'joining'].every((k) => Object.hasOwn(c, k)) &&
    isIdList(c.voters) &&
    isIdList(c.learners) &&
    (c.old === null || isIdList(c.old)) &&
    everyOwn(c.joining, (j) => typeof j === 'object' && j !== null);
  if (!configOk) throw new Error('snapshot config must hold voters, learners, old and joining');
  if (!everyOwn(p.kv, isTextPair)) {
    throw new Error('snapshot kv must be a list of [key, value] text pairs');
  }
  const isSession = (x: unknown) =>
    everyOwn(x, (n) => isWhole(n, 0)) && (x as unknown[]).length === 4;
  if (!everyOwn(p.sessions, isSession)) {
    throw new Error('snapshot sessions must be a list of [client, seq, index, term] numbers');
  }
}

function isTextPair(x: unknown): boolean {
  return everyOwn(x, (v) => typeof v === 'string') && (x as unknown[]).length === 2;
}
