// The classroom UI in real Chromium, through roles and accessible names: every action a person
// takes is a click, a drag or a key on the page. The store (window.raftLabStore) is only read, or
// asked to run virtual time ahead (fastForward, advanceBy), so tests do not wait in real time.
// Every test starts from a fixed seed in the URL, so the cluster it sees is always the same.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { watchErrors } from './pageErrors';

const SETTINGS = 'et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';
const query = (nodes: number, seed: number) => `n=${nodes}&seed=${seed}&${SETTINGS}`;

// ---------------------------------------------------------------------------------------------
// Helpers: opening the lab, reading what the screen says, running virtual time ahead.

async function openLab(page: Page, search: string): Promise<void> {
  await page.goto(`/?${search}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await expect(nodeButtons(page).first()).toBeVisible();
}

const cluster = (page: Page) => page.getByRole('group', { name: /^Raft cluster/ });
const nodeButtons = (page: Page) => cluster(page).getByRole('button', { name: /^S\d+, / });
const nodeButton = (page: Page, id: number) =>
  cluster(page).getByRole('button', { name: new RegExp(`^S${id}, `) });
const leaderFact = (page: Page) => page.getByTestId('leader-fact');

/** Runs virtual time ahead through the store (the screen then shows the newest frame). */
async function advance(page: Page, ms: number): Promise<void> {
  await page.evaluate((m) => window.raftLabStore!.getState().advanceBy(m), ms);
}

async function untilLeader(page: Page): Promise<void> {
  await page.evaluate(() => window.raftLabStore!.getState().fastForward('leader'));
}

/** "Leader S2, term 1" on screen → { id: 2, term: 1 }. */
async function shownLeader(page: Page): Promise<{ id: number; term: number }> {
  const text = await leaderFact(page).innerText();
  const m = /^Leader S(\d+), term (\d+)$/.exec(text.trim());
  if (!m) throw new Error(`the leader fact says "${text}", not "Leader S…, term …"`);
  return { id: Number(m[1]), term: Number(m[2]) };
}

/** Advances in small slices until the screen names a leader other than `old`, or gives up. */
async function untilNewLeader(page: Page, old: number, maxMs = 5000) {
  for (let spent = 0; spent <= maxMs; spent += 250) {
    const text = await leaderFact(page).innerText();
    if (!text.startsWith(`Leader S${old},`) && text.startsWith('Leader S'))
      return shownLeader(page);
    await advance(page, 250);
  }
  throw new Error(`no leader other than S${old} within ${maxMs} virtual ms`);
}

async function openNodeMenu(page: Page, id: number): Promise<Locator> {
  await nodeButton(page, id).click();
  const menu = page.getByRole('menu', { name: `Actions for S${id}` });
  await expect(menu).toBeVisible();
  return menu;
}

async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Sends `set key=value` from the client panel to "the leader" or to one node. */
async function sendWrite(page: Page, key: string, value: string, via: 'the leader' | number) {
  await showTab(page, 'Client');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('set');
  await page.getByRole('textbox', { name: 'Key' }).fill(key);
  await page.getByRole('textbox', { name: 'Value' }).fill(value);
  await page
    .getByRole('combobox', { name: 'Send to' })
    .selectOption({ label: via === 'the leader' ? via : `S${via}` });
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

/** The per-server log table: the strip under the cluster (the Logs tab lists whole entries). */
const logTable = (page: Page) => page.getByRole('table', { name: 'Logs of all servers' });

/** The log table's row for one node (its row header starts with the node's name). */
const logRow = (page: Page, id: number) =>
  logTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^S${id} `) }) });

/** The accessible names of a node's log cells: "index 2, term 1, set x=1, committed". */
async function logCells(page: Page, id: number): Promise<string[]> {
  return logRow(page, id)
    .getByRole('cell', { name: /^index \d+, / })
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
}

