// The space-time diagram in real Chromium: opened from the switch on the log strip, it draws the
// messages of a run played until a leader; clicking an arrow opens that message in the inspector
// and moves the cursor to its send; +/− and ←/→ on the focused diagram zoom and pan its window
// (and leave the global ← → alone), while ← elsewhere still steps back; in presentation mode
// every text in it is at least 18 px. Actions go through the page; the store is only read.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advance } from './labPage';
import { watchErrors } from './pageErrors';

const diagram = (page: Page) => page.getByRole('img', { name: /^Space-time diagram/ });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Diagram controls' });
const windowText = (page: Page) => toolbar(page).locator('.rl-st-window');
const cursor = (page: Page) => page.evaluate(() => window.raftLabStore!.getState().cursor);

/** Opens the lab, switches to the diagram and plays at full speed until a leader is elected. */
async function playUntilLeader(page: Page, search: string): Promise<void> {
  await page.goto(`/?${search}`);
  await page.waitForFunction(() => window.raftLabStore?.getState().status === 'running');
  await page.getByRole('button', { name: 'Diagram', exact: true }).click();
  await expect(diagram(page)).toBeVisible();
  await page.evaluate(() => window.raftLabStore!.getState().setSpeed(1000));
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('leader-fact')).toHaveText(/^Leader S\d+, term \d+$/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
}

/**
 * A delivered arrow whose midpoint no other arrow passes within 3 px of (so a click there can
 * only mean it): its flight id and the midpoint in page px.
 */
async function lonelyArrow(page: Page): Promise<{ id: number; x: number; y: number }> {
  const found = await diagram(page).evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    // The arrows are drawn in a group moved along by the pan.
    const pan = svg.querySelector('[data-pan]')?.getAttribute('transform') ?? '';
    const shift = Number(/translate\(([-\d.e]+)/.exec(pan)?.[1] ?? 0);
    const lines = [...svg.querySelectorAll('path.rl-st-arrow:not(.rl-st-flying)[data-flight]')];
    // An arrow's path starts with its line: "M x1,y1 L x2,y2".
    const seg = (l: Element) =>
      (/^M([-\d.]+),([-\d.]+)L([-\d.]+),([-\d.]+)/.exec(l.getAttribute('d') ?? '') ?? [])
        .slice(1)
        .map(Number);
    const distance = (px: number, py: number, [ax, ay, bx, by]: number[]) => {
      const dx = bx! - ax!;
      const dy = by! - ay!;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax!) * dx + (py - ay!) * dy) / len));
      return Math.hypot(px - (ax! + t * dx), py - (ay! + t * dy));
    };
    const all = [
      ...svg.querySelectorAll('path.rl-st-arrow:not(.rl-st-hover):not(.rl-st-selected)'),
    ];
    for (const line of lines) {
      const [x1, y1, x2, y2] = seg(line);
      const mx = (x1! + x2!) / 2;
      const my = (y1! + y2!) / 2;
      if (mx + shift < 60) continue;
      const crowded = all.some((o) => o !== line && distance(mx, my, seg(o)) <= 3);
      if (!crowded)
        return {
          id: Number(line.getAttribute('data-flight')),
          x: box.left + shift + mx,
          y: box.top + my,
        };
    }
    return null;
  });
  if (!found) throw new Error('no arrow stands apart from the others');
  return found;
}

