// Messages a person touches: held at the receiver's door and released, dropped by hand, sent
// twice, and manual delivery, where every message waits to be picked. Each is an action in the
// trace; a refused one changes nothing; and a reordered AppendEntries shows why a follower
// truncates only on a conflict (§5.3).
import { describe, expect, it } from 'vitest';
import type { Flight, Simulation, TraceEvent } from '../../../src/sim';
import { createSimulation, isSimError } from '../../../src/sim';

/** A three-server cluster with a leader and one write on the wire. */
function withTraffic(seed = 1): Simulation {
  const sim = createSimulation({ nodes: 3, seed });
  sim.runUntil((s) => s.leader() !== null, 2000);
  sim.write('x', '1');
  return sim;
}

const moving = (sim: Simulation): Flight[] =>
  sim.messagesInFlight().filter((f) => f.lostAt === null && !f.held);

/** The events after `from` that deliver message `m` to its receiver (a step on it). */
function deliveries(sim: Simulation, f: Flight, from = 0): TraceEvent[] {
  return sim
    .trace()
    .slice(from)
    .filter((e) => e.kind === 'step' && e.message === f.message && e.node === f.message.to);
}

describe('holding a message at its receiver’s door', () => {
  it('a held message does not arrive while time passes, and is listed as held', () => {
    const sim = withTraffic();
    const f = moving(sim)[0]!;
    sim.holdMessage(f.id);
    sim.runFor(f.arriveAt - sim.now + 200);
    expect(deliveries(sim, f)).toEqual([]);
    expect(sim.messagesInFlight().find((x) => x.id === f.id)?.held).toBe(true);
    expect(sim.choices()).toContainEqual(
      expect.objectContaining({ kind: 'deliver', message: f.id, at: f.arriveAt }),
    );
  });

  it('a released message arrives at once, at the instant it was released', () => {
    const sim = withTraffic();
    const f = moving(sim)[0]!;
    sim.holdMessage(f.id);
    sim.runFor(300);
    const releasedAt = sim.now;
    const before = sim.eventCount();
    sim.releaseMessage(f.id);
    sim.runFor(0);
    const got = deliveries(sim, f, before);
    expect(got.map((e) => e.at)).toEqual([releasedAt]);
    expect(sim.messagesInFlight().some((x) => x.id === f.id)).toBe(false);
  });

  it('release all lets every held message in, in the order they were held', () => {
    const sim = withTraffic();
    const [a, b] = moving(sim);
    sim.holdMessage(b!.id);
    sim.holdMessage(a!.id);
    sim.runFor(200);
    sim.releaseAll();
    const last = sim.trace().at(-1)!;
    expect(last.kind === 'action' && last.detail).toEqual({
      do: 'releaseAll',
      messages: [b!.id, a!.id],
    });
    expect(sim.messagesInFlight().filter((x) => x.held)).toEqual([]);
  });
});

describe('dropping and duplicating by hand', () => {
  it('a dropped message dies now, with its own reason, and never arrives', () => {
    const sim = withTraffic();
    const f = moving(sim)[0]!;
    const at = sim.now;
    sim.dropMessage(f.id);
    sim.runFor(500);
    const lost = sim.trace().filter((e) => e.kind === 'lost' && e.message === f.message);
    expect(lost.map((e) => e.kind === 'lost' && [e.at, e.reason])).toEqual([
      [at, 'dropped by hand'],
    ]);
    expect(deliveries(sim, f)).toEqual([]);
  });

  it('a copy goes out now with the original’s latency, and the receiver gets the message twice', () => {
    const sim = withTraffic();
    const f = moving(sim)[0]!;
    const at = sim.now;
    const copy = sim.duplicateMessage(f.id);
    const c = sim.messagesInFlight().find((x) => x.id === copy)!;
    expect([c.sentAt, c.arriveAt - c.sentAt, c.message]).toEqual([
      at,
      f.arriveAt - f.sentAt,
      f.message,
    ]);
    sim.runFor(500);
    expect(deliveries(sim, f).map((e) => e.at)).toEqual([f.arriveAt, c.arriveAt]);
    expect(sim.violations()).toEqual([]);
  });

  it('touching messages draws nothing from the PRNG: later sends keep their latencies', () => {
    const plain = withTraffic();
    const touched = withTraffic();
    touched.duplicateMessage(moving(touched)[0]!.id);
    plain.runFor(1000);
    touched.runFor(1000);
    const latencies = (s: Simulation) =>
      s.messagesInFlight().map((f) => [f.message.kind, f.arriveAt - f.sentAt]);
    // The copy took a message id, so ids differ; the latencies drawn do not.
    expect(latencies(touched).slice(-3)).toEqual(latencies(plain).slice(-3));
  });
});

