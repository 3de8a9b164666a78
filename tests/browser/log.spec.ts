// The log strip under the cluster in real Chromium: nine servers fit at 1280×720 (or scroll with
// the leader's row pinned), the first entry moves nothing, commands are whole where they fit and
// cut with a title where not, text is 18 px in presentation mode, a follower the leader repairs
// says why its log was refused while the n marker shows the back-off, and at 1,000 virtual ms a
// second the strip redraws at most every 100 ms and is up to date the moment playback pauses.
// Actions go through the page (node menus, the client panel, the step buttons); the store is
// only read, asked to run virtual time ahead (fastForward, advanceBy), or, for the fast run's
// load, asked to write, as in ui.spec.ts.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

const SETTINGS = 'et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';
const query = (nodes: number, seed: number) => `n=${nodes}&seed=${seed}&${SETTINGS}`;

async function openLab(page: Page, search: string): Promise<void> {
  await page.goto(`/?${search}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await expect(logTable(page)).toBeVisible();
}

const logTable = (page: Page) => page.getByRole('table', { name: 'Logs of all servers' });
const logRow = (page: Page, id: number) =>
  logTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^S${id} `) }) });
const rowHeader = (page: Page, id: number) =>
  logTable(page).getByRole('rowheader', { name: new RegExp(`^S${id} `) });
const cluster = (page: Page) => page.getByRole('group', { name: /^Raft cluster/ });
const nodeButton = (page: Page, id: number) =>
  cluster(page).getByRole('button', { name: new RegExp(`^S${id}, `) });

async function untilLeader(page: Page): Promise<number> {
  await page.evaluate(() => window.raftLabStore!.getState().fastForward('leader'));
  return page.evaluate(() => window.raftLabView!().frame!.facts.leader!);
}

async function advance(page: Page, ms: number): Promise<void> {
  await page.evaluate((m) => window.raftLabStore!.getState().advanceBy(m), ms);
}

