// Messages a person touches, in real Chromium: click a message in flight and hold it (it waits
// at its receiver's door, the inspector lists it), release it, drop one (it is lost by hand),
// duplicate one (a copy travels); manual delivery lists the next events in order and a pick
// makes one happen; and Raft's "truncate only on a conflict" (§5.3) shown by holding an old
// AppendEntries until a newer one has reached the follower. Everything goes through the page by
// role and name; the store is only read, or asked to run virtual time ahead.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advance, openSettled, shownLeader, smallTextsIn } from './labPage';
import { watchErrors } from './pageErrors';

const SEARCH = 'n=3&seed=1&et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';

const cluster = (page: Page) => page.getByRole('group', { name: /^Raft cluster/ });
/** Messages on their way (not held), by their accessible name "Message #12: …, S1 → S3". */
const moving = (page: Page, route = '') =>
  cluster(page).getByRole('button', { name: new RegExp(`^Message #\\d+: .*${route}$`) });
const heldDots = (page: Page) => cluster(page).getByRole('button', { name: /^Held message #/ });
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const heldList = (page: Page) => page.getByRole('region', { name: 'Held messages' });
const events = (page: Page) => page.getByRole('list', { name: 'Events, newest first' });

async function idle(page: Page): Promise<void> {
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

/** Steps forward one event at a time (at most `max`) until `target` shows a match. */
async function stepUntil(page: Page, target: Locator, max = 40): Promise<void> {
  const step = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < max && (await target.count()) === 0; i++) {
    await step.click();
    await idle(page);
  }
  await expect(target.first()).toBeVisible();
}

/** A message's id from its accessible name ("Message #12: …" → 12). */
async function idOf(dot: Locator): Promise<number> {
  const name = (await dot.getAttribute('aria-label')) ?? '';
  const m = /#(\d+)/.exec(name);
  if (!m) throw new Error(`no message id in "${name}"`);
  return Number(m[1]);
}

/** Opens message `id`'s menu by clicking it and picks `item`. */
async function touch(page: Page, dot: Locator, item: string): Promise<number> {
  const id = await idOf(dot);
  await dot.click();
  const menu = page.getByRole('menu', { name: new RegExp(`^Message #${id} `) });
  await menu.getByRole('menuitem', { name: item, exact: true }).click();
  await idle(page);
  await expect(menu).toHaveCount(0);
  return id;
}

async function showTab(page: Page, name: 'Client' | 'Events' | 'Inspect'): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

async function sendWrite(page: Page, key: string, value: string): Promise<void> {
  await showTab(page, 'Client');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('set');
  await page.getByRole('textbox', { name: 'Key' }).fill(key);
  await page.getByRole('textbox', { name: 'Value' }).fill(value);
  await page.getByRole('combobox', { name: 'Send to' }).selectOption({ label: 'the leader' });
  await page.getByRole('button', { name: 'Send request' }).click();
  await idle(page);
}

test('hold a message at its door, release it, drop one and duplicate one', async ({ page }) => {
  const errors = watchErrors(page);
  await openSettled(page, SEARCH);
  await stepUntil(page, moving(page));

  // Hold: the message jumps to its receiver's door and waits there while time runs.
  const held = await touch(page, moving(page).first(), 'Hold');
  await expect(heldDots(page)).toHaveCount(1);
  await expect(heldDots(page).first()).toHaveAccessibleName(
    new RegExp(`^Held message #${held}: .*waiting at S\\d’s door$`),
  );
  await expect(inspector(page).locator('.rl-field', { hasText: 'held' })).toContainText(
    'waiting at',
  );
  await expect(heldList(page)).toContainText(`#${held} `);
  await advance(page, 120);
  await expect(heldDots(page)).toHaveCount(1);
  await expect(heldList(page)).toContainText(`#${held} `);

  // Release it from the inspector's list: it arrives now.
  await heldList(page)
    .getByRole('button', { name: `Release message #${held}` })
    .click();
  await idle(page);
  await expect(heldDots(page)).toHaveCount(0);
  await expect(heldList(page)).toHaveCount(0);
  await showTab(page, 'Events');
  await expect(events(page)).toContainText(`Held message #${held}`);

  // Drop: it dies now, a loss "dropped by hand", and is gone once the loss has happened.
  await stepUntil(page, moving(page));
  const dropped = await touch(page, moving(page).first(), 'Drop');
  // Drawn like any loss: a burst where it died (the frame shown is already past the loss).
  await expect(cluster(page).locator('.rl-dead')).toHaveCount(1);
  await expect(cluster(page).locator(`[data-flight="${dropped}"]`)).toHaveCount(0);
  await showTab(page, 'Events');
  await expect(events(page)).toContainText(`Message #${dropped}`);
  await expect(events(page)).toContainText('dropped by hand');

  // Duplicate: a copy with a new id travels the same route.
  await stepUntil(page, moving(page));
  const original = moving(page).first();
  const route = ((await original.getAttribute('aria-label')) ?? '').replace(/^.*, /, '');
  const copies = moving(page, route);
  const before = await copies.count();
  const copied = await touch(page, original, 'Duplicate');
  await showTab(page, 'Events');
  await expect(events(page)).toContainText(`Message #${copied}`);
  await expect(events(page)).toContainText('duplicated: copy #');
  await expect(copies).toHaveCount(before + 1);
  expect(errors).toEqual([]);
});

test('manual delivery lists the next events in order and a pick makes one happen', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openSettled(page, SEARCH);
  const manual = page.getByRole('switch', { name: 'Manual delivery' });
  if (!(await manual.isVisible())) await page.getByRole('button', { name: /Speed/ }).click();
  await manual.check();
  await idle(page);
  const list = page.getByRole('region', { name: 'Next events: pick one' });
  await expect(list).toBeVisible();
  const choices = list.getByRole('listitem');
  await expect(choices.first()).toBeVisible();

  // In order of when each would happen by itself, every server's timer among them.
  const texts = await choices.allInnerTexts();
  const times = texts.map((s) => Number(/t=(\d+) ms/.exec(s)![1]));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(texts.filter((s) => !s.startsWith('Deliver'))).toHaveLength(3);
  await expect(list.getByRole('button', { name: /^Let time run to S\d’s / })).toHaveCount(1);

  // Deliveries come in as time runs to the first timer (messages sent meanwhile wait too).
  const runTo = list.getByRole('button', { name: /^Let time run to / });
  const deliver = list.getByRole('button', { name: /^Deliver #\d+ / });
  for (let i = 0; i < 10 && (await deliver.count()) === 0; i++) {
    await runTo.click();
    await idle(page);
  }
  const first = deliver.first();
  const id = Number(/#(\d+)/.exec((await first.innerText()) ?? '')![1]);
  await expect(heldDots(page).and(page.locator(`[data-flight="${id}"]`))).toHaveCount(1);
  await first.click();
  await idle(page);
  await expect(list.getByRole('button', { name: new RegExp(`^Deliver #${id} `) })).toHaveCount(0);
  await showTab(page, 'Events');
  await expect(events(page)).toContainText(`Held message #${id}`);

  // A later election timer fires by hand.
  const fire = list.getByRole('button', { name: /^Fire S\d’s election timer/ });
  await expect(fire.first()).toBeVisible();
  const node = /S(\d)/.exec(await fire.first().innerText())![1];
  await fire.first().click();
  await idle(page);
  await expect(events(page)).toContainText(`S${node}'s election timer was fired by hand`);

  // The first timer: time runs to it, and not past it.
  const at = Number(/t=(\d+) ms/.exec(await runTo.innerText())![1]);
  await runTo.click();
  await idle(page);
  await expect(page.getByTestId('clock')).toContainText(`${at.toLocaleString('en-US')} ms`);
  // The list starts again at its first event, focused: Enter, Enter… walks time by keyboard.
  await expect(choices.first().getByRole('button')).toBeFocused();

  // Off: every held message is released and the list goes.
  await manual.uncheck();
  await idle(page);
  await expect(list).toHaveCount(0);
  await expect(heldDots(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

// With the rule switched off (off=truncateOnlyOnConflict) the follower truncates after the old
// entry, which shows the test can fail.
for (const rule of ['on', 'off'] as const) {
  test(`a late, older AppendEntries ${rule === 'on' ? 'does not truncate' : 'truncates, with the rule off,'} entries a newer one added (§5.3)`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openSettled(page, rule === 'on' ? SEARCH : `${SEARCH}&off=truncateOnlyOnConflict`);
    const leader = await shownLeader(page);
    const follower = leader === 1 ? 2 : 1;
    const route = `S${leader} → S${follower}`;
    const logRow = page
      .getByRole('table', { name: 'Logs of all servers' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^S${follower} `) }) });
    const entry = (index: number) =>
      logRow.getByRole('cell', { name: new RegExp(`^index ${index}, `) });
    await expect(entry(1)).toHaveCount(1);
    await expect(entry(2)).toHaveCount(0);

    // x=1 becomes entry 2: hold the AppendEntries that carries it to the follower.
    await sendWrite(page, 'x', '1');
    const carrying = moving(page, route).filter({ hasText: /1 entry after index 1 of/ });
    await stepUntil(page, carrying);
    const old = await touch(page, carrying.first(), 'Hold');

    // x=2 becomes entry 3; the leader repairs the follower with a newer AppendEntries (2–3).
    await sendWrite(page, 'x', '2');
    await advance(page, 200);
    await expect(entry(3)).toHaveCount(1);
    await expect(entry(3)).toHaveAccessibleName(/x=2/);
    await expect(heldDots(page)).toHaveCount(1);

    // Release the old one and step until it has arrived: its entry 2 matches, so under §5.3
    // nothing after it is truncated.
    await showTab(page, 'Inspect');
    await heldList(page)
      .getByRole('button', { name: `Release message #${old}` })
      .click();
    await idle(page);
    await expect(heldDots(page)).toHaveCount(0);
    const step = page.getByRole('button', { name: 'Step forward' });
    const oldDot = cluster(page).locator(`[data-flight="${old}"]`);
    for (let i = 0; i < 5 && (await oldDot.count()) > 0; i++) {
      await step.click();
      await idle(page);
    }
    await expect(oldDot).toHaveCount(0);
    await expect(entry(2)).toHaveCount(1);
    await expect(entry(3)).toHaveCount(rule === 'on' ? 1 : 0);
    expect(errors).toEqual([]);
  });
}

/** The element lies wholly inside the 1280×720 window. */
async function inWindow(target: Locator): Promise<boolean> {
  const b = await target.boundingBox();
  return !!b && b.x >= 0 && b.y >= 0 && b.x + b.width <= 1280 && b.y + b.height <= 720;
}

test('presentation mode at 1280×720: the menu, held messages and manual delivery read at 18 px and fit', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSettled(page, `${SEARCH}&present=1`);
  await stepUntil(page, moving(page));
  const dot = moving(page).first();
  const id = await idOf(dot);
  await dot.click();
  const menu = page.getByRole('menu', { name: new RegExp(`^Message #${id} `) });
  expect(await inWindow(menu)).toBe(true);
  expect(await menu.evaluate(smallTextsIn, 18)).toEqual([]);
  await menu.getByRole('menuitem', { name: 'Hold' }).click();
  await idle(page);
  expect(await cluster(page).evaluate(smallTextsIn, 18)).toEqual([]);

  // The inspector is in the drawer: its held list reads large.
  await page.getByRole('button', { name: 'Panels', exact: true }).click();
  await showTab(page, 'Inspect');
  await expect(heldList(page)).toBeVisible();
  expect(await heldList(page).evaluate(smallTextsIn, 18)).toEqual([]);
  await page.keyboard.press('Escape');

  // Manual delivery: the switch is reachable in the controls, the list fits above the fold.
  const manual = page.getByRole('switch', { name: 'Manual delivery' });
  if (!(await manual.isVisible())) await page.getByRole('button', { name: /Speed/ }).click();
  await manual.check();
  await idle(page);
  const list = page.getByRole('region', { name: 'Next events: pick one' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  expect(await inWindow(list)).toBe(true);
  expect(await list.evaluate(smallTextsIn, 18)).toEqual([]);
  await list.getByRole('button', { name: 'Turn manual delivery off' }).click();
  await idle(page);
  await expect(list).toHaveCount(0);
});

test('a message is reachable by keyboard: Enter opens its menu, arrows move, Escape closes', async ({
  page,
}) => {
  await openSettled(page, SEARCH);
  await stepUntil(page, moving(page));
  const dot = moving(page).first();
  const id = await idOf(dot);
  await dot.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: new RegExp(`^Message #${id} `) });
  await expect(menu.getByRole('menuitem', { name: 'Hold' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Drop' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(cluster(page).locator(`[data-flight="${id}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await menu.getByRole('menuitem', { name: 'Hold' }).press('Enter');
  await idle(page);
  await expect(heldDots(page)).toHaveCount(1);
});
