// The typed, versioned conversation between the main thread and a node's worker: strict
// request → response turns, each request carrying a correlation id its response repeats.
import type { Input, MessageKind, Output, PersistentState, Role } from '../raft';
import type { BootRequest, InputResult, NodeBatch, NodeStatus } from '../sim';
import type { LaneSetup } from './sharedLane';

export const PROTOCOL_VERSION = 3;

/**
 * On the wire every message is one JSON string: cloning a string is far cheaper than the
 * structured clone of the same object graph (see the measured costs in the toolchain notes),
 * and the records are flat plain data, so nothing is lost. Objects are still accepted on receipt.
 */
export function encode(message: WorkerRequest | WorkerResponse): string {
  return JSON.stringify(message);
}

export function decode<T extends WorkerRequest | WorkerResponse>(data: unknown): T {
  return (typeof data === 'string' ? JSON.parse(data) : data) as T;
}

/**
 * One input's result as it crosses: of its status, only the fields that changed since the status
 * before it (for the first of a batch, the last one the worker reported), and null when none did.
 * A status is mostly the same from input to input (a follower's heartbeat moves its election
 * deadline and nothing else), and whole statuses were most of what a step's answer carried.
 */
export interface WireResult {
  readonly status: Partial<NodeStatus> | null;
  readonly outputs: readonly Output[];
}

/** A batch's results for the wire; `before` is the status reported before the batch. */
export function toWire(results: readonly InputResult[], before: NodeStatus): WireResult[] {
  let last = before;
  return results.map(({ status, outputs }) => {
    const changed = status === last ? null : changesFrom(last, status);
    last = status;
    return { status: changed, outputs };
  });
}

/**
 * The batch's results again, each with its whole status; `before` as for toWire. The kinds of
 * outputs and messages become the program's own strings, and every empty list of entries one
 * shared list: JSON.parse makes a new string or list for every value, and a history keeps every
 * message a run sent.
 */
export function fromWire(results: readonly WireResult[], before: NodeStatus): InputResult[] {
  let last = before;
  return results.map(({ status, outputs }) => {
    if (status !== null) last = { ...last, ...status };
    for (const out of outputs) {
      (out as { kind: string }).kind = KINDS.get(out.kind) ?? out.kind;
      if (out.kind === 'send') {
        const m = out.message as { kind: string; entries?: readonly unknown[] };
        m.kind = KINDS.get(m.kind) ?? m.kind;
        // A heartbeat carries no entries: one shared empty list rather than one per message.
        if (m.entries?.length === 0) m.entries = NO_ENTRIES;
      }
    }
    return { status: last, outputs };
  });
}

const NO_ENTRIES: readonly unknown[] = Object.freeze([]);

const MESSAGE_KINDS: Readonly<Record<MessageKind, true>> = {
  RequestVote: true,
  RequestVoteReply: true,
  AppendEntries: true,
  AppendEntriesReply: true,
  InstallSnapshot: true,
  TimeoutNow: true,
  ReadIndex: true,
  ReadIndexReply: true,
  ClientRequest: true,
  ClientReply: true,
};
const OUTPUT_KINDS: Readonly<Record<Output['kind'], true>> = {
  persist: true,
  send: true,
  apply: true,
  restore: true,
};
/** Each kind a message or an output can have, mapped to itself. */
const KINDS = new Map(
  [...Object.keys(MESSAGE_KINDS), ...Object.keys(OUTPUT_KINDS)].map((k) => [k, k]),
);

/** The fields of `next` that differ from `last` (lists and records by identity: a status never changes one in place). */
function changesFrom(last: NodeStatus, next: NodeStatus): Partial<NodeStatus> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof NodeStatus)[]) {
    if (next[key] !== last[key]) changes[key] = next[key];
  }
  return changes as Partial<NodeStatus>;
}

export interface WorkerNodeState {
  readonly disk: PersistentState;
  readonly role: Role;
  readonly commitIndex: number;
  readonly lastApplied: number;
}

export type WorkerRequest =
  | {
      readonly v: number;
      readonly kind: 'boot';
      readonly corr: number;
      readonly request: BootRequest;
    }
  | { readonly v: number; readonly kind: 'step'; readonly corr: number; readonly batch: NodeBatch }
  /**
   * Inputs the node already took in the main thread (a rebuild runs there, see WorkerHost's
   * replayHere): the worker steps through them again and answers only its status after them.
   */
  | {
      readonly v: number;
      readonly kind: 'replay';
      readonly corr: number;
      readonly inputs: readonly Input[];
    }
  | { readonly v: number; readonly kind: 'ping'; readonly corr: number }
  /** What the node in this worker holds right now, to compare with the main thread's disk. */
  | { readonly v: number; readonly kind: 'inspect'; readonly corr: number }
  /**
   * Opens a shared-memory lane (sharedLane.ts): the only request posted as an object, since it
   * carries SharedArrayBuffers, which JSON cannot. Answered by postMessage; every later request
   * comes by the lane.
   */
  | { readonly v: number; readonly kind: 'lane'; readonly corr: number; readonly lane: LaneSetup }
  /** Test hook: make this worker fail the way a broken runtime would. */
  | {
      readonly v: number;
      readonly kind: 'sabotage';
      readonly corr: number;
      readonly how: 'throw' | 'hang';
    };

export type WorkerResponse =
  | { readonly v: number; readonly kind: 'ready' }
  /** `status`: the node's status as it booted, the first `before` of toWire and fromWire. */
  | {
      readonly v: number;
      readonly kind: 'booted';
      readonly corr: number;
      readonly status: NodeStatus;
    }
  | {
      readonly v: number;
      readonly kind: 'stepped';
      readonly corr: number;
      readonly results: WireResult[];
    }
  /** The node's whole status after a replay, to compare with the main thread's. */
  | {
      readonly v: number;
      readonly kind: 'replayed';
      readonly corr: number;
      readonly status: NodeStatus;
    }
  | { readonly v: number; readonly kind: 'pong'; readonly corr: number }
  | {
      readonly v: number;
      readonly kind: 'inspected';
      readonly corr: number;
      readonly node: WorkerNodeState;
    }
  | { readonly v: number; readonly kind: 'error'; readonly corr: number; readonly message: string };