/** A node's drawing in page pixels: the centre of its button. */
async function nodeCentre(page: Page, id: number): Promise<{ x: number; y: number }> {
  const box = await nodeButton(page, id).boundingBox();
  if (!box) throw new Error(`S${id} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags a straight stroke that puts `minority` (neighbours on the ring) on one side:
 * perpendicular to the direction of their midpoint, halfway between them and the others, from
 * edge to edge of the drawing so it begins on empty background.
 */
async function dragPartition(page: Page, minority: number[], all: number[]): Promise<void> {
  const spots = await Promise.all(all.map((id) => nodeCentre(page, id)));
  const svg = (await cluster(page).boundingBox())!;
  const centre = {
    x: spots.reduce((s, p) => s + p.x, 0) / spots.length,
    y: spots.reduce((s, p) => s + p.y, 0) / spots.length,
  };
  const mine = minority.map((id) => spots[all.indexOf(id)]!);
  const mid = {
    x: mine.reduce((s, p) => s + p.x, 0) / mine.length,
    y: mine.reduce((s, p) => s + p.y, 0) / mine.length,
  };
  const len = Math.hypot(mid.x - centre.x, mid.y - centre.y);
  const u = { x: (mid.x - centre.x) / len, y: (mid.y - centre.y) / len };
  const v = { x: -u.y, y: u.x };
  // The stroke runs across u halfway between the minority's nearest and the rest's farthest node.
  const along = (p: { x: number; y: number }) => (p.x - centre.x) * u.x + (p.y - centre.y) * u.y;
  const rest = spots.filter((p) => !mine.includes(p));
  const d = (Math.min(...mine.map(along)) + Math.max(...rest.map(along))) / 2;
  const at = (s: number) => ({ x: centre.x + u.x * d + v.x * s, y: centre.y + u.y * d + v.y * s });
  // From edge to edge of the drawing (3 px inside), where only empty background lies.
  const inside = (s: number) => {
    const p = at(s);
    return (
      p.x > svg.x + 3 &&
      p.x < svg.x + svg.width - 3 &&
      p.y > svg.y + 3 &&
      p.y < svg.y + svg.height - 3
    );
  };
  let k = 0;
  while (inside(k + 1) && inside(-(k + 1))) k++;
  const from = at(-k);
  const to = at(k);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** What the cluster view and the log table say, as text: node, link and message names, logs. */
async function screenState(page: Page) {
  const svgButtons = await cluster(page)
    .getByRole('button')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return {
    leader: await leaderFact(page).innerText(),
    cluster: svgButtons,
    logs: await logTable(page).innerText(),
    timeline: await page.getByRole('slider', { name: 'Timeline' }).inputValue(),
  };
}

/** The frame on screen as plain data, and whether it is the very frame kept in the history. */
async function storeFrame(page: Page) {
  return page.evaluate(() => {
    const s = window.raftLabStore!.getState();
    const view = window.raftLabView!();
    return {
      cursor: s.cursor,
      isHistoryFrame: view.frameAt(s.cursor) === view.frame,
      // A LogView shares its backing array with later frames: only entries[0 … length-1] count.
      frame: JSON.parse(
        JSON.stringify(view.frame, (key, value: unknown) => {
          const v = value as { entries?: unknown[]; length?: number } | null;
          return key === 'log' && v && Array.isArray(v.entries)
            ? { entries: v.entries.slice(0, v.length), length: v.length }
            : value;
        }),
      ) as unknown,
    };
  });
}

let errors: string[] = [];
test.beforeEach(({ page }) => {
  errors = watchErrors(page);
});
test.afterEach(async ({ page }) => {
  expect(errors, 'console errors and page errors').toEqual([]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

// ---------------------------------------------------------------------------------------------

test('crashing the leader: another node becomes leader with a higher term, and the screen says so', async ({
  page,
}) => {
  await openLab(page, query(5, 1));
  await untilLeader(page);
  const old = await shownLeader(page);
  await expect(nodeButton(page, old.id)).toHaveAccessibleName(
    `S${old.id}, leader, term ${old.term}`,
  );

  const menu = await openNodeMenu(page, old.id);
  await menu.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(nodeButton(page, old.id)).toHaveAccessibleName(
    `S${old.id}, crashed, term ${old.term}`,
  );

  const next = await untilNewLeader(page, old.id);
  expect(next.id).not.toBe(old.id);
  expect(next.term).toBeGreaterThan(old.term);
  await expect(leaderFact(page)).toHaveText(`Leader S${next.id}, term ${next.term}`);
  await expect(nodeButton(page, next.id)).toHaveAccessibleName(
    `S${next.id}, leader, term ${next.term}`,
  );
});

test('a leader cut into the minority cannot commit; after Heal it follows and its entry is replaced', async ({
  page,
}) => {
  const all = [1, 2, 3, 4, 5];
  await openLab(page, query(5, 1));
  await untilLeader(page);
  const old = await shownLeader(page);
  const buddy = (old.id % 5) + 1;
  const majority = all.filter((id) => id !== old.id && id !== buddy);

  await dragPartition(page, [old.id, buddy], all);
  // Every link from the minority to the majority is drawn broken; the two inside stay connected.
  for (const m of majority) {
    const [a, b] = [Math.min(old.id, m), Math.max(old.id, m)];
    await expect(
      cluster(page).getByRole('button', { name: `Link S${a}–S${b}: broken. Click to restore it.` }),
    ).toHaveCount(1);
  }
  const [a, b] = [Math.min(old.id, buddy), Math.max(old.id, buddy)];
  await expect(
    cluster(page).getByRole('button', { name: `Link S${a}–S${b}: connected. Click to cut it.` }),
  ).toHaveCount(1);

  // A write sent to the old leader is appended in the minority but never commits.
  await sendWrite(page, 'm', 'lost', old.id);
  const next = await untilNewLeader(page, old.id);
  expect(majority).toContain(next.id);
  expect(next.term).toBeGreaterThan(old.term);
  await sendWrite(page, 'm', 'kept', next.id);
  await advance(page, 1000);

  await showTab(page, 'Logs');
  const oldRow = await logCells(page, old.id);
  const lost = oldRow.filter((c) => c.includes('set m=lost'));
  expect(lost).toHaveLength(1);
  expect(lost[0]).toMatch(/, not committed$/);
  expect((await logCells(page, buddy)).filter((c) => c.includes('set m=lost'))).toEqual(lost);
  expect((await logCells(page, next.id)).some((c) => /set m=kept, committed$/.test(c))).toBe(true);
  await expect(nodeButton(page, old.id)).toHaveAccessibleName(
    new RegExp(`^S${old.id}, leader, term ${old.term}$`),
  );

  await page.getByRole('button', { name: 'Heal network' }).click();
  await advance(page, 1000);
  await expect(nodeButton(page, old.id)).toHaveAccessibleName(
    new RegExp(`^S${old.id}, follower, term \\d+$`),
  );
  await expect(page.getByRole('cell', { name: /set m=lost/ })).toHaveCount(0);
  const leaderRow = await logCells(page, (await shownLeader(page)).id);
  expect(leaderRow.some((c) => /set m=kept, committed$/.test(c))).toBe(true);
  for (const id of [old.id, buddy]) expect(await logCells(page, id)).toEqual(leaderRow);
});

test('a write appears committed in every log and in every state machine', async ({ page }) => {
  await openLab(page, query(5, 2));
  await untilLeader(page);
  await sendWrite(page, 'greeting', 'hello', 'the leader');
  await page.evaluate(() => window.raftLabStore!.getState().fastForward('requestsSettled', 3000));
  await advance(page, 300); // a heartbeat tells the followers the new commitIndex

  await showTab(page, 'Client');
  await expect(page.getByRole('list', { name: 'Client requests, newest first' })).toContainText(
    'acknowledged',
  );

  await showTab(page, 'Logs');
  for (let id = 1; id <= 5; id++) {
    await expect(
      logRow(page, id).getByRole('cell', { name: /set greeting=hello, committed$/ }),
    ).toHaveCount(1);
  }

  await showTab(page, 'State machines');
  const machines = page.getByRole('region', { name: 'State machines' }).getByRole('listitem');
  await expect(machines).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    const kv = machines.nth(i).getByRole('row').filter({ hasText: 'greeting' });
    await expect(kv.getByRole('cell')).toHaveText(['greeting', 'hello']);
  }
});

test('pause, step forward, step back: stepping back restores exactly the previous frame', async ({
  page,
}) => {
  await openLab(page, query(5, 3));
  await untilLeader(page);
  await sendWrite(page, 'y', '7', 'the leader');
  await showTab(page, 'Logs');

  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    (c) => window.raftLabStore!.getState().cursor > c,
    (await storeFrame(page)).cursor,
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  const stepForward = page.getByRole('button', { name: 'Step forward' });
  const stepBack = page.getByRole('button', { name: 'Step back' });
  for (let i = 0; i < 5; i++) await stepForward.click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
  const before = { screen: await screenState(page), store: await storeFrame(page) };

  await stepForward.click();
  await expect.poll(async () => (await storeFrame(page)).cursor).toBe(before.store.cursor + 1);
  const ahead = { screen: await screenState(page), store: await storeFrame(page) };
  expect(ahead.store.frame).not.toEqual(before.store.frame);

  await stepBack.click();
  await expect.poll(async () => (await storeFrame(page)).cursor).toBe(before.store.cursor);
  const after = { screen: await screenState(page), store: await storeFrame(page) };
  expect(after.screen).toEqual(before.screen);
  expect(after.store).toEqual(before.store);
  expect(after.store.isHistoryFrame).toBe(true);

  // Forward again from the past replays the recorded frame, not a new one.
  await stepForward.click();
  await expect.poll(async () => (await storeFrame(page)).cursor).toBe(ahead.store.cursor);
  expect(await screenState(page)).toEqual(ahead.screen);
  expect(await storeFrame(page)).toEqual(ahead.store);
});

test('in 中文, a refused action and a failed request are told in Chinese, with no English sentence from the simulator', async ({
  page,
}) => {
  await openLab(page, 'n=3&seed=1');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  // Two English words in a row would be a sentence the simulator wrote.
  const englishSentence = /[A-Za-z]{2,}[ ,;:]+[a-z]{2,}/;

  // A heartbeat slower than the election timeout: the simulator refuses the settings.
  await showTab(page, '设置');
  await page.getByRole('spinbutton', { name: /心跳间隔/ }).fill('500');
  await page.getByRole('button', { name: '应用并重启' }).click();
  const notice = page.getByRole('status').filter({ hasText: '设置无效' });
  await expect(notice).toContainText('这些集群设置无效');
  expect(await notice.innerText()).not.toMatch(englishSentence);
  await page.getByRole('button', { name: '关闭' }).click();

  // Crash S1 from its menu and write through it: the client gets no reply and gives up.
  await page
    .getByRole('group', { name: /^Raft 集群/ })
    .getByRole('button', { name: /^S1，/ })
    .click();
  await page
    .getByRole('menu', { name: 'S1 的操作' })
    .getByRole('menuitem', { name: /宕机/ })
    .click();
  await showTab(page, '客户端');
  await page.getByRole('combobox', { name: '发送给' }).selectOption('S1');
  await page.getByRole('button', { name: '发送请求' }).click();
  await advance(page, 5000);
  const requests = page.getByRole('list', { name: /客户端请求/ });
  const failed = requests.getByRole('listitem').filter({ hasText: '失败：' }).first();
  await expect(failed).toContainText(/失败：\d+ 毫秒内没有回复/);
  expect(await failed.innerText()).not.toMatch(englishSentence);
});

test('cluster size 3 → 7 in Settings works, and the URL reproduces the settings after a reload', async ({
  page,
}) => {
  await openLab(page, query(3, 5));
  await expect(nodeButtons(page)).toHaveCount(3);

  await showTab(page, 'Settings');
  await page.getByRole('spinbutton', { name: 'Cluster size (1–9)' }).fill('7');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('42');
  await page.getByRole('spinbutton', { name: 'Heartbeat interval (ms)' }).fill('40');
  await page.getByRole('button', { name: 'Apply and restart' }).click();
  await expect(nodeButtons(page)).toHaveCount(7);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  expect(new URL(page.url()).search).toBe(
    '?n=7&seed=42&et=150-300&hb=40&lat=10-20&loss=0&pv=0&cq=0&lang=en',
  );

  await untilLeader(page);
  await showTab(page, 'Logs');
  const firstRun = { leader: await leaderFact(page).innerText(), nodes: await screenState(page) };

  await page.reload();
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await expect(nodeButtons(page)).toHaveCount(7);
  await showTab(page, 'Settings');
  await expect(page.getByRole('spinbutton', { name: 'Cluster size (1–9)' })).toHaveValue('7');
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('42');
  await expect(page.getByRole('spinbutton', { name: 'Heartbeat interval (ms)' })).toHaveValue('40');
  await untilLeader(page);
  await showTab(page, 'Logs');
  // Same seed and settings: the same leader in the same term, the same drawing, the same logs.
  expect({ leader: await leaderFact(page).innerText(), nodes: await screenState(page) }).toEqual(
    firstRun,
  );
});

// ---------------------------------------------------------------------------------------------
// Chaos: a minute of random clicks and drags from a seeded generator (no Math.random).

/** mulberry32: a tiny seeded PRNG, so the chaos session is the same sequence every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

/** Clicks the centre of whatever the locator finds, as a person would; skips it when hidden. */
async function clickCentre(page: Page, target: Locator): Promise<boolean> {
  if ((await target.count()) === 0) return false;
  // It may be gone by now (a menu item of a node that just crashed): then there is no click.
  const box = await target
    .first()
    .boundingBox({ timeout: 2000 })
    .catch(() => null);
  if (!box) return false;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return true;
}

test('the links are one tab stop: arrow keys walk along them and Enter cuts the one in focus', async ({
  page,
}) => {
  await openLab(page, query(3, 1));
  const links = cluster(page).getByRole('button', { name: /^Link S/ });
  await expect(links).toHaveCount(3);
  const tabbable = await links.evaluateAll(
    (els) => els.filter((e) => e.getAttribute('tabindex') === '0').length,
  );
  expect(tabbable).toBe(1);
  await links.first().focus();
  await page.keyboard.press('ArrowRight');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAccessibleName(/^Link S1–S3/);
  await page.keyboard.press('Enter');
  await expect(cluster(page).getByRole('button', { name: /^Link S1–S3/ })).toHaveAccessibleName(
    /cut|broken/i,
  );
  const cuts = await page.evaluate(() => window.raftLabView!().frame?.network.cuts ?? []);
  // Both directions, and nothing else.
  expect(cuts).toEqual([
    [1, 3],
    [3, 1],
  ]);
});

const CHAOS_ACTIONS = 200;

test('a chaotic session of 200 seeded clicks and drags (about a minute) raises no error and no alarm', async ({
  page,
}) => {
  // The work is bounded by the count above (about 65 s here, with the question before acting in
  // the past answered); the limit only catches a hang, with room for a busier machine (a third
  // of it is 100 s).
  test.setTimeout(300_000);
  const rng = prng(20261125);
  await openLab(page, query(5, 11));
  const tabs = [
    'Course',
    'Client',
    'Logs',
    'State machines',
    'Events',
    'Inspect',
    'History',
    'Settings',
  ];
  const done: Record<string, number> = {};
  // Acting in the past asks first (a modal dialog): the session answers it as a person would.
  const asked = page.getByRole('dialog', { name: 'Start a new future here?' });

  const actions: [string, number, () => Promise<unknown>][] = [
    [
      'node menu',
      6,
      async () => {
        const n = await nodeButtons(page).count();
        const id = 1 + rng.int(n);
        if (!(await clickCentre(page, nodeButton(page, id)))) return;
        const items = page.getByRole('menuitem');
        const count = await items.count();
        if (count === 0) return;
        if (rng.next() < 0.15) return page.keyboard.press('Escape');
        return clickCentre(page, items.nth(rng.int(count)));
      },
    ],
    [
      'link',
      3,
      async () => {
        const links = cluster(page).getByRole('button', { name: /^Link S/ });
        const count = await links.count();
        if (count) await clickCentre(page, links.nth(rng.int(count)));
      },
    ],
    [
      'drag',
      3,
      async () => {
        const svg = await cluster(page).boundingBox();
        if (!svg) return;
        // The drawing is laid out in the SVG box's own pixels: its edges are the drawing's.
        const box = svg;
        const groupsBefore = await page.evaluate(() =>
          JSON.stringify(window.raftLabView!().frame?.network.groups),
        );
        const edge = (side: number) => {
          const r = rng.next();
          return side === 0
            ? { x: box.x + 5, y: box.y + r * box.height }
            : side === 1
              ? { x: box.x + box.width - 5, y: box.y + r * box.height }
              : side === 2
                ? { x: box.x + r * box.width, y: box.y + 5 }
                : { x: box.x + r * box.width, y: box.y + box.height - 5 };
        };
        // Both ends on empty background: the ring now reaches the drawing's edges, so an edge
        // point may fall on a node or the client (a few seeded redraws, then whatever came).
        const onBackground = (p: { x: number; y: number }) =>
          page.evaluate(
            ([x, y]) => !!document.elementFromPoint(x!, y!)?.classList.contains('rl-cluster-bg'),
            [p.x, p.y],
          );
        // From one side to the opposite one (left and right are sides 0 and 1, top and bottom
        // 2 and 3). Between any two sides, most strokes only cut a corner and split nothing:
        // 2 of 9 drags split in one run, none of 9 in another, and the session then failed.
        type Spot = { x: number; y: number };
        const stroke = (): [Spot, Spot] => {
          const side = rng.int(4);
          return [edge(side), edge(side ^ 1)];
        };
        let [a, b] = stroke();
        for (
          let tries = 0;
          tries < 6 && !((await onBackground(a)) && (await onBackground(b)));
          tries++
        )
          [a, b] = stroke();
        await page.mouse.move(a.x, a.y);
        await page.mouse.down();
        await page.mouse.move(b.x, b.y, { steps: 8 });
        await page.mouse.up();
        // A stroke in the past asks first; this one means it.
        // The question may take a moment on a busy machine: wait for it briefly.
        const question = await asked
          .waitFor({ state: 'visible', timeout: 400 })
          .then(() => true)
          .catch(() => false);
        if (question)
          await clickCentre(page, asked.getByRole('button', { name: 'Start a new future' }));
        await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
        const groupsAfter = await page.evaluate(() =>
          JSON.stringify(window.raftLabView!().frame?.network.groups),
        );
        if (groupsAfter !== groupsBefore)
          done['drag that split the network'] = (done['drag that split the network'] ?? 0) + 1;
      },
    ],
    [
      'message menu',
      3,
      async () => {
        // A message in flight: its menu holds, releases, drops or copies it.
        const messages = cluster(page).getByRole('button', { name: /^Message #/ });
        const count = await messages.count();
        if (count === 0) return;
        if (!(await clickCentre(page, messages.nth(rng.int(count))))) return;
        const items = page.getByRole('menuitem');
        const n = await items.count();
        if (n === 0) return;
        return clickCentre(page, items.nth(rng.int(n)));
      },
    ],
    [
      'diagram',
      1,
      () =>
        clickCentre(
          page,
          page.getByRole('button', { name: rng.pick(['Diagram', 'Logs']), exact: true }),
        ),
    ],
    [
      'manual delivery',
      1,
      () => clickCentre(page, page.getByRole('switch', { name: 'Manual delivery' })),
    ],
    ['theme', 1, () => clickCentre(page, page.getByRole('button', { name: 'Dark theme' }))],
    ['heal', 2, () => clickCentre(page, page.getByRole('button', { name: 'Heal network' }))],
    [
      'write',
      4,
      async () => {
        await clickCentre(page, page.getByRole('tab', { name: 'Client' }));
        const via = page.getByRole('combobox', { name: 'Send to' });
        if ((await via.count()) === 0) return;
        const options = await via.getByRole('option').allTextContents();
        await via.selectOption({ label: rng.pick(options) });
        if (rng.next() < 0.2)
          await page.getByRole('combobox', { name: 'Operation' }).selectOption('delete');
        else await page.getByRole('combobox', { name: 'Operation' }).selectOption('set');
        await page.getByRole('textbox', { name: 'Key' }).fill(rng.pick(['x', 'y', 'z']));
        await clickCentre(page, page.getByRole('button', { name: 'Send request' }));
      },
    ],
    [
      'play/pause',
      4,
      () => clickCentre(page, page.getByRole('button', { name: /^(Play|Pause)$/ })),
    ],
    [
      'step forward',
      3,
      () => clickCentre(page, page.getByRole('button', { name: 'Step forward' })),
    ],
    ['step back', 3, () => clickCentre(page, page.getByRole('button', { name: 'Step back' }))],
    ['keys', 2, () => page.keyboard.press(rng.pick(['Space', 'ArrowLeft', 'ArrowRight']))],
    ['speed', 3, () => page.getByRole('slider', { name: 'Speed' }).fill(String(rng.int(301)))],
    [
      'seek',
      1,
      async () => {
        const timeline = page.getByRole('slider', { name: 'Timeline' });
        const min = Number(await timeline.getAttribute('min'));
        const max = Number(await timeline.getAttribute('max'));
        await timeline.fill(String(min + Math.floor(rng.next() * (max - min + 1))));
      },
    ],
    [
      'tab',
      4,
      () => clickCentre(page, page.getByRole('tab', { name: rng.pick(tabs), exact: true })),
    ],
    [
      'pause when',
      1,
      () =>
        clickCentre(
          page,
          page.getByRole('checkbox', {
            name: rng.pick(['a leader is elected', 'the term changes', 'an entry commits']),
          }),
        ),
    ],
    [
      'loss',
      1,
      async () => {
        await clickCentre(page, page.getByRole('tab', { name: 'Settings' }));
        await page
          .getByRole('spinbutton', { name: 'Message loss now (%)' })
          .fill(String(rng.pick([0, 5, 20])));
        await clickCentre(page, page.getByRole('button', { name: 'Set loss' }));
      },
    ],
    ['legend', 1, () => clickCentre(page, page.getByRole('button', { name: 'Legend' }))],
    ['undo', 1, () => clickCentre(page, page.getByRole('button', { name: 'Undo', exact: true }))],
    [
      'resize',
      1,
      async () => {
        await clickCentre(page, page.getByRole('tab', { name: 'Settings' }));
        await page
          .getByRole('spinbutton', { name: 'Cluster size (1–9)' })
          .fill(String(rng.pick([3, 5, 7])));
        await clickCentre(page, page.getByRole('button', { name: 'Apply and restart' }));
        await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
      },
    ],
  ];
  const total = actions.reduce((s, [, w]) => s + w, 0);
  const choose = () => {
    let r = rng.next() * total;
    for (const a of actions) if ((r -= a[1]) < 0) return a;
    return actions[0]!;
  };

  // A fixed count, not a wall-clock minute, so the same seed always plays the same session.
  for (let i = 0; i < CHAOS_ACTIONS; i++) {
    if (await asked.isVisible()) {
      const answer = rng.next() < 0.7 ? 'Start a new future' : 'Cancel';
      await clickCentre(page, asked.getByRole('button', { name: answer, exact: true }));
      done[`answered ${answer}`] = (done[`answered ${answer}`] ?? 0) + 1;
    }
    const [name, , run] = choose();
    await run();
    done[name] = (done[name] ?? 0) + 1;
    // A short, seeded pause between actions (the same draws as ever, so the same session).
    await page.waitForTimeout(30 + Math.floor(rng.int(200) / 2));
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  }
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
  test.info().annotations.push({ type: 'chaos actions', description: JSON.stringify(done) });
  console.log(`chaos actions: ${JSON.stringify(done)}`);
  // The session really exercised the app: most kinds of action ran, partitions included.
  expect(Object.keys(done).length).toBeGreaterThanOrEqual(12);
  expect(done['drag that split the network'] ?? 0).toBeGreaterThan(0);
  const violations = await page.evaluate(() =>
    window
      .raftLabStore!.getState()
      .history.slice(0)
      .reduce((n, f) => n + f.violations.length, 0),
  );
  expect(violations).toBe(0);
});

// ---------------------------------------------------------------------------------------------

test('screenshots at 1280×720 in English and 中文, light and dark, fit the window without an alarm', async ({
  page,
}) => {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, query(5, 1));
  await untilLeader(page);
  await sendWrite(page, 'x', '1', 'the leader');
  await sendWrite(page, 'y', '2', 'the leader');
  await advance(page, 37); // mid-flight: some messages are on their way

  const shots: [lang: 'English' | '中文', dark: boolean, tab: number][] = [
    ['English', false, 2],
    ['English', true, 1],
    ['中文', false, 2],
    ['中文', true, 0],
  ];
  for (const [lang, dark, tabIndex] of shots) {
    const langButton = page.getByRole('button', { name: lang, exact: true });
    await langButton.click();
    await expect(langButton).toHaveAttribute('aria-pressed', 'true');
    const theme = page.getByRole('button', { name: /^(Dark theme|深色主题)$/ });
    if ((await theme.getAttribute('aria-pressed')) !== String(dark)) await theme.click();
    await expect(theme).toHaveAttribute('aria-pressed', String(dark));

    // Every panel fits the window in this language and theme.
    const tabs = page.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      const size = await page.evaluate(() => {
        const s = document.scrollingElement!;
        return {
          sw: s.scrollWidth,
          sh: s.scrollHeight,
          w: window.innerWidth,
          h: window.innerHeight,
        };
      });
      const tabName = await tabs.nth(i).innerText();
      expect(size.sw, `page width with tab ${tabName}`).toBeLessThanOrEqual(size.w);
      expect(size.sh, `page height with tab ${tabName}`).toBeLessThanOrEqual(size.h);
    }
    await tabs.nth(tabIndex).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    const name = `${lang === 'English' ? 'en' : 'zh'}-${dark ? 'dark' : 'light'}`;
    await page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
});
