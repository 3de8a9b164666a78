// Trace events in plain words (UI layer): one translated sentence per event, e.g. "S3's election
// timer fired: it became a candidate for term 4 and asked for votes", and the category each
// belongs to for the event log's filter. It only reads what the event recorded.
import type { ClientRequest } from '../../raft';
import type { ActionDetail, TraceEvent } from '../../sim';
import { describeReason } from '../i18n/codes';
import type { Translate } from '../i18n/types';
import { idSet } from '../membershipText';
import { commandText, messageName } from './messageText';

export type EventKind =
  'election' | 'replication' | 'heartbeat' | 'client' | 'membership' | 'fault' | 'lost';
export const EVENT_KINDS: readonly EventKind[] = [
  'election',
  'replication',
  'heartbeat',
  'client',
  'membership',
  'fault',
  'lost',
];

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
    return e.action === 'write' ? 'client' : 'fault';
  }
  const m = e.message;
  if (!m) return e.before.role === 'leader' && e.after.role === 'leader' ? 'heartbeat' : 'election';
  if (m.kind === 'RequestVote' || m.kind === 'RequestVoteReply' || m.kind === 'TimeoutNow')
    return 'election';
  if (m.kind === 'ClientRequest') return MEMBERSHIP.has(m.command.kind) ? 'membership' : 'client';
  if (m.kind === 'ClientReply') return 'client';
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
    const via = 'via' in d && d.do !== 'write' ? [d.via] : [];
    const voters = d.do === 'changeVoters' ? d.voters : [];
    return [...new Set([...(e.node === null ? [] : [e.node]), ...via, ...voters])];
  }
  return [];
}

export function describeTraceEvent(e: TraceEvent, t: Translate): string {
  const name = nameIn(t);
  switch (e.kind) {
    case 'step':
      return describeStep(e, t) + describeChange(e, t);
    case 'lost':
      return t('app.ev.lost', {
        message: messageName(e.message, t, true),
        from: name(e.message.from),
        to: name(e.message.to),
        reason: t(`app.ev.reason.${e.reason.replace(' ', '')}`),
      });
    case 'client':
      if (e.outcome === 'ok' && e.request === 'transferLeadership') {
        return t('app.ev.transferOk', { id: e.requestId, by: e.by === null ? '?' : name(e.by) });
      }
      if (e.outcome === 'ok') {
        return t('app.ev.clientOk', {
          id: e.requestId,
          index: e.index ?? '?',
          by: e.by === null ? '?' : name(e.by),
        });
      }
      return t('app.ev.clientFailed', {
        id: e.requestId,
        detail: e.failure ? describeReason(e.failure, t) : '?',
      });
    case 'action':
      return describeAction(e.detail, t);
  }
}

/** An action from its data, never from the simulator's English text. */
export function describeAction(d: ActionDetail, t: Translate): string {
  const name = nameIn(t);
  switch (d.do) {
    case 'crash':
    case 'timeout':
      return t(`app.ev.act.${d.do}`, { node: name(d.node) });
    case 'restart':
    case 'setDisk':
      return t(`app.ev.act.${d.do}`, { node: name(d.node), term: d.term, length: d.logLength });
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
  }
}

function describeStep(e: Step, t: Translate): string {
  const name = nameIn(t);
  const p = { node: name(e.node), term: e.after.term };
  const m = e.message;
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
    case 'ClientRequest':
      return describeRequestStep(e, m, t);
    case 'ClientReply':
      return t('app.ev.replyToClient', { ...q, id: m.requestId });
  }
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
  if (a.commitIndex > b.commitIndex && kind !== 'AppendEntriesReply') {
    parts.push(t('app.ev.commitAdvanced', { commit: a.commitIndex }));
  }
  return parts.join('');
}