async function nodeAction(page: Page, id: number, item: 'Crash' | 'Restart'): Promise<void> {
  await nodeButton(page, id).click();
  const menu = page.getByRole('menu', { name: `Actions for S${id}` });
  await menu.getByRole('menuitem', { name: item }).click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

async function sendWrite(page: Page, key: string, value: string): Promise<void> {
  const tab = page.getByRole('tab', { name: 'Client', exact: true });
  await tab.click();
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('set');
  await page.getByRole('textbox', { name: 'Key' }).fill(key);
  await page.getByRole('textbox', { name: 'Value' }).fill(value);
  await page.getByRole('combobox', { name: 'Send to' }).selectOption({ label: 'the leader' });
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

/** Each row of the table and whether it lies wholly inside the strip's scrollport and window. */
function rowsInView(table: HTMLElement): { name: string; inView: boolean }[] {
  let port: HTMLElement | null = table.parentElement;
  while (port && !/(auto|scroll)/.test(getComputedStyle(port).overflowY)) port = port.parentElement;
  const view = port!.getBoundingClientRect();
  const head = table.querySelector('thead')!.getBoundingClientRect();
  // The row header's box, not the row's: a pinned row's cells are what stick.
  return [...table.querySelectorAll('tbody tr')].map((tr) => {
    const b = tr.querySelector('th')!.getBoundingClientRect();
    const top = Math.max(view.top, head.bottom);
    return {
      name: tr.querySelector('th')!.textContent!.trim().split(' ')[0]!,
      inView: b.top >= top - 1 && b.bottom <= Math.min(view.bottom, window.innerHeight) + 1,
    };
  });
}

test('nine servers at 1280×720: every log row is in view and nothing scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, query(9, 1));
  await untilLeader(page);
  await advance(page, 200);
  const rows = await logTable(page).evaluate(rowsInView);
  expect(rows.map((r) => r.name)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9']);
  expect(rows.filter((r) => !r.inView)).toEqual([]);
  const widths = await logTable(page).evaluate((t) => {
    const strip = t.closest('section')!;
    return {
      scroll: strip.scrollWidth,
      client: strip.clientWidth,
      page: document.body.scrollWidth,
    };
  });
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect(widths.page).toBeLessThanOrEqual(1280);
});

test('at 1,000 virtual ms a second the strip redraws at most every 100 ms, and a pause shows the newest entries', async ({
  page,
}) => {
  await openLab(page, query(3, 3));
  const leader = await untilLeader(page);
  // Every redraw of the table while playing fast: one MutationObserver call per React commit.
  await logTable(page).evaluate((table) => {
    const times: number[] = [];
    new MutationObserver(() => times.push(performance.now())).observe(table, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    (window as unknown as { stripRedraws: number[] }).stripRedraws = times;
  });
  await page.evaluate(() => window.raftLabStore!.getState().setSpeed(1000));
  const playedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Play' }).click();
  // A write every 50 virtual ms for 90 display frames: the logs change on most frames.
  await page.evaluate(async () => {
    const store = window.raftLabStore!;
    let next = window.raftLabView!().viewTime + 50;
    let writes = 0;
    for (let frame = 0; frame < 90; frame++) {
      await new Promise(requestAnimationFrame);
      while (window.raftLabView!().viewTime >= next) {
        void store.getState().writeKey(`k${writes % 8}`, String(writes++));
        next += 50;
      }
    }
  });
  const pausedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
  const redraws = await page.evaluate(
    (before) =>
      (window as unknown as { stripRedraws: number[] }).stripRedraws.filter((t) => t < before),
    pausedAt,
  );
  // While it played, the writes reached the strip, in redraws at least 100 ms apart: no more
  // of them than that allows (counted, not timed one by one: a redraw's own work may come
  // late). Redrawn on every change, as below STEADY_SPEED, it was about twice as many here.
  expect(redraws.length).toBeGreaterThan(2);
  expect(redraws.length).toBeLessThanOrEqual(Math.floor((pausedAt - playedAt) / 100) + 2);
  // Paused, the strip shows the newest frame: the leader's newest entry has its column.
  const last = await page.evaluate((id) => {
    const log = window.raftLabView!().frame!.nodes[id - 1]!.log;
    return log.base + log.length;
  }, leader);
  expect(last).toBeGreaterThan(20);
  await expect(
    logTable(page).getByRole('columnheader', { name: String(last), exact: true }),
  ).toBeVisible();
});

test('with text at 200 % the strip scrolls and the leader’s row stays pinned in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, query(9, 1));
  const leader = await untilLeader(page);
  await page.getByRole('combobox', { name: /text size/i }).selectOption('200');
  const strip = await logTable(page).evaluateHandle((t) => t.closest('section')!);
  // The rows no longer fit, so the strip scrolls.
  await expect.poll(() => strip.evaluate((s) => s.scrollHeight > s.clientHeight + 1)).toBe(true);
  for (const to of ['top', 'bottom'] as const) {
    await strip.evaluate((s, end) => (s.scrollTop = end === 'top' ? 0 : s.scrollHeight), to);
    await expect
      .poll(async () => (await logTable(page).evaluate(rowsInView)).map((r) => r.inView))
      .toContain(false);
    const rows = await logTable(page).evaluate(rowsInView);
    expect(
      rows.find((r) => r.name === `S${leader}`),
      `scrolled to the ${to}`,
    ).toMatchObject({
      inView: true,
    });
  }
});

test.describe('the first entry', () => {
  for (const nodes of [3, 5, 9]) {
    test(`moves neither the cluster nor the strip (${nodes} servers, 1280×720)`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openLab(page, query(nodes, 1));
      await expect(logTable(page).getByRole('cell', { name: /^index 1, / })).toHaveCount(0);
      const boxes = async () => ({
        cluster: await cluster(page).boundingBox(),
        strip: await logTable(page).evaluate((t) => {
          let port: HTMLElement | null = t.parentElement;
          while (port && !/(auto|scroll)/.test(getComputedStyle(port).overflowY))
            port = port.parentElement;
          const r = port!.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      });
      const before = await boxes();
      await untilLeader(page);
      await expect(
        logTable(page)
          .getByRole('cell', { name: /^index 1, / })
          .first(),
      ).toBeVisible();
      expect(await boxes()).toEqual(before);
    });
  }
});

test('a command is whole at 1920×1080, and cut with an ellipsis and a title when narrow', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openLab(page, query(5, 1));
  const leader = await untilLeader(page);
  await sendWrite(page, 'greeting', 'hello');
  await advance(page, 300);
  const cell = logRow(page, leader).getByRole('cell', { name: /set greeting=hello/ });
  const shown = () =>
    cell.evaluate((td) => {
      const cmd = td.querySelector('.rl-log-cmd') as HTMLElement;
      return {
        text: cmd.textContent,
        cut: cmd.scrollWidth > cmd.clientWidth,
        ellipsis: getComputedStyle(cmd).textOverflow,
        title: td.getAttribute('title'),
      };
    });
  expect(await shown()).toMatchObject({ text: 'set greeting=hello', cut: false });

  // 200 % zoom on 1280×720 with a few more entries: the cells narrow, the command is cut.
  for (const k of ['a', 'b', 'c', 'd']) await sendWrite(page, k, `value-${k}`);
  await advance(page, 300);
  await page.setViewportSize({ width: 640, height: 360 });
  await expect.poll(async () => (await shown()).cut).toBe(true);
  const narrow = await shown();
  expect(narrow.ellipsis).toBe('ellipsis');
  expect(narrow.title).toContain('set greeting=hello');
});

test('presentation mode at 1280×720: every text in the strip is at least 18 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, `${query(5, 1)}&present=1`);
  await untilLeader(page);
  // The side panel is a drawer in presentation mode: write through the store's intent.
  await page.evaluate(() => window.raftLabStore!.getState().writeKey('greeting', 'hello'));
  await advance(page, 200);
  const small = await logTable(page).evaluate((t) => {
    const strip = t.closest('section')!;
    const out: string[] = [];
    const walker = document.createTreeWalker(strip, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      const text = (n.textContent ?? '').trim();
      if (!text || el.closest('.rl-visually-hidden')) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 17.95) out.push(`${text}: ${px} px`);
    }
    return out;
  });
  expect(small).toEqual([]);
});

