// A seeded fault schedule for sweeps and the CLI: a fault phase of random crashes, restarts,
// partitions, cut links, message loss and a steady stream of writes (with `membership`, also
// servers added and removed, voters changed and leadership handed over; with `consistency`,
// appends, reads and compactions), then a heal phase that must converge. Its own PRNG stream keeps
// the world's draws untouched by the schedule's. It reads nodes through sim.inspect (live,
// uncopied): sim.node() would copy a whole log per question.
import type { ReadMode } from '../raft';
import type { Simulation } from './simulation';
import type { ClusterConfiguration } from './api/membership';
import type { SimOptionsInput } from './options';
import { MAX_NODES } from './options';
import { Prng } from './prng';
import { digestOf, lastIndexOf } from './checkers';
import { isSimError } from './read/reasons';

export interface ChaosOptions {
  /** Length of the fault phase in virtual ms. */
  readonly faultMs: number;
  /** Virtual ms between two chaos decisions. */
  readonly stepMs: number;
  /** Highest message loss the schedule sets, 0…1. */
  readonly maxDropRate: number;
  /** Virtual ms between two client writes. */
  readonly writeEveryMs: number;
  /**
   * Membership changes and leadership transfers among the faults (thesis ch. 4, §3.10). Off by
   * default: the schedule then draws exactly what it drew before they existed, so old seeds and
   * digests replay unchanged.
   */
  readonly membership: boolean;
  /**
   * What a Raft-backed store promises its clients (thesis ch. 5–6): among the writes, appends
   * (sessions make a retried one apply once) and reads in `readModes`; among the faults, servers
   * compacting their logs. The heal phase then also checks that every state machine agrees, that
   * each append is in its key's string exactly once, and that a read of every key through every
   * mode returns the converged value. Off by default, with the same promise as `membership`.
   * Run it on a simulation made with `consistencySimOptions`.
   */
  readonly consistency: boolean;
  /** With `consistency`: the modes reads are drawn from. 'local' is unsafe on purpose. */
  readonly readModes: readonly ReadMode[];
  /**
   * A person's hands on the wire among the faults: messages held at the door and released out
   * of order, dropped, duplicated, and stretches of manual delivery. Drawn from a PRNG stream of
   * its own, so the other faults' draws stay as they were; off by default.
   */
  readonly touches: boolean;
}

export interface ChaosReport {
  readonly leaderAfterHeal: boolean;
  readonly converged: boolean;
  readonly writes: number;
  readonly acknowledged: number;
  /** Membership calls and transfers the schedule made (0 without `membership`). */
  readonly membershipCalls: number;
  /** With `consistency`: appends and reads sent, reads answered ok, compactions asked for. */
  readonly appends: number;
  readonly reads: number;
  readonly readsOk: number;
  readonly compactions: number;
  /** With `touches`: messages held, dropped and duplicated by hand. */
  readonly touched: number;
  /** Calls the simulator refused with a SimError (a transfer with no leader, …); they change nothing. */
  readonly refused: number;
  readonly problems: string[];
}

export const DEFAULT_CHAOS: ChaosOptions = {
  faultMs: 4000,
  stepMs: 100,
  maxDropRate: 0.3,
  writeEveryMs: 50,
  membership: false,
  consistency: false,
  readModes: ['readIndex', 'lease'],
  touches: false,
};

/**
 * The simulation a consistency run needs, varied with the seed: log compaction every 10, 25 or
 * 60 applied entries (§5), clients that retry after 150, 250 or 350 ms (§6.3), and CheckQuorum,
 * without which a leader refuses every lease read (§6.4.1).
 */
export function consistencySimOptions(seed: number): SimOptionsInput {
  const k = Math.abs(seed) % 3;
  return { snapshotEvery: [10, 25, 60][k]!, clientRetryMs: 150 + 100 * k, checkQuorum: true };
}

/** What the fault phase did beyond the draws, for the report. */
interface Tally {
  membershipCalls: number;
  refused: number;
  compactions: number;
  touched: number;
}

