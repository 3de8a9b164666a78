// `npm run bench:versus -- <other checkout> [scenario] [--rounds N]`: one core-benchmark
// scenario (default `writes`) from this tree and from another checkout of the project (say, a
// clone of main at an earlier commit), run in turn — this, that, this, that … — each round in a
// fresh process, so both see the same machine as its load drifts. Prints one JSON line: each
// side's median wall time per run of the scenario and the ratio, taken round by round.
//
//   git clone -q . ../before && git -C ../before checkout <commit>
//   npm run bench:versus -- ../before writes --rounds 6
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt < 0 ? 5 : Number(args[roundsAt + 1]);
const [other, scenario = 'writes'] = args.filter((_, i) => i !== roundsAt && i !== roundsAt + 1);
if (!other || !Number.isInteger(rounds) || rounds < 1 || rounds > 50) {
  console.error('usage: npm run bench:versus -- <other checkout> [scenario] [--rounds 1…50]');
  process.exit(2);
}
const otherRoot = resolve(other);
if (!existsSync(join(otherRoot, 'bench', 'core.ts'))) {
  console.error(`${otherRoot} has no bench/core.ts: give the folder of another checkout`);
  process.exit(2);
}

const outDir = join(root, 'node_modules', '.cache', 'bench', 'versus');
mkdirSync(outDir, { recursive: true });
/** Bundles a tree's core benchmark the way bench/bundle.mjs does; returns the bundle's path. */
async function bundle(tree, name) {
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [join(tree, 'bench', 'core.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

/** One process running the scenario once (its own warm-up and median of five inside). */
function runOnce(file) {
  const child = spawnSync(process.execPath, ['--expose-gc', file, scenario], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    console.error(child.stderr || child.stdout);
    throw new Error(`${file} ${scenario} failed (exit ${child.status})`);
  }
  return JSON.parse(line);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const round = (x, d = 2) => Number(x.toFixed(d));

const thisFile = await bundle(root, 'this');
const otherFile = await bundle(otherRoot, 'other');
const mine = [];
const theirs = [];
// Each process's fastest run, and its median CPU time: on a shared machine the fastest run is
// the least disturbed one, and CPU time leaves out the waits for a core.
const mineBest = [];
const theirsBest = [];
const mineCpu = [];
const theirsCpu = [];
let historiesAgree = true;
for (let i = 0; i < rounds; i++) {
  const a = runOnce(thisFile);
  const b = runOnce(otherFile);
  mine.push(a.wallMs);
  theirs.push(b.wallMs);
  mineBest.push(Math.min(...(a.runsMs ?? [a.wallMs])));
  theirsBest.push(Math.min(...(b.runsMs ?? [b.wallMs])));
  if (a.cpuMs !== undefined && b.cpuMs !== undefined) {
    mineCpu.push(a.cpuMs);
    theirsCpu.push(b.cpuMs);
  }
  // Older trees print no digest: then the event counts must agree.
  if (a.events !== b.events || (a.digest && b.digest && a.digest !== b.digest))
    historiesAgree = false;
  console.error(`[versus] round ${i + 1}/${rounds}: this ${a.wallMs} ms, other ${b.wallMs} ms`);
}
const speedups = mine.map((m, i) => theirs[i] / m);
console.log(
  JSON.stringify({
    scenario,
    other: otherRoot,
    rounds,
    thisWallMs: round(median(mine), 1),
    otherWallMs: round(median(theirs), 1),
    // How many times faster this tree runs the scenario, round by round, and their median.
    speedup: round(median(speedups)),
    speedups: speedups.map((s) => round(s)),
    thisBestMs: round(Math.min(...mineBest), 1),
    otherBestMs: round(Math.min(...theirsBest), 1),
    speedupOfBest: round(Math.min(...theirsBest) / Math.min(...mineBest)),
    ...(mineCpu.length === rounds && {
      thisCpuMs: round(median(mineCpu), 1),
      otherCpuMs: round(median(theirsCpu), 1),
      speedupOfCpu: round(median(mineCpu.map((m, i) => theirsCpu[i] / m))),
    }),
    sameHistory: historiesAgree,
  }),
);
