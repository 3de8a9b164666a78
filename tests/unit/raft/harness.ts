// Helpers for the paper tests: build nodes straight from a disk, hand-write the RPCs of
// Figure 2, and read a step's outputs. Nothing here runs a clock; every `now` is explicit.
import type {
  AppendEntries,
  AppendEntriesReply,
  Command,
  Entry,
  Message,
  Output,
  RaftNode,
  RaftOptions,
  RequestVote,
  RequestVoteReply,
  StepResult,
} from '../../../src/raft';
import {
  ALL_RULES_ON,
  asIndex,
  asNodeId,
  asTerm,
  createNode,
  step,
  toArray,
} from '../../../src/raft';
import type { RuleSwitches } from '../../../src/raft';

export const S = asNodeId;

export function optionsFor(
  size: number,
  over: Partial<Omit<RaftOptions, 'rules'>> & { rules?: Partial<RuleSwitches> } = {},
): RaftOptions {
  const { rules, ...rest } = over;
  return {
    ids: Array.from({ length: size }, (_, i) => S(i + 1)),
    electionTimeoutMs: [150, 300],
    heartbeatMs: 50,
    maxEntriesPerAppend: 64,
    preVote: false,
    checkQuorum: false,
    ...rest,
    rules: { ...ALL_RULES_ON, ...rules },
  };
}

/** An entry of `term`; the command names its term so logs read well in failures. */
export function entry(term: number, command?: Command): Entry {
  return { term: asTerm(term), command: command ?? { kind: 'set', key: 'k', value: `t${term}` } };
}

export interface NodeSetup {
  readonly id?: number;
  readonly size?: number;
  readonly term?: number;
  readonly votedFor?: number | null;
  /** The log as the terms of its entries, e.g. [1, 1, 2]. */
  readonly log?: readonly number[];
  readonly options?: Parameters<typeof optionsFor>[1];
  readonly seed?: number;
  readonly now?: number;
}

/** A node booted from the disk the setup describes (S1 of a 3-node cluster by default). */
export function nodeWith(setup: NodeSetup = {}): RaftNode {
  return createNode(
    S(setup.id ?? 1),
    optionsFor(setup.size ?? 3, setup.options),
    {
      currentTerm: asTerm(setup.term ?? 0),
      votedFor: setup.votedFor === undefined || setup.votedFor === null ? null : S(setup.votedFor),
      log: (setup.log ?? []).map((t) => entry(t)),
    },
    setup.seed ?? 7,
    setup.now ?? 0,
  );
}

export function deliver(node: RaftNode, message: Message, now: number): StepResult {
  return step(node, { kind: 'message', now, message });
}

export function tick(node: RaftNode, now: number): StepResult {
  return step(node, { kind: 'tick', now });
}

export function fireTimeout(node: RaftNode, now: number): StepResult {
  return step(node, { kind: 'timeout', now });
}

export function sent(outputs: readonly Output[]): Message[] {
  return outputs.flatMap((o) => (o.kind === 'send' ? [o.message] : []));
}

export function sentOf<K extends Message['kind']>(
  outputs: readonly Output[],
  kind: K,
): Extract<Message, { kind: K }>[] {
  return sent(outputs).filter((m): m is Extract<Message, { kind: K }> => m.kind === kind);
}

export function termsOf(node: RaftNode): number[] {
  return toArray(node.log).map((e) => e.term);
}

export function requestVote(fields: {
  from: number;
  term: number;
  to?: number;
  lastLogIndex?: number;
  lastLogTerm?: number;
  preVote?: boolean;
}): RequestVote {
  return {
    kind: 'RequestVote',
    from: S(fields.from),
    to: S(fields.to ?? 1),
    term: asTerm(fields.term),
    lastLogIndex: asIndex(fields.lastLogIndex ?? 0),
    lastLogTerm: asTerm(fields.lastLogTerm ?? 0),
    preVote: fields.preVote ?? false,
  };
}

export function voteReply(from: number, term: number, granted = true, to = 1): RequestVoteReply {
  return {
    kind: 'RequestVoteReply',
    from: S(from),
    to: S(to),
    term: asTerm(term),
    voteGranted: granted,
    preVote: false,
  };
}

export function appendEntries(fields: {
  from: number;
  term: number;
  prev?: [index: number, term: number];
  entries?: readonly number[];
  leaderCommit?: number;
  to?: number;
  /** The leader's matchIndex for `to` when it sent this; 0 unless a test needs it. */
  knownMatchIndex?: number;
}): AppendEntries {
  const [prevIndex, prevTerm] = fields.prev ?? [0, 0];
  return {
    kind: 'AppendEntries',
    from: S(fields.from),
    to: S(fields.to ?? 1),
    term: asTerm(fields.term),
    prevLogIndex: asIndex(prevIndex),
    prevLogTerm: asTerm(prevTerm),
    entries: (fields.entries ?? []).map((t) => entry(t)),
    leaderCommit: asIndex(fields.leaderCommit ?? 0),
    knownMatchIndex: asIndex(fields.knownMatchIndex ?? 0),
    sentAt: 0,
  };
}