describe('manual delivery', () => {
  it('holds what is on the wire and everything sent later; time runs without a delivery', () => {
    const sim = withTraffic();
    const onWire = moving(sim).map((f) => f.id);
    sim.setManualDelivery(true);
    const before = sim.eventCount();
    sim.runFor(400);
    const steps = sim
      .trace()
      .slice(before)
      .filter((e) => e.kind === 'step' && e.message);
    expect(steps).toEqual([]);
    const held = sim
      .messagesInFlight()
      .filter((f) => f.held)
      .map((f) => f.id);
    expect(held).toEqual(expect.arrayContaining(onWire));
    expect(held.length).toBeGreaterThan(onWire.length);
    expect(sim.networkState().manual).toBe(true);
  });

  it('lists held deliveries and timers in the order they would come, the first timer marked', () => {
    const sim = withTraffic();
    sim.setManualDelivery(true);
    const choices = sim.choices();
    expect(choices.map((c) => c.at)).toEqual([...choices.map((c) => c.at)].sort((a, b) => a - b));
    const timers = choices.filter((c) => c.kind === 'timer');
    expect(timers.map((c) => c.node).sort()).toEqual([1, 2, 3]);
    expect(timers.filter((c) => c.earliest)).toEqual([timers[0]]);
    const leader = sim.leader();
    expect(timers.find((c) => c.node === leader)?.timer).toBe('heartbeat');
    expect(choices.filter((c) => c.kind === 'deliver').length).toBeGreaterThan(0);
  });

  it('switching it off releases every held message now', () => {
    const sim = withTraffic();
    sim.setManualDelivery(true);
    sim.runFor(100);
    const held = sim
      .messagesInFlight()
      .filter((f) => f.held)
      .map((f) => f.id);
    sim.setManualDelivery(false);
    const last = sim.trace().at(-1)!;
    expect(last.kind === 'action' && last.detail).toEqual({
      do: 'manual',
      on: false,
      released: held,
    });
    sim.runFor(0);
    expect(sim.messagesInFlight().filter((f) => f.held)).toEqual([]);
  });
});

describe('a refused touch changes nothing', () => {
  type Call = (sim: Simulation, f: Flight) => unknown;
  const cases: [string, Call, string][] = [
    ['an id no message has', (s) => s.holdMessage(9999), 'unknownMessage'],
    ['NaN', (s) => s.dropMessage(NaN), 'unknownMessage'],
    ['Infinity', (s) => s.duplicateMessage(Infinity), 'unknownMessage'],
    ['a fraction', (s, f) => s.holdMessage(f.id + 0.5), 'unknownMessage'],
    ['a negative id', (s) => s.releaseMessage(-1), 'unknownMessage'],
    ['zero', (s) => s.holdMessage(0), 'unknownMessage'],
    ['a string', (s, f) => s.holdMessage(String(f.id) as unknown as number), 'unknownMessage'],
    ['releasing one not held', (s, f) => s.releaseMessage(f.id), 'notHeld'],
    ['release all with none held', (s) => s.releaseAll(), 'nothingHeld'],
    ['manual off while off', (s) => s.setManualDelivery(false), 'manualAlreadyOff'],
    ['manual with a string', (s) => s.setManualDelivery('yes' as unknown as boolean), 'badAction'],
    [
      'an action with a stray key',
      (s, f) => s.apply({ do: 'hold', message: f.id, at: 3 } as never),
      'badAction',
    ],
    [
      'an action with __proto__',
      (s, f) => s.apply(JSON.parse(`{"do":"hold","message":${f.id},"__proto__":{"x":1}}`)),
      'badAction',
    ],
    ['an action missing its message', (s) => s.apply({ do: 'dropMessage' } as never), 'badAction'],
  ];
  it.each(cases)('%s', (_name, call, code) => {
    const sim = withTraffic();
    const f = moving(sim)[0]!;
    const before = [sim.traceHash(), sim.eventCount(), JSON.stringify(sim.messagesInFlight())];
    let thrown: unknown = null;
    try {
      call(sim, f);
    } catch (e) {
      thrown = e;
    }
    expect(isSimError(thrown) && thrown.reason.code).toBe(code);
    expect([sim.traceHash(), sim.eventCount(), JSON.stringify(sim.messagesInFlight())]).toEqual(
      before,
    );
  });

  it('holding a held message, or touching one already lost, is refused too', () => {
    const sim = withTraffic();
    const [a, b] = moving(sim);
    sim.holdMessage(a!.id);
    sim.dropMessage(b!.id);
    const before = [sim.traceHash(), sim.eventCount()];
    const codes = [() => sim.holdMessage(a!.id), () => sim.duplicateMessage(b!.id)].map((call) => {
      try {
        call();
        return null;
      } catch (e) {
        return isSimError(e) ? e.reason.code : String(e);
      }
    });
    expect(codes).toEqual(['alreadyHeld', 'messageLost']);
    expect([sim.traceHash(), sim.eventCount()]).toEqual(before);
  });
});

