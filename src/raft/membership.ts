// Membership changes and leadership transfer on the leader (Raft thesis, chapter 4 and §3.10):
// turning a client's request into configuration entries one change at a time, promoting
// learners once they have caught up, finishing a joint change, stepping down once removed, and
// handing leadership to an up-to-date voter. Which configuration is in use lives in setLog
// (context.ts); the majorities it implies live in tracker.ts.
import type { ClientRequest, ClientErrorCode, TimeoutNow } from './messages';
import type { Ctx, RaftNode } from './context';
import { send, setLog } from './context';
import { append, entryAt, lastIndex, termAt } from './log';
import { becomeFollower } from './roles';
import { sendAppend } from './replication';
import { isMember, isVoter } from './tracker';
import type { ConfigChange, ConfigRequest, ConfigState, Entry, NodeId } from './types';
import { CLIENT_ID, asIndex, asTerm } from './types';

/** Ids ascending, as every list in a configuration is kept. */
const sorted = (ids: readonly NodeId[]): NodeId[] => [...ids].sort((a, b) => a - b);
const without = (ids: readonly NodeId[], id: NodeId): NodeId[] => ids.filter((x) => x !== id);

/**
 * §4.1: a leader starts a change only once the last one is committed, and only after it has
 * committed an entry of its own term (a new leader may hold an uncommitted change of an earlier
 * leader; appending another on top of it could yield two disjoint majorities). A joint change
 * must be left before another starts, and none starts during a leadership transfer (§3.10).
 * With `oneChangeAtATime` switched off, only the last two hold.
 */
export function acceptsChange(
  s: Pick<
    RaftNode,
    'config' | 'configIndex' | 'commitIndex' | 'log' | 'currentTerm' | 'options' | 'transfer'
  >,
): boolean {
  if (s.config.state.old !== null || s.transfer !== null) return false;
  if (!s.options.rules.oneChangeAtATime) return true;
  return s.commitIndex >= s.configIndex && termAt(s.log, s.commitIndex) === s.currentTerm;
}

const changeAllowed = (c: Ctx): boolean => acceptsChange(c.s);

/** A refusal of the client's request, with the reason as a code. */
export function refuseRequest(c: Ctx, requestId: number, error: ClientErrorCode): void {
  send(c, {
    kind: 'ClientReply',
    to: CLIENT_ID,
    requestId,
    ok: false,
    index: asIndex(0),
    term: asTerm(0),
    error,
  });
}

/**
 * The leader's side of a membership request. Returns whether it appended an entry (the caller
 * then replicates it). A request the configuration in use forbids is refused with its reason.
 */
export function handleConfigRequest(
  c: Ctx,
  m: ClientRequest & { readonly command: ConfigRequest },
): boolean {
  const request = m.command;
  if (request.kind === 'transferLeadership') {
    startTransfer(c, request.to, m.requestId);
    return false;
  }
  const error = whyNot(c, request);
  if (error !== '') {
    refuseRequest(c, m.requestId, error);
    return false;
  }
  const state = c.s.config.state;
  if (request.kind === 'addServer') {
    // §4.2.1: every new server joins as a learner; one added as a voter is promoted once it
    // has caught up (maybeAdvanceConfig), and its request is answered then.
    const joining = request.voter
      ? [...state.joining, { id: request.id, requestId: m.requestId }]
      : state.joining;
    const next = { ...state, learners: sorted([...state.learners, request.id]), joining };
    appendConfig(
      c,
      next,
      { op: 'addLearner', id: request.id },
      request.voter ? undefined : m.requestId,
    );
  } else if (request.kind === 'removeServer') {
    const next: ConfigState = {
      voters: without(state.voters, request.id),
      learners: without(state.learners, request.id),
      old: null,
      joining: state.joining.filter((j) => j.id !== request.id),
    };
    appendConfig(c, next, { op: 'remove', id: request.id }, m.requestId);
    // A learner removed before its promotion: the request that added it will never be answered ok.
    const joining = state.joining.find((j) => j.id === request.id);
    if (joining?.requestId != null) refuseRequest(c, joining.requestId, 'removedWhileJoining');
  } else {
    // §4.3: C_old,new first; the leader appends C_new once it is committed.
    const voters = sorted(request.voters);
    const next: ConfigState = {
      voters,
      learners: state.learners.filter((id) => !voters.includes(id)),
      old: state.voters,
      joining: state.joining.filter((j) => !voters.includes(j.id)),
    };
    appendConfig(c, next, { op: 'enterJoint' }, m.requestId);
  }
  return true;
}

/** Why the configuration in use forbids `request`, or '' when it may go ahead. */
function whyNot(
  c: Ctx,
  request: Exclude<ConfigRequest, { kind: 'transferLeadership' }>,
): ClientErrorCode {
  const { config } = c.s;
  if (request.kind === 'addServer') {
    if (isMember(config, request.id)) return 'alreadyMember';
  } else if (request.kind === 'removeServer') {
    if (!isMember(config, request.id)) return 'notMember';
    const { voters } = config.state;
    if (voters.length === 1 && voters[0] === request.id) return 'noVoters';
  } else {
    if (request.voters.length === 0) return 'noVoters';
    if (request.voters.some((id) => !isMember(config, id))) return 'notMember';
    // §4.2.1 for joint changes too: a learner votes only once it holds everything committed.
    const behind = (id: NodeId) =>
      !isVoter(config, id) &&
      id !== c.s.id &&
      (c.s.progress[id]?.matchIndex ?? 0) < c.s.commitIndex;
    if (request.voters.some(behind)) return 'notCaughtUp';
    const same =
      request.voters.length === config.state.voters.length &&
      request.voters.every((id) => config.state.voters.includes(id));
    if (same) return 'noChange';
  }
  return changeAllowed(c) ? '' : 'changeInProgress';
}

