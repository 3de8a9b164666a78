// Comparing two branches (store layer): both are replayed in-process on the simulator, as a
// unit test would, to find the first event where their traces differ and to show both at one
// virtual time. Before the first recorded action that differs the two runs are the same run
// (same seed, same actions), so only the events from there on are compared.
import type { Simulation, SimOptionsInput, TraceEvent } from '../sim';
import { applyAction, createSimulation } from '../sim';
import type { RecordedAction } from './actions';
import type { BranchComparison, BranchInfo, BranchSide, NoticeLine } from './labTypes';
import type { Settings } from './settings';
import { settingsToOptions } from './settings';

const shown = (v: unknown): string =>
  typeof v === 'number' ? String(v) : typeof v === 'string' ? v.slice(0, 32) : typeof v;

/** Why comparing branches `a` and `b` at `at` (optional) is refused, or null. */
export function compareProblem(
  branches: readonly BranchInfo[],
  a: unknown,
  b: unknown,
  at: unknown,
): NoticeLine | null {
  const first = branches.find((x) => x.id === a);
  const second = branches.find((x) => x.id === b);
  if (!first || !second || a === b) {
    return { key: 'history.notice.badCompare', params: { a: shown(a), b: shown(b) } };
  }
  const end = Math.max(first.computedTo, second.computedTo);
  if (
    at !== undefined &&
    !(Number.isSafeInteger(at) && (at as number) >= 0 && (at as number) <= end)
  ) {
    return { key: 'history.notice.badCompareTime', params: { at: shown(at), end } };
  }
  return null;
}

/**
 * Branches `a` and `b` (both listed, checked by compareProblem) side by side: the first frame
 * whose event differs, and both at `at` ms, by default two of the longest election timeouts
 * after they part — time for a crash or a cut to bring a new election and for a write to reach
 * the logs, so the sides show what the difference did — but never past both runs' ends.
 */
export function compareRuns(
  settings: Settings,
  branches: readonly BranchInfo[],
  a: number,
  b: number,
  at?: number,
): BranchComparison {
  const first = branches.find((x) => x.id === a)!;
  const second = branches.find((x) => x.id === b)!;
  const options = settingsToOptions(settings);
  const diff = firstDifference(options, first, second);
  const end = Math.max(first.computedTo, second.computedTo);
  const when =
    at ??
    (diff
      ? Math.min(end, diff.at + 2 * settings.electionTimeoutMs[1])
      : Math.min(first.computedTo, second.computedTo));
  return {
    a,
    b,
    firstDifference: diff?.seq ?? null,
    events: diff?.events ?? [null, null],
    divergedAt: diff?.at ?? null,
    at: when,
    sides: [sideAt(options, first, when), sideAt(options, second, when)],
  };
}

/** How many events the two runs surely share: all before the first action that differs. */
function sharedEvents(a: BranchInfo, b: BranchInfo): number {
  const end = Math.min(a.head, b.head);
  for (let i = 0; i < Math.max(a.actions.length, b.actions.length); i++) {
    const x = a.actions[i];
    const y = b.actions[i];
    if (x && y && JSON.stringify(x) === JSON.stringify(y)) continue;
    return Math.min(end, x?.eventCount ?? end, y?.eventCount ?? end);
  }
  return end;
}

interface Difference {
  /** The frame that shows the first differing event. */
  readonly seq: number;
  readonly at: number;
  readonly events: readonly [TraceEvent | null, TraceEvent | null];
}

/** The first event (within both runs) that differs, compared whole; null if none does. */
function firstDifference(
  options: SimOptionsInput,
  a: BranchInfo,
  b: BranchInfo,
): Difference | null {
  const end = Math.min(a.head, b.head);
  const from = sharedEvents(a, b);
  if (from >= end) return null;
  const ours = eventsOf(options, a, from, end);
  const theirs = eventsOf(options, b, from, end);
  for (let i = 0; i < end - from; i++) {
    const x = ours[i] ?? null;
    const y = theirs[i] ?? null;
    if (x && y && JSON.stringify(x) === JSON.stringify(y)) continue;
    if (!x && !y) return null;
    const at = Math.min(x?.at ?? Infinity, y?.at ?? Infinity);
    return { seq: from + i + 1, at, events: [x, y] };
  }
  return null;
}

/** The run's events numbered `from` up to (not including) `to`. */
function eventsOf(options: SimOptionsInput, run: BranchInfo, from: number, to: number) {
  const sim = createSimulation(options);
  const events: TraceEvent[] = [];
  sim.subscribe((e) => {
    if (e.seq >= from && e.seq < to) events.push(e);
  });
  replayUntil(sim, run.actions, to, run.computedTo);
  return events;
}

/** The run as it stood at `at` ms: its leader, and each server's role, term and log. */
function sideAt(options: SimOptionsInput, run: BranchInfo, at: number): BranchSide {
  const sim = createSimulation(options);
  replayUntil(sim, run.actions, Infinity, at);
  const leader = sim.leader();
  const logs = sim.nodeIds().map((id) => {
    const v = sim.nodeView(id);
    const entries = v.log.map((e, i) => ({
      index: v.logBase + i + 1,
      term: e.term,
      command: e.command,
    }));
    const { alive, role, term, logBase, commitIndex } = v;
    return { id, alive, role, term, logBase, commitIndex, entries };
  });
  const leaderTerm = leader === null ? null : sim.nodeView(leader).term;
  return { branch: run.id, leader, leaderTerm, logs };
}

/**
 * Replays `actions` on a fresh simulation, each where it was applied, up to `count` events or
 * `ms` virtual ms, whichever comes first (`count` Infinity: exactly to `ms`).
 */
function replayUntil(
  sim: Simulation,
  actions: readonly RecordedAction[],
  count: number,
  ms: number,
): void {
  for (const r of actions) {
    if (r.eventCount >= count || r.at > ms) break;
    runToCount(sim, r.eventCount, r.at);
    if (sim.now < r.at) sim.runFor(r.at - sim.now);
    applyAction(sim, r.action);
  }
  if (count === Infinity) {
    if (sim.now < ms) sim.runFor(ms - sim.now);
  } else runToCount(sim, count, ms);
}

function runToCount(sim: Simulation, count: number, ms: number): void {
  if (sim.eventCount() < count && sim.now < ms) {
    sim.runUntil((x) => x.eventCount() >= count, ms - sim.now);
  }
}
