// The simulator's command line (`npm run sim -- --seed 7 --nodes 5 --for 10s [--chaos]`): runs
// one seeded world, prints its trace, its violations and its digest. The one Node entry point of
// src/sim, so it alone may use node: built-ins. Exit codes: 0 clean, 1 a violation or a cluster
// that did not converge, 2 bad arguments.
import process from 'node:process';
import { parseArgs } from 'node:util';
import type { ReadMode } from '../raft';
import { createSimulation, runChaos } from './index';
import { consistencySimOptions } from './chaos';

const USAGE = `usage: npm run sim -- [--seed N] [--nodes 1..9] [--for 10s]
                      [--chaos [--membership] [--consistency [--reads MODES]] [--touches]]
                      [--prevote] [--checkquorum] [--drop 0..1]

  --seed N         integer seed of the world (default 1)
  --nodes N        servers in the cluster, 1 to 9 (default 5)
  --for D          virtual time to run, e.g. 500ms, 10s, 2m (default 10s); with --chaos,
                   the length of the fault phase (a heal phase of up to 5s follows)
  --chaos          random crashes, restarts, partitions, cuts, loss and writes, then heal
                   and check that the cluster converges
  --membership     with --chaos: servers added and removed, voters changed and leadership
                   handed over among the faults; the final configuration's members converge
  --consistency    with --chaos: appends, reads and log compaction too, on a cluster that
                   compacts every 10, 25 or 60 entries, retries after 150, 250 or 350 ms and
                   runs CheckQuorum (all three by seed); then every state machine must agree,
                   each append be applied once and every key read back as it converged
  --reads MODES    with --consistency: the read modes drawn, comma-separated, from readIndex,
                   lease and local (default readIndex,lease; local may read stale data)
  --touches        with --chaos: messages held at the door and released out of order,
                   dropped and duplicated by hand, and stretches of manual delivery
  --prevote        switch on PreVote
  --checkquorum    switch on CheckQuorum
  --drop P         chance that a message is lost, 0 to 1 (default 0)`;

class UsageError extends Error {}

interface CliArgs {
  readonly seed: number;
  readonly nodes: number;
  readonly forMs: number;
  readonly forText: string;
  readonly chaos: boolean;
  readonly membership: boolean;
  readonly consistency: boolean;
  /** With --consistency: the read modes drawn, as given (null: the default). */
  readonly reads: readonly ReadMode[] | null;
  readonly touches: boolean;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly dropRate: number;
  readonly help: boolean;
}

function parseCli(argv: string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        nodes: { type: 'string' },
        for: { type: 'string' },
        chaos: { type: 'boolean' },
        membership: { type: 'boolean' },
        consistency: { type: 'boolean' },
        reads: { type: 'string' },
        touches: { type: 'boolean' },
        prevote: { type: 'boolean' },
        checkquorum: { type: 'boolean' },
        drop: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const forText = values.for ?? '10s';
  if (values.membership && !values.chaos) throw new UsageError('--membership goes with --chaos');
  if (values.consistency && !values.chaos) throw new UsageError('--consistency goes with --chaos');
  if (values.touches && !values.chaos) throw new UsageError('--touches goes with --chaos');
  if (values.reads !== undefined && !values.consistency) {
    throw new UsageError('--reads goes with --consistency');
  }
  return {
    seed: parseWhole('--seed', values.seed ?? '1'),
    nodes: parseWhole('--nodes', values.nodes ?? '5'),
    forMs: parseDuration(forText),
    forText,
    chaos: values.chaos ?? false,
    membership: values.membership ?? false,
    consistency: values.consistency ?? false,
    reads: values.reads === undefined ? null : parseReadModes(values.reads),
    touches: values.touches ?? false,
    preVote: values.prevote ?? false,
    checkQuorum: values.checkquorum ?? false,
    dropRate: parseRate(values.drop ?? '0'),
    help: values.help ?? false,
  };
}

function parseWhole(name: string, text: string): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`${name} takes a whole number, not "${text}"`);
  return Number(text);
}

const READ_MODES: readonly ReadMode[] = ['readIndex', 'lease', 'local'];

/** `readIndex,lease` → the modes, each known and named once. */
function parseReadModes(text: string): ReadMode[] {
  const modes = text.split(',');
  const known = (m: string): m is ReadMode => (READ_MODES as readonly string[]).includes(m);
  if (!modes.every(known) || new Set(modes).size !== modes.length) {
    throw new UsageError(
      `--reads takes read modes separated by commas, each once, from ${READ_MODES.join(', ')}; not "${text}"`,
    );
  }
  return modes;
}

