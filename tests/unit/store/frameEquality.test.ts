// The projector's equality checks, written out field by field for speed: each must notice a
// change in every field of its shape. The field lists are typed as whole records of the shapes,
// so a field added to the read model fails to compile here until it is listed, and then this
// test proves the comparison reads it.
import { describe, expect, it } from 'vitest';
import type { RequestView } from '../../../src/sim';
import { createSimulation } from '../../../src/sim';
import { FrameProjector } from '../../../src/store/frame';
import { requestFrame, sameRequest, sameSteady } from '../../../src/store/frameEquality';
import type { NodeSteady, PackedNodeFrame } from '../../../src/store/packedFrames';
import { NODE_STEADY_KEYS } from '../../../src/store/packedFrames';

const REQUEST_KEYS: { readonly [K in keyof RequestView]-?: true } = {
  id: true,
  command: true,
  via: true,
  sentAt: true,
  stage: true,
  forwardedTo: true,
  index: true,
  term: true,
  storedOn: true,
  failure: true,
  settledAt: true,
  committedAfterFailure: true,
  retries: true,
  session: true,
  duplicateAt: true,
  answeredAsDuplicate: true,
  read: true,
};

/** A frame of a real run: five servers with a leader, a write and a read answered. */
function aFrame() {
  const sim = createSimulation({ seed: 2, nodes: 5, keepTrace: false });
  sim.runFor(1000);
  sim.write('k', 'v');
  sim.read('k');
  sim.runFor(500);
  return new FrameProjector().project(sim, null);
}

/** A value no field holds: a fresh object, of another shape than any field's. */
const changed = () => ({ changed: true }) as never;

describe('a node frame’s steady part', () => {
  const steady = (aFrame().nodes[0] as PackedNodeFrame).steady;

  it('equals a copy of itself', () => {
    expect(sameSteady(steady, { ...steady })).toBe(true);
  });

  it.each(NODE_STEADY_KEYS.map((key) => ({ key })))('differs when $key changes', ({ key }) => {
    const other: NodeSteady = { ...steady, [key]: changed() };
    expect(sameSteady(steady, other)).toBe(false);
    expect(sameSteady(other, steady)).toBe(false);
  });
});

describe('a node frame', () => {
  const node = aFrame().nodes[0] as PackedNodeFrame;
  /** The same node frame with one own field (the steady part or a moving one) replaced. */
  const withField = (key: string, value: unknown): PackedNodeFrame =>
    Object.assign(Object.create(Object.getPrototypeOf(node) as object) as PackedNodeFrame, node, {
      [key]: value,
    });

  it('is the same as a copy of itself', () => {
    expect(node.sameAs(withField('commitIndex', node.commitIndex))).toBe(true);
  });

  it.each(Object.keys(node).map((key) => ({ key })))('differs when $key changes', ({ key }) => {
    expect(node.sameAs(withField(key, changed()))).toBe(false);
  });
});

describe('a request’s frame', () => {
  const frame = aFrame();
  const request = frame.requests.find((r) => r.read !== null)!;

  it('equals a fresh view of the same request, lists and records copied', () => {
    expect(request.stage).toBe('acknowledged');
    const fresh: RequestView = {
      ...request,
      forwardedTo: [...request.forwardedTo],
      retries: request.retries.map((x) => ({ ...x })),
      duplicateAt: [...request.duplicateAt],
      read: request.read && { ...request.read },
    };
    expect(sameRequest(request, fresh)).toBe(true);
    expect(requestFrame(fresh, request)).toEqual(request);
  });

  it.each(Object.keys(REQUEST_KEYS).map((key) => ({ key })))(
    'differs when $key changes',
    ({ key }) => {
      const other: RequestView = { ...request, [key]: changed() };
      expect(sameRequest(request, other)).toBe(false);
      expect(sameRequest(other, request)).toBe(false);
    },
  );

  it('keeps its own copies of the lists the simulator grows in place', () => {
    const live = { ...request, forwardedTo: [2], retries: [{ at: 5, to: 2 }], duplicateAt: [7] };
    const kept = requestFrame(live, undefined);
    live.forwardedTo.push(3);
    live.retries.push({ at: 9, to: 3 });
    live.duplicateAt.push(8);
    expect([kept.forwardedTo, kept.retries, kept.duplicateAt]).toEqual([
      [2],
      [{ at: 5, to: 2 }],
      [7],
    ]);
  });
});
