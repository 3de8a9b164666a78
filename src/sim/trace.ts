// The record of a run: one event per thing that happened, a stable one-line description of
// each, and a running digest over them so two runs can be compared by one number.
import type {
  ClientCommand,
  Command,
  Message,
  MessageKind,
  NodeId,
  ReadMode,
  Role,
  Term,
} from '../raft';
import type { Reason } from './read/reasons';
import { CLIENT_ID, describeClientCommand } from '../raft';

/** What a node looked like just before or after an event. */
export interface Brief {
  readonly role: Role;
  readonly term: Term;
  readonly commitIndex: number;
  /** The last log index (counting past a snapshot). */
  readonly logLength: number;
  /** The last index the snapshot covers (§5); 0 without one. */
  readonly snapshotIndex: number;
}

export type TraceEvent =
  | {
      readonly kind: 'step';
      readonly seq: number;
      readonly at: number;
      readonly node: NodeId;
      readonly input: 'tick' | 'timeout' | 'message' | 'compact';
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
      /** The outcome in English, for the trace line. */
      readonly detail: string;
      /** Where it was applied, when ok. */
      readonly index: number | null;
      /** The server whose answer settled it; null when the client gave up waiting. */
      readonly by: NodeId | null;
      /** Why it failed, as a code, when it did. */
      readonly failure: Reason | null;
      /** What was asked: a write, a membership change or a leadership transfer. */
      readonly request: ClientCommand['kind'];
    }
  | {
      readonly kind: 'action';
      readonly seq: number;
      readonly at: number;
      readonly action: ActionName;
      readonly node: NodeId | null;
      /** The action in English, for the trace line and the digest. */
      readonly text: string;
      /** The action as data, for viewers that word it in their own language. */
      readonly detail: ActionDetail;
    };

/** What an action did, as data: the action vocabulary plus what it found (term, log length). */
export type ActionDetail =
  | { readonly do: 'crash' | 'timeout'; readonly node: NodeId }
  | {
      readonly do: 'restart' | 'setDisk';
      readonly node: NodeId;
      readonly term: number;
      readonly logLength: number;
      /** A restart: the last index of the snapshot it loaded (§5), 0 without one. */
      readonly snapshotIndex?: number;
    }
  | { readonly do: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | {
      readonly do: 'cut' | 'restore';
      readonly a: NodeId;
      readonly b: NodeId;
      readonly oneWay: boolean;
    }
  | { readonly do: 'heal' }
  | { readonly do: 'drop'; readonly rate: number }
  | {
      readonly do: 'write';
      readonly request: number;
      readonly command: Command;
      readonly via: NodeId;
    }
  | {
      readonly do: 'read';
      readonly request: number;
      readonly key: string;
      readonly mode: ReadMode;
      readonly via: NodeId;
    }
  /** The server compacted its log up to `index` (§5). */
  | { readonly do: 'compact'; readonly node: NodeId; readonly index: number }
  | { readonly do: 'fault'; readonly node: NodeId; readonly reason: Reason }
  /** A new server (node) booted with an empty disk, and the request that adds it. */
  | {
      readonly do: 'addServer';
      readonly node: NodeId;
      readonly voter: boolean;
      readonly request: number;
      readonly via: NodeId;
    }
  | {
      readonly do: 'removeServer' | 'transferLeadership';
      readonly node: NodeId;
      readonly request: number;
      readonly via: NodeId;
    }
  | {
      readonly do: 'changeVoters';
      readonly voters: readonly NodeId[];
      readonly request: number;
      readonly via: NodeId;
    }
  /**
   * A person touched message `message` (kind, sender, receiver): held it at the door, released
   * it, dropped it, or sent a copy (`copy`, the new message's id).
   */
  | {
      readonly do: 'hold' | 'release' | 'dropMessage' | 'duplicate';
      readonly message: number;
      readonly kind: MessageKind;
      readonly from: number;
      readonly to: number;
      readonly copy?: number;
    }
  /** Every held message was released, these in this order. */
  | { readonly do: 'releaseAll'; readonly messages: readonly number[] }
  /** Manual delivery switched on or off (off releases every held message, listed). */
  | { readonly do: 'manual'; readonly on: boolean; readonly released: readonly number[] };

/** Why a message died; 'dropped by hand' when a person dropped it. */
export type LossReason = 'dropped' | 'partitioned' | 'receiver down' | 'dropped by hand';
export type ActionName =
  | 'crash'
  | 'restart'
  | 'partition'
  | 'cut'
  | 'heal'
  | 'drop rate'
  | 'write'
  | 'timeout'
  | 'fault'
  | 'membership'
  | 'read'
  | 'compact'
  | 'message';

export const nodeName = (id: NodeId): string => (id === CLIENT_ID ? 'client' : `S${id}`);

const ROLE_WORD: Record<Role, string> = {
  follower: 'follower',
  precandidate: 'pre-candidate',
  candidate: 'candidate',
  leader: 'leader',
};

/**
 * The runtime failures a trace records, oldest first, as "812 ms: S2 runtime timed out: …".
 * A staged disk is a 'fault' action too, but not a runtime's own failure: it is left out.
 */
export function runtimeFaults(trace: readonly TraceEvent[]): string[] {
  return trace.flatMap((e) =>
    e.kind === 'action' && e.detail.do === 'fault' ? [`${e.at} ms: ${e.text}`] : [],
  );
}

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
        : e.input === 'compact'
          ? `snapshot taken up to ${e.after.snapshotIndex}`
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
    case 'TimeoutNow':
      return `TimeoutNow(term ${m.term})`;
    case 'InstallSnapshot':
      return `InstallSnapshot(term ${m.term}, up to ${m.snapshot.lastIncludedIndex}@${m.snapshot.lastIncludedTerm})`;
    case 'ReadIndex':
      return `ReadIndex(term ${m.term}, read #${m.requestId})`;
    case 'ReadIndexReply':
      return `read index ${m.index} (term ${m.term}, read #${m.requestId})`;
    case 'ClientRequest':
      return `request #${m.requestId} ${describeClientCommand(m.command)}`;
    case 'ClientReply':
      if (!m.ok) return `reply #${m.requestId} failed: ${m.error}`;
      if (m.proof)
        return `reply #${m.requestId} read ${describeValue(m.value ?? null)} (${m.proof.mode})`;
      return `reply #${m.requestId} ok at ${m.index}${m.duplicate ? ' (duplicate)' : ''}`;
  }
}

