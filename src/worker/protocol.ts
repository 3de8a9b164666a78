// The typed, versioned conversation between the main thread and a node's worker: strict
// request → response turns, each request carrying a correlation id its response repeats.
import type { Output, PersistentState, Role } from '../raft';
import type { BootRequest, InputResult, NodeBatch, NodeStatus } from '../sim';

export const PROTOCOL_VERSION = 2;

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
 * One input's result as it crosses: the status only when it changed (null: the same as the one
 * before it, which for the first of a batch is the last one the worker reported). Most inputs
 * change nothing a status shows, and the status was most of what a step's answer carried.
 */
export interface WireResult {
  readonly status: NodeStatus | null;
  readonly outputs: readonly Output[];
}

/** A batch's results for the wire; `before` is the status reported before the batch. */
export function toWire(results: readonly InputResult[], before: NodeStatus): WireResult[] {
  let last = before;
  return results.map(({ status, outputs }) => {
    const changed = status !== last;
    last = status;
    return { status: changed ? status : null, outputs };
  });
}

/** The batch's results again, each with its status; `before` as for toWire. */
export function fromWire(results: readonly WireResult[], before: NodeStatus): InputResult[] {
  let last = before;
  return results.map(({ status, outputs }) => {
    last = status ?? last;
    return { status: last, outputs };
  });
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
  | { readonly v: number; readonly kind: 'ping'; readonly corr: number }
  /** What the node in this worker holds right now, to compare with the main thread's disk. */
  | { readonly v: number; readonly kind: 'inspect'; readonly corr: number }
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
  | { readonly v: number; readonly kind: 'pong'; readonly corr: number }
  | {
      readonly v: number;
      readonly kind: 'inspected';
      readonly corr: number;
      readonly node: WorkerNodeState;
    }
  | { readonly v: number; readonly kind: 'error'; readonly corr: number; readonly message: string };
