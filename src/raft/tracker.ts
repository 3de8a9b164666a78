// The quorum tracker of the pure core: who votes (the configuration), the leader's per-peer
// progress as a set, the vote tally and the commit index a majority of voters has reached.
// Every question "is this a majority?" is answered here, joint configurations (thesis §4.3)
// included, so membership changes have one home.
import type { Progress } from './progress';
import { initialProgress, progressOf } from './progress';
import { majority, quorumIndexInPlace } from './quorum';
import type { ConfigState, LogIndex, NodeId } from './types';
import { asIndex } from './types';

/**
 * The configuration a server uses (thesis §4.1: the latest in its log, committed or not), with
 * the lists a leader walks precomputed so a broadcast allocates nothing.
 */
export interface Configuration {
  /** The configuration as the log holds it. */
  readonly state: ConfigState;
  /** Whether this server votes (in C_new or, during a joint change, C_old). */
  readonly selfVotes: boolean;
  /** Every voter of either half other than this server, ascending: whom a candidate asks. */
  readonly electors: readonly NodeId[];
  /** Every member other than this server, learners included, ascending: whom a leader feeds. */
  readonly peers: readonly NodeId[];
}

/** The servers of a cluster that can never name one: 1…9 in the simulator, any safe id here. */
const isServerId = (x: unknown): x is NodeId =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= 1;

/**
 * The configuration a server starts from before its log holds any configuration entry: the
 * options' `ids`, distinct server ids in ascending order that include `ownId`, or an empty list
 * for a server added later (it has no vote until a configuration entry gives it one).
 * Throws on anything else.
 */
export function bootConfigState(ownId: NodeId, ids: unknown): ConfigState {
  if (!Array.isArray(ids)) {
    throw new Error(
      'ids must be a list of server ids, e.g. [1, 2, 3] (empty for a server that joins later)',
    );
  }
  const voters: NodeId[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id: unknown = ids[i];
    if (!isServerId(id)) throw new Error(`ids[${i}] must be a whole number ≥ 1, not ${String(id)}`);
    if (i > 0 && id <= voters[i - 1]!) throw new Error('ids must be distinct and ascending');
    voters.push(id);
  }
  if (voters.length > 0 && !voters.includes(ownId)) {
    throw new Error(`ids must include the server's own id S${ownId}`);
  }
  return { voters, learners: [], old: null, joining: [] };
}

/** The configuration `ownId` uses, given the configuration state in force. */
export function configurationOf(ownId: NodeId, state: ConfigState): Configuration {
  const electors = union(state.voters, state.old ?? []);
  const peers = union(electors, state.learners);
  return {
    state,
    selfVotes: electors.includes(ownId),
    electors: electors.filter((id) => id !== ownId),
    peers: peers.filter((id) => id !== ownId),
  };
}

/** Two ascending id lists merged, ascending, without repeats. */
function union(a: readonly NodeId[], b: readonly NodeId[]): NodeId[] {
  const out = [...a];
  for (const id of b) if (!out.includes(id)) out.push(id);
  return out.sort((x, y) => x - y);
}

/** Whether `id` votes in this configuration (either half of a joint one). */
export function isVoter(config: Configuration, id: NodeId): boolean {
  return votesIn(config.state, id);
}

/** Whether `id` votes in this configuration as the log holds it (either half of a joint one). */
export function votesIn(state: ConfigState, id: NodeId): boolean {
  return state.voters.includes(id) || (state.old !== null && state.old.includes(id));
}

/** Whether `id` is in the configuration at all: a voter of either half or a learner. */
export function isMember(config: Configuration, id: NodeId): boolean {
  return isVoter(config, id) || config.state.learners.includes(id);
}

/** Where an election stands once these voters granted and these refused. */
export type VoteResult = 'won' | 'lost' | 'pending';

/**
 * §5.2: "a candidate wins an election if it receives votes from a majority of the servers in
 * the full cluster" — counted over voters only. Lost once so many voters refused that the rest
 * could not make a majority any more: 5 voters, 3 refusals → lost. The core does not act on
 * `lost` (the candidate waits for its timer, as the paper says); it is there to be shown.
 */
export function voteResult(
  config: Configuration,
  granted: readonly NodeId[],
  refused: readonly NodeId[],
): VoteResult {
  const { voters, old } = config.state;
  const incoming = simpleVote(voters, granted, refused);
  if (old === null) return incoming;
  // §4.3: during a joint change an election needs a majority of C_old and of C_new.
  const outgoing = simpleVote(old, granted, refused);
  if (incoming === 'lost' || outgoing === 'lost') return 'lost';
  return incoming === 'won' && outgoing === 'won' ? 'won' : 'pending';
}

function simpleVote(
  voters: readonly NodeId[],
  granted: readonly NodeId[],
  refused: readonly NodeId[],
): VoteResult {
  const needed = majority(voters.length);
  if (count(voters, granted) >= needed) return 'won';
  if (count(voters, refused) > voters.length - needed) return 'lost';
  return 'pending';
}

