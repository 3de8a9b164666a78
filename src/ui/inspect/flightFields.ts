// The fields of one message in flight for the inspector, with Figure 2's argument and result
// names (the sender appears as candidateId or leaderId, as the paper names it); InstallSnapshot
// with Figure 13's (lastIncludedIndex, lastIncludedTerm), reads and sessions with the thesis's
// words (§6.3, §6.4).
import type { FlightFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';
import { describeReason } from '../i18n/codes';
import { commandText, messageName, valueText } from '../panels/messageText';
import { nameList } from '../membershipText';
import type { Field } from './FieldList';

const who = (id: number, t: Translate) => (id === 0 ? t('visual.cluster.client') : `S${id}`);

export function flightFields(f: FlightFrame, t: Translate): Field[] {
  const m = f.message;
  const g = (key: string) => t(`visual.field.${key}`);
  const fields: Field[] = [
    { name: 'kind', gloss: g('kind'), value: messageName(m, t) },
    { name: 'from → to', gloss: g('route'), value: `${who(m.from, t)} → ${who(m.to, t)}` },
    { name: 'sentAt', gloss: g('sentAt'), value: t('visual.field.at', { ms: f.sentAt }) },
    { name: 'arriveAt', gloss: g('arriveAt'), value: t('visual.field.at', { ms: f.arriveAt }) },
  ];
  if (f.held) {
    fields.push({
      name: 'held',
      gloss: t('msg.field.held'),
      value: t('msg.field.heldValue', { to: who(m.to, t) }),
      tone: 'warn',
    });
  }
  if (f.lostAt !== null) {
    fields.push({
      name: 'lostAt',
      gloss: g('lostAt'),
      value: t('visual.field.lostAtValue', {
        at: t('visual.field.at', { ms: f.lostAt }),
        reason: t(`visual.loss.${(f.lossReason ?? 'dropped').replaceAll(' ', '')}`),
      }),
      tone: 'lost',
    });
  }
  const add = (name: string, value: string | number | boolean) =>
    fields.push({
      name,
      gloss:
        name === 'transfer'
          ? t('member.field.transfer')
          : READ_FIELDS.has(name)
            ? t(`read.field.${name}`)
            : g(name === 'leaderId' ? 'senderLeaderId' : name.replace('[]', '')),
      value: typeof value === 'boolean' ? t(`visual.field.${value}`) : String(value),
    });
  switch (m.kind) {
    case 'RequestVote':
      add('term', m.term);
      add('candidateId', `S${m.from}`);
      add('lastLogIndex', m.lastLogIndex);
      add('lastLogTerm', m.lastLogTerm);
      add('preVote', m.preVote);
      if (m.transfer) add('transfer', true);
      break;
    case 'TimeoutNow':
      add('term', m.term);
      add('leaderId', `S${m.from}`);
      break;
    case 'RequestVoteReply':
      add('term', m.term);
      add('voteGranted', m.voteGranted);
      add('preVote', m.preVote);
      break;
    case 'AppendEntries':
      add('term', m.term);
      add('leaderId', `S${m.from}`);
      add('prevLogIndex', m.prevLogIndex);
      add('prevLogTerm', m.prevLogTerm);
      add(
        'entries[]',
        m.entries.length === 0
          ? t('visual.field.heartbeatEmpty')
          : m.entries
              .map((e, i) =>
                t('visual.field.entry', {
                  index: m.prevLogIndex + i + 1,
                  term: e.term,
                  command: commandText(e.command, t),
                }),
              )
              .join(', '),
      );
      add('leaderCommit', m.leaderCommit);
      break;
    case 'AppendEntriesReply':
      add('term', m.term);
      add('success', m.success);
      add('index', m.index);
      if (!m.success) {
        add('conflictTerm', m.conflictTerm);
        add('conflictIndex', m.conflictIndex);
      }
      break;
    case 'InstallSnapshot':
      add('term', m.term);
      add('leaderId', `S${m.from}`);
      add('lastIncludedIndex', m.snapshot.lastIncludedIndex);
      add('lastIncludedTerm', m.snapshot.lastIncludedTerm);
      add('data', t('read.field.dataValue', { count: m.snapshot.kv.length }));
      break;
    case 'ReadIndex':
      add('term', m.term);
      add('requestId', m.requestId);
      break;
    case 'ReadIndexReply':
      add('term', m.term);
      add('requestId', m.requestId);
      add('readIndex', m.index);
      add('confirmedBy', nameList(m.confirmedBy, t));
      break;
    case 'ClientRequest':
      add('requestId', m.requestId);
      add('command', commandText(m.command, t));
      add('hops', m.hops);
      if (m.session) add('session', t('read.sessionValue', { ...m.session }));
      break;
    case 'ClientReply':
      clientReplyFields(m, add, t);
      break;
  }
  return fields;
}

/** The names of the fields worded in the read.* part (snapshots, reads, sessions). */
const READ_FIELDS = new Set([
  'lastIncludedIndex',
  'lastIncludedTerm',
  'data',
  'readIndex',
  'confirmedBy',
  'session',
  'value',
  'mode',
  'leaseUntil',
  'duplicate',
]);

/** A reply's fields: a read's value and how it was checked, a write's duplicate, a refusal. */
function clientReplyFields(
  m: Extract<FlightFrame['message'], { kind: 'ClientReply' }>,
  add: (name: string, value: string | number | boolean) => void,
  t: Translate,
): void {
  add('requestId', m.requestId);
  add('ok', m.ok);
  add('index', m.index);
  add('term', m.term);
  if (m.error) add('error', describeReason({ code: m.error, node: m.from }, t));
  if (m.proof) {
    add('value', valueText(m.value, t));
    add('mode', t(`read.mode.${m.proof.mode}`));
    if (m.proof.mode === 'readIndex') add('confirmedBy', nameList(m.proof.confirmedBy, t));
    if (m.proof.mode === 'lease')
      add('leaseUntil', t('visual.field.at', { ms: m.proof.leaseUntil }));
  }
  if (m.duplicate) add('duplicate', true);
}
