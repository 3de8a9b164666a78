// Cluster settings as the person edits them and as the URL carries them (store layer). A link
// such as ?n=5&seed=1&et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0 reproduces one cluster;
// `off=oneVotePerTerm` adds rules switched off on purpose (none by default): Figure 2's four and
// the thesis's one-change-at-a-time; `batch=1` a cap on entries per AppendEntries other than 64;
// `snap=100` a snapshot after every 100 applied entries (thesis §5) and `retry=300` a client
// that resends an unanswered request after 300 ms (§6.3), both off (0) by default.
import type { RuleSwitches, SimOptions, SimOptionsInput } from '../sim';
import { DEFAULT_OPTIONS, RULE_NAMES, resolveOptions } from '../sim';
import { lineForError } from './notices';
import type { NoticeLine } from './labTypes';
import { VIEW_PARAMS } from './viewLink';
import { LESSON_PARAMS } from './lessonLink';
import { RUN_PARAMS } from './runParams';

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
  /** Most entries one AppendEntries carries (`batch=` in the link, written only when not 64). */
  readonly maxEntriesPerAppend: number;
  /** Thesis §5: snapshot after this many entries applied since the last; 0 never (`snap=`). */
  readonly snapshotEvery: number;
  /** Thesis §6.3: a client resends an unanswered request after this many ms; 0 never (`retry=`). */
  readonly clientRetryMs: number;
  /** The rule switches (Figure 2's four, thesis §4.1's one); one off breaks Raft on purpose. */
  readonly rules: RuleSwitches;
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
  maxEntriesPerAppend: DEFAULT_OPTIONS.maxEntriesPerAppend,
  snapshotEvery: DEFAULT_OPTIONS.snapshotEvery,
  clientRetryMs: DEFAULT_OPTIONS.clientRetryMs,
  rules: DEFAULT_OPTIONS.rules,
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
    maxEntriesPerAppend: s.maxEntriesPerAppend,
    snapshotEvery: s.snapshotEvery,
    clientRetryMs: s.clientRetryMs,
    rules: { ...s.rules },
    // Each frame already holds its event; a second copy of the whole trace would double it.
    keepTrace: false,
  };
}

/** The settings that give the simulator `o` (a resolved options object) back. */
export function settingsFromOptions(o: SimOptions): Settings {
  return {
    nodes: o.nodes,
    seed: o.seed,
    electionTimeoutMs: [o.electionTimeoutMs[0], o.electionTimeoutMs[1]],
    heartbeatMs: o.heartbeatMs,
    latencyMs: [o.latencyMs[0], o.latencyMs[1]],
    lossPercent: o.dropRate * 100,
    preVote: o.preVote,
    checkQuorum: o.checkQuorum,
    maxEntriesPerAppend: o.maxEntriesPerAppend,
    snapshotEvery: o.snapshotEvery,
    clientRetryMs: o.clientRetryMs,
    rules: { ...o.rules },
  };
}

/** Throws when `s` is not a valid cluster: the simulator's own error, or one about loss. */
export function checkSettings(s: Settings): void {
  if (typeof s.lossPercent !== 'number' || !(s.lossPercent >= 0 && s.lossPercent <= 100)) {
    throw new Error(`message loss must be 0 to 100 %, not ${String(s.lossPercent)}`);
  }
  resolveOptions(settingsToOptions(s));
}

/** Why `s` is not a valid cluster, as a notice line in codes, or null when it is one. */
export function settingsProblem(s: Settings): NoticeLine | null {
  if (typeof s.lossPercent !== 'number' || !(s.lossPercent >= 0 && s.lossPercent <= 100)) {
    return { key: 'app.notice.badLoss', params: { value: String(s.lossPercent) } };
  }
  try {
    resolveOptions(settingsToOptions(s));
    return null;
  } catch (e) {
    return lineForError(e);
  }
}

type Patch = Partial<Settings>;
type Field = { readonly param: string; read(text: string): Patch | null };

