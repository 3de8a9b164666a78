import { describe, expect, it } from 'vitest';
import type { Input, Message, NodeId, RaftNode } from '../../../src/raft';
import { asNodeId, asTerm, createNode, step } from '../../../src/raft';
import type { NodeStatus } from '../../../src/sim';
import { statusOf } from '../../../src/sim';
import { DEFAULT_OPTIONS } from '../../../src/sim/options';

/**
 * Three servers wired directly (every message arrives 10 ms after it is sent, every node ticks
 * each millisecond), writes to whoever leads: elections, heartbeats, replication and commits.
 */
describe('a status reused while nothing in it changed', () => {
  it('always equals a status made afresh, and is reused for most inputs', () => {
    const ids: NodeId[] = [1, 2, 3].map(asNodeId);
    const options = { ...DEFAULT_OPTIONS, ids, snapshotEvery: 0 };
    const disk = { currentTerm: asTerm(0), votedFor: null, log: [], snapshot: null };
    const nodes = new Map<NodeId, RaftNode>(
      ids.map((id) => [id, createNode(id, options, disk, id, 0)]),
    );
    const last = new Map<NodeId, NodeStatus>(ids.map((id) => [id, statusOf(nodes.get(id)!)]));
    let wire: { at: number; m: Message }[] = [];
    let reused = 0;
    let inputs = 0;
    for (let now = 1; now <= 3000; now++) {
      const due = wire.filter((w) => w.at === now);
      wire = wire.filter((w) => w.at !== now);
      for (const id of ids) {
        const mine: Input[] = due
          .filter((w) => w.m.to === id)
          .map((w) => ({ kind: 'message', now, message: w.m }));
        if (now % 100 === 0 && nodes.get(id)!.role === 'leader') {
          mine.push({
            kind: 'message',
            now,
            message: {
              kind: 'ClientRequest',
              from: asNodeId(0),
              to: id,
              requestId: now,
              command: { kind: 'set', key: 'k', value: `${now}` },
              hops: 0,
            },
          });
        }
        mine.push({ kind: 'tick', now });
        for (const input of mine) {
          const r = step(nodes.get(id)!, input);
          nodes.set(id, r.node);
          for (const out of r.outputs)
            if (out.kind === 'send' && out.message.to !== 0)
              wire.push({ at: now + 10, m: out.message });
          const before = last.get(id)!;
          const status = statusOf(r.node, before);
          expect(status).toEqual(statusOf(r.node));
          if (status === before) reused++;
          inputs++;
          last.set(id, status);
        }
      }
    }
    expect(ids.some((id) => nodes.get(id)!.commitIndex > 20)).toBe(true);
    expect(reused).toBeGreaterThan(inputs / 2);
    expect(reused).toBeLessThan(inputs);
  });
});
