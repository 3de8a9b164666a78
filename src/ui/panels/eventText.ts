// Trace events in plain words (UI layer): one translated sentence per event, e.g. "S3's election
// timer fired: it became a candidate for term 4 and asked for votes", and the category each
// belongs to for the event log's filter. It reads what the event recorded and, when given, the
// frame the event produced (the value a read returned, a write answered as a duplicate).
import type { ClientRequest, InstallSnapshot } from '../../raft';
import type { ActionDetail, TraceEvent } from '../../sim';
import type { Frame } from '../../store';
import { describeReason } from '../i18n/codes';
import type { Translate } from '../i18n/types';
import { idSet } from '../membershipText';
import { commandText, messageName, valueText } from './messageText';

export type EventKind =
  | 'election'
  | 'replication'
  | 'snapshot'
  | 'heartbeat'
  | 'client'
  | 'membership'
  | 'fault'
  | 'lost';
export const EVENT_KINDS: readonly EventKind[] = [
  'election',
  'replication',
  'snapshot',
  'heartbeat',
  'client',
  'membership',
  'fault',
  'lost',
];

/** What the event produced, as far as its words need it: the frame right after it. */
export type After = Pick<Frame, 'nodes' | 'requests'>;

/** Membership requests, as a client command's kind (set, delete and no-op are the others). */
const MEMBERSHIP = new Set(['addServer', 'removeServer', 'changeVoters', 'transferLeadership']);

type Step = Extract<TraceEvent, { kind: 'step' }>;
/** Node 0 is the client, the others are servers S1…S9. */
const nameIn = (t: Translate) => (id: number) => (id === 0 ? t('visual.cluster.client') : `S${id}`);

export function eventKind(e: TraceEvent): EventKind {
  if (e.kind === 'lost') return 'lost';
  if (e.kind === 'client') return 'client';
  if (e.kind === 'action') {
    if (e.action === 'membership') return 'membership';
    if (e.action === 'compact') return 'snapshot';
    return e.action === 'write' || e.action === 'read' ? 'client' : 'fault';
  }
  if (e.input === 'compact') return 'snapshot';
  const m = e.message;
  if (!m) return e.before.role === 'leader' && e.after.role === 'leader' ? 'heartbeat' : 'election';
  if (m.kind === 'RequestVote' || m.kind === 'RequestVoteReply' || m.kind === 'TimeoutNow')
    return 'election';
  if (m.kind === 'InstallSnapshot') return 'snapshot';
  if (m.kind === 'ClientRequest') return MEMBERSHIP.has(m.command.kind) ? 'membership' : 'client';
  if (m.kind === 'ClientReply' || m.kind === 'ReadIndex' || m.kind === 'ReadIndexReply')
    return 'client';
  const changed =
    e.after.logLength !== e.before.logLength || e.after.commitIndex !== e.before.commitIndex;
  const entries = m.kind === 'AppendEntries' && m.entries.length > 0;
  const rejected = m.kind === 'AppendEntriesReply' && !m.success;
  return changed || entries || rejected ? 'replication' : 'heartbeat';
}

/** The nodes an event involves, for the node filter. */
export function eventNodes(e: TraceEvent): number[] {
  if (e.kind === 'step') return e.message ? [e.node, e.message.from] : [e.node];
  if (e.kind === 'lost') return [e.message.from, e.message.to];
  if (e.kind === 'action') {
    const d = e.detail;
    const via = 'via' in d && d.do !== 'write' && d.do !== 'read' ? [d.via] : [];
    const voters = d.do === 'changeVoters' ? d.voters : [];
    return [...new Set([...(e.node === null ? [] : [e.node]), ...via, ...voters])];
  }
  return [];
}

