// The typed, versioned conversation between the main thread and a node's worker: strict
// request → response turns, each request carrying a correlation id its response repeats.
import type { PersistentState, Role } from '../raft';
import type { BootRequest, InputResult, NodeBatch } from '../sim';

export const PROTOCOL_VERSION = 1;

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
  | { readonly v: number; readonly kind: 'booted'; readonly corr: number }
  | {
      readonly v: number;
      readonly kind: 'stepped';
      readonly corr: number;
      readonly results: InputResult[];
    }
  | { readonly v: number; readonly kind: 'pong'; readonly corr: number }
  | {
      readonly v: number;
      readonly kind: 'inspected';
      readonly corr: number;
      readonly node: WorkerNodeState;
    }
  | { readonly v: number; readonly kind: 'error'; readonly corr: number; readonly message: string };
