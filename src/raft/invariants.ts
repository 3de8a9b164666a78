// What must hold of every node value the core returns: index order, progress bounds and the
// fields each role implies. `step` asserts them after every input while checks are switched on
// (tests and development builds); production builds leave them off, so the hot path pays nothing
// and, as nothing there switches them on, the bundle leaves this module out.
import type { RaftNode } from './context';
import { installInvariantAssertion, invariantAssertion } from './invariantSwitch';
import { lastIndex } from './log';
import type { RuleSwitches } from './types';

/** Turns the after-every-step assertion on or off for this module instance (off at start). */
export function setInvariantChecks(on: boolean): void {
  if (typeof on !== 'boolean')
    throw new Error(`setInvariantChecks takes true or false, not ${String(on)}`);
  installInvariantAssertion(on ? assertInvariantsAfter : null);
}

export function invariantChecksOn(): boolean {
  return invariantAssertion() !== null;
}

/**
 * A switched-off Figure 2 rule breaks these on purpose (a follower that truncates without a
 * conflict may hold fewer entries than its commitIndex; two leaders of one term may report
 * matches past a log's end), and the simulator's checkers are there to catch exactly that. So
 * `step` asserts only for a node whose rules are all on; checkInvariants itself always checks.
 */
function allRulesOn(rules: RuleSwitches): boolean {
  return (
    rules.electionRestriction &&
    rules.currentTermCommit &&
    rules.truncateOnlyOnConflict &&
    rules.oneVotePerTerm &&
    rules.oneChangeAtATime
  );
}

/** Throws one Error listing every broken invariant, naming the input that led there. */
export function assertInvariantsAfter(node: RaftNode, inputKind: string): void {
  if (!allRulesOn(node.options.rules)) return;
  const broken = checkInvariants(node);
  if (broken.length > 0) {
    throw new Error(
      `S${node.id} broke the core's invariants after a ${inputKind}: ${broken.join('; ')}`,
    );
  }
}

/** Every invariant `node` breaks, in words; empty when it is sound. */
export function checkInvariants(node: RaftNode): string[] {
  if (typeof node !== 'object' || node === null || typeof node.role !== 'string') {
    throw new Error('checkInvariants takes a node made by createNode or step');
  }
  const broken: string[] = [];
  const last = lastIndex(node.log);
  if (!Number.isSafeInteger(node.currentTerm) || node.currentTerm < 0) {
    broken.push(`currentTerm ${node.currentTerm} is not a whole number ≥ 0`);
  }
  if (!(
    0 <= node.lastApplied &&
    node.lastApplied <= node.commitIndex &&
    node.commitIndex <= last
  )) {
    broken.push(
      `needs 0 ≤ lastApplied (${node.lastApplied}) ≤ commitIndex (${node.commitIndex}) ≤ last log index (${last})`,
    );
  }
  // §5: a snapshot holds only applied entries, and the log starts right after it.
  const base = node.snapshot?.lastIncludedIndex ?? 0;
  if (node.log.base !== base || base > node.lastApplied) {
    broken.push(
      `its log starts after ${node.log.base}, its snapshot ends at ${base}, lastApplied is ${node.lastApplied}`,
    );
  }
  checkProgress(node, last, broken);
  checkRole(node, broken);
  if (node.configIndex > last) {
    broken.push(`its configuration comes from index ${node.configIndex}, past its log (${last})`);
  }
  return broken;
}

/** Figure 2, volatile state on leaders: one record per peer, matchIndex < nextIndex ≤ last + 1. */
function checkProgress(node: RaftNode, last: number, broken: string[]): void {
  for (const key of Object.keys(node.progress)) {
    const p = node.progress[Number(key)]!;
    if (!(0 <= p.matchIndex && p.matchIndex < p.nextIndex && p.nextIndex <= last + 1)) {
      broken.push(
        `progress of S${key} needs 0 ≤ matchIndex (${p.matchIndex}) < nextIndex (${p.nextIndex}) ≤ ${last + 1}`,
      );
    }
  }
}

/** The fields each role implies (§5.2): who leads, who voted, what is tracked. */
function checkRole(node: RaftNode, broken: string[]): void {
  const progressIds = Object.keys(node.progress).map(Number);
  const hasRound = node.votes.length > 0 || node.refusals.length > 0;
  if (node.role === 'leader') {
    if (node.leaderId !== node.id)
      broken.push(`a leader's leaderId is ${node.leaderId}, not itself`);
    if (node.votedFor !== node.id) broken.push(`a leader voted for ${node.votedFor}, not itself`);
    const peers = node.config.peers;
    if (progressIds.length !== peers.length || peers.some((id) => !node.progress[id])) {
      broken.push(
        `a leader tracks [${progressIds.join(', ')}], not every peer [${peers.join(', ')}]`,
      );
    }
    if (hasRound) broken.push('a leader still counts votes');
    // §4.2.2: a leader outside the voters only while the change that removed it is uncommitted.
    if (!node.config.selfVotes && node.commitIndex >= node.configIndex) {
      broken.push('a leader is no voter, and the change that removed it is committed');
    }
    return;
  }
  if (node.transfer !== null) broken.push(`a ${node.role} is handing leadership over`);
  if (progressIds.length > 0) broken.push(`a ${node.role} tracks progress`);
  if (node.role === 'follower') {
    if (hasRound) broken.push('a follower counts votes');
    return;
  }
  if (!node.votes.includes(node.id)) broken.push(`a ${node.role} has not voted for itself`);
  if (node.leaderId !== null) broken.push(`a ${node.role} names leader S${node.leaderId}`);
  if (node.role === 'candidate' && node.votedFor !== node.id) {
    broken.push(`a candidate voted for ${node.votedFor}, not itself`);
  }
}