export function describeTraceEvent(e: TraceEvent, t: Translate, after?: After): string {
  const name = nameIn(t);
  switch (e.kind) {
    case 'step':
      return describeStep(e, t) + describeChange(e, t);
    case 'lost':
      return t('app.ev.lost', {
        message: messageName(e.message, t, true),
        from: name(e.message.from),
        to: name(e.message.to),
        reason: t(`app.ev.reason.${e.reason.replaceAll(' ', '')}`),
      });
    case 'client':
      return describeClientEvent(e, t, after);
    case 'action':
      return describeAction(e.detail, t);
  }
}

/** The client hears back: a write applied, a read answered (with its value), a failure. */
function describeClientEvent(
  e: Extract<TraceEvent, { kind: 'client' }>,
  t: Translate,
  after?: After,
): string {
  const by = e.by === null ? '?' : nameIn(t)(e.by);
  if (e.outcome === 'ok' && e.request === 'transferLeadership') {
    return t('app.ev.transferOk', { id: e.requestId, by });
  }
  if (e.outcome === 'ok' && e.request === 'read') {
    const read = after?.requests.find((r) => r.id === e.requestId)?.read;
    return read
      ? t('app.ev.readOk', { id: e.requestId, by, value: valueText(read.value, t) })
      : t('app.ev.readOkBare', { id: e.requestId, by });
  }
  if (e.outcome === 'ok') {
    const dup = after?.requests.find((r) => r.id === e.requestId)?.answeredAsDuplicate;
    return t(dup ? 'app.ev.clientOkDuplicate' : 'app.ev.clientOk', {
      id: e.requestId,
      index: e.index ?? '?',
      by,
    });
  }
  return t('app.ev.clientFailed', {
    id: e.requestId,
    detail: e.failure ? describeReason(e.failure, t) : '?',
  });
}

/**
 * An action from its data, never from the simulator's English text. A restart from a disk with
 * a snapshot says that it loaded it (§5), as its record says.
 */
export function describeAction(d: ActionDetail, t: Translate): string {
  const name = nameIn(t);
  switch (d.do) {
    case 'crash':
    case 'timeout':
      return t(`app.ev.act.${d.do}`, { node: name(d.node) });
    case 'restart':
    case 'setDisk': {
      const p = { node: name(d.node), term: d.term, length: d.logLength };
      const loaded = d.do === 'restart' ? (d.snapshotIndex ?? 0) : 0;
      return loaded > 0
        ? t('app.ev.act.restartSnapshot', { ...p, index: loaded })
        : t(`app.ev.act.${d.do}`, p);
    }
    case 'partition':
      return t('app.ev.act.partition', {
        groups: d.groups.map((g) => `{${g.map(name).join(', ')}}`).join(' | '),
      });
    case 'cut':
    case 'restore':
      return t(`app.ev.act.${d.do === 'cut' && d.oneWay ? 'cutOneWay' : d.do}`, {
        a: name(d.a),
        b: name(d.b),
      });
    case 'heal':
      return t('app.ev.act.heal');
    case 'drop':
      return t('app.ev.act.drop', { percent: Math.round(d.rate * 100) });
    case 'write':
      return t('app.ev.act.write', {
        id: d.request,
        command: commandText(d.command, t),
        via: name(d.via),
      });
    case 'read':
      return t('app.ev.act.read', {
        id: d.request,
        command: commandText({ kind: 'read', key: d.key, mode: d.mode }, t),
        via: name(d.via),
      });
    case 'compact':
      return t('app.ev.act.compact', { node: name(d.node), index: d.index });
    case 'fault':
      return t('app.ev.act.fault', { node: name(d.node), reason: describeReason(d.reason, t) });
    case 'addServer':
      return t(d.voter ? 'app.ev.act.addServer' : 'app.ev.act.addLearner', {
        node: name(d.node),
        via: name(d.via),
        id: d.request,
      });
    case 'removeServer':
    case 'transferLeadership':
      return t(`app.ev.act.${d.do}`, { node: name(d.node), via: name(d.via), id: d.request });
    case 'changeVoters':
      return t('app.ev.act.changeVoters', {
        voters: idSet(d.voters),
        via: name(d.via),
        id: d.request,
      });
    case 'hold':
    case 'release':
    case 'dropMessage':
    case 'duplicate':
      return t(`app.ev.act.${d.do}`, {
        id: d.message,
        message: t(`app.msg.${d.kind}`),
        from: name(d.from),
        to: name(d.to),
        copy: d.copy ?? '',
      });
    case 'releaseAll':
      return t('app.ev.act.releaseAll', { ids: messageIds(d.messages, t) });
    case 'manual':
      if (d.on) return t('app.ev.act.manualOn');
      return d.released.length
        ? t('app.ev.act.manualOffReleased', { ids: messageIds(d.released, t) })
        : t('app.ev.act.manualOff');
  }
}

