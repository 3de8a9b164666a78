// Messages and commands in the reader's words (UI layer): a message's name, bare for a title or
// with its article for a sentence ("an AppendEntries", "a heartbeat"), what a message in flight
// carries, and a log command. The articles are data in the dictionaries, never guessed from a
// first letter.
import type { ClientCommand } from '../../raft';
import type { Message } from '../../sim';
import { describeCommand } from '../../store';
import { describeReason } from '../i18n/codes';
import type { Translate } from '../i18n/types';
import { configEntryText, configRequestText } from '../membershipText';

/** Every name a message goes by in prose: its kind, split where the reader sees two things. */
export const MESSAGE_NAMES = [
  'RequestVote',
  'PreVote',
  'RequestVoteReply',
  'PreVoteReply',
  'AppendEntries',
  'heartbeat',
  'AppendEntriesReply',
  'TimeoutNow',
  'InstallSnapshot',
  'ReadIndex',
  'ReadIndexReply',
  'ClientRequest',
  'ClientReply',
] as const;
export type MessageName = (typeof MESSAGE_NAMES)[number];

/** A PreVote probe and a heartbeat are named as the reader sees them, not by their record kind. */
export function messageNameOf(m: Message): MessageName {
  if (m.kind === 'AppendEntries' && m.entries.length === 0) return 'heartbeat';
  if (m.kind === 'RequestVote' && m.preVote) return 'PreVote';
  if (m.kind === 'RequestVoteReply' && m.preVote) return 'PreVoteReply';
  return m.kind;
}

/** "AppendEntries" for a title; with `article`, "an AppendEntries" for a sentence. */
export function messageName(m: Message, t: Translate, article = false): string {
  return t(`app.msg.${messageNameOf(m)}${article ? '.a' : ''}`);
}

/**
 * A command as the reader reads it: `set x=1`, `delete x`, `append x+=a` as written, a read as
 * `read x` with its mode in words ("read x (ReadIndex)"), and in words the no-op, a
 * configuration entry ("+S4 learner", "joint {1,2,3}→{3,4,5}") and a membership request.
 */
export function commandText(command: ClientCommand, t: Translate): string {
  switch (command.kind) {
    case 'set':
    case 'delete':
    case 'append':
      return describeCommand(command);
    case 'read':
      return t('read.command', {
        command: `read ${command.key}`,
        mode: t(`read.mode.${command.mode}`),
      });
    case 'noop':
      return t('app.command.noop');
    case 'config':
      return configEntryText(command, t);
    default:
      return configRequestText(command, t);
  }
}

/** A read's value as the reader sees it: the string in quotes, or "no such key" in words. */
export function valueText(value: string | null | undefined, t: Translate): string {
  return value === null || value === undefined ? t('read.noKey') : JSON.stringify(value);
}

/** What a message carries, in one line: its tooltip and accessible name on the network. */
export function messageSummary(m: Message, t: Translate): string {
  const name = messageName(m, t);
  switch (m.kind) {
    case 'RequestVote':
      return t('app.msgSum.vote', {
        name,
        term: m.term,
        lastLogIndex: m.lastLogIndex,
        lastLogTerm: m.lastLogTerm,
      });
    case 'RequestVoteReply':
      return t(m.voteGranted ? 'app.msgSum.voteGranted' : 'app.msgSum.voteDenied', {
        name,
        term: m.term,
      });
    case 'AppendEntries':
      return t(m.entries.length === 0 ? 'app.msgSum.heartbeat' : 'app.msgSum.append', {
        name,
        term: m.term,
        count: m.entries.length,
        prevLogIndex: m.prevLogIndex,
        prevLogTerm: m.prevLogTerm,
        leaderCommit: m.leaderCommit,
      });
    case 'AppendEntriesReply':
      return m.success
        ? t('app.msgSum.appendOk', { name, term: m.term, index: m.index })
        : t('app.msgSum.appendRejected', {
            name,
            term: m.term,
            conflictIndex: m.conflictIndex,
            conflictTerm: m.conflictTerm,
          });
    case 'TimeoutNow':
      return t('app.msgSum.timeoutNow', { name, term: m.term });
    case 'InstallSnapshot':
      return t('app.msgSum.installSnapshot', {
        name,
        term: m.term,
        index: m.snapshot.lastIncludedIndex,
        snapTerm: m.snapshot.lastIncludedTerm,
      });
    case 'ReadIndex':
      return t('app.msgSum.readIndex', { name, term: m.term, id: m.requestId });
    case 'ReadIndexReply':
      return t('app.msgSum.readIndexReply', {
        name,
        term: m.term,
        id: m.requestId,
        index: m.index,
        k: m.confirmedBy.length,
      });
    case 'ClientRequest':
      return t('app.msgSum.request', { name, id: m.requestId, command: commandText(m.command, t) });
    case 'ClientReply':
      if (m.ok && m.proof)
        return t('app.msgSum.replyRead', {
          name,
          id: m.requestId,
          value: valueText(m.value, t),
          mode: t(`read.mode.${m.proof.mode}`),
        });
      if (m.ok && m.duplicate)
        return t('app.msgSum.replyDuplicate', { name, id: m.requestId, index: m.index });
      return m.ok
        ? t('app.msgSum.replyOk', { name, id: m.requestId, index: m.index })
        : t('app.msgSum.replyFailed', {
            name,
            id: m.requestId,
            reason: describeReason({ code: m.error || 'noLeaderKnown', node: m.from }, t),
          });
  }
}
