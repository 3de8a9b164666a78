// Realistic frames for previews and visual checks: a real 5-node simulation driven through a
// leader election, writes, a crash, a partition that strands the old leader and some loss,
// projected the way the store does it. Not used by the app itself.
import { createSimulation } from '../../sim';
import type { Simulation, SimOptionsInput } from '../../sim';
import { FrameProjector } from '../../store/frame';
import type { Frame } from '../../store/frame';

export type DevScenario = 'partition' | 'election' | 'calm';

export interface DevFixture {
  readonly frame: Frame;
  /** A moment just after the frame's event, with messages mid-air. */
  readonly viewTime: number;
  readonly sim: Simulation;
  readonly projector: FrameProjector;
}

function leaderOf(sim: Simulation): number {
  sim.runUntil((s) => s.leader() !== null, 5000);
  return sim.leader() ?? 1;
}

/** Steps event by event until enough messages are in the air (at least `want`). */
function stepUntilBusy(sim: Simulation, project: () => Frame, want: number): Frame {
  let frame = project();
  for (let i = 0; i < 400 && frame.flights.length < want; i++) {
    sim.stepOnce();
    frame = project();
  }
  return frame;
}

export function buildDevFrame(
  scenario: DevScenario = 'partition',
  nodes = 5,
  options: SimOptionsInput = {},
): DevFixture {
  const sim = createSimulation({ seed: 7, ...options, nodes });
  const projector = new FrameProjector();
  let last: Frame = projector.project(sim, null);
  sim.subscribe((event) => {
    last = projector.project(sim, event);
  });
  const project = () => last;
  if (scenario === 'election') {
    sim.runUntil((s) => s.nodeIds().some((id) => s.node(id).role === 'candidate'), 5000);
    const frame = stepUntilBusy(sim, project, 3);
    return { frame, viewTime: frame.at + 4, sim, projector };
  }
  const leader = leaderOf(sim);
  const others = sim.nodeIds().filter((id) => id !== leader);
  for (const [k, v] of [
    ['x', '1'],
    ['y', '2'],
    ['z', '3'],
    ['x', '4'],
  ] as const)
    sim.write(k, v);
  sim.runFor(300);
  if (scenario === 'calm') {
    sim.write('w', '9');
    const frame = stepUntilBusy(sim, project, 6);
    return { frame, viewTime: frame.at + 3, sim, projector };
  }
  sim.crash(others[3]!);
  sim.remove('y');
  sim.runFor(200);
  // Strand the old leader (with the crashed node); the three live others elect anew.
  const minority = [leader, others[3]!].sort((a, b) => a - b);
  sim.partition([minority, sim.nodeIds().filter((id) => !minority.includes(id))]);
  sim.write('stale', 'a', leader);
  sim.write('stale', 'b', leader);
  sim.runFor(700);
  const newLeader = sim.leader();
  if (newLeader !== null && newLeader !== leader) sim.write('fresh', 'c', newLeader);
  sim.setDropRate(0.3);
  sim.runFor(40);
  const frame = stepUntilBusy(sim, project, 8);
  return { frame, viewTime: frame.at + 3, sim, projector };
}