/** Message ids as the reader lists them: "#3, #5" or "#3、#5". */
function messageIds(ids: readonly number[], t: Translate): string {
  return ids.map((id) => `#${id}`).join(t('app.list.separator'));
}

function describeStep(e: Step, t: Translate): string {
  const name = nameIn(t);
  const p = { node: name(e.node), term: e.after.term };
  const m = e.message;
  if (e.input === 'compact') {
    return t('app.ev.compacted', { node: p.node, index: e.after.snapshotIndex });
  }
  if (!m) {
    if (e.before.role === 'leader') return t('app.ev.heartbeatTick', p);
    if (e.after.role === 'candidate') return t('app.ev.timerCandidate', p);
    if (e.after.role === 'precandidate')
      return t('app.ev.timerPreVote', { ...p, term: e.after.term + 1 });
    if (e.after.role === 'leader') return t('app.ev.timerLeader', p);
    return t('app.ev.timer', p);
  }
  const q = { ...p, from: name(m.from) };
  const reply = e.sent.find((s) => s.to === m.from);
  switch (m.kind) {
    case 'RequestVote': {
      const granted = reply?.kind === 'RequestVoteReply' && reply.voteGranted;
      const pre = m.preVote ? 'Pre' : '';
      return t(`app.ev.vote${pre}${granted ? 'Granted' : 'Denied'}`, { ...q, term: m.term });
    }
    case 'RequestVoteReply':
      if (e.after.role === 'leader' && e.before.role !== 'leader')
        return t('app.ev.wonElection', q);
      if (e.before.role === 'precandidate' && e.after.role === 'candidate') {
        return t('app.ev.wonPreVote', q);
      }
      return t(m.voteGranted ? 'app.ev.gotVote' : 'app.ev.refusedVote', q);
    case 'AppendEntries': {
      if (reply?.kind === 'AppendEntriesReply' && !reply.success) {
        return t('app.ev.appendRejected', { ...q, index: m.prevLogIndex });
      }
      if (m.entries.length === 0) return t('app.ev.heartbeatGot', { ...q, term: m.term });
      return t('app.ev.appendStored', { ...q, count: m.entries.length, length: e.after.logLength });
    }
    case 'AppendEntriesReply':
      if (!m.success) return t('app.ev.replyRejected', { ...q, index: m.index });
      return e.after.commitIndex > e.before.commitIndex
        ? t('app.ev.replyCommitted', { ...q, index: m.index, commit: e.after.commitIndex })
        : t('app.ev.replyOk', { ...q, index: m.index });
    case 'TimeoutNow':
      return e.after.role === 'candidate' && e.before.role !== 'candidate'
        ? t('app.ev.timeoutNow', { ...q, term: e.after.term })
        : t('app.ev.timeoutNowIgnored', q);
    case 'InstallSnapshot':
      return describeInstall(e, m, t);
    case 'ReadIndex':
      return t('app.ev.readIndexAsked', { ...q, id: m.requestId });
    case 'ReadIndexReply':
      return t('app.ev.readIndexGot', {
        ...q,
        id: m.requestId,
        index: m.index,
        k: m.confirmedBy.length,
      });
    case 'ClientRequest':
      return describeRequestStep(e, m, t);
    case 'ClientReply':
      return t('app.ev.replyToClient', { ...q, id: m.requestId });
  }
}

