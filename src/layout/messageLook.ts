// Layout layer: which of the visual looks a message in flight takes. One look per thing a
// student should tell apart; the legend explains each and the cluster view draws each.
import type { Message } from '../raft';

export type MessageLook =
  | 'requestVote'
  | 'preVote'
  | 'voteGranted'
  | 'voteDenied'
  | 'timeoutNow'
  | 'append'
  | 'heartbeat'
  | 'appendOk'
  | 'appendRejected'
  | 'installSnapshot'
  | 'readIndex'
  | 'readIndexReply'
  | 'clientRequest'
  | 'clientReply';

export const MESSAGE_LOOKS: readonly MessageLook[] = [
  'requestVote',
  'preVote',
  'voteGranted',
  'voteDenied',
  'timeoutNow',
  'heartbeat',
  'append',
  'appendOk',
  'appendRejected',
  'installSnapshot',
  'readIndex',
  'readIndexReply',
  'clientRequest',
  'clientReply',
];

export function messageLook(m: Message): MessageLook {
  switch (m.kind) {
    case 'RequestVote':
      return m.preVote ? 'preVote' : 'requestVote';
    case 'RequestVoteReply':
      return m.voteGranted ? 'voteGranted' : 'voteDenied';
    case 'TimeoutNow':
      return 'timeoutNow';
    case 'AppendEntries':
      return m.entries.length > 0 ? 'append' : 'heartbeat';
    case 'AppendEntriesReply':
      return m.success ? 'appendOk' : 'appendRejected';
    case 'InstallSnapshot':
      return 'installSnapshot';
    case 'ReadIndex':
      return 'readIndex';
    case 'ReadIndexReply':
      return 'readIndexReply';
    case 'ClientRequest':
      return 'clientRequest';
    case 'ClientReply':
      return 'clientReply';
  }
}

/**
 * The short glyph written on a message: entry count, ✓/✗, or a letter — T for TimeoutNow, S for
 * a snapshot (§5), R for a read (a client's, or a follower asking its leader for the read
 * index, §6.4), W for any other client request; the read index's answer carries the index.
 */
export function messageGlyph(m: Message): string {
  switch (m.kind) {
    case 'RequestVote':
      return m.preVote ? 'P' : 'V';
    case 'RequestVoteReply':
      return m.voteGranted ? '✓' : '✗';
    case 'TimeoutNow':
      return 'T';
    case 'AppendEntries':
      return m.entries.length > 0 ? String(m.entries.length) : '';
    case 'AppendEntriesReply':
      return m.success ? '✓' : '✗';
    case 'InstallSnapshot':
      return 'S';
    case 'ReadIndex':
      return 'R';
    case 'ReadIndexReply':
      return String(m.index);
    case 'ClientRequest':
      return m.command.kind === 'read' ? 'R' : 'W';
    case 'ClientReply':
      return m.ok ? '✓' : '✗';
  }
}
