// Scripted actions at given virtual times, shared by tests, benchmarks and the browser runtime:
// one script replayed by the in-process and the worker driver must give one trace digest.
import type { SimulationBase } from './simulation';

export type ScriptStep = { readonly at: number } & (
  | { readonly do: 'crash' | 'restart' | 'timeout'; readonly node: number }
  | { readonly do: 'partition'; readonly groups: readonly (readonly number[])[] }
  | { readonly do: 'cut'; readonly a: number; readonly b: number }
  | { readonly do: 'heal' }
  | { readonly do: 'drop'; readonly rate: number }
  | { readonly do: 'write'; readonly key: string; readonly value: string; readonly via?: number }
);

export function applyScriptStep(sim: SimulationBase, step: ScriptStep): void {
  switch (step.do) {
    case 'crash':
      return sim.crash(step.node);
    case 'restart':
      return sim.restart(step.node);
    case 'timeout':
      return sim.timeout(step.node);
    case 'partition':
      return sim.partition(step.groups);
    case 'cut':
      return sim.cut(step.a, step.b);
    case 'heal':
      return sim.heal();
    case 'drop':
      return sim.setDropRate(step.rate);
    case 'write':
      sim.write(step.key, step.value, step.via);
      return;
  }
}

/** Runs `script` (sorted by time) and then on to `endMs`, through a sync or an async driver. */
export async function runScript(
  sim: SimulationBase & { runFor(ms: number): void | Promise<void> },
  script: readonly ScriptStep[],
  endMs: number,
): Promise<void> {
  for (const step of [...script].sort((a, b) => a.at - b.at)) {
    if (step.at > sim.now) await sim.runFor(step.at - sim.now);
    applyScriptStep(sim, step);
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
