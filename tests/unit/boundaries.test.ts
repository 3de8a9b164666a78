// The layer rule from STYLE.md as a checked table: imports point one way
// (raft ← sim ← worker ← store ← ui ← app; sim ← course ← store; layout ← ui) and the core touches no clock,
// randomness, console or host. Layout is d3 maths over core types; the UI takes values only from
// the store and layout (sim, worker and raft for types); d3-selection and the d3 bundle that
// re-exports it appear nowhere; framer-motion lives in leaf components only.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareGlobal, findViolations, globalMember, type LayerRule } from './layerScanner';

const repoRoot = join(import.meta.dirname, '..', '..');
const srcRoot = join(repoRoot, 'src');

// React owns the DOM: no layer may pull in d3's DOM module, nor the bundle that re-exports it.
const noD3Dom = [/^d3$/, /^d3-selection(\/|$)/, /^d3-transition(\/|$)/];
const noReact = [/^react(-dom)?(\/|$)/, /^framer-motion(\/|$)/, ...noD3Dom];
/** d3's maths modules: scales, shapes, paths, hulls, colours, interpolation, arrays, forces. */
const d3Maths =
  /^d3-(array|force|interpolate|path|polygon|scale|scale-chromatic|shape|format|time)$/;
// `zustand` and `zustand/react` are React hooks; the store builds on `zustand/vanilla`.
const noReactStore = [...noReact, /^zustand(\/react)?$/];

const coreGlobals = [
  bareGlobal('Date'),
  globalMember('Math', 'random'),
  bareGlobal('performance'),
  bareGlobal('console'),
  bareGlobal('setTimeout'),
  bareGlobal('setInterval'),
  bareGlobal('queueMicrotask'),
  bareGlobal('requestAnimationFrame'),
  bareGlobal('crypto'),
  bareGlobal('postMessage'),
  bareGlobal('window'),
  bareGlobal('document'),
  bareGlobal('self'),
  bareGlobal('globalThis'),
];

const simGlobals = [
  globalMember('Math', 'random'),
  globalMember('Date', 'now'),
  { name: 'new Date()', pattern: /\bnew\s+Date\s*\(\s*\)/g },
  bareGlobal('performance'),
  bareGlobal('window'),
  bareGlobal('document'),
];

const simRule = {
  layer: 'sim',
  mayImportLayers: ['raft'],
  onlyThroughIndex: ['raft'],
  forbiddenPackages: [],
  forbiddenGlobals: simGlobals,
  why: 'the simulator owns time and randomness through its seeded PRNG and sees raft only via its index',
} as const;

const rules: LayerRule[] = [
  {
    layer: 'raft',
    appliesTo: /^src\/raft\//,
    mayImportLayers: [],
    onlyThroughIndex: [],
    onlyPackages: [],
    forbiddenPackages: [],
    forbiddenGlobals: coreGlobals,
    why: 'the core is a pure function: no clock, no randomness it was not given, no host',
  },
  // The CLI is the one Node entry point of the simulator: it may use node: built-ins.
  { ...simRule, appliesTo: /^src\/sim\/cli\.ts$/, onlyPackages: [/^node:/] },
  { ...simRule, appliesTo: /^src\/sim\//, onlyPackages: [] },
  {
    layer: 'worker',
    appliesTo: /^src\/worker\//,
    mayImportLayers: ['raft', 'sim'],
    onlyThroughIndex: [],
    forbiddenPackages: noReact,
    forbiddenGlobals: [],
    why: 'workers are transport under the store and the UI',
  },
  {
    layer: 'course',
    appliesTo: /^src\/course\//,
    mayImportLayers: ['sim'],
    onlyThroughIndex: ['sim'],
    onlyPackages: [],
    forbiddenPackages: noReact,
    forbiddenGlobals: simGlobals,
    why: 'lessons are data played on the simulator alone, so tests run them headless',
  },
  {
    layer: 'store',
    appliesTo: /^src\/store\//,
    mayImportLayers: ['raft', 'sim', 'worker', 'course'],
    onlyThroughIndex: [],
    forbiddenPackages: noReactStore,
    forbiddenGlobals: [],
    why: 'the store is a React-free projection below the UI',
  },
  {
    layer: 'layout',
    appliesTo: /^src\/layout\//,
    mayImportLayers: ['raft'],
    typesOnlyFrom: ['raft'],
    onlyThroughIndex: ['raft'],
    onlyPackages: [d3Maths],
    forbiddenPackages: noReact,
    forbiddenGlobals: [],
    why: 'layout is pure geometry from d3 maths over the core types, which the UI draws',
  },
  // The space-time diagram's zoom attaches d3-zoom's wheel, drag and pinch listeners to its own
  // SVG through d3-selection: one element selected, nothing React renders mutated.
  {
    layer: 'ui',
    appliesTo: /^src\/ui\/diagram\/useTimeZoom\.ts$/,
    mayImportLayers: ['raft', 'sim', 'worker', 'course', 'store', 'layout'],
    typesOnlyFrom: ['raft', 'sim', 'worker'],
    onlyThroughIndex: [],
    forbiddenPackages: [/^d3$/, /^d3-transition(\/|$)/],
    leafOnlyPackages: [/^framer-motion(\/|$)/],
    forbiddenGlobals: [],
    why: 'd3-zoom needs a selection to attach to; React still owns every node',
  },
  {
    layer: 'ui',
    appliesTo: /^src\/ui\//,
    mayImportLayers: ['raft', 'sim', 'worker', 'course', 'store', 'layout'],
    typesOnlyFrom: ['raft', 'sim', 'worker'],
    onlyThroughIndex: [],
    forbiddenPackages: noD3Dom,
    leafOnlyPackages: [/^framer-motion(\/|$)/],
    forbiddenGlobals: [],
    why: 'components take values from the store and layout only, and the app alone wires hosts',
  },
  {
    layer: 'app',
    appliesTo: /^src\/app\//,
    mayImportLayers: ['raft', 'sim', 'worker', 'course', 'store', 'layout', 'ui'],
    onlyThroughIndex: [],
    forbiddenPackages: noD3Dom,
    forbiddenGlobals: [],
    why: 'the app is the top layer',
  },
];

const layers = [...new Set(rules.map((rule) => rule.layer))];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [path] : [];
  });
}

