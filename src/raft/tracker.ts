// The quorum tracker of the pure core: who votes (the configuration), the leader's per-peer
// progress as a set, the vote tally and the commit index a majority of voters has reached.
// Every question "is this a majority?" is answered here, so membership changes have one home.
import type { Progress } from './progress';
import { initialProgress, progressOf } from './progress';
import { majority, quorumIndexInPlace } from './quorum';
import type { LogIndex, NodeId } from './types';

/**
 * The servers whose votes and replicas count. Today it never changes after boot (it is
 * `RaftOptions.ids`); a configuration entry in the log would replace it here.
 */
export interface Configuration {
  /** Every voter, this server included, in ascending order (the order messages go out in). */
  readonly voters: readonly NodeId[];
  /** The voters other than this server, kept so a broadcast allocates nothing. */
  readonly peers: readonly NodeId[];
}

/** The servers of a cluster that can never name one: 1…9 in the simulator, any safe id here. */
const isServerId = (x: unknown): x is NodeId =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= 1;

/**
 * Builds the configuration `ownId` starts with from the options' `ids`, which must be distinct
 * server ids in ascending order that include `ownId`. Throws on anything else.
 */
export function configurationOf(ownId: NodeId, ids: unknown): Configuration {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new Error('ids must be a non-empty list of server ids, e.g. [1, 2, 3]');
  }
  const voters: NodeId[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id: unknown = ids[i];
    if (!isServerId(id)) throw new Error(`ids[${i}] must be a whole number ≥ 1, not ${String(id)}`);
    if (i > 0 && id <= voters[i - 1]!) throw new Error('ids must be distinct and ascending');
    voters.push(id);
  }
  if (!voters.includes(ownId)) throw new Error(`ids must include the server's own id S${ownId}`);
  return { voters, peers: voters.filter((id) => id !== ownId) };
}

export function isVoter(config: Configuration, id: NodeId): boolean {
  return config.voters.includes(id);
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
  const needed = majority(config.voters.length);
  if (countVoters(config, granted) >= needed) return 'won';
  if (countVoters(config, refused) > config.voters.length - needed) return 'lost';
  return 'pending';
}

function countVoters(config: Configuration, ids: readonly NodeId[]): number {
  let n = 0;
  for (const id of ids) if (config.voters.includes(id)) n++;
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
 * as its match; a peer without a record counts 0. Example: voters hold 7, 5, 5, 3, 1 → 5.
 */
export function committedIndex(
  config: Configuration,
  ownId: NodeId,
  ownLastIndex: LogIndex,
  progress: Readonly<Record<number, Progress>>,
): LogIndex {
  const matches: number[] = [];
  for (const id of config.voters) {
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
  progress: Readonly<Record<number, Progress>>,
): boolean {
  let active = 1;
  for (const peer of config.peers) if (progress[peer]?.recentActive) active++;
  return active >= majority(config.voters.length);
}

/** A fresh CheckQuorum round: every peer must be heard from again. */
export function progressWithActivityCleared(
  config: Configuration,
  progress: Readonly<Record<number, Progress>>,
): Record<number, Progress> {
  const next = { ...progress };
  for (const peer of config.peers) {
    const p = next[peer];
    if (p) next[peer] = progressOf(p.nextIndex, p.matchIndex, false);
  }
  return next;
}