/** A whole number as written in a link: digits only (a sign for the seed), and safe. */
const int = (t: string, signed = false): number | null => {
  if (!(signed ? /^-?\d{1,16}$/ : /^\d{1,16}$/).test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
};
const range = (t: string): [number, number] | null => {
  const m = /^(\d{1,16})-(\d{1,16})$/.exec(t);
  if (!m) return null;
  const [a, b] = [int(m[1]!), int(m[2]!)];
  return a === null || b === null ? null : [a, b];
};
const flag = (t: string) => (t === '1' ? true : t === '0' ? false : null);
/** Every rule switch the simulator knows, in the order links write them. */
const RULES: readonly (keyof RuleSwitches)[] = RULE_NAMES;

/** `off=a,b`: rule names switched off, each known and named once; empty means none. */
const rulesOff = (t: string): RuleSwitches | null => {
  const names = t === '' ? [] : t.split(',');
  if (new Set(names).size !== names.length) return null;
  if (!names.every((n) => (RULES as readonly string[]).includes(n))) return null;
  return Object.fromEntries(RULES.map((n) => [n, !names.includes(n)])) as unknown as RuleSwitches;
};
const field = <T>(param: string, parse: (t: string) => T | null, wrap: (v: T) => Patch): Field => ({
  param,
  read: (t) => {
    const v = parse(t);
    return v === null ? null : wrap(v);
  },
});

/** One row per URL parameter, in the order they are written. */
const FIELDS: readonly Field[] = [
  field('n', int, (nodes) => ({ nodes })),
  field(
    'seed',
    (t) => int(t, true),
    (seed) => ({ seed }),
  ),
  field('et', range, (electionTimeoutMs) => ({ electionTimeoutMs })),
  field('hb', int, (heartbeatMs) => ({ heartbeatMs })),
  field('lat', range, (latencyMs) => ({ latencyMs })),
  field('loss', int, (lossPercent) => ({ lossPercent })),
  field('pv', flag, (preVote) => ({ preVote })),
  field('cq', flag, (checkQuorum) => ({ checkQuorum })),
  field('batch', int, (maxEntriesPerAppend) => ({ maxEntriesPerAppend })),
  field('snap', int, (snapshotEvery) => ({ snapshotEvery })),
  field('retry', int, (clientRetryMs) => ({ clientRetryMs })),
  field('off', rulesOff, (rules) => ({ rules })),
];

/** What was wrong with one parameter of a link; the UI words it (app.link.<code>). */
export interface LinkProblem {
  /**
   * `repeated`: the parameter came more than once (none of its values is used); `badValue`: not
   * readable as this setting; `conflict`: readable, but the settings do not fit together with
   * it, so it fell back to its default; `unknown`: not a setting this app knows (ignored).
   */
  readonly code: 'repeated' | 'badValue' | 'conflict' | 'unknown';
  readonly param: string;
  /** As it stood in the link (values of a repeated parameter joined with ", "). */
  readonly value: string;
}

export interface ParsedSettings {
  readonly settings: Settings;
  /** One entry per parameter that was not used as written; empty for a good link. */
  readonly problems: readonly LinkProblem[];
}

/**
 * Reads settings from a query string. Every field is read first; then the settings are checked
 * together, so `et=40-80&hb=30` stands whatever order it is written in. A field that cannot be
 * read, or is repeated, keeps its default. If the readable fields do not fit together, the
 * fewest of them fall back to their defaults that make the rest valid (the earlier field in
 * FIELDS order first, on a tie), and each is reported. Unknown parameters change nothing and
 * are reported, so a typo such as `nodes=7` does not pass silently.
 */
export function parseSettingsQuery(search: string): ParsedSettings {
  // The view's own parameters (viewLink.ts) are read there; here they are known, not settings.
  const params = new URLSearchParams(search);
  const problems: LinkProblem[] = [];
  const known = new Set<string>([
    ...FIELDS.map((f) => f.param),
    ...VIEW_PARAMS,
    ...LESSON_PARAMS,
    ...RUN_PARAMS,
  ]);
  for (const key of new Set(params.keys())) {
    if (!known.has(key))
      problems.push({ code: 'unknown', param: key, value: params.getAll(key).join(', ') });
  }
  const read: { field: Field; text: string; patch: Patch }[] = [];
  for (const f of FIELDS) {
    const all = params.getAll(f.param);
    if (all.length === 0) continue;
    if (all.length > 1) {
      problems.push({ code: 'repeated', param: f.param, value: all.join(', ') });
      continue;
    }
    const text = all[0]!;
    const patch = f.read(text.trim());
    if (patch) read.push({ field: f, text, patch });
    else problems.push({ code: 'badValue', param: f.param, value: text });
  }
  const build = (skip: ReadonlySet<number>): Settings =>
    read.reduce<Settings>((s, r, i) => (skip.has(i) ? s : { ...s, ...r.patch }), DEFAULT_SETTINGS);
  const skip = fewestToDrop(read.length, (set) => settingsProblem(build(set)) === null);
  for (const i of skip) {
    problems.push({ code: 'conflict', param: read[i]!.field.param, value: read[i]!.text });
  }
  return { settings: build(skip), problems: sortedProblems(problems) };
}

/** The smallest set of indexes (earliest first on a tie) whose removal makes `valid` hold. */
function fewestToDrop(count: number, valid: (skip: ReadonlySet<number>) => boolean): Set<number> {
  // At most 2^12 tries of a cheap check (one per subset of the twelve fields), and only for a
  // link that is already wrong.
  for (let size = 0; size <= count; size++) {
    for (const set of combinations(count, size)) {
      const skip = new Set(set);
      if (valid(skip)) return skip;
    }
  }
  // Unreachable: dropping every field leaves the defaults, which are valid.
  return new Set(Array.from({ length: count }, (_, i) => i));
}

function* combinations(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) return yield [];
  for (let i = from; i <= n - k; i++)
    for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
}

const ORDER = [
  'n',
  'seed',
  'et',
  'hb',
  'lat',
  'loss',
  'pv',
  'cq',
  'batch',
  'snap',
  'retry',
  'off',
  ...VIEW_PARAMS,
  ...LESSON_PARAMS,
];
function sortedProblems(problems: LinkProblem[]): LinkProblem[] {
  const rank = (p: LinkProblem) =>
    ORDER.includes(p.param) ? ORDER.indexOf(p.param) : ORDER.length;
  return problems.sort((a, b) => rank(a) - rank(b));
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
    ...(s.maxEntriesPerAppend === DEFAULT_SETTINGS.maxEntriesPerAppend
      ? []
      : [`batch=${s.maxEntriesPerAppend}`]),
    // Off by default, and then left out: the usual link stays as short as before.
    ...(s.snapshotEvery === 0 ? [] : [`snap=${s.snapshotEvery}`]),
    ...(s.clientRetryMs === 0 ? [] : [`retry=${s.clientRetryMs}`]),
    ...rulesOffParam(s.rules),
  ].join('&');
}

/** The switched-off rules as `off=…`, or nothing when every rule is on (the usual link). */
function rulesOffParam(rules: RuleSwitches): string[] {
  const off = RULES.filter((n) => !rules[n]);
  return off.length ? [`off=${off.join(',')}`] : [];
}