const repoPath = (absolute: string) => relative(repoRoot, absolute).split(sep).join('/');

describe('layer boundaries in src/', () => {
  it.each(layers)('src/%s imports and uses only what its layer allows', (layer) => {
    const files = sourceFiles(join(srcRoot, layer));
    const violations = files.flatMap((file) =>
      findViolations(repoPath(file), readFileSync(file, 'utf8'), rules),
    );
    expect(violations).toEqual([]);
  });

  it('every folder in src/ is a layer with a rule (add a row when the layout changes)', () => {
    const folders = existsSync(srcRoot)
      ? readdirSync(srcRoot).filter((name) => statSync(join(srcRoot, name)).isDirectory())
      : [];
    expect(folders.filter((name) => !layers.includes(name))).toEqual([]);
  });
});

// Each row proves the scanner can fail (or, with no expected match, that it ignores look-alikes).
const scannerCases: { says: string; file: string; text: string; flags: RegExp[] }[] = [
  {
    says: 'raft importing the simulator is flagged',
    file: 'src/raft/node.ts',
    text: "import { run } from '../sim';",
    flags: [/imports '\.\.\/sim' \(sim\)/],
  },
  {
    says: 'raft importing a package is flagged',
    file: 'src/raft/node.ts',
    text: "import { range } from 'd3-array';",
    flags: [/package 'd3-array'/],
  },
  {
    says: 'raft importing a node: built-in is flagged',
    file: 'src/raft/node.ts',
    text: "import { env } from 'node:process';",
    flags: [/package 'node:process'/],
  },
  {
    says: 'raft reading the clock is flagged',
    file: 'src/raft/node.ts',
    text: 'const t = Date.now();',
    flags: [/:1 uses Date /],
  },
  {
    says: 'raft drawing Math.random is flagged',
    file: 'src/raft/node.ts',
    text: 'const r =\n  Math.random();',
    flags: [/:2 uses Math\.random/],
  },
  {
    says: 'raft posting to a worker is flagged',
    file: 'src/raft/node.ts',
    text: 'self.postMessage(x);',
    flags: [/uses self/],
  },
  {
    says: 'raft logging inside a template expression is flagged',
    file: 'src/raft/node.ts',
    text: 'const s = `${console.log(1)}`;',
    flags: [/uses console/],
  },
  {
    says: 'raft naming globals only in comments, strings and properties is fine',
    file: 'src/raft/node.ts',
    text: "// never Date.now() or Math.random()\nconst s = 'window'; const t = `document ${node.self}`;\nconst o = { self: 1, console: 2 };",
    flags: [],
  },
  {
    says: 'a multi-line import from raft internals is fine inside raft',
    file: 'src/raft/node.ts',
    text: "import {\n  append,\n  lastIndex,\n} from './log';",
    flags: [],
  },
  {
    says: 'sim reaching into raft internals is flagged',
    file: 'src/sim/cluster.ts',
    text: "import { append } from '../raft/log';",
    flags: [/use src\/raft's index/],
  },
  {
    says: 'sim importing raft through its index is fine',
    file: 'src/sim/cluster.ts',
    text: "import { step } from '../raft';\nexport type { Node } from '../raft/index.ts';",
    flags: [],
  },
  {
    says: 'a nested sim file reaching raft through ../../raft is fine',
    file: 'src/sim/checkers/safety.ts',
    text: "import type { Term } from '../../raft';",
    flags: [],
  },
  {
    says: 'sim importing the worker layer is flagged',
    file: 'src/sim/cluster.ts',
    text: "const m = await import('../worker/host');",
    flags: [/\(worker\), which src\/sim may not/],
  },
  {
    says: 'sim reading wall time is flagged',
    file: 'src/sim/cluster.ts',
    text: 'const t = performance.now();',
    flags: [/uses performance/],
  },
  {
    says: 'the sim CLI may use node: built-ins',
    file: 'src/sim/cli.ts',
    text: "import { parseArgs } from 'node:util';",
    flags: [],
  },
  {
    says: 'a raft unit test may import vitest',
    file: 'src/raft/log.test.ts',
    text: "import { it } from 'vitest';\nimport { append } from './log';",
    flags: [],
  },
  {
    says: 'a raft unit test may still not import sim',
    file: 'src/raft/log.test.ts',
    text: "import { run } from '../sim';",
    flags: [/\(sim\)/],
  },
  {
    says: 'the store importing React is flagged',
    file: 'src/store/index.ts',
    text: "import { useState } from 'react';",
    flags: [/package 'react'/],
  },
  {
    says: 'the store using zustand/vanilla is fine',
    file: 'src/store/index.ts',
    text: "import { createStore } from 'zustand/vanilla';",
    flags: [],
  },
  {
    says: 'the store importing the UI is flagged',
    file: 'src/store/index.ts',
    text: "import { Panel } from '../ui/Panel';",
    flags: [/\(ui\)/],
  },
  {
    says: 'layout importing the simulator, even for types, is flagged',
    file: 'src/layout/ring.ts',
    text: "import type { Role } from '../sim';",
    flags: [/\(sim\)/],
  },
  {
    says: 'layout importing core types and d3 maths modules is fine',
    file: 'src/layout/ring.ts',
    text: "import type { Role } from '../raft';\nimport { scaleLinear } from 'd3-scale';",
    flags: [],
  },
  {
    says: 'layout importing a core value is flagged',
    file: 'src/layout/ring.ts',
    text: "import { majority } from '../raft';",
    flags: [/values from '\.\.\/raft'/],
  },
  {
    says: 'layout importing the d3 bundle is flagged',
    file: 'src/layout/ring.ts',
    text: "import { scaleLinear } from 'd3';",
    flags: [/package 'd3'/],
  },
  {
    says: 'the UI importing d3-selection is flagged',
    file: 'src/ui/cluster/Ring.tsx',
    text: "import { select } from 'd3-selection';",
    flags: [/package 'd3-selection'/],
  },
  {
    says: 'another diagram file importing d3-selection is flagged (only the zoom hook may)',
    file: 'src/ui/diagram/SpaceTimeDiagram.tsx',
    text: "import { select } from 'd3-selection';",
    flags: [/package 'd3-selection'/],
  },
  {
    says: 'the zoom hook importing d3-transition is flagged',
    file: 'src/ui/diagram/useTimeZoom.ts',
    text: "import { transition } from 'd3-transition';",
    flags: [/package 'd3-transition'/],
  },
  {
    says: 'the UI importing a simulator value is flagged',
    file: 'src/ui/cluster/Ring.tsx',
    text: "import { describeCommand } from '../../sim';",
    flags: [/values from '\.\.\/\.\.\/sim'/],
  },
  {
    says: 'the UI importing simulator types is fine, either way of writing it',
    file: 'src/ui/cluster/Ring.tsx',
    text: "import type { Role } from '../../sim';\nimport { type Message, type Entry } from '../../sim';",
    flags: [],
  },
  {
    says: 'a component that animates with framer-motion and renders another component is flagged',
    file: 'src/ui/panels/Alarm.tsx',
    text: "import { motion } from 'framer-motion';\nimport { NodeGlyph } from '../cluster/NodeGlyph';",
    flags: [/framer-motion.*leaf/],
  },
  {
    says: 'a leaf component may animate with framer-motion',
    file: 'src/ui/panels/Alarm.tsx',
    text: "import { motion } from 'framer-motion';\nimport { useLab } from '../labContext';",
    flags: [],
  },
  {
    says: 'layout importing the store is flagged',
    file: 'src/layout/ring.ts',
    text: "export { useCluster } from '../store';",
    flags: [/\(store\)/],
  },
  {
    says: 'the UI importing the app is flagged',
    file: 'src/ui/cluster/Ring.tsx',
    text: "import '../../app/main';",
    flags: [/\(app\)/],
  },
];

describe('the boundary scanner itself', () => {
  // A loop rather than it.each so the names print as whole sentences.
  for (const { says, file, text, flags } of scannerCases) {
    it(says, () => {
      const violations = findViolations(file, text, rules);
      expect(violations).toHaveLength(flags.length);
      flags.forEach((flag, k) => expect(violations[k]).toMatch(flag));
    });
  }
});
