// A subscriber is a viewer, never a participant: it hears an instant's events only once the
// instant is complete, and whatever it throws is reported and changes nothing in the run.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../../src/sim';
import { AsyncSimulation, createSimulation, runScript, writeLoad } from '../../../../src/sim';
import { InProcessAsyncHost } from '../../../../src/worker/inProcessAsyncHost';
import { CORPUS } from '../../corpus/corpus';

const outcome = (sim: { traceHash(): string; eventCount(): number; violations(): unknown[] }) => [
  sim.traceHash(),
  sim.eventCount(),
  sim.violations(),
];

function throwing(): { listener: (e: TraceEvent) => void; errors: unknown[] } {
  const errors: unknown[] = [];
  return {
    errors,
    listener: () => {
      throw new Error('this subscriber always throws');
    },
  };
}

describe('a subscriber that throws on every event', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))(
    'leaves "%s" exactly as its twin without one',
    async (_name, c) => {
      const twin = createSimulation(c.options);
      c.setup?.(twin);
      await runScript(twin, c.script, c.endMs);

      const sim = createSimulation(c.options);
      const { listener, errors } = throwing();
      sim.subscribe(listener, { onError: (error) => errors.push(error) });
      c.setup?.(sim);
      await runScript(sim, c.script, c.endMs);

      expect(outcome(sim)).toEqual(outcome(twin));
      expect(errors.length).toBe(sim.eventCount());
    },
  );

  it('leaves the async driver, lookahead windows and all, exactly as its twin', async () => {
    const script = [...writeLoad(300, 3000, 40), { at: 700, do: 'crash', node: 1 } as const];
    const twin = new AsyncSimulation({ seed: 4 }, new InProcessAsyncHost());
    await runScript(twin, script, 3500);
    const sim = new AsyncSimulation({ seed: 4 }, new InProcessAsyncHost());
    const { listener, errors } = throwing();
    sim.subscribe(listener, { onError: (error) => errors.push(error) });
    await runScript(sim, script, 3500);
    expect(outcome(sim)).toEqual(outcome(twin));
    expect(errors.length).toBe(sim.eventCount());
  });

  it('lets write() return its request id without throwing', () => {
    const sim = createSimulation({ seed: 1 });
    const errors: unknown[] = [];
    sim.subscribe(throwing().listener, { onError: (error) => errors.push(error) });
    sim.runFor(1000);
    let id: number | undefined;
    expect(() => (id = sim.write('k', 'v'))).not.toThrow();
    expect(id).toBe(1);
    expect(sim.request(1).status).toBe('pending');
    sim.runFor(1000);
    expect(sim.request(1).status).toBe('ok');
  });

  it('is reported through reportError when no onError was given', () => {
    const g = globalThis as { reportError?: (e: unknown) => void };
    const saved = g.reportError;
    const reported: unknown[] = [];
    g.reportError = (e) => reported.push(e);
    try {
      const sim = createSimulation({ seed: 2, nodes: 3 });
      sim.subscribe(throwing().listener);
      sim.runFor(500);
      expect(reported.length).toBe(sim.eventCount());
      expect(String(reported[0])).toMatch(/always throws/);
    } finally {
      if (saved) g.reportError = saved;
      else delete g.reportError;
    }
  });

  it('falls back to the default report when onError itself throws', () => {
    const g = globalThis as { reportError?: (e: unknown) => void };
    const saved = g.reportError;
    const reported: unknown[] = [];
    g.reportError = (e) => reported.push(e);
    try {
      const sim = createSimulation({ seed: 2, nodes: 3 });
      sim.subscribe(throwing().listener, {
        onError: () => {
          throw new Error('onError broke too');
        },
      });
      sim.runFor(200);
      expect(reported.length).toBe(sim.eventCount());
      expect(String(reported[0])).toMatch(/onError broke too/);
    } finally {
      if (saved) g.reportError = saved;
      else delete g.reportError;
    }
  });
});

describe('when a subscriber hears an event', () => {
  it('hears a step only after every step of its instant is recorded', () => {
    const sim = createSimulation({ seed: 5 });
    const heard: { event: TraceEvent; countThen: number }[] = [];
    sim.subscribe((event) => heard.push({ event, countThen: sim.eventCount() }));
    for (const step of writeLoad(300, 3000, 50)) {
      sim.runFor(step.at - sim.now);
      if (step.do === 'write') sim.write(step.key, step.value);
    }
    // Writes only, so every step of one virtual instant comes from one dispatched instant.
    const lastSeqAt = new Map<number, number>();
    for (const e of sim.trace()) if (e.kind === 'step') lastSeqAt.set(e.at, e.seq);
    const steps = heard.filter((h) => h.event.kind === 'step');
    expect(steps.length).toBeGreaterThan(500);
    for (const h of steps) expect(h.countThen).toBeGreaterThan(lastSeqAt.get(h.event.at)!);
    expect(heard.map((h) => h.event)).toEqual(sim.trace());
  });

  it('hears an action at once, after the action is done', () => {
    const sim = createSimulation({ seed: 1, nodes: 3 });
    const seen: string[] = [];
    sim.subscribe((e) => {
      if (e.kind === 'action') seen.push(`${e.text} / S1 alive: ${sim.node(1).alive}`);
    });
    sim.runFor(300);
    sim.crash(1);
    expect(seen).toEqual(['S1 crashed / S1 alive: false']);
  });

  it('is a function, and onError too: anything else is refused and nothing changes', () => {
    const sim = createSimulation({ seed: 1, nodes: 3 });
    const heard: TraceEvent[] = [];
    sim.subscribe((e) => heard.push(e));
    expect(() => sim.subscribe('nope' as never)).toThrow(/function/);
    expect(() => sim.subscribe(() => {}, { onError: 42 as never })).toThrow(/onError/);
    sim.runFor(300);
    expect(heard.length).toBe(sim.eventCount());
  });
});
