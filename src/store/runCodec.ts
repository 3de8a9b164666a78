// A whole run as a link and as a file (store layer, pure): the settings (through settings.ts's
// own link format), every recorded action where it was applied, the cursor, the run's end and
// its trace digest. Decoding checks every field and refuses with a coded problem; it never
// throws. Rebuilding the run and comparing digests is share.ts's job.
//
//   link:  n=3&seed=7&et=150-300&…&run=1.<base64url bytes>   (version first, then the payload)
//   bytes: head, computedTo, cursor (varints) · digest (4 bytes) · action count ·
//          per action: Δ eventCount, Δ at (varints, from the action before) · code byte · fields
import type { SimAction } from '../sim';
import type { RecordedAction } from './actions';
import type { BranchInfo } from './labTypes';
import {
  checkCount,
  checkSharedAction,
  isRecord,
  onlyKeys,
  own,
  readAction,
  writeAction,
} from './runActions';
import { ByteReader, ByteWriter, fromBase64Url, toBase64Url } from './runBytes';
import type { RunProblem } from './runProblems';
import { RunRefusal, refuseRun } from './runProblems';
import { LESSON_PARAMS } from './lessonLink';
import { VIEW_PARAMS } from './viewLink';
import {
  MAX_RUN_ACTIONS,
  MAX_RUN_BRANCHES,
  MAX_RUN_FILE_CHARS,
  MAX_SHARED_RUN_MS,
  MAX_RUN_QUERY_CHARS,
  RUN_FORMAT,
  RUN_PARAMS,
  RUN_VERSION,
} from './runParams';
import type { Settings } from './settings';
import { parseSettingsQuery, settingsToQuery } from './settings';

export { MAX_RUN_QUERY_CHARS, RUN_FORMAT, RUN_VERSION } from './runParams';
export type { RunProblem } from './runProblems';

/** One run as it stands: enough to rebuild it exactly and to check that it was. */
export interface SharedRun {
  readonly settings: Settings;
  readonly actions: readonly RecordedAction[];
  /** The frame on screen (its seq). */
  readonly cursor: number;
  /** The newest event (its seq) and the virtual ms the run was computed to. */
  readonly head: number;
  readonly computedTo: number;
  /** The trace digest at `head`, 8 hexadecimal digits. */
  readonly digest: string;
}

/** A run file: the run on screen and, when there is a history tree, every branch of it. */
export interface RunFile extends SharedRun {
  readonly branches: readonly BranchInfo[];
  /** The branch on screen (its id in `branches`; 1 when there is no tree). */
  readonly branchId: number;
}

export type Decoded<T> =
  { readonly ok: true; readonly run: T } | { readonly ok: false; readonly problem: RunProblem };

const PARAM = RUN_PARAMS[0];
const DIGEST = /^[0-9a-f]{8}$/;