/**
 * Folds one 32-bit word into a running digest: MurmurHash3's block step, one multiply-rotate
 * round per word (cheap enough for every event; not a cryptographic hash).
 */
export function mixHash(hash: number, word: number): number {
  let k = Math.imul(word | 0, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  const h = hash ^ k;
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) >>> 0;
}

/** Folds a string in, its length first, so `"ab" + "c"` and `"a" + "bc"` digest differently. */
export function mixString(hash: number, text: string): number {
  let h = mixHash(hash, text.length);
  for (let i = 0; i < text.length; i++) h = mixHash(h, text.charCodeAt(i));
  return h;
}

export const HASH_SEED = 0x811c9dc5;

/**
 * Folds the fields that define a message into `hash`. The small fields share one word:
 * kind (bits 0–3), from (4–7), to (8–11), two flags (12–13) and the entry count (14 on).
 */
export function hashMessage(hash: number, m: Message): number {
  const route = (m.from << 4) | (m.to << 8);
  switch (m.kind) {
    case 'RequestVote': {
      const head = 1 | route | (m.preVote ? 1 << 12 : 0);
      return mixHash(mixHash(mixHash(hash, head), m.term), m.lastLogIndex);
    }
    case 'RequestVoteReply': {
      const head = 2 | route | (m.voteGranted ? 1 << 12 : 0) | (m.preVote ? 1 << 13 : 0);
      return mixHash(mixHash(hash, head), m.term);
    }
    case 'AppendEntries': {
      const head = 3 | route | (m.entries.length << 14);
      return mixHash(mixHash(mixHash(hash, head), m.term), m.prevLogIndex);
    }
    case 'AppendEntriesReply': {
      const head = 4 | route | (m.success ? 1 << 12 : 0);
      return mixHash(mixHash(mixHash(hash, head), m.term), m.index);
    }
    case 'ClientRequest':
      return mixHash(mixHash(hash, 5 | route), m.requestId);
    case 'TimeoutNow':
      return mixHash(mixHash(hash, 7 | route), m.term);
    case 'ReadIndex':
      return mixHash(mixHash(mixHash(hash, 8 | route), m.term), m.requestId);
    case 'InstallSnapshot':
      return mixHash(mixHash(mixHash(hash, 10 | route), m.term), m.snapshot.lastIncludedIndex);
    case 'ReadIndexReply':
      return mixHash(mixHash(mixHash(hash, 9 | route), m.term), m.index);
    case 'ClientReply':
      return mixHash(mixHash(hash, 6 | route | (m.ok ? 1 << 12 : 0)), m.requestId);
  }
}

/** A read's value as the trace writes it: the string in quotes, or "no key". */
function describeValue(value: string | null): string {
  return value === null ? 'no key' : JSON.stringify(value);
}
