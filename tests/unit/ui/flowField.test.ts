// A leader's inspector says how it feeds each follower (flow control): probing one request at a
// time, streaming with some in flight, or sending a snapshot, in both languages, from the
// `state` and `inflight` the read model declares for each follower.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/sim';
import type { TraceEvent } from '../../../src/sim';
import { FrameProjector } from '../../../src/store/frame';
import type { Frame } from '../../../src/store/frame';
import { makeTranslate } from '../../../src/ui/i18n';
import { nodeFields } from '../../../src/ui/inspect/nodeFields';

/** Frames of a 3-node run that elects a leader, then takes a burst of writes. */
function frames(): Frame[] {
  const sim = createSimulation({ seed: 2, nodes: 3 });
  const projector = new FrameProjector();
  const all: Frame[] = [];
  sim.subscribe((e: TraceEvent) => void all.push(projector.project(sim, e)));
  sim.runUntil((s) => s.leader() !== null, 3000);
  for (let i = 0; i < 8; i++) sim.write(`k${i}`, `v${i}`);
  sim.runFor(300);
  return all;
}

const all = frames();
const leaderViews = all.flatMap((f) =>
  f.nodes.filter((n) => n.role === 'leader').map((n) => ({ f, n })),
);

function flowOf(language: 'en' | 'zh', state: 'probe' | 'replicate'): string {
  const seen = leaderViews.find(({ n }) =>
    n.progress.some((p) => p.state === state && (state === 'probe' || p.inflight > 0)),
  );
  expect(seen).toBeDefined();
  const field = nodeFields(seen!.n, seen!.f, makeTranslate(language)).find(
    (f) => f.name === 'flow',
  );
  expect(field).toBeDefined();
  return field!.value;
}

describe("the inspector's flow field", () => {
  it('says a new leader probes its followers', () => {
    expect(flowOf('en', 'probe')).toMatch(/S\d: probing, one at a time/);
    expect(flowOf('zh', 'probe')).toMatch(/S\d: 试探中，一次一条请求/);
  });

  it('says how many requests are in flight while it streams entries', () => {
    expect(flowOf('en', 'replicate')).toMatch(/S\d: streaming, [1-9]\d* in flight/);
    expect(flowOf('zh', 'replicate')).toMatch(/S\d: 连续发送，[1-9]\d* 条请求在途/);
  });

  it('is not shown for a follower', () => {
    const f = all.at(-1)!;
    const follower = f.nodes.find((n) => n.role === 'follower')!;
    expect(nodeFields(follower, f, makeTranslate('en')).map((x) => x.name)).not.toContain('flow');
  });
});