/** Runs `read`, turning a refusal into a coded problem; anything else is a bug and is thrown. */
function decoded<T>(read: () => T): Decoded<T> {
  try {
    return { ok: true, run: read() };
  } catch (e) {
    if (e instanceof RunRefusal) return { ok: false, problem: e.problem };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// The link

/**
 * The link's `run` value, "1.<payload>". Throws (a RunRefusal) when the run holds something a
 * link cannot carry; a run the store recorded always fits.
 */
export function encodeRunParam(run: Omit<SharedRun, 'settings'>): string {
  checkRunShape(run, '');
  const w = new ByteWriter();
  w.count(run.head);
  w.count(run.computedTo);
  w.count(run.cursor);
  for (let i = 0; i < 8; i += 2) w.byte(parseInt(run.digest.slice(i, i + 2), 16));
  w.count(run.actions.length);
  let before = { eventCount: 0, at: 0 };
  for (const r of run.actions) {
    w.count(r.eventCount - before.eventCount);
    w.count(r.at - before.at);
    writeAction(w, checkSharedAction(r.action, 'action'));
    before = r;
  }
  return `${RUN_VERSION}.${toBase64Url(w.done())}`;
}

/** Reads a `run` value back (everything but the settings, which the link's other parameters give). */
export function decodeRunParam(text: unknown): Decoded<Omit<SharedRun, 'settings'>> {
  return decoded(() => readRunParam(text));
}

function readRunParam(text: unknown): Omit<SharedRun, 'settings'> {
  if (typeof text !== 'string') refuseRun({ code: 'badEncoding' });
  if (text.length > MAX_RUN_QUERY_CHARS) refuseRun({ code: 'tooLarge', max: MAX_RUN_QUERY_CHARS });
  const dot = text.indexOf('.');
  checkVersion(dot < 0 ? text : text.slice(0, dot));
  const payload = dot < 0 ? '' : text.slice(dot + 1);
  if (dot < 0 || !/^[A-Za-z0-9_-]*$/.test(payload)) refuseRun({ code: 'badEncoding' });
  // Only a link cut off ends in the middle of a base64url group (a length or bits to spare).
  const bytes = fromBase64Url(payload) ?? refuseRun({ code: 'truncated' });
  const r = new ByteReader(bytes);
  const head = r.count('head');
  const computedTo = r.count('computedTo');
  const cursor = r.count('cursor');
  const digest = Array.from({ length: 4 }, () => r.byte().toString(16).padStart(2, '0')).join('');
  const count = r.count('actions');
  if (count > MAX_RUN_ACTIONS) refuseRun({ code: 'tooLarge', max: MAX_RUN_ACTIONS });
  const actions: RecordedAction[] = [];
  let before = { eventCount: 0, at: 0 };
  for (let i = 0; i < count; i++) {
    const eventCount = before.eventCount + r.count(`actions[${i}].eventCount`);
    const at = before.at + r.count(`actions[${i}].at`);
    const action = readAction(r, `actions[${i}].action`);
    actions.push({ action, at, eventCount });
    before = { eventCount, at };
  }
  r.end();
  const run = { actions, cursor, head, computedTo, digest };
  checkRunShape(run, '');
  return run;
}

/** The version before the dot: digits only; a newer one than this build's is refused by name. */
function checkVersion(text: string): void {
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1)) refuseRun({ code: 'badVersion', found: text.slice(0, 20) });
  if (n > RUN_VERSION) refuseRun({ code: 'futureVersion', found: n, known: RUN_VERSION });
}

/** The whole link's query (without "?"): the settings as settings.ts writes them, then the run. */
export function runToQuery(run: SharedRun): string {
  return `${settingsToQuery(run.settings)}&${PARAM}=${encodeRunParam(run)}`;
}

/**
 * The run a link's query carries; null when it carries none. Its settings are the link's: a
 * setting the settings parser could not use as written means the run cannot be rebuilt, so it
 * is refused (unknown parameters of other kinds change nothing and are let be).
 */
export function readRunQuery(query: string): Decoded<SharedRun> | null {
  const params = new URLSearchParams(query);
  const all = params.getAll(PARAM);
  if (all.length === 0) return null;
  return decoded(() => {
    if (all.length > 1) refuseRun({ code: 'repeated', param: PARAM });
    const parsed = parseSettingsQuery(query);
    const bad = parsed.problems.find((p) => p.code !== 'unknown');
    if (bad) refuseRun({ code: 'badSettings', param: bad.param, value: bad.value, why: bad.code });
    return { settings: parsed.settings, ...readRunParam(all[0]) };
  });
}

// ---------------------------------------------------------------------------------------------
// The file

/** The run as a file's text: versioned JSON, one action per line so a diff reads well. */
export function encodeRunFile(file: RunFile): string {
  checkRunShape(file, '');
  const body = {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    settings: settingsToQuery(file.settings),
    cursor: file.cursor,
    head: file.head,
    computedTo: file.computedTo,
    digest: file.digest,
    branchId: file.branchId,
    actions: file.actions.map(recordToJson),
    branches: file.branches.map(branchToJson),
  };
  return `${JSON.stringify(body, null, 1)}\n`;
}

/** A recorded action as a file writes it; an action a run cannot carry is refused here too. */
const recordToJson = (r: RecordedAction) => ({
  at: r.at,
  eventCount: r.eventCount,
  action: checkSharedAction(r.action, 'action'),
});

/** A branch with exactly the fields a file carries, whatever else the store keeps in it. */
const branchToJson = (b: BranchInfo) => ({
  id: b.id,
  parent: b.parent,
  from: b.from,
  at: b.at,
  action: b.action === null ? null : checkSharedAction(b.action, 'action'),
  actions: b.actions.map(recordToJson),
  head: b.head,
  computedTo: b.computedTo,
  cursor: b.cursor,
  digest: b.digest,
});

