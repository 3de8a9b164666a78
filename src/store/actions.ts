// The person's actions as data (store layer): each is kept with the virtual time and event count
// at which it was applied, so a cluster can be rebuilt exactly up to any frame by replaying them.
import type { AsyncSimulation, SimAction } from '../sim';
import { applyAction } from '../sim';

/** The store records the simulator's own action vocabulary. */
export type LabAction = SimAction;

export interface RecordedAction {
  readonly action: LabAction;
  /** Virtual ms when it was applied. */
  readonly at: number;
  /** Events recorded before it: its own event is number `eventCount`, its frame `eventCount + 1`. */
  readonly eventCount: number;
}

/**
 * Rebuilds `sim` (fresh, same options) up to `targetCount` events by replaying `log`: before
 * each action the run stops exactly where it was applied. Returns the actions that were replayed.
 */
export async function replayTo(
  sim: AsyncSimulation,
  log: readonly RecordedAction[],
  targetCount: number,
): Promise<RecordedAction[]> {
  const kept: RecordedAction[] = [];
  for (const r of log) {
    if (r.eventCount >= targetCount) break;
    await runToCount(sim, r.eventCount, r.at);
    applyAction(sim, r.action);
    kept.push(r);
  }
  await runToCount(sim, targetCount, Infinity);
  return kept;
}

async function runToCount(sim: AsyncSimulation, count: number, at: number): Promise<void> {
  if (sim.eventCount() < count) {
    const limit = Number.isFinite(at) ? Math.max(0, at - sim.now) : 10 * 60 * 60 * 1000;
    await sim.runUntil((s) => s.eventCount() >= count, limit);
  }
  if (Number.isFinite(at) && sim.now < at) await sim.runFor(at - sim.now);
}
