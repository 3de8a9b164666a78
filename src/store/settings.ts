// Cluster settings as the person edits them and as the URL carries them (store layer). A link
// such as ?n=5&seed=1&et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0 reproduces one cluster.
import type { SimOptionsInput } from '../sim';
import { DEFAULT_OPTIONS, resolveOptions } from '../sim';

export interface Settings {
  readonly nodes: number;
  readonly seed: number;
  readonly electionTimeoutMs: readonly [number, number];
  readonly heartbeatMs: number;
  readonly latencyMs: readonly [number, number];
  /** Message loss at start, 0…100 (the simulator's dropRate × 100). */
  readonly lossPercent: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  nodes: DEFAULT_OPTIONS.nodes,
  seed: DEFAULT_OPTIONS.seed,
  electionTimeoutMs: DEFAULT_OPTIONS.electionTimeoutMs,
  heartbeatMs: DEFAULT_OPTIONS.heartbeatMs,
  latencyMs: DEFAULT_OPTIONS.latencyMs,
  lossPercent: DEFAULT_OPTIONS.dropRate * 100,
  preVote: DEFAULT_OPTIONS.preVote,
  checkQuorum: DEFAULT_OPTIONS.checkQuorum,
};

export function settingsToOptions(s: Settings): SimOptionsInput {
  return {
    nodes: s.nodes,
    seed: s.seed,
    electionTimeoutMs: [s.electionTimeoutMs[0], s.electionTimeoutMs[1]],
    heartbeatMs: s.heartbeatMs,
    latencyMs: [s.latencyMs[0], s.latencyMs[1]],
    dropRate: s.lossPercent / 100,
    preVote: s.preVote,
    checkQuorum: s.checkQuorum,
    // Each frame already holds its event; a second copy of the whole trace would double it.
    keepTrace: false,
  };
}

/** Throws the simulator's own message when `s` is not a valid cluster. */
export function checkSettings(s: Settings): void {
  if (!Number.isFinite(s.lossPercent) || s.lossPercent < 0 || s.lossPercent > 100) {
    throw new Error(`message loss must be 0 to 100 %, not ${String(s.lossPercent)}`);
  }
  resolveOptions(settingsToOptions(s));
}

type Field = { readonly param: string; read(text: string): Partial<Settings> | null };

const int = (t: string) => (/^-?\d+$/.test(t) ? Number(t) : NaN);
const range = (t: string): [number, number] | null => {
  const m = /^(\d+)-(\d+)$/.exec(t);
  return m ? [Number(m[1]), Number(m[2])] : null;
};
const flag = (t: string) => (t === '1' ? true : t === '0' ? false : null);
const orNull = <T>(v: T | null, wrap: (v: T) => Partial<Settings>) =>
  v === null || (typeof v === 'number' && Number.isNaN(v)) ? null : wrap(v);

/** One row per URL parameter, in the order they are applied and written. */
const FIELDS: readonly Field[] = [
  { param: 'n', read: (t) => orNull(int(t), (nodes) => ({ nodes })) },
  { param: 'seed', read: (t) => orNull(int(t), (seed) => ({ seed })) },
  { param: 'et', read: (t) => orNull(range(t), (electionTimeoutMs) => ({ electionTimeoutMs })) },
  { param: 'hb', read: (t) => orNull(int(t), (heartbeatMs) => ({ heartbeatMs })) },
  { param: 'lat', read: (t) => orNull(range(t), (latencyMs) => ({ latencyMs })) },
  { param: 'loss', read: (t) => orNull(int(t), (lossPercent) => ({ lossPercent })) },
  { param: 'pv', read: (t) => orNull(flag(t), (preVote) => ({ preVote })) },
  { param: 'cq', read: (t) => orNull(flag(t), (checkQuorum) => ({ checkQuorum })) },
];

export interface ParsedSettings {
  readonly settings: Settings;
  /** One sentence per bad field; that field kept its default. */
  readonly errors: readonly string[];
  /** The bad fields as they stood in the link, e.g. `n=12`. */
  readonly badFields: readonly string[];
}

/** Reads settings from a query string; each bad field is reported and falls back to its default. */
export function parseSettingsQuery(search: string): ParsedSettings {
  const params = new URLSearchParams(search);
  let settings = DEFAULT_SETTINGS;
  const errors: string[] = [];
  const badFields: string[] = [];
  for (const field of FIELDS) {
    const text = params.get(field.param);
    if (text === null) continue;
    const patch = field.read(text.trim());
    if (!patch) {
      badFields.push(`${field.param}=${text}`);
      errors.push(`"${field.param}=${text}" is not a valid value; using the default`);
      continue;
    }
    try {
      checkSettings({ ...settings, ...patch });
      settings = { ...settings, ...patch };
    } catch (e) {
      badFields.push(`${field.param}=${text}`);
      errors.push(`"${field.param}=${text}": ${(e as Error).message}; using the default`);
    }
  }
  return { settings, errors, badFields };
}

/** The query string (without "?") that `parseSettingsQuery` reads back to `s`. */
export function settingsToQuery(s: Settings): string {
  const flagText = (b: boolean) => (b ? '1' : '0');
  return [
    `n=${s.nodes}`,
    `seed=${s.seed}`,
    `et=${s.electionTimeoutMs[0]}-${s.electionTimeoutMs[1]}`,
    `hb=${s.heartbeatMs}`,
    `lat=${s.latencyMs[0]}-${s.latencyMs[1]}`,
    `loss=${s.lossPercent}`,
    `pv=${flagText(s.preVote)}`,
    `cq=${flagText(s.checkQuorum)}`,
  ].join('&');
}
