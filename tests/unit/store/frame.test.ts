// The frame projector's sharing (store layer): a history shares whatever did not change, and
// never at the price of what a frame shows — every frame still reads exactly as the simulator
// stood at its event.
import { describe, expect, it } from 'vitest';
import type { NodeView, SimulationBase } from '../../../src/sim';
import { createSimulation } from '../../../src/sim';
import type { Frame, NodeFrame } from '../../../src/store/frame';
import type { PackedNodeFrame } from '../../../src/store/packedFrames';
import { small } from '../../../src/sim';
import { FrameProjector, RECENT_REQUESTS } from '../../../src/store/frame';

/**
 * Five servers, a write every 100 virtual ms to ten keys for `writes` writes; every frame, and
 * what each server's state machine held at that event, as a string taken right then.
 */
function recorded(writes: number, view: (sim: SimulationBase) => SimulationBase = (s) => s) {
  const sim = createSimulation({ seed: 3, nodes: 5, keepTrace: false });
  const projector = new FrameProjector();
  const seen = view(sim);
  const frames: Frame[] = [projector.project(seen, null)];
  const machines: string[] = [machinesOf(seen)];
  sim.subscribe((event) => {
    frames.push(projector.project(seen, event));
    machines.push(machinesOf(seen));
  });
  for (let i = 0; i < writes; i++) {
    sim.write(`k${i % 10}`, `v${i}`);
    sim.runFor(100);
  }
  return { frames, machines };
}

const machinesOf = (sim: SimulationBase): string =>
  JSON.stringify(sim.nodeIds().map((id) => [...sim.nodeView(id).kv].sort()));
const shown = (f: Frame): string => JSON.stringify(f.nodes.map((n) => Object.entries(n.kv).sort()));

describe('state machines in frames', () => {
  it('every frame shows each server’s map as it stood at that event, long after', () => {
    const { frames, machines } = recorded(60);
    expect(frames.length).toBeGreaterThan(500);
    frames.forEach((f, i) => expect(shown(f)).toBe(machines[i]));
  });

  it('servers that applied the same index share one frozen copy', () => {
    const { frames } = recorded(60);
    const last = frames[frames.length - 1]!;
    const applied = new Set(last.nodes.map((n) => n.lastApplied));
    expect(applied.size).toBe(1);
    expect(new Set(last.nodes.map((n) => n.kv)).size).toBe(1);
    expect(Object.isFrozen(last.nodes[0]!.kv)).toBe(true);
  });

  it('a server whose map differs at the same applied index keeps its own copy', () => {
    // Server 2 is shown a map with one key changed: the check is on the contents, not the index.
    const tampered = (sim: SimulationBase): SimulationBase =>
      new Proxy(sim, {
        get(target, key) {
          if (key !== 'nodeView') return Reflect.get(target, key, target) as unknown;
          return (id: number): NodeView => {
            const v = target.nodeView(id);
            if (id !== 2 || v.kv.size === 0) return v;
            return { ...v, kv: new Map([...v.kv, ['k0', 'other']]) };
          };
        },
      });
    const { frames, machines } = recorded(30, tampered);
    frames.forEach((f, i) => expect(shown(f)).toBe(machines[i]));
    const last = frames[frames.length - 1]!;
    expect(last.nodes[1]!.lastApplied).toBe(last.nodes[0]!.lastApplied);
    expect(last.nodes[1]!.kv).not.toBe(last.nodes[0]!.kv);
    expect(last.nodes[1]!.kv['k0']).toBe('other');
  });
});

describe('progress in frames', () => {
  it('an entry whose state changed at the same indexes is shown as it is, not as it was', () => {
    // The leader's entries are shown with a state that flips with the clock's parity while the
    // indexes stay.
    const flipping = (sim: SimulationBase): SimulationBase =>
      new Proxy(sim, {
        get(target, key) {
          if (key !== 'nodeView') return Reflect.get(target, key, target) as unknown;
          return (id: number): NodeView => {
            const v = target.nodeView(id);
            const state = target.now % 2 === 0 ? 'probe' : 'replicate';
            return { ...v, progress: v.progress.map((p) => ({ ...p, state })) };
          };
        },
      });
    const { frames } = recorded(10, flipping);
    const led = frames.filter((f) => f.nodes.some((n) => n.progress.length > 0));
    expect(led.length).toBeGreaterThan(100);
    for (const f of led) {
      const state = f.at % 2 === 0 ? 'probe' : 'replicate';
      for (const n of f.nodes)
        for (const p of n.progress) expect((p as { state?: string }).state).toBe(state);
    }
  });
});

