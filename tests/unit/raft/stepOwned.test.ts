// stepOwned writes into the node it is given instead of a copy, for a host that keeps only the
// node each step returns. Two twin clusters, one stepped by `step` and one by `stepOwned`, must
// agree on every output and every node after every input; and `step` must leave the node it was
// given exactly as it was, which the owned twin is allowed not to.
import { describe, expect, it } from 'vitest';
import type { Input, Message, RaftNode, StepResult } from '../../../src/raft';
import { asNodeId, step, stepOwned, toArray } from '../../../src/raft';
import { Prng } from '../../../src/sim/prng';
import { nodeWith } from './harness';

const SIZE = 3;

/**
 * A tiny lockstep world: a wire of messages, ticks every 10 ms, a write now and then; `onStep`
 * steps a node and hands back what it sent.
 */
function drive(
  seed: number,
  inputs: number,
  onStep: (id: number, input: Input) => readonly Message[],
): void {
  const rng = new Prng(seed);
  const wire: Message[] = [];
  let now = 0;
  let requestId = 1;
  for (let i = 0; i < inputs; i++) {
    const id = rng.intBetween(1, SIZE);
    let input: Input;
    const mine = wire.findIndex((m) => m.to === id);
    if (mine >= 0 && !rng.chance(0.2)) {
      input = { kind: 'message', now, message: wire.splice(mine, 1)[0]! };
    } else if (rng.chance(0.15)) {
      input = {
        kind: 'message',
        now,
        message: {
          kind: 'ClientRequest',
          from: asNodeId(100),
          to: asNodeId(id),
          requestId: requestId++,
          command: { kind: 'set', key: `k${requestId % 4}`, value: `v${requestId}` },
          hops: 0,
        },
      };
    } else {
      now += 10;
      input = { kind: 'tick', now };
    }
    for (const m of onStep(id, input)) if (m.to >= 1 && m.to <= SIZE) wire.push(m);
  }
}

/**
 * What can be read of a node: its log as entries (a log shares its storage with the logs it
 * grew from, so only its entries say what it holds) and its state machine as pairs.
 */
function seen(n: RaftNode): unknown {
  const { log, machine, ...rest } = n;
  return structuredClone({
    ...rest,
    log: [log.base, toArray(log)],
    kv: [...machine.kv.entries()],
    sessions: [...machine.sessions.entries()],
  });
}

function outboxOf(r: StepResult): Message[] {
  return r.outputs.flatMap((o) => (o.kind === 'send' ? [o.message] : []));
}

describe('stepOwned', () => {
  it('steps a cluster exactly as step does, and step leaves its node untouched', () => {
    const pure: RaftNode[] = [];
    const owned: RaftNode[] = [];
    for (let id = 1; id <= SIZE; id++) {
      pure[id] = nodeWith({ id, size: SIZE, seed: id });
      owned[id] = nodeWith({ id, size: SIZE, seed: id });
    }
    let leaderSteps = 0;
    let applied = 0;
    drive(11, 1500, (id, input) => {
      const before = seen(pure[id]!);
      const a = step(pure[id]!, input);
      expect(seen(pure[id]!)).toEqual(before);
      const b = stepOwned(owned[id]!, input);
      expect(b.node).toBe(owned[id]);
      expect(b.outputs).toEqual(a.outputs);
      expect(seen(b.node)).toEqual(seen(a.node));
      pure[id] = a.node;
      owned[id] = b.node;
      if (a.node.role === 'leader') leaderSteps++;
      applied += a.outputs.filter((o) => o.kind === 'apply').length;
      return outboxOf(a);
    });
    // The run did what it is meant to test: a leader led and writes were applied.
    expect(leaderSteps).toBeGreaterThan(100);
    expect(applied).toBeGreaterThan(50);
  });
});
