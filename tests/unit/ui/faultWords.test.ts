// A node whose worker missed its allowance (a busy machine) is told apart from a worker that
// failed: beside the node a few words say the computer was too busy, and the inspector explains
// that this is not Raft and how to go on, in both languages, from the coded fault alone.
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../src/raft';
import type { HostFault, InputResult, NodeBatch, TraceEvent } from '../../../src/sim';
import { AsyncSimulation } from '../../../src/sim';
import { FrameProjector } from '../../../src/store/frame';
import type { Frame } from '../../../src/store/frame';
import { nodeLines } from '../../../src/ui/cluster/drawingLabels';
import { makeTranslate } from '../../../src/ui/i18n';
import { nodeFields } from '../../../src/ui/inspect/nodeFields';
import { InProcessAsyncHost } from '../../../src/worker/inProcessAsyncHost';

/** Fails one node's next step the way a worker host reports a missed allowance, or a throw. */
class FailingHost extends InProcessAsyncHost {
  failNext: { id: NodeId; fault: HostFault } | null = null;

  override async stepAll(batches: readonly NodeBatch[]): Promise<(InputResult[] | HostFault)[]> {
    const out = await super.stepAll(batches);
    const f = this.failNext;
    if (f === null || !batches.some((b) => b.id === f.id)) return out;
    this.failNext = null;
    return batches.map((b, i) => (b.id === f.id ? f.fault : out[i]!));
  }
}

async function lastFrameAfter(fault: HostFault): Promise<Frame> {
  const host = new FailingHost();
  const sim = new AsyncSimulation({ seed: 3, nodes: 3 }, host);
  const projector = new FrameProjector();
  let last: Frame | null = null;
  sim.subscribe((e: TraceEvent) => void (last = projector.project(sim, e)));
  await sim.runFor(400);
  host.failNext = { id: 2 as NodeId, fault };
  await sim.runFor(400);
  return last!;
}

const late = await lastFrameAfter({ fault: 'no answer within 5000 ms', timedOutMs: 5000 });
const threw = await lastFrameAfter({ fault: 'Worker threw: boom' });

function words(frame: Frame, language: 'en' | 'zh'): { beside: string; inspector: string } {
  const t = makeTranslate(language);
  const node = frame.nodes.find((n) => n.id === 2)!;
  const beside = nodeLines(node, frame.facts, t).find((l) => l.kind === 'fault');
  const field = nodeFields(node, frame, t).find((f) => f.name === 'fault');
  expect(beside).toBeDefined();
  expect(field).toBeDefined();
  return { beside: beside!.variants[0]!.join(' '), inspector: field!.value };
}

describe('a faulted node’s words', () => {
  it('say a missed allowance was a busy computer, not Raft, and how to go on', () => {
    expect(late.nodes.find((n) => n.id === 2)!.fault).toEqual({
      code: 'runtimeTimedOut',
      ms: 5000,
    });
    const en = words(late, 'en');
    expect(en.beside).toBe('no answer in time (busy computer?)');
    expect(en.inspector).toMatch(/within 5000 ms: the computer was too busy .*not a Raft failure/);
    expect(en.inspector).toContain('restart the node');
    const zh = words(late, 'zh');
    expect(zh.beside).toBe('未及时回应（电脑可能太忙）');
    expect(zh.inspector).toContain('5000 毫秒内没有回应');
    expect(zh.inspector).toContain('重启该节点');
  });

  it('quote any other failure as the worker failing', () => {
    expect(words(threw, 'en').beside).toBe(
      'runtime fault: the node’s worker failed: Worker threw: boom',
    );
    expect(words(threw, 'zh').beside).toBe('运行故障：该节点的工作线程出错了');
  });
});
