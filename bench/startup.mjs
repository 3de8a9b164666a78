// `npm run bench:startup -- <other checkout> [--loads N]`: the time from navigation to a running
// 9-node cluster (the classroom's page, as `bench:ui` marks it) for this tree's build and for
// another checkout's (say, a clone of main at an earlier commit, with its packages installed),
// loaded in turn — this, that, this, that … — each in a fresh browser context, so both see the
// same machine as its load drifts. Prints one JSON line: each side's median and fastest load,
// every load, and the ratio of the medians.
//
//   git clone -q . ../before && git -C ../before checkout <commit> && (cd ../before && npm ci)
//   npm run bench:startup -- ../before --loads 10
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from '../scripts/chromium.mjs';
/* global window */
import { serve, timeStartup } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const loadsAt = args.indexOf('--loads');
const loads = loadsAt < 0 ? 8 : Number(args[loadsAt + 1]);
const [other] = args.filter((_, i) => i !== loadsAt && i !== loadsAt + 1);
if (!other || !Number.isInteger(loads) || loads < 1 || loads > 50) {
  console.error('usage: npm run bench:startup -- <other checkout> [--loads 1…50]');
  process.exit(2);
}
const otherRoot = resolve(other);
if (!existsSync(join(otherRoot, 'vite.config.ts'))) {
  console.error(`${otherRoot} has no vite.config.ts: give the folder of another checkout`);
  process.exit(2);
}
if (!existsSync(join(otherRoot, 'node_modules'))) {
  console.error(`${otherRoot} has no node_modules: run npm ci there first`);
  process.exit(2);
}

const PAGE = '/?n=9&seed=1&loss=10&present=1';
const outDir = join(root, 'node_modules', '.cache', 'bench', 'startup');
mkdirSync(outDir, { recursive: true });
const log = (...a) => console.error('[startup]', ...a);

/** Builds `tree` into this tree's cache; returns the folder. */
function build(tree, name) {
  const dir = join(outDir, name);
  execSync(`npx vite build --logLevel error --outDir ${dir} --emptyOutDir`, {
    cwd: tree,
    stdio: 'inherit',
  });
  return dir;
}

const sides = [
  { name: 'this', dir: build(root, 'this'), port: 4177 },
  { name: 'other', dir: build(otherRoot, 'other'), port: 4178 },
];
const servers = [];
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
try {
  for (const side of sides) servers.push(await serve(side.dir, side.port));
  const times = sides.map(() => []);
  for (let round = 1; round <= loads; round++) {
    for (const [i, side] of sides.entries()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.addInitScript(timeStartup);
      await page.goto(`${servers[i].base}${PAGE}`);
      await page.waitForFunction(() => window.__uiBench?.running != null, null, {
        timeout: 30_000,
      });
      times[i].push(await page.evaluate(() => window.__uiBench.running));
      await context.close();
      log(`round ${round}/${loads}: ${side.name} ${times[i].at(-1).toFixed(0)} ms`);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const ms = (x) => Math.round(x);
  const [mine, theirs] = times;
  console.log(
    JSON.stringify({
      page: PAGE,
      other: otherRoot,
      loads,
      thisMedianMs: ms(median(mine)),
      otherMedianMs: ms(median(theirs)),
      thisFastestMs: ms(Math.min(...mine)),
      otherFastestMs: ms(Math.min(...theirs)),
      // Above 1: this tree's build reaches a running cluster sooner.
      speedup: +(median(theirs) / median(mine)).toFixed(2),
      thisMs: mine.map(ms),
      otherMs: theirs.map(ms),
    }),
  );
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
