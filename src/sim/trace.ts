// The record of a run: one event per thing that happened, a stable one-line description of
// each, and a running digest over them so two runs can be compared by one number.
import type { Message, NodeId, Role, Term } from '../raft';
import { CLIENT_ID, describeCommand } from '../raft';

/** What a node looked like just before or after an event. */
export interface Brief {
  readonly role: Role;
  readonly term: Term;
  readonly commitIndex: number;
  readonly logLength: number;
}

export type TraceEvent =
  | {
      readonly kind: 'step';
      readonly seq: number;
      readonly at: number;
      readonly node: NodeId;
      readonly input: 'tick' | 'timeout' | 'message';
      readonly message: Message | null;
      readonly before: Brief;
      readonly after: Brief;
      readonly sent: readonly Message[];
    }
  | {
      readonly kind: 'lost';
      readonly seq: number;
      readonly at: number;
      readonly message: Message;
      readonly reason: LossReason;
    }
  | {
      readonly kind: 'client';
      readonly seq: number;
      readonly at: number;
      readonly requestId: number;
      readonly outcome: 'ok' | 'failed';
      readonly detail: string;
    }
  | {
      readonly kind: 'action';
      readonly seq: number;
      readonly at: number;
      readonly action: ActionName;
      readonly node: NodeId | null;
      readonly text: string;
    };

export type LossReason = 'dropped' | 'partitioned' | 'receiver down';
export type ActionName =
  'crash' | 'restart' | 'partition' | 'cut' | 'heal' | 'drop rate' | 'write' | 'timeout' | 'fault';

export const nodeName = (id: NodeId): string => (id === CLIENT_ID ? 'client' : `S${id}`);

const ROLE_WORD: Record<Role, string> = {
  follower: 'follower',
  precandidate: 'pre-candidate',
  candidate: 'candidate',
  leader: 'leader',
};

/** One stable line per event, e.g. `t=312ms S3 election timeout → candidate, term 2`. */
export function describeEvent(e: TraceEvent): string {
  const head = `t=${e.at}ms`;
  switch (e.kind) {
    case 'step':
      return `${head} ${nodeName(e.node)} ${describeStep(e)}`;
    case 'lost':
      return `${head} ${describeMessage(e.message)} ${nodeName(e.message.from)}→${nodeName(e.message.to)} lost (${e.reason})`;
    case 'client':
      return `${head} client request #${e.requestId} ${e.outcome}${e.detail ? `: ${e.detail}` : ''}`;
    case 'action':
      return `${head} ${e.text}`;
  }
}

function describeStep(e: Extract<TraceEvent, { kind: 'step' }>): string {
  const what =
    e.input === 'message' && e.message
      ? `← ${nodeName(e.message.from)} ${describeMessage(e.message)}`
      : e.input === 'timeout'
        ? 'election timer forced'
        : e.before.role === 'leader'
          ? 'heartbeat timer'
          : 'election timeout';
  const changes: string[] = [];
  if (e.after.role !== e.before.role || e.after.term !== e.before.term) {
    changes.push(`${ROLE_WORD[e.after.role]}, term ${e.after.term}`);
  }
  if (e.after.logLength !== e.before.logLength) changes.push(`log ${e.after.logLength}`);
  if (e.after.commitIndex !== e.before.commitIndex) changes.push(`commit ${e.after.commitIndex}`);
  const replies = e.sent.filter((m) => m.kind === 'RequestVoteReply' || m.kind === 'ClientReply');
  const outcome = replies.map(describeMessage).join(', ');
  const changed = changes.length ? ` → ${changes.join(', ')}` : '';
  return `${what}${changed}${outcome ? `: ${outcome}` : ''}`;
}

/** A message in a few words, e.g. `AppendEntries(term 3, prev 4@2, 2 entries, commit 4)`. */
export function describeMessage(m: Message): string {
  switch (m.kind) {
    case 'RequestVote':
      return `${m.preVote ? 'PreVote' : 'RequestVote'}(term ${m.term}, last ${m.lastLogIndex}@${m.lastLogTerm})`;
    case 'RequestVoteReply':
      return `${m.preVote ? 'pre-vote' : 'vote'} ${m.voteGranted ? 'granted' : 'denied'} (term ${m.term})`;
    case 'AppendEntries':
      return `AppendEntries(term ${m.term}, prev ${m.prevLogIndex}@${m.prevLogTerm}, ${m.entries.length} ${m.entries.length === 1 ? 'entry' : 'entries'}, commit ${m.leaderCommit})`;
    case 'AppendEntriesReply':
      return m.success
        ? `AppendEntries ok (term ${m.term}, match ${m.index})`
        : `AppendEntries rejected (term ${m.term}, hint ${m.conflictIndex}@${m.conflictTerm})`;
    case 'ClientRequest':
      return `request #${m.requestId} ${describeCommand(m.command)}`;
    case 'ClientReply':
      return m.ok
        ? `reply #${m.requestId} ok at ${m.index}`
        : `reply #${m.requestId} failed: ${m.error}`;
  }
}

/** FNV-1a over 32-bit words: cheap enough to run on every event. */
export function mixHash(hash: number, word: number): number {
  let h = hash;
  for (let shift = 0; shift < 32; shift += 8) {
    h ^= (word >>> shift) & 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function mixString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = mixHash(h, text.charCodeAt(i));
  return h;
}

export const HASH_SEED = 0x811c9dc5;

const MESSAGE_CODE: Record<Message['kind'], number> = {
  RequestVote: 1,
  RequestVoteReply: 2,
  AppendEntries: 3,
  AppendEntriesReply: 4,
  ClientRequest: 5,
  ClientReply: 6,
};

/** Folds the fields that define a message into `hash`. */
export function hashMessage(hash: number, m: Message): number {
  let h = mixHash(hash, MESSAGE_CODE[m.kind]);
  h = mixHash(h, m.from * 16 + m.to);
  switch (m.kind) {
    case 'RequestVote':
      return mixHash(mixHash(mixHash(h, m.term), m.lastLogIndex), m.preVote ? 1 : 0);
    case 'RequestVoteReply':
      return mixHash(mixHash(h, m.term), m.voteGranted ? 1 : 0);
    case 'AppendEntries':
      return mixHash(mixHash(mixHash(h, m.term), m.prevLogIndex), m.entries.length);
    case 'AppendEntriesReply':
      return mixHash(mixHash(mixHash(h, m.term), m.index), m.success ? 1 : 0);
    case 'ClientRequest':
    case 'ClientReply':
      return mixHash(h, m.requestId);
  }
}
