// The history tree as data (store layer): every run the person made is a branch, kept as its
// actions so it can be rebuilt exactly. The branch on screen is the live run; its entry in the
// list is brought up to date whenever it is left (or read through `selectBranches`).
import type { LabAction } from './actions';
import type { Kernel } from './kernel';
import type { BranchData, BranchInfo, LabState } from './labTypes';
import { selectHeadSeq } from './selectors';

/** The first run of a tree: nothing shared, nothing done yet. */
const ROOT: BranchInfo = Object.freeze({
  id: 1,
  parent: null,
  from: 0,
  at: 0,
  action: null,
  actions: Object.freeze([]),
  head: 0,
  computedTo: 0,
  cursor: 0,
  digest: '',
});

/** A fresh tree whose one branch is the run on screen (new settings, seed, lesson, restart). */
export function initialBranches(): BranchData {
  return { branches: [ROOT], branchId: 1, comparison: null };
}

type LiveRun = Pick<
  LabState,
  'branches' | 'branchId' | 'actions' | 'history' | 'computedTo' | 'cursor' | 'traceHash'
>;

/** The branch on screen as it stands now: its actions, head, time, cursor and digest. */
export function liveBranch(s: LiveRun): BranchInfo {
  const listed = s.branches.find((b) => b.id === s.branchId) ?? ROOT;
  return {
    ...listed,
    actions: s.actions,
    head: selectHeadSeq(s),
    computedTo: s.computedTo,
    cursor: s.cursor,
    digest: s.traceHash,
  };
}

/** Every branch, the one on screen brought up to date (a new list on every call). */
export function selectBranches(s: LiveRun): readonly BranchInfo[] {
  return s.branches.map((b) => (b.id === s.branchId ? liveBranch(s) : b));
}

/** The list with `record` in place of the branch of the same id. */
export function withBranch(
  branches: readonly BranchInfo[],
  record: BranchInfo,
): readonly BranchInfo[] {
  return branches.map((b) => (b.id === record.id ? record : b));
}

/**
 * Acting in the past: `left` (the run as it was just before) is kept whole, and a new branch,
 * its child, goes on screen. It shares `from` events with `left` and left it at `at` ms by
 * doing `action` (null when it only ran on from there, without `left`'s later actions).
 */
export function branchOff(
  k: Kernel,
  left: BranchInfo,
  start: { from: number; at: number; action: LabAction | null },
): void {
  const branches = withBranch(k.get().branches, left);
  const id = Math.max(...branches.map((b) => b.id)) + 1;
  const child: BranchInfo = {
    id,
    parent: left.id,
    ...start,
    actions: k.get().actions,
    head: start.from,
    computedTo: start.at,
    cursor: start.from,
    digest: '',
  };
  k.set({ branches: [...branches, child], branchId: id });
}
