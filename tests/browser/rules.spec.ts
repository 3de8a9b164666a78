// Breaking a Figure 2 rule on purpose, in real Chromium, through roles and accessible names: a
// person switches "one vote per term" (§5.2) off in Settings and restarts, the top bar keeps
// saying a rule is off, two servers' election timers fired at the same virtual instant elect two
// leaders of one term, and the alarm names Election Safety, jumps to the event that broke it and
// the drawing and the log strip mark both leaders. The store is only read, or asked to run
// virtual time ahead, so nothing waits in real time.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { watchErrors } from './pageErrors';

const SETTINGS = 'et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';

const cluster = (page: Page) => page.getByRole('group', { name: /^Raft cluster/ });
const nodeButton = (page: Page, id: number) =>
  cluster(page).getByRole('button', { name: new RegExp(`^S${id}, `) });

async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Fires a server's election timer from its node menu. */
async function fireTimer(page: Page, id: number): Promise<void> {
  await nodeButton(page, id).click();
  const menu = page.getByRole('menu', { name: `Actions for S${id}` });
  await menu.getByRole('menuitem', { name: 'Fire election timer now' }).click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

test('switching "one vote per term" off lets two leaders win one term, and the alarm shows where', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`/?n=3&seed=7&${SETTINGS}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await expect(page.getByTestId('rules-off')).toHaveCount(0);

  // Settings → Break a rule: the warning, then the switch and the restart that applies it.
  await showTab(page, 'Settings');
  const rules = page.getByRole('form', { name: /Break a rule/ });
  await expect(rules).toContainText('makes Raft unsafe on purpose');
  const oneVote = rules.getByRole('checkbox', { name: /one vote per term §5\.2/i });
  await expect(oneVote).toBeChecked();
  await expect(oneVote).toHaveAccessibleDescription(/two leaders/);
  await oneVote.uncheck();
  await expect(rules).toContainText('Not in effect until you restart');
  await rules.getByRole('button', { name: 'Restart with these rules' }).click();
  await page.waitForFunction(
    () => window.raftLabStore!.getState().settings.rules.oneVotePerTerm === false,
  );
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
  expect(new URL(page.url()).searchParams.get('off')).toBe('oneVotePerTerm');
  await expect(page.getByTestId('rules-off')).toHaveText('⚠ Rules off: one vote per term');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Paused, so both timers fire at the same virtual instant; then the votes travel.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await fireTimer(page, 1);
  await fireTimer(page, 2);
  await page.evaluate(() => window.raftLabStore!.getState().advanceBy(300));

  const alarm = page.getByRole('alert');
  await expect(alarm).toContainText('Election Safety');
  await expect(alarm).toContainText('as expected, with “one vote per term” (§5.2) switched off');
  const jump = alarm.getByRole('button', { name: /^Go to event \d+$/ });
  await expect(jump).toHaveCount(1);
  const n = Number(/\d+/.exec((await jump.textContent()) ?? '')![0]);
  const broke = await page.evaluate(() => window.raftLabView!().frame!.violations[0]!.seq);
  expect(n).toBe(broke + 1);
  expect(await page.evaluate(() => window.raftLabStore!.getState().cursor)).toBeGreaterThan(n);

  await jump.click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
  expect(await page.evaluate(() => window.raftLabStore!.getState().cursor)).toBe(n);
  await expect(page.getByTestId('clock')).toContainText(`event ${n} of`);
  await expect(alarm).toContainText(`event ${n} · t = `);

  // Both leaders are marked, as the alarm, in the drawing and in the log strip; S3 is not.
  for (const id of [1, 2]) {
    await expect(nodeButton(page, id)).toHaveAttribute('data-highlight', 'broken');
    await expect(nodeButton(page, id)).toHaveAccessibleDescription(
      /named by the failed safety check/,
    );
    await expect(
      page
        .getByRole('table', { name: 'Logs of all servers' })
        .getByRole('rowheader', { name: new RegExp(`^S${id} `) }),
    ).toHaveAttribute('data-highlight', 'broken');
  }
  await expect(nodeButton(page, 3)).not.toHaveAttribute('data-highlight', /.+/);

  // A short screen can fold the alarm to its headline and the rule's name, and unfold it again.
  await alarm.getByRole('button', { name: 'Hide details' }).click();
  await expect(jump).toBeHidden();
  await expect(alarm).toContainText('Election Safety');
  await alarm.getByRole('button', { name: 'Show details' }).click();
  await expect(jump).toBeVisible();

  // One event earlier nothing had broken yet: no alarm, nothing marked.
  await page.evaluate((seq) => window.raftLabStore!.getState().seekTo(seq), n - 1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(nodeButton(page, 1)).not.toHaveAttribute('data-highlight', /.+/);
  expect(errors).toEqual([]);
});
