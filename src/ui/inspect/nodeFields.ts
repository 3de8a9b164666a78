// The fields of one node for the inspector, in Figure 2's order and spelling: persistent state
// (currentTerm, votedFor, log[]), volatile state, leader state, then what the simulator adds —
// among it the configuration this server uses (thesis §4.1) and what it is in the one in use.
import { describeLost } from '../nodeText';
import type { Frame, NodeFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';
import { describeReason } from '../i18n/codes';
import { commandText } from '../panels/messageText';
import type { Field } from './FieldList';
import { describeRejectionFully } from '../log/rejectionText';
import { idSet } from '../membershipText';
import { lastIndexOf } from '../../store';

/**
 * The log as `[1:t1 set x=1, 2:t1 no-op, …]` (in 中文 `1:任期 1 set x=1`); only entries[0 …
 * length−1] are read, and only the newest `newest` of them. After a snapshot (§5) the indexes
 * go on from it: `[…120, 121:t2 set x=1]`, the snapshot itself being a field of its own.
 */
export function describeLog(node: NodeFrame, t: Translate, newest = 30): string {
  const { entries, length, base } = node.log;
  if (length === 0) return '[]';
  const from = Math.max(0, length - newest);
  const parts: string[] = [];
  for (let i = from; i < length; i++) {
    const e = entries[i]!;
    parts.push(
      t('visual.field.entry', {
        index: base + i + 1,
        term: e.term,
        command: commandText(e.command, t),
      }),
    );
  }
  return `[${base + from > 0 ? `…${base + from}, ` : ''}${parts.join(', ')}]`;
}

/** The snapshot on disk (§5), or null: it survives a crash with the log after it. */
function snapshotField(node: NodeFrame, t: Translate): Field {
  const s = node.snapshot;
  return {
    name: 'snapshot',
    gloss: t('snap.field.snapshot'),
    value: s
      ? t('snap.strip.label', { index: s.lastIncludedIndex, term: s.lastIncludedTerm })
      : t('visual.field.none'),
  };
}

/** The reads this server holds (§6.4), each with how far it got; none: no field. */
function readsField(node: NodeFrame, t: Translate): Field[] {
  if (node.reads.length === 0) return [];
  const one = (r: NodeFrame['reads'][number]) =>
    t(
      r.index < 0
        ? 'read.field.waiting'
        : r.confirmedBy === null
          ? 'read.field.noted'
          : 'read.field.safe',
      {
        id: r.requestId,
        mode: t(`read.mode.${r.mode}`),
        index: r.index,
        k: r.confirmedBy?.length ?? 0,
        from: `S${r.origin}`,
      },
    );
  return [{ name: 'reads', gloss: t('read.field.reads'), value: node.reads.map(one).join('; ') }];
}

export function nodeFields(node: NodeFrame, frame: Frame, t: Translate): Field[] {
  const g = (key: string) => t(`visual.field.${key}`);
  const name = (id: number | null) => (id === null ? t('visual.field.none') : `S${id}`);
  const fields: Field[] = [
    {
      name: 'state',
      gloss: g('state'),
      value: node.alive ? t(`visual.role.${node.role}`) : t('visual.node.crashed'),
    },
    { name: 'currentTerm', gloss: g('currentTerm'), value: String(node.term) },
    { name: 'votedFor', gloss: g('votedFor'), value: name(node.votedFor) },
    {
      name: 'log[]',
      gloss: t('visual.field.log', { count: node.log.length }),
      value: describeLog(node, t),
    },
    snapshotField(node, t),
  ];
  if (node.alive) {
    fields.push(
      { name: 'commitIndex', gloss: g('commitIndex'), value: String(node.commitIndex) },
      { name: 'lastApplied', gloss: g('lastApplied'), value: String(node.lastApplied) },
      { name: 'leaderId', gloss: g('leaderId'), value: name(node.leaderId) },
      ...readsField(node, t),
    );
    if (node.role === 'leader') {
      const list = (key: 'nextIndex' | 'matchIndex') =>
        node.progress.map((p) => `S${p.id}: ${p[key]}`).join(', ') || '—';
      fields.push(
        { name: 'nextIndex[]', gloss: g('nextIndex'), value: list('nextIndex') },
        { name: 'matchIndex[]', gloss: g('matchIndex'), value: list('matchIndex') },
        {
          name: 'flow',
          gloss: g('flow'),
          value:
            node.progress
              .map((p) => `S${p.id}: ${t(`visual.flow.${p.state}`, { count: p.inflight })}`)
              .join(', ') || '—',
        },
        {
          name: 'heartbeatDeadline',
          gloss: g('heartbeatDeadline'),
          value: t('visual.field.at', { ms: node.heartbeatDeadline }),
        },
      );
    } else {
      fields.push({
        name: 'electionDeadline',
        gloss: g('electionDeadline'),
        value: t('visual.field.deadline', {
          at: node.electionDeadline,
          timeout: node.electionTimeoutMs,
          left: Math.max(0, node.electionDeadline - frame.at),
        }),
      });
    }
    if (node.role === 'candidate' || node.role === 'precandidate') {
      fields.push({
        name: 'votes',
        gloss: g('votes'),
        value: node.votes.map((v) => `S${v}`).join(', ') || '—',
      });
    }
    if (node.rejection)
      fields.push({
        name: 'rejection',
        gloss: t('log.field.rejection'),
        value: describeRejectionFully(node.rejection, t),
        tone: 'warn',
      });
    if (node.cutOff)
      fields.push({
        name: 'cutOff',
        gloss: g('cutOff'),
        value: t('visual.node.cutOff'),
        tone: 'warn',
      });
  } else {
    fields.push({
      name: 'disk',
      gloss: g('disk'),
      value: t('visual.node.disk', {
        term: node.term,
        vote: node.votedFor === null ? '—' : `S${node.votedFor}`,
        length: lastIndexOf(node.log),
      }),
    });
    if (node.lost) {
      fields.push({
        name: 'lost',
        gloss: g('lost'),
        value: describeLost(node.lost, t),
        tone: 'lost',
      });
    }
  }
  if (node.fault)
    fields.push({
      name: 'fault',
      gloss: g('fault'),
      value: describeReason(node.fault, t),
      tone: 'warn',
    });
  return [...fields, ...configFields(node, t)];
}

/**
 * The configuration this server uses — the latest in its own log, committed or not (§4.1) — and
 * what it is in the configuration in use; a leader handing over names its successor (§3.10).
 */
function configFields(node: NodeFrame, t: Translate): Field[] {
  const g = (key: string) => t(`member.field.${key}`);
  const fields: Field[] = node.joint
    ? [
        {
          name: 'joint',
          gloss: g('joint'),
          value: `${idSet(node.joint.old)} → ${idSet(node.joint.new)}`,
        },
      ]
    : [{ name: 'voters', gloss: g('voters'), value: idSet(node.voters) }];
  if (node.learners.length > 0)
    fields.push({ name: 'learners', gloss: g('learners'), value: idSet(node.learners) });
  fields.push({
    name: 'member',
    gloss: g('member'),
    value: t(`member.value.${node.member}`),
    ...(node.member === 'voter' ? {} : { tone: 'warn' as const }),
  });
  if (node.transferTo !== null)
    fields.push({ name: 'transferTo', gloss: g('transferTo'), value: `S${node.transferTo}` });
  return fields;
}