function count(voters: readonly NodeId[], ids: readonly NodeId[]): number {
  let n = 0;
  for (const id of ids) if (voters.includes(id)) n++;
  return n;
}

/** A new leader's progress: one optimistic record per peer (Figure 2, "reinitialized after election"). */
export function progressForNewLeader(
  config: Configuration,
  lastIndex: LogIndex,
): Record<number, Progress> {
  const progress: Record<number, Progress> = {};
  for (const peer of config.peers) progress[peer] = initialProgress(lastIndex);
  return progress;
}

/**
 * §5.3: the highest index stored on a majority of voters. The leader counts its own last index
 * as its match only when it is a voter (a leader removing itself does not, thesis §4.2.2); a
 * peer without a record counts 0. Example: voters hold 7, 5, 5, 3, 1 → 5. During a joint
 * change (§4.3) the index must be on a majority of each half: the lower of the two.
 */
export function committedIndex(
  config: Configuration,
  ownId: NodeId,
  ownLastIndex: LogIndex,
  progress: Readonly<Record<number, Progress>>,
): LogIndex {
  const { voters, old } = config.state;
  const incoming = quorumOf(voters, ownId, ownLastIndex, progress);
  if (old === null) return incoming;
  return asIndex(Math.min(incoming, quorumOf(old, ownId, ownLastIndex, progress)));
}

function quorumOf(
  voters: readonly NodeId[],
  ownId: NodeId,
  ownLastIndex: LogIndex,
  progress: Readonly<Record<number, Progress>>,
): LogIndex {
  const matches: number[] = [];
  for (const id of voters) {
    matches.push(id === ownId ? ownLastIndex : (progress[id]?.matchIndex ?? 0));
  }
  return quorumIndexInPlace(matches);
}

/**
 * CheckQuorum (thesis §6.2): has the leader heard from a majority of voters since the last
 * round? The leader itself always counts as heard.
 */
export function quorumActive(
  config: Configuration,
  ownId: NodeId,
  progress: Readonly<Record<number, Progress>>,
): boolean {
  const { voters, old } = config.state;
  return (
    activeMajority(voters, ownId, progress) &&
    (old === null || activeMajority(old, ownId, progress))
  );
}

function activeMajority(
  voters: readonly NodeId[],
  ownId: NodeId,
  progress: Readonly<Record<number, Progress>>,
): boolean {
  let active = 0;
  for (const id of voters) if (id === ownId || progress[id]?.recentActive) active++;
  return active >= majority(voters.length);
}

/** A fresh CheckQuorum round: every peer must be heard from again. */
export function progressWithActivityCleared(
  config: Configuration,
  progress: Readonly<Record<number, Progress>>,
): Record<number, Progress> {
  const next = { ...progress };
  for (const peer of config.peers) {
    const p = next[peer];
    if (p) next[peer] = progressOf(p.nextIndex, p.matchIndex, false, p.ackedSentAt, p.flow);
  }
  return next;
}

/**
 * The lease a leader holds (thesis §6.4.1): it runs from the latest send time that a majority
 * of voters acknowledged (the leader's own clock counts as now), for one minimum election
 * timeout, since a voter that answered at t ignores candidates until t + that timeout (with
 * CheckQuorum). During a joint change, the weaker half's. -1 when no majority answered yet.
 * Example: voters acknowledged requests sent at 100, 140, -1, 90 and the leader (now 150): the
 * third highest of five is 100, so the lease runs from 100.
 */
export function leaseStart(
  config: Configuration,
  ownId: NodeId,
  now: number,
  progress: Readonly<Record<number, Progress>>,
): number {
  const { voters, old } = config.state;
  const incoming = ackedByMajority(voters, ownId, now, progress);
  return old === null ? incoming : Math.min(incoming, ackedByMajority(old, ownId, now, progress));
}

function ackedByMajority(
  voters: readonly NodeId[],
  ownId: NodeId,
  now: number,
  progress: Readonly<Record<number, Progress>>,
): number {
  const sent: number[] = [];
  for (const id of voters) sent.push(id === ownId ? now : (progress[id]?.ackedSentAt ?? -1));
  sent.sort((a, b) => b - a);
  return sent[majority(sent.length) - 1] ?? -1;
}

/**
 * The voters that answered a request sent at or after `since`, ascending, the leader included
 * when it votes. Whether they make a majority is `voteResult(config, ids, []) === 'won'`.
 */
export function confirmedSince(
  config: Configuration,
  ownId: NodeId,
  since: number,
  progress: Readonly<Record<number, Progress>>,
): NodeId[] {
  const ids: NodeId[] = config.selfVotes ? [ownId] : [];
  for (const id of config.electors) {
    if ((progress[id]?.ackedSentAt ?? -1) >= since) ids.push(id);
  }
  return ids.sort((a, b) => a - b);
}