test('clicking an arrow shows its message in the inspector and moves the cursor to its send', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await playUntilLeader(page, 'n=5&seed=1');
  await advance(page, 400);
  // Zoomed in, the arrows of one heartbeat fan out.
  await diagram(page).focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const arrows = diagram(page).locator('path[data-flight]');
  expect(await arrows.count()).toBeGreaterThan(10);
  const before = await cursor(page);
  const target = await lonelyArrow(page);
  await page.mouse.move(target.x, target.y);
  await expect(page.getByRole('tooltip')).toContainText(/sent at \d+ ms/);
  await page.mouse.click(target.x, target.y);
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());

  // The message as the store recorded it: the first frame that carries it, and the flight.
  const sent = await page.evaluate((id) => {
    const s = window.raftLabStore!.getState();
    for (const f of s.history.slice(0)) {
      const flight = f.flights.find((x) => x.id === id);
      if (flight)
        return { seq: f.seq, from: flight.message.from, to: flight.message.to, at: flight.sentAt };
    }
    return null;
  }, target.id);
  expect(sent).not.toBeNull();
  expect(await cursor(page)).toBe(sent!.seq);
  expect(sent!.seq).not.toBe(before);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText(`S${sent!.from} → S${sent!.to}`);
  await expect(inspector).toContainText(`at ${sent!.at} ms`);
  expect(await page.evaluate(() => window.raftLabStore!.getState().selection)).toEqual({
    kind: 'flight',
    id: target.id,
  });
  await expect(
    diagram(page).locator(`path.rl-st-selected[data-marked="${target.id}"]`),
  ).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('+/− and ←/→ on the focused diagram zoom and pan its window; ← elsewhere still steps back', async ({
  page,
}) => {
  await playUntilLeader(page, 'n=3&seed=2');
  await advance(page, 3000);
  const span = async () => {
    const m = /^([\d,.]+) (ms|s) – ([\d,.]+) (ms|s)$/.exec(
      (await windowText(page).innerText()).trim(),
    );
    if (!m)
      throw new Error(`no window shown: ${JSON.stringify(await windowText(page).innerText())}`);
    const ms = (v: string, unit: string) =>
      Number(v.replaceAll(',', '')) * (unit === 's' ? 1000 : 1);
    return { from: ms(m[1]!, m[2]!), to: ms(m[3]!, m[4]!) };
  };
  const first = await span();
  await diagram(page).focus();
  const c0 = await cursor(page);
  await page.keyboard.press('+');
  const zoomedIn = await span();
  expect(zoomedIn.to - zoomedIn.from).toBeLessThan((first.to - first.from) * 0.8);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  const zoomedOut = await span();
  expect(zoomedOut.to - zoomedOut.from).toBeGreaterThan((zoomedIn.to - zoomedIn.from) * 1.8);
  await expect(diagram(page)).toHaveAttribute(
    'aria-label',
    new RegExp(`${zoomedOut.from}`.slice(0, 1)),
  );

  await page.keyboard.press('ArrowLeft');
  const panned = await span();
  expect(panned.from).toBeLessThan(zoomedOut.from);
  expect(panned.to - panned.from).toBeCloseTo(zoomedOut.to - zoomedOut.from, -1);
  await expect(toolbar(page).getByRole('button', { name: 'Follow' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.keyboard.press('ArrowRight');
  expect((await span()).from).toBeGreaterThan(panned.from);
  // The diagram kept ← → to itself: the cursor did not move.
  expect(await cursor(page)).toBe(c0);

  // Anywhere else, ← steps back one event as before.
  await page.getByRole('button', { name: 'Diagram key' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.evaluate(() => window.raftLabStore!.getState().whenIdle());
  expect(await cursor(page)).toBe(c0 - 1);
});

test('in presentation mode at 1280×720 every text of the diagram is at least 18 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await playUntilLeader(page, 'n=5&seed=1&present=1');
  await toolbar(page).getByRole('button', { name: 'Diagram key' }).click();
  const sizes = await page.locator('.rl-st').evaluate((root) =>
    [...root.querySelectorAll('text, button, span, li')]
      .filter((el) => (el.textContent ?? '').trim() !== '' && el.getClientRects().length > 0)
      .map((el) => ({
        text: el.textContent!.trim().slice(0, 20),
        px: parseFloat(getComputedStyle(el).fontSize),
      })),
  );
  expect(sizes.length).toBeGreaterThan(10);
  expect(sizes.filter((s) => s.px < 18)).toEqual([]);
});
