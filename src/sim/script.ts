// Scripted actions at given virtual times, shared by tests, benchmarks and the browser runtime:
// one script replayed by the in-process and the worker driver must give one trace digest.
import type { SimulationBase } from './simulation';
import type { StagedDisk } from './api/disk';

/** Every action a person or a script can take, as data: replaying them rebuilds a run. */
export type SimAction =
  | { readonly do: 'crash' | 'restart' | 'timeout'; readonly node: number }
  | { readonly do: 'partition'; readonly groups: readonly (readonly number[])[] }
  | { readonly do: 'cut' | 'restore'; readonly a: number; readonly b: number }
  | { readonly do: 'heal' }
  | { readonly do: 'drop'; readonly rate: number }
  | { readonly do: 'write'; readonly key: string; readonly value: string; readonly via?: number }
  | { readonly do: 'delete'; readonly key: string; readonly via?: number }
  /** Appends `value` to the key's string (thesis §6.3: a write applied twice would show). */
  | { readonly do: 'append'; readonly key: string; readonly value: string; readonly via?: number }
  /** A read (§6.4), `readIndex` unless `mode` says 'lease' or 'local'. */
  | {
      readonly do: 'read';
      readonly key: string;
      readonly via?: number;
      readonly mode?: 'readIndex' | 'lease' | 'local';
    }
  /** The server snapshots what it has applied (§5), as `sim.compact` does. */
  | { readonly do: 'compact'; readonly node: number }
  /** Replaces a crashed server's disk (see `setDisk`), to stage a scene such as Figure 7. */
  | { readonly do: 'setDisk'; readonly node: number; readonly disk: StagedDisk }
  /** Membership (thesis ch. 4) and leadership transfer (§3.10); see the API calls of the same names. */
  | { readonly do: 'addServer'; readonly voter?: boolean }
  | { readonly do: 'removeServer'; readonly node: number }
  | { readonly do: 'changeVoters'; readonly voters: readonly number[] }
  | { readonly do: 'transferLeadership'; readonly to: number }
  /**
   * Touching message `message` on the wire: hold it at its receiver's door, release a held one
   * (it arrives now), drop it (it dies now), or send a copy with the same latency.
   */
  | { readonly do: 'hold' | 'release' | 'dropMessage' | 'duplicate'; readonly message: number }
  | { readonly do: 'releaseAll' }
  /** Manual delivery: every message waits at its receiver's door until released. */
  | { readonly do: 'manual'; readonly on: boolean };

export type ScriptStep = { readonly at: number } & SimAction;

/**
 * Applies one action through the checked API: the whole action is checked (a plain object, a
 * known `do`, exactly its fields, each valid) before anything changes, so a bad one throws a
 * SimError and leaves the simulation as it was.
 */
export function applyAction(sim: SimulationBase, action: SimAction): void {
  sim.apply(action);
}

/** Runs `script` (sorted by time) and then on to `endMs`, through a sync or an async driver. */
export async function runScript(
  sim: SimulationBase & { runFor(ms: number): void | Promise<void> },
  script: readonly ScriptStep[],
  endMs: number,
): Promise<void> {
  for (const { at, ...action } of [...script].sort((a, b) => a.at - b.at)) {
    if (at > sim.now) await sim.runFor(at - sim.now);
    applyAction(sim, action as SimAction);
  }
  if (endMs > sim.now) await sim.runFor(endMs - sim.now);
}

/** A steady write load: one `set` every `everyMs` from `fromMs` to `toMs`. */
export function writeLoad(fromMs: number, toMs: number, everyMs: number): ScriptStep[] {
  const steps: ScriptStep[] = [];
  for (let at = fromMs, i = 1; at < toMs; at += everyMs, i++) {
    steps.push({ at, do: 'write', key: `k${i % 16}`, value: `v${i}` });
  }
  return steps;
}