export function appendOk(from: number, term: number, index: number, to = 1): AppendEntriesReply {
  return {
    kind: 'AppendEntriesReply',
    from: S(from),
    to: S(to),
    term: asTerm(term),
    success: true,
    index: asIndex(index),
    conflictTerm: asTerm(0),
    conflictIndex: asIndex(0),
    knownMatchIndex: asIndex(0),
    sentAt: 0,
  };
}

export function appendRejected(
  from: number,
  term: number,
  prevLogIndex: number,
  hint: [conflictIndex: number, conflictTerm: number],
  to = 1,
  knownMatchIndex = 0,
): AppendEntriesReply {
  return {
    kind: 'AppendEntriesReply',
    from: S(from),
    to: S(to),
    term: asTerm(term),
    success: false,
    index: asIndex(prevLogIndex),
    conflictIndex: asIndex(hint[0]),
    conflictTerm: asTerm(hint[1]),
    knownMatchIndex: asIndex(knownMatchIndex),
    sentAt: 0,
  };
}

/**
 * Makes `node` leader of its next term: its timer fires at `now` and every other server
 * grants the vote at once. Returns the leader and the outputs of the winning step.
 */
export function electLeader(node: RaftNode, now = 1000): StepResult {
  let r = fireTimeout(node, now);
  const peers = node.options.ids.filter((id) => id !== node.id);
  for (const peer of peers) {
    if (r.node.role === 'leader') break;
    r = deliver(r.node, voteReply(peer, r.node.currentTerm, true, node.id), now);
  }
  if (r.node.role !== 'leader') throw new Error(`S${node.id} did not win its election`);
  return r;
}

/**
 * Delivers messages among `nodes` first in, first out, all at instant `now`, until none is left.
 * Messages to a server not in `nodes` (or refused by `deliverIf`) are dropped; replies to the
 * client are kept aside. Returns the nodes afterwards and every message that was delivered.
 */
export function exchange(
  nodes: Record<number, RaftNode>,
  initial: readonly Message[],
  now: number,
  deliverIf: (m: Message) => boolean = () => true,
): { nodes: Record<number, RaftNode>; delivered: Message[]; toClient: Message[] } {
  const current = { ...nodes };
  const queue = [...initial];
  const delivered: Message[] = [];
  const toClient: Message[] = [];
  for (let guard = 0; queue.length > 0; guard++) {
    if (guard > 10_000) throw new Error('exchange did not settle');
    const m = queue.shift()!;
    if (m.to === 0) {
      toClient.push(m);
      continue;
    }
    const target = current[m.to];
    if (!target || !deliverIf(m)) continue;
    delivered.push(m);
    const r = deliver(target, m, now);
    current[m.to] = r.node;
    queue.push(...sent(r.outputs));
  }
  return { nodes: current, delivered, toClient };
}

/** An AppendEntries in a few words: `prev 4@2, 3 entries, commit 1`. */
export function describeAppend(m: AppendEntries): string {
  const n = m.entries.length;
  return `prev ${m.prevLogIndex}@${m.prevLogTerm}, ${n} ${n === 1 ? 'entry' : 'entries'}, commit ${m.leaderCommit}`;
}

/** True when the step drew a fresh election timeout at `now` (the timer was reset). */
export const timerResetAt = (before: RaftNode, after: RaftNode, now: number): boolean =>
  after.rng !== before.rng && after.electionDeadline === now + after.electionTimeoutMs;

/** True when the step left the election timer exactly as it was. */
export const timerUntouched = (before: RaftNode, after: RaftNode): boolean =>
  after.rng === before.rng && after.electionDeadline === before.electionDeadline;

/** The vote a step sent, if any. */
export const voteOf = (outputs: readonly Output[]): RequestVoteReply | undefined =>
  sentOf(outputs, 'RequestVoteReply')[0];

/** The AppendEntries reply a step sent, if any. */
export const appendReplyOf = (outputs: readonly Output[]): AppendEntriesReply | undefined =>
  sentOf(outputs, 'AppendEntriesReply')[0];

/** S1 of a 3-node cluster as leader of term 3, candidate of term 3 or follower of term 3. */
export function nodeInRole(role: 'leader' | 'candidate' | 'follower'): RaftNode {
  if (role === 'leader') return electLeader(nodeWith({ term: 2 }), 100).node;
  if (role === 'candidate') return fireTimeout(nodeWith({ term: 2 }), 100).node;
  return nodeWith({ term: 3 });
}

/** A client's `set key value`, sent to `to` (S1 by default) after `hops` forwards. */
export function clientWrite(
  requestId: number,
  key: string,
  value: string,
  to = 1,
  hops = 0,
): Message {
  return {
    kind: 'ClientRequest',
    from: S(0),
    to: S(to),
    requestId,
    command: { kind: 'set', key, value },
    hops,
  };
}

/**
 * Rows for `it.each(sentences(rows))('%s', (_says, row) => …)`: each test is named by its row's
 * whole sentence (vitest quotes a `$says` name and cuts it at 40 characters).
 */
export function sentences<T extends { says: string }>(rows: readonly T[]): [string, T][] {
  return rows.map((row) => [row.says, row]);
}
