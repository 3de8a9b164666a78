// Time controls in real Chromium, through roles and accessible names: the drawn clock against
// the computed cluster during fast playback, the keys wherever the focus is, stepping at the
// newest event, the event log following playback, and acting in the past — asked first, then
// undone. The store is only read, or asked to run virtual time ahead; work is bounded by counts.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

const SETTINGS = 'et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0';

async function openLab(page: Page, search: string): Promise<void> {
  await page.goto(`/?${search}&${SETTINGS}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
}

const lab = (page: Page) => ({
  cursor: () => page.evaluate(() => window.raftLabStore!.getState().cursor),
  head: () => page.evaluate(() => window.raftLabView!().headSeq),
  idle: () => page.evaluate(() => window.raftLabStore!.getState().whenIdle()),
  advance: (ms: number) => page.evaluate((m) => window.raftLabStore!.getState().advanceBy(m), ms),
  leader: () => page.evaluate(() => window.raftLabStore!.getState().fastForward('leader')),
});

const pastNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'In the past' });

/** "2,282.9 ms" on screen → 2282.9. */
const parseClock = (text: string) => Number(text.replace(/[^\d.]/g, ''));

/**
 * Samples, once per display frame for `frames` frames, the clock as drawn and what the store
 * has computed: the time the cluster has run to and the newest event's time.
 */
function sampleFrames(page: Page, frames: number) {
  return page.evaluate(async (count) => {
    const clock = document.querySelector('[data-testid="clock"] .rl-clock-time')!;
    const out = [];
    for (let i = 0; i < count; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const s = window.raftLabStore!.getState();
      out.push({
        drawn: clock.textContent ?? '',
        viewTime: window.raftLabView!().viewTime,
        computedTo: s.computedTo,
        newestAt: s.history.last()!.at,
        shownAt: window.raftLabView!().frame!.at,
      });
    }
    return out;
  }, frames);
}

test('at 1000 ms per second the drawn clock never passes the computed cluster and never goes back', async ({
  page,
}) => {
  await openLab(page, 'n=5&seed=3');
  await lab(page).leader();
  await page.evaluate(() => window.raftLabStore!.getState().setSpeed(1000));
  await page.getByRole('button', { name: 'Play' }).click();
  const samples = await sampleFrames(page, 150);
  let last = 0;
  for (const s of samples) {
    const drawn = parseClock(s.drawn);
    // Time moves in whole ms: a cluster run to T has settled everything before T + 1.
    expect(s.viewTime, JSON.stringify(s)).toBeLessThan(s.computedTo + 1);
    expect(drawn, JSON.stringify(s)).toBeLessThan(s.computedTo + 1);
    expect(drawn, JSON.stringify(s)).toBeGreaterThanOrEqual(last);
    expect(s.shownAt).toBeLessThanOrEqual(s.viewTime);
    // With a leader beating every 50 ms, the newest event is never far behind the clock.
    expect(s.viewTime - s.newestAt, JSON.stringify(s)).toBeLessThanOrEqual(50);
    last = drawn;
  }
  expect(last).toBeGreaterThan(samples[0]!.viewTime + 300);

  await page.getByRole('button', { name: 'Pause' }).click();
  await lab(page).idle();
  const [paused] = await sampleFrames(page, 1);
  expect(paused!.newestAt).toBeLessThanOrEqual(paused!.viewTime);
  expect(paused!.viewTime).toBeLessThan(paused!.computedTo + 1);
  expect(paused!.viewTime - paused!.newestAt).toBeLessThanOrEqual(50);
  await expect(pastNotice(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Play' }).click();
  const again = await sampleFrames(page, 20);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(parseClock(again[0]!.drawn)).toBeGreaterThanOrEqual(parseClock(paused!.drawn));
  expect(again.every((s) => s.viewTime < s.computedTo + 1)).toBe(true);
  await expect(pastNotice(page)).toHaveCount(0);
});

test('stepping forward at the newest event computes the next one and never lands in the past', async ({
  page,
}) => {
  await openLab(page, 'n=5&seed=1');
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let i = 1; i <= 40; i++) {
    await forward.click();
    await lab(page).idle();
    expect(await lab(page).cursor()).toBe(i);
    await expect(pastNotice(page)).toHaveCount(0);
  }
});

test('← and → step with the focus on a tab, a button or the timeline, but not in a text field; Space plays and pauses', async ({
  page,
}) => {
  await openLab(page, 'n=3&seed=2');
  await lab(page).advance(300);
  const steps = async (press: () => Promise<void>) => {
    const before = await lab(page).cursor();
    await press();
    await lab(page).idle();
    return (await lab(page).cursor()) - before;
  };
  const keys = async (...k: string[]) => {
    for (const key of k) await page.keyboard.press(key);
  };

  const tab = page.getByRole('tab', { name: 'Client', exact: true });
  await tab.click();
  await tab.focus();
  expect(await steps(() => keys('ArrowLeft', 'ArrowLeft'))).toBe(-2);
  expect(await steps(() => keys('ArrowRight'))).toBe(1);
  // The tab keeps its place: ← → belong to time; ↓ and ↑ move along the tabs.
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await keys('ArrowDown');
  await expect(page.getByRole('tab', { name: 'Logs', exact: true })).toBeFocused();
  await keys('ArrowUp', 'End');
  await expect(page.getByRole('tab', { name: 'Settings', exact: true })).toBeFocused();
  await keys('Home');
  await expect(page.getByRole('tab', { name: 'Course', exact: true })).toBeFocused();

  await page.getByRole('button', { name: 'Keys' }).focus();
  expect(await steps(() => keys('ArrowLeft'))).toBe(-1);
  expect(await steps(() => keys('ArrowRight'))).toBe(1);

  // On the timeline, at its end (the newest event), → still steps: it computes the next event.
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.focus();
  await keys('End');
  await lab(page).idle();
  expect(await lab(page).cursor()).toBe(await lab(page).head());
  expect(await steps(() => keys('ArrowRight'))).toBe(1);
  expect(await steps(() => keys('ArrowLeft', 'ArrowLeft', 'ArrowLeft'))).toBe(-3);

  await page.getByRole('tab', { name: 'Client', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Key' });
  await field.fill('abc');
  await field.press('ArrowLeft');
  expect(await steps(() => field.press('ArrowLeft'))).toBe(0);
  expect(await steps(() => field.press('ArrowRight'))).toBe(0);
  await field.press('Space');
  await expect(field).toHaveValue('ab c');
  expect(await page.evaluate(() => window.raftLabStore!.getState().playing)).toBe(false);

  // Space on a focused button plays and pauses instead of pressing that button.
  const forward = page.getByRole('button', { name: 'Step forward' });
  await forward.focus();
  const before = await lab(page).cursor();
  await keys('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await keys('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await lab(page).idle();
  expect(await lab(page).cursor()).toBeGreaterThanOrEqual(before);
});

test('P turns presentation mode on and off, and the Keys help lists every shortcut', async ({
  page,
}) => {
  await openLab(page, 'n=3&seed=2');
  await page.locator('body').press('p');
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await page.locator('body').press('P');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '');

  await page.getByRole('button', { name: 'Keys' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const [key, what] of [
    ['Space', 'Play or pause'],
    ['←', 'Back one event'],
    ['→', 'Forward one event'],
    ['P', 'Presentation mode'],
    ['↑ ↓ Home End', 'panel tab'],
    ['Esc', 'Close'],
  ]) {
    await expect(help.getByRole('term').filter({ hasText: key }).first()).toBeVisible();
    await expect(help.getByRole('definition').filter({ hasText: what }).first()).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the event log follows playback and keeps the future hidden until asked', async ({ page }) => {
  await openLab(page, 'n=3&seed=2');
  await lab(page).leader();
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('all');
  const list = page.getByRole('list', { name: 'Events, newest first' });
  const current = list.locator('button[aria-current="true"]');

  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await lab(page).idle();
  await expect(list.getByRole('button').first()).toHaveAttribute('aria-current', 'true');

  // Back in the past: the later events are hidden, and counted.
  await page.locator('body').press('ArrowLeft');
  await page.locator('body').press('ArrowLeft');
  await lab(page).idle();
  await expect(list.getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText('2 later events hidden')).toBeVisible();
  const shown = await list.getByRole('button').count();

  await page.getByRole('switch', { name: 'Show the future' }).check();
  await expect(list.getByRole('button')).toHaveCount(shown + 2);
  await expect(list.getByRole('button').first()).toContainText('later:');
  await expect(current).toBeInViewport();

  // Far back, the current event is scrolled into view inside the panel.
  await lab(page).advance(2000);
  await page.evaluate(() => window.raftLabStore!.getState().seekTo(40));
  await lab(page).idle();
  await expect(current).toBeInViewport();
});

test('acting in the past asks first; Cancel changes nothing; Undo puts the future back exactly', async ({
  page,
}) => {
  await openLab(page, 'n=5&seed=3');
  await lab(page).leader();
  await lab(page).advance(500);
  const before = await page.evaluate(() => ({
    head: window.raftLabView!().headSeq,
    hash: window.raftLabStore!.getState().traceHash,
  }));
  await page.evaluate(() => window.raftLabStore!.getState().seekTo(60));
  await lab(page).idle();
  await expect(pastNotice(page)).toBeVisible();

  const crash = async () => {
    await page.getByRole('button', { name: /^S1, / }).click();
    await page.getByRole('menuitem', { name: /crash/i }).click();
  };
  const dialog = page.getByRole('dialog', { name: 'Start a new future here?' });

  await crash();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    `The ${before.head - 60} events after this point stay in a branch of their own`,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await lab(page).idle();
  expect(await lab(page).head()).toBe(before.head);
  expect(await lab(page).cursor()).toBe(60);

  await crash();
  await dialog.getByRole('button', { name: 'Start a new future' }).click();
  await lab(page).idle();
  await expect(dialog).toBeHidden();
  expect(await lab(page).head()).toBeLessThan(before.head);
  const undo = page.getByRole('status').filter({ hasText: 'New future after event 60' });
  await expect(undo).toContainText(`the ${before.head - 60} later events left the screen`);

  await undo.getByRole('button', { name: 'Undo' }).click();
  await lab(page).idle();
  await expect(undo).toBeHidden();
  const after = await page.evaluate(() => ({
    head: window.raftLabView!().headSeq,
    hash: window.raftLabStore!.getState().traceHash,
    cursor: window.raftLabStore!.getState().cursor,
  }));
  expect(after).toEqual({ ...before, cursor: 60 });

  // "Don't ask again" is remembered: the next action in the past just happens.
  await crash();
  await dialog.getByRole('checkbox', { name: 'Don’t ask again' }).check();
  await dialog.getByRole('button', { name: 'Start a new future' }).click();
  await lab(page).idle();
  expect(await page.evaluate(() => localStorage.getItem('raft-lab.askBeforeRewrite'))).toBe('no');
  await page.evaluate(() => window.raftLabStore!.getState().seekTo(40));
  await lab(page).idle();
  await page.getByRole('button', { name: /^S2, / }).click();
  await page.getByRole('menuitem', { name: /crash/i }).click();
  await lab(page).idle();
  await expect(dialog).toBeHidden();
  expect(await lab(page).head()).toBeLessThanOrEqual(41);
});

/**
 * The controls bar's problems a person could see: a readout (clock, counter, past notice)
 * outside the window or cut, two of its texts overlapping, a word broken over lines (a label
 * taller than two lines, as "暂停条件" once was, one character per line), a page wider than the
 * window.
 */
function barProblems(): string[] {
  const out: string[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  if (document.documentElement.scrollWidth > vw) out.push('the page scrolls sideways');
  const bar = document.querySelector('footer.rl-controls')!;
  for (const sel of ['.rl-clock-time', '.rl-clock-event', '.rl-past']) {
    const el = bar.querySelector<HTMLElement>(sel);
    if (!el) {
      out.push(`${sel} is missing`);
      continue;
    }
    const b = el.getBoundingClientRect();
    if (b.left < 0 || b.top < 0 || b.right > vw + 0.5 || b.bottom > vh + 0.5)
      out.push(`${sel} "${el.innerText}" is not inside ${vw}×${vh}`);
    if (el.scrollWidth > el.clientWidth + 1) out.push(`${sel} "${el.innerText}" is cut off`);
  }
  const texts = [...bar.querySelectorAll<HTMLElement>('span, strong, legend, output, button')]
    .filter((el) => el.offsetParent !== null && el.innerText.trim() !== '')
    .filter((el) => ![...el.children].some((c) => (c as HTMLElement).innerText?.trim()));
  for (const el of texts) {
    const lh = parseFloat(getComputedStyle(el).fontSize) * 1.6;
    if (el.getBoundingClientRect().height > 2 * lh + 2 && el.innerText.length < 12)
      out.push(`"${el.innerText}" is broken over lines`);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (texts[i]!.contains(texts[j]!) || texts[j]!.contains(texts[i]!)) continue;
      const a = texts[i]!.getBoundingClientRect();
      const b = texts[j]!.getBoundingClientRect();
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) out.push(`"${texts[i]!.innerText}" overlaps "${texts[j]!.innerText}"`);
    }
  }
  return out;
}

// Screens and zoom levels as CSS windows (1280×720 at 125, 150 and 200 % included).
const WINDOWS: readonly (readonly [number, number])[] = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
  [1024, 576],
  [853, 480],
  [640, 360],
];

for (const [w, h] of WINDOWS) {
  test(`controls bar at ${w}×${h}, both languages, in the past: readouts whole, nothing overlaps`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const lang of ['en', 'zh'] as const) {
      for (const present of w === 1280 ? [false, true] : [false]) {
        await openLab(page, `n=5&seed=1&lang=${lang}${present ? '&present=1' : ''}`);
        await lab(page).leader();
        await lab(page).advance(400);
        await page.evaluate(() => {
          const s = window.raftLabStore!.getState();
          return s.seekTo(s.cursor - 30);
        });
        await lab(page).idle();
        const where = `${lang}${present ? ', presentation mode' : ''}`;
        expect(await page.evaluate(barProblems), where).toEqual([]);
        // Folded away (narrow, large text): open speed and pause-when; they wrap, whole.
        const more = page.getByRole('button', { name: /^(Speed and pausing|速度与暂停)$/ });
        if (await more.isVisible()) {
          await more.click();
          await expect(page.getByRole('group', { name: /^(Pause when|暂停条件)$/ })).toBeVisible();
          expect(await page.evaluate(barProblems), `${where}, unfolded`).toEqual([]);
        }
        if (present) {
          const small = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('footer.rl-controls *')]
              .filter((el) => el.offsetParent !== null && el.childNodes[0]?.nodeType === 3)
              .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 18)
              .map((el) => el.innerText),
          );
          expect(small, where).toEqual([]);
        }
      }
    }
  });
}
