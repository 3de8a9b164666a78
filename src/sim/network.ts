// Which links are up: partitions into groups and single cut links, one way or both. The
// client (id 0) stands outside every partition. Only the simulator asks this; nodes never do.
import type { NodeId } from '../raft';
import { CLIENT_ID } from '../raft';

export class Network {
  /** Group number per node while partitioned; null when whole. */
  private groupOf: Map<NodeId, number> | null = null;
  /** Directed cut links, as from * 16 + to (ids are below 16). */
  private readonly cut = new Set<number>();

  linkUp(from: NodeId, to: NodeId): boolean {
    if (from === CLIENT_ID || to === CLIENT_ID) return true;
    if (this.cut.size > 0 && this.cut.has(from * 16 + to)) return false;
    return this.groupOf === null || this.groupOf.get(from) === this.groupOf.get(to);
  }

  /** Replaces any partition with these groups; the caller has validated them. */
  partition(groups: readonly (readonly NodeId[])[]): void {
    this.groupOf = new Map();
    groups.forEach((group, g) => group.forEach((id) => this.groupOf!.set(id, g)));
  }

  /**
   * A server added to the cluster: while partitioned it joins the group of `near` (or a group
   * of its own when there is none); whole, nothing changes.
   */
  join(id: NodeId, near: NodeId | null): void {
    if (this.groupOf === null) return;
    const group = near === null ? undefined : this.groupOf.get(near);
    this.groupOf.set(id, group ?? Math.max(-1, ...this.groupOf.values()) + 1);
  }

  cutLink(from: NodeId, to: NodeId): void {
    this.cut.add(from * 16 + to);
  }

  restoreLink(from: NodeId, to: NodeId): void {
    this.cut.delete(from * 16 + to);
  }

  heal(): void {
    this.groupOf = null;
    this.cut.clear();
  }

  /** Partition groups (each sorted, ordered by lowest id), or null when not partitioned. */
  groups(): NodeId[][] | null {
    if (!this.groupOf) return null;
    const byGroup = new Map<number, NodeId[]>();
    for (const [id, g] of this.groupOf) byGroup.set(g, [...(byGroup.get(g) ?? []), id]);
    return [...byGroup.values()]
      .map((ids) => ids.sort((a, b) => a - b))
      .sort((a, b) => a[0]! - b[0]!);
  }

  /** Cut links as [from, to] pairs, sorted. */
  cutLinks(): [NodeId, NodeId][] {
    return [...this.cut]
      .sort((a, b) => a - b)
      .map((k) => [Math.floor(k / 16) as NodeId, (k % 16) as NodeId]);
  }
}
