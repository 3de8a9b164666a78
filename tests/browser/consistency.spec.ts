// What a Raft-backed store promises its clients, in real Chromium with every server in a real
// worker (Raft thesis ch. 5 and 6), done the way a person does it: the client panel's form, a
// node's menu, a stroke across the drawing, all found by role and accessible name. Reads in each
// mode show their path, a snapshot taken from the menu shows as one block in the log strip, and
// a local read on a deposed leader is stale: the Linearizability alarm says so and draws it on a
// timeline. Fixed seeds; the store is only read, or asked to run virtual time ahead in slices
// bounded by count, so no test waits in real time.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advance, openSettled, shownLeader } from './labPage';
import { watchErrors } from './pageErrors';

const SETTINGS = 'et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';
const LINK = `n=5&seed=7&${SETTINGS}&lang=en`;

const cluster = (page: Page) => page.getByRole('group', { name: /^Raft cluster/ });
const nodeButton = (page: Page, id: number) =>
  cluster(page).getByRole('button', { name: new RegExp(`^S${id}, `) });
const leaderFact = (page: Page) => page.getByTestId('leader-fact');
const requests = (page: Page) => page.getByRole('list', { name: 'Client requests, newest first' });
/** The request #id in the client panel's list (its head starts "#id "). */
const request = (page: Page, id: number) =>
  requests(page)
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^#${id} `) });
const logTable = (page: Page) => page.getByRole('table', { name: 'Logs of all servers' });
const logRow = (page: Page, id: number) =>
  logTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^S${id} `) }) });

/** Opens the lab on the spec's link, settled on a leader. */
const open = (page: Page) => openSettled(page, LINK);

/** Advances in `sliceMs` slices, at most `slices` of them, until `holds` is true of `read()`. */
async function until<T>(
  page: Page,
  read: () => Promise<T>,
  holds: (v: T) => boolean,
  slices = 40,
  sliceMs = 50,
): Promise<T> {
  let v = await read();
  for (let i = 0; i < slices && !holds(v); i++) {
    await advance(page, sliceMs);
    v = await read();
  }
  expect(holds(v), `not within ${slices} × ${sliceMs} ms: ${String(v)}`).toBe(true);
  return v;
}

/** Fills the client panel's form and sends it; `mode` only for a read. */
async function send(
  page: Page,
  op: 'set' | 'append' | 'read',
  fields: { key: string; value?: string; mode?: string; via: 'the leader' | number },
): Promise<void> {
  const tab = page.getByRole('tab', { name: 'Client', exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption(op);
  await page.getByRole('textbox', { name: 'Key' }).fill(fields.key);
  if (fields.value !== undefined)
    await page.getByRole('textbox', { name: 'Value' }).fill(fields.value);
  if (fields.mode !== undefined)
    await page.getByRole('combobox', { name: 'Read mode' }).selectOption({ label: fields.mode });
  const via = fields.via === 'the leader' ? fields.via : `S${fields.via}`;
  await page.getByRole('combobox', { name: 'Send to' }).selectOption({ label: via });
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

/**
 * The text of request #id once its stage (shown in its head: "acknowledged", "failed") is
 * `stage`, advancing virtual time until it is.
 */
async function settled(page: Page, id: number, stage: string): Promise<string> {
  const shown = () =>
    request(page, id)
      .locator('.rl-request-stage')
      .innerText()
      .catch(() => '');
  await until(page, shown, (t) => t === stage);
  return request(page, id).innerText();
}

const LOCAL = 'local — unsafe: nothing is checked';
const READ_INDEX = 'ReadIndex — the leader confirms it still leads';

let errors: string[] = [];
test.beforeEach(({ page }) => {
  errors = watchErrors(page);
});
test.afterEach(() => {
  expect(errors, 'console errors and page errors').toEqual([]);
});

test('a local read, a ReadIndex read and an append each show their path', async ({ page }) => {
  await open(page);
  const leader = await shownLeader(page);
  const follower = leader === 1 ? 2 : 1;
  await send(page, 'set', { key: 'x', value: '1', via: 'the leader' });
  await settled(page, 1, 'acknowledged');
  await advance(page, 100);

  await send(page, 'read', { key: 'x', mode: LOCAL, via: follower });
  const local = await settled(page, 2, 'acknowledged');
  expect(local).toContain('read x · local, unchecked');
  expect(local).toContain('UNSAFE');
  expect(local).toContain(`answered from S${follower}’s own state machine — nothing checked`);
  expect(local).toContain('answered "1"');

  await send(page, 'read', { key: 'x', mode: READ_INDEX, via: follower });
  const confirmed = await settled(page, 3, 'acknowledged');
  expect(confirmed).toMatch(/read index noted: \d+/);
  expect(confirmed).toMatch(/leadership confirmed by [345] of 5/);
  expect(confirmed).toContain('applied up to the read index');
  expect(confirmed).toContain('answered "1"');

  await send(page, 'append', { key: 'x', value: '2', via: 'the leader' });
  const appended = await settled(page, 4, 'acknowledged');
  expect(appended).toContain('append x+=2');
  expect(appended).toMatch(/appended at index \d+ \(term \d+\)/);
  expect(appended).toMatch(/session: client \d+, request \d+/);
  await advance(page, 100);
  await page.getByRole('tab', { name: 'State machines' }).click();
  await expect(page.getByRole('region', { name: 'State machines' })).toContainText('12');
});

test('Take a snapshot now: the leader’s log row shows one snapshot block, and indexes go on after it', async ({
  page,
}) => {
  await open(page);
  const leader = await shownLeader(page);
  for (const v of ['1', '2', '3']) await send(page, 'set', { key: 'k', value: v, via: leader });
  await settled(page, 3, 'acknowledged');

  await nodeButton(page, leader).click();
  const menu = page.getByRole('menu', { name: `Actions for S${leader}` });
  await menu.getByRole('menuitem', { name: 'Take a snapshot now' }).click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());

  // The no-op and three writes, applied, are now one block: snapshot ≤ 4, term 1.
  const block = logRow(page, leader).getByRole('cell', { name: /^snapshot ≤ \d+, term \d+$/ });
  await expect(block).toHaveCount(1);
  const upTo = Number(/≤ (\d+)/.exec((await block.getAttribute('aria-label'))!)![1]);
  expect(upTo).toBeGreaterThanOrEqual(4);
  await expect(logRow(page, leader).getByRole('cell', { name: /^index \d+, / })).toHaveCount(0);
  const follower = leader === 1 ? 2 : 1;
  await expect(logRow(page, follower).getByRole('cell', { name: /^index 1, / })).toHaveCount(1);

  await send(page, 'set', { key: 'k', value: '4', via: 'the leader' });
  await settled(page, 4, 'acknowledged');
  await expect(
    logRow(page, leader).getByRole('cell', {
      name: `index ${upTo + 1}, term 1, set k=4, committed`,
    }),
  ).toHaveCount(1);
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  await expect(
    page
      .getByRole('list', { name: 'Events, newest first' })
      .getByText(`S${leader} took a snapshot up to ${upTo}: its log now starts after it`),
  ).toBeVisible();
});

/** Node centres in page px. */
async function centre(page: Page, id: number): Promise<{ x: number; y: number }> {
  const box = (await nodeButton(page, id).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags a straight stroke across empty background that puts `minority` (neighbours on the ring)
 * on one side: perpendicular to the direction of their midpoint, halfway between them and the
 * rest, from edge to edge of the drawing.
 */
async function dragPartition(page: Page, minority: number[], all: number[]): Promise<void> {
  const spots = await Promise.all(all.map((id) => centre(page, id)));
  const svg = (await cluster(page).boundingBox())!;
  const mean = (ps: { x: number; y: number }[]) => ({
    x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
    y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
  });
  const c = mean(spots);
  const mine = minority.map((id) => spots[all.indexOf(id)]!);
  const m = mean(mine);
  const len = Math.hypot(m.x - c.x, m.y - c.y);
  const u = { x: (m.x - c.x) / len, y: (m.y - c.y) / len };
  const along = (p: { x: number; y: number }) => (p.x - c.x) * u.x + (p.y - c.y) * u.y;
  const rest = spots.filter((p) => !mine.includes(p));
  const d = (Math.min(...mine.map(along)) + Math.max(...rest.map(along))) / 2;
  const at = (s: number) => ({ x: c.x + u.x * d - u.y * s, y: c.y + u.y * d + u.x * s });
  const inside = (p: { x: number; y: number }) =>
    p.x > svg.x + 3 &&
    p.x < svg.x + svg.width - 3 &&
    p.y > svg.y + 3 &&
    p.y < svg.y + svg.height - 3;
  let k = 0;
  while (inside(at(k + 1)) && inside(at(-(k + 1)))) k++;
  await page.mouse.move(at(-k).x, at(-k).y);
  await page.mouse.down();
  await page.mouse.move(at(k).x, at(k).y, { steps: 12 });
  await page.mouse.up();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

test('a local read on a deposed leader is stale: the Linearizability alarm shows it on a timeline', async ({
  page,
}) => {
  await open(page);
  const old = await shownLeader(page);
  await send(page, 'set', { key: 'x', value: '1', via: 'the leader' });
  await settled(page, 1, 'acknowledged');
  await advance(page, 100);

  // The leader and its ring neighbour on one side; the other three elect a leader of their own.
  const minority = [old, (old % 5) + 1];
  await dragPartition(page, minority, [1, 2, 3, 4, 5]);
  const next = await until(
    page,
    () => leaderFact(page).innerText(),
    (t) => /^Leader S\d+, term \d+$/.test(t) && !t.startsWith(`Leader S${old},`),
  );
  expect(minority).not.toContain(Number(/S(\d+)/.exec(next)![1]));
  await send(page, 'set', { key: 'x', value: '2', via: 'the leader' });
  await settled(page, 2, 'acknowledged');

  // The old leader still thinks it leads (no CheckQuorum): a ReadIndex read there is refused…
  await expect(nodeButton(page, old)).toHaveAccessibleName(/^S\d+, leader, term \d+$/);
  await send(page, 'read', { key: 'x', mode: READ_INDEX, via: old });
  const refused = await settled(page, 3, 'failed');
  expect(refused).toContain(`S${old} could not confirm it still leads`);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // …while a local read answers from its own, stale state machine.
  await send(page, 'read', { key: 'x', mode: LOCAL, via: old });
  expect(await settled(page, 4, 'acknowledged')).toContain('answered "1"');
  const alarm = page.getByRole('alert');
  await expect(alarm).toContainText('Linearizability');
  await expect(alarm).toContainText('Read #4 (read x) returned "1", missing write #2');
  const timeline: Locator = alarm.getByRole('img', { name: /^Timeline of the stale read/ });
  await expect(timeline).toBeVisible();
  await expect(timeline).toHaveAccessibleName(/write #2 set x=2 · acknowledged at \d+ ms/);
  await expect(timeline).toHaveAccessibleName(
    /read #4 of x → "1" · sent at \d+ ms · answered by S\d/,
  );
  const ticks = await timeline.locator('text.rl-timeline-tick').allTextContents();
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  expect(ticks.every((t) => /^\d+ ms$/.test(t))).toBe(true);
  await expect(page.getByText('⚠ 1 safety violation')).toBeVisible();
});
