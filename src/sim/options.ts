// Simulation options: defaults, and validation that names exactly what is wrong. Nothing here
// touches a running simulation, so a bad option never leaves one half-changed.
import type { RuleSwitches } from '../raft';
import { ALL_RULES_ON } from '../raft';

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
  keepTrace: true,
  rules: ALL_RULES_ON,
};

export const MAX_NODES = 9;

/** Merges `input` over the defaults, or throws an Error that says which option is wrong and why. */
export function resolveOptions(input: SimOptionsInput = {}): SimOptions {
  if (typeof input !== 'object' || input === null) throw new Error('options must be an object');
  for (const key of Object.keys(input)) {
    if (!(key in DEFAULT_OPTIONS)) throw new Error(`unknown option "${key}"`);
  }
  for (const key of Object.keys(input.rules ?? {})) {
    if (!(key in ALL_RULES_ON)) throw new Error(`unknown rule "${key}"`);
  }
  const o: SimOptions = {
    ...DEFAULT_OPTIONS,
    ...input,
    rules: { ...ALL_RULES_ON, ...input.rules },
  } as SimOptions;
  checkInteger('nodes', o.nodes, 1, MAX_NODES);
  checkInteger('seed', o.seed, -(2 ** 31), 2 ** 32 - 1);
  checkRange('electionTimeoutMs', o.electionTimeoutMs, 1);
  checkInteger('heartbeatMs', o.heartbeatMs, 1, Number.MAX_SAFE_INTEGER);
  if (o.heartbeatMs >= o.electionTimeoutMs[0]) {
    throw new Error(
      `heartbeatMs (${o.heartbeatMs}) must be less than the minimum election timeout (${o.electionTimeoutMs[0]}), or followers would time out between heartbeats`,
    );
  }
  checkRange('latencyMs', o.latencyMs, 0);
  checkDropRate(o.dropRate);
  checkInteger('maxEntriesPerAppend', o.maxEntriesPerAppend, 1, 100_000);
  checkInteger('clientTimeoutMs', o.clientTimeoutMs, 1, Number.MAX_SAFE_INTEGER);
  for (const key of ['preVote', 'checkQuorum', 'keepTrace'] as const) {
    if (typeof o[key] !== 'boolean') throw new Error(`${key} must be true or false`);
  }
  return o;
}

export function checkInteger(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${String(value)}`);
  }
}

export function checkDropRate(p: unknown): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new Error(`dropRate must be a number from 0 to 1, not ${String(p)}`);
  }
}

function checkRange(name: string, range: unknown, lowest: number): void {
  if (!Array.isArray(range) || range.length !== 2) {
    throw new Error(`${name} must be a [min, max] pair of milliseconds`);
  }
  const [min, max] = range as unknown[];
  checkInteger(`${name} min`, min, lowest, Number.MAX_SAFE_INTEGER);
  checkInteger(`${name} max`, max, lowest, Number.MAX_SAFE_INTEGER);
  if ((min as number) > (max as number)) {
    throw new Error(`${name}: min (${String(min)}) is above max (${String(max)})`);
  }
}
