// The clients (simulator layer): every request a client sent, how far it got (appended,
// forwarded, first applied), and how it settled — an answer, a refusal or a timeout — as data
// the read model words. The world sends the messages and records the events; this decides facts.
import { answersClient } from '../../raft';
import type {
  ClientCommand,
  ClientErrorCode,
  Entry,
  LogIndex,
  Message,
  NodeId,
  ReadProof,
  Session,
  Term,
} from '../../raft';
import type { Reason } from '../read/reasons';

export interface ClientRequestState {
  readonly id: number;
  readonly command: ClientCommand;
  readonly via: NodeId;
  readonly sentAt: number;
  status: 'pending' | 'ok' | 'failed';
  /** Where a leader first appended it. */
  appended?: { index: LogIndex; term: Term; by: NodeId };
  /** Servers that passed it on towards the leader, in order. */
  forwardedTo: NodeId[];
  index?: LogIndex;
  term?: Term;
  /** Why it failed, in English (the trace's words); `failure` says the same as a code. */
  error?: string;
  settledAt?: number;
  /** Why it failed, as a coded reason; null unless it failed. */
  failure: Reason | null;
  /**
   * The index at which some node first applied its entry, whatever the request's status: a
   * request that timed out may still have committed.
   */
  committedAt: number | null;
  /** A write's session (§6.3): the client that sent it and its place in that client's order. */
  readonly session: Session | null;
  /** Each time the client sent it again (§6.3), and to whom. */
  readonly retries: { readonly at: number; readonly to: NodeId }[];
  /** Indexes of later copies of this write that the session filtered (applied as duplicates). */
  readonly duplicateAt: number[];
  /** The answer came from the session's saved reply: a copy of it was applied as a duplicate. */
  answeredAsDuplicate: boolean;
  /** A read's answer: the value (null: no such key) and how it was made safe. */
  value?: string | null;
  proof?: ReadProof;
}

type ClientReply = Extract<Message, { kind: 'ClientReply' }>;

/** How a request settled: the request, the outcome and the trace's one-line detail. */
export interface Settled {
  readonly request: ClientRequestState;
  readonly outcome: 'ok' | 'failed';
  readonly detail: string;
  /** The server whose answer settled it; null when the client gave up waiting. */
  readonly by: NodeId | null;
}

/** The commands that change the state machine, and so carry a session (§6.3). */
const hasSession = (command: ClientCommand): boolean =>
  command.kind === 'set' || command.kind === 'delete' || command.kind === 'append';

export class Clients {
  readonly requests = new Map<number, ClientRequestState>();
  private nextRequestId = 1;
  /**
   * The client sessions (§6.3), by client id − 1: the last seq each used and whether a write of
   * it is still unanswered. A write goes out on the lowest idle client, so each client has at
   * most one write outstanding and the state machine need keep only its latest reply.
   */
  private readonly sessions: { seq: number; busy: boolean }[] = [];
  /** The server that last answered a write: the leader the client knows (§6.2). */
  private knownLeader: NodeId | null = null;

  /** `retrying`: the client sends unanswered requests again (clientRetryMs > 0). */
  constructor(private readonly retrying = false) {}

  /** A new pending request sent at `now` through `via`. */
  open(command: ClientCommand, via: NodeId, now: number): ClientRequestState {
    const request: ClientRequestState = {
      id: this.nextRequestId++,
      command,
      via,
      sentAt: now,
      status: 'pending',
      forwardedTo: [],
      failure: null,
      committedAt: null,
      session: hasSession(command) ? this.openSession() : null,
      retries: [],
      duplicateAt: [],
      answeredAsDuplicate: false,
    };
    this.requests.set(request.id, request);
    return request;
  }

  private openSession(): Session {
    let k = this.sessions.findIndex((c) => !c.busy);
    if (k < 0) k = this.sessions.push({ seq: 0, busy: false }) - 1;
    const c = this.sessions[k]!;
    c.busy = true;
    c.seq++;
    return { client: k + 1, seq: c.seq };
  }

  /** The request is answered or given up: its client may send its next write. */
  private release(request: ClientRequestState): void {
    if (request.session !== null) this.sessions[request.session.client - 1]!.busy = false;
  }

  /**
   * Where a retry goes (§6.3): the leader the client knows, unless that is where the last
   * attempt went; then the next server after it, so a retry never waits on one silent server.
   */
  retryTarget(request: ClientRequestState, ids: readonly NodeId[]): NodeId {
    const last = request.retries.at(-1)?.to ?? request.via;
    if (this.knownLeader !== null && this.knownLeader !== last) return this.knownLeader;
    const at = ids.indexOf(last);
    return ids[(at + 1) % ids.length]!;
  }

  /** The newest `limit` requests, newest first, without walking all of them. */
  recent(limit: number): ClientRequestState[] {
    const out: ClientRequestState[] = [];
    for (let id = this.nextRequestId - 1; id >= 1 && out.length < limit; id--) {
      const request = this.requests.get(id);
      if (request) out.push(request);
    }
    return out;
  }