describe('the same touches give the same run', () => {
  function touchedRun(): Simulation {
    const sim = withTraffic(7);
    sim.holdMessage(moving(sim)[0]!.id);
    sim.runFor(120);
    sim.duplicateMessage(moving(sim)[0]!.id);
    sim.setManualDelivery(true);
    sim.runFor(80);
    const first = sim.choices().find((c) => c.kind === 'deliver');
    if (first?.kind === 'deliver') sim.releaseMessage(first.message);
    sim.setManualDelivery(false);
    sim.runFor(1000);
    return sim;
  }
  it('twice over: the same digest, event for event', () => {
    const a = touchedRun();
    const b = touchedRun();
    expect(b.traceLines()).toEqual(a.traceLines());
    expect(b.traceHash()).toBe(a.traceHash());
    expect(a.violations()).toEqual([]);
  });
});

describe('§5.3: a follower truncates only on a conflict, so a late AppendEntries cannot undo a newer one', () => {
  /**
   * Three servers. The AppendEntries carrying x=1 to a follower is held; x=2 follows and the
   * follower ends up with both entries (the leader repairs the gap). Then the old AppendEntries
   * arrives: its entry matches what the follower has, so the follower keeps what follows it.
   */
  function lateAppend(truncateOnlyOnConflict: boolean) {
    const sim = createSimulation({ nodes: 3, seed: 1, rules: { truncateOnlyOnConflict } });
    sim.runUntil((s) => s.leader() !== null, 2000);
    const follower = sim.leader() === 1 ? 2 : 1;
    sim.write('x', '1');
    sim.runUntil(
      (s) =>
        s
          .messagesInFlight()
          .some(
            (f) =>
              f.message.kind === 'AppendEntries' &&
              f.message.to === follower &&
              f.message.entries.length > 0,
          ),
      500,
    );
    const old = sim
      .messagesInFlight()
      .find(
        (f) =>
          f.message.kind === 'AppendEntries' &&
          f.message.to === follower &&
          f.message.entries.length > 0,
      )!;
    sim.holdMessage(old.id);
    sim.runFor(50);
    sim.write('x', '2');
    sim.runUntil((s) => s.node(follower).log.length >= 3, 3000);
    const before = sim.node(follower).log.length;
    sim.releaseMessage(old.id);
    sim.runFor(0);
    const m = old.message.kind === 'AppendEntries' ? old.message : null;
    const lateEnd = m ? m.prevLogIndex + m.entries.length : -1;
    return { sim, before, after: sim.node(follower).log.length, lateEnd };
  }

  it('with the rule: the follower keeps the newer entry', () => {
    const { sim, before, after, lateEnd } = lateAppend(true);
    expect(lateEnd).toBeLessThan(3);
    expect([before, after]).toEqual([3, 3]);
    expect(sim.violations()).toEqual([]);
  });

  it('without it: the late message cuts the newer entry off the follower’s log', () => {
    const { before, after, lateEnd } = lateAppend(false);
    expect(lateEnd).toBeLessThan(3);
    expect([before, after]).toEqual([3, lateEnd]);
  });
});
