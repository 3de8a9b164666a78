// The worker runtime in real Chromium: every node in its own Web Worker must replay exactly the
// run the headless simulator computes (servers added later included, each in a worker of its
// own), crash must really end a worker's thread, and a broken worker must be reported while the
// rest of the cluster goes on.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ScriptStep, SimOptionsInput } from '../../src/sim';
import { createSimulation, runScript, writeLoad } from '../../src/sim';
import { membershipScript } from '../unit/worker/membershipScript';

interface Case {
  readonly name: string;
  readonly options: SimOptionsInput;
  readonly script: ScriptStep[];
  readonly endMs: number;
}

const cases: Case[] = [
  {
    name: 'seed 1: five nodes elect a leader and commit writes',
    options: { nodes: 5, seed: 1 },
    script: writeLoad(400, 3000, 100),
    endMs: 3500,
  },
  {
    name: 'seed 2: a node crashes and restarts while writes go on',
    options: { nodes: 5, seed: 2 },
    script: [
      ...writeLoad(400, 4000, 150),
      { at: 1200, do: 'crash', node: 1 },
      { at: 1300, do: 'crash', node: 2 },
      { at: 2500, do: 'restart', node: 1 },
      { at: 3000, do: 'restart', node: 2 },
    ],
    endMs: 4500,
  },
  {
    name: 'seed 3: a partition, then heal, with message loss',
    options: { nodes: 5, seed: 3, dropRate: 0.1 },
    script: [
      ...writeLoad(400, 4000, 120),
      {
        at: 1000,
        do: 'partition',
        groups: [
          [1, 2],
          [3, 4, 5],
        ],
      },
      { at: 2500, do: 'heal' },
      { at: 2600, do: 'drop', rate: 0.2 },
    ],
    endMs: 4500,
  },
  {
    name: 'seed 4: seven nodes with PreVote, a cut link and a forced timeout',
    options: { nodes: 7, seed: 4, preVote: true },
    script: [
      ...writeLoad(500, 3000, 200),
      { at: 800, do: 'cut', a: 1, b: 2 },
      { at: 1500, do: 'timeout', node: 3 },
      { at: 2200, do: 'heal' },
    ],
    endMs: 3500,
  },
  {
    name: 'seed 5: three nodes with CheckQuorum lose and regain a majority',
    options: { nodes: 3, seed: 5, checkQuorum: true },
    script: [
      ...writeLoad(400, 3500, 100),
      { at: 1000, do: 'crash', node: 2 },
      { at: 1050, do: 'crash', node: 3 },
      { at: 2000, do: 'restart', node: 2 },
      { at: 2100, do: 'restart', node: 3 },
    ],
    endMs: 4000,
  },
];

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => window.raftLab !== undefined);
});

/** The script run headless and through workers in `page` must give one digest. */
async function expectWorkersReplay(page: Page, c: Case): Promise<void> {
  const headless = createSimulation(c.options);
  await runScript(headless, c.script, c.endMs);
  expect(headless.violations()).toEqual([]);
  const inWorkers = await page.evaluate(
    ([options, script, endMs]) => window.raftLab!.digestThroughWorkers(options, script, endMs),
    [c.options, c.script, c.endMs] as const,
  );
  expect(inWorkers).toBe(headless.traceHash());
}

for (const c of cases) {
  test(`workers replay the headless run: ${c.name}`, ({ page }) => expectWorkersReplay(page, c));
}

const membershipCases: [name: string, options: SimOptionsInput][] = [
  ['seed 1: servers join and leave, the voters change and leadership is handed over', { seed: 1 }],
  [
    'seed 2: the same membership changes with PreVote and CheckQuorum',
    { seed: 2, preVote: true, checkQuorum: true },
  ],
];

for (const [name, options] of membershipCases) {
  test(`workers replay the headless run: ${name}`, async ({ page }) => {
    const o = { nodes: 5, ...options };
    const script = await membershipScript(o, writeLoad(300, 4000, 60));
    await expectWorkersReplay(page, { name, options: o, script, endMs: 4500 });
  });
}

/**
 * A rebuild runs in the page's thread and then hands its nodes to their workers: the run goes on
 * through real workers to the headless digest, one worker per live node (none for a node down at
 * the hand-over), each holding the disk the page keeps for it.
 */
