import { describe, expect, it } from 'vitest';
import type { Input, NodeId, PersistentState } from '../../../src/raft';
import { asNodeId, asTerm } from '../../../src/raft';
import type { BootRequest, InputResult } from '../../../src/sim';
import { bootNode, statusOf, stepBatch } from '../../../src/sim';
import { DEFAULT_OPTIONS } from '../../../src/sim/options';
import { NodeCell } from '../../../src/worker/nodeCell';
import type { WorkerResponse } from '../../../src/worker/protocol';
import { decode, encode, fromWire } from '../../../src/worker/protocol';

const ids: NodeId[] = [1, 2, 3].map(asNodeId);
const disk: PersistentState = { currentTerm: asTerm(0), votedFor: null, log: [], snapshot: null };
const request: BootRequest = {
  id: asNodeId(1),
  options: { ...DEFAULT_OPTIONS, ids, snapshotEvery: 0 },
  disk,
  seed: 7,
  now: 0,
};

/** Ticks every 10 ms for a second: the election timer fires once, the rest change nothing. */
const ticks: Input[] = Array.from({ length: 100 }, (_, i) => ({ kind: 'tick', now: 10 * i + 10 }));

describe('a step answer on the wire', () => {
  it('leaves out unchanged statuses and the host gets every status back, equal to stepping in place', () => {
    const cell = new NodeCell();
    const booted = cell.boot(request);
    const wire = JSON.parse(JSON.stringify(cell.step(ticks)));
    const direct = new Array<InputResult>(ticks.length);
    stepBatch(bootNode(request), ticks, null, direct);
    const answer = decode<WorkerResponse>(
      encode({ v: 2, kind: 'booted', corr: 1, status: booted }),
    );
    if (answer.kind !== 'booted') throw new Error('not a boot answer');
    const statuses = fromWire(wire, answer.status);

    expect(statuses.map((r) => r.status)).toEqual(direct.map((r) => r.status));
    expect(statuses.map((r) => r.outputs)).toEqual(
      JSON.parse(JSON.stringify(direct.map((r) => r.outputs))),
    );
    // The candidate's change is sent; most ticks carry no status at all.
    const sent = wire.filter((r: { status: unknown }) => r.status !== null).length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(ticks.length / 4);
    expect(statuses.some((r) => r.status.role === 'candidate')).toBe(true);
    expect(booted).toEqual(statusOf(bootNode(request)));
  });

  it('a cell that never booted steps nothing', () => {
    expect(new NodeCell().step(ticks)).toBeNull();
  });
});
