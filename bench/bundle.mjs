// Runs a TypeScript benchmark the way production code runs: bundled by esbuild (no minify, no
// keepNames, so no `__name` wrappers or getter re-exports as under tsx) into an ignored cache
// folder, then executed by plain node with --expose-gc so the bench can measure a settled heap.
//
//   node bench/bundle.mjs bench/core.ts [--profile] [scenario …]
//
// --profile writes a V8 CPU profile (node --cpu-prof) to node_modules/.cache/bench/profiles/;
// anything else is passed on to the benchmark.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'bench');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node bench/bundle.mjs <bench file.ts> [--profile] [args …]');
  process.exit(2);
}
const profile = rest.includes('--profile');
const args = rest.filter((a) => a !== '--profile');

const outfile = join(outDir, basename(entry).replace(/\.[cm]?[jt]s$/, '.mjs'));
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [join(root, entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  keepNames: false,
  sourcemap: profile ? 'linked' : false,
  logLevel: 'warning',
});

const profileDir = join(outDir, 'profiles');
const nodeFlags = ['--expose-gc'];
if (profile) nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
const child = spawnSync(process.execPath, [...nodeFlags, outfile, ...args], { stdio: 'inherit' });
if (profile) console.error(`CPU profile written to ${profileDir}`);
process.exit(child.status ?? 1);