/**
 * A follower given the leader's snapshot (§5): it installed it — its state machine is now the
 * snapshot's, keeping the entries after it when its log matched there (§5.1) — or it had
 * committed that far already and kept its own.
 */
function describeInstall(e: Step, m: InstallSnapshot, t: Translate): string {
  const index = m.snapshot.lastIncludedIndex;
  const p = { node: nameIn(t)(e.node), from: nameIn(t)(m.from), index };
  if (e.after.snapshotIndex !== index || e.before.snapshotIndex === index)
    return t('app.ev.snapshotKept', p);
  return t(
    e.after.logLength > index ? 'app.ev.snapshotInstalledKept' : 'app.ev.snapshotInstalled',
    {
      ...p,
      term: m.snapshot.lastIncludedTerm,
    },
  );
}

/**
 * A server handling a client request: it appended it, forwarded it, refused it (with the reason
 * its reply gave), or — a leadership transfer — began handing over or sent TimeoutNow at once.
 */
function describeRequestStep(e: Step, m: ClientRequest, t: Translate): string {
  const name = nameIn(t);
  const c = { node: name(e.node), id: m.requestId, command: commandText(m.command, t) };
  if (e.after.logLength > e.before.logLength) {
    return t('app.ev.requestAppended', { ...c, index: e.after.logLength });
  }
  const forward = e.sent.find((s) => s.kind === 'ClientRequest');
  if (forward) return t('app.ev.requestForwarded', { ...c, to: name(forward.to) });
  const answer = e.sent.find((s) => s.kind === 'ClientReply' && s.ok);
  if (answer?.kind === 'ClientReply' && answer.proof) {
    return t(`app.ev.readAnswered.${answer.proof.mode}`, {
      ...c,
      value: valueText(answer.value, t),
    });
  }
  if (answer?.kind === 'ClientReply' && answer.duplicate) {
    return t('app.ev.requestDuplicate', { ...c, index: answer.index });
  }
  const asked = e.sent.find((s) => s.kind === 'ReadIndex');
  if (asked) return t('app.ev.readAskedLeader', { ...c, to: name(asked.to) });
  const refusal = e.sent.find((s) => s.kind === 'ClientReply' && !s.ok);
  if (refusal?.kind === 'ClientReply' && refusal.error && refusal.error !== 'noLeaderKnown') {
    const reason = describeReason({ code: refusal.error, node: e.node }, t);
    return t('app.ev.requestRefusedWhy', { ...c, reason });
  }
  if (m.command.kind === 'transferLeadership' && !refusal) {
    const to = name(m.command.to);
    const sent = e.sent.some((s) => s.kind === 'TimeoutNow');
    return t(sent ? 'app.ev.transferSent' : 'app.ev.transferStarted', { ...c, to });
  }
  // A read the leader holds until it is safe: a heartbeat round (readIndex), or its lease.
  if (m.command.kind === 'read' && !refusal) return t('app.ev.readHeld', c);
  return t('app.ev.requestRefused', c);
}

/** What else changed: a commit a heartbeat carried, a higher term adopted, a leader stepping down. */
function describeChange(e: Step, t: Translate): string {
  const parts: string[] = [];
  const { before: b, after: a } = e;
  if (b.role === 'leader' && a.role !== 'leader')
    parts.push(t('app.ev.stepDown', { term: a.term }));
  else if (a.term > b.term && a.role === 'follower')
    parts.push(t('app.ev.newTerm', { term: a.term }));
  const kind = e.message?.kind;
  // A reply that committed, and an installed snapshot, say what they committed themselves.
  if (
    a.commitIndex > b.commitIndex &&
    kind !== 'AppendEntriesReply' &&
    kind !== 'InstallSnapshot'
  ) {
    parts.push(t('app.ev.commitAdvanced', { commit: a.commitIndex }));
  }
  return parts.join('');
}
