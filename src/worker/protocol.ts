// The typed, versioned conversation between the main thread and a node's worker: strict
// request → response turns, each request carrying a correlation id its response repeats.
import type { PersistentState, Role } from '../raft';
import type { BootRequest, InputResult, NodeBatch } from '../sim';

export const PROTOCOL_VERSION = 1;

export interface WorkerNodeState {
  readonly disk: PersistentState;
  readonly role: Role;
  readonly commitIndex: number;
  readonly lastApplied: number;
}

export type WorkerRequest =
  | { readonly v: number; readonly kind: 'boot'; readonly corr: number; readonly request: BootRequest }
  | { readonly v: number; readonly kind: 'step'; readonly corr: number; readonly batch: NodeBatch }
  | { readonly v: number; readonly kind: 'ping'; readonly corr: number }
  /** What the node in this worker holds right now, to compare with the main thread's disk. */
  | { readonly v: number; readonly kind: 'inspect'; readonly corr: number }
  /** Test hook: make this worker fail the way a broken runtime would. */
  | { readonly v: number; readonly kind: 'sabotage'; readonly corr: number; readonly how: 'throw' | 'hang' };

export type WorkerResponse =
  | { readonly v: number; readonly kind: 'ready' }
  | { readonly v: number; readonly kind: 'booted'; readonly corr: number }
  | { readonly v: number; readonly kind: 'stepped'; readonly corr: number; readonly results: InputResult[] }
  | { readonly v: number; readonly kind: 'pong'; readonly corr: number }
  | { readonly v: number; readonly kind: 'inspected'; readonly corr: number; readonly node: WorkerNodeState }
  | { readonly v: number; readonly kind: 'error'; readonly corr: number; readonly message: string };
