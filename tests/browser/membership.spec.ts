// Membership changes and leadership transfer in real Chromium, each server in a real worker
// (Raft thesis ch. 4, §3.10), done the way a person does them: the Add server button, a node's
// menu, the membership form, found by role and accessible name. The store is only read, or asked
// to run virtual time ahead, in slices bounded by count, so no test waits in real time.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advance, openSettled, shownLeader } from './labPage';
import { watchErrors } from './pageErrors';

const SETTINGS = 'et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';
const query = (nodes: number, seed: number, lang = 'en') =>
  `n=${nodes}&seed=${seed}&${SETTINGS}&lang=${lang}`;

const cluster = (page: Page) => page.getByRole('group', { name: /^Raft cluster|^Raft 集群/ });
const nodeButtons = (page: Page) => cluster(page).getByRole('button', { name: /^S\d+[,，]/ });
const nodeButton = (page: Page, id: number) =>
  cluster(page).getByRole('button', { name: new RegExp(`^S${id}[,，]`) });
const leaderFact = (page: Page) => page.getByTestId('leader-fact');

async function idle(page: Page): Promise<void> {
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

/**
 * Advances in `sliceMs` slices, at most `slices` of them, until `holds` is true; returns every
 * value `read` gave on the way (so a test can also say what it saw pass).
 */
async function until<T>(
  page: Page,
  read: () => Promise<T>,
  holds: (v: T) => boolean,
  slices: number,
  sliceMs: number,
): Promise<T[]> {
  const seen = [await read()];
  for (let i = 0; i < slices && !holds(seen.at(-1)!); i++) {
    await advance(page, sliceMs);
    seen.push(await read());
  }
  expect(holds(seen.at(-1)!), `not within ${slices} × ${sliceMs} ms: ${String(seen.at(-1))}`).toBe(
    true,
  );
  return seen;
}

async function chooseFromMenu(page: Page, id: number, item: string): Promise<void> {
  await nodeButton(page, id).click();
  const menu = page.getByRole('menu', { name: `Actions for S${id}` });
  await menu.getByRole('menuitem', { name: item }).click();
  await idle(page);
}

test.describe('membership through the UI', () => {
  test('Add server: a sixth server joins as a learner, then votes, and the majority grows', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openSettled(page, query(5, 4));
    await expect(page.getByText('Majority: 3 of 5', { exact: true })).toBeVisible();

    const tools = page.getByRole('toolbar', { name: 'Classroom actions' });
    await tools.getByRole('button', { name: 'Add server' }).click();
    await idle(page);
    await expect(nodeButtons(page)).toHaveCount(6);

    const name = () =>
      nodeButton(page, 6)
        .getAttribute('aria-label')
        .then((n) => n ?? '');
    const seen = await until(page, name, (n) => /^S6, follower, term \d+$/.test(n), 40, 10);
    // On its way it was a learner: it caught up first, with no vote.
    expect(seen.some((n) => n.endsWith('learner · cannot vote'))).toBe(true);
    await expect(page.getByText('Majority: 4 of 6', { exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('Remove from the cluster on the leader: it is tagged removed and another server leads', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openSettled(page, query(5, 4));
    const old = await shownLeader(page);

    await chooseFromMenu(page, old, 'Remove from the cluster');
    const leader = () => leaderFact(page).innerText();
    await until(
      page,
      leader,
      (l) => /^Leader S\d+/.test(l) && !l.startsWith(`Leader S${old},`),
      30,
      100,
    );

    await expect(nodeButton(page, old)).toHaveAccessibleName(/, removed$/);
    await expect(page.getByText('Majority: 3 of 4 voters', { exact: true })).toBeVisible();
    // A server outside the configuration offers no removal and no election timer.
    await nodeButton(page, old).click();
    const menu = page.getByRole('menu', { name: `Actions for S${old}` });
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Crash',
      'Write through this node',
      'Take a snapshot now',
    ]);
    expect(errors).toEqual([]);
  });

  test('Hand leadership to this server: the chosen follower leads after TimeoutNow', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openSettled(page, query(5, 4));
    const old = await shownLeader(page);
    const chosen = old === 4 ? 5 : 4;

    await chooseFromMenu(page, chosen, 'Hand leadership to this server');
    await until(
      page,
      () => shownLeader(page).catch(() => 0),
      (l) => l === chosen,
      20,
      50,
    );

    await page.getByRole('tab', { name: 'Events', exact: true }).click();
    const events = page.getByRole('list', { name: 'Events, newest first' });
    await expect(
      events.getByText(new RegExp(`^S${chosen} got TimeoutNow from S${old}`)),
    ).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('a refused change is told in the reader’s language: 中文', async ({ page }) => {
    await openSettled(page, query(5, 4, 'zh'));
    await page.getByRole('tab', { name: '客户端', exact: true }).click();
    // The voters in use, chosen again: the simulator refuses, the notice says why in Chinese.
    await page.getByRole('button', { name: '更换投票成员' }).click();
    await idle(page);
    const notice = page.getByRole('status').filter({ hasText: '投票成员' });
    await expect(notice).toContainText('投票成员已经就是这些了。');
    await expect(page.getByText('当前配置：投票成员 {1,2,3,4,5}')).toBeVisible();
  });
});
