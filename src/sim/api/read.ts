// The scripting API's read side (simulator layer): the read model's views built from the world's
// records, and the plain-data copies `sim.node()` and `sim.request()` hand out. The simulation
// class delegates here, so each fact about a node or a request is decided in this one file.
import type { Command, ConfigState, NodeId, Role } from '../../raft';
import { majority, votesIn } from '../../raft';
import { clusterConfigOf, configOfRecord } from './membership';
import type { Membership } from '../read/readModel';
import { allCheckers } from '../checkers';
import type { ClusterFacts, NodeView, RequestStage, RequestView } from '../read/readModel';
import { clusterFacts, entryFate } from '../read/readModel';
import type { Reason } from '../read/reasons';
import type { ClientRequestState, NodeRecord, World } from '../world';
import type { ReadStatus } from '../host';
import { leaderOf } from './actions';
import { describeValue, refuse } from './validate';

/**
 * One server as plain data, safe to keep: later events do not change it. The NodeView's fields,
 * with the log numbered (`{ index, term, command }`) and the state machine as a plain object.
 */
export interface NodeSnapshot extends Omit<NodeView, 'log' | 'kv'> {
  readonly log: readonly { index: number; term: number; command: Command }[];
  readonly kv: Readonly<Record<string, string>>;
}

/** Where one client request stands, as `sim.request(id)` reports it. */
export interface RequestSnapshot {
  readonly status: 'pending' | 'ok' | 'failed';
  /** The index it was applied at, once acknowledged. */
  readonly index?: number;
  /** Why it failed, in English; `failure` says the same as a code. */
  readonly error?: string;
  readonly failure?: Reason;
  /** A failed request whose entry committed all the same (Raft allows this): at this index. */
  readonly committedAt?: number;
  /** A read, once ok: the value it read; null when there was no such key. */
  readonly value?: string | null;
  /** A write answered from its session's saved reply: a retried copy was a duplicate (§6.3). */
  readonly duplicate?: true;
  /** How many times the client sent it again (§6.3), when it did. */
  readonly retries?: number;
}

/** How many safety properties the world checks after every event. */
const CHECKERS = allCheckers([]).length;

const NONE: readonly never[] = Object.freeze([]);

/** One server as the read model shows it (log and kv are live: copy what you keep). */
export function nodeViewOf(world: World, id: NodeId): NodeView {
  return nodeViewIn(world, id, clusterConfigOf(world));
}

/** The view of `id`, given the configuration in use (so a frame of N nodes reads it once). */
export function nodeViewIn(world: World, id: NodeId, inUse: ConfigState): NodeView {
  const r = world.node(id);
  const s = r.status;
  const own = configOfRecord(world, r);
  return {
    id: r.id,
    alive: r.alive,
    fault: r.fault,
    role: s?.role ?? ('follower' as Role),
    term: r.currentTerm,
    votedFor: r.votedFor,
    leaderId: s?.leaderId ?? null,
    commitIndex: s?.commitIndex ?? 0,
    lastApplied: s?.lastApplied ?? 0,
    electionDeadline: s?.electionDeadline ?? 0,
    electionTimeoutMs: s?.electionTimeoutMs ?? 0,
    heartbeatDeadline: s?.heartbeatDeadline ?? -1,
    votes: s?.votes ?? NONE,
    progress: s?.progress ?? NONE,
    log: r.log,
    logBase: r.logBase,
    snapshot: r.snapshot && {
      lastIncludedIndex: r.snapshot.lastIncludedIndex,
      lastIncludedTerm: r.snapshot.lastIncludedTerm,
    },
    reads: s?.reads ?? NONE,
    truncations: r.truncations,
    kv: r.kv,
    lost: r.alive ? null : r.lost,
    cutOff: r.alive && !reachesMajorityIn(world, id, inUse),
    voters: own.voters,
    learners: own.learners,
    joint: own.old === null ? null : { old: own.old, new: own.voters },
    member: membershipIn(inUse, id),
    transferTo: s?.transferTo ?? null,
    canStand: s?.canStand ?? false,
  };
}

function membershipIn(c: ConfigState, id: NodeId): Membership {
  if (votesIn(c, id)) return 'voter';
  return c.learners.includes(id) ? 'learner' : 'outside';
}

/** `nodeViewOf(world, id)` copied, so that no later event can change it (`sim.node(id)`). */
export function snapshotOf(world: World, id: NodeId): NodeSnapshot {
  const v = nodeViewOf(world, id);
  return {
    ...v,
    log: v.log.map((e, i) => ({ index: v.logBase + i + 1, term: e.term, command: e.command })),
    snapshot: v.snapshot && { ...v.snapshot },
    reads: v.reads.length === 0 ? NONE : v.reads.map((r) => ({ ...r })),
    kv: Object.fromEntries(v.kv),
    votes: v.votes.length === 0 ? NONE : v.votes.slice(),
    voters: v.voters.slice(),
    learners: v.learners.slice(),
    joint: v.joint && { old: v.joint.old.slice(), new: v.joint.new.slice() },
    progress: v.progress.length === 0 ? NONE : v.progress.map((p) => ({ ...p })),
    lost: v.lost && { ...v.lost },
  };
}