  /** A node wrote `entries` to its log from `from` on: a leader's first append places a request. */
  noteAppended(by: NodeId, from: number, entries: readonly Entry[]): void {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      // A joint entry carries its request, but C_new is the entry that answers it.
      if (!answersClient(entry)) continue;
      const request = this.requests.get(entry.requestId);
      if (request && !request.appended) {
        request.appended = { index: (from + i) as LogIndex, term: entry.term, by };
      }
    }
  }

  /** A server passed the request on to `to`. */
  noteForwarded(requestId: number, to: NodeId): void {
    this.requests.get(requestId)?.forwardedTo.push(to);
  }

  /**
   * A node applied `entry` at `index`: the first apply of a request's entry marks it committed;
   * a copy its session filtered (a duplicate, §6.3) is noted as such.
   */
  noteApplied(index: number, entry: Entry, duplicate: boolean): void {
    if (!answersClient(entry)) return;
    const request = this.requests.get(entry.requestId);
    if (!request) return;
    if (duplicate) {
      if (!request.duplicateAt.includes(index)) request.duplicateAt.push(index);
    } else if (request.committedAt === null) request.committedAt = index;
  }

  /** A server's answer reached the client; null when it settles nothing (already settled). */
  reply(m: ClientReply, now: number): Settled | null {
    const request = this.requests.get(m.requestId);
    if (request?.status !== 'pending') return null;
    // §6.3: a client that retries takes "not now" for an answer to try again, not as the end.
    if (!m.ok && this.retrying && RETRIED.has(m.error)) {
      if (this.knownLeader === m.from) this.knownLeader = null;
      return null;
    }
    this.release(request);
    if (!m.ok) {
      const detail = `${FAILURE_WORDS[m.error as Exclude<ClientErrorCode, ''>] ?? m.error} (S${m.from})`;
      return settle(request, 'failed', detail, now, refusalOf(m), m.from);
    }
    request.index = m.index;
    request.term = m.term;
    if (m.proof !== undefined) {
      request.value = m.value ?? null;
      request.proof = m.proof;
      const shown = request.value === null ? 'no key' : JSON.stringify(request.value);
      return settle(
        request,
        'ok',
        `read ${shown} (${m.proof.mode}, S${m.from})`,
        now,
        null,
        m.from,
      );
    }
    if (request.session !== null) this.knownLeader = m.from;
    request.answeredAsDuplicate = m.duplicate === true;
    const dup = m.duplicate ? ', a duplicate' : '';
    return settle(
      request,
      'ok',
      `applied at index ${m.index}${dup} (S${m.from})`,
      now,
      null,
      m.from,
    );
  }

  /** The client gave up waiting; null when the request had settled already. */
  timeout(requestId: number, ms: number, now: number): Settled | null {
    const request = this.requests.get(requestId);
    if (request?.status !== 'pending') return null;
    this.release(request);
    const failure: Reason = { code: 'clientTimeout', ms };
    return settle(request, 'failed', `no reply within ${ms} ms`, now, failure, null);
  }
}

/**
 * The code of a refusal, as the core sends it. Anything else is a reply the simulator does not
 * understand, which is its own bug.
 */
function refusalOf(m: ClientReply): Reason {
  const error: string = m.error;
  if ((CLIENT_ERRORS as readonly string[]).includes(error)) {
    return { code: error as Exclude<ClientErrorCode, ''>, node: m.from };
  }
  throw new Error(`simulator bug: a failed client reply with an unknown error "${error}"`);
}

/**
 * Refusals that say "not here, not now" (no leader known, a transfer or an election under way, a
 * read that could not be made safe in time): a retrying client sends the request again later.
 */
const RETRIED: ReadonlySet<string> = new Set<ClientErrorCode>([
  'noLeaderKnown',
  'transferring',
  'leadershipLost',
  'leadershipUnconfirmed',
  'leaseExpired',
]);

/** The trace's English for each refusal (the UI words the codes itself). */
const FAILURE_WORDS: Record<Exclude<ClientErrorCode, ''>, string> = {
  noLeaderKnown: 'no leader known',
  transferring: 'leadership transfer under way',
  changeInProgress: 'a membership change is under way',
  notMember: 'not a member',
  alreadyMember: 'already a member',
  notVoter: 'not a voter',
  isLeader: 'already the leader',
  noVoters: 'no voter would be left',
  noChange: 'those are the voters already',
  notCaughtUp: 'a new voter has not caught up yet',
  removedWhileJoining: 'the server was removed before it could vote',
  transferTimedOut: 'transfer timed out',
  leaseNeedsCheckQuorum: 'lease reads need CheckQuorum',
  leaseExpired: 'the lease did not hold',
  leadershipUnconfirmed: 'leadership not confirmed by a majority',
  leadershipLost: 'leadership lost before the answer',
};

/** The core's refusal codes, each a reason code of the same name (see reasons.ts). */
const CLIENT_ERRORS = Object.keys(FAILURE_WORDS) as Exclude<ClientErrorCode, ''>[];

function settle(
  request: ClientRequestState,
  outcome: 'ok' | 'failed',
  detail: string,
  now: number,
  failure: Reason | null,
  by: NodeId | null,
): Settled {
  request.status = outcome;
  request.settledAt = now;
  if (outcome === 'failed') {
    request.error = detail;
    request.failure = failure;
  }
  return { request, outcome, detail, by };
}
