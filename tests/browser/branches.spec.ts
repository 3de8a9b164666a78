// The history tree in real Chromium, through roles and accessible names: act in the past (the
// question confirmed), find the old future kept as a branch in the History tab, switch back and
// forth to the same trace digest and event, and compare the two branches. The store is only
// read, or asked to run virtual time ahead; work is bounded by counts.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advance, openSettled } from './labPage';

const shown = (page: Page) =>
  page.evaluate(() => {
    const s = window.raftLabStore!.getState();
    return {
      branchId: s.branchId,
      digest: s.traceHash,
      cursor: s.cursor,
      event: window.raftLabView!().frame!.event,
    };
  });
const idle = (page: Page) => page.evaluate(() => window.raftLabStore!.getState().whenIdle());
/** The running clusters' hosts: a rebuild replays in the page, then every node is in a worker. */
const hosts = (page: Page) => page.evaluate(() => window.raftLabHosts!());

test('branch from the past, switch back and forth to the same digest, compare the branches', async ({
  page,
}) => {
  await openSettled(page, 'n=5&seed=3&et=150-300&hb=50&lat=10-20&loss=0');
  await advance(page, 500);
  const cursor = (await shown(page)).cursor - 40;
  await page.evaluate((c) => window.raftLabStore!.getState().seekTo(c), cursor);
  await idle(page);
  const first = await shown(page);

  // Crash S1 in the past; the question is confirmed.
  await page.getByRole('button', { name: /^S1, / }).click();
  await page.getByRole('menuitem', { name: /crash/i }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new future here?' });
  await dialog.getByRole('button', { name: 'Start a new future' }).click();
  await idle(page);
  await advance(page, 300);
  const second = await shown(page);
  expect(second.branchId).toBe(2);
  expect(second.digest).not.toBe(first.digest);
  // The branch left keeps its five workers; the rebuilt one went live with S1 down.
  expect(await hosts(page)).toEqual([
    { replaying: false, workers: 5 },
    { replaying: false, workers: 4 },
  ]);

  // The History tab lists both, the new one named by when and what.
  await page.getByRole('tab', { name: 'History' }).click();
  const list = page.getByRole('list', { name: 'Branches of this run' });
  const at = await page.evaluate(() => window.raftLabStore!.getState().branches[1]!.at);
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const row2 = list.getByRole('listitem').filter({ hasText: `t=${at} ms: crashed S1` });
  await expect(row2).toContainText('on screen');
  await expect(row2).toContainText(`digest ${second.digest}`);
  const row1 = list.getByRole('listitem').filter({ hasText: 'First run' });
  await expect(row1).toContainText(`digest ${first.digest}`);

  // Switch back and forth: the same digest and the same event on screen each time.
  for (let round = 0; round < 2; round++) {
    await page.getByRole('button', { name: 'Switch to branch 1: First run' }).click();
    await idle(page);
    expect(await shown(page)).toEqual(first);
    await expect(row1).toContainText('on screen');
    await page.getByRole('button', { name: `Switch to branch 2: t=${at} ms: crashed S1` }).click();
    await idle(page);
    expect(await shown(page)).toEqual(second);
  }

  // Compare: the first differing event, and both side by side at one time.
  const form = page.getByRole('form', { name: 'Compare two branches' });
  await form.getByRole('combobox', { name: 'Branch', exact: true }).selectOption('1');
  await form.getByRole('combobox', { name: 'with branch', exact: true }).selectOption('2');
  await form.getByRole('button', { name: 'Compare' }).click();
  await idle(page);
  const comparison = page.getByRole('region', { name: 'Branch 1 and branch 2' });
  const c = await page.evaluate(() => window.raftLabStore!.getState().comparison!);
  const from = await page.evaluate(() => window.raftLabStore!.getState().branches[1]!.from);
  expect(c.firstDifference).toBe(from + 1);
  await expect(comparison).toContainText(`First difference: event ${c.firstDifference}`);
  const sides = comparison.getByRole('group', { name: 'Logs and leaders side by side' });
  await expect(sides.getByRole('region', { name: 'Branch 1' })).not.toContainText('S1: down');
  await expect(sides.getByRole('region', { name: 'Branch 2' })).toContainText('S1: down');
  await comparison.getByRole('button', { name: `Show event ${c.firstDifference}` }).click();
  await idle(page);
  expect((await shown(page)).cursor).toBe(c.firstDifference);
  expect((await shown(page)).event).toMatchObject({ kind: 'action', detail: { do: 'crash' } });

  // Another time: both sides shown there.
  await comparison.getByRole('spinbutton', { name: 'Time (ms)' }).fill(String(c.divergedAt! + 1));
  await comparison.getByRole('button', { name: 'Show at this time' }).click();
  await idle(page);
  await expect(comparison).toContainText(`Both at t=${c.divergedAt! + 1} ms`);

  // A third branch (from branch 2); branch 1 is then no longer kept running, so switching to
  // it rebuilds it through the workers from its actions, to the same digest and event.
  await page.evaluate(() => window.raftLabStore!.getState().seekTo(3));
  await idle(page);
  const secondLeft = await shown(page);
  await page.getByRole('button', { name: /^S2, / }).click();
  await page.getByRole('menuitem', { name: /crash/i }).click();
  await dialog.getByRole('button', { name: 'Start a new future' }).click();
  await idle(page);
  // Clicking a server opened the inspector: back to the History tab.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').nth(2)).toContainText('crashed S2');
  await page.getByRole('button', { name: 'Switch to branch 1: First run' }).click();
  await idle(page);
  expect(await shown(page)).toEqual(first);
  // Branch 1 was rebuilt in the page and went live: all five of its nodes are in workers.
  expect((await hosts(page)).map((h) => h.replaying)).toEqual([false, false]);
  expect((await hosts(page)).at(-1)).toEqual({ replaying: false, workers: 5 });
  await page.getByRole('button', { name: `Switch to branch 2: t=${at} ms: crashed S1` }).click();
  await idle(page);
  expect(await shown(page)).toEqual(secondLeft);

  // In 中文 the branch reads as when and what, with 宕机 for crashed.
  await page.evaluate(() => window.raftLabStore!.getState().setLanguage('zh'));
  const zhList = page.getByRole('list', { name: '本次运行的分支' });
  await expect(zhList.getByRole('listitem').nth(1)).toContainText(`${at} 毫秒：S1 宕机`);
  await page.screenshot({ path: test.info().outputPath('history-tab.png') });
});