describe('packed node frames', () => {
  it('node frames between elections share their steady part', () => {
    const { frames } = recorded(60);
    const of = (f: Frame) => f.nodes[0] as PackedNodeFrame;
    const nodeFrames = new Set(frames.map(of));
    const steadyParts = new Set(frames.map((f) => of(f).steady));
    expect(nodeFrames.size).toBeGreaterThan(100);
    for (const part of steadyParts) expect(part).toMatchObject({ id: 1 });
    expect(steadyParts.size * 10).toBeLessThan(nodeFrames.size);
  });

  it('a node frame reads, and writes as JSON, with every field of the read model', () => {
    const sim = createSimulation({ seed: 3, nodes: 3, keepTrace: false });
    sim.runFor(1000);
    const node = new FrameProjector().project(sim, null).nodes[0]!;
    const fields = [...Object.keys(sim.nodeView(1)), 'rejection'].sort();
    expect(Object.keys(JSON.parse(JSON.stringify(node)) as object).sort()).toEqual(fields);
    for (const k of fields) expect(node[k as keyof NodeFrame]).toBeDefined();
  });
});

describe('small numbers', () => {
  it.each([
    [0, 0],
    [29_983, 29_983],
    [-1, -1],
    [0.5, 0.5],
    [2 ** 40, 2 ** 40],
    [Infinity, Infinity],
  ])('%d stays %d', (x, y) => expect(small(x)).toBe(y));

  it('keeps -0 and NaN as they are', () => {
    expect(Object.is(small(-0), -0)).toBe(true);
    expect(small(NaN)).toBeNaN();
  });
});

/** What a frame shows, read field by field through its public shape (as the screen reads it). */
function shownBy(f: Frame, fields: readonly string[]): string {
  const node = (n: Frame['nodes'][number]) => [
    ...fields.map((k) => (k === 'log' || k === 'kv' ? null : n[k as keyof typeof n])),
    n.log.entries.slice(0, n.log.length),
    n.log.base,
    Object.entries(n.kv).sort(),
  ];
  return JSON.stringify([
    f.seq,
    f.at,
    f.event,
    f.nodes.map(node),
    f.flights.map((m) => [m.id, m.message, m.sentAt, m.arriveAt, m.lostAt, m.lossReason, m.held]),
    f.requests,
    f.requestCount,
    f.network,
    f.facts,
    f.violations,
    f.choices,
  ]);
}

/** The same, read from the simulator itself right after the event. */
function shownBySim(sim: SimulationBase, seq: number, event: unknown, fields: readonly string[]) {
  const node = (id: number) => {
    const v = sim.nodeView(id);
    return [
      ...fields.map((k) => (k === 'log' || k === 'kv' ? null : v[k as keyof NodeView])),
      v.log,
      v.logBase,
      [...v.kv].sort(),
    ];
  };
  const n = sim.networkState();
  return JSON.stringify([
    seq,
    sim.now,
    event,
    sim.nodeIds().map(node),
    sim
      .messagesInFlight()
      .map((m) => [m.id, m.message, m.sentAt, m.arriveAt, m.lostAt, m.lossReason, m.held]),
    sim.requestViews(RECENT_REQUESTS),
    sim.clientRequestCount(),
    { groups: n.groups, cuts: n.cuts, dropRate: n.dropRate, manual: n.manual },
    sim.facts(),
    sim.violations(),
    n.manual || sim.messagesInFlight().some((m) => m.held) ? sim.choices() : [],
  ]);
}

describe('sharing never shows another moment', () => {
  it('every frame reads, long after, exactly what the simulator showed at its event', () => {
    // Writes, reads, loss, a held and a dropped message, a crash and a restart: every field moves.
    // Snapshots every 8 entries: the server down for a while catches up by one (a new map).
    const sim = createSimulation({ seed: 11, nodes: 5, keepTrace: false, snapshotEvery: 8 });
    const fields = Object.keys(sim.nodeView(1));
    const projector = new FrameProjector();
    const frames: Frame[] = [projector.project(sim, null)];
    const expected: string[] = [shownBySim(sim, 0, null, fields)];
    const atTheTime: string[] = [shownBy(frames[0]!, fields)];
    sim.subscribe((event) => {
      const frame = projector.project(sim, event);
      frames.push(frame);
      expected.push(shownBySim(sim, frames.length - 1, event, fields));
      atTheTime.push(shownBy(frame, fields));
    });
    sim.runFor(1500);
    for (let i = 0; i < 40; i++) {
      if (i === 10) sim.setDropRate(0.2);
      if (i === 15) sim.crash(sim.leader() ?? 1);
      if (i === 20) sim.setDropRate(0);
      if (i === 25) sim.restart(sim.nodeIds().find((id) => !sim.nodeView(id).alive) ?? 1);
      const first = sim.messagesInFlight()[0];
      if (i === 30 && first) sim.holdMessage(first.id);
      if (i === 32) sim.releaseAll();
      const second = sim.messagesInFlight()[1];
      if (i === 34 && second) sim.dropMessage(second.id);
      sim.write(`k${i % 4}`, `v${i}`);
      if (i % 3 === 0) sim.read(`k${i % 4}`);
      sim.runFor(100);
    }
    expect(frames.length).toBeGreaterThan(1000);
    const installs = frames.filter(
      (f) => f.event?.kind === 'step' && f.event.message?.kind === 'InstallSnapshot',
    );
    expect(installs.length).toBeGreaterThan(0);
    // Read right away the frame matched the simulator; read at the end it still does.
    expect(atTheTime).toEqual(expected);
    expect(frames.map((f) => shownBy(f, fields))).toEqual(expected);
  });
});