for (const [handOverAt, alive] of [
  [1150, 5],
  [2000, 3],
] as const) {
  test(`a run replayed in the page and handed to workers at ${handOverAt} ms replays the headless run`, async ({
    page,
  }) => {
    const c = cases[1]!; // nodes 1 and 2 are down from 1200 and 1300 to 2500 and 3000
    const headless = createSimulation(c.options);
    await runScript(headless, c.script, c.endMs);
    const result = await page.evaluate(
      async ([options, script, endMs, at]) => {
        const lab = window.raftLab!;
        const { sim, host } = await lab.startWorkerCluster(options, [], undefined, undefined, true);
        try {
          await lab.runScript(
            sim,
            script.filter((s) => s.at < at),
            at,
          );
          const workersWhileReplaying = host.liveWorkers();
          const failed = await host.goLive();
          const alive = sim.nodeIds().filter((id) => sim.nodeView(id).alive);
          const workersLive = host.liveWorkers();
          const disks = [];
          for (const id of alive) {
            const held = await host.inspect(id as never);
            const kept = sim.inspect(id);
            disks.push(
              held !== null &&
                held.disk.currentTerm === kept.currentTerm &&
                held.disk.votedFor === kept.votedFor &&
                JSON.stringify(held.disk.log) === JSON.stringify(kept.log),
            );
          }
          await lab.runScript(
            sim,
            script.filter((s) => s.at >= at),
            endMs,
          );
          const faults = sim.nodeIds().filter((id) => sim.nodeView(id).fault);
          return {
            workersWhileReplaying,
            failed,
            alive,
            workersLive,
            disks,
            faults,
            digest: sim.traceHash(),
          };
        } finally {
          host.dispose();
        }
      },
      [c.options, c.script, c.endMs, handOverAt] as const,
    );
    expect(result.workersWhileReplaying).toBe(0);
    expect(result.failed).toEqual([]);
    expect(result.alive.length).toBe(alive);
    expect(result.workersLive).toBe(result.alive.length);
    expect(result.disks).toEqual(result.alive.map(() => true));
    expect(result.faults).toEqual([]);
    expect(result.digest).toBe(headless.traceHash());
  });
}

/**
 * Shared-memory lanes: with room for every request, steps go by the lane; a lane too small for
 * some (or any) request sends those by postMessage; the run is the headless one either way.
 */
for (const [laneBytes, expected] of [
  [64 * 1024, 'mostly by lane'],
  [400, 'partly by postMessage'],
  [1, 'wholly by postMessage'],
] as const) {
  test(`a run through ${laneBytes}-byte lanes goes ${expected} and replays the headless run`, async ({
    page,
  }) => {
    const c = cases[1]!; // crashes and restarts: boots carry whole disks
    const headless = createSimulation(c.options);
    await runScript(headless, c.script, c.endMs);
    const result = await page.evaluate(
      async ([options, script, endMs, bytes]) => {
        const lab = window.raftLab!;
        const { sim, host } = await lab.startWorkerCluster(options, [], bytes);
        try {
          await lab.runScript(sim, script, endMs);
          return {
            digest: sim.traceHash(),
            traffic: host.traffic(),
            faults: sim.nodeIds().filter((id) => sim.nodeView(id).fault),
          };
        } finally {
          host.dispose();
        }
      },
      [c.options, c.script, c.endMs, laneBytes] as const,
    );
    expect(result.faults).toEqual([]);
    expect(result.digest).toBe(headless.traceHash());
    const { requestsByLane, requestsPosted, answersByLane, answersPosted } = result.traffic;
    if (laneBytes === 1) {
      expect([requestsByLane, answersByLane]).toEqual([0, 0]);
      expect(requestsPosted).toBeGreaterThan(100);
      expect(answersPosted).toBe(requestsPosted);
    } else if (laneBytes === 400) {
      expect(
        Math.min(requestsByLane, requestsPosted, answersByLane, answersPosted),
      ).toBeGreaterThan(0);
    } else {
      expect(requestsByLane).toBeGreaterThan(100);
      expect(requestsPosted + answersPosted).toBeLessThan(requestsByLane / 10);
    }
  });
}

test('an added server runs in a worker of its own, and a removed one keeps its worker', async ({
  page,
}) => {
  const options = { nodes: 5, seed: 1 };
  const script = await membershipScript(options, []);
  const headless = createSimulation(options);
  await runScript(headless, script, 4500);
  const result = await page.evaluate(
    async ([options, script]) => {
      const { sim, host } = await window.raftLab!.startWorkerCluster(options);
      const before = host.liveWorkers();
      await window.raftLab!.runScript(sim, script, 4500);
      const after = host.liveWorkers();
      const added = await host.ping(7 as never);
      const removed = await host.ping(1 as never);
      const configuration = sim.configuration();
      const leader = sim.leader();
      host.dispose();
      return { before, after, added, removed, configuration, leader };
    },
    [options, script] as const,
  );
  expect(result.before).toBe(5);
  // S1 was removed but still runs (nodeIds keeps every server ever added), S6 and S7 joined.
  expect(result.after).toBe(7);
  expect(result.added).toBe(true);
  expect(result.removed).toBe(true);
  expect(result.configuration.voters).not.toContain(1);
  expect(result.configuration.voters).toContain(6);
  expect(result.configuration).toEqual(headless.configuration());
  expect(result.leader).toBe(headless.leader());
});