/** The client operations of a consistency run, by kind: request ids. */
interface Ops {
  readonly appends: number[];
  readonly reads: number[];
}

/** Runs the fault phase, then heals everything and checks the cluster converges. */
export function runChaos(sim: Simulation, options: Partial<ChaosOptions> = {}): ChaosReport {
  const o = { ...DEFAULT_CHAOS, ...options };
  const rng = new Prng(sim.options.seed ^ 0x5eed);
  const tally: Tally = { membershipCalls: 0, refused: 0, compactions: 0, touched: 0 };
  const hands = o.touches ? new Prng(sim.options.seed ^ 0x70c4) : null;
  const requests: number[] = [];
  const ops: Ops = { appends: [], reads: [] };
  let sinceWrite = 0;
  for (let t = 0; t < o.faultMs; t += o.stepMs) {
    // Read afresh each step: an added server is a target like any other (without membership
    // the list never changes, so the draws are the ones they always were).
    const ids = sim.nodeIds();
    refusable(o.membership, tally, () => faultStep(sim, rng, ids, o, tally));
    for (let w = 0; w < o.stepMs; w += 10) {
      sinceWrite += 10;
      if (sinceWrite >= o.writeEveryMs) {
        sinceWrite = 0;
        const via = rng.chance(0.3) ? ids[rng.intBetween(0, ids.length - 1)] : undefined;
        if (o.consistency) clientStep(sim, rng, via, o.readModes, requests, ops);
        else requests.push(sim.write(`k${rng.intBetween(0, 9)}`, `v${requests.length + 1}`, via));
      }
      if (hands) touchStep(sim, hands, tally);
      sim.runFor(10);
    }
  }
  if (hands) {
    if (sim.manualDelivery()) sim.setManualDelivery(false);
    if (sim.messagesInFlight().some((f) => f.held)) sim.releaseAll();
  }
  return healAndConverge(sim, requests, o, tally, ops);
}

/**
 * One touch of the wire, drawn every 10 virtual ms: hold a message (so it arrives late and out
 * of order), release one held, drop one, duplicate one, or switch manual delivery, which holds
 * everything until it is switched off again a few hundred ms later.
 */
function touchStep(sim: Simulation, rng: Prng, tally: Tally): void {
  const roll = rng.intBetween(0, 99);
  if (roll >= 40) return;
  const wire = sim.messagesInFlight().filter((f) => f.lostAt === null);
  const held = wire.filter((f) => f.held);
  const moving = wire.filter((f) => !f.held);
  const any = <T>(list: readonly T[]): T | undefined =>
    list.length ? list[rng.intBetween(0, list.length - 1)] : undefined;
  if (roll < 2) {
    sim.setManualDelivery(!sim.manualDelivery());
    return;
  }
  const target = roll < 14 ? any(moving) : roll < 26 ? any(held) : any(wire);
  if (!target) return;
  tally.touched++;
  if (roll < 14) sim.holdMessage(target.id);
  else if (roll < 26) sim.releaseMessage(target.id);
  else if (roll < 31) sim.dropMessage(target.id);
  else sim.duplicateMessage(target.id);
}

/** Keys only ever appended to, so each append must show in the final string exactly once. */
const APPEND_KEYS = 4;
/** Ends each appended value, so the final string splits back into the appends it holds. */
const APPEND_END = ';';

/**
 * One client operation of a consistency run: a set (4 in 10), an append to a key that is only
 * appended to (2 in 10) or a read of any key in a mode drawn from `modes` (4 in 10).
 */
function clientStep(
  sim: Simulation,
  rng: Prng,
  via: number | undefined,
  modes: readonly ReadMode[],
  writes: number[],
  ops: Ops,
): void {
  const roll = rng.intBetween(0, 9);
  const n = writes.length + ops.reads.length + 1;
  if (roll < 4) {
    writes.push(sim.write(`k${rng.intBetween(0, 9)}`, `v${n}`, via));
  } else if (roll < 6) {
    const id = sim.append(`a${rng.intBetween(0, APPEND_KEYS - 1)}`, `${n}${APPEND_END}`, via);
    writes.push(id);
    ops.appends.push(id);
  } else {
    const k = rng.intBetween(0, 9 + APPEND_KEYS);
    const key = k < 10 ? `k${k}` : `a${k - 10}`;
    const mode = modes[rng.intBetween(0, modes.length - 1)]!;
    ops.reads.push(sim.read(key, via === undefined ? { mode } : { via, mode }));
  }
}

