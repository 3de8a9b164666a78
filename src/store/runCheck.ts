// Checks a run and a history tree that come from outside the store (store layer): a link, a
// file, a caller. Each problem is a notice line naming the field; the simulator checks each
// action's own shape when it is replayed.
import { MAX_RUN_BRANCHES, MAX_SHARED_RUN_MS } from './runParams';
import type { RecordedAction } from './actions';
import type { BranchInfo, NoticeLine } from './labTypes';
import type { Settings } from './settings';
import { settingsProblem } from './settings';

/** At most this many branches in one tree: a file could claim any number. */
export const MAX_BRANCHES = 1000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const shortText = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 24));
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'array' : typeof v;
};
const bad = (field: string, value?: unknown): NoticeLine => ({
  key: 'history.notice.badField',
  params: { field, value: shortText(value) },
});

/** Why `run` cannot be rebuilt as given, or null. */
export function runProblem(run: unknown): NoticeLine | null {
  if (!isRecord(run)) return bad('run', run);
  const settings = run.settings;
  if (!isRecord(settings)) return bad('settings', settings);
  const problem = checkedSettings(settings as unknown as Settings);
  if (problem) return problem;
  return placeProblem('', run) ?? actionsProblem('actions', run.actions, run);
}

function checkedSettings(settings: Settings): NoticeLine | null {
  try {
    return settingsProblem(settings);
  } catch {
    return bad('settings', settings);
  }
}

/** head, computedTo, cursor and digest of a run or a branch (`prefix` names which). */
function placeProblem(prefix: string, r: Record<string, unknown>): NoticeLine | null {
  for (const field of ['head', 'computedTo', 'cursor'] as const) {
    if (!isCount(r[field])) return bad(prefix + field, r[field]);
  }
  if ((r.computedTo as number) > MAX_SHARED_RUN_MS) return bad(prefix + 'computedTo', r.computedTo);
  if ((r.cursor as number) > (r.head as number)) return bad(prefix + 'cursor', r.cursor);
  if (typeof r.digest !== 'string' || !/^[0-9a-f]{8}$/.test(r.digest)) {
    return bad(prefix + 'digest', r.digest);
  }
  return null;
}

/**
 * Each action a plain object, applied at whole ms and event counts that never go back, before
 * the run's head (its own event is one of the run's) and within its computed time.
 */
function actionsProblem(
  field: string,
  actions: unknown,
  run: Record<string, unknown>,
): NoticeLine | null {
  if (!Array.isArray(actions)) return bad(field, actions);
  let before = { at: 0, eventCount: 0 };
  for (let i = 0; i < actions.length; i++) {
    const r: unknown = actions[i];
    const name = `${field}[${i}]`;
    if (!isRecord(r) || !isRecord(r.action)) return bad(name, r);
    if (!isCount(r.at) || r.at < before.at || r.at > (run.computedTo as number)) {
      return bad(`${name}.at`, r.at);
    }
    const count = r.eventCount;
    if (!isCount(count) || count < before.eventCount || count >= (run.head as number)) {
      return bad(`${name}.eventCount`, count);
    }
    before = r as unknown as RecordedAction;
  }
  return null;
}

/**
 * Why `tree` is not a history tree, or null: at most MAX_BRANCHES branches with distinct whole
 * ids, each one's parent listed before it (so the tree has no cycle), each a rebuildable run,
 * and `branchId` among them.
 */
export function treeProblem(tree: unknown): NoticeLine | null {
  if (!isRecord(tree)) return bad('branches', tree);
  const list = tree.branches;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BRANCHES) {
    return bad('branches', list);
  }
  const seen = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    const problem = branchProblem(`branches[${i}].`, list[i], seen);
    if (problem) return problem;
    seen.add((list[i] as BranchInfo).id);
  }
  return seen.has(tree.branchId as number) ? null : bad('branchId', tree.branchId);
}

function branchProblem(prefix: string, b: unknown, seen: ReadonlySet<number>): NoticeLine | null {
  if (!isRecord(b)) return bad(prefix.slice(0, -1), b);
  if (!isCount(b.id) || b.id === 0 || b.id > MAX_RUN_BRANCHES * 1000 || seen.has(b.id)) {
    return bad(prefix + 'id', b.id);
  }
  if (b.parent !== null && !(isCount(b.parent) && seen.has(b.parent))) {
    return bad(prefix + 'parent', b.parent);
  }
  if (!isCount(b.from)) return bad(prefix + 'from', b.from);
  if (!isCount(b.at)) return bad(prefix + 'at', b.at);
  if (b.action !== null && !isRecord(b.action)) return bad(prefix + 'action', b.action);
  return placeProblem(prefix, b) ?? actionsProblem(prefix + 'actions', b.actions, b);
}