function parseRate(text: string): number {
  const p = /^\d*\.?\d+$/.test(text) ? Number(text) : NaN;
  if (!(p >= 0 && p <= 1)) throw new UsageError(`--drop takes a number from 0 to 1, not "${text}"`);
  return p;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** `500ms`, `10s`, `1.5s`, `2m` → virtual milliseconds (a whole number above 0). */
function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text);
  if (!match) {
    throw new UsageError(
      `--for takes a duration with a unit (ms, s or m), e.g. 10s, not "${text}"`,
    );
  }
  const ms = Number(match[1]) * UNIT_MS[match[2]!]!;
  if (!Number.isInteger(ms) || ms <= 0 || ms > 24 * 3_600_000) {
    throw new UsageError(`--for must be a whole number of ms from 1ms to 1440m, not "${text}"`);
  }
  return ms;
}

/** The one command that replays this run. */
function replayCommand(a: CliArgs): string {
  // A negative seed needs `=`, or it would read as an option of its own.
  const seed = a.seed < 0 ? `--seed=${a.seed}` : `--seed ${a.seed}`;
  const flags = [seed, `--nodes ${a.nodes}`, `--for ${a.forText}`];
  if (a.chaos) flags.push('--chaos');
  if (a.membership) flags.push('--membership');
  if (a.consistency) flags.push('--consistency');
  if (a.reads !== null) flags.push(`--reads ${a.reads.join(',')}`);
  if (a.touches) flags.push('--touches');
  if (a.preVote) flags.push('--prevote');
  if (a.checkQuorum) flags.push('--checkquorum');
  if (a.dropRate > 0) flags.push(`--drop ${a.dropRate}`);
  return `npm run sim -- ${flags.join(' ')}`;
}

/** Runs the world the arguments describe; returns the text to print and whether all held. */
function run(a: CliArgs): { lines: string[]; ok: boolean } {
  let sim;
  try {
    sim = createSimulation({
      seed: a.seed,
      nodes: a.nodes,
      dropRate: a.dropRate,
      preVote: a.preVote,
      checkQuorum: a.checkQuorum,
      ...(a.consistency ? consistencySimOptions(a.seed) : {}),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const problems: string[] = [];
  let summary = '';
  if (a.chaos) {
    const report = runChaos(sim, {
      faultMs: a.forMs,
      membership: a.membership,
      consistency: a.consistency,
      touches: a.touches,
      ...(a.reads === null ? {} : { readModes: a.reads }),
    });
    summary = `chaos: ${report.writes} writes, ${report.acknowledged} acknowledged, leader after heal: ${report.leaderAfterHeal ? 'yes' : 'no'}, converged: ${report.converged ? 'yes' : 'no'}`;
    if (a.membership) {
      summary += `, membership calls: ${report.membershipCalls}, refused calls: ${report.refused}`;
    }
    if (a.touches) summary += `, messages touched: ${report.touched}`;
    if (a.consistency) {
      summary += `, appends: ${report.appends}, reads: ${report.reads} (${report.readsOk} ok), compactions: ${report.compactions}`;
    }
    // The report's own words for what did not heal (with --membership: the final configuration's
    // members), less the violations, which are printed below.
    const violations = new Set(sim.violations().map((v) => `${v.rule}: ${v.detail} (t=${v.at}ms)`));
    problems.push(...report.problems.filter((p) => !violations.has(p)));
  } else {
    sim.runFor(a.forMs);
  }
  const lines = sim.traceLines();
  lines.push('');
  if (summary) lines.push(summary);
  const violations = sim.violations();
  if (violations.length === 0) lines.push('no violations');
  for (const v of violations)
    lines.push(`violation: ${v.rule} at t=${v.at}ms: ${v.detail} (${v.event})`);
  for (const p of problems) lines.push(`problem: ${p}`);
  lines.push(`trace hash ${sim.traceHash()} (${sim.eventCount()} events, t=${sim.now}ms)`);
  const ok = violations.length === 0 && problems.length === 0;
  if (!ok) lines.push(`replay: ${replayCommand(a)}`);
  return { lines, ok };
}

function main(): void {
  // A closed pipe (`npm run sim | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    const args = parseCli(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    const { lines, ok } = run(args);
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sim: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  }
}

main();
