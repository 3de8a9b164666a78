// The person's actions as data (store layer): each is kept with the virtual time and event count
// at which it was applied, so a cluster can be rebuilt exactly up to any frame by replaying them.
import type { AsyncSimulation } from '../sim';

export type LabAction =
  | { readonly kind: 'crash'; readonly id: number }
  | { readonly kind: 'restart'; readonly id: number }
  | { readonly kind: 'timeout'; readonly id: number }
  | { readonly kind: 'write'; readonly key: string; readonly value: string; readonly via?: number }
  | { readonly kind: 'delete'; readonly key: string; readonly via?: number }
  | { readonly kind: 'partition'; readonly groups: readonly (readonly number[])[] }
  | { readonly kind: 'cut'; readonly a: number; readonly b: number }
  | { readonly kind: 'restore'; readonly a: number; readonly b: number }
  | { readonly kind: 'heal' }
  | { readonly kind: 'loss'; readonly percent: number };

export interface RecordedAction {
  readonly action: LabAction;
  /** Virtual ms when it was applied. */
  readonly at: number;
  /** Events recorded before it: its own event is number `eventCount`, its frame `eventCount + 1`. */
  readonly eventCount: number;
}

/** Applies one action through the simulator's checked API; throws its message on bad input. */
export function applyAction(sim: AsyncSimulation, a: LabAction): void {
  switch (a.kind) {
    case 'crash':
      return sim.crash(a.id);
    case 'restart':
      return sim.restart(a.id);
    case 'timeout':
      return sim.timeout(a.id);
    case 'write':
      sim.write(a.key, a.value, a.via);
      return;
    case 'delete':
      sim.remove(a.key, a.via);
      return;
    case 'partition':
      return sim.partition(a.groups);
    case 'cut':
      return sim.cut(a.a, a.b);
    case 'restore':
      return sim.restoreLink(a.a, a.b);
    case 'heal':
      return sim.heal();
    case 'loss':
      if (!Number.isFinite(a.percent) || a.percent < 0 || a.percent > 100) {
        throw new Error(`message loss must be 0 to 100 %, not ${String(a.percent)}`);
      }
      return sim.setDropRate(a.percent / 100);
  }
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