function appendConfig(
  c: Ctx,
  config: ConfigState,
  change: ConfigChange,
  requestId: number | null | undefined,
): void {
  const s = c.s;
  const command = { kind: 'config', config, change } as const;
  const entry: Entry =
    requestId === undefined || requestId === null
      ? { term: s.currentTerm, command }
      : { term: s.currentTerm, command, requestId };
  setLog(c, append(s.log, [entry]), lastIndex(s.log) + 1);
}

/**
 * The changes a leader makes on its own, at a heartbeat: leave a joint configuration once it is
 * committed (§4.3), else promote the first learner that joined as a voter and has caught up —
 * it holds everything committed (§4.2.1). Returns whether it appended an entry.
 */
export function maybeAdvanceConfig(c: Ctx): boolean {
  const s = c.s;
  if (s.transfer !== null) return false;
  const state = s.config.state;
  if (state.old !== null) {
    if (s.commitIndex < s.configIndex) return false;
    // The joint entry carries the client's request: C_new answers it.
    const requestId = entryAt(s.log, s.configIndex)?.requestId;
    appendConfig(c, { ...state, old: null }, { op: 'leaveJoint' }, requestId);
    return true;
  }
  if (state.joining.length === 0 || !changeAllowed(c)) return false;
  for (const j of state.joining) {
    const p = s.progress[j.id];
    if (!p || p.matchIndex < s.commitIndex || p.matchIndex === 0) continue;
    const next: ConfigState = {
      voters: sorted([...state.voters, j.id]),
      learners: without(state.learners, j.id),
      old: null,
      joining: state.joining.filter((x) => x.id !== j.id),
    };
    appendConfig(c, next, { op: 'promote', id: j.id }, j.requestId);
    return true;
  }
  return false;
}

/** Whether applying this entry answers a client: a joint entry's request waits for C_new. */
export function answersClient(entry: Entry): entry is Entry & { readonly requestId: number } {
  if (entry.requestId === undefined) return false;
  return !(entry.command.kind === 'config' && entry.command.change.op === 'enterJoint');
}

/**
 * §4.2.2: a leader that is no longer a voter has been replicating the change without counting
 * itself; once that change is committed it steps down. Returns whether it did.
 */
export function maybeStepDownRemoved(c: Ctx): boolean {
  const s = c.s;
  if (s.role !== 'leader' || s.config.selfVotes || s.commitIndex < s.configIndex) return false;
  becomeFollower(c, s.currentTerm, null);
  return true;
}

// ── Leadership transfer (§3.10) ─────────────────────────────────────────────────────────

/**
 * The leader stops taking requests, brings `to` up to date and sends it TimeoutNow. It gives
 * up after the minimum election timeout if `to` never catches up.
 */
function startTransfer(c: Ctx, to: NodeId, requestId: number): void {
  const s = c.s;
  if (to === s.id) return refuseRequest(c, requestId, 'isLeader');
  if (!isVoter(s.config, to)) {
    return refuseRequest(c, requestId, isMember(s.config, to) ? 'notVoter' : 'notMember');
  }
  s.transfer = { to, until: c.now + s.options.electionTimeoutMs[0], requestId, sent: false };
  // Caught up already: hand over now; else send what it lacks at once, not at the next heartbeat.
  if (!maybeSendTimeoutNow(c, to)) sendAppend(c, to);
}

/**
 * Sends TimeoutNow once `peer`, the transfer's target, holds the leader's whole log, and tells
 * the client the hand-over has begun. Returns whether it sent it.
 */
export function maybeSendTimeoutNow(c: Ctx, peer: NodeId): boolean {
  const s = c.s;
  const t = s.transfer;
  if (t === null || t.sent || t.to !== peer) return false;
  const p = s.progress[peer];
  if (!p || p.matchIndex < lastIndex(s.log)) return false;
  send(c, { kind: 'TimeoutNow', to: peer, term: s.currentTerm });
  s.transfer = { ...t, sent: true };
  send(c, {
    kind: 'ClientReply',
    to: CLIENT_ID,
    requestId: t.requestId,
    ok: true,
    index: lastIndex(s.log),
    term: s.currentTerm,
    error: '',
  });
  return true;
}

/** A transfer that did not finish within its time ends; an unanswered client hears why. */
export function maybeAbortTransfer(c: Ctx): void {
  const s = c.s;
  const t = s.transfer;
  if (t === null || c.now < t.until) return;
  s.transfer = null;
  if (!t.sent) refuseRequest(c, t.requestId, 'transferTimedOut');
}

/** Whether a TimeoutNow of the current term reached a voter that may stand at once. */
export function acceptsTimeoutNow(c: Ctx, m: TimeoutNow): boolean {
  const s = c.s;
  return m.term === s.currentTerm && s.role !== 'leader' && s.config.selfVotes;
}