const FILE_KEYS = [
  'format',
  'version',
  'settings',
  'cursor',
  'head',
  'computedTo',
  'digest',
  'branchId',
  'actions',
  'branches',
];

/** Reads a run file; every field is checked, and anything else in it is refused. */
export function decodeRunFile(text: unknown): Decoded<RunFile> {
  return decoded(() => readRunFile(text));
}

function readRunFile(text: unknown): RunFile {
  if (typeof text !== 'string') refuseRun({ code: 'notJson' });
  if (text.length > MAX_RUN_FILE_CHARS) refuseRun({ code: 'tooLarge', max: MAX_RUN_FILE_CHARS });
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    refuseRun({ code: 'notJson' });
  }
  if (!isRecord(v) || own(v, 'format') !== RUN_FORMAT) refuseRun({ code: 'notRunFile' });
  const version = own(v, 'version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    refuseRun({ code: 'badVersion', found: String(version).slice(0, 20) });
  }
  if (version > RUN_VERSION)
    refuseRun({ code: 'futureVersion', found: version, known: RUN_VERSION });
  onlyKeys(v, FILE_KEYS, 'file');
  for (const key of FILE_KEYS)
    if (!Object.hasOwn(v, key)) refuseRun({ code: 'missingField', field: key });
  const file: RunFile = {
    settings: readSettings(own(v, 'settings')),
    ...readRun(v, ''),
    branchId: checkCount(own(v, 'branchId'), 'branchId'),
    branches: readBranches(own(v, 'branches')),
  };
  checkRunShape(file, '');
  return file;
}

/** The settings as a link writes them; any problem at all refuses the file (it was written exactly). */
function readSettings(v: unknown): Settings {
  if (typeof v !== 'string' || v.length > 1000)
    refuseRun({ code: 'badField', field: 'settings', want: 'settings' });
  const parsed = parseSettingsQuery(v);
  const bad = parsed.problems[0];
  if (bad) refuseRun({ code: 'badSettings', param: bad.param, value: bad.value, why: bad.code });
  // The link's other parameters (view, lesson, run) are known to the settings parser, which
  // passes over them; in a file's settings they are out of place.
  for (const param of [...VIEW_PARAMS, ...LESSON_PARAMS, ...RUN_PARAMS]) {
    const value = new URLSearchParams(v).get(param);
    if (value !== null) refuseRun({ code: 'badSettings', param, value, why: 'unknown' });
  }
  return parsed.settings;
}

/** The fields every run has (the file's own, or one branch's). */
function readRun(v: Record<string, unknown>, at: string): Omit<SharedRun, 'settings'> {
  const digest = own(v, 'digest');
  if (typeof digest !== 'string' || !DIGEST.test(digest))
    refuseRun({ code: 'badField', field: `${at}digest`, want: 'digest' });
  const list = own(v, 'actions');
  if (!Array.isArray(list)) refuseRun({ code: 'badField', field: `${at}actions`, want: 'list' });
  if (list.length > MAX_RUN_ACTIONS) refuseRun({ code: 'tooLarge', max: MAX_RUN_ACTIONS });
  return {
    cursor: checkCount(own(v, 'cursor'), `${at}cursor`),
    head: checkCount(own(v, 'head'), `${at}head`),
    computedTo: checkCount(own(v, 'computedTo'), `${at}computedTo`),
    digest,
    actions: Array.from({ length: list.length }, (_, i) =>
      readRecord(list[i], `${at}actions[${i}]`),
    ),
  };
}

function readRecord(v: unknown, field: string): RecordedAction {
  if (!isRecord(v)) refuseRun({ code: 'badField', field, want: 'object' });
  onlyKeys(v, ['at', 'eventCount', 'action'], field);
  return {
    at: checkCount(own(v, 'at'), `${field}.at`),
    eventCount: checkCount(own(v, 'eventCount'), `${field}.eventCount`),
    action: checkSharedAction(own(v, 'action'), `${field}.action`),
  };
}

const BRANCH_KEYS = [
  'id',
  'parent',
  'from',
  'at',
  'action',
  'actions',
  'head',
  'computedTo',
  'cursor',
  'digest',
];

