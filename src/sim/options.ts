// Simulation options: defaults, and validation that names exactly what is wrong. Nothing here
// touches a running simulation, so a bad option never leaves one half-changed.
import type { RuleSwitches } from '../raft';
import { ALL_RULES_ON } from '../raft';
import {
  MAX_RUN_MS,
  describeValue,
  isDense,
  isPlainObject,
  refuse,
  strayKeys,
} from './api/validate';

export interface SimOptions {
  /** Servers in the cluster, 1…9. */
  readonly nodes: number;
  readonly seed: number;
  readonly electionTimeoutMs: readonly [number, number];
  readonly heartbeatMs: number;
  /** One-way delay of each message, drawn uniformly from [min, max]. */
  readonly latencyMs: readonly [number, number];
  /** Chance that any one message is lost, 0…1. */
  readonly dropRate: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly maxEntriesPerAppend: number;
  /** How long a client waits for its reply before it reports the write failed. */
  readonly clientTimeoutMs: number;
  /**
   * Thesis §6.3: how long a client waits before it sends an unanswered request again (to the
   * leader it knows, or the next server), with the same session; 0 (the default) never retries.
   */
  readonly clientRetryMs: number;
  /**
   * Thesis §5: a server compacts its log into a snapshot once it has applied this many entries
   * since its last one; 0 (the default) never compacts on its own (`sim.compact` still does).
   */
  readonly snapshotEvery: number;
  /** Keep every event for `trace()`; benchmarks switch it off to measure a flat heap. */
  readonly keepTrace: boolean;
  readonly rules: RuleSwitches;
}

export type SimOptionsInput = Partial<Omit<SimOptions, 'rules'>> & {
  readonly rules?: Partial<RuleSwitches>;
};

export const DEFAULT_OPTIONS: SimOptions = {
  nodes: 5,
  seed: 1,
  electionTimeoutMs: [150, 300],
  heartbeatMs: 50,
  latencyMs: [10, 20],
  dropRate: 0,
  preVote: false,
  checkQuorum: false,
  maxEntriesPerAppend: 64,
  clientTimeoutMs: 5000,
  clientRetryMs: 0,
  snapshotEvery: 0,
  keepTrace: true,
  rules: ALL_RULES_ON,
};

export const MAX_NODES = 9;

/** The Figure 2 rules a lesson may switch off, in the order the settings list them. */
export const RULE_NAMES: readonly (keyof RuleSwitches)[] = [
  'electionRestriction',
  'currentTermCommit',
  'truncateOnlyOnConflict',
  'oneVotePerTerm',
  'oneChangeAtATime',
];

/** The longest any timeout or delay may be: one run's longest span, a virtual day. */
const MAX_MS = MAX_RUN_MS;

function badOption(option: string, detail: string): never {
  refuse({ code: 'badOptions', option, detail }, detail);
}

/**
 * Merges `input` over the defaults, or throws a SimError (code 'badOptions', `option` naming the
 * option, `detail` saying why in English). Only the input's own properties count, so names
 * every object inherits (`toString`, `constructor`) are unknown options, not defaults.
 */
export function resolveOptions(input: SimOptionsInput = {}): SimOptions {
  if (!isPlainObject(input)) {
    badOption(
      '',
      `options must be an object such as { nodes: 5, seed: 1 }, not ${describeValue(input)}`,
    );
  }
  for (const key of strayKeys(input, Object.keys(DEFAULT_OPTIONS))) {
    badOption(key, `unknown option "${key}"`);
  }
  const rules = input.rules === undefined ? {} : input.rules;
  if (!isPlainObject(rules)) {
    badOption(
      'rules',
      `rules must be an object such as { oneVotePerTerm: false }, not ${describeValue(rules)}`,
    );
  }
  for (const key of strayKeys(rules, Object.keys(ALL_RULES_ON))) {
    badOption(`rules.${key}`, `unknown rule "${key}"`);
  }
  for (const [key, on] of Object.entries(rules)) {
    if (typeof on !== 'boolean') {
      badOption(`rules.${key}`, `rule ${key} must be true or false, not ${describeValue(on)}`);
    }
  }
  const o = { ...DEFAULT_OPTIONS, ...input, rules: { ...ALL_RULES_ON, ...rules } } as SimOptions;
  checkOptionValues(o);
  // A copy of the pairs, so a caller who edits its arrays later changes nothing here.
  return { ...o, electionTimeoutMs: [...o.electionTimeoutMs], latencyMs: [...o.latencyMs] };
}

function checkOptionValues(o: SimOptions): void {
  checkInteger('nodes', o.nodes, 1, MAX_NODES);
  checkInteger('seed', o.seed, -(2 ** 31), 2 ** 32 - 1);
  checkRange('electionTimeoutMs', o.electionTimeoutMs, 1);
  checkInteger('heartbeatMs', o.heartbeatMs, 1, MAX_MS);
  if (o.heartbeatMs >= o.electionTimeoutMs[0]) {
    badOption(
      'heartbeatMs',
      `heartbeatMs (${o.heartbeatMs}) must be less than the minimum election timeout (${o.electionTimeoutMs[0]}), or followers would time out between heartbeats`,
    );
  }
  checkRange('latencyMs', o.latencyMs, 0);
  if (typeof o.dropRate !== 'number' || !(o.dropRate >= 0 && o.dropRate <= 1)) {
    badOption(
      'dropRate',
      `dropRate must be a number from 0 to 1, not ${describeValue(o.dropRate)}`,
    );
  }
  checkInteger('maxEntriesPerAppend', o.maxEntriesPerAppend, 1, 100_000);
  checkInteger('clientTimeoutMs', o.clientTimeoutMs, 1, MAX_MS);
  checkInteger('clientRetryMs', o.clientRetryMs, 0, MAX_MS);
  checkInteger('snapshotEvery', o.snapshotEvery, 0, 1_000_000);
  for (const key of ['preVote', 'checkQuorum', 'keepTrace'] as const) {
    if (typeof o[key] !== 'boolean') {
      badOption(key, `${key} must be true or false, not ${describeValue(o[key])}`);
    }
  }
}

function checkInteger(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    badOption(
      name.split(' ')[0]!,
      `${name} must be a whole number from ${min} to ${max}, not ${describeValue(value)}`,
    );
  }
}

function checkRange(name: string, range: unknown, lowest: number): void {
  if (!Array.isArray(range) || range.length !== 2 || !isDense(range)) {
    badOption(
      name,
      `${name} must be a [min, max] pair of milliseconds, not ${describeValue(range)}`,
    );
  }
  const [min, max] = range as unknown[];
  checkInteger(`${name} min`, min, lowest, MAX_MS);
  checkInteger(`${name} max`, max, lowest, MAX_MS);
  if ((min as number) > (max as number)) {
    badOption(name, `${name}: min (${String(min)}) is above max (${String(max)})`);
  }
}