/**
 * Runs one step of the schedule. With membership on, a call the simulator refuses (SimError:
 * it changed nothing) is counted, not fatal; without it, nothing is expected to be refused.
 */
function refusable(membership: boolean, tally: Tally, step: () => void): void {
  try {
    step();
  } catch (error) {
    if (!membership || !isSimError(error)) throw error;
    tally.refused++;
  }
}

function faultStep(sim: Simulation, rng: Prng, ids: number[], o: ChaosOptions, tally: Tally): void {
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
    sim.setDropRate(rng.intBetween(0, Math.round(o.maxDropRate * 100)) / 100);
  } else if (roll < 34) {
    // With membership a learner or a removed server may be picked: refused (not a voter).
    const id = pick();
    if (sim.inspect(id).alive) sim.timeout(id);
  } else if (o.membership && roll < 47) {
    // Rolls 34 and up did nothing before membership existed: new faults take some of them.
    tally.membershipCalls++;
    membershipStep(sim, rng, roll - 34);
  } else if (o.consistency && roll >= 47 && roll < 57) {
    // A server compacts what it has applied (§5): later, a follower behind it needs the snapshot.
    const id = pick();
    if (sim.inspect(id).alive) {
      sim.compact(id);
      tally.compactions++;
    }
  }
}

/** At least this many voters are kept where the schedule can help it (removal, new voters). */
const MIN_VOTERS = 3;

/**
 * One membership fault, `roll` 0…12: add a voter (0–1), add a learner (2), remove a member
 * (3–5), change the voters (6–8), hand leadership to another voter (9–12). Adds stop at the
 * simulator's nine servers, which never come back once removed, so they are spent slowly.
 */
function membershipStep(sim: Simulation, rng: Prng, roll: number): void {
  const config = sim.configuration();
  if (roll < 3) {
    if (sim.nodeIds().length < MAX_NODES) sim.addServer({ voter: roll < 2 });
  } else if (roll < 6) {
    // A learner may always go; a voter only while more than MIN_VOTERS remain.
    const voters = config.voters.length > MIN_VOTERS ? config.voters : [];
    const candidates = [...config.learners, ...voters];
    if (candidates.length) sim.removeServer(candidates[rng.intBetween(0, candidates.length - 1)]!);
  } else if (roll < 9) {
    const members = membersOf(config);
    const size = rng.intBetween(Math.min(MIN_VOTERS, members.length), members.length);
    sim.changeVoters(sample(rng, members, size));
  } else {
    const leader = sim.leader();
    const others = config.voters.filter((id) => id !== leader);
    // No leader: the simulator refuses the transfer, and the refusal is counted.
    if (others.length) sim.transferLeadership(others[rng.intBetween(0, others.length - 1)]!);
  }
}

/** Every server of a configuration: voters of either half and learners, ascending. */
export function membersOf(config: ClusterConfiguration): number[] {
  const all = new Set([...config.voters, ...(config.joint?.old ?? []), ...config.learners]);
  return [...all].sort((a, b) => a - b);
}