function readBranches(v: unknown): BranchInfo[] {
  if (!Array.isArray(v) || v.length > MAX_RUN_BRANCHES)
    refuseRun({ code: 'badField', field: 'branches', want: 'list' });
  return Array.from({ length: v.length }, (_, i): BranchInfo => {
    const b: unknown = v[i];
    const field = `branches[${i}]`;
    if (!isRecord(b)) refuseRun({ code: 'badField', field, want: 'object' });
    onlyKeys(b, BRANCH_KEYS, field);
    for (const key of BRANCH_KEYS)
      if (!Object.hasOwn(b, key)) refuseRun({ code: 'missingField', field: `${field}.${key}` });
    const parent = own(b, 'parent');
    const action = own(b, 'action');
    return {
      id: checkCount(own(b, 'id'), `${field}.id`),
      parent: parent === null ? null : checkCount(parent, `${field}.parent`),
      from: checkCount(own(b, 'from'), `${field}.from`),
      at: checkCount(own(b, 'at'), `${field}.at`),
      action: action === null ? null : (checkSharedAction(action, `${field}.action`) as SimAction),
      ...readRun(b, `${field}.`),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// What every run must be, however it came

/**
 * Actions in the order they were taken (eventCount and at never decrease), none after the run's
 * end, the cursor within it; for a file, branches that form a tree with the one on screen in it.
 */
function checkRunShape(
  run: Omit<SharedRun, 'settings'> & Partial<Pick<RunFile, 'branches' | 'branchId'>>,
  at: string,
): void {
  for (const [name, value] of [
    ['cursor', run.cursor],
    ['head', run.head],
    ['computedTo', run.computedTo],
  ] as const) {
    checkCount(value, `${at}${name}`);
  }
  if (typeof run.digest !== 'string' || !DIGEST.test(run.digest))
    refuseRun({ code: 'badField', field: `${at}digest`, want: 'digest' });
  if (run.actions.length > MAX_RUN_ACTIONS) refuseRun({ code: 'tooLarge', max: MAX_RUN_ACTIONS });
  if (run.cursor > run.head) refuseRun({ code: 'outOfRange', field: `${at}cursor` });
  // An hour of virtual time at most (see MAX_SHARED_RUN_MS): a link cannot ask for a day.
  if (run.computedTo > MAX_SHARED_RUN_MS)
    refuseRun({ code: 'outOfRange', field: `${at}computedTo` });
  let before = { eventCount: 0, at: 0 };
  run.actions.forEach((r, i) => {
    const field = `${at}actions[${i}]`;
    checkCount(r.eventCount, `${field}.eventCount`);
    checkCount(r.at, `${field}.at`);
    if (r.eventCount < before.eventCount || r.at < before.at)
      refuseRun({ code: 'outOfOrder', field });
    // Its own event is one of the run's, so it comes before the run's newest.
    if (r.eventCount >= run.head || r.at > run.computedTo) refuseRun({ code: 'outOfRange', field });
    before = r;
  });
  if (run.branches) checkTree(run.branches, run.branchId ?? 1);
}

/** Ids unique, each parent an earlier branch (so no cycle), the branch on screen among them. */
function checkTree(branches: readonly BranchInfo[], branchId: number): void {
  const byId = new Map<number, BranchInfo>();
  branches.forEach((b, i) => {
    checkRunShape(b, `branches[${i}].`);
    // Ids count branches made in one lab: at most MAX_RUN_BRANCHES × 1,000 leaves room for the
    // next id to stay a safe integer however many more are made.
    if (b.id > MAX_RUN_BRANCHES * 1000) {
      refuseRun({ code: 'outOfRange', field: `branches[${i}].id` });
    }
    if (b.id < 1 || byId.has(b.id)) refuseRun({ code: 'duplicateId', field: `branches[${i}].id` });
    byId.set(b.id, b);
  });
  branches.forEach((b, i) => {
    const parent = b.parent === null ? null : byId.get(b.parent);
    if (b.parent !== null && (!parent || b.parent >= b.id)) {
      refuseRun({ code: 'outOfRange', field: `branches[${i}].parent` });
    }
    if (parent && (b.from > parent.head || b.at > parent.computedTo)) {
      refuseRun({ code: 'outOfRange', field: `branches[${i}].from` });
    }
  });
  if (branchId < 1 || (branches.length > 0 && !byId.has(branchId))) {
    refuseRun({ code: 'outOfRange', field: 'branchId' });
  }
}
