// A seeded fault schedule for sweeps and the CLI: a fault phase of random crashes, restarts,
// partitions, cut links, message loss and a steady stream of writes, then a heal phase that must
// converge. Its own PRNG stream keeps the world's draws untouched by the schedule's. It reads
// nodes through sim.inspect (live, uncopied): sim.node() would copy a whole log per question.
import type { Simulation } from './simulation';
import { Prng } from './prng';

export interface ChaosOptions {
  /** Length of the fault phase in virtual ms. */
  readonly faultMs: number;
  /** Virtual ms between two chaos decisions. */
  readonly stepMs: number;
  /** Highest message loss the schedule sets, 0…1. */
  readonly maxDropRate: number;
  /** Virtual ms between two client writes. */
  readonly writeEveryMs: number;
}

export interface ChaosReport {
  readonly leaderAfterHeal: boolean;
  readonly converged: boolean;
  readonly writes: number;
  readonly acknowledged: number;
  readonly problems: string[];
}

export const DEFAULT_CHAOS: ChaosOptions = {
  faultMs: 4000,
  stepMs: 100,
  maxDropRate: 0.3,
  writeEveryMs: 50,
};

/** Runs the fault phase, then heals everything and checks the cluster converges. */
export function runChaos(sim: Simulation, options: Partial<ChaosOptions> = {}): ChaosReport {
  const o = { ...DEFAULT_CHAOS, ...options };
  const rng = new Prng(sim.options.seed ^ 0x5eed);
  const ids = sim.nodeIds();
  const requests: number[] = [];
  let sinceWrite = 0;
  for (let t = 0; t < o.faultMs; t += o.stepMs) {
    faultStep(sim, rng, ids, o.maxDropRate);
    for (let w = 0; w < o.stepMs; w += 10) {
      sinceWrite += 10;
      if (sinceWrite >= o.writeEveryMs) {
        sinceWrite = 0;
        const via = rng.chance(0.3) ? ids[rng.intBetween(0, ids.length - 1)] : undefined;
        requests.push(sim.write(`k${rng.intBetween(0, 9)}`, `v${requests.length + 1}`, via));
      }
      sim.runFor(10);
    }
  }
  return healAndConverge(sim, requests);
}

function faultStep(sim: Simulation, rng: Prng, ids: number[], maxDropRate: number): void {
  const roll = rng.intBetween(0, 99);
  const pick = (): number => ids[rng.intBetween(0, ids.length - 1)]!;
  if (roll < 8) {
    const id = pick();
    if (sim.inspect(id).alive) sim.crash(id);
  } else if (roll < 16) {
    const down = ids.filter((id) => !sim.inspect(id).alive);
    if (down.length) sim.restart(down[rng.intBetween(0, down.length - 1)]!);
  } else if (roll < 20) {
    const sides: number[][] = [[], []];
    for (const id of ids) sides[rng.intBetween(0, 1)]!.push(id);
    const groups = sides.filter((g) => g.length > 0);
    if (groups.length > 1) sim.partition(groups);
  } else if (roll < 24) {
    const a = pick();
    const b = pick();
    if (a !== b) sim.cut(a, b);
  } else if (roll < 29) {
    sim.heal();
  } else if (roll < 32) {
    sim.setDropRate(rng.intBetween(0, Math.round(maxDropRate * 100)) / 100);
  } else if (roll < 34) {
    const id = pick();
    if (sim.inspect(id).alive) sim.timeout(id);
  }
}

/**
 * Heal phase: the network is whole, every node runs, nothing is lost. Then one leader must
 * appear within 2 virtual seconds, and every acknowledged write must reach every state machine.
 */
function healAndConverge(sim: Simulation, requests: number[]): ChaosReport {
  sim.heal();
  sim.setDropRate(0);
  for (const id of sim.nodeIds()) if (!sim.inspect(id).alive) sim.restart(id);
  const leaderAfterHeal = sim.runUntil((s) => s.leader() !== null, 2000);
  const acked = requests.filter((r) => sim.request(r).status === 'ok');
  const lastAcked = Math.max(0, ...acked.map((r) => sim.request(r).index ?? 0));
  // Asked after every instant: it reads the live records (nothing copied, nothing built), with
  // the read model's defaults for a crashed node (0), not sim.node() copies.
  const converged = sim.runUntil((s) => {
    const leader = s.leader();
    if (leader === null) return false;
    const commitIndex = s.inspect(leader).status?.commitIndex ?? 0;
    return s.nodeIds().every((id) => {
      const lastApplied = s.inspect(id).status?.lastApplied ?? 0;
      return lastApplied >= lastAcked && lastApplied === commitIndex;
    });
  }, 3000);
  const problems: string[] = [];
  if (!leaderAfterHeal) problems.push('no leader within 2 virtual seconds of healing');
  if (!converged) problems.push('acknowledged writes did not reach every state machine');
  for (const v of sim.violations()) problems.push(`${v.rule}: ${v.detail} (t=${v.at}ms)`);
  return {
    leaderAfterHeal,
    converged,
    writes: requests.length,
    acknowledged: acked.length,
    problems,
  };
}
