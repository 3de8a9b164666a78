// The long-history benchmark (`npm run bench:history`): does the simulator's cost per virtual
// minute stay flat as history grows? Five nodes, a forced election every 500 virtual ms and a
// write every 10 virtual ms for 30 virtual minutes, every checker on. Prints the wall time of
// each virtual minute and the ratio of the last five minutes to the first five (after the
// first minute, which warms the JIT up). Flat means a ratio near 1.
import { createSimulation } from '../src/sim';

const minutes = Number(process.argv[2] ?? 30);
const sim = createSimulation({ seed: 1, nodes: 5, keepTrace: false });
const perMinuteMs: number[] = [];
let writes = 0;
let elections = 0;
for (let minute = 0; minute < minutes; minute++) {
  const start = performance.now();
  for (let t = 0; t < 60_000; t += 10) {
    if (t % 500 === 0) {
      // Force an election: a follower's timer fires, so it stands in a higher term.
      const leader = sim.leader();
      const candidate = sim.nodeIds().find((id) => id !== leader && sim.nodeView(id).alive);
      if (candidate !== undefined) {
        sim.timeout(candidate);
        elections++;
      }
    }
    sim.write(`k${writes % 16}`, `v${writes}`);
    writes++;
    sim.runFor(10);
  }
  perMinuteMs.push(performance.now() - start);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const first = mean(perMinuteMs.slice(1, 6));
const last = mean(perMinuteMs.slice(-5));
console.log(
  JSON.stringify({
    scenario: 'history',
    virtualMinutes: minutes,
    writes,
    elections,
    violations: sim.violations().length,
    wallMsPerVirtualMinute: perMinuteMs.map((ms) => Math.round(ms)),
    firstFiveMs: Math.round(first),
    lastFiveMs: Math.round(last),
    lastOverFirst: Number((last / first).toFixed(2)),
  }),
);