test('a crashed node’s worker is gone, and its restart brings back exactly its disk', async ({
  page,
}) => {
  const result = await page.evaluate(async () => {
    const { sim, host } = await window.raftLab!.startWorkerCluster({ nodes: 5, seed: 6 });
    await sim.runUntil((s) => s.leader() !== null, 3000);
    for (let i = 0; i < 5; i++) sim.write(`k${i}`, `v${i}`);
    await sim.runFor(500);
    const victim = sim.leader()!;
    const disk = await host.inspect(victim as never);
    const workersBefore = host.liveWorkers();
    sim.crash(victim);
    const dead = host.terminated[host.terminated.length - 1]!;
    const deadAnswered = await new Promise<boolean>((resolve) => {
      dead.onmessage = () => resolve(true);
      dead.postMessage({ v: 1, kind: 'ping', corr: 1 });
      setTimeout(() => resolve(false), 500);
    });
    const liveAnswer = await host.ping(sim.nodeIds().find((id) => id !== victim)! as never);
    const workersAfterCrash = host.liveWorkers();
    const snapshotWhileDown = sim.node(victim);
    sim.restart(victim);
    await sim.settle();
    const back = await host.inspect(victim as never);
    host.dispose();
    return {
      disk,
      deadAnswered,
      liveAnswer,
      workersBefore,
      workersAfterCrash,
      snapshotWhileDown,
      back,
    };
  });
  expect(result.workersBefore).toBe(5);
  expect(result.workersAfterCrash).toBe(4);
  expect(result.deadAnswered).toBe(false);
  expect(result.liveAnswer).toBe(true);
  expect(result.disk!.disk.log.length).toBeGreaterThanOrEqual(6);
  expect(result.snapshotWhileDown.alive).toBe(false);
  expect(result.snapshotWhileDown.term).toBe(result.disk!.disk.currentTerm);
  expect(result.back!.disk).toEqual(result.disk!.disk);
  expect(result.back!.role).toBe('follower');
  expect(result.back!.commitIndex).toBe(0);
  expect(result.back!.lastApplied).toBe(0);
});

test('a worker that throws is marked faulted and the cluster goes on', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const { sim, host } = await window.raftLab!.startWorkerCluster({ nodes: 5, seed: 7 });
    await sim.runUntil((s) => s.leader() !== null, 3000);
    const leader = sim.leader()!;
    host.sabotage(leader as never, 'throw');
    await sim.runFor(1000);
    const fault = sim.nodeView(leader).fault?.detail;
    const newLeader = sim.leader();
    const write = sim.write('after', 'fault');
    await sim.runUntil((s) => s.request(write).status !== 'pending', 3000);
    const outcome = sim.request(write).status;
    const violations = sim.violations().length;
    host.dispose();
    return { leader, fault, newLeader, outcome, violations };
  });
  expect(result.fault).toContain('sabotaged');
  expect(result.newLeader).not.toBeNull();
  expect(result.newLeader).not.toBe(result.leader);
  expect(result.outcome).toBe('ok');
  expect(result.violations).toBe(0);
});

test('a worker that hangs, or never loads, is reported instead of freezing the cluster', async ({
  page,
}) => {
  const result = await page.evaluate(async () => {
    // A step's allowance of 2 s instead of the default 5 s keeps the wait for the hung one short.
    const { sim, host } = await window.raftLab!.startWorkerCluster(
      { nodes: 5, seed: 8 },
      [5],
      undefined,
      {
        answerMs: 2000,
      },
    );
    const neverLoaded = sim.nodeView(5).fault?.detail;
    await sim.runUntil((s) => s.leader() !== null, 3000);
    const victim = sim.nodeIds().find((id) => id !== sim.leader() && id !== 5)!;
    host.sabotage(victim as never, 'hang');
    await sim.runFor(600);
    const hung = sim.nodeView(victim).fault;
    const write = sim.write('still', 'works');
    await sim.runUntil((s) => s.request(write).status !== 'pending', 3000);
    const outcome = sim.request(write).status;
    host.dispose();
    return { neverLoaded, hung, outcome };
  });
  expect(result.neverLoaded).toBeTruthy();
  // A missed allowance is coded as one, for the screen to say the computer was too busy.
  expect(result.hung).toEqual({ code: 'runtimeTimedOut', ms: 2000 });
  expect(result.outcome).toBe('ok');
});