/**
 * Whether a live node can exchange messages with a majority of the voters in use (of each half
 * during a joint change), itself included if it votes, over links that work both ways: a node
 * that cannot is cut off and can neither lead nor commit.
 */
export function reachesMajorityOf(world: World, me: NodeId): boolean {
  return reachesMajorityIn(world, me, clusterConfigOf(world));
}

function reachesMajorityIn(world: World, me: NodeId, c: ConfigState): boolean {
  const reaches = (voters: readonly NodeId[]): boolean => {
    const net = world.network;
    let reachable = 0;
    for (const other of voters) {
      const up =
        other === me || (world.node(other).alive && net.linkUp(me, other) && net.linkUp(other, me));
      if (up) reachable++;
    }
    return reachable >= majority(voters.length);
  };
  return reaches(c.voters) && (c.old === null || reaches(c.old));
}

/** Size, majority, failures survived, the leader and how many properties are checked. */
export function factsOf(world: World): ClusterFacts {
  const live: { id: number; term: number }[] = [];
  for (const id of world.ids) {
    const r = world.node(id);
    if (r.alive) live.push({ id, term: r.currentTerm });
  }
  const leader = leaderOf(world);
  const status = leader && world.node(leader.id).status;
  const configCommitted = status !== null && status.configIndex <= status.commitIndex;
  return clusterFacts(
    clusterConfigOf(world),
    leader && { ...leader, configCommitted },
    live,
    CHECKERS,
  );
}

/** The newest `limit` client requests, oldest first, each with its stage decided here. */
export function requestViewsOf(world: World, limit: number): RequestView[] {
  const nodes = world.ids.map((id) => logFacts(world.node(id)));
  const reads = new Map<number, ReadStatus>();
  for (const id of world.ids) {
    // The server that holds a read the longest way along tells its progress best.
    for (const r of world.node(id).status?.reads ?? []) {
      const known = reads.get(r.requestId);
      if (
        !known ||
        (known.confirmedBy === null && (r.confirmedBy !== null || r.index > known.index))
      )
        reads.set(r.requestId, r);
    }
  }
  return world
    .recentRequests(limit)
    .reverse()
    .map((r) => requestViewOf(r, nodes, reads.get(r.id) ?? null));
}

type LogFacts = Parameters<typeof entryFate>[0][number];

function logFacts(r: NodeRecord): LogFacts {
  return {
    log: r.log,
    logBase: r.logBase,
    commitIndex: r.status?.commitIndex ?? 0,
    lastApplied: r.status?.lastApplied ?? 0,
  };
}

function requestViewOf(
  r: ClientRequestState,
  nodes: readonly LogFacts[],
  held: ReadStatus | null,
): RequestView {
  const index = r.appended?.index ?? null;
  const term = r.appended?.term ?? null;
  const fate =
    index === null || term === null ? null : entryFate(nodes, r.id, index, term, r.committedAt);
  let stage: RequestStage = r.forwardedTo.length ? 'forwarded' : 'sent';
  if (fate) {
    if (fate.applied) stage = 'applied';
    else if (fate.committed) stage = 'committed';
    else stage = fate.replaced ? 'replaced' : 'appended';
  }
  if (held !== null && held.index >= 0) stage = held.confirmedBy === null ? 'noted' : 'confirmed';
  if (r.status === 'ok') stage = 'acknowledged';
  if (r.status === 'failed') stage = 'failed';
  return {
    id: r.id,
    command: r.command,
    via: r.via,
    sentAt: r.sentAt,
    stage,
    forwardedTo: r.forwardedTo,
    index,
    term,
    storedOn: fate?.storedOn ?? 0,
    failure: r.failure,
    settledAt: r.settledAt ?? null,
    committedAfterFailure: r.status === 'failed' && r.committedAt !== null,
    retries: r.retries,
    session: r.session,
    duplicateAt: r.duplicateAt,
    answeredAsDuplicate: r.answeredAsDuplicate,
    read: readOf(r, held),
  };
}

function readOf(r: ClientRequestState, held: ReadStatus | null): RequestView['read'] {
  if (r.command.kind !== 'read') return null;
  const proof = r.proof;
  return {
    mode: r.command.mode,
    index: held?.index ?? (proof ? (r.index ?? -1) : -1),
    confirmedBy: proof?.confirmedBy ?? held?.confirmedBy ?? null,
    leaseUntil: proof?.leaseUntil ?? held?.leaseUntil ?? -1,
    value: r.value,
  };
}

/** `sim.request(id)`: its status, and for a failed one whether its entry committed anyway. */
export function requestSnapshotOf(world: World, requestId: unknown): RequestSnapshot {
  const r = typeof requestId === 'number' ? world.requests.get(requestId) : undefined;
  if (!r) {
    const value = describeValue(requestId);
    refuse({ code: 'unknownRequest', value }, `unknown request ${value}`);
  }
  return {
    status: r.status,
    ...(r.index !== undefined ? { index: r.index } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.failure !== null ? { failure: r.failure } : {}),
    ...(r.status === 'failed' && r.committedAt !== null ? { committedAt: r.committedAt } : {}),
    ...(r.value !== undefined ? { value: r.value } : {}),
    ...(r.answeredAsDuplicate ? { duplicate: true as const } : {}),
    ...(r.retries.length > 0 ? { retries: r.retries.length } : {}),
  };
}
