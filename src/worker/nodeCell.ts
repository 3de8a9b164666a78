// What a node's worker holds (worker layer): the node's value and the status it reported last,
// so a step's answer can leave out every status that did not change (protocol.ts). The worker
// script and the tests' thread-free stand-in both keep their node in one of these.
import type { Input, RaftNode } from '../raft';
import { persistentStateOf } from '../raft';
import type { BootRequest, InputResult, NodeStatus } from '../sim/host';
import { bootNode, statusOf, stepBatch } from '../sim/host';
import type { WireResult, WorkerNodeState } from './protocol';
import { toWire } from './protocol';

export class NodeCell {
  private current: RaftNode | null = null;
  private status: NodeStatus | null = null;

  /** Boots the node from its disk; returns its status, the first one the host knows. */
  boot(request: BootRequest): NodeStatus {
    this.current = bootNode(request);
    this.status = statusOf(this.current);
    return this.status;
  }

  /**
   * Steps the node through inputs it already took elsewhere; answers only its status after
   * them (null when it was never booted). The outputs are the elsewhere's, already handled.
   */
  replay(inputs: readonly Input[]): NodeStatus | null {
    if (this.current === null || this.status === null) return null;
    const results = new Array<InputResult>(inputs.length);
    this.current = stepBatch(this.current, inputs, this.status, results, true);
    if (results.length > 0) this.status = results[results.length - 1]!.status;
    return this.status;
  }

  /** What the node holds right now, to compare with the main thread's disk; null before boot. */
  inspect(): WorkerNodeState | null {
    const node = this.current;
    if (node === null) return null;
    return {
      disk: persistentStateOf(node),
      role: node.role,
      commitIndex: node.commitIndex,
      lastApplied: node.lastApplied,
    };
  }

  /** Steps the node through a batch; null when it was never booted. */
  step(inputs: readonly Input[]): WireResult[] | null {
    if (this.current === null || this.status === null) return null;
    const results = new Array<InputResult>(inputs.length);
    this.current = stepBatch(this.current, inputs, this.status, results, true);
    const wire = toWire(results, this.status);
    if (results.length > 0) this.status = results[results.length - 1]!.status;
    return wire;
  }
}
