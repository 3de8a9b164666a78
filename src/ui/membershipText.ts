// Membership in the reader's words (UI layer; Raft thesis ch. 4, §3.10): a configuration entry
// as the log shows it ("+S4 learner", "−S2", "joint {1,2,3}→{3,4,5}"), a membership request as
// the client sends it, and the tag a server wears when it is not a plain voter. Every fact comes
// from the frame (the node's `member`, its own configuration, the facts' joint halves); this file
// only picks the words.
import type { Command, ConfigRequest } from '../raft';
import type { ClusterFacts } from '../sim';
import type { NodeFrame } from '../store/frame';
import type { Translate } from './i18n/types';

/** Server ids as a set: {1,2,3}. */
export const idSet = (ids: readonly number[]): string => `{${ids.join(',')}}`;

/** Server names as a list: S1, S2 (or S1、S2). */
export const nameList = (ids: readonly number[], t: Translate): string =>
  ids.map((id) => `S${id}`).join(t('app.list.separator'));

type ConfigCommand = Extract<Command, { kind: 'config' }>;

/**
 * A configuration entry by the change it made: "+S4 learner", "S4 votes", "−S2", "joint …"; with
 * `short`, what a narrow log cell can show: "+S4", "S4 votes", "−S2", "joint →{3,4,5}".
 */
export function configEntryText(command: ConfigCommand, t: Translate, short = false): string {
  const change = command.change;
  const key = (op: string) => `member.${short ? 'cmdShort' : 'cmd'}.${op}`;
  switch (change.op) {
    case 'addLearner':
    case 'promote':
    case 'remove':
      return t(key(change.op), { id: change.id });
    case 'enterJoint':
      return t(key('enterJoint'), {
        old: idSet(command.config.old ?? []),
        new: idSet(command.config.voters),
      });
    case 'leaveJoint':
      return t(key('leaveJoint'), { new: idSet(command.config.voters) });
  }
}

/** What a membership request asks: "add S6", "remove S2", "voters → {1,3,4}", … */
export function configRequestText(request: ConfigRequest, t: Translate): string {
  switch (request.kind) {
    case 'addServer':
      return t(request.voter ? 'member.req.addServer' : 'member.req.addLearner', {
        id: request.id,
      });
    case 'removeServer':
      return t('member.req.removeServer', { id: request.id });
    case 'changeVoters':
      return t('member.req.changeVoters', { voters: idSet(request.voters) });
    case 'transferLeadership':
      return t('member.req.transferLeadership', { to: request.to });
  }
}

export type MemberTag = 'learner' | 'removed' | 'joining' | 'oldOnly' | 'newOnly' | 'transfer';

/**
 * Why a server is not simply a voter of the configuration in use, or null when it is one:
 * a learner; outside it, either never taken in (its own configuration names no voter yet) or
 * removed; during a joint change, voting in one half only; a leader handing over.
 */
export function memberTagOf(node: NodeFrame, facts: ClusterFacts): MemberTag | null {
  if (node.member === 'learner') return 'learner';
  if (node.member === 'outside')
    return node.voters.length === 0 && node.joint === null ? 'joining' : 'removed';
  if (node.alive && node.role === 'leader' && node.transferTo !== null) return 'transfer';
  if (facts.joint) {
    const inOld = facts.joint.old.includes(node.id);
    const inNew = facts.joint.new.includes(node.id);
    if (inOld && !inNew) return 'oldOnly';
    if (inNew && !inOld) return 'newOnly';
  }
  return null;
}

/** The tag in words, e.g. "learner · cannot vote", "removed", "handing over to S3". */
export function memberTagText(node: NodeFrame, facts: ClusterFacts, t: Translate): string | null {
  const tag = memberTagOf(node, facts);
  return tag === null ? null : t(`member.tag.${tag}`, { to: node.transferTo ?? 0 });
}