test('a follower the leader repairs says why it was refused, and the n marker backs off', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, query(5, 1));
  const leader = await untilLeader(page);
  const follower = leader === 1 ? 2 : 1;
  // A first write the follower acknowledges: the leader then streams to it (flow control), and
  // keeps sending past what it holds while it is down, which the restarted follower refuses.
  await sendWrite(page, 'z', 'first');
  await advance(page, 300);
  await nodeAction(page, follower, 'Crash');
  for (const k of ['a', 'b', 'c']) await sendWrite(page, k, `value-${k}`);
  await advance(page, 300);
  await nodeAction(page, follower, 'Restart');

  // Run ahead a few virtual ms at a time until the follower's row gives a reason.
  const why = rowHeader(page, follower);
  for (let i = 0; i < 150 && !/rejected at/.test(await why.innerText()); i++)
    await advance(page, 2);
  await expect(why).toContainText(/rejected at \d+: log too short, ends at \d+/);
  const full = (await why.locator('[title]').last().getAttribute('title')) ?? '';
  const backedOff = Number(/backed nextIndex off to (\d+)/.exec(full)?.[1]);
  expect(backedOff).toBeGreaterThan(0);

  // Step back to the event where the leader received the rejection: n stands where it backed off.
  const moved = logRow(page, follower).getByTitle(`nextIndex backed off to ${backedOff}`);
  const stepBack = page.getByRole('button', { name: 'Step back' });
  for (let i = 0; i < 20 && (await moved.count()) === 0; i++) await stepBack.click();
  await expect(moved).toHaveCount(1);
  await expect(why).toContainText('rejected at');
  const column = await moved.evaluate((el) => (el.closest('td') as HTMLTableCellElement).cellIndex);
  const header = logTable(page).locator('thead th').nth(column);
  await expect(header).toHaveText(String(backedOff));

  // The inspector says it in full.
  await why.getByRole('button').click();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('backed nextIndex');

  // Forward, one event at a time, until the follower accepts: the reason is gone, logs agree.
  const stepForward = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 40 && /rejected at/.test(await why.innerText()); i++)
    await stepForward.click();
  await expect(why).not.toContainText('rejected at');
  const entries = async (id: number) =>
    (
      await logRow(page, id)
        .getByRole('cell', { name: /^index \d+, / })
        .all()
    ).length;
  expect(await entries(follower)).toBe(await entries(leader));
});