/** `size` distinct ids drawn from `ids` (a partial Fisher–Yates shuffle). */
function sample(rng: Prng, ids: readonly number[], size: number): number[] {
  const pool = [...ids];
  for (let i = 0; i < size; i++) {
    const j = rng.intBetween(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, size);
}

/**
 * Heal phase: the network is whole, every node runs, nothing is lost. Then one leader must
 * appear within 2 virtual seconds, and the cluster must converge within 3 more (see
 * `convergedAll` and `convergedMembers`).
 */
function healAndConverge(
  sim: Simulation,
  requests: number[],
  o: ChaosOptions,
  tally: Tally,
  ops: Ops,
): ChaosReport {
  const { membership, consistency } = o;
  sim.heal();
  sim.setDropRate(0);
  for (const id of sim.nodeIds()) if (!sim.inspect(id).alive) sim.restart(id);
  const leaderAfterHeal = sim.runUntil((s) => s.leader() !== null, 2000);
  const acked = requests.filter((r) => sim.request(r).status === 'ok');
  const lastAcked = Math.max(0, ...acked.map((r) => sim.request(r).index ?? 0));
  // Asked after every instant: it reads the live records (nothing copied, nothing built).
  const converged = sim.runUntil(
    (s) => (membership ? convergedMembers(s, lastAcked) : convergedAll(s, lastAcked)),
    3000,
  );
  const problems: string[] = [];
  if (!leaderAfterHeal) problems.push('no leader within 2 virtual seconds of healing');
  if (!converged) {
    problems.push(
      membership
        ? "the final configuration's members did not all reach the leader's committed log"
        : 'acknowledged writes did not reach every state machine',
    );
  }
  if (membership && !consistency && converged) problems.push(...stateMachinesDiffer(sim));
  if (consistency && converged) problems.push(...storeProblems(sim, ops, o.readModes));
  for (const v of sim.violations()) problems.push(`${v.rule}: ${v.detail} (t=${v.at}ms)`);
  return {
    leaderAfterHeal,
    converged,
    writes: requests.length,
    acknowledged: acked.length,
    membershipCalls: tally.membershipCalls,
    appends: ops.appends.length,
    reads: ops.reads.length,
    readsOk: ops.reads.filter((r) => sim.request(r).status === 'ok').length,
    compactions: tally.compactions,
    touched: tally.touched,
    refused: tally.refused,
    problems,
  };
}

/**
 * Without membership changes: every server has applied everything the leader committed, and
 * at least every acknowledged write (the read model's 0 for a crashed node). Unchanged since
 * before membership, so old seeds stop at the same instant.
 */
function convergedAll(s: Simulation, lastAcked: number): boolean {
  const leader = s.leader();
  if (leader === null) return false;
  const commitIndex = s.inspect(leader).status?.commitIndex ?? 0;
  return s.nodeIds().every((id) => {
    const lastApplied = s.inspect(id).status?.lastApplied ?? 0;
    return lastApplied >= lastAcked && lastApplied === commitIndex;
  });
}

/**
 * With membership changes, over the servers of the final configuration only (a removed server
 * may never hear of its removal and stay stale forever): the leader is a voter and has
 * committed its whole log, and every live member holds exactly that log (equal prefix digests),
 * has committed and applied all of it, and so every acknowledged write.
 */
function convergedMembers(s: Simulation, lastAcked: number): boolean {
  const leader = s.leader();
  if (leader === null) return false;
  const config = s.configuration();
  const l = s.inspect(leader);
  const length = lastIndexOf(l);
  if (!membersOf({ ...config, learners: [] }).includes(leader)) return false;
  if (l.status?.commitIndex !== length || length < lastAcked) return false;
  const digest = digestOf(l, length);
  return membersOf(config).every((id) => {
    const r = s.inspect(id);
    if (!r.alive) return true;
    return (
      lastIndexOf(r) === length &&
      digestOf(r, length) === digest &&
      r.status?.commitIndex === length &&
      r.status.lastApplied === length
    );
  });
}

/** After convergence every member's state machine must hold the leader's data. */
function stateMachinesDiffer(sim: Simulation): string[] {
  const leader = sim.leader()!;
  const kv = JSON.stringify(sim.node(leader).kv);
  const differ = membersOf(sim.configuration()).filter(
    (id) => sim.inspect(id).alive && JSON.stringify(sim.node(id).kv) !== kv,
  );
  if (differ.length === 0) return [];
  const names = differ.map((id) => `S${id}`).join(', ');
  return [`state machines differ from the leader's on ${names}`];
}

/**
 * What the store promised its clients, checked once it is still: writes still pending after
 * convergence (retried, §6.3) may yet apply, and so may copies of writes whose client gave up,
 * so first every client has its answer (at most a client timeout away), no request is on the
 * wire and every live member has applied the leader's whole log. Then the state machines agree,
 * each append is applied once, and every key reads back as it is.
 */
function storeProblems(sim: Simulation, ops: Ops, modes: readonly ReadMode[]): string[] {
  const still = (s: Simulation) =>
    s.clientRequests().every((r) => r.status !== 'pending') &&
    convergedMembers(s, 0) &&
    noElectionAhead(s) &&
    s.messagesInFlight().every((f) => f.message.kind !== 'ClientRequest');
  if (!sim.runUntil(still, sim.options.clientTimeoutMs + 1000)) {
    return ['client requests still pending, or the cluster still moving, a client timeout later'];
  }
  return [
    ...stateMachinesDiffer(sim),
    ...appendsNotOnce(sim, ops.appends),
    ...finalReadsWrong(sim, modes),
  ];
}

/**
 * No member stands for election and none will be told to: the leader hands over to nobody and no
 * TimeoutNow (§3.10) is on the wire. (A removed server may campaign forever; members ignore it.)
 */
function noElectionAhead(s: Simulation): boolean {
  const leader = s.leader();
  if (leader === null || s.inspect(leader).status?.transferTo !== null) return false;
  const standing = membersOf(s.configuration()).some((id) => {
    const role = s.inspect(id).status?.role;
    return role === 'candidate' || role === 'precandidate';
  });
  return !standing && s.messagesInFlight().every((f) => f.message.kind !== 'TimeoutNow');
}

/**
 * Thesis §6.3: after convergence each append shows in its key's string at most once, and each
 * acknowledged one exactly once (a retried copy filtered by the session, never applied twice).
 */
function appendsNotOnce(sim: Simulation, appends: readonly number[]): string[] {
  const kv = sim.node(sim.leader()!).kv;
  const seen = new Map<string, number>();
  for (let k = 0; k < APPEND_KEYS; k++) {
    for (const part of (kv[`a${k}`] ?? '').split(APPEND_END)) {
      if (part !== '') seen.set(part, (seen.get(part) ?? 0) + 1);
    }
  }
  const problems: string[] = [];
  const byId = new Map(sim.clientRequests().map((r) => [r.id, r]));
  for (const id of appends) {
    const r = byId.get(id)!;
    const value = r.command.kind === 'append' ? r.command.value.slice(0, -1) : '';
    const times = seen.get(value) ?? 0;
    if (times > 1) problems.push(`append #${id} is in its key's string ${times} times`);
    if (times === 0 && r.status === 'ok') {
      problems.push(`append #${id} was acknowledged but is not in its key's string`);
    }
  }
  return problems;
}

/**
 * Thesis §6.4: once converged, a read of every key the leader holds (and of one it never held),
 * through each live member in turn and each mode in turn, returns the leader's value.
 */
function finalReadsWrong(sim: Simulation, modes: readonly ReadMode[]): string[] {
  const kv = sim.node(sim.leader()!).kv;
  const keys = [...Object.keys(kv).sort(), 'never-written'];
  const members = membersOf(sim.configuration()).filter((id) => sim.inspect(id).alive);
  const reads = keys.map((key, i) => ({
    key,
    id: sim.read(key, { via: members[i % members.length]!, mode: modes[i % modes.length]! }),
  }));
  sim.runUntil((s) => reads.every((r) => s.request(r.id).status !== 'pending'), 2000);
  const problems: string[] = [];
  if (JSON.stringify(sim.node(sim.leader() ?? 1).kv) !== JSON.stringify(kv)) {
    problems.push("the leader's state machine changed while nothing was written");
  }
  for (const { key, id } of reads) {
    const r = sim.request(id);
    const want = kv[key] ?? null;
    if (r.status !== 'ok')
      problems.push(`final read #${id} of ${key} ${r.status}: ${r.error ?? ''}`);
    else if (r.value !== want) {
      problems.push(
        `final read #${id} of ${key} returned ${JSON.stringify(r.value)}, not ${JSON.stringify(want)}`,
      );
    }
  }
  return problems;
}
