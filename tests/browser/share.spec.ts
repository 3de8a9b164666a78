// Sharing a run in real Chromium, through roles and accessible names: a crash, Copy link, the
// link opened in a new page shows the same event with the same digest (as the Share menu shows
// it); an exported file imported elsewhere does the same; a tampered or cut-off file is refused
// with a message that says what is wrong, and the run on screen stays as it was.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advance, openSettled } from './labPage';

const SEARCH = 'n=5&seed=3&et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';

/** Opens the Share menu (if closed) and returns it. */
async function shareMenu(page: Page) {
  const menu = page.getByRole('dialog', { name: 'Share this run' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Share' }).click();
  await expect(menu).toBeVisible();
  return menu;
}

/** What the page shows of where the run stands: the timeline's event, the digest, the event's row. */
async function shown(page: Page) {
  const menu = await shareMenu(page);
  const digest = (await menu.getByText(/^Run digest /).innerText()).replace('Run digest ', '');
  await page.keyboard.press('Escape');
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  const events = page.getByRole('region', { name: 'Event log' });
  return {
    digest,
    event: await timeline.getAttribute('aria-valuetext'),
    row: await events.locator('.rl-event-now').innerText(),
  };
}

/** Runs a little, crashes the leader by its button, runs on, and steps back three events. */
async function runWithCrash(page: Page) {
  await openSettled(page, SEARCH);
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.getByRole('button', { name: /^Crash leader S\d$/ }).click();
  await advance(page, 400);
  await page.getByRole('button', { name: /^Write k\d+=\d+$/ }).click();
  await advance(page, 200);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
}

test('a copied link opens the same run at the same event, with the same digest', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await runWithCrash(page);
  const before = await shown(page);
  expect(before.event).not.toMatch(/^event (\d+) of \1$/);

  const menu = await shareMenu(page);
  await menu.getByRole('button', { name: 'Copy link' }).click();
  await expect(menu.getByRole('status')).toHaveText('Link copied.');
  const link = await menu.getByRole('textbox', { name: 'Link to this run' }).inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toMatch(/[?&]run=1\.[A-Za-z0-9_-]+$/);
  expect(link).not.toContain('lang=');

  const other = await context.newPage();
  await other.goto(link);
  await other.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await other.getByRole('tab', { name: 'Events' }).click();
  await expect(other.getByRole('slider', { name: 'Timeline' })).toHaveAttribute(
    'aria-valuetext',
    before.event!,
  );
  expect(await shown(other)).toEqual(before);
});

test('an exported run imports elsewhere; a tampered or cut-off file is refused and changes nothing', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await runWithCrash(page);
  const before = await shown(page);
  const menu = await shareMenu(page);
  const download = page.waitForEvent('download');
  await menu.getByRole('button', { name: 'Export run' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('raft-lab-run.json');
  const text = (await (await file.createReadStream()).toArray()).join('');
  expect(JSON.parse(text)).toMatchObject({ format: 'raft-lab-run', version: 1 });

  const other = await context.newPage();
  await openSettled(other, 'n=3&seed=9');
  await other.getByRole('tab', { name: 'Events' }).click();
  const plain = await shown(other);
  const importFile = async (name: string, body: string) => {
    const m = await shareMenu(other);
    await m.getByLabel('Import run').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(body),
    });
    return m;
  };

  const digest = JSON.parse(text).digest as string;
  const wrong = digest === '00000000' ? '11111111' : '00000000';
  let m = await importFile('tampered.json', text.replace(`"${digest}"`, `"${wrong}"`));
  await expect(m.getByRole('alert')).toContainText('Not imported; the run on screen is unchanged.');
  await expect(m.getByRole('alert')).toContainText(wrong);
  expect(await shown(other)).toEqual(plain);

  m = await importFile('cut.json', text.slice(0, text.length / 2));
  await expect(m.getByRole('alert')).toContainText('it is not JSON, or it was cut off');
  expect(await shown(other)).toEqual(plain);

  m = await importFile('future.json', text.replace('"version": 1', '"version": 7'));
  await expect(m.getByRole('alert')).toContainText('newer Raft Lab (version 7)');
  expect(await shown(other)).toEqual(plain);

  m = await importFile('raft-lab-run.json', text);
  // The rebuild runs on a cluster of new workers, and each may use its whole start allowance
  // (10 s) on a busy machine: 5 s has not always been enough.
  await expect(m.getByRole('status')).toHaveText('Run imported.', { timeout: 30_000 });
  await other.keyboard.press('Escape');
  await expect(other.getByRole('slider', { name: 'Timeline' })).toHaveAttribute(
    'aria-valuetext',
    before.event!,
  );
  expect(await shown(other)).toEqual(before);
});
