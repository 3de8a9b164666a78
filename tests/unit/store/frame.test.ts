// The frame projector's sharing (store layer): a history shares whatever did not change, and
// never at the price of what a frame shows — every frame still reads exactly as the simulator
// stood at its event.
import { describe, expect, it } from 'vitest';
import type { NodeView, SimulationBase } from '../../../src/sim';
import { createSimulation } from '../../../src/sim';
import type { Frame } from '../../../src/store/frame';
import { FrameProjector, small } from '../../../src/store/frame';

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
